/**
 * The beta update channel through the real updater: ClawHub records against a loopback catalog, npm records against
 * a Verdaccio registry (test/support/verdaccio.ts) with `latest` and `beta` dist-tags.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryIndex, writePlugin } from "../../test/support/plugin-fixtures.js";
import { packFolder, startTestCatalog, type TestCatalog } from "../../test/support/clawhub-catalog.js";
import { startTestRegistry, type TestRegistry } from "../../test/support/verdaccio.js";
import { createTempDir, type TempDir } from "../testing/temp-dir.js";
import { installPlugin, updatePlugin, type InstallerContext } from "./installer-api.js";
import { betaSpecFor, fallsBackFromBeta } from "./beta-channel.js";

describe("betaSpecFor", () => {
  it("moves only default-line npm and ClawHub specs to @beta", () => {
    expect(betaSpecFor({ source: "npm" }, "@acme/weather")).toBe("@acme/weather@beta");
    expect(betaSpecFor({ source: "npm" }, "npm:demo@latest")).toBe("demo@beta");
    expect(betaSpecFor({ source: "npm" }, "demo@1.2.0")).toBeUndefined();
    expect(betaSpecFor({ source: "npm" }, "demo@rc")).toBeUndefined();
    expect(betaSpecFor({ source: "npm", pinned: true }, "demo")).toBeUndefined();
    expect(betaSpecFor({ source: "clawhub" }, "clawhub:weather")).toBe("clawhub:weather@beta");
    expect(betaSpecFor({ source: "clawhub" }, "clawhub:weather@latest")).toBe("clawhub:weather@beta");
    expect(betaSpecFor({ source: "clawhub" }, "clawhub:weather@1.0.0")).toBeUndefined();
    expect(betaSpecFor({ source: "git" }, "git:acme/x")).toBeUndefined();
    expect(fallsBackFromBeta("npm", "manifest-invalid")).toBe(true);
    expect(fallsBackFromBeta("clawhub", "manifest-invalid")).toBe(false);
    expect(fallsBackFromBeta("clawhub", "source-not-found")).toBe(true);
  });
});

function context(tmp: TempDir, env: NodeJS.ProcessEnv): InstallerContext & { index: ReturnType<typeof createMemoryIndex> } {
  const index = createMemoryIndex();
  const stateDir = tmp.resolve("state");
  return {
    index,
    paths: { stateDir, configPath: join(stateDir, "openclaw.json"), userExtensionsDir: join(stateDir, "extensions") },
    env: { ...process.env, OPENCLAW_NIX_MODE: "", OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: join(stateDir, "openclaw.json"), ...env },
    openIndex: () => index,
    withLock: (_dir, fn) => fn(),
    hostVersion: "2026.11.0",
  };
}

describe("beta channel with ClawHub records", () => {
  let catalog: TestCatalog;
  let tmp: TempDir;
  const pack = async (id: string, version: string): Promise<Buffer> => {
    const dir = createTempDir("beta-pack-");
    try {
      writePlugin(dir.path, { id, version });
      return await packFolder(dir.path);
    } finally {
      dir.remove();
    }
  };
  beforeAll(async () => {
    catalog = await startTestCatalog();
    tmp = createTempDir("beta-clawhub-");
  });
  afterAll(async () => {
    await catalog.close();
    tmp.remove();
  });

  it("updates an unversioned record to @beta, keeps the spec, falls back with a warning when there is no beta, leaves exact versions", async () => {
    const ctx = context(tmp, { OPENCLAW_CLAWHUB_URL: catalog.url });
    catalog.put({ name: "hubby", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: await pack("hubby", "1.0.0") }] });
    catalog.put({ name: "plain", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: await pack("plain", "1.0.0") }] });
    catalog.put({ name: "fixed", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: await pack("fixed", "1.0.0") }] });
    await installPlugin({ spec: "clawhub:hubby" }, ctx);
    await installPlugin({ spec: "clawhub:plain" }, ctx);
    await installPlugin({ spec: "clawhub:fixed@1.0.0" }, ctx);

    catalog.put({
      name: "hubby",
      family: "code-plugin",
      versions: [
        { version: "1.0.0", kind: "clawpack", bytes: await pack("hubby", "1.0.0") },
        { version: "1.1.0-beta.1", kind: "clawpack", bytes: await pack("hubby", "1.1.0-beta.1") },
      ],
      tags: { latest: "1.0.0", beta: "1.1.0-beta.1" },
    });
    catalog.put({
      name: "plain",
      family: "code-plugin",
      versions: [
        { version: "1.0.0", kind: "clawpack", bytes: await pack("plain", "1.0.0") },
        { version: "1.2.0", kind: "clawpack", bytes: await pack("plain", "1.2.0") },
      ],
    });
    catalog.put({
      name: "fixed",
      family: "code-plugin",
      versions: [
        { version: "1.0.0", kind: "clawpack", bytes: await pack("fixed", "1.0.0") },
        { version: "2.0.0-beta.1", kind: "clawpack", bytes: await pack("fixed", "2.0.0-beta.1") },
      ],
      tags: { latest: "1.0.0", beta: "2.0.0-beta.1" },
    });

    const { outcomes } = await updatePlugin({ all: true, channel: "beta" }, ctx);
    const byId = Object.fromEntries(outcomes.map((o) => [o.pluginId, o]));
    expect(byId.hubby).toMatchObject({ status: "updated", toVersion: "1.1.0-beta.1" });
    expect(byId.hubby!.warnings).toBeUndefined();
    expect(ctx.index.getRecord("hubby")).toMatchObject({ spec: "clawhub:hubby", resolvedVersion: "1.1.0-beta.1", updateChannel: "beta" });
    expect(byId.plain).toMatchObject({ status: "updated", toVersion: "1.2.0" });
    expect(byId.plain!.warnings?.[0]).toMatch(/plain: clawhub:plain@beta was not used \(.*has no "beta" tag.*\); fell back to clawhub:plain\./);
    expect(byId.fixed).toMatchObject({ status: "skipped" });
    expect(ctx.index.getRecord("fixed")).toMatchObject({ spec: "clawhub:fixed@1.0.0", resolvedVersion: "1.0.0" });
  });
});

describe("beta channel with npm records (Verdaccio)", () => {
  let registry: TestRegistry;
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = createTempDir("beta-npm-");
    registry = await startTestRegistry(tmp.resolve("registry"));
  }, 120_000);
  afterAll(async () => {
    await registry?.stop();
    tmp.remove();
  });

  it("tries @beta first, falls back when there is no beta or the beta fails validation, keeps exact versions", async () => {
    const publish = async (id: string, version: string, tag: string, options: { noManifest?: boolean } = {}): Promise<void> => {
      const dir = writePlugin(tmp.resolve(`pkgs/${id}-${version}`), { id, version, ...options });
      await registry.publish(dir, { tag });
    };
    await publish("npm-beta", "1.0.0", "latest");
    await publish("npm-plain", "1.0.0", "latest");
    await publish("npm-broken", "1.0.0", "latest");
    await publish("npm-exact", "1.0.0", "latest");
    const ctx = context(tmp, registry.env);
    for (const spec of ["npm-beta", "npm-plain", "npm-broken", "npm-exact@1.0.0"]) await installPlugin({ spec }, ctx);

    await publish("npm-beta", "1.1.0-beta.1", "beta");
    await publish("npm-plain", "1.0.1", "latest");
    await publish("npm-broken", "1.1.0-beta.1", "beta", { noManifest: true });
    await publish("npm-broken", "1.0.2", "latest");
    await publish("npm-exact", "2.0.0-beta.1", "beta");

    const { outcomes } = await updatePlugin({ all: true, channel: "beta" }, ctx);
    const byId = Object.fromEntries(outcomes.map((o) => [o.pluginId, o]));
    expect(byId["npm-beta"]).toMatchObject({ status: "updated", toVersion: "1.1.0-beta.1" });
    expect(ctx.index.getRecord("npm-beta")).toMatchObject({ spec: "npm-beta", resolvedVersion: "1.1.0-beta.1", updateChannel: "beta" });
    expect(byId["npm-plain"]).toMatchObject({ status: "updated", toVersion: "1.0.1" });
    expect(byId["npm-plain"]!.warnings?.[0]).toContain('npm-plain has no dist-tag "beta"');
    expect(byId["npm-broken"]).toMatchObject({ status: "updated", toVersion: "1.0.2" });
    expect(byId["npm-broken"]!.warnings?.[0]).toMatch(/npm-broken: npm-broken@beta was not used \(No openclaw\.plugin\.json.*\); fell back to npm-broken\./);
    expect(byId["npm-exact"]).toMatchObject({ status: "skipped" });
    expect(ctx.index.getRecord("npm-exact")).toMatchObject({ resolvedVersion: "1.0.0" });
  }, 180_000);
});
