/**
 * `uninstallPlugin`: removes the index record, `plugins.entries.<id>`, the id from `plugins.allow`/`plugins.deny`,
 * a legacy `plugins.installs.<id>`, the linked load path, resets the memory slot it held, and deletes the managed
 * folder — only when it lies inside `<stateDir>/extensions` and `keepFiles` is not set. The folder is first parked in
 * the operation folder (a rename), so a kill before the record removal puts it back.
 */
import { existsSync, realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import { readOpenClawConfigForEdit } from "../config/config-writer.js";
import { isPathInside } from "../files/contained-file.js";
import { applyConfigChange } from "./config-edits.js";
import { faultPoint } from "./commit.js";
import { refreshRegistryEntry } from "./registry-cache.js";
import { cliPackageVersion } from "../cli/version.js";
import { installError, errorText } from "./failure.js";
import type { InstallerContext, UninstallRequest, UninstallResult } from "./installer-api.js";
import { createOperationRun } from "./operation.js";
import { assertNotNixMode, withMutation } from "./runtime-deps.js";
import { createOperationDir, parkTarget, rollBack, writeJournal, type CommitJournal, type ConfigChange } from "./staging.js";

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function configMentions(config: Record<string, unknown>, id: string): boolean {
  const plugins = config.plugins;
  if (typeof plugins !== "object" || plugins === null) return false;
  const p = plugins as Record<string, unknown>;
  const has = (v: unknown) => typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, id);
  return has(p.entries) || has(p.installs) || (Array.isArray(p.allow) && p.allow.includes(id)) || (Array.isArray(p.deny) && p.deny.includes(id));
}

/**
 * Implementation of `uninstallPlugin` (see installer-api.ts).
 *
 * @example
 * ```ts
 * const result = await runUninstall({ pluginId: "demo" }, { paths: resolveOpenClawPaths() });
 * ```
 */
export async function runUninstall(request: UninstallRequest, ctx: InstallerContext): Promise<UninstallResult> {
  const env = ctx.env ?? process.env;
  const pluginId = request.pluginId.trim();
  assertNotNixMode("plugins uninstall", env);
  const run = createOperationRun("uninstall", { onProgress: ctx.onProgress, signal: ctx.signal, spec: pluginId });
  run.pluginId = pluginId;
  return withMutation(ctx, `plugins uninstall ${pluginId}`, async (index) => {
    const record = index.getRecord(pluginId);
    let config: Record<string, unknown> = {};
    try {
      config = (await readOpenClawConfigForEdit(ctx.paths)).config;
    } catch (error) {
      throw installError("config-invalid", `Cannot read the config: ${errorText(error)}`, {
        source: ctx.paths.configPath,
        rule: "uninstall edits the config and refuses to when it cannot be read",
        fix: "fix the config file (openclaw doctor --fix), then uninstall again",
      });
    }
    if (!record && !configMentions(config, pluginId)) {
      throw installError("not-installed", `Plugin "${pluginId}" is not installed (no install record and no config entry).`, {
        source: pluginId,
        rule: "uninstall takes the id of an installed plugin",
        fix: "openclaw plugins list shows the installed ids",
      });
    }
    const change: ConfigChange = { removePluginId: pluginId };
    if (record?.source === "link") change.removeLoadPaths = [record.installPath, ...(record.sourcePath ? [record.sourcePath] : [])];
    const extensionsRoot = real(ctx.paths.userExtensionsDir);
    const installPath = record ? real(record.installPath) : undefined;
    const managed = record !== undefined && record.source !== "link" && installPath !== undefined && isPathInside(extensionsRoot, installPath) && existsSync(installPath);
    const result: UninstallResult = { operation: "uninstall", pluginId, removedEntry: false, removedFromAllow: false, removedFromDeny: false, removedLoadPaths: [] };
    if (record) result.record = record;
    const deleteFolder = managed && !request.keepFiles;
    if (!deleteFolder) {
      result.keptFilesReason = !record
        ? "no install record"
        : record.source === "link"
          ? "linked folder (never deleted)"
          : request.keepFiles
            ? "--keep-files"
            : !installPath || !existsSync(installPath)
              ? "folder already absent"
              : `outside the managed extensions root ${extensionsRoot}`;
    }
    const op = await createOperationDir(ctx.paths.userExtensionsDir, "uninstall");
    let keepOpDir = false;
    try {
      await run.phase("commit", async () => {
        const journal: CommitJournal = { version: 1, operation: "uninstall", pluginId, stamp: new Date().toISOString(), config: change };
        if (deleteFolder) journal.target = installPath!;
        await writeJournal(op, journal);
        try {
          if (deleteFolder) await parkTarget(op, installPath!);
          faultPoint(ctx, "after-park");
          if (record) index.removeRecord(pluginId);
          await refreshRegistryEntry(index, pluginId, ctx.hostVersion ?? cliPackageVersion());
        } catch (error) {
          await rollBack(op, journal);
          throw error;
        }
        keepOpDir = true;
        const outcome = await applyConfigChange(ctx.paths, change, { env, action: "plugins uninstall" });
        result.removedEntry = outcome.removedEntry;
        result.removedFromAllow = outcome.removedFromAllow;
        result.removedFromDeny = outcome.removedFromDeny;
        result.removedLoadPaths = outcome.removedLoadPaths;
        keepOpDir = false;
      });
      await run.phase("cleanup", async () => {
        if (deleteFolder) result.deletedDir = installPath!;
      });
      return result;
    } finally {
      if (!keepOpDir) await rm(op.dir, { recursive: true, force: true });
    }
  });
}
