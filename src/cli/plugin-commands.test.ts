/**
 * Plugin-owned commands through runCli (in-process parent, real child processes): help and routing from cached
 * descriptors, lazy vs eager registrars, conflicts, policy.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { runCli } from "./program.js";

const dirs = createTempDirPool("openclaw-plugin-commands-");
afterEach(() => dirs.removeAll());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(state: TempDir, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { ...process.env, OPENCLAW_STATE_DIR: state.path, OPENCLAW_CONFIG_PATH: state.resolve("openclaw.json"), MARKS: state.resolve("marks.log"), OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1", ...env },
    cwd: state.path,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Writes a plugin under <state>/extensions/<id>; its entry and its heavy module append to $MARKS when imported. */
function addPlugin(state: TempDir, id: string, register: string, heavy = ""): void {
  const mark = (what: string) => `import { appendFileSync } from "node:fs";\nif (process.env.MARKS) appendFileSync(process.env.MARKS, "${what} ${id}\\n");\n`;
  state.write({
    [`extensions/${id}/openclaw.plugin.json`]: { id, configSchema: { type: "object" } },
    [`extensions/${id}/package.json`]: { name: id, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    [`extensions/${id}/index.js`]: `${mark("entry")}export default { id: ${JSON.stringify(id)}, register(api) {\n${register}\n} };\n`,
    [`extensions/${id}/cli.js`]: `${mark("heavy")}${heavy}`,
  });
}

const marks = (state: TempDir): string[] => (existsSync(state.resolve("marks.log")) ? readFileSync(state.resolve("marks.log"), "utf8").trim().split("\n") : []);
const clearMarks = (state: TempDir): void => rmSync(state.resolve("marks.log"), { force: true });

const DEMO_REGISTER = `api.registerCli(async ({ program }) => { (await import("./cli.js")).registerDemo(program); }, { descriptors: [{ name: "demo-plugin", description: "Demo plugin tools", hasSubcommands: true }] });
api.registerNodeCliFeature(async ({ program }) => { (await import("./cli.js")).registerCanvas(program); }, { descriptors: [{ name: "canvas", description: "Canvas from a paired node", hasSubcommands: true }] });`;
const DEMO_HEAVY = `export function registerDemo(program) {
  const demo = program.command("demo-plugin").description("Demo plugin tools");
  demo.command("ping").option("--json").action((o) => console.log(o.json ? JSON.stringify({ pong: true }) : "pong"));
  demo.command("exit").argument("<code>").action((code) => { process.exitCode = Number(code); });
}
export function registerCanvas(nodes) {
  nodes.command("canvas").description("Canvas").command("snap").argument("<node>").action((node) => console.log("snap " + node));
}
`;

describe("plugin commands on the root CLI", () => {
  it("lists described commands in root help from a capture, then from the cache with no plugin module imported", async () => {
    const state = dirs.create();
    addPlugin(state, "demo-plugin", DEMO_REGISTER, DEMO_HEAVY);
    const first = await run(state, ["--help"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Plugin commands:\n\s+demo-plugin \[args\.\.\.\]\s+Demo plugin tools \[plugin: demo-plugin\]/);
    expect(first.stdout).toMatch(/\n\s+nodes\s+Paired-node features/);
    expect(first.stderr).toContain("plugin-cli commands=2 captured=1");
    expect(marks(state)).toEqual(["entry demo-plugin"]);
    clearMarks(state);
    const second = await run(state, ["--help"]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain("plugin-cli commands=2 captured=0");
    expect(marks(state)).toEqual([]);
    const nodesHelp = await run(state, ["nodes", "--help"]);
    expect(nodesHelp.code).toBe(0);
    expect(nodesHelp.stdout).toMatch(/canvas \[args\.\.\.\]\s+Canvas from a paired node \[plugin: demo-plugin\]/);
  });

  it("runs root and nested commands in the plugin's child: output, arguments and exit code pass through", async () => {
    const state = dirs.create();
    addPlugin(state, "demo-plugin", DEMO_REGISTER, DEMO_HEAVY);
    await run(state, ["--help"]);
    clearMarks(state);
    const ping = await run(state, ["demo-plugin", "ping", "--json"]);
    expect(ping.stdout).toBe('{"pong":true}\n');
    expect(ping.code).toBe(0);
    expect(marks(state)).toEqual(["entry demo-plugin", "heavy demo-plugin"]);
    const snap = await run(state, ["nodes", "canvas", "snap", "n1"]);
    expect(snap.stdout).toBe("snap n1\n");
    const exit = await run(state, ["demo-plugin", "exit", "7"]);
    expect(exit.code).toBe(7);
    const help = await run(state, ["demo-plugin", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: openclaw demo-plugin");
    expect(help.stdout).toContain("ping");
  });

  it("eager registrars (no descriptors) run for help and routing, and their commands work", async () => {
    const state = dirs.create();
    addPlugin(state, "eager-plugin", `api.registerCli(async ({ program }) => { (await import("./cli.js")).register(program); });`, `export function register(program) { program.command("legacy").description("Legacy eager tools").action(() => console.log("legacy ran")); }`);
    const help = await run(state, ["--help"]);
    expect(help.stdout).toMatch(/legacy \[args\.\.\.\]\s+Legacy eager tools \[plugin: eager-plugin\]/);
    expect(marks(state)).toEqual(["entry eager-plugin", "heavy eager-plugin"]);
    clearMarks(state);
    const again = await run(state, ["--help"]);
    expect(again.stdout).toContain("Legacy eager tools");
    expect(marks(state)).toEqual(["entry eager-plugin", "heavy eager-plugin"]);
    const ran = await run(state, ["legacy"]);
    expect(ran.stdout).toBe("legacy ran\n");
    expect(ran.code).toBe(0);
  });

  it("a second claim and a core claim are diagnostics naming both owners; the first plugin keeps the command", async () => {
    const state = dirs.create();
    addPlugin(state, "demo-plugin", DEMO_REGISTER, DEMO_HEAVY);
    addPlugin(state, "zz-rival", `api.registerCli(() => {}, { descriptors: [{ name: "demo-plugin", description: "Rival" }, { name: "plugins", description: "Core grab" }] });`);
    const help = await run(state, ["--help"]);
    expect(help.stderr).toContain('plugin "zz-rival"');
    expect(help.stderr).toContain('claims "openclaw demo-plugin", which plugin "demo-plugin"');
    expect(help.stderr).toContain("(cli-command-conflict)");
    expect(help.stderr).toContain('claims "openclaw plugins", a core command');
    expect(help.stdout).not.toContain("Rival");
    const ping = await run(state, ["demo-plugin", "ping"]);
    expect(ping.stdout).toBe("pong\n");
    expect(ping.stderr).toContain("(cli-command-conflict)");
    const core = await run(state, ["plugins", "list", "--json"]);
    expect(core.code).toBe(0);
    expect(core.stderr).not.toContain("cli-command");
    const doctor = await run(state, ["plugins", "doctor", "--json"]);
    expect(doctor.code).toBe(1);
    const issues = JSON.parse(doctor.stdout).issues as Array<{ code: string; pluginId?: string; message: string }>;
    expect(issues.filter((i) => i.code.startsWith("cli-command")).map((i) => [i.code, i.pluginId])).toEqual([
      ["cli-command-conflict", "zz-rival"],
      ["cli-command-core-conflict", "zz-rival"],
    ]);
  });

  it("follows policy: a disabled plugin has no commands, a broken config shows none and says why", async () => {
    const state = dirs.create();
    addPlugin(state, "demo-plugin", DEMO_REGISTER, DEMO_HEAVY);
    state.write({ "openclaw.json": { plugins: { entries: { "demo-plugin": { enabled: false } } } } });
    const off = await run(state, ["demo-plugin", "ping"]);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("unknown command 'demo-plugin'");
    expect(marks(state)).toEqual([]);
    state.write({ "openclaw.json": "{ plugins: " });
    const broken = await run(state, ["--help"]);
    expect(broken.stdout).not.toContain("demo-plugin");
    expect(broken.stderr).toContain("plugin commands are not available");
    expect(marks(state)).toEqual([]);
  });

  it("a plugin that fails in cli-metadata mode is reported, not fatal", async () => {
    const state = dirs.create();
    addPlugin(state, "bad-plugin", `throw new Error("cannot register");`);
    addPlugin(state, "demo-plugin", DEMO_REGISTER, DEMO_HEAVY);
    const help = await run(state, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("demo-plugin [args...]");
    expect(help.stderr).toContain('plugin "bad-plugin": its CLI commands are unavailable');
    expect(help.stderr).toContain("cannot register");
  });

  it("a plugin that exits or hangs during capture is reported and the other plugins still get their commands", async () => {
    const state = dirs.create();
    addPlugin(state, "aa-exits", `process.exit(3);`);
    addPlugin(state, "ab-hangs", `return new Promise(() => {});`);
    addPlugin(state, "demo-plugin", DEMO_REGISTER, DEMO_HEAVY);
    state.write({ "openclaw.json": { plugins: { entries: { "ab-hangs": { registerTimeoutMs: 300 } } } } });
    const help = await run(state, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("demo-plugin [args...]");
    expect(help.stderr).toContain('plugin "aa-exits": its CLI commands are unavailable');
    expect(help.stderr).toContain("(plugin-exited)");
    expect(help.stderr).toContain('plugin "ab-hangs": its CLI commands are unavailable');
    expect(help.stderr).toMatch(/register-timeout|plugin-load-timeout/);
    // Crashes are not cached (they may be transient); the working plugin is.
    const cache = JSON.parse(readFileSync(state.resolve("cache/plugin-cli.json"), "utf8")) as { entries: Record<string, { pluginId: string }> };
    expect(Object.values(cache.entries).map((e) => e.pluginId).sort()).toEqual(expect.arrayContaining(["demo-plugin"]));
    expect(Object.values(cache.entries).map((e) => e.pluginId)).not.toContain("aa-exits");
    expect(Object.values(cache.entries).map((e) => e.pluginId)).not.toContain("ab-hangs");
    const ping = await run(state, ["demo-plugin", "ping"]);
    expect(ping.stdout).toBe("pong\n");
  });
});
