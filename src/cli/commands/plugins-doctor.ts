/**
 * `openclaw plugins doctor [--json]`: one health report over the configured plugin set.
 *
 * A config file that cannot be read or parsed, or whose plugin policy fields have the wrong type, is an issue
 * and stops the run there: no plugin is loaded (fail closed) and the summary says to fix the config first.
 * Plugins are loaded in a child process each (`../runtime-check.ts`): `plugin-exited`, `plugin-load-timeout`.
 *
 * Reports: config file problems; discovery diagnostics; manifest errors; plugins present on disk but blocked by
 * path safety (reported as `present but blocked`, config kept); load errors of every enabled plugin (each is
 * loaded through the host loader without activating services); compatibility notices (info diagnostics);
 * plugin-config validation (`validatePluginsConfig`, moment `read`); and stale config references — entries,
 * allow/deny ids and slots (e.g. `plugins.slots.memory`) naming a plugin that is not installed.
 *
 * Every report says what was checked: the plugins found and the folders searched (`plugins.load.paths` of the config
 * file, `<workspace>/.openclaw/extensions`, `<state>/extensions`). When clean, that line is followed by exactly
 * `No plugin issues detected.` (exit 0); when no plugin was found, the report says `0 plugins found in …` and never
 * claims that nothing is wrong. When the only findings are stale config references, the summary says the installed
 * plugins are healthy and only the config is stale (exit 1). A `--workspace` folder that does not exist: exit 2.
 */
import { formatDiagnosticLine, printJson, println, type CommandContext } from "../context.js";
import { requireWorkspaceFolder } from "../folders.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { loadCatalogPluginRuntime, loadErrorDiagnostic, prewarmRuntimeCheck } from "../runtime-check.js";
import { importRefusal } from "./plugins-inspect.js";
import { runDoctorRepairs } from "./doctor-fix.js";
import type { RepairReport } from "../../doctor/repair-types.js";
import { resolvePluginCliTable, type PluginCliSource } from "../../plugin-cli/claims.js";
import { buildPluginCatalog } from "../../discovery/plugin-catalog.js";
import { validatePluginsConfig } from "../../config/validate-plugin-config.js";
import type { PluginDiagnostic } from "../../manifest/diagnostics.js";
import type { PluginManifest } from "../../manifest/plugin-manifest-schema.js";

/** Options of `plugins doctor` (and `openclaw doctor`). */
export interface PluginsDoctorOptions {
  json?: boolean;
  workspace?: string;
  /** Repair what can be repaired first (see doctor-fix.ts). */
  fix?: boolean;
  /** With `fix`: print the repair plan only. */
  dryRun?: boolean;
}

/** A doctor finding: a diagnostic plus the plugin it is about and its category. */
export interface DoctorFinding extends PluginDiagnostic {
  /** Plugin id, when the finding is about one plugin. */
  pluginId?: string;
  /** `issue` (must be fixed), `stale-config` (config names something not installed), `notice` (informational). */
  category: "issue" | "stale-config" | "notice";
}

/** What doctor looked at: the plugins it found and the places it searched. */
export interface DoctorChecked {
  /** Ids of the plugins found (every origin), in discovery order. */
  plugins: string[];
  /** The places searched, as printed: `plugins.load.paths of <config>`, the two extension folders. */
  searched: string[];
}

/** Exact text printed when nothing is wrong (after the line saying what was checked). */
export const DOCTOR_CLEAN_MESSAGE = "No plugin issues detected.";

const STALE_CONFIG_CODES = new Set(["plugin-not-installed", "plugin-policy-unknown-id", "slot-plugin-missing"]);

/** Warnings that are compatibility notices (the plugin works; something it uses is deprecated), not issues. */
const COMPAT_NOTICE_CODES = new Set(["deprecated-api", "entry-kind-deprecated"]);

/**
 * Collects every doctor finding.
 *
 * @example
 * ```ts
 * const { findings } = await collectDoctorFindings(ctx, {});
 * ```
 */
export async function collectDoctorFindings(
  ctx: CommandContext,
  options: PluginsDoctorOptions,
): Promise<{ findings: DoctorFinding[]; pluginCount: number; configPath: string; configError?: string; checked: DoctorChecked }> {
  const workspaceDir = requireWorkspaceFolder(ctx.io.cwd, options.workspace); // exit 2 before anything runs
  prewarmRuntimeCheck(ctx); // its start-up overlaps discovery
  const catalogOptions: Parameters<typeof buildPluginCatalog>[0] = { env: ctx.io.env, cwd: ctx.io.cwd };
  if (workspaceDir) catalogOptions.workspaceDir = workspaceDir;
  const catalog = await ctx.tracer.phase("discover", () => buildPluginCatalog(catalogOptions));
  const loadPaths = catalog.config.plugins.loadPaths;
  const checked: DoctorChecked = {
    plugins: catalog.plugins.map((plugin) => plugin.id),
    searched: [
      `plugins.load.paths of ${catalog.paths.configPath} (${loadPaths.length === 0 ? "none set" : `${loadPaths.length} entr${loadPaths.length === 1 ? "y" : "ies"}`})`,
      catalog.paths.workspaceExtensionsDir,
      catalog.paths.userExtensionsDir,
    ],
  };
  const findings: DoctorFinding[] = [];
  const push = (diagnostic: PluginDiagnostic, pluginId?: string): void => {
    const category: DoctorFinding["category"] = STALE_CONFIG_CODES.has(diagnostic.code)
      ? "stale-config"
      : diagnostic.level === "info" || (diagnostic.level === "warning" && COMPAT_NOTICE_CODES.has(diagnostic.code))
        ? "notice"
        : "issue";
    if (findings.some((f) => f.code === diagnostic.code && f.message === diagnostic.message)) return;
    findings.push({ ...diagnostic, ...(pluginId ? { pluginId } : {}), category });
  };
  for (const diagnostic of catalog.diagnostics) push(diagnostic);
  const configError = catalog.config.configError;

  const ids = new Set(catalog.plugins.map((plugin) => plugin.id));
  const blockedIds = new Set(catalog.plugins.filter((plugin) => plugin.status === "blocked").map((plugin) => plugin.id));
  const loadable = catalog.plugins.filter((plugin) => !importRefusal(plugin) && plugin.status === "enabled");
  const cliSources: PluginCliSource[] = [];
  for (const plugin of catalog.plugins) {
    for (const diagnostic of plugin.diagnostics) push(diagnostic, plugin.id);
    if (importRefusal(plugin) || plugin.status !== "enabled") continue;
    const runtime = await loadCatalogPluginRuntime(ctx, plugin, catalog, { prewarmNext: loadable.indexOf(plugin) < loadable.length - 1 });
    if (runtime.cliCommands.length > 0) cliSources.push(cliSourceOf(plugin.id, plugin.candidate.rootDir, runtime.cliCommands));
    // An invalid config is reported once, by the config validation below (with the config path and reason).
    const configInvalid = runtime.loadErrorCode === "config-invalid";
    if (runtime.loadError && !configInvalid) push(loadErrorDiagnostic(runtime, plugin.candidate.rootDir), plugin.id);
    for (const diagnostic of runtime.diagnostics) {
      if (runtime.loadError && (configInvalid || diagnostic.message === runtime.loadError)) continue;
      push(diagnostic, plugin.id);
    }
  }

  // Plugin CLI commands that collide with a core command or with another plugin's (same rules as the root CLI).
  for (const diagnostic of resolvePluginCliTable(cliSources, { roots: new Set(), children: new Map() }).diagnostics) {
    const owner = cliSources.find((source) => source.rootDir === diagnostic.file);
    push(diagnostic, owner?.pluginId);
  }

  if (configError) {
    // Fail closed: the config errors above are the findings; nothing was loaded, and plugin config is checked
    // once the file can be read.
    return { findings, pluginCount: catalog.plugins.length, configPath: catalog.paths.configPath, configError, checked };
  }
  // plugin config against manifests (moment "read"); blocked plugins are reported as present but blocked instead.
  const manifests: PluginManifest[] = catalog.plugins
    .filter((plugin) => plugin.manifest && plugin.status !== "blocked")
    .map((plugin) => plugin.manifest!);
  const validation = await ctx.tracer.phase("config", () =>
    validatePluginsConfig(catalog.config.raw, {
      manifests,
      moment: "read",
      file: catalog.paths.configPath,
      isInstalled: (id) => ids.has(id),
      isEnabled: (id) => catalog.plugins.find((plugin) => plugin.id === id)?.status === "enabled",
    }),
  );
  for (const diagnostic of validation.diagnostics) {
    const blockedId = [...blockedIds].find(
      (id) => diagnostic.path === `plugins.entries.${id}` || diagnostic.path.startsWith(`plugins.entries.${id}.`),
    );
    if (blockedId) continue;
    if (diagnostic.code === "plugin-disabled-config-kept") continue; // policy choice, not a problem
    push({ ...diagnostic, file: diagnostic.file ?? catalog.paths.configPath });
  }
  const configured = new Set([
    ...Object.keys(catalog.config.plugins.entries),
    ...catalog.config.plugins.allow,
  ]);
  for (const id of blockedIds) {
    if (!configured.has(id)) continue;
    push(
      {
        level: "error",
        code: "plugin-present-but-blocked",
        path: `plugins.entries.${id}`,
        file: catalog.paths.configPath,
        message: `configured plugin "${id}" is present but blocked by path safety; its config is kept. Fix the blocked-plugin problem reported above (ownership or world-writable permissions) instead of removing plugins.entries.${id} or plugins.allow.`,
      },
      id,
    );
  }
  for (const [slot, id] of Object.entries(catalog.config.plugins.slots)) {
    if (id === "none" || ids.has(id)) continue;
    push({
      level: "warning",
      code: "slot-plugin-missing",
      path: `plugins.slots.${slot}`,
      file: catalog.paths.configPath,
      message: `plugins.slots.${slot} names plugin "${id}", which is not installed. Install it, point the slot at an installed plugin, or remove the setting.`,
    });
  }
  return { findings, pluginCount: catalog.plugins.length, configPath: catalog.paths.configPath, checked };
}

/**
 * The line saying what doctor checked: `Checked 2 plugins (a, b) found in …`, or `0 plugins found in …` with the
 * way to check a plugin that is not installed.
 *
 * @example
 * ```ts
 * describeChecked({ plugins: [], searched: ["plugins.load.paths of /s/openclaw.json (none set)", "/w/.openclaw/extensions", "/s/extensions"] });
 * // "0 plugins found in plugins.load.paths of /s/openclaw.json (none set), /w/.openclaw/extensions and /s/extensions, so no plugin was checked. …"
 * ```
 */
export function describeChecked(checked: DoctorChecked): string {
  const places = `${checked.searched.slice(0, -1).join(", ")} and ${checked.searched.at(-1)}`;
  const count = checked.plugins.length;
  if (count === 0) {
    return `0 plugins found in ${places}, so no plugin was checked. To check a plugin folder, run openclaw plugins validate in it, or add it to plugins.load.paths.`;
  }
  const ids = checked.plugins.slice(0, 5).join(", ") + (count > 5 ? `, … (${count - 5} more)` : "");
  return `Checked ${count} plugin${count === 1 ? "" : "s"} (${ids}) found in ${places}.`;
}

/**
 * Runs `plugins doctor`.
 *
 * @example
 * ```ts
 * const code = await runPluginsDoctor(ctx, {});
 * ```
 */
export async function runPluginsDoctor(ctx: CommandContext, options: PluginsDoctorOptions): Promise<ExitCodeValue> {
  const repairs = options.fix || options.dryRun ? await runDoctorRepairs(ctx, options) : undefined;
  // A failed repair, a dry run that found something to repair, or a problem --fix could not repair (notes) exits 1.
  const repairProblem = repairs !== undefined && (repairs.error !== undefined || repairs.notes.length > 0 || (repairs.mode === "dry-run" && repairs.actions.length > 0));
  if (repairs && !options.json) println(ctx);
  const code = await reportDoctor(ctx, options, repairs);
  return repairProblem ? ExitCode.problems : code;
}

async function reportDoctor(ctx: CommandContext, options: PluginsDoctorOptions, repairs: RepairReport | undefined): Promise<ExitCodeValue> {
  const { findings, pluginCount, configPath, configError, checked } = await collectDoctorFindings(ctx, options);
  const issues = findings.filter((f) => f.category === "issue");
  const stale = findings.filter((f) => f.category === "stale-config");
  const notices = findings.filter((f) => f.category === "notice");
  const ok = issues.length === 0 && stale.length === 0;
  const summary = configError
    ? `The config file ${configPath} cannot be used, so no plugin was loaded or checked: fix the error${issues.filter((f) => f.file === configPath).length === 1 ? "" : "s"} shown for it above (same file, line and field) and run openclaw plugins doctor again.`
    : ok
    ? pluginCount === 0
      ? describeChecked(checked)
      : DOCTOR_CLEAN_MESSAGE
    : issues.length === 0
      ? `Installed plugins are healthy (${pluginCount} checked), but ${configPath} has ${stale.length} stale plugin reference${stale.length === 1 ? "" : "s"}; remove or fix ${stale.length === 1 ? "it" : "them"}.`
      : `${issues.length} plugin issue${issues.length === 1 ? "" : "s"} found${stale.length ? `, plus ${stale.length} stale config reference${stale.length === 1 ? "" : "s"}` : ""}.`;
  if (options.json) {
    printJson(ctx, { ok, summary, pluginCount, configPath, checked, ...(configError ? { configError } : {}), issues, staleConfig: stale, notices, ...(repairs ? { repairs } : {}) });
    return ok ? ExitCode.ok : ExitCode.problems;
  }
  if (!configError) println(ctx, describeChecked(checked));
  if (ok && notices.length === 0) {
    if (pluginCount > 0) println(ctx, DOCTOR_CLEAN_MESSAGE);
    return ExitCode.ok;
  }
  const section = (title: string, list: DoctorFinding[]): void => {
    if (list.length === 0) return;
    println(ctx, ctx.out.bold(title));
    for (const finding of list) {
      println(ctx, `  ${formatDiagnosticLine(ctx.out, finding)}`);
    }
  };
  section("Plugin issues:", issues);
  section("Stale plugin config:", stale);
  section("Compatibility notices:", notices);
  if (ok) {
    if (pluginCount > 0) println(ctx, DOCTOR_CLEAN_MESSAGE); // the "0 plugins found" line is already printed
  } else println(ctx, ctx.out.red(summary));
  return ok ? ExitCode.ok : ExitCode.problems;
}

/** The CLI commands a runtime report lists, as claims (one registration per parent path). */
function cliSourceOf(pluginId: string, rootDir: string, commands: ReadonlyArray<{ name: string; parentPath: string[] }>): PluginCliSource {
  const byParent = new Map<string, { parentPath: string[]; names: string[] }>();
  for (const command of commands) {
    const key = command.parentPath.join(" ");
    const group = byParent.get(key) ?? { parentPath: [...command.parentPath], names: [] };
    group.names.push(command.name);
    byParent.set(key, group);
  }
  return {
    pluginId,
    rootDir,
    registrations: [...byParent.values()].map((group, index) => ({
      index,
      parentPath: group.parentPath,
      kind: "lazy" as const,
      descriptors: group.names.map((name) => ({ name, description: "" })),
      commands: [],
    })),
  };
}
