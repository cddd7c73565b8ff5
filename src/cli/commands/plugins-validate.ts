/**
 * `openclaw plugins validate [dir] [--entry <path>] [--json]`: everything that must agree before a plugin ships.
 *
 * Checks, each a diagnostic with a stable code, the file it is about and the fix:
 * 1. the manifest (`openclaw.plugin.json`) through the manifest reader;
 * 2. package metadata: `package.json` present, `openclaw.extensions` present, and every entry kind the host loads
 *    (main, `setupEntry`, their `runtime*` peers, further extensions) resolves through the host's own entry-file plan
 *    (`validate-entries.ts` over `src/host/entry-files.ts`);
 * 3. the entry's exports: a default export with `register(api)` (or `activate`, or a bare register function), and
 *    its own `configSchema` against the manifest's (`compareConfigSchemas`);
 * 4. id agreement, naming which id is which: manifest id (the plugin id), entry id, package name, config key;
 * 5. the plugin loads in every registration mode (`full`, `discovery`, `tool-discovery`, `setup-runtime`,
 *    `setup-only`, `cli-metadata`), as `loadPluginForTest(root, { mode })` would; `contracts.tools` lists every
 *    tool the entry declares or registers;
 * 6. for tool plugins, generated metadata that is stale compared with what `plugins build` would write.
 * Exit code 1 when any error is found. The entry is imported and registered only in a child process (a plugin that
 * calls `process.exit()` or never settles is reported as `plugin-exited` / `plugin-load-timeout`), and only when the
 * config file is usable: a broken config is reported and nothing is imported.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { eprintln, formatDiagnosticLine, printJson, println, type CommandContext } from "../context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { diffGeneratedManifest, generateManifest } from "../generated-metadata.js";
import { readPluginProject, resolveEntryFile, toPackageRelative, type PluginProject } from "../plugin-project.js";
import { childFailure, prewarmRuntimeCheck, runtimeChildOptions } from "../runtime-check.js";
import { loadTimeLimitMs, takeRuntimeChild, type RuntimeChild } from "../runtime-child.js";
import type { EntryInspection, LoadJob } from "../runtime-jobs.js";
import { registerTimeoutFor } from "../../config/plugins-policy.js";
import { readOpenClawConfig } from "../../discovery/config-file.js";
import { resolveInsideRoot } from "../../files/contained-file.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";
import { hasErrors, type PluginDiagnostic } from "../../manifest/diagnostics.js";
import { readPluginManifest, type PluginManifestReadResult } from "../../manifest/read-plugin-manifest.js";
import { compareConfigSchemas } from "../../manifest/compare-config-schemas.js";
import { usesSetupEntry } from "../../host/modes.js";
import { checkEntryPlan, checkRegistrationModes, describeModes, modesUsing, type EntryPlan } from "../validate-entries.js";

/** Options of `plugins validate`. */
export interface PluginsValidateOptions {
  entry?: string;
  json?: boolean;
}

/** The four ids users confuse, side by side. */
export interface PluginIds {
  /** `id` in openclaw.plugin.json: the plugin id. */
  manifest?: string;
  /** `id` of the entry's default export. */
  entry?: string;
  /** `name` in package.json (npm name; may legitimately differ). */
  packageName?: string;
  /** The key under `plugins.entries` in the config file that refers to this plugin, if any. */
  configKey?: string;
}

/** Result of {@link validatePluginProject}. */
export interface PluginValidationResult {
  ok: boolean;
  rootDir: string;
  ids: PluginIds;
  diagnostics: PluginDiagnostic[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Runs all checks on the plugin folder `dir`.
 *
 * @example
 * ```ts
 * const result = await validatePluginProject(ctx, "/src/my-plugin", {});
 * if (!result.ok) process.exitCode = 1;
 * ```
 */
export async function validatePluginProject(
  ctx: CommandContext,
  dir: string,
  options: { entry?: string },
): Promise<PluginValidationResult> {
  const project = readPluginProject(dir);
  prewarmRuntimeCheck(ctx);
  let child: RuntimeChild | undefined;
  const getChild = (): RuntimeChild => (child ??= takeRuntimeChild(runtimeChildOptions(ctx)));
  try {
    return await validateProject(ctx, project, options, getChild);
  } finally {
    await child?.close();
  }
}

async function validateProject(
  ctx: CommandContext,
  project: PluginProject,
  options: { entry?: string },
  getChild: () => RuntimeChild,
): Promise<PluginValidationResult> {
  const diagnostics: PluginDiagnostic[] = [];
  const ids: PluginIds = {};
  const add = (diagnostic: PluginDiagnostic): void => {
    diagnostics.push(diagnostic);
  };

  // 1. manifest
  // A manifest path that is not a readable regular file (a folder, a FIFO, a link out of the folder) is not read again.
  const read: PluginManifestReadResult = project.manifestError
    ? { file: project.manifestFile, diagnostics: [] }
    : await ctx.tracer.phase("manifest", () => readPluginManifest(project.rootDir));
  if (project.manifestError) {
    add({ level: "error", code: "manifest-not-a-file", path: "", file: project.manifestFile, message: project.manifestError });
  }
  for (const diagnostic of read.diagnostics) {
    // The project reader already said why the manifest path is not a readable file.
    if (diagnostic.code === "manifest-not-found") {
      add({
        ...diagnostic,
        message: `${diagnostic.message} For a defineToolPlugin entry, run \`openclaw plugins build\` to generate it.`,
      });
    } else add(diagnostic);
  }
  const manifest = read.manifest;
  if (manifest) ids.manifest = manifest.id;

  // 2. package metadata
  if (project.packageJsonError) {
    add({ level: "error", code: "package-json-invalid", path: "", file: project.packageJsonFile, message: `${project.packageJsonError}. Fix the JSON syntax.` });
  } else if (!project.packageJson) {
    add({
      level: "error",
      code: "package-json-missing",
      path: "",
      file: project.packageJsonFile,
      message: `package.json not found in ${project.rootDir}. A plugin is an npm package: create one (npm init -y) with "openclaw": { "extensions": ["./dist/index.js"] }.`,
    });
  } else {
    if (typeof project.packageJson.name === "string") ids.packageName = project.packageJson.name;
    const section = project.packageJson.openclaw;
    if (!project.extensions || project.extensions.length === 0) {
      add({
        level: "error",
        code: "package-extensions-missing",
        path: "openclaw.extensions",
        file: project.packageJsonFile,
        message:
          section === undefined || !isRecord(section) || section.extensions === undefined
            ? `package.json has no openclaw.extensions, so the gateway does not know which file to load. Add "openclaw": { "extensions": ["./dist/index.js"] } (openclaw plugins build adds it for tool plugins).`
            : `openclaw.extensions must be a non-empty array of entry paths, e.g. ["./dist/index.js"].`,
      });
    }
  }
  // Every entry kind the host loads, resolved through the host's own plan (built peers first, then the source).
  const plan: EntryPlan = checkEntryPlan(project.rootDir, { reportMissingMain: (project.extensions?.length ?? 0) > 0 });
  for (const diagnostic of plan.diagnostics) add(diagnostic);

  // The config is read before any plugin code runs: a broken one stops every import (fail closed).
  const paths = resolveOpenClawPaths({ env: ctx.io.env, cwd: ctx.io.cwd });
  const config = await readOpenClawConfig(paths.configPath);
  if (config.configError) for (const diagnostic of config.diagnostics) add(diagnostic);
  const pluginLabel = `plugin "${manifest?.id ?? basename(project.rootDir)}"`;
  const timeLimitMs = loadTimeLimitMs(registerTimeoutFor(config.plugins, manifest?.id));

  // 3. entry exports (imported in the runtime-check child process, never in the CLI's own)
  const entry = resolveEntryFile(project, options.entry);
  let typescript = false;
  if (!options.entry && plan.main) {
    // The file the loader would import (a built peer of a TypeScript source, or the root index fallback).
    entry.file = plan.main.file;
    entry.relative = toPackageRelative(project.rootDir, plan.main.file);
    typescript = plan.main.typescript;
  }
  let inspection: Extract<EntryInspection, { ok: true }> | undefined;
  if (!existsSync(entry.file)) {
    // A declared main entry that does not resolve is already reported by the entry plan.
    if (entry.source !== "extensions") {
      add({
        level: "error",
        code: "entry-not-found",
        path: "",
        file: entry.file,
        message: `entry ${entry.relative} does not exist. Build the plugin (npm run build)${entry.source === "default" ? " or pass --entry <path>" : ""}.`,
      });
    }
  } else if (config.configError) {
    add({
      level: "info",
      code: "entry-not-imported",
      path: "",
      file: entry.file,
      message: `the entry was not imported and register() was not run: ${config.configError}`,
    });
  } else {
    const contained = resolveInsideRoot(project.rootDir, entry.file);
    if (!contained.ok) {
      add({ level: "error", code: contained.code === "entry-escapes-root" ? "entry-escapes-root" : "entry-not-found", path: "", file: entry.file, message: `entry ${entry.relative}: ${contained.message}` });
    } else {
      const outcome = await ctx.tracer.phase("import", () => getChild().run({ kind: "entry", file: entry.file, typescript }, timeLimitMs));
      if (outcome.kind !== "result") {
        const failure = childFailure(outcome, pluginLabel);
        add({ level: "error", code: failure.code, path: "", file: entry.file, message: failure.message });
      } else if (!outcome.value.ok) {
        add({
          level: "error",
          code: "entry-import-failed",
          path: "",
          file: entry.file,
          message: `importing the entry failed, so the host cannot load the plugin in registration modes ${describeModes(modesUsing("main", plan.setupDeclared))}: ${outcome.value.error}. Fix the error (missing dependency? run npm install) and rebuild.`,
        });
      } else {
        inspection = outcome.value;
        if (!inspection.hasRegister) {
          add({
            level: "error",
            code: "entry-missing-register",
            path: "",
            file: entry.file,
            message: `the entry's default export has no register(api) function (module exports: ${inspection.moduleShape}). Export default definePluginEntry({ id, name, description, register(api) { … } }) or defineToolPlugin({ … }).`,
          });
        }
        if (inspection.entryId !== undefined) ids.entry = inspection.entryId;
        if (inspection.configSchemaError !== undefined) {
          add({
            level: "warning",
            code: "entry-config-schema-unreadable",
            path: "configSchema",
            file: entry.file,
            message: `reading the entry's configSchema.jsonSchema threw: ${inspection.configSchemaError}. It was not compared with openclaw.plugin.json configSchema; fix the schema (a zod type JSON Schema cannot express?).`,
          });
        } else if (manifest && inspection.configJsonSchema) {
          for (const diagnostic of compareConfigSchemas({
            manifestSchema: manifest.configSchema,
            entrySchema: inspection.configJsonSchema,
            manifestFile: project.manifestFile,
            entryFile: toPackageRelative(project.rootDir, entry.file),
          })) {
            add(diagnostic);
          }
        }
      }
    }
  }
  const imported = inspection !== undefined;

  // 4. id agreement
  if (ids.manifest !== undefined && ids.entry !== undefined && ids.manifest !== ids.entry) {
    add({
      level: "error",
      code: "id-mismatch",
      path: "id",
      file: project.manifestFile,
      message: `id mismatch: the manifest id (openclaw.plugin.json "id", the plugin id and config key plugins.entries.<id>) is "${ids.manifest}", but the entry ${toPackageRelative(project.rootDir, entry.file)} exports id "${ids.entry}". Make them equal; the package name${ids.packageName ? ` ("${ids.packageName}")` : ""} may differ.`,
    });
  }
  if (ids.manifest !== undefined) {
    const entries = config.plugins.entries;
    if (ids.manifest in entries) ids.configKey = ids.manifest;
    else {
      const unscoped = ids.packageName?.replace(/^@[^/]+\//, "");
      for (const [label, candidate] of [
        ["package name", ids.packageName],
        ["package name without scope", unscoped],
        ["entry id", ids.entry],
      ] as const) {
        if (candidate && candidate !== ids.manifest && candidate in entries) {
          ids.configKey = candidate;
          add({
            level: "error",
            code: "config-key-mismatch",
            path: `plugins.entries.${candidate}`,
            file: paths.configPath,
            message: `plugins.entries."${candidate}" uses the ${label}, not the plugin id. Config is keyed by the manifest id: rename it to plugins.entries."${ids.manifest}".`,
          });
          break;
        }
      }
    }
  }

  // 5 + 6. tools and generated metadata
  const toolMetadata = inspection?.toolMetadata;
  if (!manifest) {
    // Coverage and staleness need a usable manifest; the manifest errors above say what to fix first.
    if (toolMetadata) {
      add({
        level: "info",
        code: "tool-plugin-build-hint",
        path: "",
        file: project.manifestFile,
        message: `the entry is a defineToolPlugin entry: \`openclaw plugins build\` regenerates id, name, description, version, configSchema, activation and contracts.tools in this file.`,
      });
    }
    return { ok: !hasErrors(diagnostics), rootDir: project.rootDir, ids, diagnostics };
  }
  const declaredTools = manifest.contracts?.tools ?? [];
  const usedTools = new Set<string>(toolMetadata?.tools ?? []);
  // Schema disagreements and a broken setup entry do not stop the modes that still load from being checked.
  const nonBlocking = new Set(["config-schema-entry-only-property", "config-schema-required-mismatch", "config-schema-type-mismatch"]);
  const blocked = diagnostics.some((d) => d.level === "error" && !nonBlocking.has(d.code) && !(plan.setupDeclared && d.path === "openclaw.setupEntry"));
  if (imported && !blocked) {
    const loadOptions: LoadJob["options"] = { rootDir: project.rootDir, config: config.raw, origin: "path" };
    const entryConfig = Object.prototype.hasOwnProperty.call(config.plugins.entries, manifest.id) ? config.plugins.entries[manifest.id] : undefined;
    if (entryConfig?.config !== undefined) loadOptions.pluginConfig = entryConfig.config;
    const registerTimeoutMs = registerTimeoutFor(config.plugins, manifest.id);
    if (registerTimeoutMs !== undefined) loadOptions.registerTimeoutMs = registerTimeoutMs;
    const runtime = await ctx.tracer.phase("register", () =>
      checkRegistrationModes(getChild(), loadOptions, {
        pluginId: manifest.id,
        skip: plan.unloadableModes,
        entryFileFor: (mode) => (plan.setupDeclared && usesSetupEntry(mode) ? plan.setup?.file : plan.main?.file),
      }),
    );
    for (const name of runtime.fullModeTools) usedTools.add(name);
    for (const diagnostic of runtime.diagnostics) add(diagnostic);
  }
  for (const tool of usedTools) {
    if (!declaredTools.includes(tool)) {
      add({
        level: "error",
        code: "tool-missing-from-contracts",
        path: "contracts.tools",
        file: project.manifestFile,
        message: `contracts.tools does not list "${tool}", which the entry registers; the gateway would drop the tool. Add "${tool}" to contracts.tools${toolMetadata ? " (run openclaw plugins build to regenerate it)" : ""}.`,
      });
    }
  }
  if (toolMetadata && project.manifestRaw) {
    const packageVersion = typeof project.packageJson?.version === "string" ? project.packageJson.version : undefined;
    const generateOptions: Parameters<typeof generateManifest>[0] = { existing: project.manifestRaw, metadata: toolMetadata };
    if (packageVersion !== undefined) generateOptions.packageVersion = packageVersion;
    const expected = generateManifest(generateOptions);
    for (const difference of diffGeneratedManifest(expected, project.manifestRaw)) {
      if (difference.path === "contracts.tools" && diagnostics.some((d) => d.code === "tool-missing-from-contracts")) continue;
      if (difference.path === "id" && diagnostics.some((d) => d.code === "id-mismatch")) continue;
      add({
        level: "error",
        code: "metadata-stale",
        path: difference.path,
        file: project.manifestFile,
        message: `generated metadata is stale: ${difference.path} is ${JSON.stringify(difference.actual) ?? "missing"} but the entry says ${JSON.stringify(difference.expected)}. Run \`openclaw plugins build\` (npm run build) to regenerate.`,
      });
    }
  }
  return { ok: !hasErrors(diagnostics), rootDir: project.rootDir, ids, diagnostics };
}

/**
 * Runs `plugins validate`.
 *
 * @example
 * ```ts
 * const code = await runPluginsValidate(ctx, ".", {});
 * ```
 */
export async function runPluginsValidate(
  ctx: CommandContext,
  dir: string | undefined,
  options: PluginsValidateOptions,
): Promise<ExitCodeValue> {
  const result = await validatePluginProject(ctx, resolve(ctx.io.cwd, dir ?? "."), options.entry ? { entry: options.entry } : {});
  const label = result.ids.manifest ?? result.ids.entry ?? result.rootDir;
  if (options.json) {
    printJson(ctx, {
      ok: result.ok,
      id: result.ids.manifest ?? null,
      rootDir: result.rootDir,
      ids: result.ids,
      diagnostics: result.diagnostics,
    });
  } else {
    for (const diagnostic of result.diagnostics) eprintln(ctx, formatDiagnosticLine(ctx.err, diagnostic));
    const errors = result.diagnostics.filter((d) => d.level === "error").length;
    if (result.ok) println(ctx, `Plugin ${label} is ${ctx.out.green("valid")}.`);
    else println(ctx, `Plugin ${label} is ${ctx.out.red("not valid")}: ${errors} error${errors === 1 ? "" : "s"}.`);
  }
  return result.ok ? ExitCode.ok : ExitCode.problems;
}
