/**
 * `openclaw plugins install <spec> [--link] [--force] [--pin] [--registry <url>] [--json]`,
 * `openclaw plugins update <id|npm-spec> [--all] [--registry <url>] [--json]` and
 * `openclaw plugins uninstall <id> [--keep-files] [--json]`: thin over `src/install` (installer-api.ts), which is
 * loaded only when one of these commands runs. Human output by default, one JSON document with `--json`.
 */
import { eprintln, printJson, println, type CommandContext } from "../context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { confirm, indexNodeGate, lifecycleContext, reportFailure, withExtraSources } from "./plugins-lifecycle.js";

/** Options of `plugins install`. */
export interface PluginsInstallOptions {
  link?: boolean;
  force?: boolean;
  pin?: boolean;
  registry?: string;
  json?: boolean;
}

/** Options of `plugins update`. */
export interface PluginsUpdateOptions {
  all?: boolean;
  registry?: string;
  json?: boolean;
  /** Deprecated, accepted and ignored. */
  dangerouslyForceUnsafeInstall?: boolean;
}

/** Options of `plugins uninstall`. */
export interface PluginsUninstallOptions {
  keepFiles?: boolean;
  /** Deprecated alias of keepFiles. */
  keepConfig?: boolean;
  json?: boolean;
}

async function api() {
  return import("../../install/installer-api.js");
}

/**
 * Runs `plugins install`.
 *
 * @example
 * ```ts
 * const code = await runPluginsInstall(ctx, "npm:demo@1.0.0", { pin: true, json: true });
 * ```
 */
export async function runPluginsInstall(ctx: CommandContext, spec: string, options: PluginsInstallOptions): Promise<ExitCodeValue> {
  const { installPlugin, isInstallError } = await api();
  const { installer, done } = lifecycleContext(ctx, options);
  try {
    // Nix mode is refused before the Node gate: it does not depend on the Node version.
    if (ctx.io.env.OPENCLAW_NIX_MODE?.trim() !== "1") {
      const gate = await indexNodeGate(ctx, "plugins install", options);
      if (gate !== undefined) return gate;
    }
    const result = await installPlugin(
      {
        spec,
        origin: "cli",
        ...(options.link ? { link: true } : {}),
        ...(options.force ? { force: true } : {}),
        ...(options.pin ? { pin: true } : {}),
        ...(options.registry ? { registry: options.registry } : {}),
      },
      await withExtraSources(ctx, installer),
    );
    done();
    if (options.json) {
      printJson(ctx, { ok: true, ...result });
      return ExitCode.ok;
    }
    const r = result.record;
    const from = r.source === "npm" ? (r.resolvedSpec ?? r.spec) : r.source === "git" ? `${r.gitUrl}${r.gitRef ? `#${r.gitRef}` : ""} (${r.gitCommit?.slice(0, 12)})` : r.sourcePath;
    println(ctx, `${ctx.out.green(result.replaced ? "Reinstalled" : "Installed")} ${ctx.out.bold(result.pluginId)}${r.version ? ` ${r.version}` : ""} from ${r.source}${from ? ` ${from}` : ""}`);
    println(ctx, `  ${r.source === "link" ? "linked" : "folder"}: ${r.installPath}`);
    if (r.pinned) println(ctx, `  pinned: ${r.spec}`);
    for (const finding of result.findings) println(ctx, `  ${ctx.out.yellow("finding")} ${finding.ruleId}: ${finding.message}`);
    for (const warning of result.warnings) eprintln(ctx, `${ctx.err.yellow("warning")} ${warning}`);
    println(ctx, "Restart the gateway to load it.");
    return ExitCode.ok;
  } catch (error) {
    done();
    if (isInstallError(error)) return reportFailure(ctx, error.failure, options);
    throw error;
  }
}

/**
 * Runs `plugins update`. On integrity drift it prints the recorded and fetched hashes and asks on a TTY; without a
 * TTY (or with `--json`) it fails closed.
 *
 * @example
 * ```ts
 * const code = await runPluginsUpdate(ctx, "demo", { json: true });
 * ```
 */
export async function runPluginsUpdate(ctx: CommandContext, target: string | undefined, options: PluginsUpdateOptions): Promise<ExitCodeValue> {
  const { updatePlugin, isInstallError } = await api();
  const { installer, done } = lifecycleContext(ctx, options);
  try {
    if (!target && !options.all) {
      return reportFailure(ctx, { code: "invalid-spec", message: "update needs a plugin id or npm spec, or --all.", rule: "update names what to update", fix: "openclaw plugins update <id|npm-spec>   or   openclaw plugins update --all" }, options);
    }
    if (ctx.io.env.OPENCLAW_NIX_MODE?.trim() !== "1") {
      const gate = await indexNodeGate(ctx, "plugins update", options);
      if (gate !== undefined) return gate;
    }
    if (options.dangerouslyForceUnsafeInstall && !options.json) {
      eprintln(ctx, `${ctx.err.yellow("warning")} --dangerously-force-unsafe-install is deprecated and changes nothing; security.installPolicy and before_install hooks still apply.`);
    }
    const result = await updatePlugin(
      {
        ...(target ? { target } : {}),
        ...(options.all ? { all: true } : {}),
        ...(options.registry ? { registry: options.registry } : {}),
        origin: "cli",
        onIntegrityDrift: async (drift) => {
          done();
          if (options.json) return false;
          eprintln(ctx, `${ctx.err.yellow("integrity changed")} ${drift.pluginId} (${drift.spec}): the registry now serves a different artifact for the installed version.`);
          eprintln(ctx, `  recorded: ${drift.expected}`);
          eprintln(ctx, `  fetched:  ${drift.actual}`);
          return confirm(ctx, "Install the new artifact anyway? [y/N] ");
        },
      },
      await withExtraSources(ctx, installer),
    );
    done();
    const failed = result.outcomes.filter((o) => o.status === "failed");
    if (options.json) {
      printJson(ctx, { ok: failed.length === 0, ...result });
      return failed.length === 0 ? ExitCode.ok : ExitCode.problems;
    }
    for (const o of result.outcomes) {
      if (o.status === "updated") println(ctx, `${ctx.out.green("updated")} ${ctx.out.bold(o.pluginId)} ${o.fromVersion ?? "?"} → ${o.toVersion ?? "?"}${o.reason ? ` (${o.reason})` : ""}`);
      else if (o.status === "skipped") println(ctx, `${ctx.out.dim("unchanged")} ${ctx.out.bold(o.pluginId)}: ${o.reason ?? "up to date"}${o.downloaded === false ? "; nothing downloaded" : ""}`);
      else eprintln(ctx, `${ctx.err.red("failed")} ${o.pluginId}: ${o.error?.message ?? o.reason}${o.error ? `\n  fix: ${o.error.fix}` : ""}`);
    }
    if (result.outcomes.length === 0) println(ctx, "No installed plugins to update.");
    if (result.outcomes.some((o) => o.status === "updated")) println(ctx, "Restart the gateway to load the new code.");
    return failed.length === 0 ? ExitCode.ok : ExitCode.problems;
  } catch (error) {
    done();
    if (isInstallError(error)) return reportFailure(ctx, error.failure, options);
    throw error;
  }
}

/**
 * Runs `plugins uninstall`.
 *
 * @example
 * ```ts
 * const code = await runPluginsUninstall(ctx, "demo", { keepFiles: true });
 * ```
 */
export async function runPluginsUninstall(ctx: CommandContext, pluginId: string, options: PluginsUninstallOptions): Promise<ExitCodeValue> {
  const { uninstallPlugin, isInstallError } = await api();
  const { installer, done } = lifecycleContext(ctx, options);
  try {
    if (ctx.io.env.OPENCLAW_NIX_MODE?.trim() !== "1") {
      const gate = await indexNodeGate(ctx, "plugins uninstall", options);
      if (gate !== undefined) return gate;
    }
    const keepFiles = options.keepFiles === true || options.keepConfig === true;
    if (options.keepConfig && !options.json) eprintln(ctx, `${ctx.err.yellow("warning")} --keep-config is a deprecated alias of --keep-files.`);
    const result = await uninstallPlugin({ pluginId, ...(keepFiles ? { keepFiles: true } : {}) }, installer);
    done();
    if (options.json) {
      printJson(ctx, { ok: true, ...result });
      return ExitCode.ok;
    }
    const removed = [
      result.record ? "install record" : undefined,
      result.removedEntry ? `plugins.entries.${pluginId}` : undefined,
      result.removedFromAllow ? "plugins.allow entry" : undefined,
      result.removedFromDeny ? "plugins.deny entry" : undefined,
      ...result.removedLoadPaths.map((p) => `load path ${p}`),
    ].filter(Boolean);
    println(ctx, `${ctx.out.green("Uninstalled")} ${ctx.out.bold(pluginId)}${removed.length ? `: removed ${removed.join(", ")}` : ""}`);
    if (result.deletedDir) println(ctx, `  deleted ${result.deletedDir}`);
    else if (result.keptFilesReason) println(ctx, `  files kept (${result.keptFilesReason})${result.record ? `: ${result.record.installPath}` : ""}`);
    return ExitCode.ok;
  } catch (error) {
    done();
    if (isInstallError(error)) return reportFailure(ctx, error.failure, options);
    throw error;
  }
}
