/**
 * The manifest tooling as a plugin author gets it from the packed package: an `openclaw.plugin.json` pointing its
 * `$schema` at the shipped JSON Schema, read and checked through `openclaw/plugin-sdk/plugin-manifest`, gateway
 * config validated against it, and `openclaw/plugin-sdk/plugin-manifest.schema.json` resolvable by that exact name.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage } from "../../scripts/lib/pack.js";

const workDir = join(repoRoot, "test", ".tmp", `plugin-manifest-${process.pid}`);
const projectDir = join(workDir, "project");

interface Output {
  importedThirdParty: number;
  id: string;
  diagnostics: string[];
  config: string[];
  defaults: unknown;
  schemaFile: string;
  schemaTitle: string;
  schemaRefExists: boolean;
  broken: string[];
}

let output: Output;

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  createConsumerProject(projectDir, packPackage(join(workDir, "pack")));
  const pluginDir = join(projectDir, "my-plugin");
  mkdirSync(join(pluginDir, "skills"), { recursive: true });
  writeFileSync(join(pluginDir, "skills", "SKILL.md"), "# skill\n");
  writeFileSync(
    join(pluginDir, "openclaw.plugin.json"),
    `// JSON5: comments and trailing commas are fine
{
  "$schema": "../node_modules/openclaw/dist/plugin-sdk/plugin-manifest.schema.json",
  "id": "my-plugin",
  "skills": ["skills"],
  "configSchema": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "apiKey": { "type": "string", "minLength": 10 },
      "timeout": { "type": "integer", "minimum": 1000, "default": 5000 },
    },
    "required": ["apiKey"],
  },
  "uiHints": { "apiKey": { "label": "API Key", "sensitive": true } },
  "contracts": { "tools": ["lookup"] },
}
`,
  );
  mkdirSync(join(projectDir, "broken"));
  writeFileSync(join(projectDir, "broken", "openclaw.plugin.json"), '{ "id": "broken", "configSchema": {}, "contracts": { "tools": true } }');
  writeFileSync(
    join(projectDir, "manifest-check.mjs"),
    `import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
const require = createRequire(import.meta.url);
const sdk = await import("openclaw/plugin-sdk/plugin-manifest");
const importedThirdParty = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](zod|ajv|ajv-formats|json5)[\\\\/]/.test(file)).length;
const result = await sdk.readPluginManifest("./my-plugin");
const validation = sdk.validatePluginsConfig(
  { plugins: { entries: { "my-plugin": { config: { apiKey: "short-key" } } } } },
  { manifests: [result.manifest], moment: "start" },
);
const ok = sdk.validatePluginsConfig(
  { plugins: { entries: { "my-plugin": { config: { apiKey: "long-enough-key" } } } } },
  { manifests: [result.manifest], moment: "start" },
);
const schemaFile = require.resolve("openclaw/plugin-sdk/plugin-manifest.schema.json");
const schema = (await import("openclaw/plugin-sdk/plugin-manifest.schema.json", { with: { type: "json" } })).default;
const manifestSchemaRef = resolve("my-plugin", result.manifest.$schema);
const broken = await sdk.readPluginManifest("./broken");
console.log(JSON.stringify({
  importedThirdParty,
  id: result.manifest.id,
  diagnostics: result.diagnostics.map(sdk.formatDiagnostic),
  config: validation.diagnostics.map((d) => d.message),
  defaults: ok.config,
  schemaFile,
  schemaTitle: schema.title,
  schemaRefExists: existsSync(manifestSchemaRef) && manifestSchemaRef === schemaFile,
  broken: broken.diagnostics.map((d) => d.code),
}));
`,
  );
  const stdout = execFileSync(process.execPath, ["--no-warnings", "manifest-check.mjs"], { cwd: projectDir, encoding: "utf8" });
  output = JSON.parse(stdout) as Output;
}, 600_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("openclaw/plugin-sdk/plugin-manifest from the packed package", () => {
  it("imports without loading zod, ajv or json5", () => {
    expect(output.importedThirdParty).toBe(0);
  });

  it("reads a JSON5 manifest with no diagnostics", () => {
    expect(output.id).toBe("my-plugin");
    expect(output.diagnostics).toEqual([]);
  });

  it("validates gateway config with paths, reasons and defaults, never printing the sensitive value", () => {
    expect(output.config).toEqual([
      "plugins.entries.my-plugin.config.apiKey: must NOT have fewer than 10 characters (value hidden: sensitive)",
    ]);
    expect(JSON.stringify(output.config)).not.toContain("short-key");
    expect(output.defaults).toEqual({ plugins: { entries: { "my-plugin": { config: { apiKey: "long-enough-key", timeout: 5000 } } } } });
  });

  it('reports "tools": true instead of dropping it', () => {
    expect(output.broken).toEqual(["contracts-not-array"]);
  });

  it("exports the JSON Schema as openclaw/plugin-sdk/plugin-manifest.schema.json, where $schema points", () => {
    expect(output.schemaTitle).toBe("OpenClaw plugin manifest (openclaw.plugin.json)");
    expect(output.schemaFile.endsWith(join("node_modules", "openclaw", "dist", "plugin-sdk", "plugin-manifest.schema.json"))).toBe(true);
    expect(output.schemaRefExists).toBe(true);
    expect(readFileSync(output.schemaFile, "utf8")).toBe(readFileSync(join(repoRoot, "src/plugin-sdk/plugin-manifest.schema.json"), "utf8"));
    expect(existsSync(output.schemaFile)).toBe(true);
  });
});
