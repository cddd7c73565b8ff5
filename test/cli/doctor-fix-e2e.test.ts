/**
 * `openclaw doctor --fix` end to end through the PACKED package's binary, each repair on a state directory the test
 * breaks on purpose: quarantined config entries, openclaw relinked into a managed plugin, the dry run, JSON output,
 * Nix-mode refusal, and the second-run no-op (Node 20, the default `node`); the index-dependent repairs — legacy
 * `plugins.installs` moved into the index, an orphaned managed copy removed and the registry rebuilt — and a failure
 * part-way that leaves config and folders as they were, on Node 24 (`ensureNode24()`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject, ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage, runPnpm } from "../../scripts/lib/pack.js";

const workDir = join(repoRoot, "test", ".tmp", `doctor-fix-e2e-${process.pid}`);
const toolsDir = join(workDir, "tools");
let openclawBin = "";
let hostRoot = "";

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

function openclaw(state: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Result {
  const result = spawnSync(openclawBin, args, {
    cwd: state,
    encoding: "utf8",
    env: { ...process.env, OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: join(state, "openclaw.json"), NO_COLOR: "1", ...extraEnv },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const node24Env = (): NodeJS.ProcessEnv => ({ PATH: `${dirname(ensureNode24())}${delimiter}${process.env.PATH ?? ""}` });

/** A managed plugin under <state>/extensions/<folder> whose entry imports the SDK (resolved through node_modules/openclaw). */
function managedPlugin(state: string, folder: string, id: string, version = "1.0.0"): string {
  const dir = join(state, "extensions", folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "openclaw.plugin.json"), JSON.stringify({ id, version, configSchema: { type: "object", properties: { greeting: { type: "string" } }, additionalProperties: false } }));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: `@e2e/${id}`, version, type: "module", peerDependencies: { openclaw: "*" }, openclaw: { extensions: ["./index.js"] } }),
  );
  writeFileSync(join(dir, "index.js"), `import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";\nexport default definePluginEntry({ id: "${id}", name: "${id}", description: "e2e", register(api) { api.registerCommand({ name: "${id}-hello", description: "hi", handler: async () => ({ text: "hi" }) }); } });\n`);
  return dir;
}

/** A stale copy of an old openclaw package where the managed plugin expects the host's: plugin-sdk/* does not resolve. */
function staleCopy(pluginDir: string): string {
  const link = join(pluginDir, "node_modules", "openclaw");
  mkdirSync(link, { recursive: true });
  writeFileSync(join(link, "package.json"), JSON.stringify({ name: "openclaw", version: "2020.1.0", type: "module", exports: { "./package.json": "./package.json" } }));
  return link;
}

function newState(name: string, config: string): string {
  const state = join(workDir, "states", name);
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, "openclaw.json"), config);
  return state;
}

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  if (!existsSync(join(repoRoot, "dist", "cli", "plugin-command-worker.js"))) runPnpm(["run", "build"], { locked: true });
  const tarball = packPackage(join(workDir, "pack"));
  createConsumerProject(toolsDir, tarball);
  openclawBin = join(toolsDir, "node_modules", ".bin", "openclaw");
  hostRoot = realpathSync(join(toolsDir, "node_modules", "openclaw"));
}, 600_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

const BROKEN_CONFIG = `{
  // written by the operator
  plugins: {
    entries: {
      "peer-plugin": { enabled: true, config: { greeting: "hello" } },
      ghost: { enabled: true, config: { token: "abc" } },
      typo: "yes",
      "peer-plugin-2": { config: { greeting: 42 } },
    },
  },
}
`;

describe("doctor --fix on Node 20: quarantine and relink", () => {
  it("dry run prints the plan and changes nothing; --fix --json lists each change before/after; a second run changes nothing", () => {
    const state = newState("quarantine-relink", BROKEN_CONFIG);
    const plugin = managedPlugin(state, "peer-plugin", "peer-plugin");
    const link = staleCopy(plugin);
    managedPlugin(state, "peer-plugin-2", "peer-plugin-2");
    symlinkMissing(join(state, "extensions", "peer-plugin-2"));

    const broken = openclaw(state, ["plugins", "inspect", "peer-plugin", "--runtime", "--json"]);
    expect(broken.status).toBe(1);

    const dry = openclaw(state, ["doctor", "--fix", "--dry-run"]);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toContain("Repair plan (dry run: nothing was changed):");
    expect(dry.stdout).toContain(`relink-openclaw ${link}`);
    expect(dry.stdout).toContain(`before: ${link} is a copied package (folder), not the running openclaw package`);
    expect(dry.stdout).toContain("quarantine-entry plugins.entries.ghost");
    expect(dry.stdout).toContain("quarantine-entry plugins.entries.typo");
    expect(dry.stdout).toContain("quarantine-entry plugins.entries.peer-plugin-2");
    expect(dry.stdout).not.toContain("plugins.entries.peer-plugin\n");
    expect(readFileSync(join(state, "openclaw.json"), "utf8")).toBe(BROKEN_CONFIG);
    expect(lstatSync(link).isDirectory()).toBe(true);

    const fix = openclaw(state, ["doctor", "--fix", "--json"]);
    expect(fix.status, fix.stderr).toBe(0);
    const report = JSON.parse(fix.stdout);
    expect(report.repairs).toMatchObject({ mode: "fix", applied: true, notes: [] });
    expect(report.repairs.actions.map((a: { kind: string; target: string }) => `${a.kind} ${a.target}`).sort()).toEqual(
      [
        `relink-openclaw ${link}`,
        `relink-openclaw ${join(state, "extensions", "peer-plugin-2", "node_modules", "openclaw")}`,
        "quarantine-entry plugins.entries.ghost",
        "quarantine-entry plugins.entries.peer-plugin-2",
        "quarantine-entry plugins.entries.typo",
      ].sort(),
    );
    for (const action of report.repairs.actions) {
      expect(action.before).toBeTruthy();
      expect(action.after).toBeTruthy();
    }
    expect(report.ok).toBe(true);

    // The operator's values are kept verbatim under plugins.quarantine, with the reason.
    const config = JSON.parse(readFileSync(join(state, "openclaw.json"), "utf8"));
    expect(Object.keys(config.plugins.entries)).toEqual(["peer-plugin"]);
    expect(config.plugins.entries["peer-plugin"]).toEqual({ enabled: true, config: { greeting: "hello" } });
    const quarantined = Object.fromEntries(config.plugins.quarantine.map((q: { id: string; value: unknown }) => [q.id, q]));
    expect(quarantined.ghost).toMatchObject({ path: "plugins.entries.ghost", value: { enabled: true, config: { token: "abc" } }, code: "plugin-not-installed" });
    expect(quarantined.typo).toMatchObject({ value: "yes", code: "plugin-entry-malformed" });
    expect(quarantined["peer-plugin-2"]).toMatchObject({ value: { config: { greeting: 42 } }, code: "plugin-config-mismatch" });
    expect(quarantined["peer-plugin-2"].reason).toContain("greeting");

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(hostRoot);
    const fixed = openclaw(state, ["plugins", "inspect", "peer-plugin", "--runtime", "--json"]);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(JSON.parse(fixed.stdout).commands).toEqual(["peer-plugin-hello"]);

    const configAfter = readFileSync(join(state, "openclaw.json"), "utf8");
    const second = openclaw(state, ["doctor", "--fix", "--json"]);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).repairs).toMatchObject({ actions: [], notes: [], applied: true });
    expect(readFileSync(join(state, "openclaw.json"), "utf8")).toBe(configAfter);
    const text = openclaw(state, ["plugins", "doctor", "--fix"]);
    expect(text.stdout).toContain("Nothing to repair.");
    expect(text.stdout).toContain("No plugin issues detected.");
    expect(text.status).toBe(0);
  });

  it("OPENCLAW_NIX_MODE=1 refuses --fix and changes nothing; --dry-run still plans", () => {
    const state = newState("nix", BROKEN_CONFIG);
    const refused = openclaw(state, ["doctor", "--fix"], { OPENCLAW_NIX_MODE: "1" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("OPENCLAW_NIX_MODE=1");
    expect(readFileSync(join(state, "openclaw.json"), "utf8")).toBe(BROKEN_CONFIG);
    const dry = openclaw(state, ["doctor", "--fix", "--dry-run"], { OPENCLAW_NIX_MODE: "1" });
    expect(dry.stdout).toContain("quarantine-entry plugins.entries.ghost");
  });
});

/** The second managed plugin starts without node_modules at all (the other broken-link case). */
function symlinkMissing(pluginDir: string): void {
  rmSync(join(pluginDir, "node_modules"), { recursive: true, force: true });
}

const LEGACY = (state: string): string => `{
  plugins: {
    entries: { "demo-a": { enabled: true } },
    installs: {
      "demo-a": { source: "npm", spec: "@e2e/demo-a@1.0.0", resolvedVersion: "1.0.0", installPath: "${join(state, "extensions", "demo-a")}", installedAt: "2026-11-01T00:00:00.000Z" },
    },
  },
}
`;

describe("doctor --fix on Node 24: legacy installs, orphaned managed packages, registry, rollback", () => {
  it("moves plugins.installs into the index, removes the orphaned copy, rebuilds the registry; a second run changes nothing", () => {
    const env = node24Env();
    const state = newState("legacy-orphan", "");
    writeFileSync(join(state, "openclaw.json"), LEGACY(state));
    const installed = managedPlugin(state, "demo-a", "demo-a", "1.0.0");
    const orphan = managedPlugin(state, "demo-a-recovered", "demo-a", "0.9.0");

    const fix = openclaw(state, ["doctor", "--fix", "--json"], env);
    const report = JSON.parse(fix.stdout);
    expect(report.repairs.error, fix.stderr).toBeUndefined();
    expect(report.repairs.applied).toBe(true);
    const kinds = report.repairs.actions.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(["remove-orphan-package", "migrate-legacy-installs", "rebuild-registry", "relink-openclaw"]));
    const removal = report.repairs.actions.find((a: { kind: string }) => a.kind === "remove-orphan-package");
    expect(removal).toMatchObject({ target: orphan, pluginId: "demo-a" });
    expect(removal.before).toContain("no install record");
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(installed)).toBe(true);

    const config = JSON.parse(readFileSync(join(state, "openclaw.json"), "utf8"));
    expect(config.plugins.installs).toBeUndefined();
    expect(config.plugins.entries).toEqual({ "demo-a": { enabled: true } });
    const registry = openclaw(state, ["plugins", "registry", "--json"], env);
    expect(registry.status, registry.stderr).toBe(0);
    expect(JSON.parse(registry.stdout)).toMatchObject({ status: "current", plugins: [expect.objectContaining({ pluginId: "demo-a", state: "current" })] });
    const list = openclaw(state, ["plugins", "list", "--json"], env);
    expect(list.stdout).toContain("@e2e/demo-a@1.0.0");

    const configAfter = readFileSync(join(state, "openclaw.json"), "utf8");
    const second = openclaw(state, ["doctor", "--fix", "--json"], env);
    expect(JSON.parse(second.stdout).repairs).toMatchObject({ actions: [], notes: [], applied: true });
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(join(state, "openclaw.json"), "utf8")).toBe(configAfter);
  }, 300_000);

  it("a failure part-way (the plugin index is unreadable) undoes every change: config bytes and plugin folders as they were", () => {
    const env = node24Env();
    const state = newState("rollback", "");
    const config = LEGACY(state).replace('entries: { "demo-a": { enabled: true } }', 'entries: { "demo-a": { enabled: true }, ghost: { enabled: true } }');
    writeFileSync(join(state, "openclaw.json"), config);
    const installed = managedPlugin(state, "demo-a", "demo-a");
    const link = staleCopy(installed);
    mkdirSync(join(state, "state"), { recursive: true });
    writeFileSync(join(state, "state", "openclaw.sqlite"), "this is not a SQLite database\n".repeat(200));

    const fix = openclaw(state, ["doctor", "--fix"], env);
    expect(fix.status).toBe(1);
    expect(fix.stdout).toContain("Repairs NOT applied (rolled back):");
    expect(fix.stdout).toContain("Repair failed, every change was undone:");
    expect(fix.stdout).toContain("quarantine-entry plugins.entries.ghost");
    expect(fix.stdout).toContain(`relink-openclaw ${link}`);
    expect(fix.stdout).toContain(`restored: `);
    expect(readFileSync(join(state, "openclaw.json"), "utf8")).toBe(config);
    expect(lstatSync(link).isDirectory()).toBe(true);
    expect(JSON.parse(readFileSync(join(link, "package.json"), "utf8")).version).toBe("2020.1.0");
    expect(readFileSync(join(state, "state", "openclaw.sqlite"), "utf8")).toContain("this is not a SQLite database");
    expect(existsSync(join(state, "extensions", "demo-a", "index.js"))).toBe(true);
  }, 300_000);

  it("restores a missing downloadable plugin the config references (git source, through the installer); a second run changes nothing", () => {
    const env = node24Env();
    const state = newState("restore", `${JSON.stringify({ plugins: { entries: { "git-demo": { enabled: true, config: { greeting: "hi" } } } } })}\n`);
    // A git repository holding the plugin (a file:// remote: no network).
    const repo = join(workDir, "repos", "git-demo");
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, "openclaw.plugin.json"), JSON.stringify({ id: "git-demo", version: "1.2.0", configSchema: { type: "object", properties: { greeting: { type: "string" } } } }));
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "git-demo", version: "1.2.0", type: "module", openclaw: { extensions: ["./index.js"] } }));
    writeFileSync(join(repo, "index.js"), 'export default { id: "git-demo", register(api) { api.registerCommand({ name: "git-demo", description: "d", handler: async () => ({ text: "ok" }) }); } };\n');
    const git = (args: string[]) => {
      const r = spawnSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
      expect(r.status, r.stderr).toBe(0);
    };
    git(["init", "-q", "-b", "main"]);
    git(["add", "."]);
    git(["commit", "-q", "-m", "plugin"]);
    const install = openclaw(state, ["plugins", "install", `git:file://${repo}`, "--json", "--dangerously-force-unsafe-install"], env);
    expect(install.status, install.stderr + install.stdout).toBe(0);
    expect(install.stderr).toContain("--dangerously-force-unsafe-install is deprecated and changes nothing");
    const installPath = JSON.parse(install.stdout).record.installPath as string;
    expect(existsSync(join(installPath, "index.js"))).toBe(true);

    rmSync(installPath, { recursive: true, force: true });
    const dry = openclaw(state, ["doctor", "--fix", "--dry-run", "--json"], env);
    const planned = JSON.parse(dry.stdout).repairs.actions;
    expect(planned[0]).toMatchObject({ kind: "restore-plugin", pluginId: "git-demo", target: installPath, before: `${installPath} is missing` });
    expect(planned.slice(1).map((a: { kind: string }) => a.kind)).toEqual(["rebuild-registry"]);
    expect(existsSync(installPath)).toBe(false);

    const fix = openclaw(state, ["doctor", "--fix", "--json"], env);
    const report = JSON.parse(fix.stdout);
    expect(report.repairs.error, fix.stderr).toBeUndefined();
    expect(report.repairs.actions.map((a: { kind: string }) => a.kind)).toEqual(["restore-plugin", "rebuild-registry"]);
    expect(existsSync(join(installPath, "index.js"))).toBe(true);
    const config = JSON.parse(readFileSync(join(state, "openclaw.json"), "utf8"));
    expect(config.plugins.entries["git-demo"]).toEqual({ enabled: true, config: { greeting: "hi" } });
    expect(fix.status, fix.stdout).toBe(0);

    const second = openclaw(state, ["doctor", "--fix", "--json"], env);
    expect(JSON.parse(second.stdout).repairs).toMatchObject({ actions: [], notes: [], applied: true });
  }, 300_000);

  it("install policy still decides with --dangerously-force-unsafe-install", () => {
    const env = node24Env();
    const state = newState("policy", '{ security: { installPolicy: { denySources: ["path"] } } }\n');
    const source = join(workDir, "repos", "policy-demo");
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, "openclaw.plugin.json"), JSON.stringify({ id: "policy-demo", configSchema: { type: "object" } }));
    writeFileSync(join(source, "package.json"), JSON.stringify({ name: "policy-demo", version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } }));
    writeFileSync(join(source, "index.js"), 'export default { id: "policy-demo", register() {} };\n');
    const blocked = openclaw(state, ["plugins", "install", source, "--dangerously-force-unsafe-install"], env);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain("--dangerously-force-unsafe-install is deprecated and changes nothing");
    expect(blocked.stdout + blocked.stderr).toContain("denySources");
    expect(existsSync(join(state, "extensions", "policy-demo"))).toBe(false);

    // A plugin's before_install hook still blocks, flag or not (--json: the note stays on stderr).
    writeFileSync(join(state, "openclaw.json"), "{}\n");
    const guard = join(workDir, "repos", "guard");
    mkdirSync(guard, { recursive: true });
    writeFileSync(join(guard, "openclaw.plugin.json"), JSON.stringify({ id: "guard", configSchema: { type: "object" } }));
    writeFileSync(join(guard, "package.json"), JSON.stringify({ name: "guard", version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } }));
    writeFileSync(join(guard, "index.js"), 'export default { id: "guard", register(api) { api.on("before_install", (event) => event.targetName === "policy-demo" ? { block: true, blockReason: "not reviewed" } : undefined); } };\n');
    expect(openclaw(state, ["plugins", "install", guard], env).status).toBe(0);
    const hooked = openclaw(state, ["plugins", "install", source, "--json", "--dangerously-force-unsafe-install"], env);
    expect(hooked.status).toBe(1);
    expect(hooked.stderr).toContain("--dangerously-force-unsafe-install is deprecated and changes nothing");
    expect(JSON.parse(hooked.stdout).error).toMatchObject({ code: "hook-blocked", pluginId: "policy-demo" });
    expect(existsSync(join(state, "extensions", "policy-demo"))).toBe(false);
  }, 120_000);
});
