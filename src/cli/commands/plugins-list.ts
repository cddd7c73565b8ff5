/**
 * `openclaw plugins list [--enabled] [--verbose] [--json]`: the plugin inventory — every discovered plugin (manifests
 * under the plugin roots and load paths) plus every install record (the SQLite plugin index, `src/state/`, and legacy
 * `plugins.installs` entries not migrated yet), matched by folder or id; a record whose folder is gone is listed as
 * `missing`. On a Node.js without node:sqlite (Node 20) the index cannot be read: the list comes from manifests and
 * legacy records, with an info diagnostic naming the Node version the index needs. Never imports plugin code and
 * never writes. With a broken config file every plugin is listed as disabled (`config-invalid`), the config errors
 * go to stderr and the exit code is 1.
 */
import { existsSync } from "node:fs";
import { eprintln, formatDiagnosticLine, printJson, println, type CommandContext } from "../context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { renderTable } from "../table.js";
import { buildPluginCatalog, catalogPlugin, type CatalogPlugin, type PluginCatalog } from "../../discovery/plugin-catalog.js";
import { tryOpenIndex } from "../state-access.js";
import type { StoredInstallRecord } from "../../state/legacy-installs.js";
import { describePluginFolder } from "../../discovery/discover-plugins.js";
import { checkDependencyStatus, type DependencyStatus } from "../../discovery/dependency-status.js";
import type { PluginDiagnostic } from "../../manifest/diagnostics.js";

/** Options of `plugins list`. */
export interface PluginsListOptions {
  enabled?: boolean;
  verbose?: boolean;
  json?: boolean;
  workspace?: string;
}

/** One row of `plugins list --json`. */
export interface PluginListEntry {
  id: string;
  name?: string;
  description?: string;
  version?: string;
  format: "openclaw";
  origin: string;
  rootDir: string;
  /** `enabled`, `disabled`, `blocked` (present but blocked by path safety), `error` (unusable manifest) or `missing`. */
  status: CatalogPlugin["status"] | "missing";
  enabled: boolean;
  disabledReason?: string;
  activation?: unknown;
  /** Install source of its install record (`<source>:<spec or path>`), when it has one. */
  source?: string;
  /** Where its install record is kept: the plugin index, or a legacy `plugins.installs` entry in the config. */
  installRecord?: StoredInstallRecord["storedIn"];
  dependencyStatus: DependencyStatus;
  diagnostics: Array<Pick<PluginDiagnostic, "level" | "code" | "message">>;
}

/**
 * Collects the rows `plugins list` prints.
 *
 * @example
 * ```ts
 * const { source, entries } = await collectPluginList(ctx, {});
 * ```
 */
export async function collectPluginList(
  ctx: CommandContext,
  options: PluginsListOptions,
): Promise<{ source: "index" | "manifests"; indexUnavailable?: string; catalog: PluginCatalog; entries: PluginListEntry[]; diagnostics: PluginDiagnostic[] }> {
  const catalogOptions: Parameters<typeof buildPluginCatalog>[0] = { env: ctx.io.env, cwd: ctx.io.cwd };
  if (options.workspace) catalogOptions.workspaceDir = options.workspace;
  const catalog = await ctx.tracer.phase("discover", () => buildPluginCatalog(catalogOptions));
  const { readInstallRecords } = await import("../../state/legacy-installs.js");
  const opened = await ctx.tracer.phase("index", () => tryOpenIndex(catalog.paths.stateDir));
  const diagnostics = catalog.diagnostics;
  let stored: StoredInstallRecord[] = [];
  try {
    if (!catalog.config.configError || opened.index) stored = await readInstallRecords(catalog.paths, opened.index, catalog.config.raw);
  } finally {
    opened.index?.close();
  }
  const entries: PluginListEntry[] = catalog.plugins.map(toEntry);
  const byRoot = new Map(entries.map((entry) => [entry.rootDir, entry]));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const { record, storedIn } of stored) {
    const source = `${record.source}:${record.spec ?? record.sourcePath ?? record.installPath}`;
    const known = byRoot.get(record.installPath) ?? byId.get(record.pluginId);
    if (known) {
      Object.assign(known, { source, installRecord: storedIn });
      continue;
    }
    if (!existsSync(record.installPath)) {
      entries.push({
        id: record.pluginId,
        ...(record.version ? { version: record.version } : {}),
        format: "openclaw",
        origin: "global",
        rootDir: record.installPath,
        status: "missing",
        enabled: false,
        disabledReason: "plugin folder missing",
        source,
        installRecord: storedIn,
        dependencyStatus: { ok: true, missing: [], missingOptional: [], dependencies: [] },
        diagnostics: [
          {
            level: "error",
            code: "plugin-folder-missing",
            message: `the install record of ${record.pluginId} points at ${record.installPath}, which does not exist; reinstall the plugin (openclaw plugins install) or remove its record (openclaw plugins uninstall ${record.pluginId}).`,
          },
        ],
      });
      continue;
    }
    const candidate = describePluginFolder({ rootDir: record.installPath, origin: record.source === "link" ? "config" : "global", source: storedIn === "index" ? catalog.paths.pluginIndexPath : catalog.paths.configPath });
    entries.push({ ...toEntry(await catalogPlugin(candidate, catalog.config.plugins)), source, installRecord: storedIn });
  }
  return {
    source: opened.index ? "index" : "manifests",
    ...(opened.unavailable ? { indexUnavailable: opened.unavailable.split(" Run this command")[0]! } : {}),
    catalog,
    entries: options.enabled ? entries.filter((entry) => entry.enabled) : entries,
    diagnostics,
  };
}

function toEntry(plugin: CatalogPlugin): PluginListEntry {
  const manifest = plugin.manifest;
  const packageJson = plugin.candidate.packageJson;
  const version = manifest?.version ?? (typeof packageJson?.version === "string" ? packageJson.version : undefined);
  const entry: PluginListEntry = {
    id: plugin.id,
    format: plugin.format,
    origin: plugin.candidate.origin,
    rootDir: plugin.candidate.rootDir,
    status: plugin.status,
    enabled: plugin.status === "enabled",
    dependencyStatus: checkDependencyStatus(plugin.candidate.rootDir, packageJson),
    diagnostics: plugin.diagnostics.map(({ level, code, message }) => ({ level, code, message })),
  };
  if (manifest?.name) entry.name = manifest.name;
  if (manifest?.description) entry.description = manifest.description;
  if (version) entry.version = version;
  if (manifest?.activation) entry.activation = manifest.activation;
  if (plugin.status === "blocked") entry.disabledReason = "present but blocked (path safety)";
  else if (plugin.status === "error") entry.disabledReason = "manifest unusable";
  else if (!plugin.enablement.enabled) entry.disabledReason = `${plugin.enablement.reason}: ${plugin.enablement.hint}`;
  return entry;
}

function statusText(ctx: CommandContext, status: PluginListEntry["status"]): string {
  switch (status) {
    case "enabled":
      return ctx.out.green(status);
    case "disabled":
      return ctx.out.dim(status);
    case "blocked":
      return ctx.out.red("present but blocked");
    default:
      return ctx.out.red(status);
  }
}

/**
 * Runs `plugins list`.
 *
 * @example
 * ```ts
 * const code = await runPluginsList(ctx, { json: true });
 * ```
 */
export async function runPluginsList(ctx: CommandContext, options: PluginsListOptions): Promise<ExitCodeValue> {
  const { source, indexUnavailable, catalog, entries, diagnostics } = await collectPluginList(ctx, options);
  for (const diagnostic of diagnostics) eprintln(ctx, formatDiagnosticLine(ctx.err, diagnostic));
  const configError = catalog.config.configError;
  // A broken config: the list still shows what is on disk, every plugin as disabled (config-invalid), exit 1.
  const done = (): ExitCodeValue => {
    if (!configError) return ExitCode.ok;
    if (!options.json) eprintln(ctx, `${ctx.err.red("error")} plugins are listed from disk but none is enabled: ${configError}`);
    return ExitCode.problems;
  };
  if (options.json) {
    printJson(ctx, {
      source,
      configPath: catalog.paths.configPath,
      ...(configError ? { configError } : {}),
      indexFile: catalog.paths.pluginIndexPath,
      ...(indexUnavailable ? { indexUnavailable } : {}),
      plugins: entries,
      diagnostics: diagnostics.map(({ level, code, message }) => ({ level, code, message })),
    });
    return done();
  }
  if (entries.length === 0) {
    println(ctx, options.enabled ? "No enabled plugins." : "No plugins found.");
    println(
      ctx,
      ctx.out.dim(
        `Searched: plugins.load.paths in ${catalog.paths.configPath}, ${catalog.paths.workspaceExtensionsDir}, ${catalog.paths.userExtensionsDir}`,
      ),
    );
    if (indexUnavailable) println(ctx, ctx.out.dim(`Note: ${indexUnavailable}`));
    return done();
  }
  if (options.verbose) {
    for (const entry of entries) {
      println(ctx, `${ctx.out.bold(entry.id)}${entry.name ? ` (${entry.name})` : ""}`);
      println(ctx, `  Status:     ${statusText(ctx, entry.status)}${entry.disabledReason ? ctx.out.dim(` — ${entry.disabledReason}`) : ""}`);
      println(ctx, `  Format:     ${entry.format}`);
      println(ctx, `  Origin:     ${entry.origin}`);
      println(ctx, `  Source:     ${entry.source ?? entry.rootDir}`);
      println(ctx, `  Version:    ${entry.version ?? "-"}`);
      println(ctx, `  Activation: ${entry.activation ? JSON.stringify(entry.activation) : "-"}`);
      const deps = entry.dependencyStatus;
      println(
        ctx,
        `  Dependencies: ${deps.dependencies.length === 0 ? "none declared" : deps.ok ? "all installed" : ctx.out.red(`missing ${deps.missing.join(", ")}`)}`,
      );
      if (entry.description) println(ctx, `  ${ctx.out.dim(entry.description)}`);
      println(ctx);
    }
  } else {
    println(
      ctx,
      renderTable(
        ["ID", "NAME", "STATUS", "ORIGIN", "VERSION"],
        entries.map((entry) => [entry.id, entry.name ?? "-", statusText(ctx, entry.status), entry.origin, entry.version ?? "-"]),
      ),
    );
  }
  println(ctx, ctx.out.dim(`${entries.length} plugin${entries.length === 1 ? "" : "s"} (from plugin manifests${source === "index" ? ` and the plugin index ${catalog.paths.pluginIndexPath}` : ""})`));
  if (indexUnavailable) println(ctx, ctx.out.dim(`Note: ${indexUnavailable}`));
  return done();
}
