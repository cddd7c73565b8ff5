/**
 * The index commands through the real built binary (`dist/cli/openclaw.js`) on Node 24 (node:sqlite): `plugins
 * registry [--refresh]`, `plugins enable|disable` (config writer + state lock, four processes at once), `plugins list`
 * reading the SQLite index, and the Node 20 message. Index rows are seeded by src/state/__fixtures__/index-worker.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { createTempDirPool, type TempDir } from "../../src/testing/temp-dir.js";
import { cliPath, ensureBuilt } from "../hostile/isolated.js";

const dirs = createTempDirPool("openclaw-index-e2e-");
afterEach(() => dirs.removeAll());
let node24 = "";
beforeAll(() => {
  ensureBuilt();
  node24 = ensureNode24();
}, 600_000);

const envFor = (dir: TempDir, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  OPENCLAW_STATE_DIR: dir.resolve("state"),
  OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json"),
  NO_COLOR: "1",
  ...extra,
});
function openclaw(dir: TempDir, args: string[], options: { node?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(options.node ?? node24, [cliPath, ...args], { cwd: dir.path, env: envFor(dir, options.env), encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
function openclawAsync(dir: TempDir, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(node24, [cliPath, ...args], { cwd: dir.path, env: envFor(dir), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.once("exit", (status) => done({ status, stderr }));
  });
}
const plugin = (id: string, extra: Record<string, unknown> = {}) => ({
  [`state/extensions/${id}/openclaw.plugin.json`]: { id, name: `Plugin ${id}`, version: "1.0.0", configSchema: {}, ...extra },
  [`state/extensions/${id}/package.json`]: { name: id, version: "1.0.0" },
});
/** Writes install records for `<prefix>-0..n-1` into the index (installPath = <state>/extensions/<id>). */
function seedIndex(dir: TempDir, prefix: string, n: number): void {
  const worker = join(repoRoot, "src/state/__fixtures__/index-worker.ts");
  const result = spawnSync(node24, ["--import", "tsx", worker, "write", dir.resolve("state"), prefix, String(n)], { cwd: repoRoot, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
}

describe("openclaw plugins registry (Node 24, built binary)", () => {
  it("reports missing → refresh → current; a changed manifest makes it stale; broken manifests keep their record", () => {
    const dir = dirs.create();
    dir.write({ ...plugin("p-0"), ...plugin("p-1"), "state/extensions/p-2/package.json": { name: "p-2" } });
    seedIndex(dir, "p", 3);
    const missing = openclaw(dir, ["plugins", "registry", "--json"]);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ status: "missing", refreshed: false, reasons: ["no persisted registry yet"] });

    const refreshed = openclaw(dir, ["plugins", "registry", "--refresh", "--json"]);
    expect(refreshed.status, refreshed.stderr).toBe(0);
    const report = JSON.parse(refreshed.stdout);
    expect(report).toMatchObject({ status: "current", refreshed: true, previousStatus: "missing", databasePath: dir.resolve("state/state/openclaw.sqlite") });
    expect(report.hostContractVersion).toMatch(/^openclaw@\d+\.\d+\.\d+.*\+registry\.1$/);
    expect(report.plugins.map((p: { pluginId: string; state: string; manifestError?: string }) => [p.pluginId, p.state, p.manifestError ?? null])).toEqual([
      ["p-0", "current", null],
      ["p-1", "current", null],
      ["p-2", "current", `no openclaw.plugin.json in ${dir.resolve("state/extensions/p-2")}`],
    ]);

    writeFileSync(dir.resolve("state/extensions/p-1/openclaw.plugin.json"), JSON.stringify({ id: "p-1", version: "2.0.0", configSchema: {} }));
    const stale = openclaw(dir, ["plugins", "registry"]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain("Persisted plugin registry: stale");
    expect(stale.stdout).toContain("manifest or package.json changed: p-1");
    expect(stale.stdout).toContain("p-2: no openclaw.plugin.json");
    expect(stale.stdout).toContain("Run `openclaw plugins registry --refresh` to rebuild it.");
    expect(openclaw(dir, ["plugins", "registry", "--refresh"]).stdout).toContain("Persisted plugin registry: current (rebuilt; was stale)");
  }, 120_000);

  it("on Node 20 stops with exit 1 and names the Node version it needs", () => {
    const dir = dirs.create();
    const result = openclaw(dir, ["plugins", "registry", "--json"], { node: process.execPath });
    if (Number(process.versions.node.split(".")[0]) < 22) {
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("The plugin index needs Node.js >= 22.5");
    } else {
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout).status).toBe("missing");
    }
  });
});

describe("openclaw plugins enable / disable (Node 24, built binary)", () => {
  it("four processes enabling different plugins at once all land (state lock around read-modify-write)", async () => {
    const dir = dirs.create();
    dir.write({ ...plugin("a"), ...plugin("b"), ...plugin("c"), ...plugin("d"), "state/openclaw.json": { plugins: { $include: "./plugins.json" } }, "state/plugins.json": {} });
    const results = await Promise.all(["a", "b", "c", "d"].map((id) => openclawAsync(dir, ["plugins", "enable", id, "--json"])));
    expect(results.map((r) => r.status), results.map((r) => r.stderr).join("\n")).toEqual([0, 0, 0, 0]);
    expect(JSON.parse(readFileSync(dir.resolve("state/plugins.json"), "utf8"))).toEqual({
      entries: { a: { enabled: true }, b: { enabled: true }, c: { enabled: true }, d: { enabled: true } },
    });
    expect(JSON.parse(readFileSync(dir.resolve("state/openclaw.json"), "utf8"))).toEqual({ plugins: { $include: "./plugins.json" } });
  }, 120_000);

  it("an id known only from the index is accepted; an unknown id exits 2 with a did-you-mean; Nix mode refuses", () => {
    const dir = dirs.create();
    seedIndex(dir, "indexed", 1);
    expect(openclaw(dir, ["plugins", "disable", "indexed-0"]).status).toBe(0);
    expect(JSON.parse(readFileSync(dir.resolve("state/openclaw.json"), "utf8"))).toEqual({ plugins: { entries: { "indexed-0": { enabled: false } } } });
    const unknown = openclaw(dir, ["plugins", "enable", "indexed-1"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No plugin "indexed-1" is installed, discovered or configured. Did you mean "indexed-0"?');
    const nix = openclaw(dir, ["plugins", "enable", "indexed-0"], { env: { OPENCLAW_NIX_MODE: "1" } });
    expect(nix.status).toBe(1);
    expect(nix.stderr).toMatch(/plugins enable refused: OPENCLAW_NIX_MODE=1/);
  }, 60_000);
});

describe("openclaw plugins list (Node 24, built binary)", () => {
  it("lists index records with their source, a missing folder as missing, and never creates an index", () => {
    const dir = dirs.create();
    dir.write({ ...plugin("rec-0"), ...plugin("local") });
    const fresh = openclaw(dir, ["plugins", "list", "--json"]);
    expect(fresh.status).toBe(0);
    expect(JSON.parse(fresh.stdout).source).toBe("manifests");
    expect(() => readFileSync(dir.resolve("state/state/openclaw.sqlite"))).toThrow();
    seedIndex(dir, "rec", 2);
    const listed = openclaw(dir, ["plugins", "list", "--json"]);
    expect(listed.status).toBe(0);
    const parsed = JSON.parse(listed.stdout);
    expect(parsed.source).toBe("index");
    expect(parsed.indexUnavailable).toBeUndefined();
    expect(parsed.plugins.map((p: { id: string; status: string; installRecord?: string }) => [p.id, p.status, p.installRecord ?? null])).toEqual([
      ["local", "enabled", null],
      ["rec-0", "enabled", "index"],
      ["rec-1", "missing", "index"],
    ]);
    expect(parsed.plugins[1].source).toBe(`path:${dir.resolve("state/extensions/rec-0")}`);
  }, 60_000);
});
