/**
 * `openclaw plugins inspect <id|path> [--runtime] [--json] [--all]` (alias `info`).
 *
 * Without `--runtime`: manifest and package facts only, no plugin code runs. With `--runtime`: the plugin is
 * loaded through the host loader (full registration mode) and everything it registers is listed. `--all` renders
 * one table row per discovered plugin, loading each enabled, unblocked plugin.
 *
 * A broken config file (unreadable, unparsable, wrong-typed policy field) makes `--runtime` and `--all` refuse
 * (exit 1, the config errors on stderr): no plugin code runs until it is fixed. Plugin code runs in a child process
 * (`../runtime-check.ts`), so a plugin that exits or hangs is reported (`plugin-exited`, `plugin-load-timeout`).
 *
 * `--json` prints exactly `{ id, name, version, format, shape, capabilities, hooks, tools, commands, services,
 * gatewayMethods, httpRoutes, cliCommands, channels, providers, diagnostics }` (an array of those with `--all`).
 * Without `--runtime`, `shape` is null and the registration lists hold what the manifest declares (`tools` from
 * `contracts.tools`, `channels`, `providers`) or are empty.
 */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { eprintln, formatDiagnosticLine, printJson, println, type CommandContext } from "../context.js";
import { requireWorkspaceFolder } from "../folders.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { loadCatalogPluginRuntime, prewarmRuntimeCheck } from "../runtime-check.js";
import type { RuntimeReport } from "../runtime-load.js";
import { renderTable } from "../table.js";
import { buildPluginCatalog, catalogPluginAt, type CatalogPlugin, type PluginCatalog } from "../../discovery/plugin-catalog.js";
import { notAPluginFolderReason } from "../../discovery/discover-plugins.js";
import type { PluginDiagnostic } from "../../manifest/diagnostics.js";

/** Options of `plugins inspect`. */
export interface PluginsInspectOptions {
  runtime?: boolean;
  json?: boolean;
  all?: boolean;
  workspace?: string;
}

/** The registration lists `--json` shares with {@link RuntimeReport}. */
type InspectRuntimeFields = Pick<RuntimeReport, "shape" | "capabilities" | "hooks" | "tools" | "commands" | "services" | "gatewayMethods" | "httpRoutes" | "cliCommands" | "channels" | "providers">;

/** The `--json` report of one plugin. */
export interface PluginInspectReport extends InspectRuntimeFields {
  id: string;
  name: string | null;
  version: string | null;
  format: "openclaw" | "bundle";
  /** Bundle facts, when `format` is `bundle`: subtype, detected capabilities, which are wired and which are not. */
  bundle?: PluginInspectBundle;
  diagnostics: Array<{ level: PluginDiagnostic["level"]; code: string; message: string }>;
}

/** The `bundle` block of {@link PluginInspectReport}. */
export interface PluginInspectBundle {
  kind: "codex" | "claude" | "cursor";
  manifestFile: string | null;
  capabilities: string[];
  wired: string[];
  notWired: string[];
  skills: string[];
  commandSkills: string[];
  hookFolders: string[];
  settingsDefaults: boolean;
  lspServers: string[];
}

function bundleBlock(plugin: CatalogPlugin): PluginInspectBundle | undefined {
  if (!plugin.bundle) return undefined;
  const { detected, wiring } = plugin.bundle;
  return {
    kind: detected.kind,
    manifestFile: detected.manifestFile ?? null,
    capabilities: [...detected.capabilities],
    wired: [...wiring.wiredCapabilities],
    notWired: [...wiring.notWired],
    skills: wiring.wired.skills.map((skill) => skill.name),
    commandSkills: wiring.wired.commandSkills.map((command) => command.name),
    hookFolders: wiring.wired.hookFolders.map((hook) => hook.name),
    settingsDefaults: wiring.wired.settingsDefaults !== undefined,
    lspServers: Object.keys(wiring.wired.lspServers ?? {}),
  };
}

function looksLikePath(target: string): boolean {
  return target.includes("/") || target.includes("\\") || target.startsWith(".") || isAbsolute(target);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Finds the plugin a target names. A target that names an existing folder is a path (so `inspect my-plugin` next to
 * the folder `my-plugin/` inspects that folder), unless that folder is not a plugin folder and a discovered plugin has
 * the id; a target written as a path (`./x`, `a/b`, absolute) is always a path; anything else is an id. A missing
 * path, a folder that is not a plugin folder (naming what it lacks) and an unknown id are usage errors (exit 2).
 *
 * @example
 * ```ts
 * const plugin = await resolveInspectTarget(ctx, "demo", catalog);
 * ```
 */
export async function resolveInspectTarget(ctx: CommandContext, target: string, catalog: PluginCatalog): Promise<CatalogPlugin> {
  const dir = resolve(ctx.io.cwd, target);
  const byId = catalog.plugins.find((plugin) => plugin.id === target);
  if (looksLikePath(target) || isDirectory(dir)) {
    if (!existsSync(dir)) throw new CliError(`no plugin folder at ${dir}: it does not exist. Pass a plugin id or the folder holding openclaw.plugin.json.`, ExitCode.usage);
    if (!isDirectory(dir)) throw new CliError(`${dir} is a file, not a plugin folder. Pass the folder holding openclaw.plugin.json (and package.json).`, ExitCode.usage);
    const missing = notAPluginFolderReason(dir);
    if (!missing) return catalogPluginAt(dir, catalog);
    if (byId && !looksLikePath(target)) return byId;
    throw new CliError(
      `${dir} is not a plugin folder: ${missing}. Pass the folder holding openclaw.plugin.json, or create a plugin with openclaw plugins init.`,
      ExitCode.usage,
    );
  }
  if (byId) return byId;
  const known = catalog.plugins.map((plugin) => plugin.id);
  throw new CliError(
    `no plugin with id "${target}" found${known.length ? ` (found: ${known.join(", ")})` : ""}. Searched plugins.load.paths in ${catalog.paths.configPath}, ${catalog.paths.workspaceExtensionsDir} and ${catalog.paths.userExtensionsDir}; pass a folder path to inspect a plugin elsewhere.`,
    ExitCode.usage,
  );
}

function slim(diagnostics: readonly PluginDiagnostic[]): PluginInspectReport["diagnostics"] {
  return diagnostics.map(({ level, code, message }) => ({ level, code, message }));
}

/**
 * The static (no code run) report of a plugin.
 *
 * @example
 * ```ts
 * staticReport(plugin).shape; // null
 * ```
 */
export function staticReport(plugin: CatalogPlugin): PluginInspectReport {
  const manifest = plugin.manifest;
  const pkgVersion = plugin.candidate.packageJson?.version;
  const bundle = bundleBlock(plugin);
  return {
    id: plugin.id,
    name: manifest?.name ?? plugin.bundle?.detected.name ?? null,
    version: manifest?.version ?? plugin.bundle?.detected.version ?? (typeof pkgVersion === "string" ? pkgVersion : null),
    format: plugin.format,
    ...(bundle ? { bundle } : {}),
    shape: null,
    capabilities: [],
    hooks: [],
    tools: [...(manifest?.contracts?.tools ?? [])],
    commands: [],
    services: [],
    gatewayMethods: [],
    httpRoutes: [],
    cliCommands: [],
    channels: [...(manifest?.channels ?? [])],
    providers: [...(manifest?.providers ?? [])],
    diagnostics: slim(plugin.diagnostics),
  };
}

function runtimeToReport(plugin: CatalogPlugin, runtime: RuntimeReport): PluginInspectReport {
  const base = staticReport(plugin);
  const diagnostics = [...plugin.diagnostics];
  for (const diagnostic of runtime.diagnostics) {
    if (!diagnostics.some((d) => d.code === diagnostic.code && d.message === diagnostic.message)) diagnostics.push(diagnostic);
  }
  return {
    ...base,
    id: runtime.id ?? base.id,
    shape: runtime.shape,
    capabilities: runtime.capabilities,
    hooks: runtime.hooks,
    tools: runtime.tools,
    commands: runtime.commands,
    services: runtime.services,
    gatewayMethods: runtime.gatewayMethods,
    httpRoutes: runtime.httpRoutes,
    cliCommands: runtime.cliCommands,
    channels: runtime.channels,
    providers: runtime.providers,
    diagnostics: slim(diagnostics),
  };
}

/**
 * Why a plugin may not be imported right now (blocked, unusable manifest, or workspace/deny/allow policy), or
 * `undefined` when it may. Plugins given by path (origin `path`) are imported on request.
 *
 * @example
 * ```ts
 * const reason = importRefusal(plugin);
 * if (reason) console.error(reason);
 * ```
 */
export function importRefusal(plugin: CatalogPlugin): string | undefined {
  // A broken config file keeps every plugin out, even one named by path: its deny list may name it.
  if (plugin.enablement.reason === "config-invalid") return `plugin "${plugin.id}" is not imported: ${plugin.enablement.hint}`;
  if (plugin.candidate.blocked) return `plugin "${plugin.id}" is present but blocked, so it is not imported: ${plugin.candidate.blocked.message}`;
  if (plugin.format === "bundle") {
    return `plugin "${plugin.id}" is a ${plugin.candidate.bundleKind ?? ""} bundle: it has no OpenClaw entry to import; its capabilities are listed without --runtime.`;
  }
  if (!plugin.manifest) {
    const errors = plugin.diagnostics.filter((d) => d.level === "error").map((d) => `${d.message} (${d.code})`);
    return `plugin "${plugin.id}" has no usable manifest (${plugin.candidate.manifestFile}), so it is not imported${errors.length ? `: ${errors.slice(0, 3).join("; ")}${errors.length > 3 ? `; and ${errors.length - 3} more` : ""}` : ""}. Fix the manifest (openclaw plugins validate shows every problem), then rerun.`;
  }
  if (!plugin.enablement.enabled && plugin.candidate.origin !== "path") {
    return `plugin "${plugin.id}" (${plugin.candidate.origin} origin) is not imported: ${plugin.enablement.hint ?? plugin.enablement.reason}.`;
  }
  return undefined;
}

/**
 * Loads a plugin at runtime for inspection, or returns the reason it was not loaded.
 *
 * @example
 * ```ts
 * const { report, refused } = await inspectRuntime(ctx, plugin, catalog);
 * ```
 */
export async function inspectRuntime(
  ctx: CommandContext,
  plugin: CatalogPlugin,
  catalog: PluginCatalog,
  extra: { prewarmNext?: boolean } = {},
): Promise<{ report: PluginInspectReport; runtime?: RuntimeReport; refused?: string }> {
  const refused = importRefusal(plugin);
  if (refused) return { report: staticReport(plugin), refused };
  const runtime = await loadCatalogPluginRuntime(ctx, plugin, catalog, extra);
  return { report: runtimeToReport(plugin, runtime), runtime };
}

function listLine(ctx: CommandContext, label: string, values: readonly string[]): void {
  println(ctx, `  ${label.padEnd(17)}${values.length ? values.join(", ") : ctx.out.dim("none")}`);
}

function printHuman(ctx: CommandContext, plugin: CatalogPlugin, report: PluginInspectReport, runtime: boolean, runtimeReport?: RuntimeReport): void {
  println(ctx, `${ctx.out.bold(report.id)}${report.name ? ` — ${report.name}` : ""}`);
  const description = plugin.manifest?.description ?? plugin.bundle?.detected.description;
  if (description) println(ctx, `  ${ctx.out.dim(description)}`);
  const status = plugin.status === "blocked" ? ctx.out.red("present but blocked") : plugin.status === "enabled" ? ctx.out.green("enabled") : plugin.status;
  const loadStatus = runtimeReport?.loadError ? ctx.out.red("load error (see stderr)") : ctx.out.green("loaded");
  println(ctx, `  ${"Status".padEnd(17)}${runtime && runtimeReport ? loadStatus : status}`);
  println(ctx, `  ${"Format".padEnd(17)}${report.format}`);
  if (report.bundle) {
    println(ctx, `  ${"Bundle subtype".padEnd(17)}${report.bundle.kind}`);
    listLine(ctx, "Capabilities", report.bundle.capabilities);
    listLine(ctx, "Wired", report.bundle.wired);
    listLine(ctx, "Detected, not wired", report.bundle.notWired);
  }
  println(ctx, `  ${"Version".padEnd(17)}${report.version ?? "-"}`);
  println(ctx, `  ${"Origin".padEnd(17)}${plugin.candidate.origin}`);
  println(ctx, `  ${"Folder".padEnd(17)}${plugin.candidate.rootDir}`);
  const packageName = plugin.candidate.packageJson?.name;
  if (typeof packageName === "string") println(ctx, `  ${"Package".padEnd(17)}${packageName}`);
  listLine(ctx, "Entries", plugin.candidate.entryFiles.map((file) => file.replace(`${plugin.candidate.rootDir}/`, "./")));
  if (plugin.manifest?.activation) println(ctx, `  ${"Activation".padEnd(17)}${JSON.stringify(plugin.manifest.activation)}`);
  if (report.bundle) {
    listLine(ctx, "Skills", report.bundle.skills);
    listLine(ctx, "Command skills", report.bundle.commandSkills);
    if (report.bundle.hookFolders.length) listLine(ctx, "Hook folders", report.bundle.hookFolders);
    if (report.bundle.lspServers.length) listLine(ctx, "LSP servers", report.bundle.lspServers);
    if (report.bundle.settingsDefaults) println(ctx, `  ${"Settings".padEnd(17)}settings.json defaults`);
  } else if (!runtime) {
    listLine(ctx, "contracts.tools", report.tools);
    listLine(ctx, "Channels", report.channels);
    listLine(ctx, "Providers", report.providers);
    println(ctx, ctx.out.dim("  (manifest facts only; add --runtime to load the plugin and list what it registers)"));
  } else if (runtimeReport?.loadError) {
    // No shape or registrations: a plugin that failed to load registers nothing the gateway would keep.
    println(ctx, ctx.out.dim(`  Not loaded, so no shape or registrations (failed after ${runtimeReport.loadMs.toFixed(1)} ms).`));
  } else if (runtimeReport) {
    println(ctx, `  ${"Shape".padEnd(17)}${report.shape ?? "-"}`);
    listLine(ctx, "Capabilities", report.capabilities);
    listLine(ctx, "Hooks", report.hooks.map((hook) => `${hook.name} (priority ${hook.priority})`));
    listLine(ctx, "Tools", report.tools);
    listLine(ctx, "Commands", report.commands);
    listLine(ctx, "Services", report.services);
    listLine(ctx, "Gateway methods", report.gatewayMethods);
    listLine(ctx, "HTTP routes", report.httpRoutes);
    listLine(ctx, "CLI commands", report.cliCommands.map((command) => `openclaw ${command.path}`));
    listLine(ctx, "Channels", report.channels);
    listLine(ctx, "Providers", report.providers);
    println(ctx, ctx.out.dim(`  Loaded in ${runtimeReport.loadMs.toFixed(1)} ms.`));
  }
  const notices = report.diagnostics.filter((d) => d.level !== "error");
  const errors = report.diagnostics.filter((d) => d.level === "error");
  if (notices.length) {
    println(ctx, "  Compatibility notices and warnings:");
    for (const notice of notices) println(ctx, `    ${notice.level}: ${notice.message} ${ctx.out.dim(`(${notice.code})`)}`);
  }
  if (errors.length) {
    println(ctx, "  Errors:");
    for (const error of errors) println(ctx, `    ${ctx.out.red(error.message)} ${ctx.out.dim(`(${error.code})`)}`);
  }
}

function hookSummary(report: PluginInspectReport): string {
  if (report.hooks.length === 0) return "-";
  const names = [...new Set(report.hooks.map((hook) => hook.name))];
  return `${report.hooks.length} (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""})`;
}

/**
 * Runs `plugins inspect`.
 *
 * @example
 * ```ts
 * const code = await runPluginsInspect(ctx, "./my-plugin", { runtime: true, json: true });
 * ```
 */
export async function runPluginsInspect(
  ctx: CommandContext,
  target: string | undefined,
  options: PluginsInspectOptions,
): Promise<ExitCodeValue> {
  const workspaceDir = requireWorkspaceFolder(ctx.io.cwd, options.workspace); // exit 2 before anything runs
  // The runtime-check child starts now, so its start-up overlaps discovery and manifest reading.
  if (options.runtime || options.all) prewarmRuntimeCheck(ctx);
  const catalogOptions: Parameters<typeof buildPluginCatalog>[0] = { env: ctx.io.env, cwd: ctx.io.cwd };
  if (workspaceDir) catalogOptions.workspaceDir = workspaceDir;
  const catalog = await ctx.tracer.phase("discover", () => buildPluginCatalog(catalogOptions));
  for (const diagnostic of catalog.diagnostics) eprintln(ctx, formatDiagnosticLine(ctx.err, diagnostic));
  if (options.all && target) throw new CliError("pass either a plugin id/path or --all, not both.", ExitCode.usage);
  if ((options.all || options.runtime) && catalog.config.configError) {
    // Fail closed: nothing is imported while the config (and so the deny/allow policy) cannot be trusted.
    if (options.json) printJson(ctx, options.all ? [] : { error: catalog.config.configError, diagnostics: slim(catalog.diagnostics) });
    eprintln(ctx, `${ctx.err.red("error")} no plugin is loaded: ${catalog.config.configError}`);
    return ExitCode.problems;
  }

  if (options.all) {
    const rows: Array<{ plugin: CatalogPlugin; report: PluginInspectReport; note: string }> = [];
    const loadable = catalog.plugins.filter((plugin) => importRefusal(plugin) === undefined);
    for (const plugin of catalog.plugins) {
      const { report, refused, runtime } = await inspectRuntime(ctx, plugin, catalog, { prewarmNext: loadable.indexOf(plugin) < loadable.length - 1 });
      rows.push({ plugin, report, note: refused ? (plugin.status === "blocked" ? "present but blocked" : plugin.status) : runtime?.loadError ? "load error" : "loaded" });
    }
    // One rule for every command: a load error or an error diagnostic in any row fails the command.
    const failed = rows.some(({ report, note }) => note === "load error" || report.diagnostics.some((d) => d.level === "error"));
    const code = failed ? ExitCode.problems : ExitCode.ok;
    if (options.json) {
      printJson(ctx, rows.map((row) => row.report));
      return code;
    }
    if (rows.length === 0) {
      println(ctx, "No plugins found.");
      return ExitCode.ok;
    }
    println(
      ctx,
      renderTable(
        ["ID", "STATUS", "SHAPE", "CAPABILITIES", "COMPAT NOTICES", "HOOKS"],
        rows.map(({ report, note }) => [
          report.id,
          note,
          report.shape ?? "-",
          report.capabilities.join(", ") || "-",
          String(report.diagnostics.filter((d) => d.level !== "error").length),
          hookSummary(report),
        ]),
      ),
    );
    return code;
  }

  if (!target) throw new CliError("pass a plugin id or folder (e.g. `openclaw plugins inspect .`), or --all.", ExitCode.usage);
  const plugin = await ctx.tracer.phase("manifest", () => resolveInspectTarget(ctx, target, catalog));
  if (!options.runtime) {
    const report = staticReport(plugin);
    if (options.json) printJson(ctx, report);
    else printHuman(ctx, plugin, report, false);
    return plugin.diagnostics.some((d) => d.level === "error") ? ExitCode.problems : ExitCode.ok;
  }
  const { report, runtime, refused } = await inspectRuntime(ctx, plugin, catalog);
  if (refused) {
    if (options.json) printJson(ctx, report);
    eprintln(ctx, `${ctx.err.red("error")} ${refused}`);
    return ExitCode.problems;
  }
  if (options.json) printJson(ctx, report);
  else printHuman(ctx, plugin, report, true, runtime);
  if (runtime?.loadError) {
    printLoadError(ctx, runtime);
    return ExitCode.problems;
  }
  // The same rule as validate: an error diagnostic (e.g. contract-tools-undeclared) fails the command.
  return report.diagnostics.some((d) => d.level === "error") ? ExitCode.problems : ExitCode.ok;
}

/**
 * The load error on stderr: the message, then the stack frames in the plugin's own files (file:line), then — with
 * `OPENCLAW_PLUGIN_LOAD_DEBUG=1` — the whole stack.
 */
function printLoadError(ctx: CommandContext, runtime: RuntimeReport): void {
  eprintln(ctx, `${ctx.err.red("error")} load failed (${runtime.loadErrorCode}): ${runtime.loadError}`);
  const frames = runtime.loadErrorFrames ?? [];
  for (const frame of frames) eprintln(ctx, `    ${frame}`);
  if (runtime.loadErrorStack) {
    eprintln(ctx, ctx.err.dim("  full stack (OPENCLAW_PLUGIN_LOAD_DEBUG=1):"));
    for (const line of runtime.loadErrorStack.split("\n")) eprintln(ctx, ctx.err.dim(`    ${line.trim()}`));
  } else if (frames.length > 0 || runtime.loadErrorCode === "register-failed" || runtime.loadErrorCode === "import-failed") {
    eprintln(ctx, ctx.err.dim(`  ${frames.length ? "" : "no stack frame in the plugin's own files; "}set OPENCLAW_PLUGIN_LOAD_DEBUG=1 for the full stack.`));
  }
}
