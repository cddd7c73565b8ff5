/**
 * The operator commands' third-party packages (tar, yauzl, npm-package-arg, semver, proper-lockfile) ship bundled in
 * dist/cli/operator-deps.cjs instead of as dependencies (src/vendor/). These checks prove the built package carries
 * the bundle, that it works without node_modules, and that the packages stay out of a plugin author's install.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDirPool } from "../../src/testing/temp-dir.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { ensureBuilt } from "../hostile/isolated.js";

const BUNDLED = ["tar", "yauzl", "npm-package-arg", "semver", "proper-lockfile"];
const dirs = createTempDirPool("openclaw-operator-deps-");
afterAll(() => dirs.removeAll());

describe("operator dependencies bundled beside the CLI", () => {
  it("are devDependencies, not dependencies of the published package", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    for (const name of BUNDLED) {
      expect(pkg.dependencies?.[name], name).toBeUndefined();
      expect(pkg.devDependencies?.[name], name).toBeDefined();
    }
  });

  it("work from a copy of the bundle with no node_modules anywhere above it", () => {
    ensureBuilt();
    const dir = dirs.create();
    copyFileSync(join(repoRoot, "dist", "cli", "operator-deps.cjs"), dir.resolve("operator-deps.cjs"));
    const script = `
      const deps = require("./operator-deps.cjs");
      const fs = require("node:fs");
      fs.mkdirSync("src"); fs.writeFileSync("src/a.txt", "hello");
      deps.tar.c({ sync: true, gzip: true, file: "a.tgz", cwd: "src" }, ["a.txt"]);
      fs.mkdirSync("out"); deps.tar.x({ sync: true, file: "a.tgz", cwd: "out" });
      console.log(JSON.stringify({
        tar: fs.readFileSync("out/a.txt", "utf8"),
        semver: deps.semver.maxSatisfying(["1.0.0", "1.2.0", "2.0.0"], "^1"),
        npa: deps.npmPackageArg("@acme/weather@1.2.3").type,
        yauzl: typeof deps.yauzl.open,
        lock: typeof deps.properLockfile.lock,
      }));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: dir.path, encoding: "utf8", env: { ...process.env, NODE_PATH: "" } });
    expect(JSON.parse(out)).toEqual({ tar: "hello", semver: "1.2.0", npa: "version", yauzl: "function", lock: "function" });
  });

  it("are in the packed tarball", () => {
    ensureBuilt();
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8" });
    const [packed] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
    expect(packed?.files.map((file) => file.path)).toContain("dist/cli/operator-deps.cjs");
  });
});
