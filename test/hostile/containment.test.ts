/**
 * Containment through the public package: every file the host reads or imports for a plugin stays inside the
 * plugin folder (realpath), and a plugin that points outside is blocked before any of its code runs. Each case runs
 * in its own Node process against the built package, with a time limit; every escaping case also checks that the
 * outside file's code did not run (it would write a marker file).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt, lastJsonLine, runIsolatedCli, runIsolatedModule } from "./isolated.js";

const dirs = createTempDirPool("openclaw-hostile-contain-");
afterEach(() => dirs.removeAll());
beforeAll(() => ensureBuilt(), 300_000);

interface Fixture {
  dir: TempDir;
  root: string;
  evil: string;
  marker: string;
}

/** `plugin/` (manifest id `victim`, a harmless entry) and `outside/evil.js`, which writes `outside/marker` when run. */
function fixture(pkg: Record<string, unknown> | null, files: Record<string, string> = {}, parent = "plugin"): Fixture {
  const dir = dirs.create();
  const marker = dir.resolve("outside/marker");
  const all: Record<string, string | object> = {
    [`${parent}/openclaw.plugin.json`]: { id: "victim", configSchema: { type: "object" } },
    "outside/evil.js": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default { id: "victim", register() {} };\n`,
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`${parent}/${k}`, v])),
  };
  if (pkg) all[`${parent}/package.json`] = { name: "victim", type: "module", ...pkg };
  dir.write(all);
  return { dir, root: dir.resolve(parent), evil: dir.resolve("outside/evil.js"), marker };
}

const harmless = `export default { id: "victim", register(api) { api.on("session_start", () => {}); } };\n`;

interface LoadReport {
  codes: Array<string | null>;
  messages: string[];
}

/** Loads `roots` with `loadPlugins` (public subpath) in a fresh process; `mode` for every plugin. */
function loadIsolated(roots: string[], mode = "full"): LoadReport & { timedOut: boolean } {
  const result = runIsolatedModule(
    `import { loadPlugins } from "openclaw/plugin-sdk/plugin-test-runtime";
const loaded = await loadPlugins(${JSON.stringify(roots)}, { mode: ${JSON.stringify(mode)} });
console.log(JSON.stringify({ codes: loaded.map((p) => p.loadError?.code ?? null), messages: loaded.map((p) => p.loadError?.message ?? "") }));`,
    { timeoutMs: 20_000 },
  );
  expect(result.timedOut, result.stderr).toBe(false);
  return { ...lastJsonLine<LoadReport>(result), timedOut: result.timedOut };
}

describe("hostile containment: loader (public package)", () => {
  it("runtimeExtensions ../../../outside/evil.js is refused and evil.js never runs", () => {
    const f = fixture({ openclaw: { extensions: ["./src/index.ts"], runtimeExtensions: ["../outside/evil.js"] } }, { "src/index.ts": harmless });
    const report = loadIsolated([f.root]);
    expect(report.codes).toEqual(["entry-escapes-root"]);
    expect(report.messages[0]).toContain("runtimeExtensions[0]");
    expect(existsSync(f.marker)).toBe(false);
  });

  it("a dist/index.js symlink out of the root is refused (no fallback to the source)", () => {
    const f = fixture({ openclaw: { extensions: ["./src/index.ts"] } }, { "src/index.ts": harmless });
    mkdirSync(join(f.root, "dist"));
    symlinkSync(f.evil, join(f.root, "dist/index.js"));
    const report = loadIsolated([f.root]);
    expect(report.codes).toEqual(["entry-escapes-root"]);
    expect(report.messages[0]).toContain(`resolves to ${f.evil}`);
    expect(existsSync(f.marker)).toBe(false);
  });

  it("a root index.js symlink out of the root with no package.json is refused", () => {
    const f = fixture(null);
    symlinkSync(f.evil, join(f.root, "index.js"));
    expect(loadIsolated([f.root]).codes).toEqual(["entry-escapes-root"]);
    expect(existsSync(f.marker)).toBe(false);
  });

  it("a world-writable (0666) dist/index.js is blocked and not imported", () => {
    const f = fixture({ openclaw: { extensions: ["./src/index.ts"] } }, { "src/index.ts": harmless });
    // The built file itself is inside the root; it must still not run, because anyone could have rewritten it.
    const marker = join(f.root, "dist", "ran");
    f.dir.write({ "plugin/dist/index.js": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\n${harmless}` });
    chmodSync(join(f.root, "dist/index.js"), 0o666);
    const report = loadIsolated([f.root]);
    expect(report.codes).toEqual(["world-writable"]);
    expect(report.messages[0]).toContain("chmod o-w");
    expect(existsSync(marker)).toBe(false);
  });

  it("setupEntry and runtimeSetupEntry escapes are refused in setup-only and full modes", () => {
    const a = fixture({ openclaw: { extensions: ["./index.js"], setupEntry: "../outside/evil.js" } }, { "index.js": harmless });
    const b = fixture({ openclaw: { extensions: ["./index.js"], setupEntry: "./setup.ts", runtimeSetupEntry: "../outside/evil.js" } }, { "index.js": harmless, "setup.ts": harmless });
    expect(loadIsolated([a.root, b.root], "setup-only").codes).toEqual(["entry-escapes-root", "entry-escapes-root"]);
    expect(loadIsolated([a.root, b.root], "full").codes).toEqual(["entry-escapes-root", "entry-escapes-root"]);
    expect(existsSync(a.marker) || existsSync(b.marker)).toBe(false);
  });

  it("an absolute extensions path and a package.json symlinked out of the root are refused", () => {
    const abs = fixture({ openclaw: { extensions: [] } });
    abs.dir.write({ "plugin/package.json": { name: "victim", type: "module", openclaw: { extensions: [abs.evil] } } });
    const linked = fixture(null, { "index.js": harmless });
    linked.dir.write({ "outside/package.json": { type: "module", openclaw: { extensions: ["./evil.js"] } } });
    symlinkSync(linked.dir.resolve("outside/package.json"), join(linked.root, "package.json"));
    expect(loadIsolated([abs.root, linked.root]).codes).toEqual(["entry-escapes-root", "entry-escapes-root"]);
    expect(existsSync(abs.marker) || existsSync(linked.marker)).toBe(false);
  });

  it("a FIFO package.json or entry does not hang the loader", () => {
    const pkg = fixture(null, { "index.js": harmless });
    execFileSync("mkfifo", [join(pkg.root, "package.json")]);
    const entry = fixture({ openclaw: { extensions: ["./index.js"] } });
    execFileSync("mkfifo", [join(entry.root, "index.js")]);
    expect(loadIsolated([pkg.root, entry.root]).codes).toEqual(["path-unsafe", "path-unsafe"]);
  });

  it("api.resolvePath refuses ../, absolute and symlinked escapes with a clear error", () => {
    const f = fixture(
      { openclaw: { extensions: ["./index.js"] } },
      {
        "index.js": `export default { id: "victim", register(api) {
  const out = {};
  for (const input of ["data/x.json", "../outside/evil.js", ${JSON.stringify("/etc/passwd")}, "link/evil.js"]) {
    try { out[input] = { ok: api.resolvePath(input) }; } catch (e) { out[input] = { error: e.message }; }
  }
  globalThis.__resolved = out;
} };\n`,
      },
    );
    symlinkSync(f.dir.resolve("outside"), join(f.root, "link"));
    const result = runIsolatedModule(
      `import { loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
const loaded = await loadPluginForTest(${JSON.stringify(f.root)});
console.log(JSON.stringify({ code: loaded.loadError?.code ?? null, resolved: globalThis.__resolved }));`,
      { timeoutMs: 20_000 },
    );
    const out = lastJsonLine<{ code: string | null; resolved: Record<string, { ok?: string; error?: string }> }>(result);
    expect(out.code).toBeNull();
    expect(out.resolved["data/x.json"]).toEqual({ ok: join(f.root, "data/x.json") });
    for (const input of ["../outside/evil.js", "/etc/passwd", "link/evil.js"]) {
      expect(out.resolved[input]?.error).toMatch(/api\.resolvePath\(.*\) refused \(entry-escapes-root\).*outside the plugin folder/);
    }
    expect(out.resolved["link/evil.js"]?.error).toContain(`resolves to ${f.evil}`);
  });
});

describe("hostile containment: plugins list / inspect (built CLI)", () => {
  it("plugins list does not hang on a FIFO package.json, manifest or dependency package.json", () => {
    const dir = dirs.create();
    const ext = (name: string) => `state/extensions/${name}`;
    dir.write({
      [`${ext("fifo-pkg")}/openclaw.plugin.json`]: { id: "fifo-pkg", configSchema: {} },
      [`${ext("fifo-manifest")}/package.json`]: { name: "fifo-manifest", openclaw: { extensions: ["./index.js"] } },
      [`${ext("fifo-manifest")}/index.js`]: harmless,
      [`${ext("fifo-dep")}/openclaw.plugin.json`]: { id: "fifo-dep", configSchema: {} },
      [`${ext("fifo-dep")}/package.json`]: { name: "fifo-dep", openclaw: { extensions: ["./index.js"] }, dependencies: { dep: "1" } },
      [`${ext("fifo-dep")}/index.js`]: harmless,
    });
    execFileSync("mkfifo", [dir.resolve(`${ext("fifo-pkg")}/package.json`)]);
    execFileSync("mkfifo", [dir.resolve(`${ext("fifo-manifest")}/openclaw.plugin.json`)]);
    mkdirSync(dir.resolve(`${ext("fifo-dep")}/node_modules/dep`), { recursive: true });
    execFileSync("mkfifo", [dir.resolve(`${ext("fifo-dep")}/node_modules/dep/package.json`)]);
    const list = runIsolatedCli(["plugins", "list", "--json"], { cwd: dir.path, env: { OPENCLAW_STATE_DIR: dir.resolve("state"), HOME: dir.path }, timeoutMs: 20_000 });
    expect(list.timedOut).toBe(false);
    const listed = JSON.parse(list.stdout) as { plugins: Array<{ id: string; status: string }> };
    const status = Object.fromEntries(listed.plugins.map((p) => [p.id, p.status]));
    expect(status).toMatchObject({ "fifo-pkg": "blocked", "fifo-manifest": "blocked" });
    expect(status["fifo-dep"]).not.toBe("blocked");
  });

  it("lists a runtimeExtensions escape as present but blocked, and inspect --runtime never runs evil.js", () => {
    const f = fixture(
      { openclaw: { extensions: ["./src/index.ts"], runtimeExtensions: ["../../../outside/evil.js"] } },
      { "src/index.ts": harmless },
      "state/extensions/victim",
    );
    const env = { OPENCLAW_STATE_DIR: f.dir.resolve("state"), HOME: f.dir.path };
    const list = runIsolatedCli(["plugins", "list", "--json"], { cwd: f.dir.path, env, timeoutMs: 20_000 });
    expect(list.timedOut).toBe(false);
    const listed = JSON.parse(list.stdout) as { plugins: Array<{ id: string; status: string; diagnostics: Array<{ code: string }> }> };
    const victim = listed.plugins.find((p) => p.id === "victim");
    expect(victim?.status).toBe("blocked");
    expect(victim?.diagnostics.map((d) => d.code)).toContain("blocked-entry-escapes-root");
    const inspect = runIsolatedCli(["plugins", "inspect", "victim", "--runtime", "--json"], { cwd: f.dir.path, env, timeoutMs: 20_000 });
    expect(inspect.timedOut).toBe(false);
    expect(`${inspect.stdout}${inspect.stderr}`).toContain("blocked");
    expect(existsSync(f.marker)).toBe(false);
  });
});
