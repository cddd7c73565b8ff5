import { chmodSync, existsSync, readFileSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { readOpenClawConfig } from "../discovery/config-file.js";
import { ConfigWriteError, assertMutationAllowed, readOpenClawConfigForEdit, updateOpenClawConfig } from "./config-writer.js";

const dirs = createTempDirPool("openclaw-config-writer-");
afterEach(() => dirs.removeAll());

const enable = (id: string) => (draft: Record<string, any>) => {
  draft.plugins ??= {};
  draft.plugins.entries ??= {};
  draft.plugins.entries[id] ??= {};
  draft.plugins.entries[id].enabled = true;
};
const json = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const env = {} as NodeJS.ProcessEnv;

describe("updateOpenClawConfig", () => {
  it("creates the config file and its folder on first write, mode 0600", async () => {
    const dir = dirs.create();
    const configPath = join(dir.path, "nested", "state", "openclaw.json");
    const result = await updateOpenClawConfig({ configPath }, enable("demo"), { env });
    expect(result).toMatchObject({ changed: true, writtenFiles: [configPath], pluginsFile: configPath });
    expect(json(configPath)).toEqual({ plugins: { entries: { demo: { enabled: true } } } });
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
  });

  it("edits a JSON5 file in place (as JSON), keeps its mode, leaves no temp file and keeps other sections", async () => {
    const dir = dirs.create();
    const [configPath] = dir.write({ "openclaw.json": "// mine\n{ agents: { defaults: {} }, plugins: { allow: ['demo',], }, }\n" });
    chmodSync(configPath!, 0o640);
    await updateOpenClawConfig({ configPath: configPath! }, enable("demo"), { env });
    expect(json(configPath!)).toEqual({ agents: { defaults: {} }, plugins: { allow: ["demo"], entries: { demo: { enabled: true } } } });
    expect(statSync(configPath!).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir.path)).toEqual(["openclaw.json"]);
  });

  it("does not rewrite (or create) anything when the edit changes nothing", async () => {
    const dir = dirs.create();
    const text = "{ plugins: { entries: { demo: { enabled: true } } } } // keep my comment\n";
    const [configPath] = dir.write({ "openclaw.json": text });
    const result = await updateOpenClawConfig({ configPath: configPath! }, enable("demo"), { env });
    expect(result.changed).toBe(false);
    expect(readFileSync(configPath!, "utf8")).toBe(text);
    const missing = join(dir.path, "none", "openclaw.json");
    expect((await updateOpenClawConfig({ configPath: missing }, () => {}, { env })).changed).toBe(false);
    expect(existsSync(missing)).toBe(false);
  });

  it("writes the plugins section to the $include'd file and leaves the main file byte-identical", async () => {
    const dir = dirs.create();
    const mainText = '// hand written\n{ gateway: { port: 1 }, plugins: { $include: "./conf/plugins.json5" } }\n';
    const [configPath, included] = dir.write({ "openclaw.json": mainText, "conf/plugins.json5": "{ allow: ['a'] }" });
    const result = await updateOpenClawConfig({ configPath: configPath! }, enable("demo"), { env });
    expect(result.writtenFiles).toEqual([included]);
    expect(result.pluginsFile).toBe(included);
    expect(readFileSync(configPath!, "utf8")).toBe(mainText);
    expect(json(included!)).toEqual({ allow: ["a"], entries: { demo: { enabled: true } } });
    // The reader sees the same section (enabled through the include).
    const read = await readOpenClawConfig(configPath!);
    expect(read.configError).toBeUndefined();
    expect(read.pluginsFile).toBe(included);
    expect(read.plugins.entries.demo?.enabled).toBe(true);
    expect((await readOpenClawConfigForEdit({ configPath: configPath! })).config.plugins).toEqual(json(included!));
  });

  it("follows a chain of includes, each relative to its own file, to the file that holds the section", async () => {
    const dir = dirs.create();
    const [configPath, , last] = dir.write({
      "openclaw.json": { plugins: { $include: "a/link.json" } },
      "a/link.json": { $include: "../b/plugins.json" },
      "b/plugins.json": { deny: ["x"] },
    });
    const result = await updateOpenClawConfig({ configPath: configPath! }, enable("demo"), { env });
    expect(result.writtenFiles).toEqual([last]);
    expect(json(last!)).toEqual({ deny: ["x"], entries: { demo: { enabled: true } } });
  });

  it("refuses include arrays, sibling overrides, root-level includes, escapes, symlink escapes, cycles and missing files", async () => {
    const outside = dirs.create();
    outside.write({ "p.json": {} });
    const cases: Array<[string, Record<string, string | object>, string, RegExp]> = [
      ["array", { "openclaw.json": { plugins: { $include: ["a.json"] } }, "a.json": {} }, "config-include-unsupported", /single-file include/],
      ["siblings", { "openclaw.json": { plugins: { $include: "a.json", enabled: true } }, "a.json": {} }, "config-include-unsupported", /Move enabled into the included file/],
      ["root", { "openclaw.json": { $include: "base.json", plugins: {} }, "base.json": {} }, "config-include-unsupported", /root-level "\$include"/],
      ["escape", { "openclaw.json": { plugins: { $include: "../p.json" } } }, "config-include-escape", /outside the config folder/],
      ["absolute", { "openclaw.json": { plugins: { $include: join(outside.path, "p.json") } } }, "config-include-escape", /outside the config folder/],
      ["cycle", { "openclaw.json": { plugins: { $include: "a.json" } }, "a.json": { $include: "b.json" }, "b.json": { $include: "a.json" } }, "config-include-cycle", /include cycle/],
      ["self", { "openclaw.json": { plugins: { $include: "openclaw.json" } } }, "config-include-cycle", /include cycle/],
      ["missing", { "openclaw.json": { plugins: { $include: "nope.json" } } }, "config-include-missing", /does not exist/],
      ["not-string", { "openclaw.json": { plugins: { $include: 3 } } }, "config-include-invalid", /must be a path string/],
      ["broken", { "openclaw.json": "{ plugins: " }, "config-parse-error", /not valid JSON5 at line 1/],
      ["not-object", { "openclaw.json": "[1]" }, "config-not-object", /JSON object/],
    ];
    for (const [name, files, code, message] of cases) {
      const dir = dirs.create();
      const [configPath] = dir.write(files);
      const before = readdirSync(dir.path).map((f) => [f, statSync(join(dir.path, f)).isFile() ? readFileSync(join(dir.path, f), "utf8") : "dir"]);
      const error = await updateOpenClawConfig({ configPath: configPath! }, enable("demo"), { env }).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ConfigWriteError);
      expect((error as ConfigWriteError).code, name).toBe(code);
      expect((error as Error).message, name).toMatch(message);
      expect(readdirSync(dir.path).map((f) => [f, statSync(join(dir.path, f)).isFile() ? readFileSync(join(dir.path, f), "utf8") : "dir"]), name).toEqual(before);
      if (name !== "root") expect((await readOpenClawConfig(configPath!)).configError, name).toBeDefined();
    }
    const linked = dirs.create();
    linked.write({ "openclaw.json": { plugins: { $include: "p.json" } } });
    symlinkSync(join(outside.path, "p.json"), linked.resolve("p.json"));
    const error = await updateOpenClawConfig({ configPath: linked.resolve("openclaw.json") }, enable("demo"), { env }).catch((e: unknown) => e);
    expect((error as ConfigWriteError).code).toBe("config-include-escape");
    expect(json(join(outside.path, "p.json"))).toEqual({});
  });

  it("an edit that throws writes nothing", async () => {
    const dir = dirs.create();
    const [configPath] = dir.write({ "openclaw.json": { plugins: {} } });
    await expect(
      updateOpenClawConfig({ configPath: configPath! }, (draft) => {
        enable("demo")(draft);
        throw new Error("abort");
      }, { env }),
    ).rejects.toThrow("abort");
    expect(json(configPath!)).toEqual({ plugins: {} });
  });

  it("refuses under OPENCLAW_NIX_MODE=1 before reading, pointing at the declarative route", async () => {
    const dir = dirs.create();
    const [configPath] = dir.write({ "openclaw.json": "{ not json5" });
    const error = await updateOpenClawConfig({ configPath: configPath! }, enable("demo"), { env: { OPENCLAW_NIX_MODE: "1" }, action: "plugins enable" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigWriteError);
    expect((error as ConfigWriteError).code).toBe("nix-mode");
    expect((error as Error).message).toMatch(/^plugins enable refused: OPENCLAW_NIX_MODE=1 .*Nix configuration.*rebuild/);
    expect(readFileSync(configPath!, "utf8")).toBe("{ not json5");
    expect(() => assertMutationAllowed("plugins install", { OPENCLAW_NIX_MODE: "0" })).not.toThrow();
  });

  it("a failed write (its folder cannot be created) reports the file and what to check", async () => {
    const dir = dirs.create();
    const [blocker] = dir.write({ "state": "a file where the state folder should be" });
    const configPath = join(blocker!, "openclaw.json");
    const error = await updateOpenClawConfig({ configPath }, enable("demo"), { env }).catch((e: unknown) => e);
    expect((error as ConfigWriteError).code).toBe("config-write-failed");
    expect((error as ConfigWriteError).file).toBe(configPath);
    expect((error as Error).message).toMatch(/was not changed; check its folder/);
    expect(readFileSync(blocker!, "utf8")).toBe("a file where the state folder should be");
  });
});

describe("plugins section helpers", () => {
  it("create what is missing, keep other settings, and refuse a wrong-typed field without writing", async () => {
    const { pluginEntryOf, pluginsSectionOf, setPluginEnabled } = await import("./plugins-section-edit.js");
    const dir = dirs.create();
    const [configPath] = dir.write({ "openclaw.json": { plugins: { entries: { demo: { config: { a: 1 } } } } } });
    await updateOpenClawConfig({ configPath: configPath! }, (draft) => {
      setPluginEnabled(draft, "demo", false);
      pluginEntryOf(draft, "other").config = { b: 2 };
      pluginsSectionOf(draft).deny = ["bad"];
    }, { env });
    expect(json(configPath!)).toEqual({ plugins: { deny: ["bad"], entries: { demo: { config: { a: 1 }, enabled: false }, other: { config: { b: 2 } } } } });
    const [broken] = dir.write({ "broken.json": { plugins: { entries: { demo: true } } } });
    const error = await updateOpenClawConfig({ configPath: broken! }, (draft) => setPluginEnabled(draft, "demo", true, broken!), { env }).catch((e: unknown) => e);
    expect((error as ConfigWriteError).code).toBe("config-not-object");
    expect((error as Error).message).toMatch(/^plugins\.entries\.demo in .*broken\.json is not an object/);
    expect(json(broken!)).toEqual({ plugins: { entries: { demo: true } } });
  });
});

describe("a writer killed mid-write", () => {
  it("leaves a complete config from one generation, never a torn file", async () => {
    const dir = dirs.create();
    const configPath = dir.resolve("openclaw.json");
    const loop = fileURLToPath(new URL("./__fixtures__/config-writer-loop.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", loop, configPath], { cwd: fileURLToPath(new URL("../..", import.meta.url)), stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((done, fail) => {
      child.stdout.on("data", (chunk) => String(chunk).includes("ready") && done());
      child.once("exit", (code) => fail(new Error(`writer exited early (${code})`)));
    });
    await new Promise((done) => setTimeout(done, 120));
    child.kill("SIGKILL");
    await new Promise((done) => child.once("exit", done));
    const config = json(configPath) as { plugins: { entries: Record<string, { config: { generation: number } }> } };
    const generations = new Set(Object.values(config.plugins.entries).map((entry) => entry.config.generation));
    expect(Object.keys(config.plugins.entries)).toHaveLength(2000);
    expect(generations.size).toBe(1);
    expect([...generations][0]).toBeGreaterThanOrEqual(3);
  }, 30_000);
});
