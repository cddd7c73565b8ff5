/**
 * End to end, as a plugin author works: the real `openclaw` binary from the PACKED tarball (pnpm pack → npm install
 * into a temp tools project), `plugins init` → npm install (the scaffold's SDK dependency points at the same
 * tarball) → build → test → validate → inspect --runtime --json → doctor → list; then every failure path of
 * validate/build/inspect gives a non-zero exit and a message naming the file and the fix; last, the author loop
 * again on Node 24 (the scaffold's test, validate, inspect --runtime, doctor).
 *
 * One pack and one scaffold install are shared by every test in this file.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
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
  const init = openclaw(["plugins", "init", pluginId, "--name", "Demo Tool"], join(workDir, "authoring"));
  if (init.status !== 0) throw new Error(`plugins init failed: ${init.stderr}`);
  // The scaffold pins openclaw to the CLI's version; point it at the tarball under test instead.
  editJson(join(pluginDir, "package.json"), (pkg) => {
    (pkg.devDependencies as Record<string, string>).openclaw = `file:${tarball}`;
  });
  runNpm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], pluginDir);
}, 600_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("the scaffold, out of the box", () => {
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
    expect(doctor.stdout + doctor.stderr).toBe("No plugin issues detected.\n");
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
    expect(doctor.stdout + doctor.stderr).toBe("No plugin issues detected.\n");
    expect(doctor.status).toBe(0);
  }, 300_000);
});
