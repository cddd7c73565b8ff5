/**
 * Hostile input through the BUILT `openclaw` binary, each case in its own process with a time limit
 * (`runIsolatedCli`), state and config in temp folders: a broken config imports no plugin code, a FIFO config never
 * hangs, a plugin that calls process.exit() is reported and the CLI exits with its documented code, build refuses
 * what the reader would reject, and a folder named openclaw.plugin.json is a clear error.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt, runIsolatedCli, type IsolatedResult } from "./isolated.js";

let dir: TempDir;
let counter = 0;

beforeAll(() => {
  ensureBuilt();
  dir = createTempDir("openclaw-hostile-cli-");
});
afterAll(() => dir.remove());

/** A fresh state folder holding `extensions/<id>` plugins whose entries write a marker file when imported. */
function world(plugins: Record<string, { register?: string }>, configText?: string): { state: string; env: NodeJS.ProcessEnv; marker: (id: string) => string } {
  counter += 1;
  const state = dir.resolve(`case-${counter}/state`);
  const marker = (id: string): string => dir.resolve(`case-${counter}/${id}.imported`);
  for (const [id, options] of Object.entries(plugins)) {
    dir.write({
      [`case-${counter}/state/extensions/${id}/package.json`]: { name: id, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
      [`case-${counter}/state/extensions/${id}/openclaw.plugin.json`]: { id, configSchema: {} },
      [`case-${counter}/state/extensions/${id}/index.js`]: `import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(marker(id))}, "imported");
export default { id: ${JSON.stringify(id)}, name: "P", description: "P", register(api) { ${options.register ?? ""} } };
`,
    });
  }
  mkdirSync(state, { recursive: true });
  if (configText !== undefined) dir.write({ [`case-${counter}/state/openclaw.json`]: configText });
  return { state, env: { OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: join(state, "openclaw.json") }, marker };
}

function cli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 20_000): IsolatedResult {
  const result = runIsolatedCli(["plugins", ...args], { cwd: dir.path, env, timeoutMs });
  expect(result.timedOut, `${args.join(" ")} timed out`).toBe(false);
  return result;
}

describe("broken config: no plugin code is imported", () => {
  for (const [name, text] of [
    ["missing final brace", '{ plugins: { deny: ["good"] }\n'],
    ["array hole", "{ plugins: { enabled: false }, x: [1,,2] }"],
    ["wrong-typed deny", '{ "plugins": { "deny": "good" } }'],
  ] as const) {
    it(name, () => {
      const { env, marker } = world({ good: {} }, text);
      const doctor = cli(["doctor"], env);
      expect(doctor.status).toBe(1);
      expect(doctor.stdout).toMatch(name === "wrong-typed deny" ? /openclaw\.json: plugins\.deny: must be an array of plugin id strings, e\.g\. \["my-plugin"\]; got a string\. No plugin is enabled until it is fixed/ : /openclaw\.json:\d+:\d+: Config file .* is not valid JSON5 at line \d+, column \d+: .*Fix the syntax there/);
      expect(doctor.stdout).toContain("no plugin was loaded");
      for (const args of [["inspect", "good", "--runtime", "--json"], ["inspect", "--all"]]) {
        const refused = cli(args, env);
        expect(refused.status, args.join(" ")).toBe(1);
        expect(refused.stderr).toContain("no plugin is loaded");
      }
      const validate = cli(["validate", join(env.OPENCLAW_STATE_DIR!, "extensions", "good")], env);
      expect(validate.status).toBe(1);
      const list = cli(["list", "--json"], env);
      expect(list.status).toBe(1);
      expect(JSON.parse(list.stdout).plugins).toMatchObject([{ id: "good", enabled: false, status: "disabled" }]);
      expect(existsSync(marker("good"))).toBe(false);
    });
  }

  it("a FIFO at OPENCLAW_CONFIG_PATH: no hang, config-unreadable, nothing imported", () => {
    const { env, marker, state } = world({ good: {} });
    execFileSync("mkfifo", [join(state, "openclaw.json")]);
    for (const args of [["list"], ["doctor"], ["inspect", "--all"]]) {
      const result = cli(args, env, 10_000);
      expect(result.status, args.join(" ")).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain("config-unreadable");
    }
    expect(existsSync(marker("good"))).toBe(false);
  });
});

describe("process.exit() in register", () => {
  it("validate, inspect --runtime and doctor report plugin-exited with code 7 and exit 1", () => {
    const { env, state, marker } = world({ quitter: { register: "process.exit(7);" }, calm: {} });
    const root = join(state, "extensions", "quitter");
    const validate = cli(["validate", root, "--json"], env);
    expect(validate.status).toBe(1);
    expect(JSON.parse(validate.stdout).diagnostics).toContainEqual(expect.objectContaining({ code: "plugin-exited", message: expect.stringContaining("exit code 7") }));
    const inspect = cli(["inspect", "quitter", "--runtime", "--json"], env);
    expect(inspect.status).toBe(1);
    expect(JSON.parse(inspect.stdout).diagnostics).toContainEqual(expect.objectContaining({ code: "plugin-exited", message: expect.stringContaining('plugin "quitter"') }));
    const doctor = cli(["doctor", "--json"], env);
    expect(doctor.status).toBe(1);
    const report = JSON.parse(doctor.stdout) as { issues: Array<{ code: string; pluginId?: string; message: string }> };
    expect(report.issues).toEqual([expect.objectContaining({ code: "plugin-exited", pluginId: "quitter", message: expect.stringContaining("exit code 7") })]);
    expect(existsSync(marker("calm"))).toBe(true);
  });
});

describe("plugins build and validate refusals", () => {
  /** A defineToolPlugin project resolving `openclaw` to this repository (as an installed copy would). */
  function toolProject(tools: string): string {
    counter += 1;
    const root = dir.resolve(`case-${counter}/plugin`);
    dir.write({
      [`case-${counter}/plugin/package.json`]: { name: "tp", version: "1.0.0", type: "module", openclaw: { extensions: ["./dist/index.js"] } },
      [`case-${counter}/plugin/dist/index.js`]: `import { defineToolPlugin } from "openclaw/plugin-sdk/tool-plugin";
export default defineToolPlugin({ id: "tp", name: "TP", description: "tools",
  tools: ${tools}.map((name) => ({ name, description: "d", parameters: { type: "object", properties: {} }, execute: () => "ok" })) });
`,
    });
    mkdirSync(join(root, "node_modules"));
    symlinkSync(repoRoot, join(root, "node_modules", "openclaw"), "dir");
    return root;
  }
  const env = (): NodeJS.ProcessEnv => ({ OPENCLAW_STATE_DIR: dir.resolve(`case-${counter}/state`) });

  it("15,000 tools: build and build --check refuse a manifest over 256 KiB, nothing written", () => {
    const root = toolProject(`Array.from({ length: 15000 }, (_, i) => "tool_" + String(i).padStart(5, "0"))`);
    const build = runIsolatedCli(["plugins", "build"], { cwd: root, env: env(), timeoutMs: 30_000 });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/would be \d{3}\.\d KiB \(\d+ bytes\), over the 256 KiB \(262144 bytes\) limit/);
    expect(readdirSync(root).sort()).toEqual(["dist", "node_modules", "package.json"]);
    const check = runIsolatedCli(["plugins", "build", "--check"], { cwd: root, env: env(), timeoutMs: 30_000 });
    expect(check.status).toBe(1);
    expect(check.stderr).not.toContain("Up to date");
    expect(check.stderr).toContain("262144 bytes");
  });

  it("--entry outside the plugin folder is refused", () => {
    const root = toolProject(`["t_one"]`);
    const build = runIsolatedCli(["plugins", "build", "--entry", "../../outside.js"], { cwd: root, env: env() });
    expect(build.status).toBe(2);
    expect(build.stderr).toContain("outside the plugin folder");
  });

  it("a folder named openclaw.plugin.json: validate and build exit 1 with a clear message and no stack trace", () => {
    const root = toolProject(`["t_one"]`);
    mkdirSync(join(root, "openclaw.plugin.json"));
    for (const command of ["validate", "build"]) {
      const result = runIsolatedCli(["plugins", command, root], { cwd: dir.path, env: env() });
      expect(result.status, command).toBe(1);
      expect(result.stderr).toContain("is a directory, not a file");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("a reader that closes the pipe early", () => {
  it("ends the output quietly: `openclaw --help | head -1` exits 0 with no EPIPE stack", async () => {
    ensureBuilt();
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [join(repoRoot, "dist", "cli", "openclaw.js"), "--help"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Read one chunk, then close our end, as `head -1` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", (exitCode) => done(exitCode)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(code).toBe(0);
  });
});
