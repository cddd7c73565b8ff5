/**
 * `openclaw plugins build [dir] [--entry <path>] [--check] [--json]`: imports the built entry, reads its static
 * tool metadata and writes the generated fields of `openclaw.plugin.json` (see `../generated-metadata.ts`), keeping
 * `package.json#openclaw.extensions` aligned with the entry. Writes are atomic and happen only when content changes.
 * `--check` writes nothing and exits 1 listing every stale field.
 */
import { existsSync, readFileSync } from "node:fs";
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
import { importEntryModule, readPluginProject, resolveEntryFile, type PluginProject } from "../plugin-project.js";
import { readToolPluginBuildMetadata } from "../tool-metadata.js";
import { writeFileAtomic } from "../../files/write-file-atomic.js";

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
  packageJson: Record<string, unknown>;
  differences: MetadataDifference[];
}

/**
 * Imports the entry and computes the manifest and package.json `build` would write, plus the differences from
 * what is on disk. Throws a {@link CliError} naming the file and the fix when it cannot.
 *
 * @example
 * ```ts
 * const plan = await planBuild(ctx, readPluginProject("."), {});
 * plan.differences.length === 0; // metadata up to date
 * ```
 */
export async function planBuild(ctx: CommandContext, project: PluginProject, options: { entry?: string }): Promise<BuildPlan> {
  if (project.packageJsonError) {
    throw new CliError(`${project.packageJsonFile}: ${project.packageJsonError}. Fix the JSON syntax, then rerun.`);
  }
  if (!project.packageJson) {
    throw new CliError(
      `${project.packageJsonFile} not found. A plugin is an npm package: create package.json (npm init -y), or run openclaw plugins init.`,
    );
  }
  if (existsSync(project.manifestFile) && !project.manifestRaw) {
    throw new CliError(
      `${project.manifestFile} is not a JSON object build can update. Fix its syntax (openclaw plugins validate shows where) or delete it so build can regenerate it.`,
    );
  }
  const entry = resolveEntryFile(project, options.entry);
  if (!existsSync(entry.file)) {
    throw new CliError(
      `entry ${entry.relative} not found in ${project.rootDir}. Compile the plugin first (npm run build / npx tsc)${entry.source === "option" ? "" : ", or pass --entry <path> to the built entry"}.`,
    );
  }
  const imported = await ctx.tracer.phase("import", () => importEntryModule(entry.file));
  if (!imported.ok) {
    throw new CliError(`importing ${entry.file} failed: ${imported.error.message}. Fix the error, rebuild, and rerun.`);
  }
  const metadata = readToolPluginBuildMetadata(imported.entry);
  if (!metadata) {
    throw new CliError(
      `${entry.file} does not export a defineToolPlugin entry (export default defineToolPlugin({ … }) from "openclaw/plugin-sdk/tool-plugin"). plugins build generates metadata for tool plugins only; for other plugins write openclaw.plugin.json by hand and check it with openclaw plugins validate.`,
    );
  }
  const packageVersion = typeof project.packageJson.version === "string" ? project.packageJson.version : undefined;
  const generateOptions: Parameters<typeof generateManifest>[0] = { existing: project.manifestRaw, metadata };
  if (packageVersion !== undefined) generateOptions.packageVersion = packageVersion;
  const manifest = generateManifest(generateOptions);
  const differences = diffGeneratedManifest(manifest, project.manifestRaw);
  const aligned = alignPackageExtensions(project.packageJson, entry.relative);
  if (aligned.difference) differences.push(aligned.difference);
  return { project, entry, metadata, manifest, packageJson: aligned.packageJson, differences };
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
  const project = readPluginProject(resolve(ctx.io.cwd, dir ?? "."));
  const plan = await planBuild(ctx, project, options.entry ? { entry: options.entry } : {});
  const { differences } = plan;
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
  await ctx.tracer.phase("write", async () => {
    // Rewrite only when a generated field changed (formatting, JSON5 comments and key order are the author's).
    const manifestText = stringifyJsonFile(plan.manifest);
    const manifestStale = !existsSync(project.manifestFile) || differences.some((d) => d.file === "openclaw.plugin.json");
    if (manifestStale) {
      if (project.manifestIsJson5) {
        eprintln(ctx, `${ctx.err.yellow("note")} ${project.manifestFile} was JSON5; it is rewritten as plain JSON (comments are not kept).`);
      }
      await writeFileAtomic(project.manifestFile, manifestText);
      written.push(project.manifestFile);
    }
    if (plan.packageJson !== project.packageJson) {
      const currentText = readFileSync(project.packageJsonFile, "utf8");
      await writeFileAtomic(project.packageJsonFile, `${JSON.stringify(plan.packageJson, null, detectIndent(currentText))}\n`);
      written.push(project.packageJsonFile);
    }
  });
  if (options.json) {
    printJson(ctx, { ok: true, check: false, changed: written.length > 0, manifestFile: project.manifestFile, written, differences });
    return ExitCode.ok;
  }
  const tools = plan.metadata.tools;
  const summary = `id ${plan.metadata.id}, ${tools.length} tool${tools.length === 1 ? "" : "s"}${tools.length ? `: ${tools.join(", ")}` : ""}`;
  if (written.length === 0) println(ctx, `${ctx.out.green("Up to date:")} ${project.manifestFile} (${summary})`);
  else for (const file of written) println(ctx, `${ctx.out.green("Wrote")} ${file} (${summary})`);
  return ExitCode.ok;
}
