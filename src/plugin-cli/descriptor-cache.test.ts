import { utimesSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { cliCachePath, computeCliSourceHash, readCliCache, writeCliCache, type CliCacheFile } from "./descriptor-cache.js";

const dirs = createTempDirPool("openclaw-cli-cache-");
afterEach(() => dirs.removeAll());

function plugin() {
  const dir = dirs.create();
  dir.write({
    "openclaw.plugin.json": { id: "demo", configSchema: {} },
    "package.json": { name: "demo", version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    "index.js": "export default { id: 'demo', register() {} };\n",
  });
  return dir;
}

describe("computeCliSourceHash", () => {
  it("is stable for the same plugin and changes with the manifest, package.json, entry file, config, origin and CLI version", () => {
    const dir = plugin();
    const base = { rootDir: dir.path, hostVersion: "1.0.0", origin: "global", pluginConfig: { a: 1, b: 2 } };
    const first = computeCliSourceHash(base);
    expect(computeCliSourceHash({ ...base, pluginConfig: { b: 2, a: 1 } })).toBe(first);
    expect(computeCliSourceHash({ ...base, pluginConfig: { a: 2, b: 2 } })).not.toBe(first);
    expect(computeCliSourceHash({ ...base, origin: "config" })).not.toBe(first);
    expect(computeCliSourceHash({ ...base, hostVersion: "1.0.1" })).not.toBe(first);

    writeFileSync(dir.resolve("index.js"), "export default { id: 'demo', register(api) { api.registerCli(() => {}, { commands: ['x'] }); } };\n");
    const afterEntry = computeCliSourceHash(base);
    expect(afterEntry).not.toBe(first);
    utimesSync(dir.resolve("index.js"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(computeCliSourceHash(base)).not.toBe(afterEntry);

    const beforeManifest = computeCliSourceHash(base);
    dir.write({ "openclaw.plugin.json": { id: "demo", name: "Demo", configSchema: {} } });
    expect(computeCliSourceHash(base)).not.toBe(beforeManifest);
  });
});

describe("the cache file", () => {
  it("round-trips, and treats a missing, malformed or other-version file as empty; drops malformed entries", async () => {
    const state = dirs.create();
    const file = cliCachePath(state.path);
    expect(readCliCache(file)).toEqual({ version: 1, entries: {} });
    const cache: CliCacheFile = {
      version: 1,
      entries: {
        "/p/demo": {
          pluginId: "demo",
          sourceHash: "abc",
          capturedAt: "2026-11-30T00:00:00.000Z",
          registrations: [{ index: 0, parentPath: [], kind: "lazy", descriptors: [{ name: "demo", description: "Demo" }], commands: [] }],
        },
      },
    };
    await writeCliCache(file, cache);
    expect(readCliCache(file)).toEqual(cache);

    writeFileSync(file, JSON.stringify({ version: 1, entries: { ...cache.entries, "/p/bad": { pluginId: 3 } } }));
    expect(Object.keys(readCliCache(file).entries)).toEqual(["/p/demo"]);
    writeFileSync(file, "{ not json");
    expect(readCliCache(file).entries).toEqual({});
    writeFileSync(file, JSON.stringify({ version: 2, entries: cache.entries }));
    expect(readCliCache(file).entries).toEqual({});
  });
});
