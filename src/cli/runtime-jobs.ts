/**
 * The jobs the CLI runs inside its runtime-check child process (`runtime-worker.ts`): everything that imports plugin
 * code. Each job result is plain JSON, so it crosses the process boundary unchanged.
 *
 * - `entry`: import an entry file and describe its default export (register present? id? tool metadata?);
 * - `load`: load a plugin folder through the host loader and report what it registered ({@link RuntimeReport});
 * - `before-install`: load the enabled plugins and run their `before_install` hooks (plugins install/update).
 */
import { describeModuleShape, importEntryModule } from "./plugin-project.js";
import { loadRuntimeReport, runConnectivityCheck, type LoadRuntimeReportOptions, type RuntimeReport } from "./runtime-load.js";
import type { LoadedPlugin } from "../host/load-types.js";
import { readToolPluginBuildMetadata } from "./tool-metadata.js";
import type { ToolPluginBuildMetadata } from "./generated-metadata.js";
import type { PluginHookBeforeInstallEvent } from "../contract/hook-types.js";
import { runBeforeInstallHooks, type BeforeInstallJobResult } from "./runtime-before-install.js";

/** Import an entry module and describe it. */
export interface EntryJob {
  kind: "entry";
  /** Absolute path of the entry (already checked to lie inside the plugin folder). */
  file: string;
}

/** Load a plugin folder through the host loader. `env` is the child's own environment. */
export interface LoadJob {
  kind: "load";
  options: Omit<LoadRuntimeReportOptions, "env">;
}

/** Load the enabled plugins and run their `before_install` hooks on `event` (plugins install/update). */
export interface BeforeInstallJob {
  kind: "before-install";
  plugins: Array<LoadJob["options"]>;
  event: PluginHookBeforeInstallEvent;
}

/**
 * Load a plugin and keep it loaded in this process (the gateway's plugin runtime), so a later
 * {@link ConnectivityCheckJob} can call what it registered.
 */
export interface RuntimeLoadJob {
  kind: "runtime-load";
  options: Omit<LoadRuntimeReportOptions, "env">;
}

/** Run the connectivity check a plugin kept by a {@link RuntimeLoadJob} registered. */
export interface ConnectivityCheckJob {
  kind: "connectivity-check";
  pluginId: string;
  /** The check's own time limit (its abort signal fires then). */
  timeoutMs: number;
}

/** Result of a {@link ConnectivityCheckJob}. */
export type ConnectivityCheckOutcome =
  | { status: "not-loaded" }
  | { status: "no-check" }
  | { status: "done"; ok: boolean; message: string; details: Record<string, unknown> | null; durationMs: number };

/** A job for the runtime worker. */
export type RuntimeJob = EntryJob | LoadJob | BeforeInstallJob | RuntimeLoadJob | ConnectivityCheckJob;

/** Result of an {@link EntryJob}. */
export type EntryInspection =
  | {
      ok: true;
      /** Summary of the module's exports (`default: object {id, register}`). */
      moduleShape: string;
      /** The default export has `register`/`activate`, or is itself a function. */
      hasRegister: boolean;
      /** `id` of the default export, when it is a string. */
      entryId?: string;
      /** Static metadata of a `defineToolPlugin` entry. */
      toolMetadata?: ToolPluginBuildMetadata;
    }
  | { ok: false; error: string };

/** Result of a job, by kind. */
export type RuntimeJobResult<J extends RuntimeJob> = J extends EntryJob
  ? EntryInspection
  : J extends BeforeInstallJob
    ? BeforeInstallJobResult
    : J extends ConnectivityCheckJob
      ? ConnectivityCheckOutcome
      : RuntimeReport;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Imports `file` and describes its default export. Never throws.
 *
 * @example
 * ```ts
 * const entry = await inspectEntry("/plugins/demo/dist/index.js");
 * if (entry.ok && !entry.hasRegister) console.error(entry.moduleShape);
 * ```
 */
export async function inspectEntry(file: string): Promise<EntryInspection> {
  const imported = await importEntryModule(file);
  if (!imported.ok) return { ok: false, error: imported.error.message };
  try {
    const value = imported.entry;
    const hasRegister = (isRecord(value) && (typeof value.register === "function" || typeof value.activate === "function")) || typeof value === "function";
    const result: EntryInspection = { ok: true, moduleShape: describeModuleShape(imported.module), hasRegister };
    const id = isRecord(value) ? value.id : undefined;
    if (typeof id === "string") result.entryId = id;
    const toolMetadata = readToolPluginBuildMetadata(value);
    if (toolMetadata) result.toolMetadata = JSON.parse(JSON.stringify(toolMetadata)) as ToolPluginBuildMetadata;
    return result;
  } catch (error) {
    return { ok: false, error: `reading the entry's exports failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Runs one job in this process (the worker calls it; nothing else should, since it imports plugin code).
 *
 * @example
 * ```ts
 * const report = await runRuntimeJob({ kind: "load", options: { rootDir: "/plugins/demo", origin: "path" } });
 * ```
 */
export async function runRuntimeJob(job: RuntimeJob): Promise<EntryInspection | RuntimeReport | BeforeInstallJobResult | ConnectivityCheckOutcome> {
  if (job.kind === "entry") return inspectEntry(job.file);
  if (job.kind === "before-install") return runBeforeInstallHooks(job.plugins, job.event, process.env);
  if (job.kind === "connectivity-check") {
    const loaded = keptPlugins.get(job.pluginId);
    if (!loaded) return { status: "not-loaded" };
    return runConnectivityCheck(loaded, job.timeoutMs);
  }
  const keep = job.kind === "runtime-load" ? (loaded: LoadedPlugin) => void (loaded.id && !loaded.loadError && keptPlugins.set(loaded.id, loaded)) : undefined;
  const report = await loadRuntimeReport({ ...job.options, env: process.env, ...(keep ? { keep } : {}) });
  return JSON.parse(JSON.stringify(report)) as RuntimeReport;
}

/** Plugins loaded by `runtime-load` jobs in this process, by id. */
const keptPlugins = new Map<string, LoadedPlugin>();
