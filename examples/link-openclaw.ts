/**
 * Vitest global setup: makes every example plugin resolve `openclaw/plugin-sdk/*` the way an installed plugin
 * does, through `examples/<name>/node_modules/openclaw` (a symlink to this repository, i.e. the built package in
 * `dist/`). Plugin authors get the same from `npm install -D openclaw`; examples keep their own package.json
 * scope, so the package self-reference does not apply to them.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const examplesDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(examplesDir, "..");

/** Creates the missing `node_modules/openclaw` links. */
export function linkExamples(): void {
  for (const name of readdirSync(examplesDir)) {
    const dir = join(examplesDir, name);
    if (!existsSync(join(dir, "package.json"))) continue;
    const link = join(dir, "node_modules", "openclaw");
    try {
      lstatSync(link);
      continue;
    } catch {
      // missing: create it
    }
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(relative(join(dir, "node_modules"), repoRoot), link, "dir");
  }
}

export default function setup(): void {
  linkExamples();
}
