/**
 * Hostile and careless input through the commands, in process (plugin code itself always runs in the runtime-check
 * child): a broken config imports nothing; a plugin that exits or hangs is reported and the command goes on; build
 * refuses what the manifest reader would reject and writes safely. The built binary is covered in
 * test/hostile/cli.test.ts.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { runCli } from "./program.js";

const TOOL_SDK = pathToFileURL(join(import.meta.dirname, "..", "entry", "define-tool-plugin.ts")).href;

const dirs = createTempDirPool("openclaw-hostile-cmd-");
afterEach(() => dirs.removeAll());

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: { write: (c: string) => (stdout += c) }, stderr: { write: (c: string) => (stderr += c) }, env, cwd };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A plain plugin whose entry writes `<marker>` when imported, then runs `atImport`; register runs `register`. */
function plugin(dir: TempDir, prefix: string, id: string, options: { atImport?: string; register?: string } = {}): { root: string; marker: string } {
  const marker = dir.resolve(`${id}.imported`);
  dir.write({
    [`${prefix}/package.json`]: { name: id, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    [`${prefix}/openclaw.plugin.json`]: { id, configSchema: {} },
    [`${prefix}/index.js`]: `import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(marker)}, "imported");
${options.atImport ?? ""}
export default { id: ${JSON.stringify(id)}, name: "P", description: "P", register(api) { ${options.register ?? ""} } };
`,
  });
  return { root: dir.resolve(prefix), marker };
}

/** A defineToolPlugin project with `tools` (built entry importing the SDK sources). */
function toolPlugin(dir: TempDir, prefix: string, tools: string[] | number): string {
  const list = typeof tools === "number" ? `Array.from({ length: ${tools} }, (_, i) => "tool_" + String(i).padStart(5, "0"))` : JSON.stringify(tools);
  dir.write({
    [`${prefix}/package.json`]: { name: "tp", version: "1.0.0", type: "module", openclaw: { extensions: ["./dist/index.js"] } },
    [`${prefix}/dist/index.js`]: `import { defineToolPlugin } from ${JSON.stringify(TOOL_SDK)};
export default defineToolPlugin({
  id: "tp", name: "TP", description: "tools",
  tools: ${list}.map((name) => ({ name, description: "d", parameters: { type: "object", properties: {} }, execute: () => "ok" })),
});
`,
  });
  return dir.resolve(prefix);
}

describe("a broken config file imports no plugin code", () => {
  const broken = {
    "missing brace": '{ plugins: { deny: ["good"] }\n',
    "array hole": "{ plugins: { enabled: false }, x: [1,,2] }",
    "wrong-typed deny": JSON.stringify({ plugins: { deny: "good" } }),
  };
  for (const [name, text] of Object.entries(broken)) {
    it(`${name}: doctor reports what and where, every importing command refuses, list shows nothing enabled`, async () => {
      const dir = dirs.create();
      const { root, marker } = plugin(dir, "state/extensions/good", "good");
      dir.write({ "state/openclaw.json": text });
      const configPath = dir.resolve("state/openclaw.json");
      const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };

      const doctor = await run(["plugins", "doctor"], dir.path, env);
      expect(doctor.code).toBe(1);
      if (name === "wrong-typed deny") expect(doctor.stdout).toContain(`${configPath}: plugins.deny: must be an array of plugin id strings`);
      else expect(doctor.stdout).toMatch(new RegExp(`${configPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: Config file .* is not valid JSON5 at line \\d+, column \\d+`));
      expect(doctor.stdout).toContain("no plugin was loaded");
      const doctorJson = JSON.parse((await run(["plugins", "doctor", "--json"], dir.path, env)).stdout) as { ok: boolean; configError?: string; issues: Array<{ code: string; file: string }> };
      expect(doctorJson.ok).toBe(false);
      expect(doctorJson.configError).toContain(configPath);
      expect(doctorJson.issues[0]).toMatchObject({ code: name === "wrong-typed deny" ? "plugins-config-invalid" : "config-parse-error", file: configPath });

      for (const argv of [["inspect", "good", "--runtime"], ["inspect", root, "--runtime"], ["inspect", "--all"], ["inspect", "--all", "--json"]]) {
        const refused = await run(["plugins", ...argv], dir.path, env);
        expect(refused.code, argv.join(" ")).toBe(1);
        expect(refused.stderr).toContain("no plugin is loaded");
      }
      const validate = await run(["plugins", "validate", root], dir.path, env);
      expect(validate.code).toBe(1);
      expect(validate.stderr).toContain("entry-not-imported");
      const build = await run(["plugins", "build", root], dir.path, env);
      expect(build.code).toBe(1);
      expect(build.stderr).toContain("was not imported");

      const list = await run(["plugins", "list", "--json"], dir.path, env);
      expect(list.code).toBe(1);
      const inventory = JSON.parse(list.stdout) as { configError?: string; plugins: Array<{ id: string; enabled: boolean; disabledReason?: string }> };
      expect(inventory.configError).toBeDefined();
      expect(inventory.plugins).toMatchObject([{ id: "good", enabled: false }]);
      expect(inventory.plugins[0]!.disabledReason).toMatch(/^config-invalid: /);
      expect(existsSync(marker)).toBe(false);
    }, 60_000);
  }
});

describe("the plugins section is read by the same module as validatePluginsConfig", () => {
  it("a wrong-typed hook permission (\"false\" as a string) is a config error: nothing is imported", async () => {
    const dir = dirs.create();
    const { marker } = plugin(dir, "state/extensions/good", "good");
    dir.write({ "state/openclaw.json": { plugins: { entries: { good: { hooks: { allowPromptInjection: "false" } } } } } });
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };
    const doctor = JSON.parse((await run(["plugins", "doctor", "--json"], dir.path, env)).stdout) as { ok: boolean; configError?: string; issues: Array<{ code: string; path: string; message: string }> };
    expect(doctor.ok).toBe(false);
    expect(doctor.configError).toContain("plugins.entries.good.hooks.allowPromptInjection is malformed");
    expect(doctor.issues).toEqual([
      expect.objectContaining({
        code: "plugin-entry-invalid",
        path: "plugins.entries.good.hooks.allowPromptInjection",
        message: "plugins.entries.good.hooks.allowPromptInjection: must be true or false; got a string. No plugin is enabled until it is fixed.",
      }),
    ]);
    expect((await run(["plugins", "inspect", "good", "--runtime"], dir.path, env)).code).toBe(1);
    expect(existsSync(marker)).toBe(false);
  }, 60_000);

  it("warnings (unknown entry key, capped hook timeout) are reported once and load nothing less", async () => {
    const dir = dirs.create();
    const { marker } = plugin(dir, "state/extensions/good", "good");
    dir.write({ "state/openclaw.json": { plugins: { entries: { good: { enabeld: true, hooks: { timeoutMs: 700000 } } } } } });
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };
    const doctor = JSON.parse((await run(["plugins", "doctor", "--json"], dir.path, env)).stdout) as { configError?: string; issues: Array<{ code: string; path: string; message: string }> };
    expect(doctor.configError).toBeUndefined();
    expect(doctor.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "plugin-entry-unknown-key plugins.entries.good.enabeld",
      "plugin-timeout-capped plugins.entries.good.hooks.timeoutMs",
    ]);
    expect(doctor.issues[0]!.message).toContain('Did you mean "enabled"?');
    expect(existsSync(marker)).toBe(true);
  }, 60_000);
});

describe("a plugin cannot take the CLI down", () => {
  it("process.exit(7) in register: validate, inspect --runtime and doctor report plugin-exited with the code and go on", async () => {
    const dir = dirs.create();
    const { root } = plugin(dir, "state/extensions/quitter", "quitter", { register: "process.exit(7);" });
    const next = plugin(dir, "state/extensions/next", "next");
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };

    const validate = await run(["plugins", "validate", root, "--json"], dir.path, env);
    expect(validate.code).toBe(1);
    const result = JSON.parse(validate.stdout) as { diagnostics: Array<{ code: string; message: string }> };
    const exited = result.diagnostics.find((d) => d.code === "plugin-exited");
    expect(exited?.message).toContain('plugin "quitter"');
    expect(exited?.message).toContain("exit code 7");

    const inspect = await run(["plugins", "inspect", "quitter", "--runtime"], dir.path, env);
    expect(inspect.code).toBe(1);
    expect(inspect.stderr).toContain("load failed (plugin-exited)");
    expect(inspect.stderr).toContain("exit code 7");

    const doctor = await run(["plugins", "doctor", "--json"], dir.path, env);
    expect(doctor.code).toBe(1);
    const report = JSON.parse(doctor.stdout) as { issues: Array<{ code: string; pluginId?: string; message: string }> };
    expect(report.issues).toEqual([expect.objectContaining({ code: "plugin-exited", pluginId: "quitter" })]);
    expect(report.issues[0]!.message).toContain("exit code 7");
    expect(existsSync(next.marker)).toBe(true); // the next plugin was still loaded
  }, 60_000);

  it("process.exit(0) at import is reported too", async () => {
    const dir = dirs.create();
    const { root } = plugin(dir, "p", "early", { atImport: "process.exit(0);" });
    const inspect = await run(["plugins", "inspect", root, "--runtime", "--json"], dir.path, { OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(inspect.code).toBe(1);
    const report = JSON.parse(inspect.stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "plugin-exited", message: expect.stringContaining("exit code 0") }));
  }, 30_000);

  it("a register that never settles ends in a timeout report, within registerTimeoutMs plus the grace", async () => {
    const dir = dirs.create();
    const { root } = plugin(dir, "p", "stuck", { register: "return new Promise(() => {});" });
    dir.write({ "state/openclaw.json": { plugins: { registerTimeoutMs: 200 } } });
    const started = performance.now();
    const inspect = await run(["plugins", "inspect", root, "--runtime"], dir.path, { OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(inspect.code).toBe(1);
    // The parent's limit says plugin-load-timeout; a loader with its own register timeout reports it first.
    expect(inspect.stderr).toMatch(/load failed \((plugin-load-timeout|register-timeout)\)/);
  }, 30_000);
});

describe("plugins build refuses unsafe output", () => {
  it("refuses a manifest over the reader's 256 KiB cap (15,000 tools): size and limit named, nothing written; --check too", async () => {
    const dir = dirs.create();
    const root = toolPlugin(dir, "p", 15_000);
    const build = await run(["plugins", "build", root], dir.path, { OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/would be 2\d\d\.\d KiB \(\d+ bytes\), over the 256 KiB \(262144 bytes\) limit/);
    expect(build.stderr).toContain("nothing was written");
    expect(existsSync(join(root, "openclaw.plugin.json"))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(["dist", "package.json"]);
    const check = await run(["plugins", "build", root, "--check"], dir.path, { OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("262144 bytes");
  }, 60_000);

  it("keeps a symlinked manifest a symlink and its mode, cleans orphan temp files, refuses a link out of the folder", async () => {
    const dir = dirs.create();
    const root = toolPlugin(dir, "p", ["t_one"]);
    dir.write({ "p/meta/manifest.json": { id: "tp", configSchema: {} }, "p/.openclaw.plugin.json.999999999.0a1b2c3d.tmp": "half", "p/meta/manifest.json.12345": "half", "p/notes.tmp": "keep" });
    chmodSync(join(root, "meta/manifest.json"), 0o600);
    symlinkSync("meta/manifest.json", join(root, "openclaw.plugin.json"));
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };
    const build = await run(["plugins", "build", root], dir.path, env);
    expect(build.code, build.stderr).toBe(0);
    expect(lstatSync(join(root, "openclaw.plugin.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(root, "meta/manifest.json"), "utf8"))).toMatchObject({ id: "tp", contracts: { tools: ["t_one"] } });
    expect(statSync(join(root, "meta/manifest.json")).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).sort()).toEqual(["dist", "meta", "notes.tmp", "openclaw.plugin.json", "package.json"]);
    expect(readdirSync(join(root, "meta"))).toEqual(["manifest.json"]);

    // A link out of the plugin folder: refused, the outside file untouched.
    const outside = dir.resolve("outside.json");
    writeFileSync(outside, JSON.stringify({ id: "tp", configSchema: {} }));
    const other = toolPlugin(dir, "q", ["t_two"]);
    symlinkSync(outside, join(other, "openclaw.plugin.json"));
    const refused = await run(["plugins", "build", other], dir.path, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("outside the plugin folder");
    expect(readFileSync(outside, "utf8")).toBe(JSON.stringify({ id: "tp", configSchema: {} }));
  }, 60_000);

  it("--entry must stay inside the plugin folder (after realpath)", async () => {
    const dir = dirs.create();
    const root = toolPlugin(dir, "p", ["t_one"]);
    const elsewhere = toolPlugin(dir, "elsewhere", ["t_x"]);
    symlinkSync(join(elsewhere, "dist"), join(root, "linked"));
    for (const entry of ["../elsewhere/dist/index.js", "./linked/index.js", join(elsewhere, "dist/index.js")]) {
      const build = await run(["plugins", "build", root, "--entry", entry], dir.path, { OPENCLAW_STATE_DIR: dir.resolve("state") });
      expect(build.code, entry).toBe(2);
      expect(build.stderr).toContain("outside the plugin folder");
    }
    expect(existsSync(join(root, "openclaw.plugin.json"))).toBe(false);
  }, 60_000);

  it("validate and build on a folder named openclaw.plugin.json: clear error, exit 1, no stack trace", async () => {
    const dir = dirs.create();
    const root = toolPlugin(dir, "p", ["t_one"]);
    mkdirSync(join(root, "openclaw.plugin.json"));
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };
    for (const command of ["validate", "build"]) {
      const result = await run(["plugins", command, root], dir.path, env);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toContain("openclaw.plugin.json");
      expect(result.stderr).toContain("is a directory, not a file");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});

describe("unexpected errors", () => {
  it("print one line, and the stack only with OPENCLAW_PLUGIN_LOAD_DEBUG=1", async () => {
    const dir = dirs.create();
    const attempt = async (env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> => {
      let stderr = "";
      const io: CliIO = {
        stdout: {
          write: () => {
            throw new Error("stdout closed\nsecond line");
          },
        },
        stderr: { write: (c: string) => (stderr += c) },
        env,
        cwd: dir.path,
      };
      return { code: await runCli(["plugins", "list"], io), stderr };
    };
    const plain = await attempt({ OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(plain.code).toBe(3);
    expect(plain.stderr.trim().split("\n")).toEqual([
      "internal error Error: stdout closed (rerun with OPENCLAW_PLUGIN_LOAD_DEBUG=1 for the stack trace, and please report it)",
    ]);
    const debug = await attempt({ OPENCLAW_STATE_DIR: dir.resolve("state"), OPENCLAW_PLUGIN_LOAD_DEBUG: "1" });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
