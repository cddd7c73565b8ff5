/**
 * The SQLite plugin index. node:sqlite needs Node >= 22.5, so every case that opens a database runs in a real Node 24
 * process (`ensureNode24()`, the binary the consumer tests use) driving `__fixtures__/index-worker.ts`; the Node 20
 * behaviour (a typed error naming the version needed) is checked in this process and with `--no-experimental-sqlite`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { createTempDirPool } from "../testing/temp-dir.js";
import { PLUGIN_INDEX_SCHEMA_VERSION, PluginIndexUnavailableError, openPluginIndex, pluginIndexDatabasePath, sqliteSupport } from "./plugin-index.js";

const dirs = createTempDirPool("openclaw-plugin-index-");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  dirs.removeAll();
});
const worker = fileURLToPath(new URL("./__fixtures__/index-worker.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
let node24 = "";
beforeAll(() => {
  node24 = ensureNode24();
}, 300_000);

function run(args: string[], nodeFlags: string[] = []): any {
  const result = spawnSync(node24, [...nodeFlags, "--import", "tsx", worker, ...args], { cwd: repoRoot, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`worker ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  expect(result.stderr).not.toMatch(/ExperimentalWarning/);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!);
}
function start(args: string[]): ChildProcess {
  const child = spawn(node24, ["--import", "tsx", worker, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}
const exited = (child: ChildProcess) => new Promise<number | null>((done) => child.once("exit", (code) => done(code)));

describe("plugin index on a Node without node:sqlite", () => {
  it("throws a typed error naming the Node version needed (this process, and Node 24 with --no-experimental-sqlite)", () => {
    const support = sqliteSupport();
    if (Number(process.versions.node.split(".")[0]) < 22) {
      expect(support.ok).toBe(false);
      const error = (() => {
        try {
          openPluginIndex({ stateDir: "/nonexistent" });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(PluginIndexUnavailableError);
      expect((error as Error).message).toContain(`needs Node.js >= 22.5`);
      expect((error as Error).message).toContain(`this is Node ${process.versions.node}`);
    } else {
      expect(support.ok).toBe(true);
    }
    const dir = dirs.create();
    const flagged = run(["open", dir.path], ["--no-experimental-sqlite"]);
    expect(flagged.error).toMatchObject({ name: "PluginIndexUnavailableError", code: "node-sqlite-unavailable" });
    expect(flagged.error.message).toMatch(/needs Node\.js >= 22\.5 .*this is Node 24\./);
  });
});

describe("plugin index (Node 24)", () => {
  it("creates <state>/state/openclaw.sqlite in WAL mode at the current schema version, stores and removes records, nests transactions", () => {
    const dir = dirs.create();
    const out = run(["registry", dir.path]);
    expect(out.registry).toEqual({ builtAt: "2026-11-30T00:00:00.000Z", hostContractVersion: "x", plugins: [{ pluginId: "a", rootDir: "/a", format: "openclaw", manifestError: "missing", sourceHash: "h" }] });
    expect(out.rolledBack).toBe(true);
    expect(out.nestedKept).toBe(true);
    expect(out.invalid).toMatch(/^Refusing to store an invalid install record for "bad": source: /);
    expect(out.asyncRefused).toBe("async-transaction");
    expect(out.removed).toEqual([true, false]);
    expect(out.ids).toEqual(["d"]);
    const check = run(["check", dir.path]);
    expect(check).toMatchObject({ schemaVersion: PLUGIN_INDEX_SCHEMA_VERSION, integrity: "ok", journal: "wal", count: 1 });
    expect(pluginIndexDatabasePath(dir.path)).toBe(dir.resolve("state/openclaw.sqlite"));
  });

  it("migrates an empty (version 0) file and a version-1 file to the current schema, keeping records and unknown fields", () => {
    const empty = dirs.create();
    empty.write({ "state/openclaw.sqlite": "" });
    expect(run(["check", empty.path])).toMatchObject({ schemaVersion: PLUGIN_INDEX_SCHEMA_VERSION, integrity: "ok", count: 0 });

    const v0 = dirs.create();
    v0.write({ "state/.keep": "" });
    expect(run(["from-version", v0.path, "0"])).toEqual({ built: 0 });
    expect(run(["check", v0.path]).columns).toEqual(["plugin_id", "record_json", "updated_at", "source", "install_path"]);

    const v1 = dirs.create();
    v1.write({ "state/.keep": "" });
    run(["from-version", v1.path, "1"]);
    const check = run(["check", v1.path]);
    expect(check.schemaVersion).toBe(PLUGIN_INDEX_SCHEMA_VERSION);
    expect(check.records).toEqual([expect.objectContaining({ pluginId: "old", source: "path", futureField: { kept: true } })]);
    // Version 2 backfilled the new columns from the JSON records.
    expect(check.rows).toEqual([{ plugin_id: "old", source: "path", install_path: `${v1.path}/extensions/old` }]);
    expect(check.registry).toBeUndefined();
  });

  it("refuses a file from a newer openclaw and a file that is not a database, naming the file and the fix", () => {
    const newer = dirs.create();
    newer.write({ "state/.keep": "" });
    run(["from-version", newer.path, String(PLUGIN_INDEX_SCHEMA_VERSION)]);
    // bump the version as a future openclaw would
    const bump = spawnSync(node24, ["-e", `const {DatabaseSync}=require("node:sqlite");const d=new DatabaseSync(${JSON.stringify(pluginIndexDatabasePath(newer.path))});d.exec("PRAGMA user_version = 99");d.close()`]);
    expect(bump.status).toBe(0);
    const refused = run(["open", newer.path]);
    expect(refused.error).toMatchObject({ code: "newer-schema" });
    expect(refused.error.message).toMatch(/schema version 99, newer than this openclaw understands .*Upgrade openclaw/);

    const garbage = dirs.create();
    garbage.write({ "state/openclaw.sqlite": "this is not a database at all, just text that is long enough to be a header............." });
    const corrupt = run(["open", garbage.path]);
    expect(corrupt.error).toMatchObject({ code: "corrupt" });
    expect(corrupt.error.message).toContain(pluginIndexDatabasePath(garbage.path));
    expect(corrupt.error.message).toMatch(/Move it aside/);
  });

  it("two processes writing at once both succeed, nothing lost, file intact", async () => {
    const dir = dirs.create();
    const a = start(["write", dir.path, "a", "150"]);
    const b = start(["write", dir.path, "b", "150"]);
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
    const check = run(["check", dir.path]);
    expect(check).toMatchObject({ integrity: "ok", count: 300 });
  }, 60_000);

  it("a process killed in the middle of writing leaves the index consistent: each transaction is all or nothing", async () => {
    const dir = dirs.create();
    const writer = start(["batches", dir.path]);
    await new Promise<void>((done, fail) => {
      writer.stdout!.on("data", (chunk) => String(chunk).includes("ready") && done());
      writer.once("exit", (code) => fail(new Error(`writer exited early (${code})`)));
    });
    await new Promise((done) => setTimeout(done, 150));
    writer.kill("SIGKILL");
    await exited(writer);
    const check = run(["check", dir.path]);
    expect(check.integrity).toBe("ok");
    expect(check.count).toBe(50);
    const generations = new Set(check.records.map((r: { version: string }) => r.version));
    expect(generations.size).toBe(1);
    expect(Number([...generations][0])).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("keeps a hand-broken row out of listRecords and reports it in invalidRows", () => {
    const dir = dirs.create();
    run(["write", dir.path, "ok", "1"]);
    const broke = spawnSync(node24, ["-e", `const {DatabaseSync}=require("node:sqlite");const d=new DatabaseSync(${JSON.stringify(pluginIndexDatabasePath(dir.path))});d.exec("INSERT INTO installed_plugin_index (plugin_id, record_json, updated_at) VALUES ('bad', '{not json', 'x')");d.close()`]);
    expect(broke.status).toBe(0);
    const out = run(["open", dir.path]);
    expect(out.records.map((r: { pluginId: string }) => r.pluginId)).toEqual(["ok-0"]);
    expect(out.invalid).toEqual([{ pluginId: "bad", message: expect.stringMatching(/^install record "bad": record_json is not JSON/) }]);
  });
});
