/**
 * Package lint on the tarball that would be published: `pnpm pack`, then `publint --strict` and
 * `@arethetypeswrong/cli` on that tarball.
 *
 * The package is ESM-only on purpose (engines.node >=20.19, where `require()` of an ES module works), so attw runs
 * with `--profile esm-only`: it still checks every `node16`/`nodenext` ESM and `bundler` resolution, and does not
 * flag the absence of CommonJS builds. See README "CJS support".
 *
 * Usage: tsx scripts/lint-package.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./lib/entrypoints.js";
import { packPackage } from "./lib/pack.js";

function binOf(name: string): string {
  return join(repoRoot, "node_modules", ".bin", name);
}

function run(label: string, file: string, args: string[]): boolean {
  console.log(`\n$ ${label}`);
  try {
    execFileSync(file, args, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const workDir = mkdtempSync(join(tmpdir(), "openclaw-lint-package-"));
  try {
    const tarball = packPackage(workDir);
    console.log(`packed ${tarball}`);
    const publintOk = run(`publint run --strict ${tarball}`, binOf("publint"), ["run", "--strict", tarball]);
    const attwOk = run(`attw --profile esm-only ${tarball}`, binOf("attw"), [
      "--profile",
      "esm-only",
      "--format",
      "table-flipped",
      "--no-emoji",
      tarball,
    ]);
    if (!publintOk || !attwOk) {
      console.error(
        `\npackage lint failed: ${[!publintOk && "publint", !attwOk && "attw"].filter(Boolean).join(" and ")} reported problems ` +
          "(see above). Fix package.json#exports through scripts/lib/plugin-sdk-entrypoints.json + pnpm plugin-sdk:sync-exports, " +
          "or the files named above.",
      );
      process.exitCode = 1;
    } else {
      console.log("\npublint --strict and attw (esm-only profile): no problems.");
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
