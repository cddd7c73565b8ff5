/**
 * Cost of `openclaw plugins inspect --runtime` for a freshly scaffolded tool plugin, against the built CLI
 * (dist/cli/openclaw.js; pnpm build first). The scaffold lives in test/.tmp/bench-cli with node_modules/openclaw
 * linked to this repository, so it resolves the built SDK exactly as an installed copy would.
 *
 * Each run is a fresh `node` process with OPENCLAW_PLUGIN_LIFECYCLE_TRACE=1; the table reports the median wall time
 * of the whole process and the median of the traced phases (discover, manifest, load = import + register).
 *
 * Usage: tsx scripts/bench/cli.ts [--runs N]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/entrypoints.js";
import { ensureBuilt, runPnpm } from "../lib/pack.js";
import { markdownTable, median } from "./markdown.js";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 15;
const benchDir = join(repoRoot, "test", ".tmp", "bench-cli");
const cli = join(repoRoot, "dist", "cli", "openclaw.js");

ensureBuilt();
if (!existsSync(cli)) runPnpm(["run", "build"], { locked: true });

rmSync(benchDir, { recursive: true, force: true });
mkdirSync(benchDir, { recursive: true });
execFileSync(process.execPath, [cli, "plugins", "init", "demo-tool"], { cwd: benchDir, stdio: "ignore" });
const pluginDir = join(benchDir, "demo-tool");
mkdirSync(join(pluginDir, "node_modules"), { recursive: true });
symlinkSync(repoRoot, join(pluginDir, "node_modules", "openclaw"), "dir");
symlinkSync(join(repoRoot, "node_modules", "@types"), join(pluginDir, "node_modules", "@types"), "dir");
execFileSync(process.execPath, [join(repoRoot, "node_modules", "typescript", "lib", "tsc.js"), "-p", "tsconfig.json"], {
  cwd: pluginDir,
  stdio: "inherit",
});
execFileSync(process.execPath, [cli, "plugins", "build"], { cwd: pluginDir, stdio: "ignore" });

interface Sample {
  wallMs: number;
  phases: Record<string, number>;
}

function sample(args: string[]): Sample {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: pluginDir,
    encoding: "utf8",
    env: { ...process.env, OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1", OPENCLAW_STATE_DIR: join(benchDir, "state") },
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const phases: Record<string, number> = {};
  for (const match of result.stderr.matchAll(/phase=(\w+)(?: plugin=\S+)? ms=([\d.]+)/g)) {
    phases[match[1]!] = (phases[match[1]!] ?? 0) + Number(match[2]);
  }
  return { wallMs, phases };
}

function measure(label: string, args: string[]): string[] {
  sample(args); // warm the file cache
  const samples = Array.from({ length: runs }, () => sample(args));
  const phase = (name: string): string => {
    const values = samples.map((s) => s.phases[name]).filter((v): v is number => v !== undefined);
    return values.length ? median(values).toFixed(1) : "-";
  };
  return [label, median(samples.map((s) => s.wallMs)).toFixed(0), phase("discover"), phase("manifest"), phase("load"), phase("total")];
}

const rows = [
  measure("node (bare)", ["-e", ""]),
  measure("openclaw --version", [cli, "--version"]),
  measure("plugins inspect . --json", [cli, "plugins", "inspect", ".", "--json"]),
  measure("plugins inspect . --runtime --json", [cli, "plugins", "inspect", ".", "--runtime", "--json"]),
];
console.log(`Node ${process.version}, ${runs} runs each, medians (ms). Scaffolded tool plugin: ${pluginDir}\n`);
console.log(markdownTable(["command", "wall ms", "discover", "manifest", "load", "total traced"], rows));
