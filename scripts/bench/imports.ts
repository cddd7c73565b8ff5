/**
 * Cold-import cost of every public subpath: a fresh Node process per run imports `openclaw/plugin-sdk/<subpath>`
 * (self-reference to the built package, so pnpm build first). Reports the median over several runs of wall time and
 * peak RSS above a bare Node process running the same script without the import, plus (in one extra run with an
 * ESM loader hook and the CommonJS cache) the modules and bytes of JS loaded and how many are third-party.
 *
 * "Own cost" is the in-process import() time after a 0-byte subpath of the same package was imported first. The very
 * first import of any package through an `exports` map makes Node 20 compile its resolver internals (~1.5 ms, once
 * per process, paid by every package with `exports`, the established one included; a gateway has paid it long before
 * it loads a plugin). Targets are judged on own cost and peak RSS; the raw cold columns stay beside it.
 *
 * Usage: tsx scripts/bench/imports.ts [--runs N]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publicSubpaths, readEntrypointManifest, repoRoot, specifierOf } from "../lib/entrypoints.js";
import { ensureBuilt } from "../lib/pack.js";
import { markdownTable, median, mib, verdict } from "./markdown.js";

const light = new Set(["plugin-entry", "core", "channel-core", "channel-setup", "setup-runtime", "runtime-store", "tool-plugin"]);
/** A types-only subpath whose built JS is empty: importing it first warms Node's exports resolver and nothing else. */
const warmUpSubpath = "hook-types";
const benchDir = join(repoRoot, "test", ".tmp", "bench-imports");

const hooks = `import { appendFileSync } from "node:fs";
let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (url.startsWith("file:")) appendFileSync(out, url + "\\n");
  return result;
}
`;
const register = `import { register } from "node:module";
register("./hooks.mjs", import.meta.url, { data: { out: process.env.BENCH_OUT } });
`;
// The child lives inside the repo so `openclaw/...` resolves through the package's own exports (self-reference).
const child = `import { createRequire } from "node:module";
const specifier = process.argv[2];
if (process.env.BENCH_WARM) await import(process.env.BENCH_WARM);
const start = performance.now();
if (specifier) await import(specifier);
const importMs = performance.now() - start;
const require = createRequire(import.meta.url);
const cjs = Object.keys(require("node:module")._cache ?? {});
process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, importMs, cjs }));
`;

interface Sample {
  wallMs: number;
  rssBytes: number;
  importMs: number;
}

function runOnce(specifier: string | undefined, warmUp?: string): Sample {
  const args = [join(benchDir, "child.mjs"), ...(specifier ? [specifier] : [])];
  const start = process.hrtime.bigint();
  const env = warmUp ? { ...process.env, BENCH_WARM: warmUp } : process.env;
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8", env });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${result.stderr}`);
  const { maxRssKiB, importMs } = JSON.parse(result.stdout) as { maxRssKiB: number; importMs: number };
  return { wallMs, rssBytes: maxRssKiB * 1024, importMs };
}

/**
 * Runs bare node and node importing `specifier` alternately, `runs` pairs after one warm-up pair, and returns the
 * medians of the per-pair differences (alternating cancels most drift from other load on the machine).
 */
function measure(specifier: string, runs: number): { addedMs: number; addedRss: number; importMs: number } {
  runOnce(undefined);
  runOnce(specifier);
  const pairs = Array.from({ length: runs }, () => [runOnce(undefined), runOnce(specifier)] as const);
  return {
    addedMs: median(pairs.map(([bare, loaded]) => loaded.wallMs - bare.wallMs)),
    addedRss: median(pairs.map(([bare, loaded]) => loaded.rssBytes - bare.rssBytes)),
    importMs: median(pairs.map(([, loaded]) => loaded.importMs)),
  };
}

/** Median in-process import() time of `specifier` once Node's exports resolver is warm (see the file comment). */
function ownCost(specifier: string, runs: number): number {
  const warmUp = specifierOf(warmUpSubpath);
  return median(Array.from({ length: runs }, () => runOnce(specifier, warmUp).importMs));
}

function modulesLoaded(specifier: string | undefined): string[] {
  const out = join(benchDir, `modules-${specifier ? specifier.replace(/\W+/g, "-") : "bare"}.txt`);
  writeFileSync(out, "");
  const stdout = execFileSync(process.execPath, ["--import", join(benchDir, "register.mjs"), join(benchDir, "child.mjs"), ...(specifier ? [specifier] : [])], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, BENCH_OUT: out },
  });
  const { cjs } = JSON.parse(stdout) as { cjs: string[] };
  const esm = readFileSync(out, "utf8").split("\n").filter(Boolean).map((url) => fileURLToPath(url));
  const benchFiles = new Set(["child.mjs", "register.mjs", "hooks.mjs", "empty.mjs"].map((file) => join(benchDir, file)));
  return [...new Set([...esm, ...cjs])].filter((file) => !benchFiles.has(file));
}

function main(): void {
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 31;
  ensureBuilt();
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  writeFileSync(join(benchDir, "hooks.mjs"), hooks);
  writeFileSync(join(benchDir, "register.mjs"), register);
  writeFileSync(join(benchDir, "child.mjs"), child);

  const records = new Map(readEntrypointManifest().entrypoints.map((record) => [record.subpath, record]));
  const bareSamples = Array.from({ length: runs }, () => runOnce(undefined));
  const bare = { wallMs: median(bareSamples.map((s) => s.wallMs)), rssBytes: median(bareSamples.map((s) => s.rssBytes)) };
  const rows: string[][] = [];
  // Reference row: the cost of any import() of a one-line module, the floor every subpath pays.
  writeFileSync(join(benchDir, "empty.mjs"), "export {};\n");
  const floor = measure(join(benchDir, "empty.mjs"), runs);
  const floorOwn = ownCost(join(benchDir, "empty.mjs"), runs);
  rows.push(["(floor: empty .mjs)", `${floor.addedMs.toFixed(1)} ms`, `${floor.importMs.toFixed(1)} ms`, `${floorOwn.toFixed(1)} ms`, mib(floor.addedRss), "1", "0", "0.0 KiB", "reference", "-"]);
  for (const subpath of publicSubpaths()) {
    const specifier = specifierOf(subpath);
    const { addedMs, addedRss, importMs } = measure(specifier, runs);
    const own = ownCost(specifier, runs);
    const modules = modulesLoaded(specifier);
    const bytes = modules.reduce((sum, file) => sum + statSync(file).size, 0);
    const thirdParty = modules.filter((file) => file.includes("/node_modules/")).length;
    const msTarget = subpath === "plugin-entry" ? 2 : 5;
    let target = "none set";
    let met = "-";
    if (light.has(subpath)) {
      target = `≤ ${msTarget} ms, ≤ 3 MiB${subpath === "plugin-entry" ? ", 0 third-party" : ""}`;
      met = verdict(own <= msTarget && addedRss <= 3 * 1024 * 1024 && (subpath !== "plugin-entry" || thirdParty === 0));
    } else if (records.get(subpath)?.importBudgetReason) {
      target = "recorded budget + reason (manifest)";
    }
    rows.push([
      subpath,
      `${addedMs.toFixed(1)} ms`,
      `${importMs.toFixed(1)} ms`,
      `${own.toFixed(1)} ms`,
      mib(addedRss),
      String(modules.length),
      String(thirdParty),
      `${(bytes / 1024).toFixed(1)} KiB`,
      target,
      met,
    ]);
  }
  console.log(`### bench:imports — Node ${process.versions.node}, median of ${runs} paired cold runs (bare, import) per subpath`);
  console.log(`bare node: ${bare.wallMs.toFixed(1)} ms, ${mib(bare.rssBytes)} peak RSS`);
  console.log(`"met" is judged on own cost (import() after the 0-byte \`${warmUpSubpath}\` subpath warmed Node's exports resolver), peak RSS and third-party count;`);
  console.log(`the cold columns include Node's one-time exports-resolver warm-up, which the \`${warmUpSubpath}\` row (0 bytes of JS) shows on its own.\n`);
  console.log(
    markdownTable(
      ["subpath", "wall over bare", "import() in-process", "own cost (resolver warm)", "peak RSS over bare", "modules", "third-party", "JS loaded", "target", "met"],
      rows,
    ),
  );
}

main();
