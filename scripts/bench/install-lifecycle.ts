/**
 * Cost of the plugin lifecycle commands through the built CLI (dist/cli/openclaw.js) on Node 24 (the index needs
 * node:sqlite), against a real npm registry (Verdaccio on loopback, started here):
 *
 * - install from a folder, from a .tgz archive, from the registry (npm:, one small plugin, no dependencies);
 * - update with no change (must skip without downloading: the registry's tarball count is checked);
 * - `plugins list --json` with 500 installed plugins (records in the SQLite index, folders on disk).
 *
 * Each run is a fresh process in a fresh state directory (install rows) or the same one (update, list); the table
 * reports medians of wall time, the traced phase total, and the process's peak RSS (`process.resourceUsage()`).
 *
 * Usage: tsx scripts/bench/install-lifecycle.ts [--runs N]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/entrypoints.js";
import { ensureBuilt } from "../lib/pack.js";
import { ensureNode24 } from "../lib/consumer-project.js";
import { markdownTable, median } from "./markdown.js";
import { makeTar, writePlugin } from "../../test/support/plugin-fixtures.js";
import { startTestRegistry } from "../../test/support/verdaccio.js";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 7;
const benchDir = join(repoRoot, "test", ".tmp", "bench-install-lifecycle");
const cli = join(repoRoot, "dist", "cli", "openclaw.js");
const RSS_HOOK = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))";

ensureBuilt();
const node24 = ensureNode24();
rmSync(benchDir, { recursive: true, force: true });
mkdirSync(benchDir, { recursive: true });

const registry = await startTestRegistry(join(benchDir, "registry"));
try {
  const folder = writePlugin(join(benchDir, "src", "bench-plugin"), { id: "bench-plugin", version: "1.0.0", files: { "lib/util.js": "export const x = 1;\n".repeat(200) } });
  const archive = await makeTar(folder, join(benchDir, "bench-plugin-1.0.0.tgz"), { gzip: true, prefix: "package" });
  await registry.publish(folder);

  interface Sample {
    wallMs: number;
    tracedMs?: number;
    rssKiB: number;
  }
  let stateCounter = 0;
  const freshState = () => join(benchDir, "states", String(stateCounter++));

  function sample(args: string[], stateDir: string): Sample {
    const start = performance.now();
    const result = spawnSync(node24, ["--import", RSS_HOOK, cli, ...args], {
      cwd: benchDir,
      encoding: "utf8",
      env: { ...registry.env, OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1", OPENCLAW_STATE_DIR: stateDir, NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr}`);
    const total = /phase=total ms=([\d.]+)/.exec(result.stderr);
    const rss = /maxrss=(\d+)/.exec(result.stderr);
    return { wallMs, ...(total ? { tracedMs: Number(total[1]) } : {}), rssKiB: Number(rss?.[1] ?? 0) };
  }

  function row(label: string, samples: Sample[], note = ""): string[] {
    const traced = samples.map((s) => s.tracedMs).filter((v): v is number => v !== undefined);
    return [
      label,
      median(samples.map((s) => s.wallMs)).toFixed(0),
      traced.length ? median(traced).toFixed(0) : "-",
      `${(median(samples.map((s) => s.rssKiB)) / 1024).toFixed(1)} MiB`,
      note,
    ];
  }

  const repeat = (fn: () => Sample): Sample[] => {
    fn(); // warm the file cache
    return Array.from({ length: runs }, fn);
  };

  const rows: string[][] = [];
  rows.push(row("install ./folder", repeat(() => sample(["plugins", "install", folder, "--json"], freshState()))));
  rows.push(row("install archive.tgz", repeat(() => sample(["plugins", "install", archive, "--json"], freshState()))));
  rows.push(row("install npm:bench-plugin", repeat(() => sample(["plugins", "install", "npm:bench-plugin", "--json"], freshState())), "metadata + tarball from loopback Verdaccio"));

  const updateState = freshState();
  sample(["plugins", "install", "npm:bench-plugin", "--json"], updateState);
  await new Promise((r) => setTimeout(r, 300));
  const tarballsBefore = registry.tarballRequests();
  const updates = repeat(() => sample(["plugins", "update", "bench-plugin", "--json"], updateState));
  await new Promise((r) => setTimeout(r, 300));
  const downloaded = registry.tarballRequests() - tarballsBefore;
  if (downloaded !== 0) throw new Error(`update with no change downloaded ${downloaded} tarball(s)`);
  rows.push(row("update (no change)", updates, `skipped; tarball downloads during ${runs + 1} updates: ${downloaded}`));

  // 500 installed plugins: folders written directly, records through the real index (one transaction)
  const listState = freshState();
  const seed = spawnSync(
    node24,
    [
      "--import",
      "tsx",
      "-e",
      `const { openPluginIndex } = await import(${JSON.stringify(join(repoRoot, "src/state/plugin-index.ts"))});
       const { writePlugin } = await import(${JSON.stringify(join(repoRoot, "test/support/plugin-fixtures.ts"))});
       const { join } = await import("node:path");
       const stateDir = ${JSON.stringify(listState)};
       const index = openPluginIndex({ stateDir });
       index.transaction(() => { for (let i = 0; i < 500; i += 1) {
         const id = "p-" + String(i).padStart(3, "0");
         const dir = writePlugin(join(stateDir, "extensions", id), { id, version: "1.0." + i });
         index.putRecord({ pluginId: id, source: "npm", spec: id, resolvedName: id, resolvedVersion: "1.0." + i, installPath: dir, installedAt: new Date().toISOString() });
       } });
       index.close();`,
    ],
    { cwd: repoRoot, encoding: "utf8" },
  );
  if (seed.status !== 0) throw new Error(`seeding 500 plugins failed: ${seed.stderr}`);
  const lists = repeat(() => {
    const s = sample(["plugins", "list", "--json"], listState);
    return s;
  });
  const check = spawnSync(node24, [cli, "plugins", "list", "--json"], { env: { ...process.env, OPENCLAW_STATE_DIR: listState }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const listed = (JSON.parse(check.stdout) as { plugins: unknown[] }).plugins.length;
  rows.push(row("plugins list --json (500 installed)", lists, `${listed} plugins listed`));

  console.log(`Node ${spawnSync(node24, ["--version"], { encoding: "utf8" }).stdout.trim()} (CLI), ${runs} runs each after one warm-up, medians. Each process is a fresh \`node dist/cli/openclaw.js\`.\n`);
  console.log(markdownTable(["operation", "wall ms", "traced total ms", "peak RSS", "notes"], rows));
} finally {
  await registry.stop();
}
