import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolvePluginEnablement } from "../config/plugins-policy.js";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import { readOpenClawConfig, normalizePluginsConfig } from "./config-file.js";
import { checkDependencyStatus } from "./dependency-status.js";
import { discoverPluginCandidates } from "./discover-plugins.js";
import { checkPathSafety } from "./path-safety.js";
import { buildPluginCatalog } from "./plugin-catalog.js";
import { resolveOpenClawPaths } from "./state-paths.js";

const dirs = createTempDirPool("openclaw-discovery-");
const temp = (): TempDir => dirs.create();
afterEach(() => dirs.removeAll());

const plugin = (id: string): Record<string, string | object> => ({
  "openclaw.plugin.json": { id, configSchema: {} },
  "package.json": { name: id, version: "1.0.0", openclaw: { extensions: ["./index.js"] } },
  "index.js": "export default { id: 'x', register() {} };\n",
});

describe("resolveOpenClawPaths", () => {
  it("defaults to ~/.openclaw and <state>/openclaw.json", () => {
    const paths = resolveOpenClawPaths({ env: {}, home: "/home/me", cwd: "/work/proj" });
    expect(paths).toMatchObject({
      stateDir: "/home/me/.openclaw",
      configPath: "/home/me/.openclaw/openclaw.json",
      configPathSource: "default",
      userExtensionsDir: "/home/me/.openclaw/extensions",
      workspaceExtensionsDir: "/work/proj/.openclaw/extensions",
      pluginIndexPath: "/home/me/.openclaw/state/openclaw.sqlite",
    });
  });

  it("OPENCLAW_STATE_DIR moves the state dir and the default config; OPENCLAW_CONFIG_PATH moves only the config", () => {
    const paths = resolveOpenClawPaths({
      env: { OPENCLAW_STATE_DIR: "state", OPENCLAW_CONFIG_PATH: "~/cfg/claw.json5" },
      home: "/home/me",
      cwd: "/work/proj",
    });
    expect(paths.stateDir).toBe("/work/proj/state");
    expect(paths.configPath).toBe("/home/me/cfg/claw.json5");
    expect(paths.configPathSource).toBe("env");
    expect(paths.userExtensionsDir).toBe("/work/proj/state/extensions");
    expect(resolveOpenClawPaths({ env: { OPENCLAW_STATE_DIR: "/s" }, home: "/h" }).configPath).toBe("/s/openclaw.json");
  });
});

describe("readOpenClawConfig", () => {
  it("treats a missing file as an empty config", async () => {
    const dir = temp();
    const file = await readOpenClawConfig(dir.resolve("none.json"));
    expect(file.exists).toBe(false);
    expect(file.plugins).toEqual({ enabled: true, allow: [], deny: [], loadPaths: [], entries: {}, slots: {} });
    expect(file.diagnostics).toEqual([]);
  });

  it("parses JSON5 and resolves relative load paths against the config folder", async () => {
    const dir = temp();
    const [path] = dir.write({
      "cfg/openclaw.json": `{
        // comments and trailing commas are fine
        plugins: { allow: ["a",], load: { paths: ["../plugins/a", "/abs/b"] }, entries: { a: { enabled: true } }, slots: { memory: "mem" } },
      }`,
    });
    const file = await readOpenClawConfig(path!);
    expect(file.diagnostics).toEqual([]);
    expect(file.plugins.loadPaths).toEqual([dir.resolve("plugins/a"), "/abs/b"]);
    expect(file.plugins.entries.a).toEqual({ enabled: true });
    expect(file.plugins.slots).toEqual({ memory: "mem" });
  });

  it("reports a syntax error with file, line and column", async () => {
    const dir = temp();
    const [path] = dir.write({ "openclaw.json": '{\n  plugins: { allow: [ }\n}' });
    const file = await readOpenClawConfig(path!);
    expect(file.diagnostics).toHaveLength(1);
    expect(file.diagnostics[0]).toMatchObject({ code: "config-parse-error", file: path, line: 2 });
    expect(file.diagnostics[0]!.message).toContain(path!);
  });

  it("drops wrongly typed fields with a diagnostic naming the field", () => {
    const { plugins, diagnostics } = normalizePluginsConfig(
      { plugins: { allow: "a", entries: { x: { enabled: "yes" } } } },
      { file: "/c.json", baseDir: "/" },
    );
    expect(plugins.allow).toEqual([]);
    expect(plugins.entries.x).toEqual({});
    expect(diagnostics.map((d) => d.path)).toEqual(["plugins.allow", "plugins.entries.x.enabled"]);
    expect(diagnostics.map((d) => d.file)).toEqual(["/c.json", "/c.json"]);
    expect(plugins.invalidReason).toContain("/c.json");
  });
});

describe("resolvePluginEnablement", () => {
  const base = normalizePluginsConfig({}, { file: "c", baseDir: "/" }).plugins;
  it("enables config and global plugins by default", () => {
    expect(resolvePluginEnablement({ id: "a", origin: "global", plugins: base })).toEqual({ enabled: true });
  });
  it("keeps workspace plugins off until plugins.entries.<id>.enabled is true (fail closed)", () => {
    const off = resolvePluginEnablement({ id: "a", origin: "workspace", plugins: base });
    expect(off).toMatchObject({ enabled: false, reason: "workspace-not-enabled" });
    const on = { ...base, entries: { a: { enabled: true } } };
    expect(resolvePluginEnablement({ id: "a", origin: "workspace", plugins: on }).enabled).toBe(true);
    const allowElse = { ...on, allow: ["b"] };
    const notAllowed = resolvePluginEnablement({ id: "a", origin: "workspace", plugins: allowElse });
    expect(notAllowed).toMatchObject({ enabled: false, reason: "not-allowed" });
    expect(resolvePluginEnablement({ id: "a", origin: "workspace", plugins: { ...on, allow: ["a"] } }).enabled).toBe(true);
  });
  it("deny wins over allow; plugins.enabled false disables everything", () => {
    expect(resolvePluginEnablement({ id: "a", origin: "config", plugins: { ...base, allow: ["a"], deny: ["a"] } }).reason).toBe(
      "denied",
    );
    expect(resolvePluginEnablement({ id: "a", origin: "config", plugins: { ...base, enabled: false } }).reason).toBe(
      "plugins-disabled",
    );
  });
});

describe("checkPathSafety", () => {
  it("accepts a private folder and blocks a world-writable one", () => {
    const dir = temp();
    dir.write(plugin("a"));
    chmodSync(dir.path, 0o755);
    expect(checkPathSafety({ rootDir: dir.path })).toBeUndefined();
    chmodSync(dir.path, 0o777);
    const block = checkPathSafety({ rootDir: dir.path });
    expect(block?.code).toBe("world-writable");
    expect(block?.message).toContain(`chmod o-w "${dir.path}"`);
  });

  it("blocks a world-writable entry file and an entry escaping the root", () => {
    const dir = temp();
    dir.write(plugin("a"));
    chmodSync(dir.resolve("index.js"), 0o666);
    expect(checkPathSafety({ rootDir: dir.path, files: [dir.resolve("index.js")] })?.code).toBe("world-writable");
    chmodSync(dir.resolve("index.js"), 0o644);
    const other = temp();
    other.write({ "evil.js": "" });
    symlinkSync(other.resolve("evil.js"), dir.resolve("link.js"));
    expect(checkPathSafety({ rootDir: dir.path, files: [dir.resolve("link.js")] })?.code).toBe("entry-escapes-root");
  });

  it("blocks a folder owned by another user (not root)", () => {
    const dir = temp();
    dir.write(plugin("a"));
    const stats = { uid: process.getuid?.() ?? 0 };
    // As the current user pretending to be uid 4242: the folder is owned by someone else.
    expect(checkPathSafety({ rootDir: dir.path, uid: 4242 })?.code).toBe(stats.uid === 0 ? undefined : "wrong-owner");
    if (stats.uid === 0) {
      chownSync(dir.path, 4242, 4242);
      expect(checkPathSafety({ rootDir: dir.path })?.code).toBe("wrong-owner");
      expect(checkPathSafety({ rootDir: dir.path, uid: 4242 })).toBeUndefined();
    }
  });
});

describe("checkDependencyStatus", () => {
  it("looks dependencies up along the node_modules path without importing them", () => {
    const dir = temp();
    dir.write({
      "node_modules/shared/package.json": { name: "shared", version: "2.0.0" },
      "plugins/p/node_modules/local/package.json": { name: "local", version: "1.2.3" },
      "plugins/p/node_modules/local/index.js": "throw new Error('must not be imported');",
    });
    const status = checkDependencyStatus(dir.resolve("plugins/p"), {
      dependencies: { local: "^1.0.0", shared: "^2", gone: "1.0.0", both: "1" },
      optionalDependencies: { maybe: "1", both: "1" },
    });
    expect(status.ok).toBe(false);
    expect(status.missing).toEqual(["gone"]);
    expect(status.missingOptional).toEqual(["maybe", "both"]);
    expect(status.dependencies.find((d) => d.name === "local")).toMatchObject({ installed: true, version: "1.2.3" });
    expect(status.dependencies.find((d) => d.name === "shared")).toMatchObject({ installed: true, version: "2.0.0" });
    expect(checkDependencyStatus(dir.path, undefined)).toEqual({ ok: true, missing: [], missingOptional: [], dependencies: [] });
  });
});

describe("discoverPluginCandidates", () => {
  it("finds plugins in load paths, the workspace root and the user root, in that precedence", () => {
    const dir = temp();
    dir.write({
      ...Object.fromEntries(Object.entries(plugin("a")).map(([k, v]) => [`src/a/${k}`, v])),
      ...Object.fromEntries(Object.entries(plugin("b")).map(([k, v]) => [`many/b/${k}`, v])),
      ...Object.fromEntries(Object.entries(plugin("w")).map(([k, v]) => [`ws/.openclaw/extensions/w/${k}`, v])),
      ...Object.fromEntries(Object.entries(plugin("g")).map(([k, v]) => [`state/extensions/g/${k}`, v])),
      "state/extensions/helper.js": "// top-level helper files are skipped",
      "state/extensions/not-a-plugin/readme.md": "",
      "single/tool.mjs": "export default {}",
    });
    const paths = resolveOpenClawPaths({ env: { OPENCLAW_STATE_DIR: dir.resolve("state") }, workspaceDir: dir.resolve("ws") });
    const result = discoverPluginCandidates({
      paths,
      plugins: { loadPaths: [dir.resolve("src/a"), dir.resolve("many"), dir.resolve("single/tool.mjs"), dir.resolve("missing"), dir.resolve("src/a")] },
      configPath: "/cfg.json",
    });
    expect(result.candidates.map((c) => [c.rootDir, c.origin])).toEqual([
      [dir.resolve("src/a"), "config"],
      [dir.resolve("many/b"), "config"],
      [dir.resolve("single"), "config"],
      [dir.resolve("ws/.openclaw/extensions/w"), "workspace"],
      [dir.resolve("state/extensions/g"), "global"],
    ]);
    expect(result.candidates[0]!.entryFiles).toEqual([dir.resolve("src/a/index.js")]);
    expect(result.candidates[2]!.entryFiles).toEqual([dir.resolve("single/tool.mjs")]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "load-path-missing", path: "plugins.load.paths.3", file: "/cfg.json" }),
    ]);
  });

  it("keeps a world-writable plugin as a blocked candidate", () => {
    const dir = temp();
    dir.write(Object.fromEntries(Object.entries(plugin("g")).map(([k, v]) => [`extensions/g/${k}`, v])));
    chmodSync(dir.resolve("extensions/g"), 0o777);
    mkdirSync(dir.resolve("ws"));
    writeFileSync(join(dir.path, "x"), "");
    const result = discoverPluginCandidates({
      paths: { userExtensionsDir: dir.resolve("extensions"), workspaceExtensionsDir: dir.resolve("ws/none") },
      plugins: { loadPaths: [] },
    });
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]!.blocked?.code).toBe("world-writable");
  });
});

describe("path-safety gate: the same files the loader would import", () => {
  const escaping = (openclaw: Record<string, unknown>, files: Record<string, string> = {}): TempDir => {
    const dir = temp();
    dir.write({
      "plugin/openclaw.plugin.json": { id: "victim", configSchema: {} },
      "plugin/package.json": { name: "victim", openclaw },
      "outside/evil.js": "export default {};\n",
      ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`plugin/${k}`, v])),
    });
    return dir;
  };

  it("blocks runtimeExtensions, setupEntry and runtimeSetupEntry escapes, not only extensions", () => {
    for (const openclaw of [
      { extensions: ["./src/index.ts"], runtimeExtensions: ["../outside/evil.js"] },
      { extensions: ["./index.js"], setupEntry: "../outside/evil.js" },
      { extensions: ["./index.js"], setupEntry: "./setup.ts", runtimeSetupEntry: "../outside/evil.js" },
    ]) {
      const dir = escaping(openclaw, { "src/index.ts": "", "index.js": "", "setup.ts": "" });
      const block = checkPathSafety({ rootDir: dir.resolve("plugin") });
      expect(block?.code).toBe("entry-escapes-root");
      expect(block?.message).toContain("outside the plugin folder");
    }
  });

  it("blocks a built peer symlinked out, a root index.js symlink without package.json, and a 0666 dist/index.js", () => {
    const peer = escaping({ extensions: ["./src/index.ts"] }, { "src/index.ts": "" });
    mkdirSync(peer.resolve("plugin/dist"));
    symlinkSync(peer.resolve("outside/evil.js"), peer.resolve("plugin/dist/index.js"));
    expect(checkPathSafety({ rootDir: peer.resolve("plugin") })?.code).toBe("entry-escapes-root");

    const bare = temp();
    bare.write({ "plugin/openclaw.plugin.json": { id: "bare", configSchema: {} }, "outside/evil.js": "" });
    symlinkSync(bare.resolve("outside/evil.js"), bare.resolve("plugin/index.js"));
    expect(checkPathSafety({ rootDir: bare.resolve("plugin") })?.code).toBe("entry-escapes-root");

    const writable = escaping({ extensions: ["./src/index.ts"] }, { "src/index.ts": "", "dist/index.js": "" });
    chmodSync(writable.resolve("plugin/dist/index.js"), 0o666);
    const block = checkPathSafety({ rootDir: writable.resolve("plugin") });
    expect(block?.code).toBe("world-writable");
    expect(block?.path).toBe(writable.resolve("plugin/dist/index.js"));
  });

  it("blocks a manifest or package.json that links out of the folder or is a FIFO, without blocking the process", () => {
    const linked = escaping({ extensions: ["./index.js"] }, { "index.js": "" });
    rmSync(linked.resolve("plugin/openclaw.plugin.json"));
    symlinkSync("/etc/passwd", linked.resolve("plugin/openclaw.plugin.json"));
    expect(checkPathSafety({ rootDir: linked.resolve("plugin") })?.code).toBe("entry-escapes-root");
    const fifo = escaping({ extensions: ["./index.js"] }, { "index.js": "" });
    rmSync(fifo.resolve("plugin/package.json"));
    execFileSync("mkfifo", [fifo.resolve("plugin/package.json")]);
    expect(checkPathSafety({ rootDir: fifo.resolve("plugin") })?.code).toBe("path-unsafe");
  });

  it("shows such a plugin as present but blocked in the catalog", async () => {
    const dir = temp();
    dir.write({
      "state/extensions/victim/openclaw.plugin.json": { id: "victim", configSchema: {} },
      "state/extensions/victim/package.json": { name: "victim", openclaw: { extensions: ["./index.js"], runtimeExtensions: ["../../../outside/evil.js"] } },
      "state/extensions/victim/index.js": "",
      "outside/evil.js": "",
    });
    const catalog = await buildPluginCatalog({ env: { OPENCLAW_STATE_DIR: dir.resolve("state") }, cwd: dir.path });
    const victim = catalog.plugins.find((p) => p.id === "victim");
    expect(victim?.status).toBe("blocked");
    expect(victim?.diagnostics.find((d) => d.code === "blocked-entry-escapes-root")?.message).toContain("runtimeExtensions[0]");
  });

  it("does not read a manifest the gate refused: the plugin is listed by folder name, nothing of the target leaks", async () => {
    const dir = temp();
    dir.write({ "state/extensions/linked/package.json": { name: "linked", openclaw: { extensions: ["./index.js"] } }, "state/extensions/linked/index.js": "" });
    symlinkSync("/etc/passwd", dir.resolve("state/extensions/linked/openclaw.plugin.json"));
    const catalog = await buildPluginCatalog({ env: { OPENCLAW_STATE_DIR: dir.resolve("state") }, cwd: dir.path });
    const linked = catalog.plugins.find((p) => p.id === "linked");
    expect(linked).toMatchObject({ status: "blocked", idSource: "folder" });
    expect(linked?.diagnostics.map((d) => d.code)).toEqual(["blocked-entry-escapes-root"]);
    expect(linked?.diagnostics[0]?.message).toContain("resolves to /etc/passwd");
    expect(JSON.stringify(linked?.diagnostics)).not.toContain("root:");
  });
});

describe("dependency status reads safely", () => {
  it("does not hang on a FIFO package.json and never looks up a name with ../", () => {
    const dir = temp();
    dir.write({ "p/package.json": {}, "p/node_modules/ok/package.json": { version: "1.0.0" } });
    mkdirSync(dir.resolve("p/node_modules/fifo"), { recursive: true });
    execFileSync("mkfifo", [dir.resolve("p/node_modules/fifo/package.json")]);
    dir.write({ "secret/package.json": { version: "6.6.6" } });
    const status = checkDependencyStatus(dir.resolve("p"), { dependencies: { ok: "1", fifo: "1", "../../secret": "1" } });
    expect(status.dependencies.map((d) => [d.name, d.installed, d.version])).toEqual([
      ["ok", true, "1.0.0"],
      ["fifo", true, undefined],
      ["../../secret", false, undefined],
    ]);
  });
});
