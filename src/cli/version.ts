/**
 * The version of the installed `openclaw` package (what `openclaw --version` prints and what `plugins init`
 * pins the scaffold's SDK dependency to).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;
let cachedRoot: string | undefined;

/**
 * Reads `version` from the `openclaw` package.json above this module (source, dist or a dist chunk).
 *
 * @example
 * ```ts
 * cliPackageVersion(); // "2026.11.0"
 * ```
 */
export function cliPackageVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth += 1) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (parsed.name === "openclaw" && typeof parsed.version === "string") {
        cached = parsed.version;
        cachedRoot = dir;
        return cached;
      }
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  throw new Error("cannot find the openclaw package.json above the CLI module");
}

/**
 * The folder of the running `openclaw` package (the one holding its package.json): what `doctor --fix` links into
 * managed plugins as `node_modules/openclaw`.
 *
 * @example
 * ```ts
 * cliPackageRoot(); // "/usr/lib/node_modules/openclaw"
 * ```
 */
export function cliPackageRoot(): string {
  cliPackageVersion();
  return cachedRoot!;
}
