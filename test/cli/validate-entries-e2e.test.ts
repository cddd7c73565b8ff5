/**
 * Issue 12, item 2, through the BUILT `openclaw` binary (`runIsolatedCli`, each case its own process): `plugins
 * validate` checks every entry kind the host loads and every registration mode, and agrees with
 * `loadPluginForTest(root, { mode })` from the built `openclaw/plugin-sdk/plugin-test-runtime` on what fails; it
 * compares the entry's own configSchema with the manifest's; a case-only uiHints typo gets a did-you-mean. Run: `npx -y pnpm@10.34.8 exec vitest run test/cli/validate-entries-e2e.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt, lastJsonLine, runIsolatedCli, runIsolatedModule, type IsolatedResult } from "../hostile/isolated.js";

const MODES = ["full", "discovery", "tool-discovery", "setup-only", "setup-runtime", "cli-metadata"] as const;

let dir: TempDir;
let counter = 0;

beforeAll(() => {
  ensureBuilt();
  dir = createTempDir("openclaw-validate-e2e-");
});
afterAll(() => dir.remove());

const CHANNEL = `{ id: "ping", meta: { id: "ping", label: "Ping" }, capabilities: { chatTypes: ["direct"] }, config: { listAccountIds: () => [], resolveAccount: () => ({}) } }`;

/** The issue's ping-channel, as a built plugin folder (plain JS, no SDK import). */
function pingChannel(options: { setupEntry?: string; writeSetup?: boolean; register?: string; entrySchema?: object; manifestSchema?: object }): string {
  counter += 1;
  const root = `case-${counter}/ping-channel`;
  const files: Record<string, string | object> = {
    [`${root}/package.json`]: {
      name: "ping-channel",
      version: "1.0.0",
      type: "module",
      openclaw: { extensions: ["./dist/index.js"], ...(options.setupEntry ? { setupEntry: options.setupEntry } : {}) },
    },
    [`${root}/openclaw.plugin.json`]: {
      id: "ping-channel",
      name: "Ping",
      description: "Ping channel",
      channels: ["ping"],
      configSchema: options.manifestSchema ?? { type: "object", additionalProperties: false, properties: {} },
    },
    [`${root}/dist/index.js`]: `export default {
  id: "ping-channel",
  ${options.entrySchema ? `configSchema: { jsonSchema: ${JSON.stringify(options.entrySchema)} },` : ""}
  register(api) { api.registerChannel({ plugin: ${CHANNEL} }); ${options.register ?? ""} },
};
`,
  };
  if (options.setupEntry && options.writeSetup) files[`${root}/${options.setupEntry.replace(/^\.\//, "")}`] = `export default { plugin: ${CHANNEL} };\n`;
  dir.write(files);
  return dir.resolve(root);
}

function validate(root: string, json = false): IsolatedResult {
  const state = dir.resolve(`state-${counter}`);
  return runIsolatedCli(["plugins", "validate", ...(json ? ["--json"] : [])], {
    cwd: root,
    timeoutMs: 60_000,
    env: { OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: `${state}/openclaw.json` },
  });
}

/** What the built host says per mode: the load error code, or null. */
function hostLoadErrors(root: string): Record<string, string | null> {
  const result = runIsolatedModule(
    `import { loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
const out = {};
for (const mode of ${JSON.stringify(MODES)}) out[mode] = (await loadPluginForTest(${JSON.stringify(root)}, { mode })).loadError?.code ?? null;
console.log(JSON.stringify(out));`,
    { timeoutMs: 60_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  return lastJsonLine<Record<string, string | null>>(result);
}

/** The modes validate's errors name. */
function modesNamed(diagnostics: Array<{ level: string; message: string }>): string[] {
  return MODES.filter((mode) =>
    diagnostics.some((d) => d.level === "error" && (d.message.includes("in every registration mode") || new RegExp(`\\b${mode} \\(`).test(d.message))),
  );
}

describe("plugins validate (built binary): every entry kind, every mode", () => {
  it("the issue's case: setupEntry ./dist/setup.js missing → exit 1, the field, the path and the fix; the host agrees", () => {
    const root = pingChannel({ setupEntry: "./dist/setup.js" });
    const human = validate(root);
    expect(human.status, human.stderr).toBe(1);
    expect(human.stdout).toContain("Plugin ping-channel is not valid");
    expect(human.stdout).not.toContain("is valid.");
    expect(human.stderr).toContain("package.json");
    expect(human.stderr).toContain('openclaw.setupEntry "./dist/setup.js" does not exist');
    expect(human.stderr).toContain("Build the plugin (npm run build)");

    const report = JSON.parse(validate(root, true).stdout) as { ok: boolean; diagnostics: Array<{ level: string; code: string; path: string; message: string }> };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.find((d) => d.path === "openclaw.setupEntry")).toMatchObject({ level: "error", code: "entry-not-found" });
    const host = hostLoadErrors(root);
    expect(host).toMatchObject({ full: null, "setup-only": "entry-not-found", "setup-runtime": "entry-not-found" });
    expect(modesNamed(report.diagnostics)).toEqual(MODES.filter((mode) => host[mode] !== null));
  });

  it("with the setup entry built, the same plugin is valid (exit 0) and loads in every mode", () => {
    const root = pingChannel({ setupEntry: "./dist/setup.js", writeSetup: true });
    const result = validate(root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Plugin ping-channel is valid.");
    expect(Object.values(hostLoadErrors(root))).toEqual(MODES.map(() => null));
  });

  it("register() reading api.runtime fails in setup-only and cli-metadata: validate names exactly the modes the host fails in", () => {
    const root = pingChannel({ register: "api.logger.info(String(api.runtime.version));" });
    const report = JSON.parse(validate(root, true).stdout) as { ok: boolean; diagnostics: Array<{ level: string; code: string; message: string }> };
    expect(report.ok).toBe(false);
    const host = hostLoadErrors(root);
    expect(Object.entries(host).filter(([, code]) => code !== null).map(([mode]) => mode)).toEqual(["setup-only", "cli-metadata"]);
    expect(modesNamed(report.diagnostics)).toEqual(["setup-only", "cli-metadata"]);
    expect(report.diagnostics.filter((d) => d.code === "plugin-load-error").every((d) => d.message.includes("api.runtime is unavailable"))).toBe(true);
  });
});

describe("plugins validate (built binary): manifest configSchema vs the entry's", () => {
  it("the issue's case: entry greeting/apiKey, manifest other → exit 1 naming both files and each property", () => {
    const root = pingChannel({
      entrySchema: { type: "object", properties: { greeting: { type: "string" }, apiKey: { type: "string" } }, required: ["apiKey"] },
      manifestSchema: { type: "object", additionalProperties: false, properties: { other: { type: "string" } } },
    });
    const human = validate(root);
    expect(human.status).toBe(1);
    for (const property of ["greeting", "apiKey", "other"]) expect(human.stderr).toContain(`property "${property}"`);
    expect(human.stderr).toContain(`${root}/openclaw.plugin.json`);
    expect(human.stderr).toContain("./dist/index.js");
    const report = JSON.parse(validate(root, true).stdout) as { diagnostics: Array<{ level: string; code: string; path: string }> };
    expect(report.diagnostics.filter((d) => d.code.startsWith("config-schema-")).map((d) => `${d.level} ${d.path}`)).toEqual([
      "error configSchema.properties.greeting",
      "error configSchema.properties.apiKey",
      "warning configSchema.properties.other",
    ]);
  });

  it("agreeing schemas are valid", () => {
    const schema = { type: "object", properties: { greeting: { type: "string" }, apiKey: { type: "string" } }, required: ["apiKey"] };
    const root = pingChannel({ entrySchema: schema, manifestSchema: schema });
    const state = dir.resolve(`state-${counter}`);
    dir.write({ [`state-${counter}/openclaw.json`]: { plugins: { entries: { "ping-channel": { config: { apiKey: "k" } } } } } });
    const result = validate(root);
    expect(result.status, `${result.stdout}\n${result.stderr}\n${state}`).toBe(0);
  });
});

describe("plugins validate (built binary): uiHints did-you-mean (item 10)", () => {
  it("a case-only typo in a uiHints key names the right key", () => {
    const schema = { type: "object", properties: { apiKey: { type: "string" } } };
    const root = pingChannel({ entrySchema: schema, manifestSchema: schema });
    const manifestFile = `${root}/openclaw.plugin.json`;
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, uiHints: { apikey: { label: "API key", sensitive: true } } }));
    const result = validate(root);
    expect(result.stderr).toContain('uiHints.apikey: "apikey" names no property of configSchema; the hint applies to nothing. Did you mean "apiKey"?');
    expect(result.stderr).toContain("(ui-hint-unknown-path)");
  });
});
