import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../testing/temp-dir.js";
import {
  createMemoryIndex,
  makeGitRepo,
  makeSymlinkTar,
  makeTar,
  makeTraversalTar,
  makeTraversalZip,
  makeZip,
  writePlugin,
} from "../../test/support/plugin-fixtures.js";
import { installPlugin, isInstallError, uninstallPlugin, updatePlugin, type InstallerContext, type InstallProgressEvent } from "./installer-api.js";
import { STAGING_DIR_NAME } from "./staging.js";

let tmp: TempDir;
let index: ReturnType<typeof createMemoryIndex>;
let ctx: InstallerContext;
let events: InstallProgressEvent[];

beforeEach(() => {
  tmp = createTempDir("install-");
  index = createMemoryIndex();
  events = [];
  const stateDir = tmp.resolve("state");
  ctx = {
    paths: { stateDir, configPath: join(stateDir, "openclaw.json"), userExtensionsDir: join(stateDir, "extensions") },
    env: { ...process.env, OPENCLAW_NIX_MODE: "" },
    openIndex: () => index,
    withLock: (_dir, fn) => fn(),
    hostVersion: "2026.11.0",
    onProgress: (event) => events.push(event),
  };
});
afterEach(() => tmp.remove());

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isInstallError(error)) return error.failure;
    throw error;
  }
  throw new Error("expected the operation to fail");
}

function stagingLeftovers(): string[] {
  const dir = join(ctx.paths.userExtensionsDir, STAGING_DIR_NAME);
  return existsSync(dir) ? readdirSync(dir) : [];
}

function config(): Record<string, any> {
  return JSON.parse(readFileSync(ctx.paths.configPath, "utf8"));
}

describe("local folder and --link", () => {
  it("copies a folder into <state>/extensions/<id> and records it", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo", version: "1.2.0", files: { "node_modules/x/index.js": "", ".git/HEAD": "" } });
    const result = await installPlugin({ spec: src }, ctx);
    const target = join(ctx.paths.userExtensionsDir, "demo");
    expect(result.record).toMatchObject({ pluginId: "demo", source: "path", sourcePath: src, installPath: target, version: "1.2.0" });
    expect(index.getRecord("demo")?.installPath).toBe(target);
    expect(existsSync(join(target, "openclaw.plugin.json"))).toBe(true);
    expect(existsSync(join(target, "node_modules"))).toBe(false);
    expect(existsSync(join(target, ".git"))).toBe(false);
    expect(stagingLeftovers()).toEqual([]);
    expect(events.filter((e) => e.status === "start").map((e) => e.phase)).toEqual(["resolve", "validate", "policy", "commit"]);
    expect(result.timings.commit).toBeGreaterThanOrEqual(0);
  });

  it("resolves a relative spec against ctx.cwd and accepts extra source resolvers before the built-ins", async () => {
    writePlugin(tmp.resolve("src/rel"), { id: "rel" });
    expect((await installPlugin({ spec: "./src/rel" }, { ...ctx, cwd: tmp.path })).record.sourcePath).toBe(tmp.resolve("src/rel"));
    const custom = writePlugin(tmp.resolve("src/custom"), { id: "custom", version: "9.0.0" });
    const result = await installPlugin(
      { spec: "clawhub:custom" },
      {
        ...ctx,
        sources: [
          {
            kind: "clawhub",
            matches: (spec) => spec.startsWith("clawhub:"),
            stage: async (spec, sctx) => {
              const { cp } = await import("node:fs/promises");
              await cp(custom, join(sctx.stagingDir, "p"), { recursive: true });
              return { pluginDir: join(sctx.stagingDir, "p"), source: "clawhub", record: { spec, clawhubPackage: "custom" } };
            },
          },
        ],
      },
    );
    expect(result.record).toMatchObject({ source: "clawhub", spec: "clawhub:custom", clawhubPackage: "custom", version: "9.0.0", installPath: join(ctx.paths.userExtensionsDir, "custom") });
  });

  it("stops on an installed id and names update and --force; --force replaces the folder", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo", version: "1.0.0" });
    await installPlugin({ spec: src }, ctx);
    const refused = await failure(installPlugin({ spec: src }, ctx));
    expect(refused.code).toBe("already-installed");
    expect(refused.fix).toContain("openclaw plugins update demo");
    expect(refused.fix).toContain("--force");
    writePlugin(src, { id: "demo", version: "2.0.0" });
    const replaced = await installPlugin({ spec: src, force: true }, ctx);
    expect(replaced.replaced?.version).toBe("1.0.0");
    expect(JSON.parse(readFileSync(join(ctx.paths.userExtensionsDir, "demo", "package.json"), "utf8")).version).toBe("2.0.0");
    expect(stagingLeftovers()).toEqual([]);
  });

  it("--link adds the folder to plugins.load.paths without copying; --force with --link is refused", async () => {
    const src = writePlugin(tmp.resolve("src/linked"), { id: "linked" });
    const conflict = await failure(installPlugin({ spec: src, link: true, force: true }, ctx));
    expect(conflict).toMatchObject({ code: "option-conflict" });
    expect(conflict.rule).toContain("linked installs reuse the source folder");
    const result = await installPlugin({ spec: src, link: true }, ctx);
    expect(result.record).toMatchObject({ source: "link", installPath: src });
    expect(existsSync(join(ctx.paths.userExtensionsDir, "linked"))).toBe(false);
    expect(config().plugins.load.paths).toEqual([src]);
    const removed = await uninstallPlugin({ pluginId: "linked" }, ctx);
    expect(removed.removedLoadPaths).toEqual([src]);
    expect(removed.keptFilesReason).toContain("linked");
    expect(existsSync(src)).toBe(true);
    expect(config().plugins.load.paths).toEqual([]);
  });

  it("blocks a world-writable plugin folder with the loader's diagnostic, leaving nothing behind", async () => {
    const src = writePlugin(tmp.resolve("src/ww"), { id: "ww" });
    chmodSync(src, 0o777);
    const blocked = await failure(installPlugin({ spec: src, link: true }, ctx));
    expect(blocked.code).toBe("path-blocked");
    expect(blocked.message).toContain("world-writable");
    expect(blocked.fix).toContain("chmod");
    const copied = await failure(installPlugin({ spec: src }, ctx));
    expect(copied.code).toBe("path-blocked");
    expect(index.listRecords()).toEqual([]);
    expect(existsSync(join(ctx.paths.userExtensionsDir, "ww"))).toBe(false);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("refuses --pin for a non-npm source and a missing folder", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo" });
    expect((await failure(installPlugin({ spec: src, pin: true }, ctx))).code).toBe("option-conflict");
    expect((await failure(installPlugin({ spec: tmp.resolve("nope") }, ctx))).code).toBe("source-not-found");
  });

  it("an aborted signal stops before anything is staged or recorded", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo" });
    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(installPlugin({ spec: src }, { ...ctx, signal: controller.signal }));
    expect(aborted.code).toBe("aborted");
    expect(index.listRecords()).toEqual([]);
    expect(existsSync(join(ctx.paths.userExtensionsDir, "demo"))).toBe(false);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("refuses under OPENCLAW_NIX_MODE=1 before touching anything", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo" });
    const refused = await failure(installPlugin({ spec: src }, { ...ctx, env: { ...ctx.env, OPENCLAW_NIX_MODE: "1" } }));
    expect(refused.code).toBe("nix-mode");
    expect(existsSync(ctx.paths.userExtensionsDir)).toBe(false);
  });
});

describe("archives", () => {
  it.each([
    ["zip", (dir: string, out: string) => makeZip(dir, out)],
    ["tgz with a top folder", (dir: string, out: string) => makeTar(dir, out, { gzip: true, prefix: "package" })],
    ["tar.gz", (dir: string, out: string) => makeTar(dir, out, { gzip: true })],
    ["tar", (dir: string, out: string) => makeTar(dir, out)],
  ])("installs a %s archive", async (kind, build) => {
    const src = writePlugin(tmp.resolve("src/arch"), { id: "arch", version: "3.0.0" });
    const ext = kind === "zip" ? "zip" : kind === "tar" ? "tar" : kind === "tar.gz" ? "tar.gz" : "tgz";
    const file = await build(src, tmp.resolve(`arch.${ext}`));
    const result = await installPlugin({ spec: file }, ctx);
    expect(result.record).toMatchObject({ source: "archive", sourcePath: file, version: "3.0.0" });
    expect(result.record.integrity).toMatch(/^sha512-/);
    expect(existsSync(join(ctx.paths.userExtensionsDir, "arch", "index.js"))).toBe(true);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("rejects an archive without openclaw.plugin.json before any record is written", async () => {
    const src = writePlugin(tmp.resolve("src/nomani"), { id: "nomani", noManifest: true });
    const file = await makeTar(src, tmp.resolve("nomani.tgz"), { gzip: true, prefix: "package" });
    const refused = await failure(installPlugin({ spec: file }, ctx));
    expect(refused.code).toBe("manifest-invalid");
    expect(refused.message).toContain("No openclaw.plugin.json at the plugin root");
    expect(index.listRecords()).toEqual([]);
    expect(readdirSync(ctx.paths.userExtensionsDir).filter((n) => n !== STAGING_DIR_NAME)).toEqual([]);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("rejects '../' entries in tar and zip archives and writes nothing outside", async () => {
    const tarFile = await makeTraversalTar(tmp.resolve("work"), tmp.resolve("evil.tgz"));
    const t = await failure(installPlugin({ spec: tarFile }, ctx));
    expect(t.code).toBe("unsafe-path");
    expect(t.message).toContain("'..' segment");
    const src = writePlugin(tmp.resolve("src/zipevil"), { id: "zipevil" });
    const zipFile = await makeTraversalZip(src, tmp.resolve("evil.zip"));
    const z = await failure(installPlugin({ spec: zipFile }, ctx));
    expect(z.code).toBe("unsafe-path");
    expect(existsSync(join(ctx.paths.userExtensionsDir, STAGING_DIR_NAME, "..", "evil.txt"))).toBe(false);
    expect(existsSync(join(ctx.paths.userExtensionsDir, "evil.txt"))).toBe(false);
    expect(index.listRecords()).toEqual([]);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("rejects a symlink escaping the root", async () => {
    const src = writePlugin(tmp.resolve("src/linky"), { id: "linky" });
    const file = await makeSymlinkTar(src, tmp.resolve("linky.tgz"), "/etc/passwd");
    const refused = await failure(installPlugin({ spec: file }, ctx));
    expect(refused.code).toBe("unsafe-path");
    expect(refused.message).toContain("symlink");
    expect(index.listRecords()).toEqual([]);
  });

  it("reports a truncated archive as archive-invalid", async () => {
    const src = writePlugin(tmp.resolve("src/trunc"), { id: "trunc" });
    const file = await makeTar(src, tmp.resolve("trunc.tgz"), { gzip: true });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await failure(installPlugin({ spec: file }, ctx))).code).toBe("archive-invalid");
    expect(stagingLeftovers()).toEqual([]);
  });

  it("npm-pack: installs an npm pack tarball as an npm record", async () => {
    const src = writePlugin(tmp.resolve("src/packed"), { id: "packed", version: "0.4.0", packageName: "@acme/packed" });
    const file = await makeTar(src, tmp.resolve("acme-packed-0.4.0.tgz"), { gzip: true, prefix: "package" });
    const result = await installPlugin({ spec: `npm-pack:${file}` }, ctx);
    expect(result.record).toMatchObject({ source: "npm", resolvedName: "@acme/packed", resolvedVersion: "0.4.0", resolvedSpec: "@acme/packed@0.4.0" });
    expect(result.record.integrity).toMatch(/^sha512-/);
  });
});

describe("git", () => {
  it("clones, checks out the ref and records URL, ref and commit; update skips when the ref did not move", async () => {
    const { url, commits } = makeGitRepo(tmp.resolve("repo"), "gitty", ["1.0.0", "1.1.0"]);
    const result = await installPlugin({ spec: `git:${url}@v1.0.0` }, ctx);
    expect(result.record).toMatchObject({ source: "git", gitUrl: url, gitRef: "v1.0.0", gitCommit: commits[0], version: "1.0.0" });
    expect(existsSync(join(ctx.paths.userExtensionsDir, "gitty", ".git"))).toBe(false);
    const { outcomes } = await updatePlugin({ target: "gitty" }, ctx);
    expect(outcomes[0]).toMatchObject({ status: "skipped", downloaded: false });
  });

  it("update follows a branch to its new commit", async () => {
    const { url, commits } = makeGitRepo(tmp.resolve("repo"), "branchy", ["1.0.0"]);
    await installPlugin({ spec: `git:${url}#main` }, ctx);
    const more = makeGitRepo(tmp.resolve("repo"), "branchy", ["1.5.0"]);
    expect(more.commits[0]).not.toBe(commits[0]);
    const { outcomes } = await updatePlugin({ target: "branchy" }, ctx);
    expect(outcomes[0]).toMatchObject({ status: "updated", fromVersion: "1.0.0", toVersion: "1.5.0" });
    expect(index.getRecord("branchy")?.gitCommit).toBe(more.commits[0]);
  });

  it("a missing ref is source-not-found and --pin is refused", async () => {
    const { url } = makeGitRepo(tmp.resolve("repo"), "reffy", ["1.0.0"]);
    expect((await failure(installPlugin({ spec: `git:${url}#nope` }, ctx))).code).toBe("source-not-found");
    expect((await failure(installPlugin({ spec: `git:${url}`, pin: true }, ctx))).code).toBe("option-conflict");
    expect(stagingLeftovers()).toEqual([]);
  });
});

describe("policy and hooks", () => {
  it("security.installPolicy denies a source kind and an id; a malformed policy fails closed", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo" });
    mkdirSync(ctx.paths.stateDir, { recursive: true });
    writeFileSync(ctx.paths.configPath, JSON.stringify({ security: { installPolicy: { denySources: ["path"] } } }));
    const bySource = await failure(installPlugin({ spec: src }, ctx));
    expect(bySource).toMatchObject({ code: "policy-blocked", pluginId: "demo" });
    expect(bySource.rule).toContain('denySources lists "path"');
    writeFileSync(ctx.paths.configPath, JSON.stringify({ security: { installPolicy: { allowPlugins: ["other"] } } }));
    expect((await failure(installPlugin({ spec: src }, ctx))).rule).toContain("allowPlugins");
    writeFileSync(ctx.paths.configPath, JSON.stringify({ security: { installPolicy: { denySources: "path" } } }));
    expect((await failure(installPlugin({ spec: src }, ctx))).code).toBe("config-invalid");
    expect(index.listRecords()).toEqual([]);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("a before_install hook block stops the install; findings are reported", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo" });
    const seen: unknown[] = [];
    const blocked = await failure(
      installPlugin({ spec: src, origin: "cli" }, { ...ctx, beforeInstall: (event) => (seen.push(event), { findings: [], block: true, blockReason: "unsigned", blockedBy: "scanner" }) }),
    );
    expect(blocked).toMatchObject({ code: "hook-blocked" });
    expect(blocked.message).toContain("scanner");
    expect(seen[0]).toMatchObject({ targetType: "plugin", targetName: "demo", origin: "cli" });
    const ok = await installPlugin({ spec: src }, { ...ctx, beforeInstall: () => ({ findings: [{ ruleId: "r1", severity: "info", file: "index.js", line: 1, message: "looks fine" }] }) });
    expect(ok.findings).toEqual([{ ruleId: "r1", severity: "info", file: "index.js", message: "looks fine" }]);
  });
});

describe("uninstall", () => {
  it("removes record, entry, allow/deny ids and the managed folder; --keep-files keeps it", async () => {
    const src = writePlugin(tmp.resolve("src/demo"), { id: "demo" });
    await installPlugin({ spec: src }, ctx);
    writeFileSync(ctx.paths.configPath, JSON.stringify({ plugins: { allow: ["demo", "x"], deny: ["demo"], entries: { demo: { enabled: true }, x: {} } } }));
    const result = await uninstallPlugin({ pluginId: "demo" }, ctx);
    expect(result).toMatchObject({ removedEntry: true, removedFromAllow: true, removedFromDeny: true, deletedDir: join(ctx.paths.userExtensionsDir, "demo") });
    expect(config().plugins).toEqual({ allow: ["x"], deny: [], entries: { x: {} } });
    expect(existsSync(join(ctx.paths.userExtensionsDir, "demo"))).toBe(false);
    expect(index.getRecord("demo")).toBeUndefined();
    await installPlugin({ spec: src }, ctx);
    const kept = await uninstallPlugin({ pluginId: "demo", keepFiles: true }, ctx);
    expect(kept.keptFilesReason).toBe("--keep-files");
    expect(existsSync(join(ctx.paths.userExtensionsDir, "demo"))).toBe(true);
    expect(stagingLeftovers()).toEqual([]);
  });

  it("never deletes a recorded folder outside the extensions root", async () => {
    const outside = writePlugin(tmp.resolve("elsewhere/demo"), { id: "demo" });
    index.putRecord({ pluginId: "demo", source: "path", installPath: outside, installedAt: new Date().toISOString() });
    const result = await uninstallPlugin({ pluginId: "demo" }, ctx);
    expect(result.deletedDir).toBeUndefined();
    expect(result.keptFilesReason).toContain("outside the managed extensions root");
    expect(existsSync(outside)).toBe(true);
    expect((await failure(uninstallPlugin({ pluginId: "demo" }, ctx))).code).toBe("not-installed");
  });
});
