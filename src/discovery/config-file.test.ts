/**
 * The config file fails closed: unreadable, unparsable or wrong-typed policy fields are errors that keep every
 * plugin off, instead of silently becoming "deny nothing".
 */
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { registerTimeoutFor, resolvePluginEnablement } from "../config/plugins-policy.js";
import { validatePluginsConfig } from "../config/validate-plugin-config.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { normalizePluginsConfig, readOpenClawConfig } from "./config-file.js";

const dirs = createTempDirPool("openclaw-config-file-");
const SECRET = "S3CR3T74xB6d";
const manifest = (id: string): PluginManifest => ({ id, configSchema: { type: "object" } }) as PluginManifest;
const shape = (d: { level: string; code: string; path: string; message: string }) => `${d.level} ${d.code} ${d.path}: ${d.message}`;
afterEach(() => dirs.removeAll());

describe("readOpenClawConfig fails closed", () => {
  it("a deny list minus its final brace is a parse error with line and column, and nothing is enabled", async () => {
    const dir = dirs.create();
    const [file] = dir.write({ "openclaw.json": '{ plugins: { deny: ["good"] }\n' });
    const config = await readOpenClawConfig(file!);
    expect(config.diagnostics).toHaveLength(1);
    expect(config.diagnostics[0]).toMatchObject({ level: "error", code: "config-parse-error", file, line: 2, column: 1 });
    expect(config.diagnostics[0]!.message).toContain("Fix the syntax there");
    expect(config.configError).toContain(`${file}:2:1`);
    const enablement = resolvePluginEnablement({ id: "good", origin: "global", plugins: config.plugins });
    expect(enablement).toMatchObject({ enabled: false, reason: "config-invalid" });
    expect(resolvePluginEnablement({ id: "other", origin: "config", plugins: config.plugins }).enabled).toBe(false);
  });

  it("an array hole is a parse error too", async () => {
    const dir = dirs.create();
    const [file] = dir.write({ "openclaw.json": "{ plugins: { enabled: false }, x: [1,,2] }" });
    const config = await readOpenClawConfig(file!);
    expect(config.diagnostics[0]).toMatchObject({ code: "config-parse-error", line: 1 });
    expect(config.configError).toBeDefined();
  });

  it("wrong-typed policy fields are errors naming the field path and the type, never the value", async () => {
    const dir = dirs.create();
    const [file] = dir.write({
      "openclaw.json": {
        plugins: {
          deny: "good",
          allow: [1],
          enabled: "no",
          load: { paths: "/x" },
          entries: { a: { enabled: "yes" }, b: { registerTimeoutMs: -5 } },
          registerTimeoutMs: 1.5,
        },
      },
    });
    const config = await readOpenClawConfig(file!);
    const byPath = Object.fromEntries(config.diagnostics.map((d) => [d.path, d]));
    expect(Object.keys(byPath).sort()).toEqual([
      "plugins.allow[0]",
      "plugins.deny",
      "plugins.enabled",
      "plugins.entries.a.enabled",
      "plugins.entries.b.registerTimeoutMs",
      "plugins.load.paths",
      "plugins.registerTimeoutMs",
    ]);
    expect(byPath["plugins.deny"]).toMatchObject({ level: "error", code: "plugins-config-invalid", file });
    expect(byPath["plugins.deny"]!.message).toBe(
      'plugins.deny: must be an array of plugin id strings, e.g. ["my-plugin"]; got a string. No plugin is enabled until it is fixed (the list cannot be applied).',
    );
    expect(byPath["plugins.allow[0]"]!.message).toContain('must be a plugin id string such as "my-plugin"; got a number');
    expect(byPath["plugins.entries.b.registerTimeoutMs"]).toMatchObject({ code: "plugin-entry-invalid", file });
    expect(byPath["plugins.entries.b.registerTimeoutMs"]!.message).toContain("got a negative number");
    expect(byPath["plugins.entries.b.registerTimeoutMs"]!.message).not.toContain("-5");
    for (const d of config.diagnostics) expect(d.message).not.toContain("good");
    expect(config.configError).toContain("plugins.deny");
    expect(resolvePluginEnablement({ id: "good", origin: "config", plugins: config.plugins }).reason).toBe("config-invalid");
  });

  it("a FIFO at the config path is refused at once, without waiting for a writer", async () => {
    const dir = dirs.create();
    const fifo = dir.resolve("openclaw.json");
    execFileSync("mkfifo", [fifo]);
    const started = performance.now();
    const config = await readOpenClawConfig(fifo);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(config.diagnostics[0]).toMatchObject({ code: "config-unreadable", file: fifo });
    expect(config.diagnostics[0]!.message).toContain("not a regular file");
    expect(config.configError).toBeDefined();
  });

  it("a folder at the config path and a non-object document are errors", async () => {
    const dir = dirs.create();
    dir.write({ "cfg/openclaw.json/x": "", "list.json": "[1]" });
    expect((await readOpenClawConfig(dir.resolve("cfg/openclaw.json"))).diagnostics[0]).toMatchObject({ code: "config-unreadable" });
    const list = await readOpenClawConfig(dir.resolve("list.json"));
    expect(list.diagnostics[0]).toMatchObject({ code: "config-not-object" });
    expect(list.configError).toBeDefined();
  });

  it("a missing file and a valid one are not errors", async () => {
    const dir = dirs.create();
    expect((await readOpenClawConfig(dir.resolve("none.json"))).configError).toBeUndefined();
    const [file] = dir.write({ "openclaw.json": { plugins: { deny: ["bad"], registerTimeoutMs: 2000, entries: { slow: { registerTimeoutMs: 9000 } } } } });
    const config = await readOpenClawConfig(file!);
    expect(config.configError).toBeUndefined();
    expect(config.diagnostics).toEqual([]);
    expect(registerTimeoutFor(config.plugins, "slow")).toBe(9000);
    expect(registerTimeoutFor(config.plugins, "other")).toBe(2000);
    expect(resolvePluginEnablement({ id: "bad", origin: "config", plugins: config.plugins }).reason).toBe("denied");
    expect(resolvePluginEnablement({ id: "ok", origin: "config", plugins: config.plugins }).enabled).toBe(true);
  });
});

describe("normalizePluginsConfig", () => {
  it("treats prototype names as ordinary plugin ids", () => {
    const raw = JSON.parse('{"plugins":{"entries":{"__proto__":{"enabled":false},"constructor":{"enabled":true}}}}') as Record<string, unknown>;
    const { plugins, diagnostics } = normalizePluginsConfig(raw, { file: "c.json", baseDir: "/" });
    expect(diagnostics).toEqual([]);
    expect(Object.keys(plugins.entries).sort()).toEqual(["__proto__", "constructor"]);
    expect(resolvePluginEnablement({ id: "__proto__", origin: "config", plugins }).reason).toBe("disabled-in-config");
    expect(resolvePluginEnablement({ id: "toString", origin: "config", plugins }).enabled).toBe(true);
    expect(registerTimeoutFor(plugins, "toString")).toBeUndefined();
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });
});

describe("one reader for the plugins policy (src/config/plugins-policy.ts)", () => {
  const broken = {
    plugins: {
      enabled: SECRET,
      allow: [SECRET, 7],
      deny: { [SECRET]: true },
      registerTimeoutMs: -1,
      load: { paths: [SECRET, null] },
      slots: { memory: 3 },
      entries: {
        good: { enabled: SECRET, registerTimeoutMs: 2.5, confg: {}, hooks: { timeoutMs: SECRET, timeouts: { agent_end: 0 }, allowPromptInjection: SECRET, allowConversation: true } },
        other: SECRET,
      },
    },
  };

  it("the CLI's config reader and validatePluginsConfig report the same findings", () => {
    const cli = normalizePluginsConfig(broken, { file: "/etc/openclaw.json", baseDir: "/etc" });
    const validation = validatePluginsConfig(broken, { manifests: [manifest("good"), manifest("other")], moment: "read", file: "/etc/openclaw.json" });
    const fromValidation = validation.diagnostics.filter((d) => d.code !== "plugin-disabled-config-kept").map(shape);
    expect(cli.diagnostics.map(shape).sort()).toEqual(fromValidation.sort());
    expect(cli.diagnostics.every((d) => d.file === "/etc/openclaw.json")).toBe(true);
    expect(cli.diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`).sort()).toEqual([
      "error plugin-entry-invalid plugins.entries.good.enabled",
      "error plugin-entry-invalid plugins.entries.good.hooks.allowPromptInjection",
      "error plugin-entry-invalid plugins.entries.good.hooks.timeoutMs",
      "error plugin-entry-invalid plugins.entries.good.hooks.timeouts.agent_end",
      "error plugin-entry-invalid plugins.entries.good.registerTimeoutMs",
      "error plugin-entry-invalid plugins.entries.other",
      "error plugins-config-invalid plugins.allow[1]",
      "error plugins-config-invalid plugins.deny",
      "error plugins-config-invalid plugins.enabled",
      "error plugins-config-invalid plugins.load.paths[1]",
      "error plugins-config-invalid plugins.registerTimeoutMs",
      "error plugins-config-invalid plugins.slots.memory",
      "warning plugin-entry-unknown-key plugins.entries.good.confg",
      "warning plugin-entry-unknown-key plugins.entries.good.hooks.allowConversation",
    ]);
    // Every error names the path, the form expected, the type found, and that nothing is enabled until it is fixed.
    for (const d of cli.diagnostics.filter((d) => d.level === "error")) {
      expect(d.message).toMatch(new RegExp(`^${d.path.replace(/[.[\]]/g, "\\$&")}: must be .+; got [^.]+\\. No plugin is enabled until it is fixed`));
    }
    expect(cli.diagnostics.find((d) => d.path === "plugins.entries.good.confg")!.message).toContain('Did you mean "config"?');
    expect(JSON.stringify([cli.diagnostics, validation.diagnostics, cli.plugins.invalidReason])).not.toContain(SECRET);
    // Fail closed in both: nothing is enabled.
    expect(resolvePluginEnablement({ id: "good", origin: "config", plugins: cli.plugins })).toMatchObject({ enabled: false, reason: "config-invalid" });
    expect(cli.plugins.invalidReason).toMatch(/^\/etc\/openclaw\.json: plugins\.enabled, .* and 9 more are malformed/);
    expect(validation.plugins.map((p) => `${p.id}:${p.status}`)).toEqual(["good:disabled"]);
  });

});

describe("readOpenClawConfig follows plugins.$include", () => {
  it("reads the section from the included file, resolving its load paths against that file; errors and warnings name the file", async () => {
    const dir = dirs.create();
    const [configPath, included] = dir.write({
      "openclaw.json": '{ plugins: { $include: "./conf/plugins.json5" } }',
      "conf/plugins.json5": '{ load: { paths: ["./mine"] }, deny: "x" }',
    });
    const read = await readOpenClawConfig(configPath!);
    expect(read.pluginsFile).toBe(included);
    expect(read.plugins.loadPaths).toEqual([dir.resolve("conf/mine")]);
    expect(read.configError).toContain(included!);
    expect(read.diagnostics.find((d) => d.path === "plugins.deny")?.file).toBe(included);

    const [rootInclude] = dir.write({ "root.json": { $include: "./base.json", plugins: { allow: ["a"] } } });
    const root = await readOpenClawConfig(rootInclude!);
    expect(root.configError).toBeUndefined();
    expect(root.plugins.allow).toEqual(["a"]);
    expect(root.diagnostics.map((d) => d.code)).toEqual(["config-include-unsupported"]);
  });
});
