/**
 * A separate Node 24 process for the plugin-index tests (node:sqlite is not in Node 20). Prints one JSON line.
 * Modes: write <stateDir> <prefix> <n> | batches <stateDir> | check <stateDir> | from-version <stateDir> <v> |
 * open <stateDir>.
 */
import { join } from "node:path";
import { PLUGIN_INDEX_MIGRATIONS, openPluginIndex, pluginIndexDatabasePath } from "../plugin-index.js";
import { loadSqlite } from "../sqlite.js";

const [mode, stateDir, ...args] = process.argv.slice(2);
const record = (pluginId: string, version?: string) => ({
  pluginId,
  source: "path" as const,
  installPath: join(stateDir!, "extensions", pluginId),
  installedAt: "2026-11-30T00:00:00.000Z",
  ...(version ? { version } : {}),
});
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

function fail(error: unknown): never {
  const e = error as Error & { code?: string };
  print({ error: { name: e.name, code: e.code, message: e.message } });
  process.exit(0);
}

try {
  if (mode === "write") {
    const [prefix, n] = args;
    const index = openPluginIndex({ stateDir: stateDir! });
    for (let i = 0; i < Number(n); i += 1) index.transaction(() => index.putRecord(record(`${prefix}-${i}`)));
    index.close();
    print({ done: Number(n) });
  } else if (mode === "batches") {
    const index = openPluginIndex({ stateDir: stateDir! });
    for (let generation = 1; ; generation += 1) {
      index.transaction(() => {
        for (let i = 0; i < 50; i += 1) index.putRecord(record(`batch-${i}`, String(generation)));
      });
      if (generation === 3) print({ ready: true });
    }
  } else if (mode === "check") {
    const index = openPluginIndex({ stateDir: stateDir! });
    const records = index.listRecords();
    const schemaVersion = index.schemaVersion;
    const registry = index.readRegistry();
    index.close();
    const db = new (loadSqlite().DatabaseSync)(pluginIndexDatabasePath(stateDir!));
    const integrity = db.prepare("PRAGMA integrity_check").get()?.integrity_check;
    const journal = db.prepare("PRAGMA journal_mode").get()?.journal_mode;
    const columns = db.prepare("SELECT name FROM pragma_table_info('installed_plugin_index')").all().map((r) => r.name);
    const rows = db.prepare("SELECT plugin_id, source, install_path FROM installed_plugin_index ORDER BY plugin_id").all();
    db.close();
    print({ schemaVersion, integrity, journal, columns, count: records.length, records, rows, registry });
  } else if (mode === "from-version") {
    // Builds a file at schema version <v> (0 = empty database) holding one record, as an older openclaw left it.
    const version = Number(args[0]);
    const db = new (loadSqlite().DatabaseSync)(pluginIndexDatabasePath(stateDir!));
    for (const step of PLUGIN_INDEX_MIGRATIONS) if (step.version <= version) db.exec(step.up);
    if (version >= 1) {
      db.prepare("INSERT INTO installed_plugin_index (plugin_id, record_json, updated_at) VALUES (?, ?, ?)").run(
        "old",
        JSON.stringify({ ...record("old"), futureField: { kept: true } }),
        "2026-01-01T00:00:00.000Z",
      );
    }
    db.exec(`PRAGMA user_version = ${version}`);
    db.close();
    print({ built: version });
  } else if (mode === "open") {
    const index = openPluginIndex({ stateDir: stateDir! });
    print({ schemaVersion: index.schemaVersion, records: index.listRecords(), invalid: index.invalidRows() });
    index.close();
  } else if (mode === "registry") {
    const index = openPluginIndex({ stateDir: stateDir! });
    index.writeRegistry({ builtAt: "2026-11-30T00:00:00.000Z", hostContractVersion: "x", plugins: [{ pluginId: "a", rootDir: "/a", format: "openclaw", manifestError: "missing", sourceHash: "h" }] });
    index.putRecord(record("a"));
    let rolledBack = false;
    try {
      index.transaction(() => {
        index.putRecord(record("b"));
        index.transaction(() => index.putRecord(record("c")));
        throw new Error("abort");
      });
    } catch {
      rolledBack = index.getRecord("b") === undefined && index.getRecord("c") === undefined;
    }
    let nestedKept = false;
    index.transaction(() => {
      index.putRecord(record("d"));
      try {
        index.transaction(() => {
          index.putRecord(record("e"));
          throw new Error("inner");
        });
      } catch {
        // only the inner savepoint is rolled back
      }
    });
    nestedKept = index.getRecord("d") !== undefined && index.getRecord("e") === undefined;
    let invalid = "";
    try {
      index.putRecord({ pluginId: "bad", source: "ftp" } as never);
    } catch (error) {
      invalid = (error as Error).message;
    }
    let asyncRefused = "";
    try {
      index.transaction(() => Promise.resolve(1));
    } catch (error) {
      asyncRefused = (error as { code?: string }).code ?? "";
    }
    print({ registry: index.readRegistry(), rolledBack, nestedKept, invalid, asyncRefused, removed: [index.removeRecord("a"), index.removeRecord("a")], ids: index.listRecords().map((r) => r.pluginId) });
    index.close();
  }
} catch (error) {
  fail(error);
}
