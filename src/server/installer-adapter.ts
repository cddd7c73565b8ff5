/**
 * The server's connection to the install domain (issue 13): install records from the plugin index (plus legacy
 * `plugins.installs` entries not migrated yet), installs and uninstalls through the installer (`runInstall`,
 * `runUninstall`: state lock, staging, atomic moves, config edits), and config edits through the shared config writer
 * (`updateOpenClawConfig`, under the state lock, following `$include`). Loaded only by `gateway.ts`, only on a Node
 * with `node:sqlite`.
 */
import { statSync } from "node:fs";
import type { OpenClawPaths } from "../discovery/state-paths.js";
import type { PluginIndex } from "../state/plugin-index-api.js";
import type { PluginInstallRecord } from "../state/install-record.js";
import type { InstallPhase as InstallerPhase, InstallProgressEvent as InstallerEvent } from "../install/installer-api.js";
import type { InstallPhase } from "../management-client/api-types.js";
import type { ConfigWriter } from "./config-store.js";
import { HttpError, serviceFailure } from "./http-error.js";
import { createStyler } from "../cli/io.js";
import { createLifecycleTracer } from "../cli/trace.js";
import type { InstallerPort } from "./install-service.js";

/** Longest time cached install records are served without re-reading (ms). */
export const RECORDS_TTL_MS = 2_000;

const PHASES: Record<InstallerPhase, InstallPhase> = {
  resolve: "resolving",
  download: "downloading",
  extract: "downloading",
  validate: "validating",
  policy: "validating",
  dependencies: "configuring",
  commit: "configuring",
  cleanup: "configuring",
};

/**
 * Maps an installer progress event to the API's phase and message (`undefined` for `end` events without text).
 *
 * @example
 * ```ts
 * apiProgress({ operation: "install", phase: "download", status: "start", message: "fetching demo@1.0.0" }); // ["downloading", "fetching demo@1.0.0"]
 * ```
 */
export function apiProgress(event: InstallerEvent): [InstallPhase, string] | undefined {
  if (event.status === "end" && !event.message) return undefined;
  const bytes = event.bytes !== undefined ? ` (${event.bytes}${event.totalBytes !== undefined ? `/${event.totalBytes}` : ""} bytes)` : "";
  return [PHASES[event.phase] ?? "configuring", `${event.message ?? `${event.phase} ${event.status}`}${bytes}`];
}

function failureOf(error: unknown): HttpError {
  const failure = (error as { failure?: { code?: string; message?: string; fix?: string } }).failure;
  if (failure?.code === "nix-mode") return new HttpError(409, failure.message ?? "OPENCLAW_NIX_MODE=1: plugin lifecycle changes are declarative");
  if (failure?.code === "not-installed") return new HttpError(404, failure.message ?? "not installed");
  if (failure?.message) return serviceFailure(`${failure.message}${failure.fix ? ` (fix: ${failure.fix})` : ""} [${failure.code}]`);
  return serviceFailure(error instanceof Error ? error.message : String(error));
}

/**
 * Opens the index and builds the installer port and the locked config writer for `paths`.
 *
 * @example
 * ```ts
 * const { installer, configWriter, close } = await createIndexInstaller({ paths, env: process.env });
 * ```
 */
export async function createIndexInstaller(options: { paths: OpenClawPaths; env: NodeJS.ProcessEnv; cwd: string; version: string; log: (text: string) => void }): Promise<{
  installer: InstallerPort;
  configWriter: ConfigWriter;
  close(): void;
}> {
  const { paths, env } = options;
  const [{ openPluginIndex }, { readInstallRecords }, { withStateLock }, { updateOpenClawConfig, ConfigWriteError }, { runInstall }, { runUninstall }, { cliBeforeInstallGate }] = await Promise.all([
    import("../state/plugin-index.js"),
    import("../state/legacy-installs.js"),
    import("../state/state-lock.js"),
    import("../config/config-writer.js"),
    import("../install/installer.js"),
    import("../install/uninstaller.js"),
    import("../cli/commands/plugins-lifecycle.js"),
  ]);
  // The enabled plugins' before_install hooks run in a runtime child, exactly as for `openclaw plugins install`
  // (plugin output goes to the server log); a child that exits or hangs blocks the install.
  const output = { write: (text: string) => options.log(text) };
  const io = { stdout: output, stderr: output, env, cwd: options.cwd };
  const beforeInstall = cliBeforeInstallGate({ io, out: createStyler(output, env), err: createStyler(output, env), tracer: createLifecycleTracer({ command: "gateway install", env, stderr: output }) });
  const index: PluginIndex = openPluginIndex({ stateDir: paths.stateDir });
  // Reading the records parses the config file (legacy entries) and queries the index: cache them until the config
  // file, the database or its write-ahead log changes (their mtimes and sizes), or {@link RECORDS_TTL_MS} passes.
  const stamp = (): string =>
    [paths.configPath, index.path, `${index.path}-wal`]
      .map((file) => {
        try {
          const stat = statSync(file);
          return `${stat.mtimeMs}:${stat.size}`;
        } catch {
          return "-";
        }
      })
      .join("|");
  let cached: { stamp: string; at: number; records: Promise<PluginInstallRecord[]> } | undefined;
  const ctx = (onProgress?: (event: InstallerEvent) => void) => ({
    paths: { stateDir: paths.stateDir, configPath: paths.configPath, userExtensionsDir: paths.userExtensionsDir },
    env,
    cwd: options.cwd,
    hostVersion: options.version,
    beforeInstall,
    ...(onProgress ? { onProgress } : {}),
  });
  const installer: InstallerPort = {
    available: true,
    records(): Promise<PluginInstallRecord[]> {
      const now = stamp();
      if (cached && cached.stamp === now && Date.now() - cached.at < RECORDS_TTL_MS) return cached.records;
      const records = readInstallRecords({ configPath: paths.configPath }, index).then((stored) => stored.map((entry) => entry.record));
      cached = { stamp: now, at: Date.now(), records };
      records.catch(() => {
        if (cached?.records === records) cached = undefined;
      });
      return records;
    },
    async install(spec, report) {
      try {
        const result = await runInstall({ spec, origin: "api" }, ctx((event) => {
          const mapped = apiProgress(event);
          if (mapped) report(...mapped);
        }));
        return result.record;
      } catch (error) {
        throw failureOf(error);
      }
    },
    async uninstall(pluginId) {
      try {
        await runUninstall({ pluginId }, ctx());
      } catch (error) {
        throw failureOf(error);
      }
    },
  };
  const configWriter: ConfigWriter = async (configPath, edit) => {
    try {
      await withStateLock(paths.stateDir, () => updateOpenClawConfig({ configPath }, edit, { env, action: "gateway api" }), { command: "gateway api" });
    } catch (error) {
      if (error instanceof ConfigWriteError) throw new HttpError(error.code === "nix-mode" ? 409 : 500, error.message);
      throw error;
    }
  };
  return { installer, configWriter, close: () => index.close() };
}
