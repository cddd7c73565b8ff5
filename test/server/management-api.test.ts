/**
 * Black-box HTTP tests of `openclaw gateway run`: the built CLI on Node 24, bound to loopback on a free port, driven
 * through the typed client (`openclaw/plugin-sdk/management-client`). Every response body is also checked against the
 * route's zod schema (by the server itself, OPENCLAW_API_VALIDATE_RESPONSES=1, and here for the error shapes).
 */
import { readFileSync, existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt } from "../hostile/isolated.js";
import { API_ROUTES, ApiErrorSchema, PluginValidationFailureSchema, ServiceFailureSchema } from "../../src/server/schemas.js";
import { ManagementApiError, type ManagementClient } from "../../src/plugin-sdk/management-client.js";
import { runtimeReady, startGatewayProcess, type GatewayProcess } from "./gateway-process.js";
import { catalogDocument, writePlugin } from "./fixtures.js";

const SECRET = "sk-live-1234567890";

function setupState(dir: TempDir): void {
  writePlugin(dir, {
    id: "weather",
    name: "Weather",
    configSchema: {
      type: "object",
      additionalProperties: false,
      required: ["apiKey"],
      properties: { apiKey: { type: "string" }, units: { type: "string", enum: ["metric", "imperial"], default: "metric" }, endpoint: { type: "string" } },
    },
    uiHints: { apiKey: { label: "API key", sensitive: true } },
    register: `api.registerConnectivityCheck(async ({ config }) => config.apiKey === ${JSON.stringify(SECRET)} ? { ok: true, message: "API key accepted", details: { units: config.units } } : { ok: false, message: "401 from the weather API" });`,
  });
  writePlugin(dir, { id: "notes", configSchema: { type: "object", properties: { dir: { type: "string", default: "notes" } } } });
  writePlugin(dir, { id: "broken", register: `throw new Error("boom at register");` });
  writePlugin(dir, { id: "exiter", register: `process.exit(7);` });
  writePlugin(dir, { id: "sleepy" });
  writePlugin(dir, { id: "installed-demo", version: "1.0.0" });
  dir.write({
    "openclaw.json": {
      plugins: {
        entries: { weather: { config: { apiKey: SECRET, units: "metric" } }, sleepy: { enabled: false } },
        installs: {
          "installed-demo": {
            source: "npm",
            spec: "@acme/installed-demo@1.0.0",
            installPath: dir.resolve("extensions/installed-demo"),
            resolvedName: "@acme/installed-demo",
            resolvedVersion: "1.0.0",
            installedAt: "2026-11-01T00:00:00.000Z",
          },
        },
      },
      gateway: { corePlugins: { required: ["notes"], optional: ["weather", "sleepy"] }, pluginCatalog: { source: "./catalog.json" } },
      registry: { chainId: 1, explorerUrl: "https://etherscan.io", privateKey: "0xabcdef0123456789abcdef" },
    },
    "catalog.json": catalogDocument(60, [
      { name: "@acme/weather", displayName: "Weather", description: "Forecasts and alerts", npm: { package: "@acme/weather", version: "2.1.0" }, tags: ["weather", "forecast"], author: "Acme", repository: "https://github.com/acme/weather", downloads: 10 },
      { name: "weather", displayName: "Weather (community)", description: "Community weather plugin", npm: { package: "weather", version: "0.3.0" }, tags: [], downloads: 5 },
      { name: "@other/forecast-pro", displayName: "Forecast Pro", description: "Weather forecasts for teams", npm: { package: "@other/forecast-pro", version: "1.0.0" }, tags: ["forecast"], downloads: 99_999 },
      { name: "@acme/installed-demo", displayName: "Installed demo", description: "Already installed", npm: { package: "@acme/installed-demo", version: "1.1.0" }, tags: [], pluginId: "installed-demo" },
    ]),
  });
}

let dir: TempDir;
let gw: GatewayProcess;
let client: ManagementClient;

function configFile(): Record<string, any> {
  return JSON.parse(readFileSync(dir.resolve("openclaw.json"), "utf8")) as Record<string, any>;
}

async function expectError(promise: Promise<unknown>, status: number): Promise<ManagementApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ManagementApiError);
  const apiError = error as ManagementApiError;
  expect(apiError.status).toBe(status);
  return apiError;
}

beforeAll(async () => {
  ensureBuilt();
  dir = createTempDir("openclaw-api-");
  setupState(dir);
  // npm traffic goes to a closed loopback port: a missing package fails fast, never reaches the network
  gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: dir.path, npm_config_registry: "http://127.0.0.1:9/" });
  client = gw.client;
  await runtimeReady(client);
}, 180_000);

afterAll(async () => {
  await gw?.stop();
  dir?.remove();
});

describe("GET /api/openapi.json", () => {
  it("documents every route of the route table, generated from the zod schemas", async () => {
    const doc = (await client.openapi()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    for (const route of API_ROUTES) expect(doc.paths[route.path]?.[route.method]?.operationId).toBe(route.operationId);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["ManagedPlugin", "PluginParameter", "PluginValidationFailure", "ApiError"]));
  });
});

describe("GET /api/plugins", () => {
  it("lists enabled/isActive/configured/loadError/parameters with masked secrets", async () => {
    const { plugins, runtime } = await client.listPlugins();
    expect(runtime.state).toBe("ready");
    const byId = Object.fromEntries(plugins.map((plugin) => [plugin.id, plugin]));
    expect(Object.keys(byId).sort()).toEqual(["broken", "exiter", "installed-demo", "notes", "sleepy", "weather"]);
    const weather = byId.weather!;
    expect(weather).toMatchObject({ name: "Weather", enabled: true, isActive: true, configured: true, loadError: null, hasConnectivityCheck: true, validationErrors: [] });
    expect(weather.parameters).toEqual([
      { key: "apiKey", type: "string", label: "API key", description: null, required: true, sensitive: true, isSet: true, currentValue: "sk-l...7890", defaultValue: null },
      { key: "units", type: "string", label: null, description: null, required: false, sensitive: false, isSet: true, currentValue: "metric", defaultValue: "metric" },
      { key: "endpoint", type: "string", label: null, description: null, required: false, sensitive: false, isSet: false, currentValue: null, defaultValue: null },
    ]);
    expect(JSON.stringify(plugins)).not.toContain(SECRET);
    expect(byId.broken).toMatchObject({ enabled: true, isActive: false, loadError: expect.stringContaining("boom at register") });
    expect(byId.exiter).toMatchObject({ enabled: true, isActive: false, loadError: expect.stringMatching(/exit code 7/) });
    expect(byId.sleepy).toMatchObject({ enabled: false, isActive: false, loadError: null });
    expect(byId.notes).toMatchObject({ isActive: true, hasConnectivityCheck: false });
  });
});

describe("PUT /api/plugins/:id", () => {
  it("404 for an unknown plugin", async () => {
    const error = await expectError(client.updatePlugin("nope", { enabled: true }), 404);
    expect(ApiErrorSchema.parse(error.body).error).toMatch(/Plugin "nope" not found/);
  });

  it("422 with validationErrors when the config fails the schema; nothing is written", async () => {
    const before = readFileSync(dir.resolve("openclaw.json"), "utf8");
    const error = await expectError(client.updatePlugin("weather", { config: { units: "kelvin" } }), 422);
    const body = PluginValidationFailureSchema.parse(error.body);
    expect(body.ok).toBe(false);
    expect(body.plugin.id).toBe("weather");
    expect(body.validationErrors).toEqual([{ field: "units", message: expect.stringMatching(/must be equal to one of the allowed values/) }]);
    expect(readFileSync(dir.resolve("openclaw.json"), "utf8")).toBe(before);
  });

  it("keeps the stored secret when the masked value is sent back unchanged, and writes the rest", async () => {
    const shown = (await client.listPlugins()).plugins.find((plugin) => plugin.id === "weather")!;
    const masked = shown.parameters.find((parameter) => parameter.key === "apiKey")!.currentValue as string;
    const result = await client.updatePlugin("weather", { config: { apiKey: masked, endpoint: "https://api.example.invalid" } });
    expect(result.ok).toBe(true);
    expect(configFile().plugins.entries.weather.config).toEqual({ apiKey: SECRET, units: "metric", endpoint: "https://api.example.invalid" });
    expect(result.requiresRestart).toBe(true);
    // a new secret replaces the old one
    await client.updatePlugin("weather", { config: { apiKey: "sk-new-secret-value" } });
    expect(configFile().plugins.entries.weather.config.apiKey).toBe("sk-new-secret-value");
    await client.updatePlugin("weather", { config: { apiKey: SECRET, endpoint: null } });
    expect(configFile().plugins.entries.weather.config).toEqual({ apiKey: SECRET, units: "metric" });
  });

  it("enabling/disabling records a pending restart and says so", async () => {
    const enabled = await client.updatePlugin("sleepy", { enabled: true });
    expect(enabled).toMatchObject({ ok: true, requiresRestart: true, plugin: { id: "sleepy", enabled: true, isActive: false } });
    expect(configFile().plugins.entries.sleepy.enabled).toBe(true);
    const list = await client.listPlugins();
    expect(list.pendingRestart.required).toBe(true);
    expect(list.pendingRestart.reasons).toContain("plugin sleepy enabled");
    // the same change again is not queued twice
    await client.updatePlugin("sleepy", { enabled: true });
    expect((await client.listPlugins()).pendingRestart.reasons.filter((reason) => reason === "plugin sleepy enabled")).toHaveLength(1);
    const restarted = await client.restartRuntime();
    expect(restarted.runtime.state).toBe("ready");
    const after = await client.listPlugins();
    expect(after.pendingRestart).toEqual({ required: false, reasons: [] });
    expect(after.plugins.find((plugin) => plugin.id === "sleepy")).toMatchObject({ enabled: true, isActive: true });
    const disabled = await client.updatePlugin("sleepy", { enabled: false });
    expect(disabled).toMatchObject({ requiresRestart: true, plugin: { enabled: false, isActive: true } });
  });

  it("400 for malformed JSON, a non-object body, an unknown field and a wrong type; 413 over 1 MiB", async () => {
    const bad = await client.request("PUT", "/api/plugins/weather", { rawBody: "{not json" });
    expect(bad.status).toBe(400);
    expect(ApiErrorSchema.parse(bad.body).error).toMatch(/Malformed JSON/);
    const array = await client.request("PUT", "/api/plugins/weather", { rawBody: "[1,2]" });
    expect(array.status).toBe(400);
    expect(ApiErrorSchema.parse(array.body).error).toMatch(/must be a JSON object/);
    const unknown = await client.request("PUT", "/api/plugins/weather", { body: { enabled: true, colour: "red" } });
    expect(unknown.status).toBe(400);
    expect(ApiErrorSchema.parse(unknown.body).error).toMatch(/unknown field\(s\) "colour"/);
    const wrongType = await client.request("PUT", "/api/plugins/weather", { body: { enabled: "yes" } });
    expect(wrongType.status).toBe(400);
    expect(ApiErrorSchema.parse(wrongType.body).error).toMatch(/enabled/);
    const huge = await client.request("PUT", "/api/plugins/weather", { rawBody: JSON.stringify({ config: { endpoint: "x".repeat(1_100_000) } }) });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ error: "Request body exceeds maximum size (1048576 bytes)" });
  });

  it("413 for an over-size chunked body without content-length", async () => {
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${gw.url}/api/plugins/weather`, { method: "PUT", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i += 1) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body)).toEqual({ error: "Request body exceeds maximum size (1048576 bytes)" });
  });
});

describe("POST /api/plugins/:id/test", () => {
  it("runs the plugin's own connectivity check", async () => {
    const result = await client.testPlugin("weather");
    expect(result).toMatchObject({ ok: true, result: { pluginId: "weather", check: "connectivity", hasConnectivityCheck: true, message: "API key accepted", details: { units: "metric" } } });
  });

  it("without a check: validates the config and says no check exists", async () => {
    const result = await client.testPlugin("notes");
    expect(result.ok).toBe(true);
    expect(result.result).toMatchObject({ check: "config", hasConnectivityCheck: false, validationErrors: [] });
    expect(result.result.message).toMatch(/registers no connectivity check.*config is valid/);
    const broken = await client.testPlugin("broken");
    expect(broken.result.check).toBe("config");
    expect(broken.result.message).toMatch(/not loaded.*boom at register/);
  });

  it("404 for an unknown plugin", async () => {
    await expectError(client.testPlugin("nope"), 404);
  });
});

describe("installed / ejected / eject / sync / reinject", () => {
  it("lists installed packages from the install records", async () => {
    const installed = await client.listInstalled();
    expect(installed.count).toBe(1);
    expect(installed.plugins[0]).toMatchObject({ name: "@acme/installed-demo", pluginId: "installed-demo", version: "1.0.0", installedAt: "2026-11-01T00:00:00.000Z", source: "npm" });
  });

  it("eject copies to a load path; sync checks the copy; reinject removes it", async () => {
    expect((await client.listEjected()).plugins).toEqual([]);
    const ejected = await client.eject("installed-demo");
    expect(ejected).toMatchObject({ ok: true, pluginName: "@acme/installed-demo", requiresRestart: true });
    const local = dir.resolve("plugins/ejected/installed-demo");
    expect(existsSync(`${local}/openclaw.plugin.json`)).toBe(true);
    expect(configFile().plugins.load.paths).toContain(local);
    expect((await client.listEjected()).plugins).toEqual([expect.objectContaining({ name: "@acme/installed-demo", pluginId: "installed-demo", localPath: local, upstreamVersion: "1.0.0" })]);
    const again = await expectError(client.eject("installed-demo"), 422);
    expect(ServiceFailureSchema.parse(again.body).error).toMatch(/already ejected/);
    const list = await client.listPlugins();
    // the copy on plugins.load.paths shadows the installed folder
    expect(list.plugins.find((plugin) => plugin.id === "installed-demo")?.origin).toBe("config");
    expect((await client.sync("installed-demo")).message).toMatch(/checked from the local copy/);
    const restored = await client.reinject("installed-demo");
    expect(restored).toMatchObject({ ok: true, requiresRestart: true, message: "@acme/installed-demo restored to registry version 1.0.0." });
    expect(existsSync(local)).toBe(false);
    expect(configFile().plugins.load.paths).not.toContain(local);
    expect((await client.listEjected()).plugins).toEqual([]);
  });

  it("422 { ok: false, error } when the plugin is not installed or not ejected", async () => {
    const notInstalled = await expectError(client.eject("notes"), 422);
    expect(ServiceFailureSchema.parse(notInstalled.body)).toEqual({ ok: false, error: expect.stringMatching(/not installed/) });
    const notEjected = await expectError(client.sync("installed-demo"), 422);
    expect(ServiceFailureSchema.parse(notEjected.body).error).toMatch(/not ejected/);
    await expectError(client.reinject("installed-demo"), 422);
    const traversal = await client.request("POST", `/api/plugins/${encodeURIComponent("../../etc")}/eject`);
    expect(traversal.status).toBe(422);
  });
});

describe("install / uninstall", () => {
  it("400 for a name outside npm's grammar, before anything runs", async () => {
    const error = await expectError(client.install({ name: "Bad Name!" }), 400);
    expect(ApiErrorSchema.parse(error.body).error).toMatch(/npm package name/);
    await expectError(client.install({ name: "../etc/passwd" }), 400);
  });

  it("a failing install answers 422 { ok: false, error } and its progress ends in failed", async () => {
    const error = await expectError(client.install({ name: "@acme/definitely-missing", version: "9.9.9", installId: "missing-1", autoRestart: false }), 422);
    expect(ServiceFailureSchema.parse(error.body).ok).toBe(false);
    const progress = await client.installProgress("missing-1");
    expect(progress.done).toBe(true);
    expect(progress.events[0]?.phase).toBe("queued");
    expect(progress.events.at(-1)?.phase).toBe("failed");
  });

  it("404 for unknown install progress and for uninstalling what is not installed", async () => {
    await expectError(client.installProgress("never-ran"), 404);
    await expectError(client.uninstall({ name: "not-installed" }), 404);
  });
});

describe("core plugins", () => {
  it("status and list come from gateway.corePlugins", async () => {
    expect(await client.coreStatus()).toEqual({ available: true, corePlugins: ["notes"], optionalCorePlugins: ["weather", "sleepy"] });
    const core = await client.listCorePlugins();
    expect(core.core).toEqual([{ name: "notes", loaded: true, required: true }]);
    expect(core.optionalCore).toEqual([
      { name: "weather", loaded: true, required: false, enabled: true },
      { name: "sleepy", loaded: true, required: false, enabled: false },
    ]);
  });

  it("toggle writes plugins.entries.<id>.enabled; 400 for a missing name, a required plugin or an unknown one", async () => {
    expect(await client.toggleCorePlugin({ name: "weather", enabled: false })).toEqual({ ok: true, requiresRestart: true });
    expect(configFile().plugins.entries.weather.enabled).toBe(false);
    expect(await client.toggleCorePlugin({ name: "weather", enabled: true })).toEqual({ ok: true, requiresRestart: true });
    const missing = await client.request("POST", "/api/plugins/core/toggle", { body: { enabled: true } });
    expect(missing.status).toBe(400);
    expect(ApiErrorSchema.parse(missing.body).error).toMatch(/name/);
    await expectError(client.toggleCorePlugin({ name: "notes", enabled: false }), 400);
    await expectError(client.toggleCorePlugin({ name: "unknown", enabled: true }), 400);
  });
});

describe("plugin registry catalog", () => {
  it("lists the catalog with installed/installedVersion/loaded/bundled joined", async () => {
    const { count, plugins } = await client.listRegistryPlugins();
    expect(count).toBe(64);
    expect(plugins.find((plugin) => plugin.name === "@acme/installed-demo")).toMatchObject({ installed: true, installedVersion: "1.0.0", loaded: true, bundled: false });
    expect(plugins.find((plugin) => plugin.name === "@acme/weather")).toMatchObject({ installed: false, installedVersion: null, loaded: false, npm: { package: "@acme/weather", version: "2.1.0" } });
    expect(existsSync(dir.resolve("cache/plugin-catalog.json"))).toBe(true);
  });

  it("gets one entry by URL-encoded scoped name (and unencoded), 404 otherwise", async () => {
    expect((await client.getRegistryPlugin("@acme/weather")).plugin).toMatchObject({ name: "@acme/weather", author: "Acme", repository: "https://github.com/acme/weather", tags: ["weather", "forecast"] });
    const raw = await client.request("GET", "/api/registry/plugins/%40acme%2Fweather");
    expect(raw.status).toBe(200);
    const unencoded = await client.request("GET", "/api/registry/plugins/@acme/weather");
    expect(unencoded.status).toBe(200);
    await expectError(client.getRegistryPlugin("@acme/nope"), 404);
  });

  it("ranks deterministically: exact name ≫ name contains ≫ description; popularity breaks ties", async () => {
    const { results, query } = await client.searchRegistry("weather");
    expect(query).toBe("weather");
    expect(results.slice(0, 2).map((result) => result.name)).toEqual(["@acme/weather", "weather"]);
    const forecast = results.findIndex((result) => result.name === "@other/forecast-pro");
    const bulk = results.findIndex((result) => result.name.startsWith("@bulk/"));
    expect(bulk).toBeGreaterThan(1);
    expect(forecast).toBeGreaterThan(bulk);
    expect(await client.searchRegistry("weather")).toEqual(await client.searchRegistry("weather"));
  });

  it("limit defaults to 15 and is clamped to 1..50; q is required", async () => {
    expect((await client.searchRegistry("bulk")).count).toBe(15);
    expect((await client.searchRegistry("bulk", { limit: 500 })).count).toBe(50);
    expect((await client.searchRegistry("bulk", { limit: 0 })).count).toBe(1);
    const empty = await client.request("GET", "/api/registry/search?q=");
    expect(empty.status).toBe(400);
    const none = await client.request("GET", "/api/registry/search");
    expect(none.status).toBe(400);
    const notNumber = await client.request("GET", "/api/registry/search?q=x&limit=ten");
    expect(notNumber.status).toBe(400);
  });

  it("refresh refetches; a failing source answers 502 and reads keep the last good copy", async () => {
    const refreshed = await client.refreshRegistry();
    expect(refreshed).toMatchObject({ ok: true, count: 64, source: "./catalog.json" });
    dir.write({ "catalog.json": "{ not json" });
    const failed = await expectError(client.refreshRegistry(), 502);
    expect(ApiErrorSchema.parse(failed.body).error).toMatch(/last good copy stays in use/);
    expect((await client.listRegistryPlugins()).count).toBe(64);
  });
});

describe("agent registry", () => {
  it("status is all empty; mutations answer 503; config returns the registry section with secrets masked", async () => {
    expect(await client.agentRegistryStatus()).toEqual({
      registered: false, configured: false, tokenId: 0, agentName: "", agentEndpoint: "", capabilitiesHash: "", isActive: false, tokenURI: "", walletAddress: "", totalAgents: 0,
    });
    for (const call of [client.registerAgent({ name: "x" }), client.updateAgentUri({ tokenURI: "https://x" }), client.syncAgent()]) {
      const error = await expectError(call, 503);
      expect(ApiErrorSchema.parse(error.body).error).toMatch(/No agent registry service is configured/);
    }
    const bad = await client.request("POST", "/api/registry/update-uri", { body: {} });
    expect(bad.status).toBe(400);
    expect(await client.agentRegistryConfig()).toEqual({ chainId: 1, explorerUrl: "https://etherscan.io", privateKey: "0xab...cdef" });
  });
});

describe("routing and events", () => {
  it("unknown routes answer 404 { error }", async () => {
    const response = await client.request("GET", "/api/nothing-here");
    expect(response.status).toBe(404);
    expect(ApiErrorSchema.parse(response.body).error).toMatch(/Not found/);
  });

  it("GET /api/events streams restart-pending", async () => {
    const controller = new AbortController();
    const response = await fetch(`${gw.url}/api/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    let text = "";
    const read = (async () => {
      while (!text.includes("event: restart-pending")) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await client.updatePlugin("notes", { config: { dir: "elsewhere" } });
    await read;
    controller.abort();
    expect(text).toContain("event: hello");
    expect(text).toContain("plugin notes config changed");
  });
});
