/**
 * Plugin-owned commands on the root `openclaw` CLI, parent side. Plugin code never runs in this process:
 *
 * 1. **Table.** The enabled plugins of the catalog (policy applied: deny/allow/enabled, workspace plugins only when
 *    enabled, nothing while the config file is broken) each have their CLI registrations, captured in
 *    `cli-metadata` mode in the runtime-check child and cached under the state directory by source hash
 *    (`src/plugin-cli/descriptor-cache.ts`). With a warm cache, root help and routing import no plugin module.
 *    Eager registrations (no descriptors) have their registrar run in the child each time help or routing needs
 *    their commands — the compatibility path, with no placeholder standing in for them.
 * 2. **Claims.** `resolvePluginCliTable` refuses core-command claims and second claims (diagnostics naming both);
 *    the diagnostics are printed on stderr with root help and with every routed command.
 * 3. **Help and routing.** Each command of the table becomes an entry of the commander program (group "Plugin
 *    commands"); invoking one starts `plugin-command-worker` with the terminal's stdio, which loads the plugin in
 *    `full` mode and runs only the owning registrar, then the command. Its exit code is the CLI's.
 */
import { spawn } from "node:child_process";
import type { Command } from "commander";
import { registerTimeoutFor, type PluginsPolicy } from "../config/plugins-policy.js";
import { resolveOpenClawPaths } from "../discovery/state-paths.js";
import { buildPluginCatalog, type CatalogPlugin, type PluginCatalog } from "../discovery/plugin-catalog.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { CliCaptureOptions, CliCaptureResult } from "../plugin-cli/capture.js";
import {
  matchPluginCommand,
  resolvePluginCliTable,
  type CapturedCliRegistration,
  type CoreCommandTree,
  type PluginCliCommand,
  type PluginCliSource,
} from "../plugin-cli/claims.js";
import { PLUGIN_PARENT_GROUPS } from "../plugin-cli/core-commands.js";
import { cliCachePath, computeCliSourceHash, readCliCache, writeCliCache, type CliCacheEntry } from "../plugin-cli/descriptor-cache.js";
import type { PluginCommandJob } from "../plugin-cli/invoke.js";
import type { CliIO } from "./io.js";
import { loadTimeLimitMs, startRuntimeChild, takeRuntimeChild, workerScriptArgs, type RuntimeChild, type RuntimeChildOptions } from "./runtime-child.js";
import { childFailure } from "./runtime-check.js";
import { cliPackageVersion } from "./version.js";
import { isRecord } from "../config/config-data.js";

/** Why the table is built: `help` needs every command (eager registrars run); `route` only what decides routing. */
export type PluginCliPurpose = "help" | "route";

/**
 * The plugin command table of one CLI run.
 *
 * @example
 * ```ts
 * const loaded: LoadedPluginCli = await loadPluginCli(io, coreTree(program), "help");
 * ```
 */
export interface LoadedPluginCli {
  commands: PluginCliCommand[];
  /** Refused claims, plugins whose CLI could not be captured, a broken config. */
  diagnostics: PluginDiagnostic[];
  /** Enabled plugins by folder, for invocation. */
  plugins: Map<string, CatalogPlugin>;
  catalog?: PluginCatalog;
  /** Plugin modules imported to build the table (captures run): 0 when everything came from the cache. */
  captured: number;
}

/**
 * The core command tree of a commander program (root names and aliases, and each group's subcommands).
 *
 * @example
 * ```ts
 * coreTree(createProgram(io, () => {})).roots.has("plugins"); // true
 * ```
 */
export function coreTree(program: Command): CoreCommandTree {
  const roots = new Set<string>();
  const children = new Map<string, Set<string>>();
  for (const command of program.commands) {
    const names = [command.name(), ...command.aliases()];
    const subs = new Set(command.commands.flatMap((sub) => [sub.name(), ...sub.aliases()]));
    for (const name of names) {
      roots.add(name);
      children.set(name, subs);
    }
  }
  return { roots, children };
}

function pluginEntryConfig(catalog: PluginCatalog, id: string): unknown {
  const entries = catalog.config.plugins.entries;
  return Object.prototype.hasOwnProperty.call(entries, id) ? entries[id]?.config : undefined;
}

/** Needs its registrars run for this purpose: eager registrations (help), undeclared eager ones (route). */
function needsEagerRun(registrations: readonly CapturedCliRegistration[], purpose: PluginCliPurpose): boolean {
  return registrations.some((r) => r.kind === "eager" && (purpose === "help" || r.commands.length === 0));
}

/** Capture failures that may not repeat (crash, time limits): reported, never cached. */
const TRANSIENT = new Set(["plugin-exited", "plugin-load-timeout", "runtime-check-failed", "register-timeout", "import-timeout"]);

/** Runs capture jobs one after another in runtime-check children; a child that died is replaced for the next job. */
async function runCaptures(
  childOptions: RuntimeChildOptions,
  jobs: Array<{ plugin: CatalogPlugin; options: CliCaptureOptions }>,
): Promise<Map<string, CliCaptureResult>> {
  const results = new Map<string, CliCaptureResult>();
  if (jobs.length === 0) return results;
  let child: RuntimeChild = takeRuntimeChild(childOptions);
  try {
    for (const { plugin, options } of jobs) {
      const outcome = await child.run({ kind: "cli-capture", options }, loadTimeLimitMs(options.registerTimeoutMs));
      if (outcome.kind === "result") {
        results.set(plugin.candidate.rootDir, outcome.value);
        continue;
      }
      const failure = childFailure(outcome, `plugin "${plugin.id}"`);
      results.set(plugin.candidate.rootDir, { pluginId: plugin.id, registrations: [], diagnostics: [], loadError: failure });
      await child.close();
      child = startRuntimeChild(childOptions);
    }
  } finally {
    await child.close();
  }
  return results;
}

function captureDiagnostics(plugin: CatalogPlugin, result: { loadError?: { code: string; message: string } | undefined; registrations: CapturedCliRegistration[] }): PluginDiagnostic[] {
  const out: PluginDiagnostic[] = [];
  if (result.loadError) {
    out.push({
      level: "warning",
      code: "cli-capture-failed",
      path: "",
      file: plugin.candidate.rootDir,
      message: `plugin "${plugin.id}": its CLI commands are unavailable because it failed to load in cli-metadata mode (${result.loadError.code}): ${result.loadError.message}`,
    });
  }
  for (const registration of result.registrations) {
    if (registration.eagerError) {
      out.push({ level: "warning", code: "cli-registrar-failed", path: "", file: plugin.candidate.rootDir, message: `plugin "${plugin.id}": ${registration.eagerError}` });
    }
  }
  return out;
}

/**
 * Builds the plugin command table for this run: catalog → cache (by source hash) → captures in the runtime-check
 * child for what is missing (and eager registrars when `purpose` needs them) → claims. Writes the cache when a
 * capture changed it (a failed write only means capturing again next time).
 *
 * @example
 * ```ts
 * const { commands, diagnostics } = await loadPluginCli(io, coreTree(program), "route");
 * ```
 */
export async function loadPluginCli(io: CliIO, core: CoreCommandTree, purpose: PluginCliPurpose): Promise<LoadedPluginCli> {
  const paths = resolveOpenClawPaths({ env: io.env, cwd: io.cwd });
  const cacheFile = cliCachePath(paths.stateDir);
  const cache = readCliCache(cacheFile);
  const hostVersion = cliPackageVersion();
  const hashes = new Map<string, string>();
  const hashFor = (rootDir: string, origin: string, id: string, config: PluginsPolicy): string => {
    const entries = config.entries;
    const pluginConfig = Object.prototype.hasOwnProperty.call(entries, id) ? entries[id]?.config : undefined;
    return computeCliSourceHash({ rootDir, hostVersion, origin, pluginConfig });
  };
  // A plugin whose cache entry still matches (the hash covers its manifest bytes) is listed without re-reading
  // its manifest: with a warm cache, root help reads no manifest and imports no plugin module.
  const catalog = await buildPluginCatalog({
    env: io.env,
    cwd: io.cwd,
    knownManifestId: (candidate, plugins) => {
      const cached = cache.entries[candidate.rootDir];
      if (!cached) return undefined;
      const hash = hashFor(candidate.rootDir, candidate.origin, cached.pluginId, plugins);
      if (hash !== cached.sourceHash) return undefined;
      hashes.set(candidate.rootDir, hash);
      return cached.pluginId;
    },
  });
  const plugins = new Map<string, CatalogPlugin>();
  if (catalog.config.configError) {
    return {
      commands: [],
      diagnostics: [{ level: "warning", code: "cli-plugins-skipped", path: "", file: catalog.config.path, message: `plugin commands are not available: ${catalog.config.configError}` }],
      plugins,
      catalog,
      captured: 0,
    };
  }
  const enabled = catalog.plugins.filter((plugin) => plugin.status === "enabled");
  const jobs: Array<{ plugin: CatalogPlugin; options: CliCaptureOptions }> = [];
  const fromCache = new Map<string, CliCacheEntry>();
  for (const plugin of enabled) {
    const rootDir = plugin.candidate.rootDir;
    plugins.set(rootDir, plugin);
    const pluginConfig = pluginEntryConfig(catalog, plugin.id);
    const hash = hashes.get(rootDir) ?? hashFor(rootDir, plugin.candidate.origin, plugin.id, catalog.config.plugins);
    hashes.set(rootDir, hash);
    const cached = cache.entries[rootDir];
    if (cached && cached.sourceHash === hash && cached.pluginId === plugin.id) {
      fromCache.set(rootDir, cached);
      if (cached.loadError || !needsEagerRun(cached.registrations, purpose)) continue;
    }
    const options: CliCaptureOptions = { rootDir, origin: plugin.candidate.origin, config: catalog.config.raw, runEager: true, workspaceDir: catalog.paths.workspaceDir };
    if (pluginConfig !== undefined) options.pluginConfig = pluginConfig;
    const registerTimeoutMs = registerTimeoutFor(catalog.config.plugins, plugin.id);
    if (registerTimeoutMs !== undefined) options.registerTimeoutMs = registerTimeoutMs;
    jobs.push({ plugin, options });
  }

  const captures = await runCaptures({ env: io.env, cwd: io.cwd, output: io.stderr }, jobs);
  let changed = false;
  for (const [rootDir, result] of captures) {
    if (result.loadError && TRANSIENT.has(result.loadError.code)) continue;
    const entry: CliCacheEntry = {
      pluginId: result.pluginId || plugins.get(rootDir)!.id,
      sourceHash: hashes.get(rootDir)!,
      capturedAt: new Date().toISOString(),
      registrations: result.registrations.map(({ eagerCommands: _commands, eagerError: _error, ...registration }) => registration),
    };
    if (result.loadError) entry.loadError = result.loadError;
    const previous = cache.entries[rootDir];
    if (!previous || previous.sourceHash !== entry.sourceHash || JSON.stringify(previous.registrations) !== JSON.stringify(entry.registrations)) {
      cache.entries[rootDir] = entry;
      changed = true;
    }
  }
  const present = new Set(catalog.plugins.map((plugin) => plugin.candidate.rootDir));
  for (const rootDir of Object.keys(cache.entries)) {
    if (!present.has(rootDir)) {
      delete cache.entries[rootDir];
      changed = true;
    }
  }
  if (changed) {
    try {
      await writeCliCache(cacheFile, cache);
    } catch {
      // A cache that cannot be written only means capturing again next time.
    }
  }

  const diagnostics: PluginDiagnostic[] = [];
  const sources: PluginCliSource[] = [];
  for (const plugin of enabled) {
    const rootDir = plugin.candidate.rootDir;
    const captured = captures.get(rootDir);
    const cached = fromCache.get(rootDir);
    const result = captured ?? (cached ? { registrations: cached.registrations, loadError: cached.loadError } : undefined);
    if (!result) continue;
    diagnostics.push(...captureDiagnostics(plugin, result));
    if (result.registrations.length > 0) sources.push({ pluginId: plugin.id, rootDir, registrations: result.registrations });
  }
  const table = resolvePluginCliTable(sources, core);
  return { commands: table.commands, diagnostics: [...table.diagnostics, ...diagnostics], plugins, catalog, captured: jobs.length };
}

/**
 * Adds each plugin command of the table to the commander program (parents first), under the help group "Plugin
 * commands"; each entry passes its arguments through untouched and calls `dispatch` when invoked.
 *
 * @example
 * ```ts
 * addPluginCommands(program, loaded.commands, (command) => runPluginCommandChild(io, loaded, command, argv));
 * ```
 */
export function addPluginCommands(program: Command, commands: readonly PluginCliCommand[], dispatch: (command: PluginCliCommand) => Promise<void>): void {
  const added = new Map<string, Command>();
  const parentOf = (path: readonly string[]): Command | undefined => {
    if (path.length === 1) return program;
    const parentPath = path.slice(0, -1);
    const known = added.get(parentPath.join(" "));
    if (known) return known;
    if (parentPath.length === 1 && Object.prototype.hasOwnProperty.call(PLUGIN_PARENT_GROUPS, parentPath[0]!)) {
      const name = parentPath[0]!;
      const group = program.commands.find((command) => command.name() === name) ?? program.command(name).description(PLUGIN_PARENT_GROUPS[name]!).helpGroup("Plugin commands:");
      added.set(name, group);
      return group;
    }
    return undefined;
  };
  for (const command of [...commands].sort((a, b) => a.path.length - b.path.length)) {
    const parent = parentOf(command.path);
    if (!parent) continue;
    const entry = parent
      .command(command.path.at(-1)!)
      .description(`${command.description || "(no description)"} [plugin: ${command.pluginId}]`)
      .helpOption(false)
      .helpCommand(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument("[args...]", "passed to the plugin's command")
      .action(() => dispatch(command));
    if (command.path.length === 1) entry.helpGroup("Plugin commands:");
    added.set(command.path.join(" "), entry);
  }
}

/**
 * Runs a plugin command in `plugin-command-worker` (stdio of the terminal when `io` is the real process, else piped
 * into `io`) and resolves with its exit code. SIGINT/SIGTERM received meanwhile are passed to the child.
 *
 * @example
 * ```ts
 * const code = await runPluginCommandChild(io, job);
 * ```
 */
export function runPluginCommandChild(io: CliIO, job: PluginCommandJob): Promise<number> {
  const inherit = io.stdout === process.stdout && io.stderr === process.stderr;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, workerScriptArgs("plugin-command-worker"), {
      cwd: io.cwd,
      env: io.env,
      stdio: inherit ? ["inherit", "inherit", "inherit", "ipc"] : ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    if (!inherit) {
      child.stdout?.on("data", (chunk: Buffer) => io.stdout.write(chunk.toString("utf8")));
      child.stderr?.on("data", (chunk: Buffer) => io.stderr.write(chunk.toString("utf8")));
    }
    const forward = (signal: NodeJS.Signals) => () => {
      child.kill(signal);
    };
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    let sent = false;
    child.on("message", (message: unknown) => {
      if (!sent && isRecord(message) && message.ready === true) {
        sent = true;
        child.send(job);
      }
    });
    child.on("error", (error) => {
      io.stderr.write(`error cannot start the command process for "openclaw ${job.path.join(" ")}": ${error.message}\n`);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      if (signal) io.stderr.write(`error "openclaw ${job.path.join(" ")}" (plugin "${job.pluginId}") ended by signal ${signal}\n`);
      resolve(code ?? 1);
    });
  });
}

/**
 * The job for invoking `command` with the CLI's arguments `argv` (the part from the command path on is passed).
 *
 * @example
 * ```ts
 * const job = pluginCommandJob(loaded, command, ["demo-plugin", "ping"]);
 * ```
 */
export function pluginCommandJob(loaded: LoadedPluginCli, command: PluginCliCommand, argv: readonly string[]): PluginCommandJob {
  const plugin = loaded.plugins.get(command.rootDir)!;
  const catalog = loaded.catalog!;
  let start = 0;
  for (let i = 0; i < argv.length; i++) {
    if (matchPluginCommand([command], argv.slice(i))) {
      start = i;
      break;
    }
  }
  const job: PluginCommandJob = {
    pluginId: plugin.id,
    rootDir: plugin.candidate.rootDir,
    origin: plugin.candidate.origin,
    argv: argv.slice(start),
    path: [...command.path],
    config: catalog.config.raw,
    workspaceDir: catalog.paths.workspaceDir,
  };
  const pluginConfig = pluginEntryConfig(catalog, plugin.id);
  if (pluginConfig !== undefined) job.pluginConfig = pluginConfig;
  const registerTimeoutMs = registerTimeoutFor(catalog.config.plugins, plugin.id);
  if (registerTimeoutMs !== undefined) job.registerTimeoutMs = registerTimeoutMs;
  return job;
}
