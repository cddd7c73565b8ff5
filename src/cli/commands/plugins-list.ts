/**
 * `openclaw plugins list [--enabled] [--verbose] [--json]`: the plugin inventory. Reads the plugin index
 * (`<state dir>/plugins/index.json`, format in `src/discovery/plugin-index.ts` and docs/cli.md) when present and
 * valid, else derives the list from discovered manifests. Never imports plugin code. With a broken config file
 * (unreadable, unparsable, wrong-typed policy field) every plugin is listed as disabled (`config-invalid`), the
 * config errors go to stderr and the exit code is 1.
 */
import { existsSync } from "node:fs";
import { eprintln, formatDiagnosticLine, printJson, println, type CommandContext } from "../context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { renderTable } from "../table.js";
import { buildPluginCatalog, catalogPlugin, type CatalogPlugin, type PluginCatalog } from "../../discovery/plugin-catalog.js";
import { readPluginIndex } from "../../discovery/plugin-index.js";
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
  format: "openclaw" | "bundle";
  /** Bundle subtype and detected capabilities, when `format` is `bundle`. */
  bundleKind?: "codex" | "claude" | "cursor";
  bundleCapabilities?: string[];
  origin: string;
  rootDir: string;
  /** `enabled`, `disabled`, `blocked` (present but blocked by path safety), `error` (unusable manifest) or `missing`. */
  status: CatalogPlugin["status"] | "missing";
  enabled: boolean;
  disabledReason?: string;
  activation?: unknown;
  /** Install source recorded in the plugin index, when listed from it. */
  source?: string;
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
): Promise<{ source: "index" | "manifests"; catalog: PluginCatalog; entries: PluginListEntry[]; diagnostics: PluginDiagnostic[] }> {
  const catalogOptions: Parameters<typeof buildPluginCatalog>[0] = { env: ctx.io.env, cwd: ctx.io.cwd };
  if (options.workspace) catalogOptions.workspaceDir = options.workspace;
  const catalog = await ctx.tracer.phase("discover", () => buildPluginCatalog(catalogOptions));
  const index = await ctx.tracer.phase("index", () => readPluginIndex(catalog.paths.pluginIndexPath));
  const diagnostics = [...catalog.diagnostics, ...index.diagnostics];
  const entries: PluginListEntry[] = [];
  if (index.status === "valid") {
    for (const record of index.plugins) {
      const known =
        catalog.plugins.find((plugin) => plugin.candidate.rootDir === record.rootDir) ??
        catalog.plugins.find((plugin) => plugin.id === record.id);
      if (known) {
        entries.push({ ...toEntry(known), ...(record.source ? { source: record.source } : {}) });
        continue;
      }
      if (!existsSync(record.rootDir)) {
        entries.push({
          id: record.id,
          ...(record.version ? { version: record.version } : {}),
          format: "openclaw",
          origin: record.origin ?? "global",
          rootDir: record.rootDir,
          status: "missing",
          enabled: false,
          disabledReason: "plugin folder missing",
          ...(record.source ? { source: record.source } : {}),
          dependencyStatus: { ok: true, missing: [], missingOptional: [], dependencies: [] },
          diagnostics: [
            {
              level: "error",
              code: "plugin-folder-missing",
              message: `the plugin index lists ${record.rootDir}, which does not exist; reinstall the plugin or remove its record.`,
            },
          ],
        });
        continue;
      }
      const candidate = describePluginFolder({ rootDir: record.rootDir, origin: record.origin ?? "global", source: index.file });
      entries.push({ ...toEntry(await catalogPlugin(candidate, catalog.config.plugins)), ...(record.source ? { source: record.source } : {}) });
    }
  } else {
    for (const plugin of catalog.plugins) entries.push(toEntry(plugin));
  }
  return {
    source: index.status === "valid" ? "index" : "manifests",
    catalog,
    entries: options.enabled ? entries.filter((entry) => entry.enabled) : entries,
    diagnostics,
  };
}

function toEntry(plugin: CatalogPlugin): PluginListEntry {
  const manifest = plugin.manifest;
  const packageJson = plugin.candidate.packageJson;
  const version = manifest?.version ?? plugin.bundle?.detected.version ?? (typeof packageJson?.version === "string" ? packageJson.version : undefined);
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
  const name = manifest?.name ?? plugin.bundle?.detected.name;
  const description = manifest?.description ?? plugin.bundle?.detected.description;
  if (name) entry.name = name;
  if (description) entry.description = description;
  if (plugin.format === "bundle" && plugin.candidate.bundleKind) {
    entry.bundleKind = plugin.candidate.bundleKind;
    entry.bundleCapabilities = [...(plugin.bundle?.detected.capabilities ?? [])];
  }
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
  const { source, catalog, entries, diagnostics } = await collectPluginList(ctx, options);
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
    return done();
  }
  if (options.verbose) {
    for (const entry of entries) {
      println(ctx, `${ctx.out.bold(entry.id)}${entry.name ? ` (${entry.name})` : ""}`);
      println(ctx, `  Status:     ${statusText(ctx, entry.status)}${entry.disabledReason ? ctx.out.dim(` — ${entry.disabledReason}`) : ""}`);
      println(ctx, `  Format:     ${entry.format}`);
      if (entry.bundleKind) {
        println(ctx, `  Bundle:     ${entry.bundleKind}`);
        println(ctx, `  Capabilities: ${entry.bundleCapabilities?.length ? entry.bundleCapabilities.join(", ") : "none"}`);
        const notWired = entry.diagnostics.filter((d) => d.code === "bundle-capability-not-wired");
        for (const d of notWired) println(ctx, `  ${ctx.out.dim(d.message)}`);
      }
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
        ["ID", "NAME", "FORMAT", "STATUS", "ORIGIN", "VERSION"],
        entries.map((entry) => [entry.id, entry.name ?? "-", entry.format, statusText(ctx, entry.status), entry.origin, entry.version ?? "-"]),
      ),
    );
  }
  println(ctx, ctx.out.dim(`${entries.length} plugin${entries.length === 1 ? "" : "s"} (from ${source === "index" ? catalog.paths.pluginIndexPath : "plugin manifests"})`));
  return done();
}
