import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import type { PluginInstallRecord } from "./install-record.js";
import { buildPersistedRegistry, checkPersistedRegistry, hostContractVersion, pluginSourceHash } from "./plugin-registry.js";

const dirs = createTempDirPool("openclaw-registry-");
afterEach(() => dirs.removeAll());
const record = (pluginId: string, installPath: string): PluginInstallRecord => ({ pluginId, source: "path", installPath, installedAt: "2026-11-30T00:00:00.000Z" });

describe("persisted registry", () => {
  it("keeps an entry for every record: native, bundle, missing folder, broken manifest, id mismatch", async () => {
    const dir = dirs.create();
    dir.write({
      "native/openclaw.plugin.json": { id: "native", name: "Native", version: "1.2.3", channels: ["chat"], configSchema: {} },
      "native/package.json": { name: "native" },
      "bundle/.claude-plugin/plugin.json": { name: "claude-thing", version: "0.1.0" },
      "broken/openclaw.plugin.json": "{ id: ",
      "other/openclaw.plugin.json": { id: "not-other", configSchema: {} },
      "empty/package.json": { name: "empty" },
    });
    const records = ["native", "bundle", "broken", "other", "empty", "gone"].map((id) => record(id, dir.resolve(id)));
    const registry = await buildPersistedRegistry(records, hostContractVersion("1.0.0"), new Date("2026-11-30T00:00:00.000Z"));
    expect(registry.builtAt).toBe("2026-11-30T00:00:00.000Z");
    expect(registry.hostContractVersion).toBe("openclaw@1.0.0+registry.1");
    const byId = Object.fromEntries(registry.plugins.map((entry) => [entry.pluginId, entry]));
    expect(registry.plugins.map((entry) => entry.pluginId)).toEqual(["broken", "bundle", "empty", "gone", "native", "other"]);
    expect(byId.native).toMatchObject({ format: "openclaw", manifest: { id: "native", name: "Native", version: "1.2.3", channels: ["chat"] } });
    expect(byId.native!.manifestError).toBeUndefined();
    expect(byId.bundle).toMatchObject({ format: "bundle", bundleKind: "claude", manifest: { name: "claude-thing", version: "0.1.0" } });
    expect(byId.broken!.manifestError).toMatch(/JSON5|line/);
    expect(byId.other!.manifestError).toBe('manifest id "not-other" differs from the installed id "other"');
    expect(byId.empty!.manifestError).toMatch(/^no openclaw\.plugin\.json in /);
    expect(byId.gone!.manifestError).toMatch(/^plugin folder .* is missing$/);
    expect(checkPersistedRegistry(registry, records, hostContractVersion("1.0.0"))).toMatchObject({ status: "current", reasons: [] });
  });

  it("is missing without a registry, and stale on another host version, a changed file, an added or a removed record", async () => {
    const dir = dirs.create();
    dir.write({ "a/openclaw.plugin.json": { id: "a", configSchema: {} }, "b/openclaw.plugin.json": { id: "b", configSchema: {} } });
    const a = record("a", dir.resolve("a"));
    const b = record("b", dir.resolve("b"));
    const contract = hostContractVersion("1.0.0");
    expect(checkPersistedRegistry(undefined, [a], contract)).toEqual({ status: "missing", reasons: ["no persisted registry yet"], plugins: [{ pluginId: "a", state: "added" }] });
    const registry = await buildPersistedRegistry([a], contract);
    expect(checkPersistedRegistry(registry, [a], hostContractVersion("2.0.0")).reasons).toEqual(["built against openclaw@1.0.0+registry.1, this host is openclaw@2.0.0+registry.1"]);
    expect(checkPersistedRegistry(registry, [a, b], contract)).toMatchObject({ status: "stale", reasons: ["installed since the last build: b"] });
    expect(checkPersistedRegistry(registry, [], contract)).toMatchObject({ status: "stale", plugins: [{ pluginId: "a", state: "removed" }] });
    const before = pluginSourceHash(dir.resolve("a"));
    writeFileSync(dir.resolve("a/package.json"), "{}");
    expect(pluginSourceHash(dir.resolve("a"))).not.toBe(before);
    expect(checkPersistedRegistry(registry, [a], contract)).toMatchObject({ status: "stale", reasons: ["manifest or package.json changed: a"], plugins: [{ pluginId: "a", state: "changed" }] });
  });
});
