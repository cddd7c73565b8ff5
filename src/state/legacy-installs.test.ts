/**
 * Legacy `plugins.installs` records: read as input, migrated into the index on an explicit write, kept when the
 * migration fails. Index-writing cases run in real Node 24 processes (node:sqlite); the Node 20 case runs here.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { createTempDirPool } from "../testing/temp-dir.js";
import { migrateLegacyInstallRecords, readInstallRecords, readLegacyInstallRecords } from "./legacy-installs.js";
import { openPluginIndex } from "./plugin-index.js";

const dirs = createTempDirPool("openclaw-legacy-installs-");
afterEach(() => dirs.removeAll());
const worker = fileURLToPath(new URL("./__fixtures__/legacy-worker.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
let node24 = "";
beforeAll(() => {
  node24 = ensureNode24();
}, 300_000);

function run(args: string[]): any {
  const result = spawnSync(node24, ["--import", "tsx", worker, ...args], { cwd: repoRoot, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`worker ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const last = result.stdout.trim().split("\n").at(-1);
  return last ? JSON.parse(last) : undefined;
}

const rec = (id: string, extra: Record<string, unknown> = {}) => ({ source: "npm", spec: `${id}@1.0.0`, installPath: `/s/extensions/${id}`, installedAt: "2026-01-01T00:00:00.000Z", ...extra });

describe("readLegacyInstallRecords", () => {
  it("reads records keyed by id, reporting entries that do not parse", () => {
    const legacy = readLegacyInstallRecords({ plugins: { installs: { demo: rec("demo"), bad: { source: "ftp" }, other: rec("other", { pluginId: "x" }) } } });
    expect(legacy.records.map((r) => r.pluginId)).toEqual(["demo"]);
    expect(legacy.invalid.map((i) => i.pluginId)).toEqual(["bad", "other"]);
    expect(legacy.invalid[0]!.message).toMatch(/^install record "bad": source: /);
    expect(legacy.invalid[1]!.message).toMatch(/differs from its key/);
    expect(readLegacyInstallRecords({}).raw).toBeUndefined();
    expect(readLegacyInstallRecords({ plugins: { installs: [] } }).invalid[0]!.message).toMatch(/must be an object/);
  });
});

describe("migrateLegacyInstallRecords", () => {
  it("moves every record into the index, then removes plugins.installs from the $include'd file only", () => {
    const dir = dirs.create();
    const mainText = '// main\n{ plugins: { $include: "./plugins.json5" } }\n';
    const [configPath, pluginsFile] = dir.write({
      "openclaw.json": mainText,
      "plugins.json5": { entries: { a: { enabled: true } }, installs: { a: rec("a"), b: rec("b", { futureKey: 1 }) } },
    });
    const out = run(["migrate", configPath!, dir.resolve("state")]);
    expect(out.result).toMatchObject({ status: "migrated", migrated: ["a", "b"], alreadyIndexed: [], kept: [], configFile: pluginsFile });
    expect(out.ids).toEqual(["a", "b"]);
    expect(JSON.parse(readFileSync(pluginsFile!, "utf8"))).toEqual({ entries: { a: { enabled: true } } });
    expect(readFileSync(configPath!, "utf8")).toBe(mainText);
    // A second run has nothing to do.
    expect(run(["migrate", configPath!, dir.resolve("state")]).result.status).toBe("none");
  });

  it("keeps entries that do not parse in the config (partial) and lets the index win for an id it already holds", () => {
    const dir = dirs.create();
    const [configPath] = dir.write({ "openclaw.json": { plugins: { installs: { good: rec("good"), both: rec("both"), broken: { source: "ftp" } } } } });
    run(["seed", configPath!, dir.resolve("state")]);
    // Reading merges (the index's copy of "both" wins) and rewrites nothing.
    const before = readFileSync(configPath!, "utf8");
    expect(run(["read", configPath!, dir.resolve("state")])).toEqual([
      ["both", "index", "both@2.0.0"],
      ["good", "config", "good@1.0.0"],
    ]);
    expect(readFileSync(configPath!, "utf8")).toBe(before);

    const out = run(["migrate", configPath!, dir.resolve("state")]);
    expect(out.result.status).toBe("partial");
    expect(out.result.migrated).toEqual(["good"]);
    expect(out.result.alreadyIndexed).toEqual(["both"]);
    expect(out.result.kept).toEqual([{ pluginId: "broken", reason: expect.stringMatching(/^install record "broken": source: .*fix or remove it in /) }]);
    expect(out.ids).toEqual(["both", "good"]);
    expect(JSON.parse(readFileSync(configPath!, "utf8"))).toEqual({ plugins: { installs: { broken: { source: "ftp" } } } });
  });

  it("leaves the config byte-identical when the index write fails (corrupt database file)", () => {
    const dir = dirs.create();
    const text = "{ plugins: { installs: { a: " + JSON.stringify(rec("a")) + " } } } // keep\n";
    const [configPath] = dir.write({ "openclaw.json": text, "state/state/openclaw.sqlite": "not a database, just text that is long enough to be read as a header......" });
    const out = run(["migrate", configPath!, dir.resolve("state")]);
    expect(out.result.status).toBe("failed");
    expect(out.result.migrated).toEqual([]);
    expect(out.result.error).toMatch(/the plugin index write failed: The plugin index .* is not a valid SQLite database.*stay in .*openclaw\.json \(plugins\.installs\)/);
    expect(readFileSync(configPath!, "utf8")).toBe(text);
  });

  it("on Node without node:sqlite (this process when it is Node 20): failed, config untouched; records are still read", async () => {
    const dir = dirs.create();
    const text = JSON.stringify({ plugins: { installs: { a: rec("a") } } });
    const [configPath] = dir.write({ "openclaw.json": text });
    const paths = { configPath: configPath!, stateDir: dir.resolve("state") };
    const sqlite = Number(process.versions.node.split(".")[0]) >= 22;
    const result = await migrateLegacyInstallRecords({
      paths,
      openIndex: () => (sqlite ? (() => { throw new Error("simulated index failure"); })() : openPluginIndex({ stateDir: paths.stateDir })),
    });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(sqlite ? /simulated index failure/ : /needs Node\.js >= 22\.5/);
    expect(readFileSync(configPath!, "utf8")).toBe(text);
    expect((await readInstallRecords(paths, undefined)).map((r) => [r.record.pluginId, r.storedIn])).toEqual([["a", "config"]]);
  });

  it("skips under OPENCLAW_NIX_MODE=1 without touching anything", async () => {
    const dir = dirs.create();
    const text = JSON.stringify({ plugins: { installs: { a: rec("a") } } });
    const [configPath] = dir.write({ "openclaw.json": text });
    let opened = false;
    const result = await migrateLegacyInstallRecords({
      paths: { configPath: configPath!, stateDir: dir.resolve("state") },
      openIndex: () => {
        opened = true;
        throw new Error("must not open");
      },
      env: { OPENCLAW_NIX_MODE: "1" },
    });
    expect(result.status).toBe("skipped");
    expect(result.kept.map((k) => k.pluginId)).toEqual(["a"]);
    expect(opened).toBe(false);
    expect(readFileSync(configPath!, "utf8")).toBe(text);
  });
});
