/**
 * Generates package.json#exports and the `files` exclusions for private-local-only subpaths from the entrypoint
 * manifest: the private facades themselves and the declarations of every source file that only private subpaths
 * reach (e.g. src/testing/), so nothing private ships in the tarball. `--check` rewrites nothing and exits 1 when
 * package.json is out of sync.
 *
 * Usage: tsx scripts/sync-exports.ts [--check]
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomicSync } from "../src/files/write-file-atomic.js";
import {
  builtFilesOf,
  exportKeyOf,
  publicSubpaths,
  readEntrypointManifest,
  readPrivateSubpaths,
  repoRoot,
  sourceFileOf,
} from "./lib/entrypoints.js";
import { resolvedSourceImports } from "./lib/import-graph.js";

/**
 * The CLI's sources (tsup entries `cli/openclaw` and `cli/runtime-worker`, the child process the CLI spawns to run
 * plugin code): public, since the package's `bin` runs them.
 */
const CLI_SOURCES = ["src/cli/bin.ts", "src/cli/runtime-worker.ts"];

type ExportTarget = string | { types: string; default: string };

export function expectedExports(): Record<string, ExportTarget> {
  const exports: Record<string, ExportTarget> = {};
  for (const subpath of publicSubpaths()) {
    const { js, dts } = builtFilesOf(subpath);
    exports[exportKeyOf(subpath)] = { types: `./${dts}`, default: `./${js}` };
  }
  for (const asset of readEntrypointManifest().assets) {
    exports[`./plugin-sdk/${asset.subpath}`] = `./${asset.file}`;
  }
  exports["./package.json"] = "./package.json";
  return exports;
}

/** Repo-relative source files under src/ reachable from `roots` (repo-relative) through relative imports of any kind. */
function reachableSources(roots: string[]): Set<string> {
  const srcDir = join(repoRoot, "src");
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { target } of resolvedSourceImports(join(repoRoot, file), srcDir)) visit(relative(repoRoot, target));
  };
  roots.forEach(visit);
  return seen;
}

export function expectedFiles(): string[] {
  const files = ["dist", "!dist/**/*.tsbuildinfo"];
  const privateSubpaths = readPrivateSubpaths();
  for (const subpath of privateSubpaths) {
    files.push(`!dist/plugin-sdk/${subpath}.js`, `!dist/plugin-sdk/${subpath}.d.ts`);
  }
  const publicReach = reachableSources([...publicSubpaths().map(sourceFileOf), ...CLI_SOURCES]);
  const privateFacades = new Set(privateSubpaths.map(sourceFileOf));
  const privateOnly = [...reachableSources(privateSubpaths.map(sourceFileOf))]
    .filter((file) => !publicReach.has(file) && !privateFacades.has(file))
    .sort();
  // tsc emits src/<path>.ts as dist/<path>.d.ts (tsconfig.build.json: rootDir src, outDir dist).
  for (const file of privateOnly) files.push(`!${file.replace(/^src\//, "dist/").replace(/\.ts$/, ".d.ts")}`);
  return files;
}

function main(): void {
  const check = process.argv.includes("--check");
  const packageJsonPath = join(repoRoot, "package.json");
  const text = readFileSync(packageJsonPath, "utf8");
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const next = { ...pkg, exports: expectedExports(), files: expectedFiles() };
  const nextText = `${JSON.stringify(next, null, 2)}\n`;
  if (nextText === text) {
    console.log("package.json#exports and #files match scripts/lib/plugin-sdk-entrypoints.json.");
    return;
  }
  if (check) {
    const before = JSON.stringify({ exports: pkg.exports, files: pkg.files }, null, 2).split("\n");
    const after = JSON.stringify({ exports: next.exports, files: next.files }, null, 2).split("\n");
    const removed = before.filter((line) => !after.includes(line)).map((line) => `- ${line}`);
    const added = after.filter((line) => !before.includes(line)).map((line) => `+ ${line}`);
    console.error(
      [
        "package.json#exports/#files are out of sync with scripts/lib/plugin-sdk-entrypoints.json.",
        ...removed,
        ...added,
        "Run pnpm plugin-sdk:sync-exports and commit package.json.",
      ].join("\n"),
    );
    process.exit(1);
  }
  writeFileAtomicSync(packageJsonPath, nextText);
  console.log("package.json#exports and #files rewritten from scripts/lib/plugin-sdk-entrypoints.json.");
}

main();
