import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import { listEntryCandidates, resolveEntryFile } from "./entry-files.js";
import { loadPlugin } from "./loader.js";
import { checkPluginFiles } from "./path-safety.js";
import { resolvePluginPath } from "./resolve-plugin-path.js";

const dirs = createTempDirPool("openclaw-containment-");
afterEach(() => dirs.removeAll());

/**
 * A workspace with `plugin/` (manifest, package.json from `pkg`, files) and `outside/evil.js`, whose code writes
 * `outside/marker` when it runs — the marker proves whether code outside the plugin folder was executed.
 */
function workspace(options: { pkg?: Record<string, unknown> | null; files?: Record<string, string> } = {}): {
  dir: TempDir;
  root: string;
  evil: string;
  marker: string;
} {
  const dir = dirs.create();
  const marker = dir.resolve("outside/marker");
  const files: Record<string, string | object> = {
    "plugin/openclaw.plugin.json": { id: "victim", configSchema: { type: "object" } },
    "outside/evil.js": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default { id: "victim", register() {} };\n`,
    ...Object.fromEntries(Object.entries(options.files ?? {}).map(([k, v]) => [`plugin/${k}`, v])),
  };
  if (options.pkg !== null) files["plugin/package.json"] = { name: "victim", type: "module", ...(options.pkg ?? {}) };
  dir.write(files);
  return { dir, root: dir.resolve("plugin"), evil: dir.resolve("outside/evil.js"), marker };
}

const goodEntry = `export default { id: "victim", register(api) { api.on("session_start", () => {}); } };\n`;

describe("loader containment: every file the loader would import stays inside the plugin folder", () => {
  it("refuses runtimeExtensions ../ escaping the root, imports nothing, and the gate blocks it too", async () => {
    const w = workspace({
      pkg: { openclaw: { extensions: ["./src/index.ts"], runtimeExtensions: ["../outside/evil.js"] } },
      files: { "src/index.ts": goodEntry },
    });
    const loaded = await loadPlugin({ rootDir: w.root });
    expect(loaded.loadError?.code).toBe("entry-escapes-root");
    expect(loaded.loadError?.message).toContain("package.json#openclaw.runtimeExtensions[0]");
    expect(loaded.loadError?.message).toContain("outside the plugin folder");
    expect(loaded.id).toBe("victim");
    expect(existsSync(w.marker)).toBe(false);
    expect(checkPluginFiles(w.root).block?.code).toBe("entry-escapes-root");
  });

  it("refuses an absolute extensions path outside the root", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: [] } } });
    w.dir.write({ "plugin/package.json": { name: "victim", openclaw: { extensions: [w.evil] } } });
    const loaded = await loadPlugin({ rootDir: w.root });
    expect(loaded.loadError?.code).toBe("entry-escapes-root");
    expect(existsSync(w.marker)).toBe(false);
  });

  it("refuses a built peer dist/index.js that is a symlink out of the root (never falls back past it)", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./src/index.ts"] } }, files: { "src/index.ts": goodEntry } });
    mkdirSync(join(w.root, "dist"));
    symlinkSync(w.evil, join(w.root, "dist/index.js"));
    const loaded = await loadPlugin({ rootDir: w.root });
    expect(loaded.loadError?.code).toBe("entry-escapes-root");
    expect(loaded.loadError?.message).toContain(`resolves to ${w.evil}`);
    expect(loaded.loadError?.message).toContain("built peer of ./src/index.ts");
    expect(existsSync(w.marker)).toBe(false);
  });

  it("refuses a root index.js symlink out of the root when there is no package.json", async () => {
    const w = workspace({ pkg: null });
    symlinkSync(w.evil, join(w.root, "index.js"));
    const loaded = await loadPlugin({ rootDir: w.root });
    expect(loaded.loadError?.code).toBe("entry-escapes-root");
    expect(loaded.loadError?.message).toContain("root index fallback");
    expect(existsSync(w.marker)).toBe(false);
  });

  it("refuses a setupEntry / runtimeSetupEntry escape in every mode (the gate checks both entry kinds)", async () => {
    for (const openclaw of [
      { extensions: ["./index.js"], setupEntry: "../outside/evil.js" },
      { extensions: ["./index.js"], setupEntry: "./setup.ts", runtimeSetupEntry: "../outside/evil.js" },
    ]) {
      const w = workspace({ pkg: { openclaw }, files: { "index.js": goodEntry, "setup.ts": goodEntry } });
      for (const mode of ["full", "setup-only"] as const) {
        const loaded = await loadPlugin({ rootDir: w.root, mode });
        expect(loaded.loadError?.code).toBe("entry-escapes-root");
      }
      expect(existsSync(w.marker)).toBe(false);
    }
  });

  it("refuses a package.json that is a symlink out of the root, and one that is a FIFO without blocking", async () => {
    const w = workspace({ pkg: null, files: { "index.js": goodEntry } });
    w.dir.write({ "outside/package.json": { openclaw: { extensions: ["./evil.js"] } } });
    symlinkSync(w.dir.resolve("outside/package.json"), join(w.root, "package.json"));
    const linked = await loadPlugin({ rootDir: w.root });
    expect(linked.loadError?.code).toBe("entry-escapes-root");
    expect(linked.loadError?.message).toContain("package.json");

    const f = workspace({ pkg: null, files: { "index.js": goodEntry } });
    execFileSync("mkfifo", [join(f.root, "package.json")]);
    const fifo = await loadPlugin({ rootDir: f.root });
    expect(fifo.loadError?.code).toBe("path-unsafe");
    expect(fifo.loadError?.message).toContain("not a regular file");
    expect(existsSync(w.marker) || existsSync(f.marker)).toBe(false);
  });

  it("blocks a world-writable resolved entry and a world-writable folder on the way to it", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./src/index.ts"] } }, files: { "src/index.ts": goodEntry, "dist/index.js": goodEntry } });
    chmodSync(join(w.root, "dist/index.js"), 0o666);
    const file = await loadPlugin({ rootDir: w.root });
    expect(file.loadError?.code).toBe("world-writable");
    expect(file.loadError?.message).toContain(`chmod o-w "${join(w.root, "dist/index.js")}"`);
    chmodSync(join(w.root, "dist/index.js"), 0o644);
    chmodSync(join(w.root, "dist"), 0o777);
    expect((await loadPlugin({ rootDir: w.root })).loadError?.code).toBe("world-writable");
    chmodSync(join(w.root, "dist"), 0o755);
    expect((await loadPlugin({ rootDir: w.root })).loadError).toBeUndefined();
  });

  it("checks the resolved file of an in-root symlink: a link to a world-writable file is blocked", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./index.js"] } }, files: { "lib/real.js": goodEntry } });
    symlinkSync(join(w.root, "lib/real.js"), join(w.root, "index.js"));
    expect((await loadPlugin({ rootDir: w.root })).loadError).toBeUndefined();
    chmodSync(join(w.root, "lib/real.js"), 0o666);
    const loaded = await loadPlugin({ rootDir: w.root });
    expect(loaded.loadError?.code).toBe("world-writable");
    expect(loaded.loadError?.message).toContain(`resolves to ${join(w.root, "lib/real.js")}`);
  });

  it("checks ownership of the resolved entry, not only of the folder", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./src/index.ts"] } }, files: { "src/index.ts": goodEntry, "dist/index.js": goodEntry } });
    const uid = process.getuid?.() ?? 0;
    const files = (owner: number) => checkPluginFiles(w.root, { uid: owner }).block;
    // Everything is owned by the current user: accepted for that uid, foreign for any other (unless owned by root).
    expect(files(uid)).toBeUndefined();
    expect(files(uid + 4242)?.code).toBe(uid === 0 ? undefined : "wrong-owner");
    if (uid === 0) {
      chownSync(join(w.root, "dist/index.js"), 4242, 4242);
      const loaded = await loadPlugin({ rootDir: w.root });
      expect(loaded.loadError?.code).toBe("wrong-owner");
      expect(loaded.loadError?.message).toContain(`${join(w.root, "dist/index.js")} is owned by uid 4242`);
    }
  });

  it("refuses an entry that is a FIFO or a directory instead of hanging or failing later", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./index.js"] } } });
    execFileSync("mkfifo", [join(w.root, "index.js")]);
    expect((await loadPlugin({ rootDir: w.root })).loadError?.code).toBe("path-unsafe");
    const d = workspace({ pkg: { openclaw: { extensions: ["./index.js"] } } });
    mkdirSync(join(d.root, "index.js"));
    expect((await loadPlugin({ rootDir: d.root })).loadError?.code).toBe("path-unsafe");
  });

  it("follows a root that is itself a symlink and keeps loading plugins that stay inside", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./index.js"] } }, files: { "index.js": goodEntry } });
    const link = w.dir.resolve("link-to-plugin");
    symlinkSync(w.root, link);
    const loaded = await loadPlugin({ rootDir: link });
    expect(loaded.loadError).toBeUndefined();
    expect(loaded.hooks).toEqual([{ name: "session_start", priority: 0 }]);
  });
});

describe("entry candidates: one list for the loader and the gate", () => {
  it("lists built peers before the declared source and the index fallback without package.json", () => {
    const root = "/p";
    expect(listEntryCandidates(root, { extensions: ["./src/index.ts"] }, "main").map((c) => c.file)).toEqual([
      "/p/src/index.js",
      "/p/src/index.mjs",
      "/p/dist/index.js",
      "/p/dist/index.mjs",
      "/p/src/index.ts",
    ]);
    expect(listEntryCandidates(root, {}, "main").map((c) => c.file)).toEqual([
      "/p/index.js",
      "/p/index.mjs",
      "/p/dist/index.js",
      "/p/dist/index.mjs",
      "/p/index.ts",
    ]);
    expect(listEntryCandidates(root, { extensions: ["./a.js"] }, "setup").map((c) => c.file)).toEqual(["/p/a.js"]);
  });

  it("resolves to the realpath inside the root, and reports missing entries as entry-not-found", () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./index.js"] } }, files: { "index.js": goodEntry } });
    const resolved = resolveEntryFile(w.root, { preferSetup: false, fields: { extensions: ["./index.js"] } });
    expect(resolved).toMatchObject({ file: join(w.root, "index.js"), real: join(w.root, "index.js"), kind: "main", typescript: false });
    expect(resolveEntryFile(w.root, { preferSetup: false, fields: { extensions: ["./nope.js"] } })).toMatchObject({ code: "entry-not-found" });
  });
});

describe("api.resolvePath", () => {
  it("resolves inside the plugin root (existing or not) and throws for ../, absolute, ~ and symlinked escapes", async () => {
    const w = workspace({ pkg: { openclaw: { extensions: ["./index.js"] } }, files: { "index.js": goodEntry, "data/a.json": "{}" } });
    expect(resolvePluginPath("victim", w.root, "data/a.json")).toBe(join(w.root, "data/a.json"));
    expect(resolvePluginPath("victim", w.root, "data/new/b.json")).toBe(join(w.root, "data/new/b.json"));
    expect(resolvePluginPath("victim", w.root, join(w.root, "data"))).toBe(join(w.root, "data"));
    expect(() => resolvePluginPath("victim", w.root, "../outside/evil.js")).toThrow(/api\.resolvePath\("\.\.\/outside\/evil\.js"\) refused \(entry-escapes-root\)/);
    expect(() => resolvePluginPath("victim", w.root, "/etc/passwd")).toThrow(/outside the plugin folder/);
    expect(() => resolvePluginPath("victim", w.root, "~/.ssh/id_rsa")).toThrow(/refused/);
    symlinkSync(w.dir.resolve("outside"), join(w.root, "out"));
    expect(() => resolvePluginPath("victim", w.root, "out/evil.js")).toThrow(new RegExp(`resolves to ${w.evil}`));
    expect(() => resolvePluginPath("victim", w.root, "out/not-yet.json")).toThrow(/outside the plugin folder/);
    expect(() => resolvePluginPath("victim", w.root, "")).toThrow(TypeError);
  });

  it("is what a loaded plugin's api.resolvePath does", async () => {
    const w = workspace({
      pkg: { openclaw: { extensions: ["./index.js"] } },
      files: {
        "index.js": `export default { id: "victim", register(api) {
          globalThis.__resolveInside = api.resolvePath("cache/x.json");
          try { api.resolvePath("../outside/evil.js"); } catch (e) { globalThis.__resolveEscape = e.message; }
        } };\n`,
      },
    });
    const loaded = await loadPlugin({ rootDir: w.root });
    expect(loaded.loadError).toBeUndefined();
    const g = globalThis as Record<string, unknown>;
    expect(g.__resolveInside).toBe(join(w.root, "cache/x.json"));
    expect(g.__resolveEscape).toMatch(/plugin "victim": api\.resolvePath\("\.\.\/outside\/evil\.js"\) refused/);
  });
});
