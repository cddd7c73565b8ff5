import { describe, expect, it } from "vitest";
import { claimedCommands, cleanDescription, matchPluginCommand, resolvePluginCliTable, type CapturedCliRegistration, type CoreCommandTree, type PluginCliSource } from "./claims.js";

const core: CoreCommandTree = { roots: new Set(["plugins", "doctor"]), children: new Map([["plugins", new Set(["list", "install"])]]) };

const lazy = (index: number, names: string[], parentPath: string[] = []): CapturedCliRegistration => ({
  index,
  parentPath,
  kind: "lazy",
  descriptors: names.map((name) => ({ name, description: `${name} help`, hasSubcommands: true })),
  commands: [],
});
const source = (pluginId: string, ...registrations: CapturedCliRegistration[]): PluginCliSource => ({ pluginId, rootDir: `/p/${pluginId}`, registrations });

describe("resolvePluginCliTable", () => {
  it("lists root and nested plugin commands with their owner", () => {
    const table = resolvePluginCliTable([source("demo", lazy(0, ["demo-plugin"]), lazy(1, ["canvas"], ["nodes"]))], core);
    expect(table.diagnostics).toEqual([]);
    expect(table.commands.map((c) => [c.path.join(" "), c.pluginId, c.kind, c.registration])).toEqual([
      ["demo-plugin", "demo", "lazy", 0],
      ["nodes canvas", "demo", "lazy", 1],
    ]);
  });

  it("keeps the first plugin's command and names both plugins when a second one claims it", () => {
    const table = resolvePluginCliTable([source("alpha", lazy(0, ["shared"])), source("beta", lazy(0, ["shared", "own"]))], core);
    expect(table.commands.map((c) => `${c.pluginId}:${c.path.join(" ")}`)).toEqual(["alpha:shared", "beta:own"]);
    expect(table.diagnostics).toHaveLength(1);
    expect(table.diagnostics[0]).toMatchObject({ level: "error", code: "cli-command-conflict", file: "/p/beta", path: "cli.shared" });
    expect(table.diagnostics[0]!.message).toContain('plugin "beta"');
    expect(table.diagnostics[0]!.message).toContain('plugin "alpha" (/p/alpha) already owns');
    expect(table.diagnostics[0]!.message).toContain("plugins.entries.beta.enabled");
  });

  it("refuses core roots (reserved ones too) and existing core subcommands", () => {
    const table = resolvePluginCliTable([source("greedy", lazy(0, ["plugins", "gateway", "config", "doctor", "ok"]))], core);
    expect(table.commands.map((c) => c.path.join(" "))).toEqual(["ok"]);
    expect(table.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["cli-command-core-conflict", "cli.plugins"],
      ["cli-command-core-conflict", "cli.gateway"],
      ["cli-command-core-conflict", "cli.config"],
      ["cli-command-core-conflict", "cli.doctor"],
    ]);
    expect(table.diagnostics[0]!.message).toContain('"openclaw plugins", a core command');
  });

  it("refuses a parent that is neither nodes nor owned by the same plugin; allows nesting under its own root", () => {
    const table = resolvePluginCliTable(
      [source("a", lazy(1, ["sub"], ["a-root"]), lazy(0, ["a-root"])), source("b", lazy(0, ["x"], ["a-root"]), lazy(1, ["y"], ["plugins"]))],
      core,
    );
    expect(table.commands.map((c) => `${c.pluginId}:${c.path.join(" ")}`)).toEqual(["a:a-root", "a:a-root sub"]);
    expect(table.diagnostics.map((d) => d.code)).toEqual(["cli-parent-missing", "cli-parent-missing"]);
  });

  it("eager registrations claim what their registrar added, else their declared commands; bad names are refused", () => {
    const eager: CapturedCliRegistration = { index: 0, parentPath: [], kind: "eager", descriptors: [], commands: ["declared"] };
    expect(claimedCommands(eager)).toEqual([{ name: "declared", description: "" }]);
    const ran = { ...eager, eagerCommands: [{ name: "legacy", description: "Legacy", hasSubcommands: false }] };
    expect(claimedCommands(ran).map((d) => d.name)).toEqual(["legacy", "declared"]);
    const table = resolvePluginCliTable([source("old", ran, { ...lazy(1, ["two words", "-x"]) })], core);
    expect(table.commands.map((c) => [c.path.join(" "), c.kind])).toEqual([
      ["legacy", "eager"],
      ["declared", "eager"],
    ]);
    expect(table.diagnostics.map((d) => d.code)).toEqual(["cli-command-name-invalid", "cli-command-name-invalid"]);
  });

  it("a plugin registering the same command twice keeps the first, with a warning", () => {
    const table = resolvePluginCliTable([source("twice", lazy(0, ["dup"]), lazy(1, ["dup"]))], core);
    expect(table.commands).toHaveLength(1);
    expect(table.diagnostics).toMatchObject([{ level: "warning", code: "cli-command-duplicate" }]);
  });
});

describe("cleanDescription", () => {
  it("turns terminal escapes and newlines into spaces and caps the length", () => {
    expect(cleanDescription("Demo\u001b[2J\u001b]0;owned\u0007 tools\nline two")).toBe("Demo [2J ]0;owned tools line two");
    expect(cleanDescription("x".repeat(500))).toHaveLength(200);
    const table = resolvePluginCliTable([source("esc", { ...lazy(0, ["esc"]), descriptors: [{ name: "esc", description: "a\u001b[31mred" }] })], core);
    expect(table.commands[0]!.description).toBe("a [31mred");
  });
});

describe("matchPluginCommand", () => {
  it("takes the longest command path that prefixes the arguments", () => {
    const { commands } = resolvePluginCliTable([source("a", lazy(0, ["a-root"]), lazy(1, ["sub"], ["a-root"]), lazy(2, ["canvas"], ["nodes"]))], core);
    expect(matchPluginCommand(commands, ["a-root", "sub", "--x"])).toMatchObject({ consumed: 2, command: { path: ["a-root", "sub"] } });
    expect(matchPluginCommand(commands, ["a-root", "other"])).toMatchObject({ consumed: 1 });
    expect(matchPluginCommand(commands, ["nodes", "canvas", "snap"])).toMatchObject({ consumed: 2 });
    expect(matchPluginCommand(commands, ["nodes"])).toBeUndefined();
    expect(matchPluginCommand(commands, ["zzz"])).toBeUndefined();
  });
});
