/**
 * `plugins validate`'s entry checks, over the host's own entry-file plan (`src/host/entry-files.ts`) and mode table
 * (`src/host/modes.ts`), so validate reports exactly what `loadPluginForTest(root, { mode })` would hit:
 *
 * - {@link checkEntryPlan}: for each entry kind the host loads (the main entry from `openclaw.extensions[0]` /
 *   `runtimeExtensions[0]`, the setup entry from `openclaw.setupEntry` / `runtimeSetupEntry`), the file the loader
 *   would import, or an error naming the `package.json` field, the path, the registration modes that need it and the
 *   fix; a declared `runtime*` path that does not exist (the host falls back to the source) is a warning;
 * - {@link checkRegistrationModes}: loads the plugin in every registration mode in the runtime-check child (plugin
 *   code never runs in the CLI process) and reports each load error once, with the modes it happens in.
 */
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import { type EntryKind, type ResolvedEntryFile, listEntryCandidates, readPluginPackageJson, resolveEntryFile } from "../host/entry-files.js";
import { REGISTRATION_MODES, usesSetupEntry } from "../host/modes.js";
import { resolveInsideRoot } from "../files/contained-file.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { loadPluginInChild, loadErrorDiagnostic } from "./runtime-check.js";
import type { RuntimeChild } from "./runtime-child.js";
import type { LoadJob } from "./runtime-jobs.js";
import type { RuntimeReport } from "./runtime-load.js";
import { toPackageRelative } from "./plugin-project.js";

/** When the gateway loads a plugin in each mode, for messages. */
export const MODE_USE: Readonly<Record<PluginRegistrationMode, string>> = {
  full: "the normal gateway load",
  discovery: "discovery of channels, tools and commands",
  "tool-discovery": "tool listing",
  "setup-runtime": "a configured channel before the gateway listens",
  "setup-only": "a disabled or unconfigured channel",
  "cli-metadata": "building the CLI's command list",
};

/**
 * The registration modes that load `kind` (setup modes load the setup entry only when one is declared).
 *
 * @example
 * ```ts
 * modesUsing("setup", true); // ["setup-runtime", "setup-only"]
 * ```
 */
export function modesUsing(kind: EntryKind, setupDeclared: boolean): PluginRegistrationMode[] {
  return REGISTRATION_MODES.filter((mode) => (setupDeclared && usesSetupEntry(mode) ? "setup" : "main") === kind);
}

/** What {@link checkEntryPlan} found. */
export interface EntryPlan {
  diagnostics: PluginDiagnostic[];
  /** The file the host imports in runtime modes, when it resolves. */
  main?: ResolvedEntryFile;
  /** The file the host imports in setup modes, when a setup entry is declared and resolves. */
  setup?: ResolvedEntryFile;
  /** `package.json#openclaw.setupEntry` is declared. */
  setupDeclared: boolean;
  /** Modes whose entry does not resolve (nothing to load in them). */
  unloadableModes: Set<PluginRegistrationMode>;
}

/**
 * Modes with what the gateway uses each for: `setup-only (a disabled or unconfigured channel), …`.
 *
 * @example
 * ```ts
 * describeModes(["cli-metadata"]); // "cli-metadata (building the CLI's command list)"
 * ```
 */
export function describeModes(modes: readonly PluginRegistrationMode[]): string {
  return modes.map((mode) => `${mode} (${MODE_USE[mode]})`).join(", ");
}

/**
 * Resolves every entry kind of the plugin in `rootDir` the way the loader does and reports what would fail. The
 * main entry's absence is reported only when `reportMissingMain` (validate reports a missing `openclaw.extensions`
 * itself).
 *
 * @example
 * ```ts
 * const plan = checkEntryPlan("/src/ping-channel");
 * plan.diagnostics[0]?.path; // "openclaw.setupEntry"
 * ```
 */
export function checkEntryPlan(rootDir: string, options: { reportMissingMain?: boolean } = {}): EntryPlan {
  const packageJson = readPluginPackageJson(rootDir);
  const plan: EntryPlan = { diagnostics: [], setupDeclared: false, unloadableModes: new Set() };
  // An unreadable package.json is reported by validate's package checks; the loader would refuse the plugin.
  if (!packageJson.ok) {
    for (const mode of REGISTRATION_MODES) plan.unloadableModes.add(mode);
    return plan;
  }
  const { fields, file: packageFile } = packageJson;
  plan.setupDeclared = fields.setupEntry !== undefined;
  const root = resolveInsideRoot(rootDir, ".");
  const rootReal = root.ok ? root.rootReal : undefined;

  const kinds: EntryKind[] = plan.setupDeclared ? ["main", "setup"] : ["main"];
  for (const kind of kinds) {
    const modes = modesUsing(kind, plan.setupDeclared);
    const resolved = resolveEntryFile(rootDir, { preferSetup: kind === "setup", fields, rootReal });
    const field = kind === "setup" ? "openclaw.setupEntry" : "openclaw.extensions[0]";
    const declared = kind === "setup" ? fields.setupEntry : fields.extensions?.[0];
    if ("error" in resolved) {
      for (const mode of modes) plan.unloadableModes.add(mode);
      if (resolved.code === "entry-not-found" && kind === "main" && !options.reportMissingMain) continue;
      const tried = listEntryCandidates(rootDir, fields, kind).map((candidate) => toPackageRelative(rootDir, candidate.file));
      plan.diagnostics.push({
        level: "error",
        code: resolved.code,
        path: declared !== undefined ? field : "",
        file: packageFile,
        message:
          resolved.code === "entry-not-found"
            ? `${field} ${JSON.stringify(declared ?? "")} does not exist (tried ${tried.join(", ")}), so the host cannot load the plugin in registration mode${modes.length === 1 ? "" : "s"} ${describeModes(modes)}: loadPluginForTest(root, { mode: "${modes[0]}" }) fails with entry-not-found. Build the plugin (npm run build) so the file exists, or fix package.json#${field}${kind === "setup" ? " (or remove it: the main entry is then loaded in setup modes)" : ""}.`
            : `${field}: ${resolved.error}`,
      });
      continue;
    }
    if (kind === "setup") plan.setup = resolved;
    else plan.main = resolved;
    const runtimeField = kind === "setup" ? "openclaw.runtimeSetupEntry" : "openclaw.runtimeExtensions[0]";
    const runtimePath = kind === "setup" ? fields.runtimeSetupEntry : fields.runtimeExtensions?.[0];
    if (runtimePath !== undefined && !resolveInsideRoot(rootDir, runtimePath, rootReal !== undefined ? { rootReal } : {}).ok) {
      plan.diagnostics.push({
        level: "warning",
        code: "entry-runtime-missing",
        path: runtimeField,
        file: packageFile,
        message: `${runtimeField} ${JSON.stringify(runtimePath)} does not exist; the host falls back to ${toPackageRelative(rootDir, resolved.file)} in registration modes ${modes.join(", ")}. Build the plugin (npm run build) or fix the path.`,
      });
    }
  }

  // Further extensions: each must resolve to a file through the same candidate list (built peers first).
  (fields.extensions ?? []).slice(1).forEach((extension, offset) => {
    const index = offset + 1;
    const candidates = listEntryCandidates(rootDir, { extensions: [extension], ...(fields.runtimeExtensions?.[index] ? { runtimeExtensions: [fields.runtimeExtensions[index]!] } : {}) }, "main");
    if (candidates.some((candidate) => resolveInsideRoot(rootDir, candidate.written, rootReal !== undefined ? { rootReal } : {}).ok)) return;
    plan.diagnostics.push({
      level: "error",
      code: "entry-not-found",
      path: `openclaw.extensions[${index}]`,
      file: packageFile,
      message: `openclaw.extensions[${index}] ${JSON.stringify(extension)} does not exist. Build the plugin (npm run build) or fix the path.`,
    });
  });
  return plan;
}

/** What {@link checkRegistrationModes} found. */
export interface ModeCheck {
  diagnostics: PluginDiagnostic[];
  /** Every tool name `register` passed to `registerTool` in `full` mode. */
  fullModeTools: string[];
}

/**
 * Loads the plugin once per registration mode (skipping `skip`) in `child`, as `loadPluginForTest(root, { mode })`
 * does, and turns the load errors into diagnostics: one per distinct error, naming every mode it happens in. A config
 * the plugin's schema rejects is a `runtime-check-skipped` warning (register cannot run in any mode); a child that
 * exits or hangs stops the remaining modes.
 *
 * @example
 * ```ts
 * const { diagnostics } = await checkRegistrationModes(child, { rootDir, origin: "path" }, { pluginId: "demo", skip: new Set() });
 * ```
 */
export async function checkRegistrationModes(
  child: RuntimeChild,
  options: LoadJob["options"],
  context: { pluginId: string; skip: ReadonlySet<PluginRegistrationMode>; entryFileFor: (mode: PluginRegistrationMode) => string | undefined },
): Promise<ModeCheck> {
  const result: ModeCheck = { diagnostics: [], fullModeTools: [] };
  const failures = new Map<string, { report: RuntimeReport; modes: PluginRegistrationMode[] }>();
  for (const mode of REGISTRATION_MODES) {
    if (context.skip.has(mode)) continue;
    const report = await loadPluginInChild(child, { ...options, mode }, `plugin "${context.pluginId}"`);
    if (mode === "full") result.fullModeTools = report.attemptedTools;
    if (!report.loadError) continue;
    if (report.loadErrorCode === "config-invalid") {
      result.diagnostics.push({
        level: "warning",
        code: "runtime-check-skipped",
        path: "",
        file: options.rootDir,
        message: `register() was not run, so tools registered at runtime and the registration modes were not checked: ${report.loadError}. Put a valid config in plugins.entries.<id>.config of the config file to check them.`,
      });
      return result;
    }
    const key = `${report.loadErrorCode}\u0000${report.loadError}`;
    const known = failures.get(key);
    if (known) known.modes.push(mode);
    else failures.set(key, { report, modes: [mode] });
    if (report.loadErrorCode === "plugin-exited" || report.loadErrorCode === "plugin-load-timeout" || report.loadErrorCode === "runtime-check-failed") break;
  }
  for (const { report, modes } of failures.values()) {
    const file = context.entryFileFor(modes[0]!) ?? options.rootDir;
    const base = loadErrorDiagnostic(report, file);
    const all = modes.length === REGISTRATION_MODES.length - context.skip.size;
    result.diagnostics.push({
      ...base,
      message: `${all ? "in every registration mode" : `in registration mode${modes.length === 1 ? "" : "s"} ${describeModes(modes)}`}: ${base.message}`,
    });
  }
  return result;
}
