/**
 * Management API load test (`pnpm bench:api`): the built `openclaw gateway run` on Node 24 on loopback, driven by
 * autocannon (bounded: fixed connections and duration per case).
 *
 * - `GET /api/plugins` with 100 installed plugins (each with a config schema, a sensitive parameter and stored
 *   config; all loaded by the plugin runtime);
 * - `GET /api/registry/search` over a 1,000-entry catalog (a one-word and a two-word query, served from the ranking
 *   cache after the first request, and a new query on every request, which scores all 1,000 entries);
 * - `GET /api/plugins/installed` (the index read) as a reference.
 *
 * Prints requests/s (mean), latency p50/p99 and non-2xx counts as a markdown table.
 *
 * Usage: tsx scripts/bench/api.ts [--duration S] [--connections N]
 */
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";
import { createTempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt } from "../../test/hostile/isolated.js";
import { catalogDocument, writePlugin } from "../../test/server/fixtures.js";
import { runtimeReady, startGatewayProcess } from "../../test/server/gateway-process.js";
import { markdownTable } from "./markdown.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION_S = arg("--duration", 10);
const CONNECTIONS = arg("--connections", 10);
const PLUGINS = 100;
const CATALOG = 1000;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests?: Array<{ setupRequest?: (request: { path: string }) => { path: string } }>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

ensureBuilt();
const dir = createTempDir("openclaw-bench-api-");
try {
  const installs: Record<string, object> = {};
  for (let index = 0; index < PLUGINS; index += 1) {
    const id = `bench-plugin-${index}`;
    const root = writePlugin(dir, {
      id,
      name: `Bench plugin ${index}`,
      configSchema: {
        type: "object",
        additionalProperties: false,
        required: ["apiKey"],
        properties: { apiKey: { type: "string" }, endpoint: { type: "string", default: "https://example.invalid" }, retries: { type: "integer", minimum: 0, default: 3 } },
      },
      uiHints: { apiKey: { sensitive: true, label: "API key" } },
      register: index % 2 === 0 ? "api.registerConnectivityCheck(() => ({ ok: true }));" : "",
    });
    installs[id] = { source: "npm", spec: `@bench/${id}@1.0.0`, installPath: root, resolvedName: `@bench/${id}`, resolvedVersion: "1.0.0", installedAt: "2026-11-30T00:00:00.000Z" };
  }
  const entries = Object.fromEntries(Object.keys(installs).map((id, index) => [id, { config: { apiKey: `sk-bench-secret-${index}-abcdef`, retries: index % 5 } }]));
  dir.write({
    "openclaw.json": { plugins: { entries, installs }, gateway: { pluginCatalog: { source: "./catalog.json" } } },
    "catalog.json": catalogDocument(CATALOG),
  });

  const gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: dir.path, OPENCLAW_API_VALIDATE_RESPONSES: "0" });
  try {
    const started = performance.now();
    await runtimeReady(gw.client, 300_000);
    const loadMs = performance.now() - started;
    const list = await gw.client.listPlugins();
    const active = list.plugins.filter((plugin) => plugin.isActive).length;
    const catalog = await gw.client.listRegistryPlugins();
    if (list.plugins.length !== PLUGINS || active !== PLUGINS || catalog.count !== CATALOG) {
      throw new Error(`setup: ${list.plugins.length} plugins (${active} active), ${catalog.count} catalog entries`);
    }
    const cases = [
      { name: `GET /api/plugins (${PLUGINS} plugins)`, path: "/api/plugins", bytes: JSON.stringify(list).length },
      { name: `GET /api/registry/search?q=weather (${CATALOG} entries)`, path: "/api/registry/search?q=weather" },
      { name: `GET /api/registry/search?q=slack+calendar&limit=50`, path: "/api/registry/search?q=slack%20calendar&limit=50" },
      { name: `GET /api/registry/search, a new query each request (uncached)`, path: "/api/registry/search", distinct: true },
      { name: `GET /api/plugins/installed (${PLUGINS} records)`, path: "/api/plugins/installed" },
    ];
    let counter = 0;
    const words = ["weather", "slack", "calendar bot", "github issues", "voice", "memory search"];
    const rows: string[][] = [];
    for (const item of cases) {
      // warm-up (JIT, caches), then the measured run
      // `distinct`: every request searches a query never seen before (words + a counter), so no cached ranking helps
      const requests = "distinct" in item
        ? [{ setupRequest: (request: { path: string }) => ({ ...request, path: `/api/registry/search?q=${encodeURIComponent(`${words[counter % words.length]} ${counter++}`)}` }) }]
        : undefined;
      const options = { url: `${gw.url}${item.path}`, connections: CONNECTIONS, ...(requests ? { requests } : {}) };
      await autocannon({ ...options, duration: 1 });
      const result = await autocannon({ ...options, duration: DURATION_S });
      rows.push([
        item.name,
        result.requests.average.toFixed(0),
        `${result.latency.p50.toFixed(1)} ms`,
        `${result.latency.p99.toFixed(1)} ms`,
        `${result.latency.max.toFixed(1)} ms`,
        String(result.non2xx + result.errors + result.timeouts),
        String(result.requests.total),
      ]);
    }
    console.log(
      `management API on Node 24 (${gw.url}), ${CONNECTIONS} connections × ${DURATION_S} s per case, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}; plugin runtime loaded ${PLUGINS} plugins in ${(loadMs / 1000).toFixed(1)} s; /api/plugins body ${(cases[0]!.bytes! / 1024).toFixed(0)} KiB\n`,
    );
    console.log(markdownTable(["case", "req/s (mean)", "p50", "p99", "max", "non-2xx+errors", "requests"], rows));
  } finally {
    await gw.stop();
  }
} finally {
  dir.remove();
}
