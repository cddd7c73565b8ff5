/**
 * `updatePlugin`: re-resolve a tracked plugin's recorded spec (or a new npm spec naming the same package), skip
 * without downloading when the registry target equals the installed version and artifact, stop on integrity drift
 * unless confirmed, otherwise stage, validate and commit exactly like an install (same id required).
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { PluginInstallRecord } from "../state/install-record.js";
import type { PluginIndex } from "../state/plugin-index-api.js";
import { checkPolicyAndHooks, commitStaged, installDependenciesIfAny, stampNow } from "./commit.js";
import { installError } from "./failure.js";
import { isInstallError, type InstallerContext, type UpdateOutcome, type UpdateRequest, type UpdateResult } from "./installer-api.js";
import { integrityMatches } from "./npm-registry.js";
import { formatNpmSpec, parseNpmSpec, type NpmSpec } from "./npm-spec.js";
import { createOperationRun, type OperationRun } from "./operation.js";
import { assertNotNixMode, sourceContext, sourceForKind, withMutation } from "./runtime-deps.js";
import { createOperationDir } from "./staging.js";
import { validateStagedPlugin } from "./validate-staged.js";

/** Resolves the update target to a record and, for an npm spec, the new spec to record. */
function findTarget(index: PluginIndex, target: string): { record: PluginInstallRecord; newSpec?: string } {
  const direct = index.getRecord(target);
  if (direct && !target.startsWith("npm:")) return { record: direct };
  let parsed: NpmSpec | undefined;
  try {
    parsed = parseNpmSpec(target);
  } catch {
    parsed = undefined;
  }
  if (parsed) {
    const spec = parsed;
    const record = index.listRecords().find((r) => r.source === "npm" && (r.resolvedName === spec.name || (r.spec !== undefined && safeName(r.spec) === spec.name)));
    if (record) return { record, newSpec: formatNpmSpec(spec) };
  }
  throw installError("not-installed", `No installed plugin matches "${target}".`, {
    source: target,
    rule: "update takes an installed plugin id, or an npm spec of an installed npm plugin",
    fix: "openclaw plugins list shows the installed ids; install new plugins with openclaw plugins install <spec>",
  });
}

function safeName(spec: string): string | undefined {
  try {
    return parseNpmSpec(spec).name;
  } catch {
    return undefined;
  }
}

async function updateOne(
  ctx: InstallerContext,
  request: UpdateRequest,
  index: PluginIndex,
  record: PluginInstallRecord,
  newSpec: string | undefined,
  run: OperationRun,
): Promise<UpdateOutcome> {
  const pluginId = record.pluginId;
  run.pluginId = pluginId;
  const outcome = (fields: Omit<UpdateOutcome, "pluginId">): UpdateOutcome => ({ pluginId, ...fields, ...(record.version ? { fromVersion: record.version } : {}) });
  const resolver = record.spec?.startsWith("npm-pack:") ? undefined : sourceForKind(record.source, ctx);
  const spec = newSpec ?? resolver?.updateSpec?.(record) ?? record.spec;
  if (!resolver || !spec || !resolver.checkUpdate || record.source === "path" || record.source === "archive" || record.source === "link") {
    return outcome({
      status: "skipped",
      reason: record.source === "link"
        ? "linked from a local folder: edit it in place"
        : `installed from ${record.source === "npm" ? "an npm-pack tarball" : `a local ${record.source}`}; reinstall with openclaw plugins install <new source> --force`,
      downloaded: false,
    });
  }
  run.spec = spec;
  const op = await createOperationDir(ctx.paths.userExtensionsDir, "update");
  let keepOpDir = false;
  try {
    const sctx = sourceContext(ctx, run, op, { spec, ...(request.registry ? { registry: request.registry } : {}), ...(request.origin ? { origin: request.origin } : {}) });
    sctx.current = record;
    const check = await run.phase("resolve", () => resolver.checkUpdate!(record, spec, sctx), `checking ${spec}`);
    let drifted = false;
    if (check.upToDate && record.source === "npm" && record.integrity && (check.integrity || check.shasum)) {
      const registryArtifact = { integrity: check.integrity ?? "", shasum: check.shasum ?? "" };
      const same = check.integrity
        ? integrityMatches({ integrity: record.integrity }, { integrity: check.integrity.split(/\s+/).find((e) => e.startsWith("sha512-")) ?? check.integrity, shasum: registryArtifact.shasum })
        : record.shasum === undefined || record.shasum === check.shasum;
      if (!same) {
        const drift = { pluginId, spec, expected: record.integrity, actual: check.integrity ?? `sha1:${check.shasum}` };
        const confirmed = request.onIntegrityDrift ? await request.onIntegrityDrift(drift) : false;
        if (!confirmed) {
          throw installError("integrity-drift", `The registry's artifact for ${record.resolvedSpec ?? spec} changed since it was installed: expected ${drift.expected}, registry now has ${drift.actual}. Nothing was changed.`, {
            source: spec,
            pluginId,
            rule: "an artifact whose hash changed for the same version is not installed without confirmation (non-interactive runs fail closed)",
            fix: `verify the package with its publisher; to accept the new artifact run openclaw plugins update ${pluginId} in a terminal and confirm, or openclaw plugins install ${spec} --force`,
            details: { expected: drift.expected, actual: drift.actual },
          });
        }
        drifted = true;
      }
    }
    if (check.upToDate && !drifted) {
      const respec = newSpec !== undefined && newSpec !== record.spec;
      if (respec) {
        const updated: PluginInstallRecord = { ...record, spec: newSpec, pinned: false, updatedAt: stampNow(ctx) };
        await run.phase("commit", () => index.putRecord(updated));
        return outcome({ status: "skipped", reason: `${record.resolvedSpec ?? record.version ?? spec} already matches ${newSpec}; recorded the new spec`, record: updated, downloaded: false, ...(check.targetVersion ? { toVersion: check.targetVersion } : {}) });
      }
      return outcome({ status: "skipped", reason: `${record.resolvedSpec ?? record.version ?? spec} is installed and matches the registry`, downloaded: false, ...(check.targetVersion ? { toVersion: check.targetVersion } : {}) });
    }
    const staged = await run.phase("resolve", () => resolver.stage(spec, sctx), `fetching ${spec}`);
    const facts = await run.phase("validate", () => validateStagedPlugin(staged.pluginDir, { spec, hostVersion: sctx.hostVersion }));
    if (facts.pluginId !== pluginId) {
      throw installError("manifest-invalid", `${spec} now declares the plugin id "${facts.pluginId}", not "${pluginId}"; nothing was changed.`, {
        source: spec,
        pluginId,
        rule: "an update keeps the plugin id",
        fix: `openclaw plugins uninstall ${pluginId}, then openclaw plugins install ${spec}`,
      });
    }
    await run.phase("policy", () => checkPolicyAndHooks(ctx, { pluginId, source: staged.source, spec, pluginDir: staged.pluginDir }, request.origin));
    await installDependenciesIfAny(ctx, run, staged, spec, request.registry);
    const target = join(ctx.paths.userExtensionsDir, pluginId);
    const now = stampNow(ctx);
    const next: PluginInstallRecord = {
      ...staged.record,
      pluginId,
      source: staged.source,
      installPath: target,
      installedAt: record.installedAt,
      resolvedAt: now,
      updatedAt: now,
    };
    if (facts.version) next.version = facts.version;
    if (newSpec === undefined && record.pinned && staged.record.resolvedSpec) next.pinned = true;
    keepOpDir = true;
    await run.phase("commit", () => commitStaged({ ctx, op, index, operation: "update", record: next, pluginDir: staged.pluginDir, target, action: "plugins update" }));
    keepOpDir = existsSync(op.dir);
    return { pluginId, status: "updated", ...(record.version ? { fromVersion: record.version } : {}), ...(next.version ? { toVersion: next.version } : {}), record: next, downloaded: true, ...(drifted ? { reason: "integrity drift confirmed" } : {}) };
  } catch (error) {
    keepOpDir = false;
    throw error;
  } finally {
    if (!keepOpDir) await rm(op.dir, { recursive: true, force: true });
  }
}

/**
 * Implementation of `updatePlugin` (see installer-api.ts). A single target throws its {@link InstallError}; with
 * `all`, each plugin's failure is reported in its outcome and the others continue.
 *
 * @example
 * ```ts
 * const { outcomes } = await runUpdate({ target: "demo" }, { paths: resolveOpenClawPaths() });
 * ```
 */
export async function runUpdate(request: UpdateRequest, ctx: InstallerContext): Promise<UpdateResult> {
  const env = ctx.env ?? process.env;
  assertNotNixMode("plugins update", env);
  if (!request.all && !request.target) {
    throw installError("invalid-spec", "update needs a plugin id or npm spec, or --all.", {
      rule: "update names what to update",
      fix: "openclaw plugins update <id|npm-spec>   or   openclaw plugins update --all",
    });
  }
  const run = createOperationRun("update", { onProgress: ctx.onProgress, signal: ctx.signal, ...(request.target ? { spec: request.target } : {}) });
  return withMutation(ctx, `plugins update ${request.all ? "--all" : request.target}`, async (index) => {
    const outcomes: UpdateOutcome[] = [];
    if (request.all) {
      for (const record of index.listRecords().sort((a, b) => a.pluginId.localeCompare(b.pluginId))) {
        try {
          outcomes.push(await updateOne(ctx, request, index, record, undefined, run));
        } catch (error) {
          if (!isInstallError(error)) throw error;
          outcomes.push({ pluginId: record.pluginId, status: "failed", error: error.failure, reason: error.failure.message, ...(record.version ? { fromVersion: record.version } : {}) });
        }
      }
    } else {
      const { record, newSpec } = findTarget(index, request.target!);
      outcomes.push(await updateOne(ctx, request, index, record, newSpec, run));
    }
    return { operation: "update", outcomes, timings: run.timings };
  });
}
