/**
 * Generates, from the entrypoint manifest:
 * - package.json#exports and the `files` exclusions: the private-local-only subpaths (their facades), and the
 *   declarations of every source file no public subpath reaches (src/testing/, the CLI's and the operator domains'
 *   own files such as src/server/ or src/install/: the CLI ships as JavaScript, nobody imports its types), so
 *   nothing private ships in the tarball; a folder none of whose sources ships is excluded as one glob;
 * - the generated regions of every facade (`// <generated group="…">` … `// </generated>` in
 *   src/plugin-sdk/<subpath>.ts): the shared re-export lists of the manifest's `exportGroups` (see
 *   scripts/lib/export-groups.ts).
 * `--check` rewrites nothing and exits 1 when package.json or a facade is out of sync.
 *
 * Usage: tsx scripts/sync-exports.ts [--check]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** Repo-relative paths of every `.ts` source under src/ (tests and test-type files left out: tsc emits none). */
function allSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "__fixtures__") walk(path);
      } else if (entry.name.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        out.push(path);
      }
    }
  };
  walk("src");
  return out.sort();
}

/** tsc emits src/<path>.ts as dist/<path>.d.ts (tsconfig.build.json: rootDir src, outDir dist). */
function declarationOf(source: string): string {
  return source.replace(/^src\//, "dist/").replace(/\.ts$/, ".d.ts");
}

export function expectedFiles(): string[] {
  const files = ["dist", "!dist/**/*.tsbuildinfo"];
  const privateSubpaths = readPrivateSubpaths();
  for (const subpath of privateSubpaths) {
    files.push(`!dist/plugin-sdk/${subpath}.js`, `!dist/plugin-sdk/${subpath}.d.ts`);
  }
  const publicReach = reachableSources(publicSubpaths().map(sourceFileOf));
  const privateFacades = new Set(privateSubpaths.map(sourceFileOf));
  const unshipped = allSources().filter((file) => !publicReach.has(file) && !privateFacades.has(file));
  // One glob for a top-level domain folder none of whose sources ships; single files elsewhere.
  const byFolder = new Map<string, string[]>();
  for (const file of allSources()) {
    const folder = file.split("/").slice(0, 2).join("/");
    if (file.split("/").length > 2) byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const wholeFolders = new Set([...byFolder].filter(([, sources]) => sources.every((f) => unshipped.includes(f) || privateFacades.has(f))).map(([folder]) => folder));
  wholeFolders.delete("src/plugin-sdk");
  for (const folder of [...wholeFolders].sort()) files.push(`!${folder.replace(/^src\//, "dist/")}/**/*.d.ts`);
  for (const file of unshipped) {
    if (!wholeFolders.has(file.split("/").slice(0, 2).join("/"))) files.push(`!${declarationOf(file)}`);
  }
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
