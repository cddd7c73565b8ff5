/**
 * The wt-bundles sources through the real installer (journaled commit, in-memory index): bundles from a folder,
 * clawhub: from a loopback catalog, marketplace entries, and the loose-script refusal.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryIndex } from "../../test/support/plugin-fixtures.js";
import { packFolder, startTestCatalog, type TestCatalog } from "../../test/support/clawhub-catalog.js";
import { createTempDir, type TempDir } from "../testing/temp-dir.js";
import { installPlugin, isInstallError, type InstallerContext, type InstallFailure } from "./installer-api.js";
import { sourceFolderName } from "./validate-bundle.js";

let tmp: TempDir;
let index: ReturnType<typeof createMemoryIndex>;
let ctx: InstallerContext;
let catalog: TestCatalog;

beforeAll(async () => {
  catalog = await startTestCatalog();
  const pkgDir = createTempDir("bundle-sources-pkg-");
  pkgDir.write({ ".claude-plugin/plugin.json": { name: "hub-bundle", version: "3.1.0" }, "commands/hello.md": "# hello" });
  const bytes = await packFolder(pkgDir.path);
  pkgDir.remove();
  catalog.put({ name: "hub-bundle", family: "bundle-plugin", versions: [{ version: "3.1.0", kind: "clawpack", bytes }] });
  catalog.put({ name: "hub-evil", family: "bundle-plugin", versions: [{ version: "3.1.0", kind: "clawpack", bytes, wrongHeaderDigest: true }] });
});
afterAll(() => catalog.close());

beforeEach(() => {
  tmp = createTempDir("bundle-sources-");
  index = createMemoryIndex();
  const stateDir = tmp.resolve("state");
  ctx = {
    paths: { stateDir, configPath: join(stateDir, "openclaw.json"), userExtensionsDir: join(stateDir, "extensions") },
    env: { ...process.env, OPENCLAW_NIX_MODE: "", HOME: tmp.resolve("home"), OPENCLAW_CLAWHUB_URL: catalog.url, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: join(stateDir, "openclaw.json") },
    openIndex: () => index,
    withLock: (_dir, fn) => fn(),
    hostVersion: "2026.11.0",
  };
});
afterEach(() => tmp.remove());

async function failure(promise: Promise<unknown>): Promise<InstallFailure> {
  try {
    await promise;
  } catch (error) {
    if (isInstallError(error)) return error.failure;
    throw error;
  }
  throw new Error("expected the install to fail");
}

function extensions(): string[] {
  return existsSync(ctx.paths.userExtensionsDir) ? readdirSync(ctx.paths.userExtensionsDir).filter((n) => !n.startsWith(".")) : [];
}

describe("bundles and hub sources through installPlugin", () => {
  it("installs a Codex bundle folder into the normal plugin root under its manifest id", async () => {
    tmp.write({ "src/codexy/.codex-plugin/plugin.json": { name: "Codexy", version: "0.4.0" }, "src/codexy/skills/plan/SKILL.md": "plan" });
    const result = await installPlugin({ spec: tmp.resolve("src/codexy") }, ctx);
    expect(result.pluginId).toBe("codexy");
    expect(result.record).toMatchObject({ source: "path", installPath: join(ctx.paths.userExtensionsDir, "codexy"), version: "0.4.0" });
    expect(existsSync(join(ctx.paths.userExtensionsDir, "codexy/.codex-plugin/plugin.json"))).toBe(true);
  });

  it("refuses a bundle whose manifest is not JSON, naming the file, and writes nothing", async () => {
    tmp.write({ "src/bad/.cursor-plugin/plugin.json": "{ nope" });
    const error = await failure(installPlugin({ spec: tmp.resolve("src/bad") }, ctx));
    expect(error.code).toBe("manifest-invalid");
    expect(error.message).toContain(`${tmp.resolve("src/bad")}`);
    expect(error.message).toContain(".cursor-plugin/plugin.json is not valid JSON");
    expect(extensions()).toEqual([]);
    expect(index.listRecords()).toEqual([]);
  });

  it("installs clawhub:<package> and records source, artifact kind, npm integrity/shasum, tarball name and ClawPack digest", async () => {
    const result = await installPlugin({ spec: "clawhub:hub-bundle" }, ctx);
    expect(result.pluginId).toBe("hub-bundle");
    expect(index.getRecord("hub-bundle")).toMatchObject({
      source: "clawhub",
      spec: "clawhub:hub-bundle",
      clawhubPackage: "hub-bundle",
      clawhubFamily: "bundle-plugin",
      clawhubUrl: catalog.url,
      artifactKind: "npm-pack",
      npmTarballName: "hub-bundle-3.1.0.tgz",
      resolvedVersion: "3.1.0",
    });
    const record = index.getRecord("hub-bundle")!;
    expect(record.clawpackSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.npmIntegrity).toMatch(/^sha512-/);
    expect(record.npmShasum).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync(join(record.installPath, "commands/hello.md"), "utf8")).toBe("# hello");
  });

  it("fails closed on a ClawHub digest mismatch: no folder, no record, no config", async () => {
    const error = await failure(installPlugin({ spec: "clawhub:hub-evil" }, ctx));
    expect(error.code).toBe("integrity-mismatch");
    expect(error.message).toContain("X-ClawHub-Artifact-Sha256");
    expect(extensions()).toEqual([]);
    expect(index.listRecords()).toEqual([]);
    expect(existsSync(ctx.paths.configPath)).toBe(false);
  });

  it("installs plugin@known-marketplace and refuses --pin with the marketplace reason", async () => {
    tmp.write({
      "market/.claude-plugin/marketplace.json": { name: "acme", plugins: [{ name: "reviewer", source: "./reviewer" }] },
      "market/reviewer/.claude-plugin/plugin.json": { name: "reviewer", version: "1.0.0" },
      "market/reviewer/commands/review.md": "# review",
      "home/.claude/plugins/known_marketplaces.json": { acme: { installLocation: tmp.resolve("market") } },
    });
    const pinned = await failure(installPlugin({ spec: "reviewer@acme", pin: true }, ctx));
    expect(pinned).toMatchObject({ code: "option-conflict" });
    expect(pinned.rule).toContain("marketplace install records the marketplace source");
    const result = await installPlugin({ spec: "reviewer@acme" }, ctx);
    expect(result.record).toMatchObject({ source: "marketplace", marketplaceName: "acme", marketplaceSource: "acme", marketplacePlugin: "reviewer" });
    expect(result.record.spec).toBeUndefined();
  });

  it("refuses a folder of loose script files with the plugins.load.paths instruction", async () => {
    tmp.write({ "scripts/a.js": "export default {}", "scripts/b.mjs": "export default {}" });
    const error = await failure(installPlugin({ spec: tmp.resolve("scripts") }, ctx));
    expect(error.code).toBe("manifest-invalid");
    expect(error.message).toContain("only loose script files (a.js, b.mjs)");
    expect(error.fix).toContain("plugins.load.paths");
    expect(extensions()).toEqual([]);
  });

  it("refuses a loose script file with the plugins.load.paths instruction", async () => {
    tmp.write({ "helper.ts": "export default {}" });
    const error = await failure(installPlugin({ spec: tmp.resolve("helper.ts") }, ctx));
    expect(error.code).toBe("invalid-spec");
    expect(error.fix).toContain("plugins.load.paths");
    expect(extensions()).toEqual([]);
  });
});

describe("sourceFolderName (ids of manifest-less bundles at install)", () => {
  it("takes the folder name a spec stands for", () => {
    expect(sourceFolderName("/x/layout-only/")).toBe("layout-only");
    expect(sourceFolderName("./a/reviewer-1.0.0.tgz")).toBe("reviewer-1.0.0");
    expect(sourceFolderName("clawhub:reviewer@1.0.0")).toBe("reviewer");
    expect(sourceFolderName("marketplace:reviewer@acme")).toBe("reviewer");
    expect(sourceFolderName("git:acme/reviewer.git#v1")).toBe("reviewer");
    expect(sourceFolderName("reviewer")).toBe("reviewer");
  });
});
