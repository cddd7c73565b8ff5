/**
 * `openclaw plugins build [dir] [--entry <path>] [--check] [--json]`: imports the built entry, reads its static
 * tool metadata and writes the generated fields of `openclaw.plugin.json` (see `../generated-metadata.ts`), keeping
 * `package.json#openclaw.extensions` aligned with the entry. Writes are atomic and happen only when content changes.
 * `--check` writes nothing and exits 1 listing every stale field. An entry that is not a `defineToolPlugin` entry
 * (channel, provider, hook plugins) has no metadata to generate: `build` and `build --check` write nothing and exit 0
 * with a note saying so (its manifest is hand-written; `validate` checks it).
 *
 * Refusals (exit 1, nothing written): a manifest the reader would reject (over 256 KiB, or unusable), a manifest
 * path that is a folder/FIFO or a link out of the plugin folder, a broken config file (the entry is not imported),
 * an entry that exits or hangs. `--entry` outside the plugin folder (after realpath) is a usage error (exit 2).
 * The entry is imported in the runtime-check child process, never in the CLI's own. Writes go through
 * `write-file-atomic`: a symlinked manifest stays a symlink, modes are kept, and orphan temp files of an earlier
 * interrupted build are removed first.
 */
import { existsSync, lstatSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { eprintln, printJson, println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import {
  alignPackageExtensions,
  diffGeneratedManifest,
  generateManifest,
  stringifyJsonFile,
  type MetadataDifference,
  type ToolPluginBuildMetadata,
} from "../generated-metadata.js";
import { readPluginProject, resolveEntryFile, type PluginProject } from "../plugin-project.js";
import { childFailure, prewarmRuntimeCheck, runtimeChildOptions } from "../runtime-check.js";
import { loadTimeLimitMs, withRuntimeChild } from "../runtime-child.js";
import { readOpenClawConfig } from "../../discovery/config-file.js";
import { PLUGIN_MANIFEST_FILE } from "../../discovery/discover-plugins.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";
import { resolveInsideRoot } from "../../files/contained-file.js";
import { removeOrphanTempFiles, writeFileAtomic } from "../../files/write-file-atomic.js";
import { MAX_PLUGIN_MANIFEST_BYTES } from "../../manifest/plugin-manifest-schema.js";
import { parsePluginManifest } from "../../manifest/read-plugin-manifest.js";

/** Options of `plugins build`. */
export interface PluginsBuildOptions {
  entry?: string;
  check?: boolean;
  json?: boolean;
}

/** What `build` computed for a project. */
export interface BuildPlan {
  project: PluginProject;
  entry: ReturnType<typeof resolveEntryFile>;
  metadata: ToolPluginBuildMetadata;
  manifest: Record<string, unknown>;
  /** The manifest text `build` would write. */
  manifestText: string;
  packageJson: Record<string, unknown>;
  differences: MetadataDifference[];
  /**
   * Set when the manifest `build` would write is one the manifest reader rejects (over the size cap, or unusable):
   * the reason, naming the size and the limit. Nothing is written, and `--check` fails.
   */
  refusal?: string;
}

/**
 * What `build` found for an entry that is not a `defineToolPlugin` entry (a channel, provider or hook plugin):
 * nothing to generate. `build` and `build --check` exit 0 with {@link NonToolPlan.notToolPlugin} as a note.
 */
export interface NonToolPlan {
  project: PluginProject;
  entry: ReturnType<typeof resolveEntryFile>;
  /** The note printed: metadata generation applies to `defineToolPlugin` entries only. */
  notToolPlugin: string;
}

/**
 * The note for an entry that is not a `defineToolPlugin` entry.
 *
 * @example
 * ```ts
 * nonToolNote("./dist/index.js"); // "./dist/index.js is not a defineToolPlugin entry, so there is no metadata to generate …"
 * ```
 */
export function nonToolNote(entry: string): string {
  return `${entry} is not a defineToolPlugin entry, so there is no metadata to generate and nothing was checked or written: plugins build generates openclaw.plugin.json metadata for tool plugins (defineToolPlugin from openclaw/plugin-sdk/tool-plugin) only. Keep this plugin's openclaw.plugin.json by hand and check it with openclaw plugins validate.`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
}

/**
 * Why the manifest reader would reject `text` as the manifest of `rootDir`, or `undefined` when it accepts it.
 *
 * @example
 * ```ts
 * manifestRefusal("x".repeat(300 * 1024), "/p"); // "the generated openclaw.plugin.json would be 300 KiB …"
 * ```
 */
export function manifestRefusal(text: string, rootDir: string): string | undefined {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PLUGIN_MANIFEST_BYTES) {
    return `the generated ${PLUGIN_MANIFEST_FILE} would be ${kib(bytes)} (${bytes} bytes), over the ${kib(MAX_PLUGIN_MANIFEST_BYTES)} (${MAX_PLUGIN_MANIFEST_BYTES} bytes) limit of the manifest reader, which would reject it; nothing was written. Make it smaller: fewer tools per plugin (split the plugin) or a smaller configSchema.`;
  }
  const parsed = parsePluginManifest(text, { rootDir });
  if (parsed.manifest) return undefined;
  const errors = parsed.diagnostics.filter((d) => d.level === "error").map((d) => `${d.path ? `${d.path}: ` : ""}${d.message}`);
  return `the manifest reader would reject the generated ${PLUGIN_MANIFEST_FILE} (${errors.slice(0, 3).join("; ") || "unusable"}); nothing was written. Fix the entry's metadata or the hand-written fields of the manifest.`;
}

/**
 * Imports the entry (in the runtime-check child process) and computes the manifest and package.json `build` would
 * write, plus the differences from what is on disk. Throws a {@link CliError} naming the file and the fix when it
 * cannot: broken config file (nothing is imported), entry outside the plugin folder, entry that exits or hangs or
 * throws. An entry that is not a `defineToolPlugin` entry comes back as a {@link NonToolPlan} (nothing to generate).
 *
 * @example
 * ```ts
 * const plan = await planBuild(ctx, readPluginProject("."), {});
 * plan.differences.length === 0; // metadata up to date
 * ```
 */
export async function planBuild(ctx: CommandContext, project: PluginProject, options: { entry?: string }): Promise<BuildPlan | NonToolPlan> {
  if (project.packageJsonError) {
    throw new CliError(`${project.packageJsonFile}: ${project.packageJsonError}. Fix it, then rerun.`);
  }
  if (!project.packageJson) {
    throw new CliError(
      `${project.packageJsonFile} not found. A plugin is an npm package: create package.json (npm init -y), or run openclaw plugins init.`,
    );
  }
  if (project.manifestError) throw new CliError(project.manifestError);
  if (existsSync(project.manifestFile) && !project.manifestRaw) {
    throw new CliError(
      `${project.manifestFile} is not a JSON object build can update. Fix its syntax (openclaw plugins validate shows where) or delete it so build can regenerate it.`,
    );
  }
  const entry = resolveEntryFile(project, options.entry);
  const contained = resolveInsideRoot(project.rootDir, entry.file);
  if (!contained.ok && contained.code === "not-found") {
    throw new CliError(
      `entry ${entry.relative} not found in ${project.rootDir}. Compile the plugin first (npm run build / npx tsc)${entry.source === "option" ? "" : ", or pass --entry <path> to the built entry"}.`,
    );
  }
  if (!contained.ok) {
    throw new CliError(
      `${entry.source === "option" ? "--entry" : "entry"} ${options.entry ?? entry.relative}: ${contained.message}`,
      entry.source === "option" ? ExitCode.usage : ExitCode.problems,
    );
  }
  // Fail closed: no plugin code runs while the operator's config file is broken.
  const config = await readOpenClawConfig(resolveOpenClawPaths({ env: ctx.io.env, cwd: ctx.io.cwd }).configPath);
  if (config.configError) throw new CliError(`${entry.relative} was not imported: ${config.configError}`);
  const label = `the entry ${entry.relative}`;
  const outcome = await ctx.tracer.phase("import", () =>
    withRuntimeChild(runtimeChildOptions(ctx), (child) => child.run({ kind: "entry", file: entry.file }, loadTimeLimitMs(undefined))),
  );
  if (outcome.kind !== "result") {
    const failure = childFailure(outcome, label);
    throw new CliError(`${failure.message} (${failure.code})`);
  }
  if (!outcome.value.ok) {
    throw new CliError(`importing ${entry.file} failed: ${outcome.value.error}. Fix the error, rebuild, and rerun.`);
  }
  const metadata = outcome.value.toolMetadata;
  if (!metadata) return { project, entry, notToolPlugin: nonToolNote(entry.relative) };
  const packageVersion = typeof project.packageJson.version === "string" ? project.packageJson.version : undefined;
  const generateOptions: Parameters<typeof generateManifest>[0] = { existing: project.manifestRaw, metadata };
  if (packageVersion !== undefined) generateOptions.packageVersion = packageVersion;
  const manifest = generateManifest(generateOptions);
  const manifestText = stringifyJsonFile(manifest);
  const differences = diffGeneratedManifest(manifest, project.manifestRaw);
  const aligned = alignPackageExtensions(project.packageJson, entry.relative);
  if (aligned.difference) differences.push(aligned.difference);
  const plan: BuildPlan = { project, entry, metadata, manifest, manifestText, packageJson: aligned.packageJson, differences };
  const refusal = manifestRefusal(manifestText, project.rootDir);
  if (refusal) plan.refusal = refusal;
  return plan;
}

function show(value: unknown): string {
  return value === undefined ? "(missing)" : JSON.stringify(value);
}

/**
 * One line per difference: `openclaw.plugin.json: contracts.tools: expected [...], found [...]`.
 *
 * @example
 * ```ts
 * formatDifference({ file: "openclaw.plugin.json", path: "id", expected: "a", actual: "b" });
 * // 'openclaw.plugin.json: id: expected "a", found "b"'
 * ```
 */
export function formatDifference(difference: MetadataDifference): string {
  return `${difference.file}: ${difference.path}: expected ${show(difference.expected)}, found ${show(difference.actual)}`;
}

function detectIndent(text: string): number {
  const match = /^( +)"/m.exec(text);
  return match ? match[1]!.length : 2;
}

/**
 * Runs `plugins build`.
 *
 * @example
 * ```ts
 * const code = await runPluginsBuild(ctx, ".", { check: true });
 * ```
 */
export async function runPluginsBuild(
  ctx: CommandContext,
  dir: string | undefined,
  options: PluginsBuildOptions,
): Promise<ExitCodeValue> {
  prewarmRuntimeCheck(ctx);
  const project = readPluginProject(resolve(ctx.io.cwd, dir ?? "."));
  const planned = await planBuild(ctx, project, options.entry ? { entry: options.entry } : {});
  if ("notToolPlugin" in planned) {
    if (options.json) {
      printJson(ctx, { ok: true, check: options.check === true, changed: false, manifestFile: project.manifestFile, skipped: "not-a-tool-plugin", note: planned.notToolPlugin, differences: [] });
    } else println(ctx, `${ctx.out.yellow("note")} ${planned.notToolPlugin}`);
    return ExitCode.ok;
  }
  const plan = planned;
  const { differences } = plan;
  if (plan.refusal) {
    if (options.json) {
      printJson(ctx, { ok: false, check: options.check === true, changed: false, manifestFile: project.manifestFile, error: plan.refusal, differences });
    }
    throw new CliError(`${project.manifestFile}: ${plan.refusal}`);
  }
  if (options.check) {
    if (options.json) {
      printJson(ctx, { ok: differences.length === 0, check: true, changed: false, manifestFile: project.manifestFile, differences });
    }
    if (differences.length === 0) {
      if (!options.json) println(ctx, `${ctx.out.green("Up to date:")} ${project.manifestFile} matches ${plan.entry.relative}.`);
      return ExitCode.ok;
    }
    eprintln(ctx, `${ctx.err.red("Stale generated metadata")} in ${project.rootDir} (entry ${plan.entry.relative}):`);
    for (const difference of differences) eprintln(ctx, `  ${formatDifference(difference)}`);
    eprintln(ctx, `Run \`openclaw plugins build\` (npm run build) to regenerate, then commit the result.`);
    return ExitCode.problems;
  }
  const written: string[] = [];
  const removedTempFiles: string[] = [];
  await ctx.tracer.phase("write", async () => {
    // Leftovers of an earlier build that was killed mid-write (exact temp-file names only).
    for (const file of [project.manifestFile, project.packageJsonFile]) {
      const targets = new Set([file]);
      const real = resolveInsideRoot(project.rootDir, file);
      if (real.ok) targets.add(real.real);
      for (const target of targets) removedTempFiles.push(...removeOrphanTempFiles(target));
    }
    for (const file of removedTempFiles) eprintln(ctx, `${ctx.err.yellow("note")} removed ${file}, left by an interrupted earlier write.`);
    // Rewrite only when a generated field changed (formatting, JSON5 comments and key order are the author's).
    const manifestStale = !existsSync(project.manifestFile) || differences.some((d) => d.file === "openclaw.plugin.json");
    if (manifestStale) {
      if (project.manifestIsJson5) {
        eprintln(ctx, `${ctx.err.yellow("note")} ${project.manifestFile} was JSON5; it is rewritten as plain JSON (comments are not kept).`);
      }
      await writeInsideRoot(project.rootDir, project.manifestFile, plan.manifestText);
      written.push(project.manifestFile);
    }
    if (plan.packageJson !== project.packageJson) {
      const currentText = readFileSync(project.packageJsonFile, "utf8");
      await writeInsideRoot(project.rootDir, project.packageJsonFile, `${JSON.stringify(plan.packageJson, null, detectIndent(currentText))}\n`);
      written.push(project.packageJsonFile);
    }
  });
  if (options.json) {
    printJson(ctx, { ok: true, check: false, changed: written.length > 0, manifestFile: project.manifestFile, written, removedTempFiles, differences });
    return ExitCode.ok;
  }
  const tools = plan.metadata.tools;
  const summary = `id ${plan.metadata.id}, ${tools.length} tool${tools.length === 1 ? "" : "s"}${tools.length ? `: ${tools.join(", ")}` : ""}`;
  if (written.length === 0) println(ctx, `${ctx.out.green("Up to date:")} ${project.manifestFile} (${summary})`);
  else for (const file of written) println(ctx, `${ctx.out.green("Wrote")} ${file} (${summary})`);
  return ExitCode.ok;
}

/**
 * Writes `file` atomically when it (or the file its symlink points to) lies inside `rootDir`; a symlink stays a
 * symlink (its target is updated) and the file keeps its mode and owner. A link out of the folder is refused.
 */
async function writeInsideRoot(rootDir: string, file: string, contents: string): Promise<void> {
  let present = true;
  try {
    lstatSync(file);
  } catch {
    present = false;
  }
  if (present) {
    const contained = resolveInsideRoot(rootDir, file);
    if (!contained.ok) throw new CliError(`${file} was not written: ${contained.message}`);
  }
  await writeFileAtomic(file, contents);
}
