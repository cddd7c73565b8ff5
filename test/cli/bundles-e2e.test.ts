/**
 * Bundles, marketplaces, ClawHub search/install and the beta channel through the real built binary
 * (`dist/cli/openclaw.js`) on Node 24. Bundles are built by the tests in each layout; the ClawHub catalog is a
 * loopback server this file starts and fills (test/support/clawhub-catalog.ts); npm packages come from a loopback
 * Verdaccio (test/support/verdaccio.ts). Nothing reaches the internet. Commands run as child processes
 * (asynchronously, so the in-process catalog keeps answering).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { createTempDirPool, type TempDir } from "../../src/testing/temp-dir.js";
import { cliPath, ensureBuilt } from "../hostile/isolated.js";
import { packFolder, startTestCatalog, type TestCatalog } from "../support/clawhub-catalog.js";
import { writePlugin } from "../support/plugin-fixtures.js";
import { startTestRegistry, type TestRegistry } from "../support/verdaccio.js";

const dirs = createTempDirPool("openclaw-bundles-e2e-");
let node24 = "";
let catalog: TestCatalog;
beforeAll(async () => {
  ensureBuilt();
  node24 = ensureNode24();
  catalog = await startTestCatalog();
}, 600_000);
afterAll(async () => {
  await catalog.close();
  dirs.removeAll();
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function envFor(dir: TempDir, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: dir.resolve("home"),
    OPENCLAW_STATE_DIR: dir.resolve("state"),
    OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json"),
    OPENCLAW_CLAWHUB_URL: catalog.url,
    NO_COLOR: "1",
    ...extra,
  };
}

function openclaw(dir: TempDir, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(node24, [cliPath, ...args], { cwd: dir.path, env: envFor(dir, env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("exit", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}
const json = (run: Run): any => JSON.parse(run.stdout);

function gitRepo(from: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" };
  for (const args of [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "m"]]) execFileSync("git", args, { cwd: from, env, stdio: "ignore" });
  return `file://${from}`;
}

describe("bundles (Node 24, built binary)", () => {
  it("installs Claude (default layout), Codex and Cursor bundles; list/inspect/disable/enable/uninstall treat them like plugins", async () => {
    const dir = dirs.create();
    dir.write({
      "src/layout-only/commands/review.md": "# review",
      "src/layout-only/skills/lint/SKILL.md": "lint",
      "src/layout-only/settings.json": { model: "opus" },
      "src/layout-only/.lsp.json": { lspServers: { ts: { command: "tsls" } } },
      "src/layout-only/agents/helper.md": "# agent",
      "src/codexy/.codex-plugin/plugin.json": { name: "codexy", version: "0.2.0" },
      "src/codexy/hooks/on-start/HOOK.md": "# hook",
      "src/codexy/.mcp.json": { mcpServers: {} },
      "src/cursed/.cursor-plugin/plugin.json": { name: "cursed", version: "1.0.0" },
      "src/cursed/.cursor/commands/deploy.md": "deploy",
      "src/cursed/.cursor/rules/style.mdc": "rule",
      "src/native/openclaw.plugin.json": { id: "native", version: "1.0.0", configSchema: {} },
      "src/native/package.json": { name: "native", version: "1.0.0" },
    });
    for (const name of ["layout-only", "codexy", "cursed", "native"]) {
      const run = await openclaw(dir, ["plugins", "install", dir.resolve(`src/${name}`), "--json"]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
    expect(existsSync(dir.resolve("state/extensions/layout-only/commands/review.md"))).toBe(true);

    const list = json(await openclaw(dir, ["plugins", "list", "--json"]));
    const byId = Object.fromEntries(list.plugins.map((p: { id: string }) => [p.id, p]));
    expect(byId["layout-only"]).toMatchObject({ format: "bundle", bundleKind: "claude", bundleCapabilities: ["skills", "commands", "agents", "settings", "lspServers"] });
    expect(byId.codexy).toMatchObject({ format: "bundle", bundleKind: "codex", version: "0.2.0" });
    expect(byId.cursed).toMatchObject({ format: "bundle", bundleKind: "cursor" });
    expect(byId.native).toMatchObject({ format: "openclaw" });

    const verbose = await openclaw(dir, ["plugins", "list", "--verbose"]);
    expect(verbose.stdout).toContain("Format:     bundle");
    expect(verbose.stdout).toContain("Format:     openclaw");
    expect(verbose.stdout).toContain("Bundle:     cursor");

    const inspect = json(await openclaw(dir, ["plugins", "inspect", "layout-only", "--json"]));
    expect(inspect.bundle).toMatchObject({ kind: "claude", manifestFile: null, wired: ["skills", "commands", "settings", "lspServers"], notWired: ["agents"] });
    const codex = json(await openclaw(dir, ["plugins", "inspect", "codexy", "--json"]));
    expect(codex.bundle).toMatchObject({ wired: ["hooks"], notWired: ["mcpServers"], hookFolders: ["on-start"] });
    expect(codex.diagnostics).toContainEqual(expect.objectContaining({ code: "bundle-capability-not-wired", message: expect.stringContaining("mcpServers detected, not wired") }));

    const registry = json(await openclaw(dir, ["plugins", "registry", "--refresh", "--json"]));
    const entries = Object.fromEntries(registry.plugins.map((p: { pluginId: string }) => [p.pluginId, p]));
    expect(entries["layout-only"]).toMatchObject({ format: "bundle", bundleKind: "claude" });
    expect(entries["layout-only"].manifestError).toBeUndefined();
    expect(entries.cursed).toMatchObject({ format: "bundle", bundleKind: "cursor" });
    expect(entries.native).toMatchObject({ format: "openclaw" });

    expect((await openclaw(dir, ["plugins", "disable", "cursed"])).status).toBe(0);
    expect(json(await openclaw(dir, ["plugins", "list", "--json"])).plugins.find((p: { id: string }) => p.id === "cursed")).toMatchObject({ status: "disabled" });
    expect((await openclaw(dir, ["plugins", "enable", "cursed"])).status).toBe(0);
    const removed = await openclaw(dir, ["plugins", "uninstall", "cursed", "--json"]);
    expect(removed.status, removed.stderr).toBe(0);
    expect(existsSync(dir.resolve("state/extensions/cursed"))).toBe(false);
  }, 180_000);

  it("refuses a bundle manifest that is not JSON (naming the file) and a loose script file, writing nothing", async () => {
    const dir = dirs.create();
    dir.write({ "src/broken/.claude-plugin/plugin.json": "{ name: broken", "helper.mjs": "export default {}" });
    const bad = await openclaw(dir, ["plugins", "install", dir.resolve("src/broken")]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain(".claude-plugin/plugin.json is not valid JSON");
    expect(bad.stderr).toContain(dir.resolve("src/broken"));
    const loose = json(await openclaw(dir, ["plugins", "install", "./helper.mjs", "--json"]));
    expect(loose).toMatchObject({ ok: false, error: { code: "invalid-spec" } });
    expect(loose.error.message).toContain("loose script file");
    expect(loose.error.fix).toContain("plugins.load.paths");
    expect(existsSync(dir.resolve("state/extensions/broken"))).toBe(false);
  }, 120_000);
});

describe("ClawHub (Node 24, built binary, loopback catalog)", () => {
  beforeAll(async () => {
    const pkg = dirs.create();
    writePlugin(pkg.path, { id: "weather", version: "1.0.0" });
    const bytes = await packFolder(pkg.path);
    catalog.put({ name: "weather", family: "code-plugin", summary: "Forecasts for agents", versions: [{ version: "1.0.0", kind: "clawpack", bytes }] });
    catalog.put({ name: "weather-evil", family: "code-plugin", summary: "tampered", versions: [{ version: "1.0.0", kind: "clawpack", bytes, wrongHeaderDigest: true }] });
    catalog.put({ name: "weather-skill", family: "skill", summary: "a skill", versions: [{ version: "1.0.0", kind: "clawpack", bytes }] });
  });

  it("plugins search prints plugin packages with install hints, never touches local state, names the catalog on garbage and timeouts", async () => {
    const dir = dirs.create();
    const found = await openclaw(dir, ["plugins", "search", "weather", "--json"]);
    expect(found.status, found.stderr).toBe(0);
    const results = json(found).results;
    expect(results.map((r: { name: string }) => r.name).sort()).toEqual(["weather", "weather-evil"]);
    expect(results.find((r: { name: string }) => r.name === "weather")).toMatchObject({
      family: "code-plugin",
      channel: "community",
      version: "1.0.0",
      summary: "Forecasts for agents",
      install: "openclaw plugins install clawhub:weather",
    });
    dir.write({ "cfg/openclaw.json": { clawhub: { url: catalog.url } } });
    const human = await openclaw(dir, ["plugins", "search", "weather"], { OPENCLAW_CLAWHUB_URL: "", OPENCLAW_CONFIG_PATH: dir.resolve("cfg/openclaw.json") });
    expect(human.stdout).toMatch(/weather\s+code-plugin\s+community\s+1\.0\.0\s+Forecasts for agents/);
    expect(human.stdout).toContain("openclaw plugins install clawhub:weather");
    expect(existsSync(dir.resolve("state"))).toBe(false);

    catalog.mode = "garbage";
    const garbage = await openclaw(dir, ["plugins", "search", "weather"]).finally(() => (catalog.mode = "normal"));
    expect(garbage.status).toBe(1);
    expect(garbage.stderr).toContain(`ClawHub catalog ${catalog.url} answered`);
    expect(garbage.stderr).toContain("not JSON");
    catalog.mode = "hang";
    const hung = await openclaw(dir, ["plugins", "search", "weather"], { OPENCLAW_CLAWHUB_TIMEOUT_MS: "500" }).finally(() => (catalog.mode = "normal"));
    expect(hung.status).toBe(1);
    expect(hung.stderr).toContain(`ClawHub catalog ${catalog.url} did not answer`);
    expect(existsSync(dir.resolve("state"))).toBe(false);
  }, 120_000);

  it("installs clawhub:<package> with its ClawHub record; a digest mismatch fails closed and writes nothing; skills are refused", async () => {
    const dir = dirs.create();
    const installed = await openclaw(dir, ["plugins", "install", "clawhub:weather", "--json"]);
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);
    expect(json(installed).record).toMatchObject({
      source: "clawhub",
      spec: "clawhub:weather",
      clawhubPackage: "weather",
      clawhubFamily: "code-plugin",
      artifactKind: "npm-pack",
      npmTarballName: "weather-1.0.0.tgz",
      resolvedVersion: "1.0.0",
      clawpackSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      npmIntegrity: expect.stringMatching(/^sha512-/),
      npmShasum: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    const evil = json(await openclaw(dir, ["plugins", "install", "clawhub:weather-evil", "--json"]));
    expect(evil).toMatchObject({ ok: false, error: { code: "integrity-mismatch", source: "clawhub:weather-evil" } });
    expect(existsSync(dir.resolve("state/extensions/weather"))).toBe(true);
    expect(existsSync(dir.resolve("state/extensions/weather-evil"))).toBe(false);
    expect(json(await openclaw(dir, ["plugins", "list", "--json"])).plugins.map((p: { id: string }) => p.id)).toEqual(["weather"]);
    const skill = json(await openclaw(dir, ["plugins", "install", "clawhub:weather-skill", "--json"]));
    expect(skill.error).toMatchObject({ code: "invalid-spec", fix: "openclaw skills install weather-skill" });
  }, 120_000);
});

describe("marketplaces (Node 24, built binary)", () => {
  it("lists a marketplace, installs plugin@known-marketplace and --marketplace <file:// git>, refuses --pin and entries outside the root", async () => {
    const dir = dirs.create();
    dir.write({
      "market/.claude-plugin/marketplace.json": {
        name: "acme",
        plugins: [
          { name: "reviewer", source: "./plugins/reviewer", version: "1.0.0", description: "Reviews code" },
          { name: "linter", source: "./plugins/linter" },
          { name: "escape", source: "../outside" },
        ],
      },
      "market/plugins/reviewer/.claude-plugin/plugin.json": { name: "reviewer", version: "1.0.0" },
      "market/plugins/reviewer/commands/review.md": "# review",
      "market/plugins/linter/openclaw.plugin.json": { id: "linter", version: "0.1.0", configSchema: {} },
      "outside/openclaw.plugin.json": { id: "outside", configSchema: {} },
    });
    dir.write({ "home/.claude/plugins/known_marketplaces.json": { acme: { installLocation: dir.resolve("market") } } });

    const listed = await openclaw(dir, ["plugins", "marketplace", "list", dir.resolve("market"), "--json"]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(json(listed)).toMatchObject({ source: dir.resolve("market/.claude-plugin/marketplace.json"), origin: "local", manifest: { name: "acme" } });
    expect(json(listed).plugins.map((p: { name: string }) => p.name)).toEqual(["reviewer", "linter", "escape"]);
    const human = await openclaw(dir, ["plugins", "marketplace", "list", "acme"]);
    expect(human.stdout).toContain("Install one with: openclaw plugins install <plugin>@acme");

    const pinned = json(await openclaw(dir, ["plugins", "install", "reviewer@acme", "--pin", "--json"]));
    expect(pinned.error).toMatchObject({ code: "option-conflict" });
    expect(pinned.error.rule).toContain("marketplace install records the marketplace source");
    const reviewer = json(await openclaw(dir, ["plugins", "install", "reviewer@acme", "--json"]));
    expect(reviewer.record).toMatchObject({ source: "marketplace", marketplaceName: "acme", marketplaceSource: "acme", marketplacePlugin: "reviewer" });
    expect(reviewer.record.spec).toBeUndefined();

    const url = gitRepo(dir.resolve("market"));
    const linter = json(await openclaw(dir, ["plugins", "install", "linter", "--marketplace", url, "--json"]));
    expect(linter.record).toMatchObject({ source: "marketplace", marketplaceName: "acme", marketplaceSource: url, marketplacePlugin: "linter" });
    const escape = json(await openclaw(dir, ["plugins", "install", "escape", "--marketplace", dir.resolve("market"), "--json"]));
    expect(escape.error).toMatchObject({ code: "unsafe-path" });
    expect(escape.error.message).toContain("outside the marketplace root");
    expect(existsSync(dir.resolve("state/extensions/outside"))).toBe(false);
  }, 180_000);
});

describe("beta channel (Node 24, built binary)", () => {
  let registry: TestRegistry;
  let regDir: TempDir;
  beforeAll(async () => {
    regDir = dirs.create();
    registry = await startTestRegistry(regDir.resolve("registry"));
  }, 180_000);
  afterAll(async () => registry?.stop());

  it("openclaw update --channel beta tries @beta for npm and ClawHub default-line records, falls back with warnings, records the channel", async () => {
    const dir = dirs.create();
    const publish = async (id: string, version: string, tag: string): Promise<void> => {
      await registry.publish(writePlugin(dir.resolve(`pkgs/${id}-${version}`), { id, version }), { tag });
    };
    const clawpack = async (id: string, version: string): Promise<Buffer> => packFolder(writePlugin(dir.resolve(`packs/${id}-${version}`), { id, version }));
    await publish("npm-with-beta", "1.0.0", "latest");
    await publish("npm-no-beta", "1.0.0", "latest");
    catalog.put({ name: "hub-beta", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: await clawpack("hub-beta", "1.0.0") }] });
    const env = registry.env;
    for (const spec of ["npm-with-beta", "npm-no-beta", "clawhub:hub-beta"]) {
      const run = await openclaw(dir, ["plugins", "install", spec, "--json"], env);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
    await publish("npm-with-beta", "1.1.0-beta.1", "beta");
    await publish("npm-no-beta", "1.0.1", "latest");
    catalog.put({
      name: "hub-beta",
      family: "code-plugin",
      versions: [
        { version: "1.0.0", kind: "clawpack", bytes: await clawpack("hub-beta", "1.0.0") },
        { version: "2.0.0-beta.1", kind: "clawpack", bytes: await clawpack("hub-beta", "2.0.0-beta.1") },
      ],
      tags: { latest: "1.0.0", beta: "2.0.0-beta.1" },
    });

    const updated = await openclaw(dir, ["update", "--channel", "beta", "--json"], env);
    expect(updated.status, updated.stdout + updated.stderr).toBe(0);
    const report = json(updated);
    expect(report.channel).toBe("beta");
    const byId = Object.fromEntries(report.outcomes.map((o: { pluginId: string }) => [o.pluginId, o]));
    expect(byId["npm-with-beta"]).toMatchObject({ status: "updated", toVersion: "1.1.0-beta.1" });
    expect(byId["npm-no-beta"]).toMatchObject({ status: "updated", toVersion: "1.0.1" });
    expect(byId["hub-beta"]).toMatchObject({ status: "updated", toVersion: "2.0.0-beta.1" });
    expect(report.warnings).toEqual([expect.stringContaining("npm-no-beta: npm-no-beta@beta was not used")]);
    expect(JSON.parse(readFileSync(dir.resolve("state/openclaw.json"), "utf8")).update).toEqual({ channel: "beta" });

    // The recorded channel applies to a later run without --channel.
    const again = json(await openclaw(dir, ["update", "--json"], env));
    expect(again.channel).toBe("beta");
    expect(again.outcomes.every((o: { status: string }) => o.status === "skipped")).toBe(true);
  }, 300_000);
});
