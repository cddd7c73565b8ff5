/**
 * Cost of plugin-owned CLI commands on the root CLI, against the built CLI (dist/cli/openclaw.js; pnpm build first):
 * `openclaw --help` with 50 installed plugins (under <state>/extensions) that each register one described root
 * command (`api.registerCli(registrar, { descriptors })`, the registrar `import()`s a heavy module), with a cold
 * descriptor cache (deleted before each run: every plugin is captured in cli-metadata mode) and a warm one; the
 * same 50 plugins registering eagerly (no descriptors); and invoking one plugin command.
 *
 * Every plugin's entry module and heavy module append a line to a marker file when imported, so the table counts
 * the plugin modules each run imported (all processes: the CLI and its children).
 *
 * Usage: tsx scripts/bench/plugin-cli.ts [--runs N] [--plugins N]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/entrypoints.js";
import { ensureBuilt, runPnpm } from "../lib/pack.js";
import { markdownTable, median } from "./markdown.js";

const flag = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = flag("--runs", 7);
const pluginCount = flag("--plugins", 50);
const benchDir = join(repoRoot, "test", ".tmp", "bench-plugin-cli");
const cli = join(repoRoot, "dist", "cli", "openclaw.js");

ensureBuilt();
if (!existsSync(cli)) runPnpm(["run", "build"], { locked: true });

function makeState(name: string, described: boolean): string {
  const state = join(benchDir, name);
  for (let i = 1; i <= pluginCount; i++) {
    const id = `bench-${String(i).padStart(2, "0")}`;
    const dir = join(state, "extensions", id);
    mkdirSync(dir, { recursive: true });
    const mark = (what: string) => `import { appendFileSync } from "node:fs";\nif (process.env.MARKS) appendFileSync(process.env.MARKS, "${what} ${id}\\n");\n`;
    writeFileSync(join(dir, "openclaw.plugin.json"), JSON.stringify({ id, name: `Bench ${i}`, version: "1.0.0", configSchema: { type: "object" } }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: id, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } }));
    const options = described ? `{ descriptors: [{ name: "${id}", description: "Bench command ${i}", hasSubcommands: true }] }` : "undefined";
    writeFileSync(
      join(dir, "index.js"),
      `${mark("entry")}export default { id: "${id}", register(api) {\n  api.registerCli(async ({ program }) => { (await import("./cli.js")).register(program); }, ${options});\n} };\n`,
    );
    writeFileSync(
      join(dir, "cli.js"),
      `${mark("heavy")}export function register(program) {\n  program.command("${id}").description("Bench command ${i}").command("ping").action(() => console.log("pong ${id}"));\n}\n`,
    );
  }
  return state;
}

interface Sample {
  wallMs: number;
  entries: number;
  heavy: number;
}

function sample(state: string, args: string[], before?: () => void): Sample {
  const marks = join(state, "marks.log");
  rmSync(marks, { force: true });
  before?.();
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: state,
    encoding: "utf8",
    env: { ...process.env, OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: join(state, "openclaw.json"), MARKS: marks, NO_COLOR: "1" },
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`openclaw ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const lines = existsSync(marks) ? readFileSync(marks, "utf8").trim().split("\n").filter(Boolean) : [];
  return { wallMs, entries: lines.filter((l) => l.startsWith("entry")).length, heavy: lines.filter((l) => l.startsWith("heavy")).length };
}

function measure(label: string, state: string, args: string[], before?: () => void): string[] {
  sample(state, args, before); // warm the file cache (and the descriptor cache, unless `before` clears it)
  const samples = Array.from({ length: runs }, () => sample(state, args, before));
  const counts = (pick: (s: Sample) => number): string => {
    const values = [...new Set(samples.map(pick))];
    return values.length === 1 ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`;
  };
  return [label, median(samples.map((s) => s.wallMs)).toFixed(0), counts((s) => s.entries), counts((s) => s.heavy)];
}

rmSync(benchDir, { recursive: true, force: true });
const empty = join(benchDir, "empty");
mkdirSync(empty, { recursive: true });
const described = makeState("described", true);
const eager = makeState("eager", false);
const dropCache = (state: string) => () => rmSync(join(state, "cache"), { recursive: true, force: true });

const rows = [
  measure("openclaw --version (no plugin table)", described, ["--version"]),
  measure("openclaw --help, no plugins", empty, ["--help"]),
  measure(`openclaw --help, ${pluginCount} described, cold cache`, described, ["--help"], dropCache(described)),
  measure(`openclaw --help, ${pluginCount} described, warm cache`, described, ["--help"]),
  measure(`openclaw bench-25 ping, ${pluginCount} described, warm cache`, described, ["bench-25", "ping"]),
  measure(`openclaw plugins list, ${pluginCount} described`, described, ["plugins", "list"]),
  measure(`openclaw --help, ${pluginCount} eager (no descriptors)`, eager, ["--help"]),
  measure(`openclaw bench-25 ping, ${pluginCount} eager`, eager, ["bench-25", "ping"]),
];
console.log(`Node ${process.version}, ${runs} runs each (after one warm-up run), medians; plugin modules imported per run (entry = index.js, heavy = the module the registrar imports).\n`);
console.log(markdownTable(["command", "wall ms", "entry modules", "heavy modules"], rows));
