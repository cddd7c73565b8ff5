import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import { captureCliMetadata } from "./capture.js";
import { runPluginCommand } from "./invoke.js";

const dirs = createTempDirPool("openclaw-plugin-cli-");
afterEach(() => dirs.removeAll());

/** A plugin whose entry and heavy CLI module each append a line to `marks.log` when imported. */
function plugin(id: string, register: string): TempDir {
  const dir = dirs.create();
  const marks = JSON.stringify(dir.resolve("marks.log"));
  dir.write({
    "openclaw.plugin.json": { id, configSchema: { type: "object" } },
    "package.json": { name: id, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    "index.js": `import { appendFileSync } from "node:fs";\nappendFileSync(${marks}, "entry\\n");\nexport default { id: ${JSON.stringify(id)}, register(api) {\n${register}\n} };\n`,
    "cli.js": `import { appendFileSync } from "node:fs";\nappendFileSync(${marks}, "heavy\\n");\nexport function register(program, out) {\n  const root = program.command("lazy-root").description("Lazy root");\n  root.command("ping").action(() => appendFileSync(out, "pong\\n"));\n  root.command("boom").action(() => { throw new Error("kaboom"); });\n}\n`,
  });
  return dir;
}

const marks = (dir: TempDir): string[] => (existsSync(dir.resolve("marks.log")) ? readFileSync(dir.resolve("marks.log"), "utf8").trim().split("\n") : []);

const LAZY = `api.registerCli(async ({ program }) => { const m = await import("./cli.js"); m.register(program, process.env.OUT_FILE); }, { descriptors: [{ name: "lazy-root", description: "Lazy root", hasSubcommands: true }] });
api.registerNodeCliFeature(async () => { await import("./cli.js"); }, { descriptors: [{ name: "canvas", description: "Canvas" }] });`;

describe("captureCliMetadata (cli-metadata mode)", () => {
  it("records descriptors without running lazy registrars: the heavy module is never imported", async () => {
    const dir = plugin("lazy-demo", LAZY);
    const captured = await captureCliMetadata({ rootDir: dir.path, origin: "global", runEager: true });
    expect(captured.loadError).toBeUndefined();
    expect(captured.registrations).toEqual([
      { index: 0, parentPath: [], kind: "lazy", descriptors: [{ name: "lazy-root", description: "Lazy root", hasSubcommands: true }], commands: [] },
      { index: 1, parentPath: ["nodes"], kind: "lazy", descriptors: [{ name: "canvas", description: "Canvas" }], commands: [] },
    ]);
    expect(marks(dir)).toEqual(["entry"]);
  });

  it("runs eager registrars (no descriptors) only when asked, and records the commands they added", async () => {
    const dir = plugin("eager-demo", `api.registerCli(({ program }) => { program.command("legacy").description("Legacy tools").command("sub"); }, { commands: ["legacy"] });`);
    const quiet = await captureCliMetadata({ rootDir: dir.path, origin: "global", runEager: false });
    expect(quiet.registrations[0]).toEqual({ index: 0, parentPath: [], kind: "eager", descriptors: [], commands: ["legacy"] });
    const ran = await captureCliMetadata({ rootDir: dir.path, origin: "global", runEager: true });
    expect(ran.registrations[0]!.eagerCommands).toEqual([{ name: "legacy", description: "Legacy tools", hasSubcommands: true }]);
  });

  it("reports a plugin that fails to load, and a throwing eager registrar, without throwing", async () => {
    const broken = plugin("broken-demo", `throw new Error("register exploded");`);
    const failed = await captureCliMetadata({ rootDir: broken.path, origin: "global", runEager: true });
    expect(failed.loadError?.code).toBe("register-failed");
    expect(failed.loadError?.message).toContain("register exploded");
    const throwing = plugin("throwing-demo", `api.registerCli(() => { throw new Error("no program for you"); });`);
    const result = await captureCliMetadata({ rootDir: throwing.path, origin: "global", runEager: true });
    expect(result.registrations[0]!.eagerError).toContain("no program for you");
    expect(result.registrations[0]!.eagerCommands).toEqual([]);
  });
});

describe("runPluginCommand (full mode, only the owning registrar)", () => {
  it("runs the invoked command; the other registrar's import does not happen", async () => {
    const dir = plugin("lazy-demo", LAZY.replace('await import("./cli.js"); }', 'await import("./missing-module-never-imported.js"); }'));
    const out = dir.resolve("out.log");
    let stderr = "";
    const io = { stderr: { write: (text: string) => (stderr += text) }, env: { OUT_FILE: out } };
    const previous = process.env.OUT_FILE;
    process.env.OUT_FILE = out;
    try {
      const code = await runPluginCommand({ pluginId: "lazy-demo", rootDir: dir.path, origin: "global", argv: ["lazy-root", "ping"], path: ["lazy-root"] }, io);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe("pong\n");
      expect(marks(dir)).toEqual(["entry", "heavy"]);

      const boom = await runPluginCommand({ pluginId: "lazy-demo", rootDir: dir.path, origin: "global", argv: ["lazy-root", "boom"], path: ["lazy-root"] }, io);
      expect(boom).toBe(1);
      expect(stderr).toContain('"openclaw lazy-root" (plugin "lazy-demo") failed: kaboom');
    } finally {
      if (previous === undefined) delete process.env.OUT_FILE;
      else process.env.OUT_FILE = previous;
    }
  });

  it("says so when the plugin no longer registers the command, or fails to load", async () => {
    const dir = plugin("gone-demo", `api.registerCli(() => {}, { descriptors: [{ name: "other", description: "Other" }] });`);
    let stderr = "";
    const io = { stderr: { write: (text: string) => (stderr += text) }, env: {} };
    expect(await runPluginCommand({ pluginId: "gone-demo", rootDir: dir.path, origin: "global", argv: ["lazy-root"], path: ["lazy-root"] }, io)).toBe(1);
    expect(stderr).toContain('plugin "gone-demo" no longer registers "openclaw lazy-root"');
    stderr = "";
    expect(await runPluginCommand({ pluginId: "gone-demo", rootDir: dir.path, origin: "global", argv: ["other"], path: ["other"] }, io)).toBe(1);
    expect(stderr).toContain('did not add "openclaw other"');
    const broken = plugin("broken-demo", `throw new Error("nope");`);
    stderr = "";
    expect(await runPluginCommand({ pluginId: "broken-demo", rootDir: broken.path, origin: "global", argv: ["x"], path: ["x"] }, io)).toBe(1);
    expect(stderr).toContain('belongs to plugin "broken-demo", which failed to load (register-failed)');
  });
});
