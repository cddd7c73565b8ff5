/**
 * Copies every asset of the entrypoint manifest (`assets: [{ subpath, file }]`) into dist/. The committed source
 * of `dist/<path>` is `src/<path>` (e.g. `src/plugin-sdk/plugin-manifest.schema.json` →
 * `dist/plugin-sdk/plugin-manifest.schema.json`), so the source tree mirrors the exported specifier. Runs as the
 * last build step (`pnpm build:assets`).
 *
 * Usage: tsx scripts/copy-assets.ts
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { readEntrypointManifest, repoRoot } from "./lib/entrypoints.js";

/** Source file (repository-relative) of a built asset path. */
export function assetSourceOf(file: string): string {
  if (!file.startsWith("dist/")) throw new Error(`asset file "${file}" must live under dist/`);
  return `src/${file.slice("dist/".length)}`;
}

function main(): void {
  const { assets } = readEntrypointManifest();
  for (const asset of assets) {
    const source = assetSourceOf(asset.file);
    if (!existsSync(join(repoRoot, source))) {
      console.error(`Asset ${asset.subpath}: source ${source} does not exist (expected for ${asset.file}).`);
      process.exit(1);
    }
    mkdirSync(dirname(join(repoRoot, asset.file)), { recursive: true });
    copyFileSync(join(repoRoot, source), join(repoRoot, asset.file));
    console.log(`Copied ${source} → ${asset.file} (./plugin-sdk/${asset.subpath}).`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
