/**
 * Running a plugin-owned command (in the child process the CLI starts for it, with the terminal's stdin, stdout and
 * stderr): load the plugin in `full` mode, run only the registrars that own the invoked command — this is when
 * their `import()` of heavy code happens —, then let commander parse the arguments and run the action. The exit
 * code is the command's (`process.exitCode`), 1 when its action threw, commander's own for usage errors and help.
 */
import { Command, CommanderError } from "commander";
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginOrigin } from "../host/contract-gates.js";
import { loadPlugin } from "../host/loader.js";
import { DEFAULT_REGISTER_TIMEOUT_MS } from "../host/register-step.js";
import type { RegisteredCli } from "../host/registry.js";
import { ensureCommandPath, runRegistrar, stderrPluginLogger } from "./command-tree.js";
import { isRecord } from "../config/config-data.js";

/**
 * What the CLI sends the command child (JSON).
 *
 * @example
 * ```ts
 * const job: PluginCommandJob = { pluginId: "demo", rootDir: "/s/extensions/demo", origin: "global", argv: ["demo-plugin", "ping"], path: ["demo-plugin"] };
 * ```
 */
export interface PluginCommandJob {
  pluginId: string;
  rootDir: string;
  origin: PluginOrigin;
  /** The arguments from the command path on: `["nodes", "canvas", "snap", "--node", "n1"]`. */
  argv: string[];
  /** The matched command path (`["nodes", "canvas"]`). */
  path: string[];
  config?: Record<string, unknown>;
  pluginConfig?: unknown;
  registerTimeoutMs?: number;
  workspaceDir?: string;
}

/** Where the command's own messages go. */
export interface PluginCommandIO {
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

const startsWith = (argv: readonly string[], prefix: readonly string[]): boolean => prefix.length <= argv.length && prefix.every((part, i) => argv[i] === part);

/**
 * The registrations to run for `argv`: lazy ones that own the next word after their parent path (so only the
 * invoked command's registrar runs), and eager ones whose parent path leads there (their commands are known only by
 * running them). Parents first.
 *
 * @example
 * ```ts
 * selectRegistrations(loaded.registrations.cliCommands, ["demo-plugin", "ping"]);
 * ```
 */
export function selectRegistrations(registrations: readonly RegisteredCli[], argv: readonly string[]): RegisteredCli[] {
  return registrations
    .filter((cli) => {
      if (!startsWith(argv, cli.parentPath)) return false;
      if (cli.descriptors.length === 0) return true;
      const next = argv[cli.parentPath.length];
      return next !== undefined && (cli.descriptors.some((d) => d.name === next) || cli.commands.includes(next));
    })
    .sort((a, b) => a.parentPath.length - b.parentPath.length);
}

function findCommand(root: Command, path: readonly string[]): Command | undefined {
  let current: Command | undefined = root;
  for (const name of path) {
    current = current?.commands.find((command) => command.name() === name || command.aliases().includes(name));
    if (!current) return undefined;
  }
  return current;
}

/**
 * Loads the plugin and runs the invoked command; resolves with the exit code. Messages name the plugin, the command
 * and the fix.
 *
 * @example
 * ```ts
 * process.exitCode = await runPluginCommand(job, { stderr: process.stderr, env: process.env });
 * ```
 */
export async function runPluginCommand(job: PluginCommandJob, io: PluginCommandIO): Promise<number> {
  const shown = `openclaw ${job.path.join(" ")}`;
  const config = (job.config ?? {}) as OpenClawConfig;
  const loaded = await loadPlugin({
    rootDir: job.rootDir,
    mode: "full",
    config,
    ...(isRecord(job.pluginConfig) ? { pluginConfig: job.pluginConfig } : {}),
    origin: job.origin,
    enabled: true,
    env: io.env,
    logger: stderrPluginLogger(job.pluginId, io.stderr, io.env),
    ...(job.registerTimeoutMs !== undefined ? { registerTimeoutMs: job.registerTimeoutMs } : {}),
  });
  if (loaded.loadError) {
    io.stderr.write(`error "${shown}" belongs to plugin "${job.pluginId}", which failed to load (${loaded.loadError.code}): ${loaded.loadError.message}\n`);
    return 1;
  }
  const selected = selectRegistrations(loaded.registrations.cliCommands, job.argv);
  if (selected.length === 0) {
    io.stderr.write(
      `error plugin "${job.pluginId}" no longer registers "${shown}" (its CLI registrations changed since they were captured); run the command again, and if it stays missing, check the plugin's registerCli descriptors.\n`,
    );
    return 1;
  }
  const root = new Command("openclaw");
  root.showHelpAfterError("(run with --help for usage)");
  const logger = stderrPluginLogger(job.pluginId, io.stderr, io.env);
  for (const cli of selected) {
    const parent = ensureCommandPath(root, cli.parentPath);
    const problem = await runRegistrar({
      registrar: cli.registrar,
      parent,
      config,
      logger,
      timeoutMs: job.registerTimeoutMs ?? DEFAULT_REGISTER_TIMEOUT_MS,
      label: `plugin "${job.pluginId}"`,
      ...(job.workspaceDir !== undefined ? { workspaceDir: job.workspaceDir } : {}),
    });
    if (problem) {
      io.stderr.write(`error ${problem}\n`);
      return 1;
    }
  }
  if (!findCommand(root, job.path)) {
    io.stderr.write(
      `error the CLI registrar of plugin "${job.pluginId}" did not add "${shown}", although the plugin declares it (registerCli descriptors/commands); the plugin's descriptors and registrar disagree — report it to the plugin's author.\n`,
    );
    return 1;
  }
  try {
    await root.parseAsync([...job.argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr.write(`error "${shown}" (plugin "${job.pluginId}") failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const code = process.exitCode;
  return typeof code === "number" ? code : typeof code === "string" && /^\d+$/.test(code) ? Number(code) : 0;
}
