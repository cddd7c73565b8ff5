/** Node 24 process for the legacy-migration tests: `migrate <configPath> <stateDir>` prints the result and the index ids. */
import { migrateLegacyInstallRecords, readInstallRecords } from "../legacy-installs.js";
import { openPluginIndex } from "../plugin-index.js";

const [mode, configPath, stateDir] = process.argv.slice(2);
const paths = { configPath: configPath!, stateDir: stateDir! };
if (mode === "migrate") {
  const result = await migrateLegacyInstallRecords({ paths, openIndex: () => openPluginIndex({ stateDir: stateDir! }), action: "doctor --fix" });
  let ids: string[] = [];
  try {
    const index = openPluginIndex({ stateDir: stateDir! });
    ids = index.listRecords().map((record) => record.pluginId);
    index.close();
  } catch {
    ids = ["<index unusable>"];
  }
  process.stdout.write(`${JSON.stringify({ result, ids })}\n`);
} else if (mode === "seed") {
  const index = openPluginIndex({ stateDir: stateDir! });
  index.putRecord({ pluginId: "both", source: "npm", spec: "both@2.0.0", installPath: `${stateDir}/extensions/both`, installedAt: "2026-11-01T00:00:00.000Z" });
  index.close();
} else if (mode === "read") {
  const index = openPluginIndex({ stateDir: stateDir! });
  const all = await readInstallRecords(paths, index);
  index.close();
  process.stdout.write(`${JSON.stringify(all.map((r) => [r.record.pluginId, r.storedIn, r.record.spec ?? null]))}\n`);
}
