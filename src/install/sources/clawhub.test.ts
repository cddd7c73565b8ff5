import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packFolder, startTestCatalog, type TestCatalog } from "../../../test/support/clawhub-catalog.js";
import { makeZip, writePlugin } from "../../../test/support/plugin-fixtures.js";
import { createTempDirPool, type TempDir } from "../../testing/temp-dir.js";
import { isInstallError, type InstallError, type InstallRequest, type SourceContext } from "../installer-api.js";
import { clawhubSource } from "./clawhub.js";
import { looseScriptSource } from "./loose-script.js";

const dirs = createTempDirPool("clawhub-source-");
let catalog: TestCatalog;
let v1: Buffer;
let v2: Buffer;

beforeAll(async () => {
  catalog = await startTestCatalog();
  const make = async (version: string): Promise<Buffer> => {
    const dir = dirs.create();
    dir.write({ "package.json": { name: "weather", version }, "openclaw.plugin.json": { id: "weather", version, configSchema: {} }, "index.js": "export default {};\n" });
    return packFolder(dir.path);
  };
  v1 = await make("1.0.0");
  v2 = await make("2.0.0-beta.1");
  catalog.put({
    name: "weather",
    family: "code-plugin",
    versions: [
      { version: "2.0.0-beta.1", kind: "clawpack", bytes: v2 },
      { version: "1.0.0", kind: "clawpack", bytes: v1 },
    ],
    tags: { latest: "1.0.0", beta: "2.0.0-beta.1" },
  });
  catalog.put({ name: "oldie", family: "code-plugin", versions: [{ version: "0.9.0", kind: "legacy", bytes: v1 }] });
  catalog.put({ name: "evil", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: v1, wrongHeaderDigest: true }] });
  catalog.put({ name: "a-skill", family: "skill", versions: [{ version: "1.0.0", kind: "clawpack", bytes: v1 }] });
});
afterAll(async () => {
  await catalog.close();
  dirs.removeAll();
});

function sctxFor(dir: TempDir, request: InstallRequest): SourceContext {
  const stagingDir = dir.resolve("staging");
  const scratchDir = dir.resolve("scratch");
  mkdirSync(stagingDir, { recursive: true });
  mkdirSync(scratchDir, { recursive: true });
  return { stagingDir, scratchDir, request, env: {}, hostVersion: "2026.11.0", npmCommand: "npm", gitCommand: "git", progress: () => {} };
}

async function failure(promise: Promise<unknown>): Promise<InstallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isInstallError(error)) throw new Error(`expected an InstallError, got ${String(error)}`);
  return error;
}

describe("clawhub: install source", () => {
  it("stages the latest release through the archive path and records ClawHub facts with the unversioned spec", async () => {
    const dir = dirs.create();
    const source = clawhubSource({ cwd: dir.path, baseUrl: catalog.url });
    expect(source.matches("clawhub:weather", { spec: "clawhub:weather" })).toBe(true);
    const staged = await source.stage("clawhub:weather", sctxFor(dir, { spec: "clawhub:weather" }));
    expect(JSON.parse(readFileSync(`${staged.pluginDir}/openclaw.plugin.json`, "utf8")).version).toBe("1.0.0");
    expect(staged.source).toBe("clawhub");
    expect(staged.record).toMatchObject({
      spec: "clawhub:weather",
      resolvedVersion: "1.0.0",
      resolvedSpec: "clawhub:weather@1.0.0",
      clawhubUrl: catalog.url,
      clawhubPackage: "weather",
      clawhubFamily: "code-plugin",
      clawhubChannel: "community",
      artifactKind: "npm-pack",
      artifactFormat: "tgz",
      npmTarballName: "weather-1.0.0.tgz",
    });
    expect(staged.record.clawpackSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(staged.record.npmIntegrity).toMatch(/^sha512-/);
    expect(staged.record.npmShasum).toMatch(/^[0-9a-f]{40}$/);
    expect(source.updateSpec?.({ pluginId: "weather", source: "clawhub", spec: "clawhub:weather", installPath: "/x", installedAt: "t" })).toBe("clawhub:weather");
  });

  it("keeps an explicit tag or version as the spec, and checkUpdate follows the selector", async () => {
    const dir = dirs.create();
    const source = clawhubSource({ cwd: dir.path, baseUrl: catalog.url });
    const beta = await source.stage("clawhub:weather@beta", sctxFor(dir, { spec: "clawhub:weather@beta" }));
    expect(beta.record).toMatchObject({ spec: "clawhub:weather@beta", resolvedVersion: "2.0.0-beta.1" });
    const record = { pluginId: "weather", source: "clawhub" as const, installPath: "/x", installedAt: "t", resolvedVersion: "1.0.0" };
    expect(await source.checkUpdate!(record, "clawhub:weather", sctxFor(dirs.create(), { spec: "" }))).toMatchObject({ upToDate: true, targetVersion: "1.0.0" });
    expect(await source.checkUpdate!(record, "clawhub:weather@beta", sctxFor(dirs.create(), { spec: "" }))).toMatchObject({ upToDate: false, targetVersion: "2.0.0-beta.1" });
    const exact = await source.stage("clawhub:weather@1.0.0", sctxFor(dirs.create(), { spec: "clawhub:weather@1.0.0" }));
    expect(exact.record.spec).toBe("clawhub:weather@1.0.0");
  });

  it("installs a legacy version (no ClawPack metadata) through the legacy archive check", async () => {
    const dir = dirs.create();
    const staged = await clawhubSource({ cwd: dir.path, baseUrl: catalog.url }).stage("clawhub:oldie", sctxFor(dir, { spec: "clawhub:oldie" }));
    expect(staged.record).toMatchObject({ artifactKind: "legacy-archive", resolvedVersion: "0.9.0" });
    expect(staged.record.clawpackSha256).toBeUndefined();
    expect(staged.warnings?.join(" ")).toContain("legacy archive check");
  });

  it("installs a legacy zip archive (verified by sha256hash) and refuses one whose hash differs", async () => {
    const dir = dirs.create();
    const zip = readFileSync(await makeZip(writePlugin(dir.resolve("zsrc"), { id: "zippy", version: "0.5.0" }), dir.resolve("zippy.zip")));
    catalog.put({ name: "zippy", family: "code-plugin", versions: [{ version: "0.5.0", kind: "legacy", bytes: zip }] });
    catalog.put({ name: "zippy-bad", family: "code-plugin", versions: [{ version: "0.5.0", kind: "legacy", bytes: zip, wrongDeclaredDigest: true }] });
    const source = clawhubSource({ cwd: dir.path, baseUrl: catalog.url });
    const staged = await source.stage("clawhub:zippy", sctxFor(dir, { spec: "clawhub:zippy" }));
    expect(staged.record).toMatchObject({ artifactKind: "legacy-archive", artifactFormat: "zip", npmTarballName: "zippy-0.5.0.zip", resolvedVersion: "0.5.0" });
    expect(JSON.parse(readFileSync(`${staged.pluginDir}/openclaw.plugin.json`, "utf8")).id).toBe("zippy");
    const other = dirs.create();
    const sctx = sctxFor(other, { spec: "clawhub:zippy-bad" });
    const error = await failure(source.stage("clawhub:zippy-bad", sctx));
    expect(error.failure.code).toBe("integrity-mismatch");
    expect(error.message).toContain("declares sha256hash");
    expect(readdirSync(sctx.stagingDir)).toEqual([]);
  });

  it("fails closed on a digest mismatch and leaves staging and scratch empty", async () => {
    const dir = dirs.create();
    const sctx = sctxFor(dir, { spec: "clawhub:evil" });
    const error = await failure(clawhubSource({ cwd: dir.path, baseUrl: catalog.url }).stage("clawhub:evil", sctx));
    expect(error.failure).toMatchObject({ code: "integrity-mismatch", source: "clawhub:evil" });
    expect(error.message).toContain("X-ClawHub-Artifact-Sha256 declares");
    expect(readdirSync(sctx.stagingDir)).toEqual([]);
    expect(readdirSync(sctx.scratchDir)).toEqual([]);
  });

  it("refuses skills, unknown tags, --pin, and names the catalog when it answers garbage or hangs", async () => {
    const dir = dirs.create();
    const source = clawhubSource({ cwd: dir.path, baseUrl: catalog.url, timeoutMs: 300 });
    const skill = await failure(source.stage("clawhub:a-skill", sctxFor(dir, { spec: "clawhub:a-skill" })));
    expect(skill.failure).toMatchObject({ code: "invalid-spec", fix: "openclaw skills install a-skill" });
    const tag = await failure(source.stage("clawhub:weather@nightly", sctxFor(dir, { spec: "x" })));
    expect(tag.message).toContain('has no "nightly" tag');
    const pin = await failure(source.stage("clawhub:weather", sctxFor(dir, { spec: "x", pin: true })));
    expect(pin.failure.code).toBe("option-conflict");
    catalog.mode = "garbage";
    try {
      const garbage = await failure(source.stage("clawhub:weather", sctxFor(dir, { spec: "x" })));
      expect(garbage.failure.code).toBe("download-failed");
      expect(garbage.message).toContain(`ClawHub catalog ${catalog.url}`);
      catalog.mode = "hang";
      const hung = await failure(source.stage("clawhub:weather", sctxFor(dir, { spec: "x" })));
      expect(hung.message).toContain("did not answer");
    } finally {
      catalog.mode = "normal";
    }
    expect(existsSync(dir.resolve("staging/plugin"))).toBe(false);
  });
});

describe("loose script files", () => {
  it("are refused with the instruction to list them in plugins.load.paths", async () => {
    const dir = dirs.create();
    dir.write({ "helper.mjs": "export default {}" });
    const source = looseScriptSource(dir.path);
    for (const spec of ["./helper.js", "./helper.mjs", "./x.cjs", "/abs/x.ts"]) expect(source.matches(spec, { spec })).toBe(true);
    expect(source.matches("./folder", { spec: "./folder" })).toBe(false);
    expect(source.matches("lodash.js", { spec: "lodash.js" })).toBe(false);
    const error = await failure(source.stage("./helper.mjs", sctxFor(dir, { spec: "./helper.mjs" })));
    expect(error.failure.code).toBe("invalid-spec");
    expect(error.message).toContain(`${dir.resolve("helper.mjs")} is a loose script file`);
    expect(error.failure.fix).toContain("plugins.load.paths");
  });
});
