/**
 * End to end, as a plugin author works: the real `openclaw` binary from the PACKED tarball (pnpm pack → npm install
 * into a temp tools project), `plugins init --sdk <tarball>` → npm install (nothing edited or installed by hand) →
 * build → test → validate → inspect --runtime --json → doctor → list; then every failure path of
 * validate/build/inspect gives a non-zero exit and a message naming the file and the fix; last, the author loop
 * again on Node 24 (the scaffold's test, validate, inspect --runtime, doctor). Issue 12's author-path cases (reserved
 * id, doctor's "0 plugins found", missing --workspace, not-a-plugin folder, register() stack frames, inspect's exit
 * code, build on a non-tool plugin) run through the same binary.
 *
 * One pack and one scaffold install are shared by every test in this file.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject, ensureNode24, runNpm } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage, runPnpm } from "../../scripts/lib/pack.js";

const workDir = join(repoRoot, "test", ".tmp", `cli-e2e-${process.pid}`);
const toolsDir = join(workDir, "tools");
const pluginId = "demo-tool";
const pluginDir = join(workDir, "authoring", pluginId);
const stateDir = join(workDir, "state");
let openclawBin = "";
let tarballPath = "";
let initResult: Result = { status: -1, stdout: "", stderr: "" };

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_CONFIG_PATH: join(stateDir, "openclaw.json"),
    NO_COLOR: "1",
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    ...extra,
  };
}

function openclaw(args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Result {
  const result = spawnSync(openclawBin, args, { cwd, env: env(extraEnv), encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function npm(args: string[], cwd: string): Result {
  const result = spawnSync("npm", args, { cwd, env: env(), encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** What doctor says it checked with the one configured plugin (plugins.load.paths = [pluginDir]). */
function checkedLine(workspace: string): string {
  return `Checked 1 plugin (${pluginId}) found in plugins.load.paths of ${join(stateDir, "openclaw.json")} (1 entry), ${join(workspace, ".openclaw", "extensions")} and ${join(stateDir, "extensions")}.\n`;
}

function writeConfig(config: unknown): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, "openclaw.json"), JSON.stringify(config, null, 2));
}

/** A copy of the built scaffold inside the scaffold project (so `openclaw/*` resolves from its node_modules). */
function fixture(name: string, edit: (dir: string) => void): string {
  const dir = join(pluginDir, "fixtures", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ["package.json", "openclaw.plugin.json"]) cpSync(join(pluginDir, file), join(dir, file));
  cpSync(join(pluginDir, "dist"), join(dir, "dist"), { recursive: true });
  edit(dir);
  return dir;
}

function editJson(file: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  // packPackage builds only when a public subpath is missing; the CLI binary needs checking too.
  if (!existsSync(join(repoRoot, "dist", "cli", "openclaw.js"))) runPnpm(["run", "build"], { locked: true });
  const tarball = packPackage(join(workDir, "pack"));
  createConsumerProject(toolsDir, tarball);
  openclawBin = join(toolsDir, "node_modules", ".bin", "openclaw");

  mkdirSync(join(workDir, "authoring"), { recursive: true });
  // The tarball under test, named relative to the folder init runs in: init writes it as an absolute file: spec, so
  // the scaffold installs as it is — nothing is edited or installed by hand.
  tarballPath = tarball;
  initResult = openclaw(["plugins", "init", pluginId, "--name", "Demo Tool", "--sdk", relative(join(workDir, "authoring"), tarball)], join(workDir, "authoring"));
  if (initResult.status !== 0) throw new Error(`plugins init failed: ${initResult.stderr}`);
  runNpm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], pluginDir);
}, 600_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("the scaffold, out of the box", () => {
  it("init --sdk <tarball> wrote an absolute file: spec and said how to use an unpublished build", () => {
    const pkg = JSON.parse(readFileSync(join(pluginDir, "package.json"), "utf8"));
    expect(pkg.devDependencies.openclaw).toBe(`file:${tarballPath}`);
    expect(pkg.peerDependencies.openclaw).toMatch(/^>=\d+\.\d+\.\d+/);
    expect(initResult.stdout).toContain(`SDK: openclaw@file:${tarballPath}`);
    expect(readFileSync(join(pluginDir, "README.md"), "utf8")).toContain("npm pack");
    // npm install (beforeAll) resolved it: the scaffold's own openclaw binary is the packed one.
    expect(existsSync(join(pluginDir, "node_modules", "openclaw", "dist", "cli", "openclaw.js"))).toBe(true);
  });

  it("init wrote a manifest that already matches what build generates", () => {
    const tsc = npm(["exec", "--", "tsc", "-p", "tsconfig.json"], pluginDir);
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const check = openclaw(["plugins", "build", "--check"], pluginDir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain("Up to date");
  });

  it("builds, passes its own test (published harness, node --test) and validates", () => {
    const build = npm(["run", "build"], pluginDir);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const test = npm(["test"], pluginDir);
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/# pass 1/);
    const validate = openclaw(["plugins", "validate"], pluginDir);
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toBe(`Plugin ${pluginId} is valid.\n`);
    expect(validate.stderr).toBe("");
  });

  it("inspect --runtime --json prints exactly the documented shape", () => {
    const result = openclaw(["plugins", "inspect", ".", "--runtime", "--json"], pluginDir);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      "id",
      "name",
      "version",
      "format",
      "shape",
      "capabilities",
      "hooks",
      "tools",
      "commands",
      "services",
      "gatewayMethods",
      "httpRoutes",
      "cliCommands",
      "channels",
      "providers",
      "diagnostics",
    ]);
    expect(report).toMatchObject({
      id: pluginId,
      name: "Demo Tool",
      version: "0.1.0",
      format: "openclaw",
      shape: "non-capability",
      capabilities: [],
      hooks: [],
      tools: ["demo_tool_echo"],
    });
    expect(report.diagnostics.filter((d: { level: string }) => d.level === "error")).toEqual([]);
    const info = openclaw(["plugins", "info", "."], pluginDir);
    expect(info.status).toBe(0);
    expect(info.stdout).toContain("contracts.tools");
  });

  it("doctor is clean with the plugin configured through plugins.load.paths; list shows it with dependencyStatus", () => {
    writeConfig({ plugins: { load: { paths: [pluginDir] }, entries: { [pluginId]: { enabled: true, config: { prefix: "> " } } } } });
    const doctor = openclaw(["plugins", "doctor"], workDir);
    expect(doctor.stderr).toBe("");
    expect(doctor.stdout).toBe(`${checkedLine(workDir)}No plugin issues detected.\n`);
    expect(doctor.status).toBe(0);

    const list = openclaw(["plugins", "list", "--json"], workDir, { OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1" });
    expect(list.status).toBe(0);
    const parsed = JSON.parse(list.stdout);
    expect(parsed.plugins).toEqual([
      expect.objectContaining({ id: pluginId, origin: "config", status: "enabled", dependencyStatus: expect.objectContaining({ ok: true }) }),
    ]);
    expect(list.stderr).toContain("[openclaw:trace] plugins list phase=discover");

    const byId = openclaw(["plugins", "inspect", pluginId, "--runtime"], workDir);
    expect(byId.status, byId.stderr).toBe(0);
    expect(byId.stdout).toContain("demo_tool_echo");
  });

  it("doctor reports stale config honestly, and a config error by file and field", () => {
    writeConfig({ plugins: { load: { paths: [pluginDir] }, slots: { memory: "memory-gone" }, entries: { ghost: { enabled: true } } } });
    const stale = openclaw(["plugins", "doctor"], workDir);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain("Installed plugins are healthy");
    expect(stale.stdout).toContain("plugins.slots.memory");
    expect(stale.stdout).toContain("ghost");

    writeConfig({ plugins: { load: { paths: [pluginDir] }, entries: { [pluginId]: { config: { prefix: 42 } } } } });
    const bad = openclaw(["plugins", "doctor"], workDir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`plugins.entries.${pluginId}.config`);
    expect(bad.stdout).toContain("must be string");
    expect(bad.stdout).toContain("1 plugin issue found");
  });
});

describe("failure paths: non-zero exit, the file and the fix", () => {
  it("bad manifest", () => {
    const dir = fixture("bad-manifest", (d) => writeFileSync(join(d, "openclaw.plugin.json"), '{ "id": "demo-tool", "contracts": { "tools": true } }\n'));
    const result = openclaw(["plugins", "validate"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(join(dir, "openclaw.plugin.json"));
    expect(result.stderr).toMatch(/configSchema/);
    expect(result.stdout).toContain("is not valid");
  });

  it("id mismatch names which id is which", () => {
    const dir = fixture("id-mismatch", (d) => editJson(join(d, "openclaw.plugin.json"), (m) => (m.id = "other-id")));
    const result = openclaw(["plugins", "validate"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("id mismatch");
    expect(result.stderr).toContain('manifest id (openclaw.plugin.json "id"');
    expect(result.stderr).toContain('"other-id"');
    expect(result.stderr).toContain(`exports id "${pluginId}"`);
    expect(result.stderr).toContain(join(dir, "openclaw.plugin.json"));
  });

  it("missing openclaw.extensions", () => {
    const dir = fixture("no-extensions", (d) => editJson(join(d, "package.json"), (p) => delete p.openclaw));
    const result = openclaw(["plugins", "validate"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(join(dir, "package.json"));
    expect(result.stderr).toContain('"openclaw": { "extensions": ["./dist/index.js"] }');
    // build repairs it
    const build = openclaw(["plugins", "build"], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).openclaw).toEqual({ extensions: ["./dist/index.js"] });
    expect(openclaw(["plugins", "validate"], dir).status).toBe(0);
  });

  it("stale metadata: build --check fails printing the difference and rewrites nothing", () => {
    const dir = fixture("stale", (d) => editJson(join(d, "openclaw.plugin.json"), (m) => (m.description = "old text")));
    const before = readFileSync(join(dir, "openclaw.plugin.json"), "utf8");
    const check = openclaw(["plugins", "build", "--check"], dir);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('openclaw.plugin.json: description: expected "Demo Tool: an OpenClaw tool plugin.", found "old text"');
    expect(check.stderr).toContain("openclaw plugins build");
    expect(readFileSync(join(dir, "openclaw.plugin.json"), "utf8")).toBe(before);
    const validate = openclaw(["plugins", "validate"], dir);
    expect(validate.status).toBe(1);
    expect(validate.stderr).toContain("metadata-stale");
    expect(validate.stderr).toContain(join(dir, "openclaw.plugin.json"));
  });

  it("tools missing from contracts.tools", () => {
    const dir = fixture("no-tools", (d) => editJson(join(d, "openclaw.plugin.json"), (m) => (m.contracts = { tools: [] })));
    const result = openclaw(["plugins", "validate"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('contracts.tools does not list "demo_tool_echo"');
    expect(result.stderr).toContain(join(dir, "openclaw.plugin.json"));
    expect(result.stderr).toContain("openclaw plugins build");
  });

  it("module without register", () => {
    const dir = fixture("no-register", (d) => writeFileSync(join(d, "dist", "index.js"), 'export default { id: "demo-tool", name: "Demo Tool" };\n'));
    const result = openclaw(["plugins", "validate"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(join(dir, "dist", "index.js"));
    expect(result.stderr).toContain("no register(api) function");
    expect(result.stderr).toContain("default: object {id, name}");
    const inspect = openclaw(["plugins", "inspect", dir, "--runtime", "--json"], workDir);
    expect(inspect.status).toBe(1);
    expect(() => JSON.parse(inspect.stdout)).not.toThrow();
  });

  it("usage errors exit 2", () => {
    expect(openclaw(["plugins", "inspect", "no-such-plugin"], workDir).status).toBe(2);
    expect(openclaw(["plugins", "nope"], workDir).status).toBe(2);
    expect(openclaw(["plugins", "init", pluginId], join(workDir, "authoring")).status).toBe(2);
  });
});

/** A fixture whose built entry is a plain definePluginEntry (not a tool plugin) with the given register body. */
function pluginEntryFixture(name: string, registerBody: string, extra = ""): string {
  return fixture(name, (d) =>
    writeFileSync(
      join(d, "dist", "index.js"),
      `import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";\nexport default definePluginEntry({ id: "${pluginId}", name: "Demo Tool", description: "d", register(api) { ${registerBody} } });\n${extra}`,
    ),
  );
}

describe("the author's path without friction (issue 12), through the packed binary", () => {
  it("init refuses a reserved id with a suggested id, before writing anything", () => {
    const authoring = join(workDir, "authoring");
    const result = openclaw(["plugins", "init", "nm", "--id", "node-mcp"], authoring);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('plugin id "node-mcp" is reserved by OpenClaw core');
    expect(result.stderr).toContain("Pass --id node-mcp-plugin");
    expect(existsSync(join(authoring, "nm"))).toBe(false);
    const badSdk = openclaw(["plugins", "init", "other", "--sdk", "./no-such-openclaw.tgz"], authoring);
    expect(badSdk.status).toBe(2);
    expect(badSdk.stderr).toContain(`${join(authoring, "no-such-openclaw.tgz")} does not exist`);
  });

  it("doctor says what it checked (0 plugins found in …) and exits 2 for a missing --workspace; so do list and inspect", () => {
    writeConfig({});
    const doctor = openclaw(["plugins", "doctor"], pluginDir);
    expect(doctor.status).toBe(0);
    expect(doctor.stdout).toContain(`0 plugins found in plugins.load.paths of ${join(stateDir, "openclaw.json")} (none set), ${join(pluginDir, ".openclaw", "extensions")} and ${join(stateDir, "extensions")}, so no plugin was checked.`);
    expect(doctor.stdout).toContain("openclaw plugins validate");
    expect(doctor.stdout).not.toContain("No plugin issues detected");
    for (const args of [["doctor"], ["list"], ["inspect", "--all"]]) {
      const result = openclaw(["plugins", ...args, "--workspace", "nowhere"], workDir);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(`--workspace nowhere: ${join(workDir, "nowhere")} does not exist`);
    }
  });

  it("inspect: a non-plugin folder is named as such, an existing folder name is a path, and nothing points 'above'", () => {
    mkdirSync(join(workDir, "notaplugin"), { recursive: true });
    for (const args of [["notaplugin"], ["./notaplugin", "--runtime"]]) {
      const result = openclaw(["plugins", "inspect", ...args], workDir);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(`${join(workDir, "notaplugin")} is not a plugin folder: it has no openclaw.plugin.json and no package.json`);
      expect(result.stderr).not.toMatch(/above|no plugin with id/);
      expect(result.stdout).toBe("");
    }
    const byFolderName = openclaw(["plugins", "inspect", pluginId, "--json"], join(workDir, "authoring"));
    expect(byFolderName.status, byFolderName.stderr).toBe(0);
    expect(JSON.parse(byFolderName.stdout).id).toBe(pluginId);
  });

  it("inspect --runtime: a throwing register() is shown at its file:line, with no shape or hooks", () => {
    const dir = pluginEntryFixture("throws", `api.on("gateway_start", () => undefined); explode();`, `function explode() {\n  throw new Error("boom in register");\n}\n`);
    const result = openclaw(["plugins", "inspect", dir, "--runtime"], workDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("load failed (register-failed)");
    expect(result.stderr).toContain("boom in register");
    expect(result.stderr).toMatch(/^ {4}at explode \(\.\/dist\/index\.js:4:9\)$/m);
    expect(result.stderr).not.toContain("node_modules");
    expect(result.stdout).not.toMatch(/Shape|Hooks|gateway_start/);
    const debug = openclaw(["plugins", "inspect", dir, "--runtime"], workDir, { OPENCLAW_PLUGIN_LOAD_DEBUG: "1" });
    expect(debug.stderr).toMatch(/^ {4}at explode \(\.\/dist\/index\.js:4:9\)$/m);
    expect(debug.stderr).toContain("full stack (OPENCLAW_PLUGIN_LOAD_DEBUG=1):");
  });

  it("inspect --runtime exits like validate when it prints errors", () => {
    const dir = fixture("undeclared", (d) => editJson(join(d, "openclaw.plugin.json"), (m) => (m.contracts = { tools: [] })));
    const validate = openclaw(["plugins", "validate"], dir);
    const inspect = openclaw(["plugins", "inspect", ".", "--runtime"], dir);
    expect(inspect.stdout).toContain("Errors:");
    expect(inspect.stdout).toContain("contract-tools-undeclared");
    expect(validate.status).toBe(1);
    expect(inspect.status).toBe(validate.status);
  });

  it("build --check on a plugin that is not a tool plugin succeeds with a note and writes nothing", () => {
    const dir = pluginEntryFixture("channel-like", "");
    const before = readFileSync(join(dir, "openclaw.plugin.json"), "utf8");
    for (const args of [["--check"], []]) {
      const result = openclaw(["plugins", "build", ...args], dir);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain("./dist/index.js is not a defineToolPlugin entry");
      expect(result.stdout).toContain("openclaw plugins validate");
    }
    expect(readFileSync(join(dir, "openclaw.plugin.json"), "utf8")).toBe(before);
    const help = openclaw(["plugins", "build", "--help"], dir);
    expect(help.stdout).toContain("Metadata is generated for defineToolPlugin entries only");
  });
});

describe("on Node 24 (the gateway's runtime)", () => {
  it("the scaffold's own test passes and validate, inspect --runtime and doctor behave the same", () => {
    const node24 = ensureNode24();
    writeConfig({ plugins: { load: { paths: [pluginDir] }, entries: { [pluginId]: { enabled: true, config: { prefix: "> " } } } } });
    // `node` (and npm's own shebang) resolve to Node 24 for everything below.
    const extra = { PATH: `${dirname(node24)}${delimiter}${process.env.PATH ?? ""}` };
    const version = spawnSync("node", ["--version"], { env: env(extra), encoding: "utf8" });
    expect(version.stdout).toMatch(/^v24\./);

    const test = spawnSync("npm", ["test"], { cwd: pluginDir, env: env(extra), encoding: "utf8" });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    // Node 24's default `node --test` reporter is `spec` ("ℹ pass 1"); Node 20's is TAP ("# pass 1").
    expect(test.stdout).toMatch(/^ℹ pass 1$/m);

    const validate = openclaw(["plugins", "validate"], pluginDir, extra);
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toBe(`Plugin ${pluginId} is valid.\n`);

    const inspect = openclaw(["plugins", "inspect", ".", "--runtime", "--json"], pluginDir, extra);
    expect(inspect.status, inspect.stderr).toBe(0);
    expect(JSON.parse(inspect.stdout)).toMatchObject({ id: pluginId, shape: "non-capability", tools: ["demo_tool_echo"] });

    const doctor = openclaw(["plugins", "doctor"], workDir, extra);
    expect(doctor.stderr).toBe("");
    expect(doctor.stdout).toBe(`${checkedLine(workDir)}No plugin issues detected.\n`);
    expect(doctor.status).toBe(0);
  }, 300_000);
});
