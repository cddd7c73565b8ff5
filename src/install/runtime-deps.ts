/**
 * What every operation needs from outside the install domain, with the real implementations as defaults: the state
 * lock, the plugin index, the Nix-mode refusal, the source resolvers, and the shared prelude (lock → index →
 * recovery of interrupted operations) every mutating operation runs in.
 */
import { cliPackageVersion } from "../cli/version.js";
import { assertMutationAllowed, ConfigWriteError } from "../config/config-writer.js";
import type { PluginIndex } from "../state/plugin-index-api.js";
import { installError, errorText } from "./failure.js";
import type { InstallerContext, InstallRequest, InstallSourceResolver, SourceContext } from "./installer-api.js";
import { applyConfigChange } from "./config-edits.js";
import { recoverStaleOperations, type OperationDir } from "./staging.js";
import { archiveSource, npmPackSource } from "./sources/archive.js";
import { folderSource } from "./sources/local.js";
import { gitSource } from "./sources/git.js";
import { npmSource } from "./sources/npm.js";
import type { OperationRun } from "./operation.js";

/**
 * Throws `nix-mode` under `OPENCLAW_NIX_MODE=1` (same message as the config writer).
 *
 * @example
 * ```ts
 * assertNotNixMode("plugins install", process.env);
 * ```
 */
export function assertNotNixMode(action: string, env: NodeJS.ProcessEnv): void {
  try {
    assertMutationAllowed(action, env);
  } catch (error) {
    if (error instanceof ConfigWriteError) {
      throw installError("nix-mode", error.message, {
        rule: "OPENCLAW_NIX_MODE=1: plugin lifecycle changes are declarative",
        fix: "declare the plugin in your Nix configuration and rebuild",
      });
    }
    throw error;
  }
}

/**
 * The source resolvers in the order they are asked: the context's extra ones, then npm-pack:, git:, archives,
 * folders and finally npm (which takes every spec without another prefix).
 *
 * @example
 * ```ts
 * const resolver = pickSource("git:acme/demo", { spec: "git:acme/demo" }, ctx);
 * ```
 */
export function builtinSources(cwd: string): InstallSourceResolver[] {
  return [npmPackSource(cwd), gitSource(), archiveSource(cwd), folderSource(cwd), npmSource()];
}

/**
 * The resolver for `spec`, or `invalid-spec` when none handles it.
 *
 * @example
 * ```ts
 * pickSource("./demo.zip", { spec: "./demo.zip" }, ctx).kind; // "archive"
 * ```
 */
export function pickSource(spec: string, request: InstallRequest, ctx: InstallerContext, cwd = ctx.cwd ?? process.cwd()): InstallSourceResolver {
  for (const resolver of [...(ctx.sources ?? []), ...builtinSources(cwd)]) {
    if (resolver.matches(spec, request)) return resolver;
  }
  throw installError("invalid-spec", `No install source handles "${spec}".`, {
    source: spec,
    rule: "specs are a folder or archive path, npm-pack:<file.tgz>, npm:<name>[@version|@tag], git:<repo>[@ref|#ref] or a bare npm name",
    fix: "openclaw plugins install npm:<name> (or a path to the plugin folder)",
  });
}

/**
 * The resolver that updates records of `kind` (the context's extra ones first).
 *
 * @example
 * ```ts
 * sourceForKind("npm", ctx)?.checkUpdate;
 * ```
 */
export function sourceForKind(kind: string, ctx: InstallerContext, cwd = ctx.cwd ?? process.cwd()): InstallSourceResolver | undefined {
  return [...(ctx.sources ?? []), npmSource(), gitSource(), ...builtinSources(cwd)].find((r) => r.kind === kind);
}

async function defaultOpenIndex(stateDir: string): Promise<PluginIndex> {
  const { openPluginIndex, PluginIndexUnavailableError } = await import("../state/plugin-index.js");
  try {
    return openPluginIndex({ stateDir });
  } catch (error) {
    if (error instanceof PluginIndexUnavailableError) {
      throw installError("node-unsupported", error.message, {
        rule: "install records live in the SQLite plugin index, which needs node:sqlite (Node >= 22.5)",
        fix: "run openclaw with Node 24 (or 22.13+); the SDK subpaths keep working on Node 20",
      });
    }
    throw error;
  }
}

async function defaultWithLock<T>(stateDir: string, fn: () => Promise<T>, command: string): Promise<T> {
  const { withStateLock, StateLockError } = await import("../state/state-lock.js");
  try {
    return await withStateLock(stateDir, fn, { command });
  } catch (error) {
    if (error instanceof StateLockError) {
      throw installError("download-failed", error.message, {
        rule: "mutating plugin commands run one at a time per state directory",
        fix: "wait for the other command to finish, then run this one again",
      });
    }
    throw error;
  }
}

/**
 * Runs `fn` under the state lock with the index open, after recovering interrupted operations.
 *
 * @example
 * ```ts
 * await withMutation(ctx, "plugins install demo", async (index, notes) => { … });
 * ```
 */
export async function withMutation<T>(
  ctx: InstallerContext,
  command: string,
  fn: (index: PluginIndex, recovered: string[]) => Promise<T>,
): Promise<T> {
  const env = ctx.env ?? process.env;
  const lock = ctx.withLock ?? (<R>(dir: string, body: () => Promise<R>) => defaultWithLock(dir, body, command));
  return lock(ctx.paths.stateDir, async () => {
    let index: PluginIndex;
    try {
      index = ctx.openIndex ? await ctx.openIndex(ctx.paths.stateDir) : await defaultOpenIndex(ctx.paths.stateDir);
    } catch (error) {
      if (error instanceof Error && error.name === "InstallError") throw error;
      throw installError("config-invalid", `Cannot open the plugin index under ${ctx.paths.stateDir}: ${errorText(error)}.`, {
        rule: "install records live in the plugin index",
        fix: "openclaw plugins registry --refresh (or check the state directory's permissions)",
      });
    }
    try {
      if (!ctx.openIndex) {
        const { migrateLegacyInstallRecords } = await import("../state/legacy-installs.js");
        const migration = await migrateLegacyInstallRecords({ paths: { ...ctx.paths }, openIndex: () => index, closeIndex: false, env, action: command });
        if (migration.status === "failed" && migration.error) ctx.onProgress?.({ operation: "install", phase: "resolve", status: "progress", message: `legacy plugins.installs kept in the config: ${migration.error}` });
      }
      const recovered = await recoverStaleOperations(ctx.paths.userExtensionsDir, index, async (change) => {
        await applyConfigChange(ctx.paths, change, { env, action: command });
      });
      return await fn(index, recovered);
    } finally {
      index.close();
    }
  });
}

/**
 * The {@link SourceContext} for one operation.
 *
 * @example
 * ```ts
 * const sctx = sourceContext(ctx, run, op, request);
 * ```
 */
export function sourceContext(ctx: InstallerContext, run: OperationRun, op: OperationDir, request: InstallRequest): SourceContext {
  const sctx: SourceContext = {
    stagingDir: op.stagingDir,
    scratchDir: op.scratchDir,
    request,
    env: ctx.env ?? process.env,
    hostVersion: ctx.hostVersion ?? cliPackageVersion(),
    npmCommand: ctx.npmCommand ?? "npm",
    gitCommand: ctx.gitCommand ?? "git",
    progress: (event) => run.emit(event),
  };
  if (ctx.signal) sctx.signal = ctx.signal;
  return sctx;
}
