/**
 * What `plugins install`, `update` and `uninstall` share: the installer context built from the CLI run (paths,
 * progress line, lifecycle trace), the Node-version gate, and how an {@link InstallFailure} is printed (human:
 * message, rule, fix on stderr; `--json`: `{ ok: false, error }` on stdout) and mapped to an exit code.
 *
 * The install domain is imported lazily, only by these commands.
 */
import { eprintln, printJson, type CommandContext } from "../context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";
import type { InstallerContext, InstallFailure, InstallProgressEvent } from "../../install/installer-api.js";
import { childFailure, runtimeChildOptions } from "../runtime-check.js";
import { loadTimeLimitMs, withRuntimeChild } from "../runtime-child.js";

/** Failure codes that are usage errors (exit 2); the rest exit 1. */
const USAGE_CODES = new Set(["invalid-spec", "option-conflict", "source-not-found", "not-installed", "already-installed"]);

/**
 * Exit code for a failure.
 *
 * @example
 * ```ts
 * exitCodeFor({ code: "invalid-spec", message: "", rule: "", fix: "" }); // 2
 * ```
 */
export function exitCodeFor(failure: InstallFailure): ExitCodeValue {
  return USAGE_CODES.has(failure.code) ? ExitCode.usage : ExitCode.problems;
}

/**
 * Prints a failure (see the module comment) and returns its exit code.
 *
 * @example
 * ```ts
 * return reportFailure(ctx, error.failure, { json: true });
 * ```
 */
export function reportFailure(ctx: CommandContext, failure: InstallFailure, options: { json?: boolean | undefined }): ExitCodeValue {
  if (options.json) {
    printJson(ctx, { ok: false, error: failure });
  } else {
    eprintln(ctx, `${ctx.err.red("error")} ${failure.message}`);
    if (failure.source) eprintln(ctx, `  source: ${failure.source}`);
    eprintln(ctx, `  rule:   ${failure.rule}`);
    eprintln(ctx, `  fix:    ${failure.fix}`);
  }
  return exitCodeFor(failure);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * The installer context of one CLI run: paths from the environment, progress line on a TTY (never with `--json`),
 * trace lines per phase with `OPENCLAW_PLUGIN_LIFECYCLE_TRACE=1`. Call `done()` when the operation ends (clears the
 * progress line).
 *
 * @example
 * ```ts
 * const { installer, done } = lifecycleContext(ctx, { json: false });
 * ```
 */
export function lifecycleContext(ctx: CommandContext, options: { json?: boolean | undefined }): { installer: InstallerContext; done(): void } {
  const paths = resolveOpenClawPaths({ env: ctx.io.env, cwd: ctx.io.cwd });
  const showProgress = !options.json && ctx.io.stderr.isTTY === true;
  let lineShown = false;
  let lastDraw = 0;
  const clear = () => {
    if (lineShown) ctx.io.stderr.write("\r\u001b[2K");
    lineShown = false;
  };
  const onProgress = (event: InstallProgressEvent) => {
    if (event.status === "end" && event.elapsedMs !== undefined && event.message === undefined) {
      ctx.tracer.record(event.phase, event.elapsedMs, event.pluginId);
    }
    if (!showProgress) return;
    const now = performance.now();
    if (event.status === "progress" && now - lastDraw < 80) return;
    lastDraw = now;
    let text = `${event.phase}`;
    if (event.pluginId) text += ` ${event.pluginId}`;
    if (event.bytes !== undefined) text += ` ${formatBytes(event.bytes)}${event.totalBytes ? ` / ${formatBytes(event.totalBytes)}` : ""}`;
    if (event.message) text += ` — ${event.message}`;
    if (event.status === "end") return;
    ctx.io.stderr.write(`\r\u001b[2K${ctx.err.dim(text.slice(0, 120))}`);
    lineShown = true;
  };
  const installer: InstallerContext = { paths, env: ctx.io.env, cwd: ctx.io.cwd, onProgress, beforeInstall: cliBeforeInstallGate(ctx) };
  return { installer, done: clear };
}

/**
 * Adds the extra install sources (bundle, marketplace, ClawHub: `src/install/sources/extra-sources.ts`) to a context;
 * loaded with the install domain, only by the lifecycle commands.
 *
 * @example
 * ```ts
 * const installer = await withExtraSources(ctx, lifecycleContext(ctx, options).installer);
 * ```
 */
export async function withExtraSources(ctx: CommandContext, installer: InstallerContext): Promise<InstallerContext> {
  const { extraInstallSources } = await import("../../install/sources/extra-sources.js");
  const sources = extraInstallSources(ctx.io.cwd);
  return sources.length > 0 ? { ...installer, sources } : installer;
}

/**
 * The CLI's `before_install` gate: the enabled plugins found by discovery (except the one being installed) are
 * loaded in the runtime-check child process and their `before_install` hooks run there. No enabled plugin → no child
 * is started. A child that exits or hangs blocks the install (the gate fails closed), naming what happened.
 *
 * @example
 * ```ts
 * const gate = cliBeforeInstallGate(ctx);
 * const decision = await gate({ targetType: "plugin", targetName: "demo", sourcePath: "/stage", builtinFindings: [] });
 * ```
 */
export function cliBeforeInstallGate(ctx: CommandContext): NonNullable<InstallerContext["beforeInstall"]> {
  return async (event) => {
    const { buildPluginCatalog } = await import("../../discovery/plugin-catalog.js");
    const { registerTimeoutFor } = await import("../../config/plugins-policy.js");
    const catalog = await buildPluginCatalog({ env: ctx.io.env, cwd: ctx.io.cwd });
    const enabled = catalog.plugins.filter((p) => p.status === "enabled" && p.id !== event.targetName);
    if (enabled.length === 0) return undefined;
    const policy = catalog.config.plugins;
    let limit = 0;
    const plugins = enabled.map((plugin) => {
      const entry = Object.prototype.hasOwnProperty.call(policy.entries, plugin.id) ? policy.entries[plugin.id] : undefined;
      const options: { rootDir: string; config: Record<string, unknown>; origin: typeof plugin.candidate.origin; pluginConfig?: unknown; registerTimeoutMs?: number } = {
        rootDir: plugin.candidate.rootDir,
        config: catalog.config.raw,
        origin: plugin.candidate.origin,
      };
      if (entry?.config !== undefined) options.pluginConfig = entry.config;
      const registerTimeoutMs = registerTimeoutFor(policy, plugin.id);
      if (registerTimeoutMs !== undefined) options.registerTimeoutMs = registerTimeoutMs;
      limit += loadTimeLimitMs(registerTimeoutMs);
      return options;
    });
    const outcome = await withRuntimeChild(runtimeChildOptions(ctx), (child) => child.run({ kind: "before-install", plugins, event }, limit));
    if (outcome.kind === "result") return outcome.value.decision;
    const failure = childFailure(outcome, `a plugin's before_install hook (${enabled.map((p) => p.id).join(", ")})`);
    return { findings: [], block: true, blockReason: `${failure.message} (${failure.code})`, blockedBy: enabled.length === 1 ? enabled[0]!.id : "an enabled plugin" };
  };
}

/**
 * Stops with exit 1 and the Node version needed when this Node has no `node:sqlite` (the index needs it).
 *
 * @example
 * ```ts
 * const blocked = await indexNodeGate(ctx, "plugins install", options);
 * if (blocked !== undefined) return blocked;
 * ```
 */
export async function indexNodeGate(ctx: CommandContext, command: string, options: { json?: boolean | undefined }): Promise<ExitCodeValue | undefined> {
  const { sqliteSupport } = await import("../../state/sqlite.js");
  const support = sqliteSupport();
  if (support.ok) return undefined;
  return reportFailure(
    ctx,
    {
      code: "node-unsupported",
      message: `${command}: ${support.message}`,
      rule: "install records live in the SQLite plugin index (node:sqlite, Node >= 22.5)",
      fix: "run openclaw with Node 24 (or 22.13+), e.g. nvm install 24",
    },
    options,
  );
}

/**
 * Asks a yes/no question on the TTY; resolves false when there is no interactive input.
 *
 * @example
 * ```ts
 * if (await confirm(ctx, "Continue? [y/N] ")) …
 * ```
 */
export async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const stdin = ctx.io.stdin;
  if (!stdin || stdin.isTTY !== true || ctx.io.stderr.isTTY !== true) return false;
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: stdin, output: ctx.io.stderr as NodeJS.WritableStream });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
