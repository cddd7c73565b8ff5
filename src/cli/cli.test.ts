import { chmodSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { createStyler, useColor } from "./io.js";
import { runCli } from "./program.js";
import { renderToolPluginScaffold } from "./scaffold/tool-plugin-template.js";
import { cliPackageVersion } from "./version.js";

const dirs = createTempDirPool("openclaw-cli-");
const temp = (): TempDir => dirs.create();
afterEach(() => dirs.removeAll());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; tty?: boolean }): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function isolatedEnv(dir: TempDir): NodeJS.ProcessEnv {
  return { OPENCLAW_STATE_DIR: dir.resolve("state"), OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json") };
}

function pluginFiles(id: string, extra: Record<string, string | object> = {}): Record<string, string | object> {
  return {
    "openclaw.plugin.json": { id, name: `Plugin ${id}`, version: "1.0.0", configSchema: {} },
    "package.json": { name: `@acme/${id}`, version: "1.0.0", openclaw: { extensions: ["./index.js"] }, dependencies: { "dep-present": "1", "dep-missing": "1" } },
    "node_modules/dep-present/package.json": { name: "dep-present", version: "1.0.3" },
    "index.js": `export default { id: ${JSON.stringify(id)}, name: "x", description: "x", register() {} };\n`,
    ...extra,
  };
}

function under(prefix: string, files: Record<string, string | object>): Record<string, string | object> {
  return Object.fromEntries(Object.entries(files).map(([key, value]) => [`${prefix}/${key}`, value]));
}

describe("openclaw (program)", () => {
  it("prints help with exit codes and exits 0", async () => {
    const dir = temp();
    const result = await run(["plugins", "--help"], { cwd: dir.path });
    expect(result.code).toBe(0);
    for (const command of ["init", "build", "validate", "inspect|info", "doctor", "list"]) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain("Exit codes:");
    for (const command of ["init", "build", "validate", "inspect", "info", "doctor", "list"]) {
      const help = await run(["plugins", command, "--help"], { cwd: dir.path });
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain("Usage: openclaw plugins");
    }
  });

  it("exits 2 on an unknown command or option, naming it on stderr", async () => {
    const dir = temp();
    const unknown = await run(["plugins", "frobnicate"], { cwd: dir.path });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("frobnicate");
    const badOption = await run(["plugins", "list", "--bogus"], { cwd: dir.path });
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("--bogus");
    expect(badOption.stdout).toBe("");
  });

  it("prints the package version", async () => {
    const result = await run(["--version"], { cwd: temp().path });
    expect(result).toMatchObject({ code: 0, stdout: `${cliPackageVersion()}\n` });
  });

  it("colours only on a TTY, honouring NO_COLOR and FORCE_COLOR", () => {
    expect(useColor({ write() {}, isTTY: true }, {})).toBe(true);
    expect(useColor({ write() {}, isTTY: false }, {})).toBe(false);
    expect(useColor({ write() {}, isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ write() {}, isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
    expect(createStyler({ write() {} }, {}).red("x")).toBe("x");
  });
});

describe("openclaw plugins init", () => {
  it("scaffolds a tool plugin whose manifest already matches what build generates", async () => {
    const dir = temp();
    const result = await run(["plugins", "init", "stock-quotes", "--name", "Stock Quotes"], { cwd: dir.path });
    expect(result.code, result.stderr).toBe(0);
    const root = dir.resolve("stock-quotes");
    expect(readdirSync(root).sort()).toEqual([".gitignore", "README.md", "openclaw.plugin.json", "package.json", "src", "tsconfig.json"]);
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
    expect(pkg.peerDependencies.openclaw).toBe(`>=${cliPackageVersion()}`);
    expect(pkg.devDependencies.openclaw).toBe(cliPackageVersion());
    expect(pkg.openclaw.extensions).toEqual(["./dist/index.js"]);
    expect(pkg.scripts.build).toContain("openclaw plugins build");
    expect(pkg.scripts.test).toContain("node --test");
    const manifest = JSON.parse(readFileSync(`${root}/openclaw.plugin.json`, "utf8"));
    expect(manifest).toMatchObject({ id: "stock-quotes", name: "Stock Quotes", version: "0.1.0", contracts: { tools: ["stock_quotes_echo"] } });
    expect(readFileSync(`${root}/src/index.ts`, "utf8")).toContain('from "openclaw/plugin-sdk/tool-plugin"');
    expect(readFileSync(`${root}/src/index.test.ts`, "utf8")).toContain('from "openclaw/plugin-sdk/plugin-test-runtime"');
    expect(readFileSync(`${root}/src/index.test.ts`, "utf8")).not.toMatch(/vitest|jest/);
  });

  it("derives the id from the folder, refuses bad ids and non-empty folders", async () => {
    const dir = temp();
    expect((await run(["plugins", "init", "My Plugin"], { cwd: dir.path })).code).toBe(0);
    expect(JSON.parse(readFileSync(dir.resolve("My Plugin/openclaw.plugin.json"), "utf8")).id).toBe("my-plugin");
    const again = await run(["plugins", "init", "My Plugin"], { cwd: dir.path });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("is not empty");
    expect(again.stderr).toContain("--force");
    const bad = await run(["plugins", "init", "x", "--id", "Bad_Id"], { cwd: dir.path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Bad_Id" is not a valid plugin id');
    expect(existsSync(dir.resolve("x"))).toBe(false);
    expect((await run(["plugins", "init"], { cwd: dir.path })).code).toBe(2);
  });

  it("renders the same files for the same inputs", () => {
    const options = { id: "demo", name: "Demo", sdkVersion: "1.2.3" };
    expect(renderToolPluginScaffold(options)).toEqual(renderToolPluginScaffold(options));
  });
});

describe("openclaw plugins list", () => {
  it("derives the list from manifests with dependencyStatus, policy and origins", async () => {
    const dir = temp();
    dir.write({
      ...under("state/extensions/alpha", pluginFiles("alpha")),
      ...under("ws/.openclaw/extensions/wsp", pluginFiles("wsp")),
      ...under("src/beta", pluginFiles("beta")),
      "state/openclaw.json": `{ plugins: { load: { paths: ["../src/beta"] }, deny: ["beta"] } }`,
    });
    const env = isolatedEnv(dir);
    const result = await run(["plugins", "list", "--json", "--workspace", dir.resolve("ws")], { cwd: dir.path, env });
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.source).toBe("manifests");
    const byId = Object.fromEntries(parsed.plugins.map((p: { id: string }) => [p.id, p]));
    expect(Object.keys(byId)).toEqual(["beta", "wsp", "alpha"]);
    expect(byId.alpha).toMatchObject({ origin: "global", status: "enabled", enabled: true, version: "1.0.0", name: "Plugin alpha" });
    expect(byId.beta).toMatchObject({ origin: "config", status: "disabled", enabled: false });
    expect(byId.wsp).toMatchObject({ origin: "workspace", status: "disabled" });
    expect(byId.wsp.disabledReason).toContain("plugins.entries.wsp.enabled");
    expect(byId.alpha.dependencyStatus).toMatchObject({ ok: false, missing: ["dep-missing"] });
    expect(byId.alpha.dependencyStatus.dependencies).toContainEqual(
      expect.objectContaining({ name: "dep-present", installed: true, version: "1.0.3" }),
    );

    const enabled = await run(["plugins", "list", "--enabled", "--json", "--workspace", dir.resolve("ws")], { cwd: dir.path, env });
    expect(JSON.parse(enabled.stdout).plugins.map((p: { id: string }) => p.id)).toEqual(["alpha"]);

    const table = await run(["plugins", "list", "--workspace", dir.resolve("ws")], { cwd: dir.path, env });
    expect(table.stdout).toMatch(/ID\s+NAME\s+STATUS\s+ORIGIN\s+VERSION/);
    expect(table.stdout).toContain("alpha");
    expect(table.stdout).not.toContain("\u001b[");
    const verbose = await run(["plugins", "list", "--verbose", "--workspace", dir.resolve("ws")], { cwd: dir.path, env });
    expect(verbose.stdout).toContain("Origin:     workspace");
    expect(verbose.stdout).toContain("missing dep-missing");
  });

  it("adds install records (legacy plugins.installs here) to the discovered plugins, reporting missing folders", async () => {
    const dir = temp();
    dir.write({
      ...under("state/extensions/alpha", pluginFiles("alpha")),
      ...under("elsewhere/linked", pluginFiles("linked")),
      "state/openclaw.json": {
        plugins: {
          installs: {
            alpha: { source: "npm", spec: "alpha@1.0.0", installPath: dir.resolve("state/extensions/alpha"), installedAt: "2026-01-01T00:00:00.000Z" },
            linked: { source: "link", sourcePath: dir.resolve("elsewhere/linked"), installPath: dir.resolve("elsewhere/linked"), installedAt: "2026-01-01T00:00:00.000Z" },
            gone: { source: "path", installPath: dir.resolve("nowhere/gone"), version: "2.0.0", installedAt: "2026-01-01T00:00:00.000Z" },
          },
        },
      },
    });
    const env = isolatedEnv(dir);
    const before = readFileSync(dir.resolve("state/openclaw.json"), "utf8");
    const result = await run(["plugins", "list", "--json"], { cwd: dir.path, env });
    const parsed = JSON.parse(result.stdout);
    expect(parsed.plugins.map((p: { id: string; status: string; installRecord?: string }) => [p.id, p.status, p.installRecord])).toEqual([
      ["alpha", "enabled", "config"],
      ["gone", "missing", "config"],
      ["linked", "enabled", "config"],
    ]);
    expect(parsed.plugins[0].source).toBe("npm:alpha@1.0.0");
    expect(parsed.plugins[1].diagnostics[0].message).toMatch(/does not exist; reinstall the plugin/);
    expect(readFileSync(dir.resolve("state/openclaw.json"), "utf8")).toBe(before); // reading never migrates
    if (Number(process.versions.node.split(".")[0]) < 22) {
      expect(parsed.source).toBe("manifests");
      expect(parsed.indexUnavailable).toMatch(/^The plugin index needs Node\.js >= 22\.5/);
      const table = await run(["plugins", "list"], { cwd: dir.path, env });
      expect(table.stdout).toMatch(/Note: The plugin index needs Node\.js >= 22\.5/);
      expect(table.stderr).not.toContain("22.5");
    }
  });

  it("shows a world-writable plugin as present but blocked", async () => {
    const dir = temp();
    dir.write(under("state/extensions/alpha", pluginFiles("alpha")));
    chmodSync(dir.resolve("state/extensions/alpha"), 0o777);
    const result = await run(["plugins", "list"], { cwd: dir.path, env: isolatedEnv(dir) });
    expect(result.stdout).toContain("present but blocked");
  });

  it("writes lifecycle trace lines to stderr only, keeping --json parseable", async () => {
    const dir = temp();
    dir.write(under("state/extensions/alpha", pluginFiles("alpha")));
    const env = { ...isolatedEnv(dir), OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1" };
    const result = await run(["plugins", "list", "--json"], { cwd: dir.path, env });
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toMatch(/\[openclaw:trace\] plugins list phase=discover ms=\d+\.\d\d/);
    expect(result.stderr).toMatch(/phase=total ms=/);
    const quiet = await run(["plugins", "list", "--json"], { cwd: dir.path, env: isolatedEnv(dir) });
    expect(quiet.stderr).toBe("");
  });
});
