/**
 * Sizes of the built control page (`dist/ui/`): every file raw and gzip-compressed (level 9, what a server or a
 * proxy would send), plus the total a first visit downloads. `--check` fails when the gzip total passes the
 * budget ({@link UI_GZIP_BUDGET_BYTES}).
 *
 * Usage: tsx scripts/ui-size.ts [--check] [--json]   (after `pnpm build` or `pnpm build:ui`)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { repoRoot } from "./lib/entrypoints.js";

/** Budget for everything a first visit downloads, gzip-compressed. */
export const UI_GZIP_BUDGET_BYTES = 30 * 1024;

export interface UiFileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Raw and gzip sizes of every file under `dir`, sorted by path. */
export function measureUiDir(dir: string): UiFileSize[] {
  const out: UiFileSize[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const body = readFileSync(path);
        out.push({ file: relative(dir, path), bytes: body.byteLength, gzipBytes: gzipSync(body, { level: 9 }).byteLength });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main(): void {
  const dir = join(repoRoot, "dist", "ui");
  let files: UiFileSize[];
  try {
    files = measureUiDir(dir);
  } catch {
    console.error(`No built control page at ${dir}: run \`pnpm build\` (or \`pnpm build:ui\`) first.`);
    process.exit(1);
  }
  const total = files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzipBytes }), { bytes: 0, gzip: 0 });
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ files, totalBytes: total.bytes, totalGzipBytes: total.gzip, budgetGzipBytes: UI_GZIP_BUDGET_BYTES }));
  } else {
    const rows = files.map((f) => `| ${f.file.replace(/-[A-Za-z0-9_-]{8}\./, "-<hash>.")} | ${kib(f.bytes)} | ${kib(f.gzipBytes)} |`);
    console.log(["| file | raw | gzip -9 |", "| --- | ---: | ---: |", ...rows, `| **total** | **${kib(total.bytes)}** | **${kib(total.gzip)}** |`].join("\n"));
    console.log(`\nBudget: ${kib(UI_GZIP_BUDGET_BYTES)} gzip for everything a first visit downloads.`);
  }
  if (process.argv.includes("--check") && total.gzip > UI_GZIP_BUDGET_BYTES) {
    console.error(`The control page is ${kib(total.gzip)} gzip, over its ${kib(UI_GZIP_BUDGET_BYTES)} budget.`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
