/**
 * npm installs and updates against a real registry (Verdaccio on loopback, plugins published with npm publish).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../testing/temp-dir.js";
import { makeTar, createMemoryIndex, writePlugin } from "../../test/support/plugin-fixtures.js";
import { startTestRegistry, type TestRegistry } from "../../test/support/verdaccio.js";
import { installPlugin, isInstallError, updatePlugin, type InstallerContext } from "./installer-api.js";
import { createArtifactHasher } from "./npm-registry.js";

let shared: TempDir;
let registry: TestRegistry;
let tmp: TempDir;
let index: ReturnType<typeof createMemoryIndex>;
let ctx: InstallerContext;

async function publish(id: string, version: string, options: { tag?: string; pluginApi?: string; packageName?: string; dependencies?: Record<string, string> } = {}) {
  const dir = writePlugin(shared.resolve(`pkgs/${id}-${version}`), { id, version, ...options });
  await registry.publish(dir, options.tag ? { tag: options.tag } : {});
}

beforeAll(async () => {
  shared = createTempDir("npm-install-");
  registry = await startTestRegistry(shared.resolve("registry"));
  // a plain dependency with an install script that must never run
  const lib = shared.resolve("pkgs/oc-lib");
  writeFileSync(join(shared.resolve("."), "marker-path"), "");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, "package.json"), JSON.stringify({ name: "oc-lib", version: "1.0.0", main: "index.js", scripts: { postinstall: `node -e "require('fs').writeFileSync('${shared.resolve("postinstall-ran")}', 'x')"` } }));
  writeFileSync(join(lib, "index.js"), "module.exports = 42;\n");
  await registry.publish(lib);
  await publish("oc-basic", "1.0.0");
  await publish("oc-basic", "1.1.0");
  await publish("oc-basic", "2.0.0-beta.1", { tag: "beta" });
  await publish("oc-pre", "1.0.0-rc.1", { tag: "latest" });
  await publish("oc-compat", "1.0.0", { pluginApi: ">=2026.1.0" });
  await publish("oc-compat", "2.0.0", { pluginApi: ">=2099.1.0" });
  await publish("oc-deps", "1.0.0", { dependencies: { "oc-lib": "1.0.0" } });
  await publish("scoped", "1.0.0", { packageName: "@oc/scoped" });
  await publish("oc-corrupt", "1.0.0");
  await publish("oc-drift", "1.0.0");
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  shared?.remove();
});

beforeEach(() => {
  tmp = createTempDir("npm-install-state-");
  index = createMemoryIndex();
  const stateDir = tmp.resolve("state");
  ctx = {
    paths: { stateDir, configPath: join(stateDir, "openclaw.json"), userExtensionsDir: join(stateDir, "extensions") },
    env: { ...registry.env, OPENCLAW_NIX_MODE: "" },
    openIndex: () => index,
    withLock: (_dir, fn) => fn(),
    hostVersion: "2026.11.0",
  };
  return () => tmp.remove();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isInstallError(error)) return error.failure;
    throw error;
  }
  throw new Error("expected the operation to fail");
}

describe("npm: specs", () => {
  it("installs the latest stable release and records spec, version, integrity and shasum", async () => {
    const events: Array<{ phase: string; status: string; bytes?: number }> = [];
    const result = await installPlugin({ spec: "npm:oc-basic" }, { ...ctx, onProgress: (e) => events.push(e) });
    const downloaded = events.filter((e) => e.phase === "download" && e.bytes !== undefined);
    expect(downloaded.length).toBeGreaterThan(0);
    expect(downloaded.at(-1)!.bytes).toBeGreaterThan(100);
    expect(events.map((e) => `${e.phase}:${e.status}`)).toEqual(expect.arrayContaining(["resolve:start", "download:start", "download:end", "extract:end", "validate:end", "commit:end"]));
    const doc = (await (await fetch(`${registry.url}oc-basic`)).json()) as { versions: Record<string, { dist: { integrity: string; shasum: string } }> };
    expect(result.record).toMatchObject({
      source: "npm",
      spec: "oc-basic",
      resolvedName: "oc-basic",
      resolvedVersion: "1.1.0",
      resolvedSpec: "oc-basic@1.1.0",
      integrity: doc.versions["1.1.0"]!.dist.integrity,
      shasum: doc.versions["1.1.0"]!.dist.shasum,
      pinned: false,
      installPath: join(ctx.paths.userExtensionsDir, "oc-basic"),
    });
  });

  it("--pin records name@version; an explicit tag installs a prerelease; a bare name works too", async () => {
    expect((await installPlugin({ spec: "oc-basic", pin: true }, ctx)).record).toMatchObject({ spec: "oc-basic@1.1.0", pinned: true });
    const beta = await installPlugin({ spec: "npm:oc-basic@beta", force: true }, ctx);
    expect(beta.record).toMatchObject({ spec: "oc-basic@beta", resolvedVersion: "2.0.0-beta.1", updateChannel: "beta" });
    expect((await installPlugin({ spec: "npm:@oc/scoped@1.0.0" }, ctx)).record).toMatchObject({ resolvedName: "@oc/scoped", pluginId: "scoped" });
  });

  it.each([
    ["npm:oc-basic@^1.0.0", "semver range"],
    ["git+https://example.invalid/x.git", "git spec"],
    ["npm:https://example.invalid/x.tgz", "URL"],
    ["npm:file:../x", "file spec"],
  ])("rejects %s (%s)", async (spec, what) => {
    const refused = await failure(installPlugin({ spec }, ctx));
    expect(refused.code).toBe("invalid-spec");
    expect(refused.message).toContain(what);
    expect(refused.fix).toMatch(/openclaw plugins install|download/);
  });

  it("refuses a bare spec whose latest is a prerelease, and installs it when asked exactly", async () => {
    const refused = await failure(installPlugin({ spec: "npm:oc-pre" }, ctx));
    expect(refused).toMatchObject({ code: "prerelease-refused" });
    expect(refused.fix).toContain("npm:oc-pre@1.0.0-rc.1");
    expect((await installPlugin({ spec: "npm:oc-pre@1.0.0-rc.1" }, ctx)).record.resolvedVersion).toBe("1.0.0-rc.1");
  });

  it("falls back to the newest compatible stable when latest needs a newer plugin API; an exact version stays strict", async () => {
    const result = await installPlugin({ spec: "npm:oc-compat" }, ctx);
    expect(result.record.resolvedVersion).toBe("1.0.0");
    expect(result.warnings.join(" ")).toContain("newer OpenClaw plugin API");
    const strict = await failure(installPlugin({ spec: "npm:oc-compat@2.0.0", force: true }, ctx));
    expect(strict.code).toBe("incompatible");
    expect(strict.message).toContain('openclaw.compat.pluginApi ">=2099.1.0"');
  });

  it("installs dependencies in the managed project with --ignore-scripts", async () => {
    const result = await installPlugin({ spec: "npm:oc-deps" }, ctx);
    expect(readFileSync(join(result.record.installPath, "node_modules", "oc-lib", "index.js"), "utf8")).toContain("42");
    expect(existsSync(shared.resolve("postinstall-ran"))).toBe(false);
  });

  it("a missing package or version is source-not-found", async () => {
    expect((await failure(installPlugin({ spec: "npm:oc-nope" }, ctx))).code).toBe("source-not-found");
    expect((await failure(installPlugin({ spec: "npm:oc-basic@9.9.9" }, ctx))).code).toBe("source-not-found");
  });
});

describe("npm: faults", () => {
  it("a corrupted tarball fails integrity and leaves nothing", async () => {
    const file = shared.resolve("registry/storage/oc-corrupt/oc-corrupt-1.0.0.tgz");
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const refused = await failure(installPlugin({ spec: "npm:oc-corrupt" }, ctx));
    expect(refused.code).toBe("integrity-mismatch");
    expect(refused.message).toMatch(/expected sha512-.*got sha512-/);
    expect(index.listRecords()).toEqual([]);
    expect(existsSync(join(ctx.paths.userExtensionsDir, "oc-corrupt"))).toBe(false);
  });
});

describe("update", () => {
  it("skips without downloading when the installed version and artifact match", async () => {
    await installPlugin({ spec: "npm:oc-basic" }, ctx);
    const before = registry.tarballRequests();
    const { outcomes } = await updatePlugin({ target: "oc-basic" }, ctx);
    expect(outcomes[0]).toMatchObject({ pluginId: "oc-basic", status: "skipped", downloaded: false, fromVersion: "1.1.0" });
    await new Promise((r) => setTimeout(r, 200));
    expect(registry.tarballRequests()).toBe(before);
  });

  it("reuses a pinned spec, and a new npm spec moves the record back to the default line", async () => {
    await installPlugin({ spec: "npm:oc-basic@1.0.0", pin: true }, ctx);
    const pinned = await updatePlugin({ target: "oc-basic" }, ctx);
    expect(pinned.outcomes[0]).toMatchObject({ status: "skipped" });
    const moved = await updatePlugin({ target: "oc-basic" /* by package name */ }, { ...ctx });
    expect(moved.outcomes[0]?.status).toBe("skipped");
    const unpinned = await updatePlugin({ target: "npm:oc-basic" }, ctx);
    expect(unpinned.outcomes[0]).toMatchObject({ status: "updated", fromVersion: "1.0.0", toVersion: "1.1.0" });
    expect(index.getRecord("oc-basic")).toMatchObject({ spec: "oc-basic", resolvedVersion: "1.1.0" });
  });

  it("integrity drift for the same version: fails closed without a confirmation, proceeds with one", async () => {
    await installPlugin({ spec: "npm:oc-drift" }, ctx);
    const recorded = index.getRecord("oc-drift")!.integrity!;
    // republish different bytes under the same version, straight into the registry's storage
    const dir = writePlugin(shared.resolve("pkgs/oc-drift-swap"), { id: "oc-drift", version: "1.0.0", files: { "extra.js": "// changed\n" } });
    const tgz = shared.resolve("registry/storage/oc-drift/oc-drift-1.0.0.tgz");
    await makeTar(dir, tgz, { gzip: true, prefix: "package" });
    const hasher = createArtifactHasher();
    hasher.update(readFileSync(tgz));
    const fresh = hasher.digest();
    const docFile = shared.resolve("registry/storage/oc-drift/package.json");
    const doc = JSON.parse(readFileSync(docFile, "utf8"));
    doc.versions["1.0.0"].dist.integrity = fresh.integrity;
    doc.versions["1.0.0"].dist.shasum = fresh.shasum;
    writeFileSync(docFile, JSON.stringify(doc));
    const refused = await failure(updatePlugin({ target: "oc-drift" }, ctx));
    expect(refused).toMatchObject({ code: "integrity-drift", details: { expected: recorded, actual: fresh.integrity } });
    expect(index.getRecord("oc-drift")?.integrity).toBe(recorded);
    const asked: string[] = [];
    const { outcomes } = await updatePlugin({ target: "oc-drift", onIntegrityDrift: (d) => (asked.push(`${d.expected} -> ${d.actual}`), true) }, ctx);
    expect(asked).toEqual([`${recorded} -> ${fresh.integrity}`]);
    expect(outcomes[0]).toMatchObject({ status: "updated", reason: "integrity drift confirmed" });
    expect(index.getRecord("oc-drift")?.integrity).toBe(fresh.integrity);
    expect(existsSync(join(ctx.paths.userExtensionsDir, "oc-drift", "extra.js"))).toBe(true);
  });

  it("--all reports each plugin; local sources are skipped with the command to use", async () => {
    await installPlugin({ spec: "npm:oc-basic@1.0.0" }, ctx);
    const local = writePlugin(tmp.resolve("src/local"), { id: "local" });
    await installPlugin({ spec: local }, ctx);
    const { outcomes } = await updatePlugin({ all: true }, ctx);
    expect(outcomes.map((o) => [o.pluginId, o.status])).toEqual([
      ["local", "skipped"],
      ["oc-basic", "skipped"],
    ]);
    expect(outcomes[0]?.reason).toContain("--force");
  });
});
