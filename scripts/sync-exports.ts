/**
 * Generates package.json#exports and the `files` exclusions for private-local-only subpaths from the entrypoint
 * manifest. `--check` rewrites nothing and exits 1 when package.json is out of sync.
 *
 * Usage: tsx scripts/sync-exports.ts [--check]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../src/files/write-file-atomic.js";
import {
  builtFilesOf,
  exportKeyOf,
  publicSubpaths,
  readEntrypointManifest,
  readPrivateSubpaths,
  repoRoot,
} from "./lib/entrypoints.js";

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

export function expectedFiles(): string[] {
  const files = ["dist", "!dist/**/*.tsbuildinfo"];
  for (const subpath of readPrivateSubpaths()) {
    files.push(`!dist/plugin-sdk/${subpath}.js`, `!dist/plugin-sdk/${subpath}.d.ts`);
  }
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
