/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core (no browser
 * download). A missing browser fails the tests with the command that installs it; it is never skipped.
 */
import { existsSync } from "node:fs";
import { chromium, type BrowserContext } from "playwright-core";
import { createTempDir, type TempDir } from "../../../src/testing/temp-dir.js";

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for a root, offline machine: no sandbox (root), no GPU, and no background connections (this machine's
 * network is closed; without these Chromium keeps retrying Google's hosts). Playwright adds `--headless` and the
 * `--user-data-dir` of {@link launchChromium} itself; both are listed so the set is visible in one place.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/** Throws a clear message when the browser is not installed. */
export function assertChromiumInstalled(path: string = CHROMIUM_PATH): void {
  if (!existsSync(path)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${path}, and it is not installed. ` +
        "Install it with `apt-get install -y chromium` (as root; `.ci/run` does this itself when it is missing).",
    );
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh, empty profile (a new `--user-data-dir` per launch).
 *
 * @example
 * ```ts
 * const browser = await launchChromium({ colorScheme: "dark" });
 * const page = await browser.context.newPage();
 * await browser.close();
 * ```
 */
export async function launchChromium(options: { colorScheme?: "light" | "dark"; viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  assertChromiumInstalled();
  const profile: TempDir = createTempDir("openclaw-chromium-");
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      profile.remove();
    },
  };
}
