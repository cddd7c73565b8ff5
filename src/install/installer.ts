/**
 * `installPlugin`: resolve the source → stage it in the operation folder → validate → policy and `before_install`
 * hooks → managed npm dependencies → journaled commit, all under the state lock (see `staging.ts` for why a kill at
 * any point leaves no partial folder and no record).
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { PluginInstallRecord } from "../state/install-record.js";
import { checkPolicyAndHooks, commitStaged, installDependenciesIfAny, stampNow } from "./commit.js";
import { installError } from "./failure.js";
import type { InstallerContext, InstallRequest, InstallResult, StagedSource } from "./installer-api.js";
import { createOperationRun } from "./operation.js";
import { assertNotNixMode, pickSource, sourceContext, withMutation } from "./runtime-deps.js";
import { createOperationDir } from "./staging.js";
import { validateStagedPlugin } from "./validate-staged.js";

function describeRecord(record: PluginInstallRecord): string {
  const from = record.resolvedSpec ?? record.spec ?? record.sourcePath ?? record.installPath;
  return `${record.source}: ${from}`;
}

/**
 * Implementation of `installPlugin` (see installer-api.ts).
 *
 * @example
 * ```ts
 * const result = await runInstall({ spec: "./demo" }, { paths: resolveOpenClawPaths() });
 * ```
 */
export async function runInstall(request: InstallRequest, ctx: InstallerContext): Promise<InstallResult> {
  const env = ctx.env ?? process.env;
  const spec = request.spec.trim();
  assertNotNixMode("plugins install", env);
  if (spec === "") {
    throw installError("invalid-spec", "No plugin spec given.", {
      rule: "install needs a folder, an archive, npm-pack:<file.tgz>, npm:<name>[@version|@tag] or git:<repo>[@ref]",
      fix: "openclaw plugins install <spec>",
    });
  }
  if (request.link && request.force) {
    throw installError("option-conflict", "--force cannot be combined with --link.", {
      source: spec,
      rule: "linked installs reuse the source folder instead of copying over a managed install, so there is nothing to overwrite",
      fix: `openclaw plugins uninstall <id>, then openclaw plugins install ${spec} --link`,
    });
  }
  const resolver = pickSource(spec, request, ctx);
  if (request.pin && resolver.kind !== "npm") {
    throw installError("option-conflict", `--pin applies to npm installs only; "${spec}" is a ${resolver.kind} source.`, {
      source: spec,
      rule: "--pin records the exact npm name@version; git installs pin with an explicit ref, local sources have no version line",
      fix: resolver.kind === "git" ? `openclaw plugins install ${spec}@<tag-or-commit>` : `openclaw plugins install ${spec}`,
    });
  }
  if (request.link && resolver.kind !== "path") {
    throw installError("option-conflict", `--link needs a local plugin folder; "${spec}" is a ${resolver.kind} source.`, {
      source: spec,
      rule: "--link adds an existing folder to plugins.load.paths",
      fix: `openclaw plugins install ${spec} (without --link)`,
    });
  }
  const run = createOperationRun("install", { onProgress: ctx.onProgress, signal: ctx.signal, spec });
  return withMutation(ctx, `plugins install ${spec}`, async (index, recovered) => {
    const op = await createOperationDir(ctx.paths.userExtensionsDir, "install");
    let keepOpDir = false;
    try {
      const sctx = sourceContext(ctx, run, op, request);
      const staged: StagedSource = await run.phase("resolve", () => resolver.stage(spec, sctx), `resolving ${spec}`);
      const facts = await run.phase("validate", () =>
        validateStagedPlugin(staged.pluginDir, { spec, hostVersion: sctx.hostVersion, linked: staged.link === true }),
      );
      const pluginId = facts.pluginId;
      run.pluginId = pluginId;
      const existing = index.getRecord(pluginId);
      const target = staged.link ? undefined : join(ctx.paths.userExtensionsDir, pluginId);
      if (existing && staged.link) {
        throw installError("already-installed", `Plugin "${pluginId}" is already installed (${describeRecord(existing)}).`, {
          source: spec,
          pluginId,
          rule: "--link cannot replace an installed plugin (--force is not supported with --link)",
          fix: `openclaw plugins uninstall ${pluginId}, then openclaw plugins install ${spec} --link`,
        });
      }
      if (existing && !request.force) {
        throw installError("already-installed", `Plugin "${pluginId}" is already installed (${describeRecord(existing)}).`, {
          source: spec,
          pluginId,
          rule: "an installed plugin id is upgraded with update, or replaced from a different source with install --force",
          fix: `openclaw plugins update ${pluginId}   (or: openclaw plugins install ${spec} --force)`,
        });
      }
      if (!existing && target && existsSync(target) && !request.force) {
        throw installError("already-installed", `A folder for "${pluginId}" already exists at ${target} without an install record.`, {
          source: spec,
          pluginId,
          rule: "install never overwrites a plugin folder it did not record",
          fix: `openclaw plugins install ${spec} --force (replaces the folder), or remove ${target}`,
        });
      }
      const findings = await run.phase("policy", () =>
        checkPolicyAndHooks(ctx, { pluginId, source: staged.source, spec, pluginDir: staged.pluginDir }, request.origin),
      );
      await installDependenciesIfAny(ctx, run, staged, spec, request.registry);
      const now = stampNow(ctx);
      const record: PluginInstallRecord = {
        ...staged.record,
        pluginId,
        source: staged.source,
        installPath: target ?? staged.pluginDir,
        installedAt: now,
        resolvedAt: now,
      };
      if (facts.version) record.version = facts.version;
      const removeOldLink = existing?.source === "link" ? [existing.installPath, ...(existing.sourcePath ? [existing.sourcePath] : [])] : [];
      const config = staged.link
        ? { addLoadPaths: [staged.pluginDir] }
        : removeOldLink.length > 0
          ? { removeLoadPaths: removeOldLink }
          : undefined;
      keepOpDir = true;
      const warnings = await run.phase("commit", () =>
        commitStaged({ ctx, op, index, operation: "install", record, pluginDir: staged.pluginDir, target, config, action: "plugins install" }),
      );
      keepOpDir = existsSync(op.dir);
      const result: InstallResult = {
        operation: "install",
        pluginId,
        record,
        findings,
        warnings: [...recovered.map((n) => `recovered: ${n}`), ...(staged.warnings ?? []), ...warnings],
        timings: run.timings,
      };
      if (existing) result.replaced = existing;
      return result;
    } catch (error) {
      keepOpDir = false;
      throw error;
    } finally {
      if (!keepOpDir) await rm(op.dir, { recursive: true, force: true });
    }
  });
}
