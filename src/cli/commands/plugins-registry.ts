/**
 * `openclaw plugins registry [--refresh] [--json]`: whether the persisted cold registry (in the plugin index) exists
 * and is current or stale — host contract version, and per installed plugin the hash of its manifest and
 * package.json — and, with `--refresh`, rebuilds it from the install records' manifests (under the state lock).
 * Exit 0 when current (or refreshed), 1 when missing or stale without `--refresh`. Needs Node >= 22.5 (node:sqlite).
 */
import { eprintln, printJson, println, type CommandContext } from "../context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { openIndexForCli, toCliError } from "../state-access.js";
import { cliPackageVersion } from "../version.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";

/** Options of `plugins registry`. */
export interface PluginsRegistryOptions {
  refresh?: boolean;
  json?: boolean;
}

/**
 * Runs `plugins registry`.
 *
 * @example
 * ```ts
 * const code = await runPluginsRegistry(ctx, { refresh: true, json: true });
 * ```
 */
export async function runPluginsRegistry(ctx: CommandContext, options: PluginsRegistryOptions): Promise<ExitCodeValue> {
  const paths = resolveOpenClawPaths({ env: ctx.io.env, cwd: ctx.io.cwd });
  const { checkPersistedRegistry, hostContractVersion, rebuildPersistedRegistry } = await import("../../state/plugin-registry.js");
  const { readInstallRecords } = await import("../../state/legacy-installs.js");
  const { withStateLock } = await import("../../state/state-lock.js");
  const contract = hostContractVersion(cliPackageVersion());
  const index = await ctx.tracer.phase("index", () => openIndexForCli(paths.stateDir));
  try {
    const records = async () => (await readInstallRecords(paths, index)).map((stored) => stored.record);
    const before = checkPersistedRegistry(index.readRegistry(), await records(), contract);
    let after = before;
    let refreshed = false;
    if (options.refresh) {
      await withStateLock(
        paths.stateDir,
        async () => {
          await ctx.tracer.phase("build", () => rebuildPersistedRegistry({ index, paths, packageVersion: cliPackageVersion() }));
        },
        { command: "plugins registry --refresh", env: ctx.io.env, onWait: () => !options.json && eprintln(ctx, ctx.err.dim("waiting for another openclaw command to finish (state lock)…")) },
      ).catch((error: unknown) => {
        throw toCliError(error);
      });
      refreshed = true;
      after = checkPersistedRegistry(index.readRegistry(), await records(), contract);
    }
    const registry = index.readRegistry();
    const entries = new Map((registry?.plugins ?? []).map((entry) => [entry.pluginId, entry]));
    const plugins = after.plugins.map((p) => {
      const entry = entries.get(p.pluginId);
      return { pluginId: p.pluginId, state: p.state, ...(entry ? { format: entry.format, rootDir: entry.rootDir, ...(entry.bundleKind ? { bundleKind: entry.bundleKind } : {}), ...(entry.manifestError ? { manifestError: entry.manifestError } : {}) } : {}) };
    });
    const report = {
      status: after.status,
      ...(refreshed ? { refreshed: true, previousStatus: before.status } : { refreshed: false }),
      databasePath: index.path,
      hostContractVersion: contract,
      ...(registry ? { builtAt: registry.builtAt, builtFor: registry.hostContractVersion } : {}),
      reasons: after.reasons,
      plugins,
    };
    if (options.json) printJson(ctx, report);
    else {
      const label = after.status === "current" ? ctx.out.green("current") : ctx.out.red(after.status);
      println(ctx, `Persisted plugin registry: ${label}${refreshed ? ` (rebuilt; was ${before.status})` : ""}`);
      println(ctx, ctx.out.dim(`  ${index.path}${registry ? `, built ${registry.builtAt} for ${registry.hostContractVersion}` : ""}`));
      for (const reason of after.reasons) println(ctx, `  - ${reason}`);
      for (const p of plugins) if (p.manifestError) println(ctx, `  ${ctx.out.yellow("!")} ${p.pluginId}: ${p.manifestError} (record kept)`);
      if (after.status !== "current") println(ctx, `Run \`openclaw plugins registry --refresh\` to rebuild it.`);
    }
    return after.status === "current" ? ExitCode.ok : ExitCode.problems;
  } finally {
    index.close();
  }
}
