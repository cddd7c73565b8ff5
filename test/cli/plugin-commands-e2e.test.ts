/**
 * End to end through the PACKED package's binary (pnpm pack → npm install into a temp tools project): plugin-owned
 * commands on the root `openclaw` CLI — root and nested commands, lazy (descriptors, registrar runs only when
 * invoked) and eager (no descriptors), conflicting claims — and `inspect --runtime` listing each command with the
 * path that runs it. The plugins are installed under <state>/extensions and import the SDK from the same tarball.
 * Every plugin module appends a line to $MARKS when imported, so the tests count what each run imported.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage, runPnpm } from "../../scripts/lib/pack.js";

const workDir = join(repoRoot, "test", ".tmp", `plugin-commands-e2e-${process.pid}`);
const toolsDir = join(workDir, "tools");
const stateDir = join(workDir, "state");
const marksFile = join(workDir, "marks.log");
let openclawBin = "";

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

function openclaw(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Result {
  const result = spawnSync(openclawBin, args, {
    cwd: workDir,
    encoding: "utf8",
    env: { ...process.env, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: join(stateDir, "openclaw.json"), MARKS: marksFile, NO_COLOR: "1", ...extraEnv },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const marks = (): string[] => (existsSync(marksFile) ? readFileSync(marksFile, "utf8").trim().split("\n").filter(Boolean) : []);
const clearMarks = (): void => rmSync(marksFile, { force: true });

/** Installs a plugin folder under <state>/extensions/<id>, resolving openclaw/* from the packed package. */
function installPlugin(id: string, files: { index: string; cli?: string }): void {
  const dir = join(stateDir, "extensions", id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(join(toolsDir, "node_modules", "openclaw"), join(dir, "node_modules", "openclaw"), "dir");
  const mark = (what: string) => `import { appendFileSync } from "node:fs";\nif (process.env.MARKS) appendFileSync(process.env.MARKS, "${what} ${id}\\n");\n`;
  writeFileSync(join(dir, "openclaw.plugin.json"), JSON.stringify({ id, name: id, version: "1.0.0", configSchema: { type: "object", additionalProperties: false, properties: {} } }));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `@e2e/${id}`, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } }));
  writeFileSync(join(dir, "index.js"), `${mark("entry")}${files.index}`);
  if (files.cli) writeFileSync(join(dir, "cli.js"), `${mark("heavy")}${files.cli}`);
}

const DEMO_INDEX = `import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
export default definePluginEntry({
  id: "demo-plugin",
  name: "Demo Plugin",
  description: "Demo plugin with root and node CLI commands",
  register(api) {
    api.registerCli(async ({ program }) => {
      const { registerDemoCli } = await import("./cli.js");
      registerDemoCli(program);
    }, { descriptors: [{ name: "demo-plugin", description: "Demo plugin tools", hasSubcommands: true }] });
    api.registerNodeCliFeature(async ({ program }) => {
      const { registerCanvasCli } = await import("./cli.js");
      registerCanvasCli(program);
    }, { descriptors: [{ name: "canvas", description: "Capture or render canvas content from a paired node", hasSubcommands: true }] });
  },
});
`;
const DEMO_CLI = `export function registerDemoCli(program) {
  const root = program.command("demo-plugin").description("Demo plugin tools");
  root.command("ping").description("Answer pong").option("--json", "JSON output").action((options) => {
    console.log(options.json ? JSON.stringify({ pong: true }) : "pong");
  });
  root.command("fail").description("Exit with a code").argument("<code>").action((code) => { process.exitCode = Number(code); });
}
export function registerCanvasCli(nodes) {
  const canvas = nodes.command("canvas").description("Canvas");
  canvas.command("snap").argument("<node>").option("--format <format>", "png or jpg", "png").action((node, options) => {
    console.log("snapshot of " + node + " as " + options.format);
  });
}
`;

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  if (!existsSync(join(repoRoot, "dist", "cli", "plugin-command-worker.js"))) runPnpm(["run", "build"], { locked: true });
  const tarball = packPackage(join(workDir, "pack"));
  createConsumerProject(toolsDir, tarball);
  openclawBin = join(toolsDir, "node_modules", ".bin", "openclaw");
  mkdirSync(stateDir, { recursive: true });
  installPlugin("demo-plugin", { index: DEMO_INDEX, cli: DEMO_CLI });
}, 600_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("plugin commands on the root CLI (packed package)", () => {
  it("root help lists the described root command and the nodes feature; the capture imports only the entry, the cached help nothing", () => {
    clearMarks();
    const first = openclaw(["--help"]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Plugin commands:\n\s+demo-plugin \[args\.\.\.\]\s+Demo plugin tools \[plugin: demo-plugin\]/);
    expect(first.stdout).toMatch(/\n\s+nodes\s+Paired-node features \(commands from plugins\)/);
    expect(marks()).toEqual(["entry demo-plugin"]);
    expect(existsSync(join(stateDir, "cache", "plugin-cli.json"))).toBe(true);

    clearMarks();
    const cached = openclaw(["--help"], { OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1" });
    expect(cached.stdout).toBe(first.stdout);
    expect(cached.stderr).toContain("plugin-cli commands=2 captured=0");
    expect(marks()).toEqual([]);

    const nodes = openclaw(["nodes", "--help"]);
    expect(nodes.status).toBe(0);
    expect(nodes.stdout).toMatch(/canvas \[args\.\.\.\]\s+Capture or render canvas content from a paired node \[plugin:\s+demo-plugin\]/);
    expect(marks()).toEqual([]);
  });

  it("runs the root command (lazy: the registrar's import happens only now) with its output, options and exit code", () => {
    clearMarks();
    const ping = openclaw(["demo-plugin", "ping"]);
    expect(ping.stderr).toBe("");
    expect(ping.stdout).toBe("pong\n");
    expect(ping.status).toBe(0);
    expect(marks()).toEqual(["entry demo-plugin", "heavy demo-plugin"]);
    expect(JSON.parse(openclaw(["demo-plugin", "ping", "--json"]).stdout)).toEqual({ pong: true });
    expect(openclaw(["demo-plugin", "fail", "9"]).status).toBe(9);
    const help = openclaw(["demo-plugin", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: openclaw demo-plugin");
    expect(help.stdout).toContain("Answer pong");
    const unknown = openclaw(["demo-plugin", "nope"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'nope'");
  });

  it("runs the nested node feature under its parent", () => {
    const snap = openclaw(["nodes", "canvas", "snap", "node-1", "--format", "jpg"]);
    expect(snap.stderr).toBe("");
    expect(snap.stdout).toBe("snapshot of node-1 as jpg\n");
    expect(snap.status).toBe(0);
  });

  it("inspect --runtime lists each command with its path, and each listed path runs", () => {
    const inspect = openclaw(["plugins", "inspect", "demo-plugin", "--runtime", "--json"]);
    expect(inspect.status, inspect.stderr).toBe(0);
    const report = JSON.parse(inspect.stdout) as { cliCommands: Array<{ name: string; parentPath: string[]; path: string }> };
    expect(report.cliCommands).toEqual([
      { name: "demo-plugin", parentPath: [], path: "demo-plugin" },
      { name: "canvas", parentPath: ["nodes"], path: "nodes canvas" },
    ]);
    for (const command of report.cliCommands) {
      const run = openclaw([...command.path.split(" "), "--help"]);
      expect(run.status, `${command.path}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`Usage: openclaw ${command.path}`);
    }
    const text = openclaw(["plugins", "inspect", "demo-plugin", "--runtime"]);
    expect(text.stdout).toContain("openclaw demo-plugin");
    expect(text.stdout).toContain("openclaw nodes canvas");
  });

  it("an eager registrar (no descriptors) is run for help and routing, without placeholders, and its command runs", () => {
    installPlugin("eager-plugin", {
      index: `export default { id: "eager-plugin", register(api) { api.registerCli(async ({ program }) => { (await import("./cli.js")).register(program); }); } };\n`,
      cli: `export function register(program) { program.command("legacy-tool").description("Legacy eager tool").argument("[name]").action((name) => console.log("legacy " + (name ?? "none"))); }\n`,
    });
    clearMarks();
    const help = openclaw(["--help"]);
    expect(help.stdout).toMatch(/legacy-tool \[args\.\.\.\]\s+Legacy eager tool \[plugin: eager-plugin\]/);
    expect(marks()).toEqual(["entry eager-plugin", "heavy eager-plugin"]);
    clearMarks();
    openclaw(["--help"]);
    // Eager means eager: the registrar runs again (only the described plugin's capture is cached).
    expect(marks()).toEqual(["entry eager-plugin", "heavy eager-plugin"]);
    const run = openclaw(["legacy-tool", "x"]);
    expect(run.stdout).toBe("legacy x\n");
    expect(run.status).toBe(0);
    rmSync(join(stateDir, "extensions", "eager-plugin"), { recursive: true, force: true });
  });

  it("a second plugin claiming the same root, or a core command, is a diagnostic naming both; nothing is overridden", () => {
    installPlugin("rival-plugin", {
      index: `export default { id: "rival-plugin", register(api) { api.registerCli(() => {}, { descriptors: [{ name: "demo-plugin", description: "Rival demo" }, { name: "gateway", description: "Not yours" }] }); } };\n`,
    });
    const help = openclaw(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stderr).toContain(`plugin "rival-plugin" (${join(stateDir, "extensions", "rival-plugin")}) claims "openclaw demo-plugin", which plugin "demo-plugin" (${join(stateDir, "extensions", "demo-plugin")}) already owns`);
    expect(help.stderr).toContain("(cli-command-conflict)");
    expect(help.stderr).toContain('claims "openclaw gateway", a core command of the OpenClaw CLI');
    expect(help.stderr).toContain("(cli-command-core-conflict)");
    expect(help.stdout).not.toContain("Rival demo");
    const ping = openclaw(["demo-plugin", "ping"]);
    expect(ping.stdout).toBe("pong\n");
    expect(ping.stderr).toContain("(cli-command-conflict)");
    expect(ping.stderr).not.toContain("cli-command-core-conflict");

    writeFileSync(join(stateDir, "openclaw.json"), JSON.stringify({ plugins: { entries: { "rival-plugin": { enabled: false } } } }));
    const resolved = openclaw(["--help"]);
    expect(resolved.stderr).toBe("");
    rmSync(join(stateDir, "openclaw.json"));
    rmSync(join(stateDir, "extensions", "rival-plugin"), { recursive: true, force: true });
  });

  it("a changed plugin is captured again (source hash), and a disabled one has no commands", () => {
    const index = join(stateDir, "extensions", "demo-plugin", "index.js");
    writeFileSync(index, readFileSync(index, "utf8").replace('description: "Demo plugin tools", hasSubcommands', 'description: "Demo plugin tools, v2", hasSubcommands'));
    clearMarks();
    expect(openclaw(["--help"]).stdout).toContain("Demo plugin tools, v2 [plugin: demo-plugin]");
    expect(marks()).toEqual(["entry demo-plugin"]);

    writeFileSync(join(stateDir, "openclaw.json"), JSON.stringify({ plugins: { deny: ["demo-plugin"] } }));
    clearMarks();
    const denied = openclaw(["demo-plugin", "ping"]);
    expect(denied.status).toBe(2);
    expect(denied.stderr).toContain("unknown command 'demo-plugin'");
    expect(marks()).toEqual([]);
    rmSync(join(stateDir, "openclaw.json"));
  });
});
