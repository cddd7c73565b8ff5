/**
 * The commander tree a plugin CLI registrar receives: a root `openclaw` program with the parent groups of its
 * `parentPath` created on demand, and the helpers the capture and the invocation share (the registrar context, the
 * time limit of a registrar, the commands a registrar added).
 */
import { Command } from "commander";
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginCliProgram, PluginCliRegistrar, PluginLogger } from "../contract/plugin-api.js";
import type { CliCommandDescriptor } from "./claims.js";
import { PLUGIN_PARENT_GROUPS } from "./core-commands.js";

/**
 * The command at `path` below `root`, creating each missing level (core groups get their help text).
 *
 * @example
 * ```ts
 * const nodes = ensureCommandPath(new Command("openclaw"), ["nodes"]);
 * ```
 */
export function ensureCommandPath(root: Command, path: readonly string[]): Command {
  let current = root;
  path.forEach((name, depth) => {
    const existing = current.commands.find((command) => command.name() === name || command.aliases().includes(name));
    if (existing) {
      current = existing;
      return;
    }
    const created = current.command(name);
    const help = depth === 0 ? PLUGIN_PARENT_GROUPS[name] : undefined;
    if (help) created.description(help);
    current = created;
  });
  return current;
}

/**
 * A logger for plugin code run by the CLI: every line goes to `stderr`, prefixed with the plugin id; `debug`
 * only with `OPENCLAW_PLUGIN_LOAD_DEBUG=1`.
 *
 * @example
 * ```ts
 * const logger = stderrPluginLogger("demo", process.stderr, process.env);
 * logger.warn("no account configured"); // "[demo] warning: no account configured"
 * ```
 */
export function stderrPluginLogger(pluginId: string, stderr: { write(text: string): unknown }, env: NodeJS.ProcessEnv): PluginLogger {
  const line = (prefix: string) => (message: string) => {
    stderr.write(`[${pluginId}] ${prefix}${String(message)}\n`);
  };
  return {
    debug: env.OPENCLAW_PLUGIN_LOAD_DEBUG === "1" ? line("debug: ") : () => {},
    info: line(""),
    warn: line("warning: "),
    error: line("error: "),
  };
}

/** Inputs of {@link runRegistrar}. */
export interface RunRegistrarOptions {
  registrar: PluginCliRegistrar;
  parent: Command;
  config: OpenClawConfig;
  workspaceDir?: string;
  logger: PluginLogger;
  /** Time the registrar may take when it returns a promise. */
  timeoutMs: number;
  label: string;
}

/**
 * Runs one registrar on `parent` within the time limit. Resolves with `undefined`, or with an error sentence when
 * it threw or did not settle in time.
 *
 * @example
 * ```ts
 * const problem = await runRegistrar({ registrar, parent, config: {}, logger, timeoutMs: 10_000, label: 'plugin "demo"' });
 * ```
 */
export async function runRegistrar(options: RunRegistrarOptions): Promise<string | undefined> {
  const ctx = {
    program: options.parent as unknown as PluginCliProgram,
    config: options.config,
    logger: options.logger,
    ...(options.workspaceDir !== undefined ? { workspaceDir: options.workspaceDir } : {}),
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      Promise.resolve()
        .then(() => options.registrar(ctx))
        .then(() => "done" as const),
      new Promise<"timeout">((resolve) => {
        if (Number.isFinite(options.timeoutMs)) timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
      }),
    ]);
    if (outcome === "timeout") {
      return `the CLI registrar of ${options.label} did not settle within ${options.timeoutMs} ms; make it return promptly (raise plugins.entries.<id>.registerTimeoutMs if it must import a lot).`;
    }
    return undefined;
  } catch (error) {
    return `the CLI registrar of ${options.label} threw: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Descriptors of the commands in `parent` that are not in `before` (what a registrar added).
 *
 * @example
 * ```ts
 * const before = new Set(parent.commands);
 * await runRegistrar({ ... });
 * addedCommands(parent, before); // [{ name: "legacy", description: "Legacy tools", hasSubcommands: false }]
 * ```
 */
export function addedCommands(parent: Command, before: ReadonlySet<Command>): CliCommandDescriptor[] {
  return parent.commands
    .filter((command) => !before.has(command))
    .map((command) => ({ name: command.name(), description: command.description(), hasSubcommands: command.commands.length > 0 }));
}
