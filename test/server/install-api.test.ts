/**
 * Install, uninstall, eject/sync/reinject over HTTP against a real npm registry (Verdaccio on loopback, from
 * test/support): the built `openclaw gateway run` on Node 24 installs through the installer (state lock, staging,
 * index), progress is observable on the progress endpoint and the event stream, and `autoRestart` loads the plugin.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt } from "../hostile/isolated.js";
import { startTestRegistry, type TestRegistry } from "../support/verdaccio.js";
import { writePlugin as writePackage } from "../support/plugin-fixtures.js";
import { InstallProgressResponseSchema, ServiceFailureSchema } from "../../src/server/schemas.js";
import { ManagementApiError } from "../../src/plugin-sdk/management-client.js";
import { runtimeReady, startGatewayProcess, type GatewayProcess } from "./gateway-process.js";

let dir: TempDir;
let registry: TestRegistry;
let gw: GatewayProcess;

beforeAll(async () => {
  ensureBuilt();
  dir = createTempDir("openclaw-api-install-");
  registry = await startTestRegistry(dir.resolve("registry"));
  for (const [id, name, version] of [
    ["weather-api", "@acme/weather-api", "1.0.0"],
    ["weather-api", "@acme/weather-api", "1.1.0"],
    ["notes-api", "@acme/notes-api", "2.0.0"],
    ["clock-api", "clock-api", "0.1.0"],
    ["blocked-api", "blocked-api", "1.0.0"],
  ] as const) {
    await registry.publish(writePackage(dir.resolve(`src/${id}-${version}`), { id, version, packageName: name }));
  }
  // an enabled plugin whose before_install hook refuses one package (runs in the runtime child, as for the CLI)
  writePackage(dir.resolve("state/extensions/guard"), {
    id: "guard",
    files: {
      "index.js": `export default { id: "guard", register(api) {
  api.on("before_install", (event) => event.targetName === "blocked-api" ? { block: true, blockReason: "not on the reviewed list" } : undefined);
} };\n`,
    },
  });
  dir.write({
    "state/openclaw.json": { gateway: { pluginCatalog: { source: "../catalog.json" } } },
    "catalog.json": { plugins: [{ name: "@acme/weather-api", displayName: "Weather API", description: "Weather", npm: { package: "@acme/weather-api", version: "1.1.0" }, tags: ["weather"] }] },
  });
  const env = Object.fromEntries(Object.entries(registry.env).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  gw = await startGatewayProcess({ ...env, OPENCLAW_STATE_DIR: dir.resolve("state") });
  await runtimeReady(gw.client);
}, 240_000);

afterAll(async () => {
  await gw?.stop();
  await registry?.stop();
  dir?.remove();
});

describe("POST /api/plugins/install", () => {
  it("installs from the registry with progress on the progress endpoint and the event stream, then restarts so it loads", async () => {
    const controller = new AbortController();
    const events = await fetch(`${gw.url}/api/events`, { signal: controller.signal });
    const reader = events.body!.getReader();
    let stream = "";
    const reading = (async () => {
      while (!stream.includes('"phase":"complete"')) {
        const { value, done } = await reader.read();
        if (done) break;
        stream += new TextDecoder().decode(value);
      }
    })();
    const result = await gw.client.install({ name: "@acme/weather-api", installId: "weather-1" });
    expect(result).toEqual({ ok: true, installId: "weather-1", pluginId: "weather-api", version: "1.1.0", requiresRestart: false, restarted: true });
    await reading;
    controller.abort();
    expect(stream).toContain("event: install-progress");
    const progress = InstallProgressResponseSchema.parse(await gw.client.installProgress("weather-1"));
    expect(progress.done).toBe(true);
    const phases = progress.events.map((event) => event.phase);
    expect(phases[0]).toBe("queued");
    expect(phases).toEqual(expect.arrayContaining(["resolving", "downloading", "validating", "configuring", "restarting"]));
    expect(phases.at(-1)).toBe("complete");
    const plugin = (await gw.client.listPlugins()).plugins.find((entry) => entry.id === "weather-api");
    expect(plugin).toMatchObject({ enabled: true, isActive: true, installSource: "npm", version: "1.1.0" });
    expect(existsSync(join(dir.resolve("state"), "extensions", "weather-api", "openclaw.plugin.json"))).toBe(true);
  }, 120_000);

  it("lists the install in installed and joins it into the catalog", async () => {
    const installed = await gw.client.listInstalled();
    expect(installed.plugins).toEqual([expect.objectContaining({ name: "@acme/weather-api", pluginId: "weather-api", version: "1.1.0", source: "npm" })]);
    expect((await gw.client.getRegistryPlugin("@acme/weather-api")).plugin).toMatchObject({ installed: true, installedVersion: "1.1.0", loaded: true });
    expect((await gw.client.searchRegistry("weather")).results[0]).toMatchObject({ name: "@acme/weather-api", installed: true });
  });

  it("autoRestart: false installs a pinned version and records a pending restart; concurrent installs are serialised", async () => {
    const [notes, clock] = await Promise.all([
      gw.client.install({ name: "@acme/notes-api", version: "2.0.0", autoRestart: false }),
      gw.client.install({ name: "clock-api", autoRestart: false }),
    ]);
    expect(notes).toMatchObject({ pluginId: "notes-api", version: "2.0.0", requiresRestart: true, restarted: false });
    expect(clock).toMatchObject({ pluginId: "clock-api", requiresRestart: true });
    const list = await gw.client.listPlugins();
    expect(list.pendingRestart.reasons).toEqual(expect.arrayContaining(["plugin notes-api installed", "plugin clock-api installed"]));
    expect(list.plugins.find((entry) => entry.id === "notes-api")).toMatchObject({ enabled: true, isActive: false });
    expect((await gw.client.listInstalled()).count).toBe(3);
  }, 120_000);

  it("a version the registry does not have answers 422 { ok: false, error } naming it; nothing is recorded", async () => {
    const error = (await gw.client.install({ name: "@acme/weather-api", version: "9.9.9", autoRestart: false }).catch((caught: unknown) => caught)) as ManagementApiError;
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error.status).toBe(422);
    expect(ServiceFailureSchema.parse(error.body).error).toMatch(/9\.9\.9/);
    expect((await gw.client.listInstalled()).count).toBe(3);
  }, 60_000);
});

describe("before_install hooks", () => {
  it("an enabled plugin's before_install hook blocks an API install: 422 naming the hook's reason, nothing installed", async () => {
    const error = (await gw.client.install({ name: "blocked-api", autoRestart: false }).catch((caught: unknown) => caught)) as ManagementApiError;
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error.status).toBe(422);
    expect(ServiceFailureSchema.parse(error.body).error).toMatch(/not on the reviewed list.*\[hook-blocked\]/);
    expect(existsSync(join(dir.resolve("state"), "extensions", "blocked-api"))).toBe(false);
  }, 60_000);
});

describe("eject / sync / reinject of an installed plugin", () => {
  it("ejects to <state>/plugins/ejected, loads the copy after a restart, and reinject restores the installed version", async () => {
    const ejected = await gw.client.eject("weather-api");
    expect(ejected).toMatchObject({ ok: true, pluginName: "@acme/weather-api", requiresRestart: true });
    const local = join(dir.resolve("state"), "plugins", "ejected", "weather-api");
    expect(JSON.parse(readFileSync(join(local, "package.json"), "utf8")).version).toBe("1.1.0");
    await gw.client.restartRuntime();
    const plugin = (await gw.client.listPlugins()).plugins.find((entry) => entry.id === "weather-api");
    expect(plugin).toMatchObject({ origin: "config", isActive: true });
    expect((await gw.client.sync("weather-api")).ok).toBe(true);
    const restored = await gw.client.reinject("weather-api");
    expect(restored.message).toBe("@acme/weather-api restored to registry version 1.1.0.");
    expect(existsSync(local)).toBe(false);
    await gw.client.restartRuntime();
    expect((await gw.client.listPlugins()).plugins.find((entry) => entry.id === "weather-api")).toMatchObject({ origin: "global", isActive: true });
  }, 60_000);
});

describe("POST /api/plugins/uninstall", () => {
  it("uninstalls by package name, restarts, and the plugin is gone", async () => {
    expect(await gw.client.uninstall({ name: "@acme/notes-api" })).toEqual({ ok: true, pluginId: "notes-api", requiresRestart: false });
    expect((await gw.client.listInstalled()).plugins.map((entry) => entry.pluginId)).toEqual(["clock-api", "weather-api"]);
    expect((await gw.client.listPlugins()).plugins.map((entry) => entry.id)).not.toContain("notes-api");
    expect(existsSync(join(dir.resolve("state"), "extensions", "notes-api"))).toBe(false);
  }, 60_000);
});
