/**
 * Plugin SDK surface audit. Counts, per subpath of the manifest, the exported names and their kinds with the
 * TypeScript checker, and guards the public surface against silent removal or unrecorded growth.
 *
 * Usage: tsx scripts/plugin-sdk-surface.ts [--json] [--check | --update]
 *   (default)  table
 *   --json     the same report as JSON
 *   --check    compare with scripts/lib/plugin-sdk-surface-baseline.json; exit 1 on a blocking difference
 *   --update   rewrite the baseline from the current surface (deliberate API change)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { writeFileAtomicSync } from "../src/files/write-file-atomic.js";
import {
  allSubpaths,
  readDeprecatedBarrelSubpaths,
  readDeprecatedPublicSubpaths,
  readPrivateSubpaths,
  repoRoot,
  sourceFileOf,
} from "./lib/entrypoints.js";
import { analyzeSurface, baselineOf, checkSurface, formatSurfaceTable, type SurfaceBaseline } from "./lib/surface.js";

const baselineFile = "scripts/lib/plugin-sdk-surface-baseline.json";

function repoCompilerOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  return { ...parsed.options, noEmit: true };
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const privateSet = new Set(readPrivateSubpaths());
  const deprecatedSubpaths = readDeprecatedPublicSubpaths();
  const deprecatedBarrels = readDeprecatedBarrelSubpaths();
  const report = analyzeSurface({
    entries: allSubpaths().map((subpath) => ({
      subpath,
      file: join(repoRoot, sourceFileOf(subpath)),
      private: privateSet.has(subpath),
    })),
    deprecatedSubpaths,
    deprecatedBarrels,
    compilerOptions: repoCompilerOptions(),
  });

  if (args.has("--json")) console.log(JSON.stringify(report, null, 2));
  else console.log(formatSurfaceTable(report));

  let failed = false;
  if (report.exportStars > 0) {
    const offenders = [...report.public, ...report.privateLocalOnly].filter((surface) => surface.exportStars > 0);
    console.error(
      `\n${offenders.map((surface) => sourceFileOf(surface.subpath)).join(", ")}: ${report.exportStars} \`export *\` statement(s). ` +
        "Entry files list named exports only: replace each with `export { a } from` / `export type { B } from`.",
    );
    failed = true;
  }

  const current = baselineOf(report);
  const baselinePath = join(repoRoot, baselineFile);
  if (args.has("--update")) {
    writeFileAtomicSync(baselinePath, `${JSON.stringify(current, null, 2)}\n`);
    console.log(`\n${baselineFile} rewritten (${Object.keys(current.subpaths).length} public subpaths).`);
  } else if (args.has("--check")) {
    if (!existsSync(baselinePath)) {
      console.error(`\n${baselineFile} is missing. Run pnpm plugin-sdk:surface --update and commit it.`);
      process.exit(1);
    }
    const baseline = JSON.parse(readFileSync(baselinePath, "utf8")) as SurfaceBaseline;
    const changes = checkSurface({
      baseline,
      current,
      deprecations: [...deprecatedSubpaths, ...deprecatedBarrels],
      today: new Date().toISOString().slice(0, 10),
    });
    if (changes.length > 0) {
      console.error(`\nSurface differs from ${baselineFile}:`);
      for (const change of changes) {
        const sign = change.change === "removed" ? "-" : change.change === "added" ? "+" : "~";
        const where = change.name ? `${change.subpath}: ${change.name}` : change.subpath;
        console.error(`  ${sign} ${where} — ${change.detail}${change.blocking ? "" : " (allowed)"}`);
      }
    }
    const blocking = changes.filter((change) => change.blocking);
    if (blocking.length > 0) {
      const removals = blocking.some((change) => change.change === "removed");
      console.error(
        [
          "",
          `${blocking.length} blocking surface change(s).`,
          removals
            ? "A removal needs a deprecation first: mark the export @deprecated with its replacement and a removal date " +
              "(or add a record to scripts/lib/plugin-sdk-deprecated-public-subpaths.json for a subpath) and wait for that date."
            : "",
          "If the change is intended, run pnpm plugin-sdk:surface --update and commit the baseline with the api-reports diff.",
        ]
          .filter(Boolean)
          .join("\n"),
      );
      failed = true;
    } else if (changes.length > 0) {
      console.log("Only allowed removals; run pnpm plugin-sdk:surface --update to drop them from the baseline.");
    } else {
      console.log(`\nSurface matches ${baselineFile}.`);
    }
  }
  if (failed) process.exit(1);
}

main();
