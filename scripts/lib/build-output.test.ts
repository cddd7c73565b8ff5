/**
 * The JS build prints no warnings: `tsup` with the repository's own config, into a temporary folder, must not
 * report empty chunks (the type-only facades, e.g. `channel-contract`, `hook-types`, build to an empty module on
 * purpose) or imports it could not use (`"rmSync" … imported from external module "fs" but never used`). A warning
 * that is expected on every build hides the one that is not.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDirPool } from "../../src/testing/temp-dir.js";
import { repoRoot } from "./entrypoints.js";

const dirs = createTempDirPool("openclaw-build-output-");
afterAll(() => dirs.removeAll());

describe("pnpm build:js", () => {
  it("builds every entry without a warning; type-only facades are empty modules", () => {
    const outDir = dirs.create().path;
    const tsup = join(repoRoot, "node_modules", "tsup", "dist", "cli-default.js");
    const result = spawnSync(process.execPath, [tsup, "--out-dir", outDir], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);
    const lines = output.split("\n").filter((line) => /Generated an empty chunk|but never used|\bwarn(ing)?\b/i.test(line));
    expect(lines).toEqual([]);
    for (const subpath of ["channel-contract", "hook-types"]) {
      const file = join(outDir, "plugin-sdk", `${subpath}.js`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8").replace(/\/\/.*$/gm, "").trim()).toBe("");
    }
    // The bundles still import only what they use (esbuild's own tree shaking).
    expect(readFileSync(join(outDir, "plugin-sdk", "config-runtime.js"), "utf8")).not.toMatch(/^import /m);
  }, 120_000);
});
