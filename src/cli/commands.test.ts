/**
 * In-process behaviour of build / validate / inspect / doctor over fixture plugins whose entries import the SDK
 * sources directly (the packed-binary path is covered end to end in test/cli/plugins-e2e.test.ts).
 */
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { runCli } from "./program.js";

const SDK = {
  tool: pathToFileURL(join(import.meta.dirname, "..", "entry", "define-tool-plugin.ts")).href,
  entry: pathToFileURL(join(import.meta.dirname, "..", "entry", "define-plugin-entry.ts")).href,
  schema: pathToFileURL(join(import.meta.dirname, "..", "entry", "config-schema.ts")).href,
};

const dirs = createTempDirPool("openclaw-cmd-");
const temp = (): TempDir => dirs.create();
afterEach(() => dirs.removeAll());

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

let counter = 0;
/** A tool plugin project: package.json, built entry (JS importing the SDK sources), optional manifest. */
function toolPlugin(dir: TempDir, prefix: string, options: { id?: string; tools?: string[]; manifest?: object | false; pkg?: object } = {}): string {
  const id = options.id ?? "weather";
  const tools = options.tools ?? ["weather_lookup"];
  counter += 1;
  dir.write({
    [`${prefix}/package.json`]: options.pkg ?? { name: `@acme/${id}-plugin`, version: "1.2.0", type: "module", openclaw: { extensions: ["./dist/index.js"] } },
    [`${prefix}/dist/index.js`]: `// fixture ${counter}
import { defineToolPlugin } from ${JSON.stringify(SDK.tool)};
import { buildJsonPluginConfigSchema } from ${JSON.stringify(SDK.schema)};
export default defineToolPlugin({
  id: ${JSON.stringify(id)},
  name: "Weather",
  description: "Weather lookups",
  configSchema: buildJsonPluginConfigSchema({ type: "object", properties: { units: { type: "string" } }, additionalProperties: false }),
  tools: ${JSON.stringify(tools)}.map((name) => ({
    name,
    description: "Look up " + name,
    parameters: { type: "object", properties: {} },
    execute: () => "ok",
  })),
});
`,
  });
  if (options.manifest !== false) dir.write({ [`${prefix}/openclaw.plugin.json`]: options.manifest ?? { id, configSchema: {} } });
  return dir.resolve(prefix);
}

function hookPlugin(dir: TempDir, prefix: string, id: string, register: string): string {
  counter += 1;
  dir.write({
    [`${prefix}/package.json`]: { name: id, version: "0.3.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    [`${prefix}/openclaw.plugin.json`]: { id, name: `Plugin ${id}`, configSchema: {}, contracts: { tools: ["t1"] } },
    [`${prefix}/index.js`]: `// fixture ${counter}
import { definePluginEntry } from ${JSON.stringify(SDK.entry)};
export default definePluginEntry({ id: ${JSON.stringify(id)}, name: "P", description: "P", register(api) { ${register} } });
`,
  });
  return dir.resolve(prefix);
}

describe("plugins build", () => {
  it("writes the generated fields, keeps the rest, aligns openclaw.extensions, then --check passes", async () => {
    const dir = temp();
    const root = toolPlugin(dir, "p", {
      tools: ["weather_lookup", "weather_alerts"],
      manifest: { $schema: "x", id: "weather", uiHints: { units: { label: "Units" } }, configSchema: {}, contracts: { webSearchProviders: ["w"] } },
      pkg: { name: "weather-plugin", version: "1.2.0", type: "module" },
    });
    const before = await run(["plugins", "build", "--check"], root);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('openclaw.plugin.json: contracts.tools: expected ["weather_lookup","weather_alerts"], found (missing)');
    expect(before.stderr).toContain('package.json: openclaw.extensions: expected ["./dist/index.js"], found (missing)');
    expect(readFileSync(join(root, "openclaw.plugin.json"), "utf8")).not.toContain("weather_alerts");

    const build = await run(["plugins", "build"], root);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain("2 tools: weather_lookup, weather_alerts");
    const manifest = JSON.parse(readFileSync(join(root, "openclaw.plugin.json"), "utf8"));
    expect(Object.keys(manifest)).toEqual(["$schema", "id", "uiHints", "configSchema", "contracts", "name", "description", "version", "activation"]);
    expect(manifest).toMatchObject({
      name: "Weather",
      version: "1.2.0",
      uiHints: { units: { label: "Units" } },
      configSchema: { type: "object", properties: { units: { type: "string" } }, additionalProperties: false },
      activation: { onStartup: true },
      contracts: { webSearchProviders: ["w"], tools: ["weather_lookup", "weather_alerts"] },
    });
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).openclaw).toEqual({ extensions: ["./dist/index.js"] });
    expect((await run(["plugins", "build", "--check"], root)).code).toBe(0);
    const again = await run(["plugins", "build", "--json"], root);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, changed: false, differences: [] });
  });

  it("leaves an up-to-date JSON5 manifest untouched and rewrites a stale one as JSON with a note", async () => {
    const dir = temp();
    const root = toolPlugin(dir, "p");
    expect((await run(["plugins", "build"], root)).code).toBe(0);
    const json = JSON.parse(readFileSync(join(root, "openclaw.plugin.json"), "utf8"));
    const json5 = `// generated by openclaw plugins build\n${JSON.stringify(json, null, 4).replace(/\n}$/, ",\n}")}\n`;
    dir.write({ "p/openclaw.plugin.json": json5 });
    const upToDate = await run(["plugins", "build"], root);
    expect(upToDate.code).toBe(0);
    expect(upToDate.stdout).toContain("Up to date");
    expect(readFileSync(join(root, "openclaw.plugin.json"), "utf8")).toBe(json5);
    dir.write({ "p/openclaw.plugin.json": json5.replace('"Weather"', '"Old name"') });
    const stale = await run(["plugins", "build"], root);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain("was JSON5; it is rewritten as plain JSON");
    expect(JSON.parse(readFileSync(join(root, "openclaw.plugin.json"), "utf8"))).toEqual(json);
  });

  it("names the missing entry and a non-tool entry with the fix", async () => {
    const dir = temp();
    dir.write({ "p/package.json": { name: "x", version: "1.0.0" } });
    const missing = await run(["plugins", "build"], dir.resolve("p"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("entry ./dist/index.js not found");
    expect(missing.stderr).toContain("--entry <path>");
    const root = hookPlugin(dir, "h", "hooky", "api.on('before_tool_call', () => undefined);");
    // Not a tool plugin: nothing to generate is a success with a note, for build and build --check alike.
    const before = readFileSync(join(root, "openclaw.plugin.json"), "utf8");
    for (const args of [[], ["--check"]]) {
      const notTool = await run(["plugins", "build", "--entry", "./index.js", ...args], root);
      expect(notTool.code, notTool.stderr).toBe(0);
      expect(notTool.stdout).toContain("./index.js is not a defineToolPlugin entry");
      expect(notTool.stdout).toContain("metadata for tool plugins (defineToolPlugin from openclaw/plugin-sdk/tool-plugin) only");
      expect(notTool.stdout).toContain("openclaw plugins validate");
    }
    const json = await run(["plugins", "build", "--check", "--json", "--entry", "./index.js"], root);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, check: true, changed: false, skipped: "not-a-tool-plugin", differences: [] });
    expect(readFileSync(join(root, "openclaw.plugin.json"), "utf8")).toBe(before);
  });
});

describe("plugins validate", () => {
  it("passes a freshly built tool plugin and reports a config keyed by package name", async () => {
    const dir = temp();
    const root = toolPlugin(dir, "p");
    expect((await run(["plugins", "build"], root)).code).toBe(0);
    const ok = await run(["plugins", "validate", "--json"], root);
    expect(ok.code, ok.stdout).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, id: "weather", ids: { manifest: "weather", entry: "weather", packageName: "@acme/weather-plugin" } });

    dir.write({ "state/openclaw.json": { plugins: { entries: { "weather-plugin": { enabled: true } } } } });
    const keyed = await run(["plugins", "validate"], root, { OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(keyed.code).toBe(1);
    expect(keyed.stderr).toContain('plugins.entries."weather-plugin" uses the package name without scope, not the plugin id');
    expect(keyed.stderr).toContain(dir.resolve("state/openclaw.json"));
  });

  it("finds tools registered at runtime that contracts.tools does not list", async () => {
    const dir = temp();
    const root = hookPlugin(
      dir,
      "h",
      "runtime-tools",
      `api.registerTool({ name: "t1", description: "d", parameters: {}, execute: async () => ({ content: [] }) });
       api.registerTool({ name: "t2", description: "d", parameters: {}, execute: async () => ({ content: [] }) });`,
    );
    const result = await run(["plugins", "validate"], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('contracts.tools does not list "t2"');
    expect(result.stderr).not.toContain('does not list "t1"');
  });
});

describe("plugins inspect", () => {
  it("lists runtime registrations in the documented JSON shape; static mode runs no code", async () => {
    const dir = temp();
    const root = hookPlugin(
      dir,
      "h",
      "busy",
      `api.on("before_tool_call", () => undefined, { priority: 7 });
       api.on("gateway_start", () => undefined);
       api.registerTool({ name: "t1", description: "d", parameters: {}, execute: async () => ({ content: [] }) });
       api.registerCommand({ name: "ping", description: "p", handler: () => ({ text: "pong" }) });
       api.registerService({ id: "svc", start() {} });
       api.registerGatewayMethod("busy.status", () => undefined);
       api.registerHttpRoute({ path: "/busy/hook", auth: "plugin", handler: () => true });
       api.registerCli(() => {}, { descriptors: [{ name: "busy", description: "Busy tools" }], parentPath: ["nodes"] });
       globalThis.__busyRegistered = (globalThis.__busyRegistered ?? 0) + 1;`,
    );
    const staticRun = await run(["plugins", "inspect", root, "--json"], dir.path);
    expect(staticRun.code, staticRun.stderr).toBe(0);
    expect(JSON.parse(staticRun.stdout)).toMatchObject({ id: "busy", shape: null, tools: ["t1"], hooks: [] });
    expect((globalThis as { __busyRegistered?: number }).__busyRegistered).toBeUndefined();

    const result = await run(["plugins", "inspect", root, "--runtime", "--json"], dir.path);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      id: "busy",
      name: "Plugin busy",
      version: "0.3.0",
      format: "openclaw",
      shape: "non-capability",
      hooks: [
        { name: "before_tool_call", priority: 7 },
        { name: "gateway_start", priority: 0 },
      ],
      tools: ["t1"],
      commands: ["ping"],
      services: ["svc"],
      gatewayMethods: ["busy.status"],
      httpRoutes: ["/busy/hook"],
      cliCommands: [{ name: "busy", parentPath: ["nodes"], path: "nodes busy" }],
    });
    const human = await run(["plugins", "info", root, "--runtime"], dir.path);
    expect(human.stdout).toContain("openclaw nodes busy");
    expect(human.stdout).toContain("before_tool_call (priority 7)");
  });

  it("keeps workspace plugins closed until enabled (and allowed)", async () => {
    const dir = temp();
    // Plugin code runs in the runtime-check child process: the fixture leaves a marker file when it is imported.
    const marker = dir.resolve("wsp-ran");
    hookPlugin(dir, "ws/.openclaw/extensions/wsp", "wsp", "");
    dir.write({ "ws/.openclaw/extensions/wsp/index.js": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "1");\n${readFileSync(dir.resolve("ws/.openclaw/extensions/wsp/index.js"), "utf8")}` });
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };
    const refused = await run(["plugins", "inspect", "wsp", "--runtime"], dir.resolve("ws"), env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("set plugins.entries.wsp.enabled to true");
    expect(existsSync(marker)).toBe(false);

    dir.write({ "state/openclaw.json": { plugins: { allow: ["other"], entries: { wsp: { enabled: true } } } } });
    const notAllowed = await run(["plugins", "inspect", "wsp", "--runtime"], dir.resolve("ws"), env);
    expect(notAllowed.code).toBe(1);
    expect(notAllowed.stderr).toContain('add "wsp" to plugins.allow');

    dir.write({ "state/openclaw.json": { plugins: { allow: ["wsp"], entries: { wsp: { enabled: true } } } } });
    const loaded = await run(["plugins", "inspect", "wsp", "--runtime"], dir.resolve("ws"), env);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  it("a folder that is not a plugin is named as such; an existing folder name is a path, not an id", async () => {
    const dir = temp();
    dir.write({ "notaplugin/notes.txt": "x", "halfplugin/package.json": { name: "half", version: "1.0.0" } });
    for (const args of [["notaplugin"], ["./notaplugin", "--runtime"], ["notaplugin", "--runtime", "--json"]]) {
      const result = await run(["plugins", "inspect", ...args], dir.path);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(`${dir.resolve("notaplugin")} is not a plugin folder: it has no openclaw.plugin.json and no package.json.`);
      expect(result.stderr).not.toContain("no plugin with id");
      expect(result.stderr).not.toContain("above");
      expect(result.stdout).toBe("");
    }
    const half = await run(["plugins", "inspect", "halfplugin"], dir.path);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain("its package.json has no openclaw.extensions list");
    expect((await run(["plugins", "inspect", "./missing"], dir.path)).code).toBe(2);

    hookPlugin(dir, "byname", "by-name", "");
    const byName = await run(["plugins", "inspect", "byname", "--json"], dir.path);
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout).id).toBe("by-name");
  });

  it("a throwing register() shows the stack in the plugin's own files and no shape; error diagnostics exit 1 like validate", async () => {
    const dir = temp();
    const root = hookPlugin(dir, "thrower", "thrower", `api.on("gateway_start", () => undefined); explode();`);
    dir.write({ "thrower/index.js": `${readFileSync(join(root, "index.js"), "utf8")}\nfunction explode() {\n  throw new Error("boom in register");\n}\n` });
    const human = await run(["plugins", "inspect", "thrower", "--runtime"], dir.path);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain("load failed (register-failed)");
    expect(human.stderr).toContain("boom in register");
    expect(human.stderr).toMatch(/^ {4}at explode \(\.\/index\.js:6:9\)$/m);
    expect(human.stderr).toMatch(/^ {4}at (Object\.)?register \(\.\/index\.js:3:\d+\)$/m);
    expect(human.stderr).not.toContain("node_modules");
    expect(human.stderr).toContain("set OPENCLAW_PLUGIN_LOAD_DEBUG=1 for the full stack");
    expect(human.stdout).toContain("load error");
    expect(human.stdout).not.toMatch(/Shape|Hooks|gateway_start/);
    const json = await run(["plugins", "inspect", "thrower", "--runtime", "--json"], dir.path);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ shape: null, hooks: [], capabilities: [] });
    expect(json.stderr).toMatch(/at explode \(\.\/index\.js:6:9\)/);
    const debug = await run(["plugins", "inspect", "thrower", "--runtime"], dir.path, { OPENCLAW_PLUGIN_LOAD_DEBUG: "1" });
    expect(debug.stderr).toMatch(/^ {4}at explode \(\.\/index\.js:6:9\)$/m);
    expect(debug.stderr).toContain("full stack (OPENCLAW_PLUGIN_LOAD_DEBUG=1):");
    expect(debug.stderr).toContain(join(root, "index.js"));

    hookPlugin(dir, "undeclared", "undeclared", `api.registerTool({ name: "t2", description: "d", parameters: {}, execute: async () => ({ content: [] }) });`);
    const inspect = await run(["plugins", "inspect", "undeclared", "--runtime"], dir.path);
    expect(inspect.stdout).toContain("Errors:");
    expect(inspect.stdout).toContain("contract-tools-undeclared");
    expect(inspect.code).toBe(1);
    expect((await run(["plugins", "validate", "undeclared"], dir.path)).code).toBe(1);
    const validateThrower = await run(["plugins", "validate", "thrower"], dir.path);
    expect(validateThrower.code).toBe(1);
    expect(validateThrower.stderr).toMatch(/boom in register \(at explode \(\.\/index\.js:6:9\)\)/);
    expect((await run(["plugins", "inspect", "undeclared", "--runtime", "--json"], dir.path)).code).toBe(1);
  });

  it("--all renders a table with shape, capabilities, notices and hooks", async () => {
    const dir = temp();
    hookPlugin(dir, "state/extensions/a", "a-hooks", `api.on("gateway_start", () => undefined);`);
    hookPlugin(dir, "state/extensions/b", "b-tools", `api.registerTool({ name: "t1", description: "d", parameters: {}, execute: async () => ({ content: [] }) });`);
    const result = await run(["plugins", "inspect", "--all"], dir.path, { OPENCLAW_STATE_DIR: dir.resolve("state") });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ID\s+STATUS\s+SHAPE\s+CAPABILITIES\s+COMPAT NOTICES\s+HOOKS/);
    expect(result.stdout).toMatch(/a-hooks\s+loaded\s+hook-only\s+-\s+1\s+1 \(gateway_start\)/);
    expect(result.stdout).toMatch(/b-tools\s+loaded\s+non-capability/);
  });
});

describe("plugins doctor", () => {
  it("prints exactly the clean message, then reports blocked, stale and broken plugins", async () => {
    const dir = temp();
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state") };
    const empty = await run(["plugins", "doctor"], dir.path, env);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/^0 plugins found in plugins\.load\.paths of .*openclaw\.json \(none set\), .*\.openclaw\/extensions and .*state\/extensions, so no plugin was checked\./);
    expect(empty.stdout).not.toContain("No plugin issues detected.");
    const emptyJson = JSON.parse((await run(["plugins", "doctor", "--json"], dir.path, env)).stdout);
    expect(emptyJson).toMatchObject({ ok: true, pluginCount: 0, checked: { plugins: [] } });
    expect(emptyJson.summary).toMatch(/^0 plugins found in /);

    hookPlugin(dir, "state/extensions/good", "good", `api.registerTool({ name: "t1", description: "d", parameters: {}, execute: async () => ({ content: [] }) });`);
    const clean = await run(["plugins", "doctor"], dir.path, env);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe("");
    expect(clean.stdout).toBe(
      `Checked 1 plugin (good) found in plugins.load.paths of ${dir.resolve("state/openclaw.json")} (none set), ${dir.resolve(".openclaw/extensions")} and ${dir.resolve("state/extensions")}.\nNo plugin issues detected.\n`,
    );

    const missingWorkspace = await run(["plugins", "doctor", "--workspace", "nowhere"], dir.path, env);
    expect(missingWorkspace.code).toBe(2);
    expect(missingWorkspace.stderr).toContain(`--workspace nowhere: ${dir.resolve("nowhere")} does not exist`);

    hookPlugin(dir, "state/extensions/hooky", "hooky", `api.on("gateway_start", () => undefined);`);
    const notices = await run(["plugins", "doctor"], dir.path, env);
    expect(notices.code).toBe(0);
    expect(notices.stdout).toContain("Compatibility notices:");
    expect(notices.stdout).toContain("hook-only-plugin");
    expect(notices.stdout.trimEnd().split("\n").at(-1)).toBe("No plugin issues detected.");

    dir.write({ "state/openclaw.json": { plugins: { slots: { memory: "memory-lancedb" }, allow: ["good", "gone"] } } });
    const stale = await run(["plugins", "doctor"], dir.path, env);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("Stale plugin config:");
    expect(stale.stdout).toContain('plugins.slots.memory names plugin "memory-lancedb"');
    expect(stale.stdout).toContain("Installed plugins are healthy (2 checked)");
    expect(stale.stdout).not.toContain("No plugin issues detected.");

    hookPlugin(dir, "state/extensions/bad", "bad", `throw new Error("boom in register");`);
    hookPlugin(dir, "state/extensions/locked", "locked", "");
    chmodSync(dir.resolve("state/extensions/locked"), 0o777);
    dir.write({ "state/openclaw.json": { plugins: { entries: { locked: { enabled: true, config: {} } } } } });
    const broken = await run(["plugins", "doctor", "--json"], dir.path, env);
    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report.ok).toBe(false);
    const messages = report.issues.map((issue: { message: string }) => issue.message).join("\n");
    expect(messages).toContain("boom in register");
    expect(messages).toContain('configured plugin "locked" is present but blocked');
    expect(messages).toContain("world-writable");
    chmodSync(dir.resolve("state/extensions/locked"), 0o755);
  });
});
