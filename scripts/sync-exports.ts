/**
 * Generates, from the entrypoint manifest:
 * - package.json#exports and the `files` exclusions for private-local-only subpaths (the private facades themselves
 *   and the declarations of every source file that only private subpaths reach, e.g. src/testing/), so nothing
 *   private ships in the tarball;
 * - the generated regions of every facade (`// <generated group="…">` … `// </generated>` in
 *   src/plugin-sdk/<subpath>.ts): the shared re-export lists of the manifest's `exportGroups` (see
 *   scripts/lib/export-groups.ts).
 * `--check` rewrites nothing and exits 1 when package.json or a facade is out of sync.
 *
 * Usage: tsx scripts/sync-exports.ts [--check]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomicSync } from "../src/files/write-file-atomic.js";
import {
  builtFilesOf,
  exportKeyOf,
  publicSubpaths,
  readDeprecatedBarrelSubpaths,
  readDeprecatedPublicSubpaths,
  readEntrypointManifest,
  readPrivateSubpaths,
  repoRoot,
  sourceFileOf,
} from "./lib/entrypoints.js";
import { groupRefOf, renderGroupRegion, syncFacadeText } from "./lib/export-groups.js";
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

/** Each facade's expected text (generated regions written from the manifest's export groups), by repo-relative path. */
export function expectedFacades(): Map<string, { current: string; next: string }> {
  const manifest = readEntrypointManifest();
  const deprecations = new Map(
    [...readDeprecatedPublicSubpaths(), ...readDeprecatedBarrelSubpaths()].map((record) => [record.subpath, record]),
  );
  const facades = new Map<string, { current: string; next: string }>();
  for (const record of manifest.entrypoints) {
    const file = sourceFileOf(record.subpath);
    const path = join(repoRoot, file);
    if (!existsSync(path)) {
      throw new Error(`${file} is missing: scripts/lib/plugin-sdk-entrypoints.json lists subpath "${record.subpath}". Create the facade (with its @packageDocumentation block) or remove the record.`);
    }
    const current = readFileSync(path, "utf8");
    const deprecation = deprecations.get(record.subpath);
    const regions = (record.exportGroups ?? []).map((ref) => {
      const { group } = groupRefOf(ref);
      return { group, body: renderGroupRegion(group, manifest.exportGroups[group]!, ref, deprecation) };
    });
    facades.set(file, { current, next: syncFacadeText(current, file, regions) });
  }
  return facades;
}

function syncFacades(check: boolean): boolean {
  const stale: string[] = [];
  for (const [file, { current, next }] of expectedFacades()) {
    if (current === next) continue;
    stale.push(file);
    if (!check) writeFileAtomicSync(join(repoRoot, file), next);
  }
  if (stale.length === 0) {
    console.log("Generated export-group regions of every facade match scripts/lib/plugin-sdk-entrypoints.json#exportGroups.");
    return true;
  }
  if (check) {
    console.error(
      [
        "Generated export-group regions are stale in:",
        ...stale.map((file) => `  ${file}`),
        "Run pnpm plugin-sdk:sync-exports and commit the facades (edit shared lists in scripts/lib/plugin-sdk-entrypoints.json#exportGroups, never between the markers).",
      ].join("\n"),
    );
    return false;
  }
  console.log(`Rewrote the generated export-group regions of ${stale.join(", ")}.`);
  return true;
}

function main(): void {
  const check = process.argv.includes("--check");
  const facadesInSync = syncFacades(check);
  const packageJsonPath = join(repoRoot, "package.json");
  const text = readFileSync(packageJsonPath, "utf8");
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const next = { ...pkg, exports: expectedExports(), files: expectedFiles() };
  const nextText = `${JSON.stringify(next, null, 2)}\n`;
  if (nextText === text) {
    console.log("package.json#exports and #files match scripts/lib/plugin-sdk-entrypoints.json.");
    if (!facadesInSync) process.exit(1);
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
