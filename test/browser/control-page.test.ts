/**
 * The control page in headless Chromium (Debian's `chromium`, driven by playwright-core) against the real server:
 * `openclaw gateway run` from dist/ on Node 24 with a fresh state directory, plugins installed through the API from a
 * real npm registry on loopback (Verdaccio): seed 003's voice-call manifest, a plugin whose entry throws at import,
 * and one the page itself installs from the registry search. Screenshots of the list and the voice-call form are
 * written to docs/images/ (committed; the README shows them).
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { runPnpm } from "../../scripts/lib/pack.js";
import { UI_GZIP_BUDGET_BYTES, measureUiDir } from "../../scripts/ui-size.js";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { assertChromiumInstalled, launchChromium, type LaunchedBrowser } from "./support/chromium.js";
import { startGateway, type RunningGateway } from "./support/gateway.js";
import { startTestRegistry, type TestRegistry } from "../support/verdaccio.js";
import { createManagementClient } from "../../src/plugin-sdk/management-client.js";

const SECRET = "twilio-secret-9f8e7d6c5b4a";
/** Waits for the page to catch up with the server: generous, since CI runs other suites on the same two cores. */
const POLL = { timeout: 20_000, interval: 100 };
const fixtureDir = join(repoRoot, "test", "browser", "fixtures", "voice-call");
/** The committed screenshots are rewritten only on request (`OPENCLAW_UPDATE_SCREENSHOTS=1`); otherwise they go to the temp folder. */
const updateScreenshots = process.env.OPENCLAW_UPDATE_SCREENSHOTS === "1";

/** Takes a screenshot of `target` and checks it is a real PNG of at least `minWidth` × `minHeight` pixels. */
async function screenshot(target: { screenshot(options: { path: string }): Promise<Buffer> }, name: string, minWidth: number, minHeight: number): Promise<void> {
  const path = updateScreenshots ? join(repoRoot, "docs", "images", name) : work.resolve(`screenshots/${name}`);
  mkdirSync(dirname(path), { recursive: true });
  const png = await target.screenshot({ path });
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16), `${name} width`).toBeGreaterThanOrEqual(minWidth);
  expect(png.readUInt32BE(20), `${name} height`).toBeGreaterThanOrEqual(minHeight);
}

let work: TempDir;
let stateDir: string;
let configPath: string;
let gateway: RunningGateway;
let browser: LaunchedBrowser;

function readConfig(): { plugins: { entries: Record<string, { enabled?: boolean; config?: Record<string, unknown> }> } } {
  return JSON.parse(readFileSync(configPath, "utf8")) as never;
}

async function openPage(path = "/"): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${gateway.baseUrl}${path}`);
  await page.getByRole("heading", { name: "OpenClaw plugins" }).waitFor();
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.x A/AA rules on the page as it is now: the ids and targets of every violation. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force for the page itself.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))",
  )) as string[];
  return violations;
}

function row(page: Page, pluginId: string) {
  return page.locator(`li[data-plugin-id="${pluginId}"]`);
}

/** Writes a plugin package folder (manifest, package.json, entry) to publish to the test registry. */
function writePackage(dir: string, pkg: { name: string; id: string; title: string; description: string; entry: string }): string {
  work.write({
    [`${dir}/openclaw.plugin.json`]: {
      id: pkg.id,
      name: pkg.title,
      version: "1.0.0",
      description: pkg.description,
      configSchema: { type: "object", additionalProperties: false, properties: { units: { type: "string", enum: ["metric", "imperial"] } } },
    },
    [`${dir}/package.json`]: { name: pkg.name, version: "1.0.0", type: "module", description: pkg.description, openclaw: { extensions: ["./index.js"] } },
    [`${dir}/index.js`]: pkg.entry,
  });
  return work.resolve(dir);
}

let registry: TestRegistry;
/** Uncaught errors of the page's own script; every test ends with none. */
const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});
let gatewayEnvExtra: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertChromiumInstalled();
  if (!existsSync(join(repoRoot, "dist", "cli", "openclaw.js"))) runPnpm(["run", "build"], { locked: true });
  else if (!existsSync(join(repoRoot, "dist", "ui", "index.html"))) runPnpm(["run", "build:ui"], { locked: true });

  work = createTempDir("openclaw-ui-");
  stateDir = work.resolve("state");
  configPath = join(stateDir, "openclaw.json");
  mkdirSync(stateDir, { recursive: true });

  // A real npm registry on loopback with three plugin packages, and a plugin catalog that lists them.
  registry = await startTestRegistry(work.resolve("registry"));
  const voiceDir = work.resolve("packages/voice-call");
  cpSync(fixtureDir, voiceDir, { recursive: true });
  await registry.publish(voiceDir);
  await registry.publish(
    writePackage("packages/broken-entry", {
      name: "@openclaw-fixtures/broken-entry",
      id: "broken-entry",
      title: "Broken Entry",
      description: "Throws while its entry is imported",
      entry: 'throw new Error("broken-entry cannot open /dev/ttyUSB9");\n',
    }),
  );
  await registry.publish(
    writePackage("packages/weather-report", {
      name: "@openclaw-fixtures/weather-report",
      id: "weather-report",
      title: "Weather Report",
      description: "Adds the weather to replies",
      entry: 'export default { id: "weather-report", register(api) { api.on("before_tool_call", () => undefined); } };\n',
    }),
  );
  const entry = (name: string, displayName: string, description: string, tags: string[]) => ({
    name,
    displayName,
    description,
    npm: { package: name, version: "1.0.0" },
    tags,
    author: "OpenClaw fixtures",
  });
  work.write({
    "catalog.json": {
      plugins: [
        { ...entry("@openclaw-fixtures/voice-call", "Voice Call", "Voice-call plugin with Telnyx/Twilio/Plivo providers", ["voice"]), npm: { package: "@openclaw-fixtures/voice-call", version: "2026.3.3" } },
        entry("@openclaw-fixtures/broken-entry", "Broken Entry", "Throws while its entry is imported", ["test"]),
        entry("@openclaw-fixtures/weather-report", "Weather Report", "Adds the weather to replies", ["weather"]),
      ],
    },
  });
  gatewayEnvExtra = {
    npm_config_registry: registry.env.npm_config_registry,
    npm_config_userconfig: registry.env.npm_config_userconfig,
    npm_config_cache: registry.env.npm_config_cache,
    OPENCLAW_PLUGIN_CATALOG: work.resolve("catalog.json"),
  };
  gateway = await startGateway({ stateDir, env: gatewayEnvExtra });

  // Install two of them through the API (the installer, the index), and store voice-call's config with a secret.
  const client = createManagementClient({ baseUrl: gateway.baseUrl, timeouts: { install: 180_000 } });
  await client.install({ name: "@openclaw-fixtures/voice-call", autoRestart: false });
  await client.install({ name: "@openclaw-fixtures/broken-entry", autoRestart: false });
  await client.updatePlugin("voice-call", {
    enabled: true,
    config: { provider: "twilio", fromNumber: "+15550001234", twilio: { accountSid: "AC0001", authToken: SECRET }, serve: { port: 3334 } },
  });
  await client.updatePlugin("broken-entry", { enabled: true });
  await client.restartRuntime();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await registry?.stop();
  work?.remove();
});

describe("control page against the real server", () => {
  it("serves the built page and its assets at / with a strict CSP, and the assets stay within budget", async () => {
    const response = await fetch(`${gateway.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await response.text();
    const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const asset of scripts) expect((await fetch(`${gateway.baseUrl}/${asset}`)).status, asset).toBe(200);
    const total = measureUiDir(join(repoRoot, "dist", "ui")).reduce((sum, f) => sum + f.gzipBytes, 0);
    expect(total).toBeLessThanOrEqual(UI_GZIP_BUDGET_BYTES);
  });

  it("lists plugins with status, shape and the load error", async () => {
    const page = await openPage();
    const voice = row(page, "voice-call");
    await expect.poll(() => voice.locator("[data-status]").textContent(), POLL).toBe("Status: Active");
    await expect.poll(() => voice.locator("[data-shape]").textContent(), POLL).toBe("Shape: hook-only");
    expect(await row(page, "broken-entry").locator("[data-shape]").textContent()).toBe("Shape: shape unknown");
    const broken = row(page, "broken-entry");
    expect(await broken.locator("[data-status]").textContent()).toBe("Status: Load error");
    expect(await broken.locator(".load-error").textContent()).toContain("broken-entry cannot open /dev/ttyUSB9");
    expect(await row(page, "voice-call").getByRole("switch", { name: "Enabled" }).isChecked()).toBe(true);
    await screenshot(page.locator("section[aria-labelledby=plugins-title]"), "control-page-list.png", 400, 250);
    await page.close();
  });

  it("renders the voice-call form from configSchema + uiHints, without the stored secret", async () => {
    const page = await openPage("/#plugin=voice-call");
    const form = page.locator("form.config-form");
    await form.waitFor();

    // labels tied to inputs, help, placeholder
    const provider = form.getByLabel("Provider", { exact: true });
    expect(await provider.evaluate((el) => el.tagName)).toBe("SELECT");
    expect(await provider.locator("option").allTextContents()).toEqual(["(not set)", "telnyx", "twilio", "plivo", "mock"]);
    expect(await provider.inputValue()).toBe("twilio");
    const helpId = (await provider.getAttribute("aria-describedby"))!;
    expect(await page.locator(`#${helpId}`).textContent()).toBe("Use twilio, telnyx, or mock for dev/no-network.");
    expect(await form.getByLabel("From Number").getAttribute("placeholder")).toBe("+15550001234");
    expect(await form.getByLabel("Default To Number").getAttribute("placeholder")).toBe("+15550005678");
    expect(await form.getByLabel("Webhook Port").inputValue()).toBe("3334");
    expect(await form.getByRole("switch", { name: "Enabled" }).count()).toBe(1);
    expect(await form.getByRole("group", { name: "Twilio" }).count()).toBe(1);

    // the sensitive field: a password input that never holds the secret or its mask
    const token = form.getByLabel("Twilio Auth Token");
    expect(await token.getAttribute("type")).toBe("password");
    expect(await token.inputValue()).toBe("");
    const html = await page.content();
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(SECRET.slice(0, 4) + "...");
    expect(await form.textContent()).toContain("A value is stored and hidden");
    // nor does the API response the page is built from (the nested secret is masked by the server)
    const listJson = await (await fetch(`${gateway.baseUrl}/api/plugins`)).text();
    expect(listJson).not.toContain(SECRET);
    expect(listJson).toContain('"authToken":"twil...5b4a"');

    // serve.bind is folded under "Advanced"
    const bind = form.getByLabel("Webhook Bind");
    expect(await bind.isVisible()).toBe(false);
    const serve = form.getByRole("group", { name: "Serve" });
    const advanced = serve.locator("details.advanced");
    expect(await advanced.locator("summary").textContent()).toBe("Advanced (1)");
    await screenshot(page.locator("#plugin-detail"), "control-page-voice-call-form.png", 500, 700);
    await advanced.locator("summary").click();
    expect(await bind.isVisible()).toBe(true);
    await page.close();
  });

  it("works from the keyboard: Configure moves focus to the settings, Tab walks the fields in order", async () => {
    const page = await openPage();
    await row(page, "voice-call").getByRole("button", { name: /^Configure/ }).focus();
    await page.keyboard.press("Enter");
    await page.locator("form.config-form").waitFor();
    const active = () => page.evaluate("document.activeElement && (document.activeElement.id || document.activeElement.tagName)");
    await expect.poll(active, POLL).toBe("plugin-detail");
    const order: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      order.push(await active());
    }
    expect(order).toEqual([
      "cfg-voice-call-enabled",
      "cfg-voice-call-provider",
      "cfg-voice-call-fromNumber",
      "cfg-voice-call-toNumber",
      "cfg-voice-call-twilio_2e_accountSid",
      "cfg-voice-call-twilio_2e_authToken",
      "BUTTON", // "Remove stored value"
      "cfg-voice-call-serve_2e_port",
    ]);
    // a switch toggles with Space; the form keeps the change until it is saved or discarded
    await page.locator("#cfg-voice-call-enabled").focus();
    await page.keyboard.press("Space");
    expect(await page.locator("#cfg-voice-call-enabled").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Discard changes" }).click();
    expect(await page.locator("#cfg-voice-call-enabled").isChecked()).toBe(false);
    await page.close();
  });

  it("keeps unsaved edits when the list reloads (here: another plugin is toggled)", async () => {
    const page = await openPage("/#plugin=voice-call");
    const form = page.locator("form.config-form");
    await form.getByLabel("Default To Number").fill("+15550009999");
    await form.getByLabel("Twilio Auth Token").fill("typed-but-not-saved");
    const brokenSwitch = row(page, "broken-entry").getByRole("switch", { name: "Enabled" });
    await brokenSwitch.click();
    await expect.poll(() => row(page, "broken-entry").locator("[data-status]").textContent(), POLL).toBe("Status: Load error");
    await expect.poll(() => brokenSwitch.isChecked(), POLL).toBe(false);
    expect(await form.getByLabel("Default To Number").inputValue()).toBe("+15550009999");
    expect(await form.getByLabel("Twilio Auth Token").inputValue()).toBe("typed-but-not-saved");
    await brokenSwitch.click();
    await expect.poll(() => brokenSwitch.isChecked(), POLL).toBe(true);
    await page.close();
  });

  it("shows the server's validation error inline and writes nothing", async () => {
    const before = readFileSync(configPath, "utf8");
    const page = await openPage("/#plugin=voice-call");
    const form = page.locator("form.config-form");
    await form.getByLabel("From Number").fill("12345");
    await form.getByRole("button", { name: "Save settings" }).click();
    const input = form.getByLabel("From Number");
    await expect.poll(() => input.getAttribute("aria-invalid"), POLL).toBe("true");
    const describedBy = (await input.getAttribute("aria-describedby"))!.split(" ");
    const errorId = describedBy.find((id) => id.endsWith("-error"))!;
    expect(await page.locator(`#${errorId}`).textContent()).toMatch(/pattern/);
    const summary = form.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await summary.getByRole("link", { name: "From Number" }).click();
    expect(await input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(readFileSync(configPath, "utf8")).toBe(before);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("saves a change next to the secret without overwriting the stored secret", async () => {
    const page = await openPage("/#plugin=voice-call");
    const form = page.locator("form.config-form");
    await form.getByLabel("Twilio Account SID").fill("AC0002");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => form.locator(".form-status").textContent(), POLL).toMatch(/^Saved/);
    const twilio = readConfig().plugins.entries["voice-call"]!.config!.twilio as Record<string, unknown>;
    expect(twilio).toEqual({ accountSid: "AC0002", authToken: SECRET });
    expect(await form.getByLabel("Twilio Auth Token").inputValue()).toBe("");
    await page.close();
  });

  it("disables and re-enables a plugin; each state survives a server restart", async () => {
    let page = await openPage();
    const toggle = () => row(page, "voice-call").getByRole("switch", { name: "Enabled" });
    await toggle().click();
    await expect.poll(() => row(page, "voice-call").locator("[data-status]").textContent(), POLL).toBe("Status: Disabling");
    expect(readConfig().plugins.entries["voice-call"]!.enabled).toBe(false);
    await page.close();

    await gateway.stop();
    gateway = await startGateway({ stateDir, port: gateway.port, env: gatewayEnvExtra });
    page = await openPage();
    expect(await toggle().isChecked()).toBe(false);
    expect(await row(page, "voice-call").locator("[data-status]").textContent()).toBe("Status: Disabled");
    await toggle().click();
    await expect.poll(() => row(page, "voice-call").locator("[data-status]").textContent(), POLL).toBe("Status: Restart pending");
    await page.close();

    await gateway.stop();
    gateway = await startGateway({ stateDir, port: gateway.port, env: gatewayEnvExtra });
    page = await openPage();
    expect(await toggle().isChecked()).toBe(true);
    expect(await row(page, "voice-call").locator("[data-status]").textContent()).toBe("Status: Active");
    await page.close();
  }, 180_000);
});

describe("pending restart", () => {
  it("lists the pending change and applies it with the restart button", async () => {
    const page = await openPage();
    const toggle = () => row(page, "voice-call").getByRole("switch", { name: "Enabled" });
    await toggle().click();
    const banner = page.locator(".restart-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("plugin voice-call disabled");
    await banner.getByRole("button", { name: "Restart plugin runtime now" }).click();
    await expect.poll(() => row(page, "voice-call").locator("[data-status]").textContent(), { timeout: 60_000 }).toBe("Status: Disabled");
    expect(await banner.count()).toBe(0);
    await toggle().click();
    await page.locator(".restart-banner").getByRole("button", { name: "Restart plugin runtime now" }).click();
    await expect.poll(() => row(page, "voice-call").locator("[data-status]").textContent(), { timeout: 60_000 }).toBe("Status: Active");
    expect(await page.locator(".notice").textContent()).toContain("The plugin runtime restarted");
    await page.close();
  }, 120_000);
});

describe("registry search and install", () => {
  it("finds a plugin, installs it with visible progress, and lists it loaded", async () => {
    const page = await openPage();
    await page.getByRole("searchbox", { name: "Search the plugin registry" }).fill("weather");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const result = page.locator('li.result[data-package="@openclaw-fixtures/weather-report"]');
    await result.waitFor({ timeout: 10_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\nregistry panel: ${await page.locator("section.registry").textContent()}`);
    });
    expect(await result.textContent()).toContain("Adds the weather to replies");
    // voice-call is installed already: its search hit says so
    await page.getByRole("searchbox", { name: "Search the plugin registry" }).fill("voice");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.locator('li.result[data-package="@openclaw-fixtures/voice-call"] button').textContent(), POLL).toMatch(/^Installed/);
    await page.getByRole("searchbox", { name: "Search the plugin registry" }).fill("weather");
    await page.getByRole("button", { name: "Search", exact: true }).click();

    // every phase the page showed while the install ran (polled from the progress endpoint)
    await page.evaluate(`(() => {
      window.__phases = [];
      new MutationObserver(() => {
        const el = document.querySelector(".install-progress");
        const phase = el && el.getAttribute("data-phase");
        if (phase && window.__phases[window.__phases.length - 1] !== phase) window.__phases.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-phase"] });
    })()`);
    await result.getByRole("button", { name: /^Install/ }).click();
    const progress = page.locator(".install-progress");
    await progress.waitFor();
    expect(await progress.getAttribute("aria-live")).toBe("polite");
    expect(await progress.locator("progress").count()).toBe(1);
    await expect.poll(() => progress.getAttribute("data-phase"), { timeout: 150_000 }).toBe("complete");
    expect(await progress.textContent()).toContain("Install complete");
    const phases = (await page.evaluate("window.__phases")) as string[];
    expect(phases[phases.length - 1]).toBe("complete");
    expect(phases.length).toBeGreaterThanOrEqual(2);
    // the phase list names the installer's steps
    const listed = await progress.locator(".install-phases li").evaluateAll((items) => items.map((item) => item.getAttribute("data-phase")));
    expect(listed).toEqual(expect.arrayContaining(["resolving", "downloading", "complete"]));

    const installed = row(page, "weather-report");
    await installed.waitFor();
    await expect.poll(() => installed.locator("[data-status]").textContent(), POLL).toBe("Status: Active");
    expect(await result.getByRole("button").textContent()).toMatch(/^Installed/);
    await page.close();
  }, 200_000);
});

describe("control page with OPENCLAW_API_TOKEN", () => {
  it("asks for the token once, keeps it in session storage (never the URL) and shows a refused token clearly", async () => {
    await gateway.stop();
    gateway = await startGateway({ stateDir, port: gateway.port, env: gatewayEnvExtra, token: "ui-test-token-0123456789" });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${gateway.baseUrl}/`);
      const prompt = page.getByRole("dialog", { name: "API token required" });
      await prompt.waitFor();
      expect(await prompt.textContent()).toContain("401 Unauthorized");
      await page.getByLabel("API token", { exact: true }).fill("wrong-token");
      await page.getByRole("button", { name: "Use token" }).click();
      await expect.poll(() => prompt.textContent(), POLL).toContain("The server refused that token");
      await page.getByLabel("API token", { exact: true }).fill("ui-test-token-0123456789");
      await page.getByRole("button", { name: "Use token" }).click();
      await row(page, "voice-call").waitFor();
      expect(await prompt.count()).toBe(0);
      expect(page.url()).not.toContain("ui-test-token");
      expect(await page.evaluate("sessionStorage.getItem('openclaw.apiToken')")).toBe("ui-test-token-0123456789");
      expect(await page.evaluate("localStorage.length")).toBe(0);
      // a reload in the same tab does not ask again
      await page.reload();
      await row(page, "voice-call").waitFor();
      expect(await page.getByRole("dialog", { name: "API token required" }).count()).toBe(0);
      await page.close();
    } finally {
      await gateway.stop();
      gateway = await startGateway({ stateDir, port: gateway.port, env: gatewayEnvExtra });
    }
  }, 120_000);
});

describe("light and dark", () => {
  it("follows prefers-color-scheme", async () => {
    const dark = await launchChromium({ colorScheme: "dark" });
    try {
      const page = await dark.context.newPage();
      await page.goto(`${gateway.baseUrl}/#plugin=voice-call`);
      await page.locator("form.config-form").waitFor();
      const background = await page.evaluate("getComputedStyle(document.body).backgroundColor");
      expect(background).toBe("rgb(13, 17, 23)");
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, "control-page-dark.png", 1280, 900);
    } finally {
      await dark.close();
    }
    const page = await openPage();
    expect(await page.evaluate("getComputedStyle(document.body).backgroundColor")).toBe("rgb(246, 247, 249)");
    await page.close();
  });
});
