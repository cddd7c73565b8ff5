/**
 * Files of the tool-plugin scaffold written by `openclaw plugins init`. Kept as TypeScript template functions
 * (not asset files) so they ship inside the CLI bundle and are type-checked with it.
 *
 * The scaffold: a TypeScript ESM package whose `src/index.ts` exports a `defineToolPlugin` entry with one tool,
 * `src/index.test.ts` testing it through the published harness with Node's built-in test runner (no test
 * framework dependency), `tsc` compiling both to `dist/`, and `openclaw plugins build` regenerating
 * `openclaw.plugin.json` from `dist/index.js` after every build.
 */
import { buildJsonPluginConfigSchema } from "../../entry/config-schema.js";
import { defineToolPlugin } from "../../entry/define-tool-plugin.js";
import { generateManifest, stringifyJsonFile, type ToolPluginBuildMetadata } from "../generated-metadata.js";
import { readToolPluginBuildMetadata } from "../tool-metadata.js";

/** Inputs of {@link renderToolPluginScaffold}. */
export interface ToolPluginScaffoldOptions {
  /** Plugin id (lowercase letters, digits, hyphens). */
  id: string;
  /** Display name. */
  name: string;
  /** Version of the `openclaw` package the scaffold depends on (the running CLI's version). */
  sdkVersion: string;
  /**
   * `devDependencies.openclaw` when it is not `sdkVersion`: a range, a tag, or `file:<absolute path>` of a tarball or
   * folder (`plugins init --sdk`).
   */
  sdkDependency?: string;
  /** `peerDependencies.openclaw` (default `>=<sdkVersion>`). */
  sdkPeerRange?: string;
}

/** Plugin package version written by the scaffold. */
export const SCAFFOLD_PLUGIN_VERSION = "0.1.0";

/**
 * Name of the scaffold's tool: the id with hyphens as underscores, plus `_echo` (tool names are global, so they
 * carry the plugin id).
 *
 * @example
 * ```ts
 * scaffoldToolName("stock-quotes"); // "stock_quotes_echo"
 * ```
 */
export function scaffoldToolName(id: string): string {
  return `${id.replace(/-/g, "_")}_echo`;
}

/**
 * Title-cased display name for an id.
 *
 * @example
 * ```ts
 * titleCase("stock-quotes"); // "Stock Quotes"
 * ```
 */
export function titleCase(id: string): string {
  return id
    .split("-")
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(" ");
}

/** Config schema of the scaffold (JSON Schema, as `src/index.ts` declares it). */
export function scaffoldConfigSchema(): Record<string, unknown> {
  return {
    type: "object",
    additionalProperties: false,
    properties: {
      prefix: { type: "string", description: "Text put in front of every echoed message." },
    },
  };
}

/**
 * The metadata `plugins build` reads from the scaffold's built entry, computed by running the same
 * `defineToolPlugin` call in-process, so the manifest `init` writes is exactly what `build` would generate.
 */
export function scaffoldMetadata(options: ToolPluginScaffoldOptions): ToolPluginBuildMetadata {
  const entry = defineToolPlugin<{ prefix?: string }>({
    id: options.id,
    name: options.name,
    description: scaffoldDescription(options.name),
    configSchema: buildJsonPluginConfigSchema<{ prefix?: string }>(scaffoldConfigSchema()),
    tools: (tool) => [
      tool<{ message: string }>({
        name: scaffoldToolName(options.id),
        label: "Echo",
        description: "Echo a message back, with the configured prefix.",
        parameters: {},
        execute: ({ message }, config) => `${config.prefix ?? ""}${message}`,
      }),
    ],
  });
  const metadata = readToolPluginBuildMetadata(entry);
  if (!metadata) throw new Error("defineToolPlugin attached no metadata to the scaffold entry");
  return metadata;
}

function scaffoldDescription(name: string): string {
  return `${name}: an OpenClaw tool plugin.`;
}

/**
 * All scaffold files, path → contents.
 *
 * @example
 * ```ts
 * const files = renderToolPluginScaffold({ id: "demo", name: "Demo", sdkVersion: "2026.11.0" });
 * Object.keys(files); // ["package.json", "tsconfig.json", "src/index.ts", …]
 * ```
 */
export function renderToolPluginScaffold(options: ToolPluginScaffoldOptions): Record<string, string> {
  const { id, name, sdkVersion } = options;
  const tool = scaffoldToolName(id);
  const metadata = scaffoldMetadata(options);
  const packageJson = {
    name: id,
    version: SCAFFOLD_PLUGIN_VERSION,
    description: metadata.description,
    type: "module",
    main: "./dist/index.js",
    exports: { ".": "./dist/index.js", "./package.json": "./package.json" },
    files: ["dist", "!dist/**/*.test.*", "openclaw.plugin.json"],
    engines: { node: ">=20.19" },
    scripts: {
      build: "tsc -p tsconfig.json && openclaw plugins build",
      "build:check": "tsc -p tsconfig.json && openclaw plugins build --check",
      validate: "openclaw plugins validate",
      inspect: "openclaw plugins inspect . --runtime",
      test: "npm run build && node --test dist/index.test.js",
    },
    openclaw: { extensions: ["./dist/index.js"] },
    peerDependencies: { openclaw: options.sdkPeerRange ?? `>=${sdkVersion}` },
    devDependencies: { "@types/node": "20.19.43", openclaw: options.sdkDependency ?? sdkVersion, typescript: "5.9.3" },
  };
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: ["node"],
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      rootDir: "src",
      outDir: "dist",
      declaration: true,
    },
    include: ["src"],
  };
  const manifest = generateManifest({ existing: undefined, metadata, packageVersion: SCAFFOLD_PLUGIN_VERSION });

  const indexTs = `import { buildJsonPluginConfigSchema, defineToolPlugin } from "openclaw/plugin-sdk/tool-plugin";

/** Plugin config (\`plugins.entries.${id}.config\` in the gateway config). */
export interface ${typeName(id)}Config {
  prefix?: string;
}

/**
 * ${name}: the plugin entry. \`openclaw plugins build\` reads the static metadata below (id, config schema,
 * tool names) from the built \`dist/index.js\` and writes \`openclaw.plugin.json\`, so keep it declarative.
 */
export default defineToolPlugin<${typeName(id)}Config>({
  id: ${JSON.stringify(id)},
  name: ${JSON.stringify(name)},
  description: ${JSON.stringify(metadata.description)},
  configSchema: buildJsonPluginConfigSchema<${typeName(id)}Config>(${indent(JSON.stringify(scaffoldConfigSchema(), null, 2), 2)}),
  tools: (tool) => [
    tool<{ message: string }>({
      name: ${JSON.stringify(tool)},
      label: "Echo",
      description: "Echo a message back, with the configured prefix.",
      parameters: {
        type: "object",
        additionalProperties: false,
        properties: { message: { type: "string", description: "Text to echo." } },
        required: ["message"],
      },
      execute: ({ message }, config) => \`\${config.prefix ?? ""}\${message}\`,
    }),
  ],
});
`;

  const testTs = `import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { invokeTool, loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";

// The plugin root: this file runs from dist/, one level below it.
const rootDir = dirname(dirname(fileURLToPath(import.meta.url)));

test("loads like the gateway loads it and its tool echoes with the configured prefix", async () => {
  const plugin = await loadPluginForTest(rootDir, { pluginConfig: { prefix: "> " } });
  assert.equal(plugin.loadError, undefined, plugin.loadError?.message);
  assert.equal(plugin.id, ${JSON.stringify(id)});
  assert.equal(plugin.shape, "non-capability");
  assert.deepEqual(plugin.tools.map((t) => t.name), [${JSON.stringify(tool)}]);
  assert.deepEqual(plugin.diagnostics.filter((d) => d.level === "error"), []);

  const outcome = await invokeTool(plugin, ${JSON.stringify(tool)}, { message: "hello" });
  assert.equal(outcome.blocked, false);
  if (!outcome.blocked) assert.deepEqual(outcome.result.content, [{ type: "text", text: "> hello" }]);
});
`;

  const readme = `# ${name}

An [OpenClaw](https://www.npmjs.com/package/openclaw) tool plugin, scaffolded by \`openclaw plugins init\`.

## Develop

\`\`\`bash
npm install
npm run build      # tsc → dist/, then openclaw plugins build (regenerates openclaw.plugin.json)
npm test           # build, then node --test against the published test harness
npm run validate   # openclaw plugins validate: manifest, package metadata, entry, ids, generated metadata
npm run inspect    # openclaw plugins inspect . --runtime: what the plugin registers
\`\`\`

In CI, \`npm run build:check\` fails (without rewriting anything) when \`openclaw.plugin.json\` is stale.

## The openclaw SDK

\`devDependencies.openclaw\` is \`${options.sdkDependency ?? sdkVersion}\`: the SDK this plugin builds and tests against
(it also provides the \`openclaw\` command the scripts run). To try an unpublished openclaw build, run \`npm pack\` in
the openclaw checkout and install the tarball here: \`npm install -D /path/to/openclaw-<version>.tgz\`.

## Ids

- **Plugin id** \`${id}\`: the \`id\` in \`openclaw.plugin.json\` and in \`src/index.ts\` — they must match — and the
  key of this plugin's settings in the gateway config: \`plugins.entries.${id}\`.
- **Package name** \`${id}\`: the npm name in \`package.json\`; it may differ from the plugin id (e.g. a scoped name).
- **Tool name** \`${tool}\`: what the model calls; listed in \`contracts.tools\` by \`openclaw plugins build\`.

## Use it

Point the gateway at this folder (\`plugins.load.paths\` in \`openclaw.json\`) and configure it:

\`\`\`json5
{
  plugins: {
    load: { paths: ["${"<path to this folder>"}"] },
    entries: { "${id}": { enabled: true, config: { prefix: "> " } } },
  },
}
\`\`\`
`;

  return {
    "package.json": stringifyJsonFile(packageJson),
    "tsconfig.json": stringifyJsonFile(tsconfig),
    "src/index.ts": indexTs,
    "src/index.test.ts": testTs,
    "openclaw.plugin.json": stringifyJsonFile(manifest),
    "README.md": readme,
    ".gitignore": "node_modules/\ndist/\n*.tgz\n",
  };
}

function typeName(id: string): string {
  return titleCase(id).replace(/ /g, "");
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? line : pad + line))
    .join("\n");
}
