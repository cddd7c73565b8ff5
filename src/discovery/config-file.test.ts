/**
 * The config file fails closed: unreadable, unparsable or wrong-typed policy fields are errors that keep every
 * plugin off, instead of silently becoming "deny nothing".
 */
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { registerTimeoutFor, resolvePluginEnablement } from "../config/plugins-policy.js";
import { normalizePluginsConfig, readOpenClawConfig } from "./config-file.js";

const dirs = createTempDirPool("openclaw-config-file-");
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
