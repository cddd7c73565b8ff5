/**
 * The `openclaw` command line: `openclaw plugins init|build|validate|inspect (info)|doctor|list|enable|disable|registry|install|update|uninstall`.
 * Thin wiring over the command modules; {@link runCli} is the in-process entry used by the binary and by tests.
 */
import { Command, CommanderError } from "commander";
import { CliError, ExitCode, type ExitCodeValue } from "./exit-codes.js";
import { createStyler, type CliIO } from "./io.js";
import { createLifecycleTracer } from "./trace.js";
import { releaseRuntimeChildren } from "./runtime-child.js";
import { cliPackageVersion } from "./version.js";
import type { CommandContext } from "./context.js";
import { runPluginsInit } from "./commands/plugins-init.js";
import { runPluginsBuild } from "./commands/plugins-build.js";
import { runPluginsValidate } from "./commands/plugins-validate.js";
import { runPluginsInspect } from "./commands/plugins-inspect.js";
import { runPluginsDoctor } from "./commands/plugins-doctor.js";
import { runPluginsList } from "./commands/plugins-list.js";
import { addPluginCommands, coreTree, loadPluginCli, pluginCommandJob, runPluginCommandChild, type PluginCliPurpose } from "./plugin-commands.js";
import { formatDiagnosticLine } from "./context.js";
import { matchPluginCommand } from "../plugin-cli/claims.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { runPluginsSearch } from "./commands/plugins-search.js";
import { runPluginsMarketplaceList } from "./commands/plugins-marketplace.js";
import { runUpdateCommand } from "./commands/update.js";
import { runGatewayRun } from "./commands/gateway-run.js";
import { runPluginsInstall, runPluginsUninstall, runPluginsUpdate } from "./commands/plugins-install.js";
import { runPluginsRegistry } from "./commands/plugins-registry.js";
import { runPluginsSetEnabled } from "./commands/plugins-enable.js";

const EXIT_CODES_HELP = `
Exit codes, one rule for every command:
  0  ran and reported no errors (warnings and notices never change the code)
  1  ran and reported problems: an error diagnostic, a load error, stale metadata (build --check), a doctor finding
  2  usage or not found: unknown command/option, missing or bad argument (e.g. a reserved id), a named plugin,
     folder (--workspace, [dir]) or file that does not exist or is not a plugin folder, refusal to overwrite
  3  internal error (a bug: one line on stderr; set OPENCLAW_PLUGIN_LOAD_DEBUG=1 for the stack trace, and report it)

Environment:
  OPENCLAW_CONFIG_PATH             config file (default: <state dir>/openclaw.json)
  OPENCLAW_STATE_DIR               state directory (default: ~/.openclaw)
  OPENCLAW_PLUGIN_LIFECYCLE_TRACE  1 = print phase timings to stderr
  OPENCLAW_PLUGIN_LOAD_DEBUG       1 = full stack traces (a plugin's failed import/register, internal errors),
                                   export shapes for entry errors
  OPENCLAW_NIX_MODE                1 = Nix-managed install: enable/disable (and install/update/uninstall) refuse
  OPENCLAW_STATE_LOCK_TIMEOUT_MS   how long a mutating command waits for another one (default 60000)

A config file that cannot be read or parsed, or whose plugins section has a field of the wrong type (enabled,
allow, deny, load.paths, entries.<id>, slots, timeouts), stops every command that imports plugin code (exit 1)
until it is fixed; doctor shows where.
Plugin code runs in a child process with a time limit (plugins.registerTimeoutMs + 5 s, 30 s by default): a plugin
that exits or hangs is reported as plugin-exited / plugin-load-timeout.
  NO_COLOR / FORCE_COLOR           colour control (colour is used only on a TTY)`;

/** The exit-code rule, repeated under every command's own help (the full text is under `openclaw plugins --help`). */
const EXIT_CODES_SHORT = `
Exit codes: 0 no errors reported · 1 problems reported (errors, load errors, stale metadata, doctor findings)
· 2 usage or not found (bad option/argument, missing plugin, folder or --workspace) · 3 internal error.`;

/**
 * Builds the commander program for one run. `setExitCode` receives each command's result.
 *
 * @example
 * ```ts
 * const program = createProgram(processIO(), (code) => (process.exitCode = code));
 * await program.parseAsync(["plugins", "list"], { from: "user" });
 * ```
 */
export function createProgram(io: CliIO, setExitCode: (code: ExitCodeValue) => void): Command {
  const program = new Command("openclaw");
  program
    .description("OpenClaw plugin author and operator tools.")
    .version(cliPackageVersion(), "-v, --version", "print the openclaw package version")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(createStyler(io.stderr, io.env).red(text)),
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_CODES_HELP)
    .exitOverride();

  const context = (command: string): CommandContext => ({
    io,
    out: createStyler(io.stdout, io.env),
    err: createStyler(io.stderr, io.env),
    tracer: createLifecycleTracer({ command, env: io.env, stderr: io.stderr }),
  });
  const run =
    <A extends unknown[]>(command: string, fn: (ctx: CommandContext, ...args: A) => Promise<ExitCodeValue>) =>
    async (...args: A): Promise<void> => {
      const ctx = context(command);
      try {
        setExitCode(await fn(ctx, ...args));
      } finally {
        await releaseRuntimeChildren();
        ctx.tracer.finish();
      }
    };

  program
    .command("update")
    .description("Update every tracked plugin on an update channel (stable or beta) and record the channel in the config.")
    .option("--channel <channel>", "stable or beta (default: the recorded update.channel, else stable)")
    .option("--json", "print { channel, outcomes, warnings } as JSON")
    .addHelpText("after", "\nOn beta, default-line npm and ClawHub plugins try @beta first and fall back to their recorded spec with a warning;\nexact versions and explicit tags stay. Needs Node >= 22.5 (the plugin index).")
    .exitOverride()
    .action(run("update", runUpdateCommand));

  const plugins = program
    .command("plugins")
    .description("Scaffold, build, validate, inspect and diagnose OpenClaw plugins; install, update, uninstall, enable and disable them.")
    .addHelpText("after", EXIT_CODES_HELP)
    .exitOverride();

  plugins
    .command("init")
    .description("Scaffold a TypeScript tool plugin built with defineToolPlugin.")
    .argument("[dir]", "folder to create (default: ./<id>)")
    .option("--id <id>", "plugin id: lowercase letters, digits and hyphens (default: derived from the folder name)")
    .option("--name <name>", "display name (default: title-cased id)")
    .option("--sdk <spec>", "the openclaw the scaffold depends on: a version or range, a tarball (npm pack) or a folder (default: this CLI's version)")
    .option("--force", "write into a folder that is not empty (existing scaffold files are overwritten)")
    .addHelpText(
      "after",
      [
        "",
        "A reserved or invalid id is refused (exit 2) with a suggested id. A tarball or folder given to --sdk is written",
        "as file:<absolute path>, so the scaffold installs from anywhere on this machine.",
        "",
        "Examples:",
        '  openclaw plugins init stock-quotes --name "Stock Quotes"',
        "  cd stock-quotes && npm install && npm run build && npm test",
        "",
        "  # an unpublished openclaw build: pack it, then point the scaffold at the tarball",
        "  (cd ../openclaw && npm pack)   # writes openclaw-<version>.tgz",
        "  openclaw plugins init stock-quotes --sdk ../openclaw/openclaw-<version>.tgz",
      ].join("\n"),
    )
    .action(run("plugins init", runPluginsInit));

  plugins
    .command("build")
    .description("Write openclaw.plugin.json metadata from the built entry's static tool metadata (refuses a manifest over 256 KiB).")
    .argument("[dir]", "plugin folder (default: current folder)")
    .option("--entry <path>", "built entry to import, inside the plugin folder (default: ./dist/index.js)")
    .option("--check", "rewrite nothing; exit 1 and print what differs when the generated metadata is stale or too large")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      "\nMetadata is generated for defineToolPlugin entries only. For any other plugin (channel, provider, hooks, …) build\nwrites nothing and exits 0 with a note, with or without --check: keep its openclaw.plugin.json by hand and check it\nwith openclaw plugins validate.",
    )
    .action(run("plugins build", runPluginsBuild));

  plugins
    .command("validate")
    .description(
      "Check the manifest, package metadata, every entry kind the host loads (main, setupEntry) in every registration mode, entry exports, id agreement, the entry's configSchema against the manifest's, and generated metadata.",
    )
    .argument("[dir]", "plugin folder (default: current folder)")
    .option("--entry <path>", "entry whose exports to check (default: the file the host imports for openclaw.extensions[0])")
    .option("--json", "print the result as JSON")
    .action(run("plugins validate", runPluginsValidate));

  plugins
    .command("inspect")
    .alias("info")
    .description("Show a plugin's manifest and package facts; --runtime loads it and lists what it registers.")
    .argument("[target]", "path to a plugin folder, or a plugin id (as discovered); an existing folder is read as a path")
    .option("--runtime", "import the plugin and run register() to list hooks, tools, commands, routes, …")
    .option("--json", "print one JSON object (diagnostics and traces go to stderr)")
    .option("--all", "table over every discovered plugin")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned (default: current folder; must exist)")
    .addHelpText(
      "after",
      "\nExits 1 when it reports an error (a manifest error, a load error, or with --runtime an error diagnostic such as\ncontract-tools-undeclared), like validate; 2 when the target is not found or is not a plugin folder. A plugin whose\nimport or register() throws is shown with the stack frames in its own files (file:line).",
    )
    .action(run("plugins inspect", runPluginsInspect));

  const doctorOptions = (command: Command): Command =>
    command
      .option("--fix", "repair what can be repaired (quarantine invalid plugin entries, migrate legacy plugins.installs, remove orphaned managed packages, relink openclaw into managed plugins, restore missing downloadable plugins, rebuild the registry), listing each change before and after")
      .option("--dry-run", "with --fix: print the repair plan and change nothing (exit 1 when something would be repaired)")
      .option("--json", "print the report as JSON")
      .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned (default: current folder; must exist)")
      .addHelpText(
        "after",
        "\nSays what it checked: the plugins found and the folders searched (\"0 plugins found in …\" when there are none).\nExits 1 for any finding, 2 when --workspace names a folder that does not exist.",
      );
  doctorOptions(
    plugins.command("doctor").description("Report load errors, manifest/discovery diagnostics, compat notices and stale plugin config; --fix repairs what it can."),
  ).action(run("plugins doctor", runPluginsDoctor));

  plugins
    .command("list")
    .description("List plugins from the plugin index, or from manifests when there is no index.")
    .option("--enabled", "only enabled plugins")
    .option("--verbose", "one detail block per plugin (format, source, origin, version, activation)")
    .option("--json", "machine-readable inventory with dependencyStatus")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned (default: current folder; must exist)")
    .action(run("plugins list", runPluginsList));

  plugins
    .command("search")
    .description("Search a ClawHub catalog for installable plugins (code-plugin and bundle-plugin packages; never touches local state).")
    .argument("<query>", "words to search for")
    .option("--json", "print { source, query, results } as JSON")
    .option("--limit <n>", "at most this many results, 1–100 (default 20)")
    .addHelpText("after", "\nCatalog: config clawhub.url, or $OPENCLAW_CLAWHUB_URL (default https://clawhub.ai); time limit clawhub.timeoutMs / $OPENCLAW_CLAWHUB_TIMEOUT_MS (default 30000).")
    .action(run("plugins search", runPluginsSearch));

  const marketplace = plugins
    .command("marketplace")
    .description("Inspect Claude-compatible plugin marketplaces.")
    .exitOverride();
  marketplace
    .command("list")
    .description("Resolve a marketplace source and list its plugin entries.")
    .argument("<source>", "known marketplace name (~/.claude/plugins/known_marketplaces.json), folder or marketplace.json, owner/repo, repository URL or git URL")
    .option("--json", "print the resolved source label, the manifest and the plugin entries as JSON")
    .exitOverride()
    .action(run("plugins marketplace list", runPluginsMarketplaceList));

  plugins
    .command("enable")
    .description("Set plugins.entries.<id>.enabled to true (in the $include'd plugins file when there is one).")
    .argument("<id>", "plugin id")
    .option("--json", "print the result as JSON")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned for ids (default: current folder)")
    .action(run("plugins enable", (ctx, id: string, options) => runPluginsSetEnabled(ctx, id, true, options)));

  plugins
    .command("disable")
    .description("Set plugins.entries.<id>.enabled to false (in the $include'd plugins file when there is one).")
    .argument("<id>", "plugin id")
    .option("--json", "print the result as JSON")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned for ids (default: current folder)")
    .action(run("plugins disable", (ctx, id: string, options) => runPluginsSetEnabled(ctx, id, false, options)));

  plugins
    .command("registry")
    .description("Report whether the persisted plugin registry exists and is current or stale; --refresh rebuilds it (needs Node >= 22.5).")
    .option("--refresh", "rebuild it from the install records' manifests")
    .option("--json", "print the report as JSON")
    .action(run("plugins registry", runPluginsRegistry));

  plugins
    .command("install")
    .description("Install a plugin or compatible bundle from a folder, archive (.zip/.tgz/.tar.gz/.tar), npm-pack:<file.tgz>, npm:<name>[@version|@tag], git:<repo>[@ref], clawhub:<package> or a marketplace (needs Node >= 22.5).")
    .argument("<spec>", "what to install")
    .option("--link", "add a local folder to plugins.load.paths instead of copying it")
    .option("--force", "replace an installed plugin with the same id (not with --link)")
    .option("--pin", "npm only: record the exact resolved name@version")
    .option("--registry <url>", "npm registry (default: npm config)")
    .option("--dangerously-force-unsafe-install", "deprecated; accepted for compatibility, changes nothing (install policy and before_install hooks still decide)")
    .option("--marketplace <source>", "install the plugin entry <spec> of this marketplace (known name, folder or marketplace.json, owner/repo, repository or git URL)")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      "\nAlso: clawhub:<package>[@version|@tag] (ClawHub catalog), <plugin>@<known-marketplace> (~/.claude/plugins/known_marketplaces.json), <plugin> --marketplace <source>.\nLoose .js/.mjs/.cjs/.ts files are not installed: list them in plugins.load.paths.\n\nExamples:\n  openclaw plugins install npm:@acme/weather\n  openclaw plugins install ./weather --link\n  openclaw plugins install git:github.com/acme/weather@v1.2.0\n  openclaw plugins install clawhub:weather\n  openclaw plugins install reviewer --marketplace acme/claude-tools",
    )
    .action(run("plugins install", runPluginsInstall));

  plugins
    .command("update")
    .description("Update an installed plugin (recorded spec, or a new npm spec); skips without downloading when nothing changed.")
    .argument("[target]", "plugin id or npm spec")
    .option("--all", "update every installed plugin")
    .option("--registry <url>", "npm registry (default: npm config)")
    .option("--dangerously-force-unsafe-install", "deprecated; accepted for compatibility, changes nothing (install policy and before_install hooks still decide)")
    .option("--json", "print the result as JSON")
    .action(run("plugins update", runPluginsUpdate));

  plugins
    .command("uninstall")
    .description("Remove a plugin's install record, config entries and (inside the extensions root) its folder.")
    .argument("<id>", "plugin id")
    .option("--keep-files", "keep the plugin folder on disk")
    .option("--keep-config", "deprecated alias of --keep-files")
    .option("--json", "print the result as JSON")
    .action(run("plugins uninstall", runPluginsUninstall));

  for (const command of plugins.commands) {
    command.exitOverride();
    command.addHelpText("after", EXIT_CODES_SHORT);
  }

  doctorOptions(
    program.command("doctor").description("Check the plugin setup (same report as openclaw plugins doctor); --fix repairs what it can."),
  )
    .exitOverride()
    .addHelpText("after", EXIT_CODES_SHORT)
    .action(run("doctor", runPluginsDoctor));

  const gateway = program
    .command("gateway")
    .description("Run the gateway host: the plugin-management REST API (docs/management-api.md).")
    .exitOverride();
  gateway
    .command("run")
    .description("Serve the management API until SIGINT/SIGTERM (loopback by default; a non-loopback --host needs OPENCLAW_API_TOKEN).")
    .option("--port <port>", "TCP port (0 = any free port)", "18789")
    .option("--host <address>", "address to bind", "127.0.0.1")
    .option("--json", "print one JSON line when listening ({ event, url, port }) and one when stopped")
    .addHelpText(
      "after",
      "\nEnvironment:\n  OPENCLAW_API_TOKEN            bearer token clients must send (required off loopback)\n  OPENCLAW_API_ALLOWED_HOSTS    extra Host header names to serve (comma-separated)\n  OPENCLAW_API_ALLOWED_ORIGINS  extra browser origins allowed to call the API (comma-separated)\n  OPENCLAW_PLUGIN_CATALOG       plugin catalog source (URL or file), overrides gateway.pluginCatalog.source",
    )
    .action(run("gateway run", runGatewayRun));
  for (const command of gateway.commands) command.exitOverride();
  return program;
}

/** One line describing any thrown value (never throws itself). */
function oneLine(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return text.split("\n")[0]!.slice(0, 500);
  } catch {
    return "unknown error";
  }
}

/**
 * Whether this run needs the plugin command table: `help` for root help (no arguments, `--help`, `help`), `route`
 * when the first argument is not a core command (it may be a plugin's), nothing for core commands and options.
 *
 * @example
 * ```ts
 * pluginCliPurpose(["plugins", "list"], coreTree(program)); // undefined: no plugin code, no plugin table
 * pluginCliPurpose(["demo-plugin", "ping"], coreTree(program)); // "route"
 * ```
 */
export function pluginCliPurpose(argv: readonly string[], core: { roots: ReadonlySet<string> }): PluginCliPurpose | undefined {
  const first = argv[0];
  if (first === undefined || first === "-h" || first === "--help" || first === "help") return "help";
  if (first.startsWith("-") || core.roots.has(first)) return undefined;
  return "route";
}

/** Diagnostics worth printing for this run: all of them for help or an unknown command; for a routed command, those about its root. */
function relevantDiagnostics(diagnostics: readonly PluginDiagnostic[], purpose: PluginCliPurpose, argv: readonly string[], routed: boolean): PluginDiagnostic[] {
  // Root help, or an argument no plugin owns: everything, so a missing command is explained.
  if (purpose === "help" || !routed) return [...diagnostics];
  const root = argv[0] ?? "";
  return diagnostics.filter((d) => d.path === `cli.${root}` || d.path.startsWith(`cli.${root}.`) || d.code === "cli-plugins-skipped");
}

/**
 * Runs the CLI with `argv` (arguments after the binary name) and returns the exit code; never calls
 * `process.exit`. A plugin-owned command returns its own exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(["plugins", "validate", "."], processIO());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    const core = coreTree(program);
    const purpose = pluginCliPurpose(argv, core);
    if (purpose) {
      const tracer = createLifecycleTracer({ command: "openclaw", env: io.env, stderr: io.stderr });
      const loaded = await tracer.phase("plugin-cli", () => loadPluginCli(io, core, purpose));
      if (tracer.enabled) io.stderr.write(`[openclaw:trace] openclaw plugin-cli commands=${loaded.commands.length} captured=${loaded.captured}\n`);
      const err = createStyler(io.stderr, io.env);
      for (const diagnostic of relevantDiagnostics(loaded.diagnostics, purpose, argv, matchPluginCommand(loaded.commands, argv) !== undefined)) io.stderr.write(`${formatDiagnosticLine(err, diagnostic)}\n`);
      addPluginCommands(program, loaded.commands, async (command) => {
        exitCode = await runPluginCommandChild(io, pluginCommandJob(loaded, command, argv));
      });
    }
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.usage;
    }
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help / --version exit 0; help shown because a sub-command is missing exits as a usage error.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.ok;
      if (error.code === "commander.help") return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      return ExitCode.usage;
    }
    const err = createStyler(io.stderr, io.env);
    if (error instanceof CliError) {
      io.stderr.write(`${err.red("error")} ${error.message}\n`);
      return error.exitCode;
    }
    const debug = io.env.OPENCLAW_PLUGIN_LOAD_DEBUG === "1";
    io.stderr.write(`${err.red("internal error")} ${oneLine(error)} ${err.dim(debug ? "" : "(rerun with OPENCLAW_PLUGIN_LOAD_DEBUG=1 for the stack trace, and please report it)")}\n`);
    if (debug) io.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    return ExitCode.internal;
  } finally {
    await releaseRuntimeChildren();
  }
}
