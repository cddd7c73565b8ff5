/**
 * `plugins validate` checks every entry kind and every registration mode, and agrees with
 * `loadPluginForTest(root, { mode })` on what fails (in-process CLI; the built binary is covered by
 * test/cli/validate-entries-e2e.test.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import { REGISTRATION_MODES } from "../host/modes.js";
import { loadPluginForTest } from "../host/test-runtime.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { runCli } from "./program.js";
import { checkEntryPlan, modesUsing } from "./validate-entries.js";

const dirs = createTempDirPool("openclaw-validate-entries-");
const temp = (): TempDir => dirs.create();
afterEach(() => dirs.removeAll());

async function validate(root: string): Promise<{ code: number; ok: boolean; diagnostics: PluginDiagnostic[]; stdout: string }> {
  let stdout = "";
  const io: CliIO = { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: () => true }, env: {}, cwd: root };
  const code = await runCli(["plugins", "validate", "--json"], io);
  const parsed = JSON.parse(stdout) as { ok: boolean; diagnostics: PluginDiagnostic[] };
  return { code, ok: parsed.ok, diagnostics: parsed.diagnostics, stdout };
}

const channelManifest = (extra: object = {}) => ({
  id: "ping-channel",
  name: "Ping",
  description: "Ping channel",
  channels: ["ping"],
  configSchema: { type: "object", additionalProperties: false, properties: {} },
  ...extra,
});

/** A channel plugin: main entry registering a channel; optional setup entry file. */
function pingChannel(dir: TempDir, options: { setupEntry?: string; setupSource?: string; mainRegister?: string; pkgExtra?: object; manifest?: object; main?: string } = {}): string {
  const files: Record<string, string | object> = {
    "p/package.json": {
      name: "ping-channel",
      version: "1.0.0",
      type: "module",
      openclaw: { extensions: ["./dist/index.js"], ...(options.setupEntry ? { setupEntry: options.setupEntry } : {}), ...options.pkgExtra },
    },
    "p/openclaw.plugin.json": options.manifest ?? channelManifest(),
    [`p/${options.main ?? "dist/index.js"}`]: `export default {
  id: "ping-channel",
  register(api) {
    ${options.mainRegister ?? 'api.registerChannel({ plugin: { id: "ping", meta: { id: "ping", label: "Ping" }, capabilities: { chatTypes: ["direct"] }, config: { listAccountIds: () => [], resolveAccount: () => ({}) } } });'}
  },
};
`,
  };
  if (options.setupSource !== undefined && options.setupEntry) files[`p/${options.setupEntry.replace(/^\.\//, "")}`] = options.setupSource;
  dir.write(files);
  return dir.resolve("p");
}

/** The modes validate says fail, from its diagnostics' messages. */
function failingModes(diagnostics: PluginDiagnostic[]): PluginRegistrationMode[] {
  const found = new Set<PluginRegistrationMode>();
  for (const d of diagnostics.filter((x) => x.level === "error")) {
    if (d.message.includes("in every registration mode")) for (const mode of REGISTRATION_MODES) found.add(mode);
    for (const mode of REGISTRATION_MODES) if (new RegExp(`\\b${mode} \\(`).test(d.message)) found.add(mode);
  }
  return REGISTRATION_MODES.filter((mode) => found.has(mode));
}

async function hostFailingModes(root: string): Promise<PluginRegistrationMode[]> {
  const failing: PluginRegistrationMode[] = [];
  for (const mode of REGISTRATION_MODES) {
    const loaded = await loadPluginForTest(root, { mode });
    if (loaded.loadError) failing.push(mode);
  }
  return failing;
}

describe("plugins validate: every entry kind", () => {
  it("the issue's case: a missing setupEntry is an error naming the field, the path, the modes and the fix", async () => {
    const root = pingChannel(temp(), { setupEntry: "./dist/setup.js" });
    const result = await validate(root);
    expect(result.code).toBe(1);
    const missing = result.diagnostics.find((d) => d.path === "openclaw.setupEntry")!;
    expect(missing).toMatchObject({ level: "error", code: "entry-not-found", file: `${root}/package.json` });
    expect(missing.message).toContain('openclaw.setupEntry "./dist/setup.js" does not exist');
    expect(missing.message).toContain("setup-only (a disabled or unconfigured channel)");
    expect(missing.message).toContain("Build the plugin (npm run build)");
    // The same answer as the host.
    const setupOnly = await loadPluginForTest(root, { mode: "setup-only" });
    expect(setupOnly.loadError?.code).toBe("entry-not-found");
    expect(failingModes(result.diagnostics)).toEqual(await hostFailingModes(root));
    expect(failingModes(result.diagnostics)).toEqual(["setup-only", "setup-runtime"]);
  });

  it("a setup entry that exists and loads: valid; for a TypeScript setupEntry the host imports its built peer", async () => {
    const dir = temp();
    const root = pingChannel(dir, { setupEntry: "./src/setup.ts" });
    // Only the built peer exists: the host loads dist/setup.js for ./src/setup.ts, and so does validate.
    dir.write({
      "p/dist/setup.js":
        "export default { plugin: { id: 'ping', meta: { id: 'ping', label: 'Ping' }, capabilities: { chatTypes: ['direct'] }, config: { listAccountIds: () => [], resolveAccount: () => ({}) } } };\n",
    });
    const result = await validate(root);
    expect(result.diagnostics.filter((d) => d.level === "error")).toEqual([]);
    expect(result.code).toBe(0);
    expect(await hostFailingModes(root)).toEqual([]);
  });

  it("register that throws only where api.runtime is missing: reported for exactly the modes the host fails in", async () => {
    const root = pingChannel(temp(), { mainRegister: "api.logger.info(String(api.runtime.version));" });
    const result = await validate(root);
    expect(result.code).toBe(1);
    const host = await hostFailingModes(root);
    expect(host).toEqual(["setup-only", "cli-metadata"]);
    expect(failingModes(result.diagnostics)).toEqual(host);
    // The host's message differs per mode (it explains that mode), so each mode gets its own diagnostic.
    const errors = result.diagnostics.filter((d) => d.code === "plugin-load-error");
    expect(errors.map((d) => d.message.slice(0, d.message.indexOf(":")))).toEqual([
      "in registration mode setup-only (a disabled or unconfigured channel)",
      "in registration mode cli-metadata (building the CLI's command list)",
    ]);
    for (const error of errors) {
      expect(error.message).toContain("api.runtime is unavailable");
      expect(error.file).toBe(`${root}/dist/index.js`);
    }
  });

  it("a missing runtimeExtensions peer is a warning (the host falls back); further extensions resolve through built peers", async () => {
    const dir = temp();
    const root = pingChannel(dir, { pkgExtra: { runtimeExtensions: ["./dist/runtime.js"], extensions: ["./dist/index.js", "./src/extra.ts", "./src/gone.ts"] } });
    dir.write({ "p/dist/extra.js": "export default { id: 'ping-channel', register() {} };\n" });
    const result = await validate(root);
    expect(result.diagnostics.filter((d) => d.code === "entry-runtime-missing")).toEqual([
      expect.objectContaining({ level: "warning", path: "openclaw.runtimeExtensions[0]", message: expect.stringContaining("falls back to ./dist/index.js") }),
    ]);
    expect(result.diagnostics.filter((d) => d.code === "entry-not-found").map((d) => d.path)).toEqual(["openclaw.extensions[2]"]);
  });

  it("an import failure happens in every mode and is reported once", async () => {
    const dir = temp();
    const root = pingChannel(dir);
    dir.write({ "p/dist/index.js": "import './missing-helper.js';\nexport default { id: 'ping-channel', register() {} };\n" });
    const result = await validate(root);
    expect(result.code).toBe(1);
    expect(result.diagnostics.filter((d) => d.level === "error").map((d) => d.code)).toEqual(["entry-import-failed"]);
    expect(await hostFailingModes(root)).toEqual(REGISTRATION_MODES);
    expect(failingModes(result.diagnostics)).toEqual(REGISTRATION_MODES);
  });

  it("modesUsing and checkEntryPlan follow the host's mode table", () => {
    expect(modesUsing("setup", true)).toEqual(["setup-only", "setup-runtime"]);
    expect(modesUsing("main", true)).toEqual(["full", "discovery", "tool-discovery", "cli-metadata"]);
    expect(modesUsing("main", false)).toEqual(REGISTRATION_MODES);
    const dir = temp();
    const root = pingChannel(dir, { setupEntry: "./setup.js" });
    const plan = checkEntryPlan(root, { reportMissingMain: true });
    expect([...plan.unloadableModes]).toEqual(["setup-only", "setup-runtime"]);
    expect(plan.main?.file).toBe(`${root}/dist/index.js`);
  });
});

describe("plugins validate: manifest configSchema vs the entry's", () => {
  it("the issue's case: entry greeting/apiKey, manifest other → errors naming both files and the property", async () => {
    const dir = temp();
    const root = pingChannel(dir, {
      manifest: channelManifest({ configSchema: { type: "object", additionalProperties: false, properties: { other: { type: "string" } } } }),
    });
    dir.write({
      "p/dist/index.js": `export default {
  id: "ping-channel",
  configSchema: { jsonSchema: { type: "object", properties: { greeting: { type: "string" }, apiKey: { type: "string" } }, required: ["apiKey"] } },
  register() {},
};
`,
    });
    const result = await validate(root);
    expect(result.code).toBe(1);
    const schema = result.diagnostics.filter((d) => d.code.startsWith("config-schema-"));
    expect(schema.map((d) => `${d.level} ${d.code} ${d.path}`)).toEqual([
      "error config-schema-entry-only-property configSchema.properties.greeting",
      "error config-schema-entry-only-property configSchema.properties.apiKey",
      "warning config-schema-manifest-only-property configSchema.properties.other",
    ]);
    expect(schema[1]!.message).toContain("./dist/index.js");
    expect(schema[1]!.message).toContain(`${root}/openclaw.plugin.json`);
    expect(schema[1]!.file).toBe(`${root}/openclaw.plugin.json`);
  });

  it("a lazy configSchema factory is read; an entry without properties is not compared", async () => {
    const dir = temp();
    const root = pingChannel(dir, {
      manifest: channelManifest({ configSchema: { type: "object", properties: { token: { type: "string" } }, required: ["token"] } }),
    });
    dir.write({
      "p/dist/index.js": `export default { id: "ping-channel", configSchema: () => ({ jsonSchema: { type: "object", properties: { token: { type: "number" } } } }), register() {} };\n`,
    });
    const mismatch = await validate(root);
    expect(mismatch.diagnostics.filter((d) => d.code.startsWith("config-schema-")).map((d) => d.code)).toEqual([
      "config-schema-required-mismatch",
      "config-schema-type-mismatch",
    ]);
    dir.write({ "p/dist/index.js": `export default { id: "ping-channel", configSchema: { jsonSchema: { type: "object", additionalProperties: false, properties: {} } }, register() {} };\n` });
    const empty = await validate(root);
    expect(empty.diagnostics.filter((d) => d.code.startsWith("config-schema-"))).toEqual([]);
  });
});
