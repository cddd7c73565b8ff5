/**
 * The shared back half of install and update: policy and `before_install` hooks, the managed npm project's
 * dependencies, and the journaled commit (see `staging.ts`).
 */
import { rm } from "node:fs/promises";
import { readOpenClawConfigForEdit } from "../config/config-writer.js";
import type { PluginInstallRecord, PluginInstallSource } from "../state/install-record.js";
import type { PluginIndex } from "../state/plugin-index-api.js";
import { applyConfigChange } from "./config-edits.js";
import { refreshRegistryEntry } from "./registry-cache.js";
import { cliPackageVersion } from "../cli/version.js";
import { installError, errorText } from "./failure.js";
import type { InstallerContext, InstallFinding, StagedSource } from "./installer-api.js";
import { enforceInstallPolicy, readInstallPolicy } from "./install-policy.js";
import { declaredDependencies, installManagedDependencies } from "./managed-npm.js";
import { resolveRegistry } from "./npm-registry.js";
import type { OperationRun } from "./operation.js";
import { commitStamp, moveIntoPlace, rollBack, writeJournal, type CommitJournal, type ConfigChange, type OperationDir } from "./staging.js";

/**
 * Runs `security.installPolicy` and the `before_install` gate for a staged plugin. Returns non-blocking findings.
 *
 * @example
 * ```ts
 * const findings = await checkPolicyAndHooks(ctx, { pluginId: "demo", source: "npm", spec: "demo", pluginDir }, "cli");
 * ```
 */
export async function checkPolicyAndHooks(
  ctx: InstallerContext,
  facts: { pluginId: string; source: PluginInstallSource; spec: string; pluginDir: string },
  origin: string | undefined,
): Promise<InstallFinding[]> {
  let config: Record<string, unknown>;
  let file = ctx.paths.configPath;
  try {
    const read = await readOpenClawConfigForEdit(ctx.paths);
    config = read.config;
  } catch (error) {
    throw installError("config-invalid", `Cannot read the config to check the install policy: ${errorText(error)}`, {
      source: file,
      rule: "installs check security.installPolicy in the config, and fail closed when it cannot be read",
      fix: "fix the config file (openclaw doctor --fix), then install again",
    });
  }
  file = ctx.paths.configPath;
  enforceInstallPolicy(readInstallPolicy(config, file), { ...facts, file });
  if (!ctx.beforeInstall) return [];
  const decision = await ctx.beforeInstall({
    targetType: "plugin",
    targetName: facts.pluginId,
    sourcePath: facts.pluginDir,
    ...(origin !== undefined ? { origin } : {}),
    builtinFindings: [],
  });
  const findings: InstallFinding[] = (decision?.findings ?? []).map((f) => {
    const finding = f as unknown as Record<string, unknown>;
    const out: InstallFinding = {
      ruleId: String(finding.ruleId ?? "unknown"),
      severity: String(finding.severity ?? "info"),
      message: String(finding.message ?? ""),
    };
    if (typeof finding.file === "string") out.file = finding.file;
    return out;
  });
  if (decision?.block) {
    throw installError("hook-blocked", `The before_install hook of ${decision.blockedBy ?? "a plugin"} blocked ${facts.pluginId}: ${decision.blockReason ?? "no reason given"}.`, {
      source: facts.spec,
      pluginId: facts.pluginId,
      rule: "plugin before_install hooks can block installs and updates",
      fix: `review the reason; to allow it, disable the blocking plugin (openclaw plugins disable ${decision.blockedBy ?? "<id>"}) or change its settings`,
      details: { findings, blockedBy: decision.blockedBy },
    });
  }
  return findings;
}

/**
 * Installs the staged plugin's runtime dependencies when it is a managed npm project that declares some.
 *
 * @example
 * ```ts
 * await installDependenciesIfAny(ctx, run, staged, "npm:demo", registryOverride);
 * ```
 */
export async function installDependenciesIfAny(ctx: InstallerContext, run: OperationRun, staged: StagedSource, spec: string, registry: string | undefined): Promise<void> {
  if (!staged.managedNpm || staged.link) return;
  const deps = await declaredDependencies(staged.pluginDir);
  if (deps.length === 0) return;
  const env = ctx.env ?? process.env;
  const npmCommand = ctx.npmCommand ?? "npm";
  const resolved = await resolveRegistry({ registry, env, npmCommand });
  await run.phase(
    "dependencies",
    () => installManagedDependencies(staged.pluginDir, { npmCommand, env, registry: resolved, signal: ctx.signal, source: spec }),
    `npm install --ignore-scripts (${deps.length} ${deps.length === 1 ? "dependency" : "dependencies"})`,
  );
}

/**
 * Commits a staged plugin: journal → move into `target` (absent for links) → index record (commit point) → config
 * change. Rolls back and rethrows when a step before the commit point fails. Returns warnings (a config edit that
 * failed after the commit point is re-applied by the next command's recovery).
 *
 * @example
 * ```ts
 * await commitStaged({ ctx, op, index, operation: "install", record, pluginDir: staged.pluginDir, target });
 * ```
 */
export async function commitStaged(options: {
  ctx: InstallerContext;
  op: OperationDir;
  index: PluginIndex;
  operation: "install" | "update";
  record: PluginInstallRecord;
  pluginDir: string;
  target?: string | undefined;
  config?: ConfigChange | undefined;
  action: string;
}): Promise<string[]> {
  const { ctx, op, index, record } = options;
  const journal: CommitJournal = { version: 1, operation: options.operation, pluginId: record.pluginId, stamp: options.operation === "update" ? record.updatedAt! : record.installedAt };
  if (options.target) {
    journal.target = options.target;
    journal.staged = options.pluginDir;
  }
  if (options.config) journal.config = options.config;
  await writeJournal(op, journal);
  faultPoint(ctx, "after-journal");
  try {
    if (options.target) await moveIntoPlace(op, options.pluginDir, options.target);
    faultPoint(ctx, "after-move");
    index.putRecord(record);
    faultPoint(ctx, "after-record");
  } catch (error) {
    await rollBack(op, journal);
    throw error;
  }
  const warnings: string[] = [];
  const registryWarning = await refreshRegistryEntry(index, record.pluginId, ctx.hostVersion ?? cliPackageVersion());
  if (registryWarning) warnings.push(registryWarning);
  if (options.config) {
    try {
      await applyConfigChange(ctx.paths, options.config, { env: ctx.env, action: options.action });
    } catch (error) {
      warnings.push(`installed, but the config was not updated (${errorText(error)}); the next plugins command retries it`);
      return warnings;
    }
  }
  await rm(op.dir, { recursive: true, force: true });
  return warnings;
}

/** Test-only fault injection: `OPENCLAW_INSTALL_FAULT=<point>` kills the process (SIGKILL) at that commit step. */
export const INSTALL_FAULT_ENV = "OPENCLAW_INSTALL_FAULT";

/**
 * Kills the process at commit step `point` when {@link INSTALL_FAULT_ENV} names it (used by the kill tests to hit
 * every step deterministically; unset in normal use).
 *
 * @example
 * ```ts
 * faultPoint(ctx, "after-move");
 * ```
 */
export function faultPoint(ctx: InstallerContext, point: "after-journal" | "after-move" | "after-record" | "after-park"): void {
  if ((ctx.env ?? process.env)[INSTALL_FAULT_ENV] === point) process.kill(process.pid, "SIGKILL");
}

/**
 * A record stamp: `now` as ISO text.
 *
 * @example
 * ```ts
 * const stamp = stampNow(ctx);
 * ```
 */
export function stampNow(ctx: InstallerContext): string {
  return commitStamp(ctx.now ? ctx.now() : new Date());
}
