import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import { isInstallError, type InstallError, type InstallRequest, type SourceContext } from "../install/installer-api.js";
import { marketplaceSource, splitMarketplaceSpec } from "../install/sources/marketplace.js";
import { MarketplaceError, findMarketplaceEntry, loadMarketplace, remoteCloneUrl, resolveEntryPath } from "./marketplace-source.js";
import { parseMarketplaceManifest } from "./marketplace-manifest.js";

const dirs = createTempDirPool("marketplace-");
afterEach(() => dirs.removeAll());

/** A marketplace folder with a path entry, a pluginRoot-relative entry and an entry escaping the root. */
function market(dir: TempDir, prefix = "market"): string {
  dir.write({
    [`${prefix}/.claude-plugin/marketplace.json`]: {
      name: "acme-tools",
      owner: { name: "Acme" },
      metadata: { pluginRoot: "./plugins" },
      plugins: [
        { name: "reviewer", source: "./plugins/reviewer", version: "1.0.0", description: "Reviews" },
        { name: "linter", source: "linter" },
        { name: "escape", source: "../outside" },
        { name: "remote", source: { source: "github", repo: "acme/remote", ref: "v1" } },
      ],
    },
    [`${prefix}/plugins/reviewer/.claude-plugin/plugin.json`]: { name: "reviewer", version: "1.0.0" },
    [`${prefix}/plugins/reviewer/commands/review.md`]: "# review",
    [`${prefix}/plugins/linter/openclaw.plugin.json`]: { id: "linter", configSchema: {} },
    "outside/openclaw.plugin.json": { id: "outside", configSchema: {} },
  });
  return dir.resolve(prefix);
}

function gitRepo(from: string): string {
  const git = (...args: string[]): void => {
    execFileSync("git", args, { cwd: from, stdio: "ignore", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
  };
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "market");
  return `file://${from}`;
}

function sctxFor(dir: TempDir, request: InstallRequest): SourceContext {
  const stagingDir = dir.resolve("staging");
  const scratchDir = dir.resolve("scratch");
  mkdirSync(stagingDir, { recursive: true });
  mkdirSync(scratchDir, { recursive: true });
  return { stagingDir, scratchDir, request, env: process.env, hostVersion: "2026.11.0", npmCommand: "npm", gitCommand: "git", progress: () => {} };
}

async function failure(promise: Promise<unknown>): Promise<InstallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isInstallError(error)) throw new Error(`expected an InstallError, got ${String(error)}`);
  return error;
}

describe("marketplace manifests and sources", () => {
  it("parses entries (path, pluginRoot-relative, github) and names the file on bad JSON or a bad entry", () => {
    const parsed = parseMarketplaceManifest(
      JSON.stringify({ name: "m", metadata: { pluginRoot: "./plugins" }, plugins: [{ name: "a", source: "a" }, { name: "b", source: { source: "git", url: "file:///x" } }] }),
      "/m.json",
    );
    expect(parsed).toEqual({
      ok: true,
      manifest: { name: "m", plugins: [{ name: "a", source: { kind: "path", path: "./plugins/a" } }, { name: "b", source: { kind: "git", url: "file:///x" } }] },
    });
    expect(parseMarketplaceManifest("{", "/m.json")).toMatchObject({ ok: false, message: expect.stringContaining("marketplace manifest /m.json is not valid JSON") });
    expect(parseMarketplaceManifest('{"plugins":[{"name":"x","source":{"source":"npm"}}]}', "/m.json")).toMatchObject({
      ok: false,
      message: expect.stringContaining('plugin "x": unsupported source kind "npm"'),
    });
  });

  it("classifies remote source forms", () => {
    expect(remoteCloneUrl("acme/tools")).toEqual({ url: "https://github.com/acme/tools.git" });
    expect(remoteCloneUrl("https://github.com/acme/tools")).toEqual({ url: "https://github.com/acme/tools.git" });
    expect(remoteCloneUrl("git@github.com:acme/tools.git#v2")).toEqual({ url: "git@github.com:acme/tools.git", ref: "v2" });
    expect(remoteCloneUrl("file:///srv/m.git")).toEqual({ url: "file:///srv/m.git" });
    expect(remoteCloneUrl("./local")).toBeUndefined();
    expect(splitMarketplaceSpec("reviewer@git@github.com:a/b.git")).toEqual({ plugin: "reviewer", source: "git@github.com:a/b.git" });
    expect(splitMarketplaceSpec("@scope/pkg@beta")).toBeUndefined();
  });

  it("loads a local root, a marketplace.json path, a known name and a file:// git clone", async () => {
    const dir = dirs.create();
    const root = market(dir);
    const byRoot = await loadMarketplace(root, { home: dir.resolve("home"), cwd: dir.path });
    expect(byRoot).toMatchObject({ origin: "local", label: `${root}/.claude-plugin/marketplace.json`, rootDir: root });
    expect(byRoot.manifest.plugins.map((p) => p.name)).toEqual(["reviewer", "linter", "escape", "remote"]);
    const byFile = await loadMarketplace(`${root}/.claude-plugin/marketplace.json`, { home: dir.resolve("home"), cwd: dir.path });
    expect(byFile.rootDir).toBe(root);

    dir.write({ "home/.claude/plugins/known_marketplaces.json": { "acme-tools": { installLocation: root, source: { source: "github", repo: "acme/tools" } } } });
    const known = await loadMarketplace("acme-tools", { home: dir.resolve("home"), cwd: dir.path });
    expect(known).toMatchObject({ knownName: "acme-tools", rootDir: root });

    const url = gitRepo(root);
    const cloned = await loadMarketplace(url, { home: dir.resolve("home"), cwd: dir.path });
    try {
      expect(cloned).toMatchObject({ origin: "remote", label: url });
      expect(resolveEntryPath(cloned, { ...findMarketplaceEntry(cloned, "reviewer"), source: { kind: "path", path: "./plugins/reviewer" } })).toContain(cloned.rootDir);
    } finally {
      await cloned.cleanup();
    }
  });

  it("refuses entries outside the root (also through a link) and unknown sources", async () => {
    const dir = dirs.create();
    const root = market(dir);
    symlinkSync(dir.resolve("outside"), `${root}/plugins/sneaky`);
    const loaded = await loadMarketplace(root, { home: dir.resolve("home"), cwd: dir.path });
    const escape = findMarketplaceEntry(loaded, "escape");
    expect(() => resolveEntryPath(loaded, { ...escape, source: { kind: "path", path: "../outside" } })).toThrow(/outside the marketplace root/);
    expect(() => resolveEntryPath(loaded, { name: "sneaky", source: { kind: "path", path: "./plugins/sneaky" } })).toThrow(/outside the marketplace root/);
    expect(() => findMarketplaceEntry(loaded, "nope")).toThrow(/has no plugin "nope"; it lists reviewer, linter, escape, remote/);
    await expect(loadMarketplace("./does-not-exist", { home: dir.resolve("home"), cwd: dir.path })).rejects.toThrow(MarketplaceError);
  });
});

describe("marketplace install source", () => {
  it("stages a plugin@known-marketplace entry and records the marketplace, not an npm spec", async () => {
    const dir = dirs.create();
    const root = market(dir);
    dir.write({ "home/.claude/plugins/known_marketplaces.json": { "acme-tools": { installLocation: root } } });
    const source = marketplaceSource({ cwd: dir.path, home: dir.resolve("home") });
    expect(source.matches("reviewer@acme-tools", { spec: "" })).toBe(true);
    expect(source.matches("reviewer@beta", { spec: "" })).toBe(false);
    const staged = await source.stage("reviewer@acme-tools", sctxFor(dir, { spec: "reviewer@acme-tools" }));
    expect(readFileSync(`${staged.pluginDir}/commands/review.md`, "utf8")).toBe("# review");
    expect(staged.source).toBe("marketplace");
    expect(staged.record).toEqual({ marketplaceName: "acme-tools", marketplaceSource: "acme-tools", marketplacePlugin: "reviewer", version: "1.0.0", sourcePath: `${root}/plugins/reviewer` });
    expect(source.updateSpec?.({ pluginId: "reviewer", source: "marketplace", installPath: "/x", installedAt: "t", marketplacePlugin: "reviewer", marketplaceSource: "acme-tools" })).toBe(
      "marketplace:reviewer@acme-tools",
    );
  });

  it("stages from --marketplace <file:// git URL>, refuses --pin with a reason and an entry outside its root", async () => {
    const dir = dirs.create();
    const url = gitRepo(market(dir));
    const source = marketplaceSource({ cwd: dir.path, home: dir.resolve("home"), marketplace: url });
    const staged = await source.stage("linter", sctxFor(dir, { spec: "linter" }));
    expect(staged.record).toMatchObject({ marketplaceName: "acme-tools", marketplaceSource: url, marketplacePlugin: "linter" });
    const pin = await failure(source.stage("linter", sctxFor(dirs.create(), { spec: "linter", pin: true })));
    expect(pin.failure).toMatchObject({ code: "option-conflict" });
    expect(pin.failure.rule).toContain("records the marketplace source");
    const escape = await failure(source.stage("escape", sctxFor(dirs.create(), { spec: "escape" })));
    expect(escape.failure).toMatchObject({ code: "unsafe-path", source: "escape" });
    expect(escape.message).toContain('plugin "escape" points at ../outside, which is outside the marketplace root');
  });
});

describe("marketplace records through install and update", () => {
  it("update re-resolves marketplace:<plugin>@<source>: skipped while the entry version matches, updated when it changes", async () => {
    const { createMemoryIndex } = await import("../../test/support/plugin-fixtures.js");
    const { installPlugin, updatePlugin } = await import("../install/installer-api.js");
    const dir = dirs.create();
    const root = market(dir);
    dir.write({ "home/.claude/plugins/known_marketplaces.json": { "acme-tools": { installLocation: root } } });
    const index = createMemoryIndex();
    const ctx = {
      paths: { stateDir: dir.resolve("state"), configPath: dir.resolve("state/openclaw.json"), userExtensionsDir: dir.resolve("state/extensions") },
      env: { ...process.env, OPENCLAW_NIX_MODE: "", HOME: dir.resolve("home") },
      openIndex: () => index,
      withLock: <T>(_dir: string, fn: () => Promise<T>) => fn(),
      hostVersion: "2026.11.0",
    };
    await installPlugin({ spec: "reviewer@acme-tools" }, ctx);
    const same = await updatePlugin({ target: "reviewer" }, ctx);
    expect(same.outcomes[0]).toMatchObject({ status: "skipped", toVersion: "1.0.0" });
    const manifest = JSON.parse(readFileSync(`${root}/.claude-plugin/marketplace.json`, "utf8"));
    manifest.plugins[0].version = "1.1.0";
    dir.write({
      "market/.claude-plugin/marketplace.json": manifest,
      "market/plugins/reviewer/.claude-plugin/plugin.json": { name: "reviewer", version: "1.1.0" },
    });
    const bumped = await updatePlugin({ target: "reviewer" }, ctx);
    expect(bumped.outcomes[0]).toMatchObject({ status: "updated", toVersion: "1.1.0" });
    expect(index.getRecord("reviewer")).toMatchObject({ source: "marketplace", marketplacePlugin: "reviewer", marketplaceSource: "acme-tools", version: "1.1.0" });
  });
});
