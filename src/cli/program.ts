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
import { runGatewayRun } from "./commands/gateway-run.js";
import { runPluginsInstall, runPluginsUninstall, runPluginsUpdate } from "./commands/plugins-install.js";
import { runPluginsRegistry } from "./commands/plugins-registry.js";
import { runPluginsSetEnabled } from "./commands/plugins-enable.js";

const EXIT_CODES_HELP = `
Exit codes:
  0  success (doctor: no issues; build --check: metadata up to date)
  1  problems found (validation errors, stale metadata, load errors, doctor findings)
  2  usage error (unknown command/option, missing argument, plugin or folder not found)
  3  internal error (a bug: one line on stderr; set OPENCLAW_PLUGIN_LOAD_DEBUG=1 for the stack trace, and report it)

Environment:
  OPENCLAW_CONFIG_PATH             config file (default: <state dir>/openclaw.json)
  OPENCLAW_STATE_DIR               state directory (default: ~/.openclaw)
  OPENCLAW_PLUGIN_LIFECYCLE_TRACE  1 = print phase timings to stderr
  OPENCLAW_PLUGIN_LOAD_DEBUG       1 = stack traces for internal errors, export shapes for entry errors
  OPENCLAW_NIX_MODE                1 = Nix-managed install: enable/disable (and install/update/uninstall) refuse
  OPENCLAW_STATE_LOCK_TIMEOUT_MS   how long a mutating command waits for another one (default 60000)

A config file that cannot be read or parsed, or whose plugins section has a field of the wrong type (enabled,
allow, deny, load.paths, entries.<id>, slots, timeouts), stops every command that imports plugin code (exit 1)
until it is fixed; doctor shows where.
Plugin code runs in a child process with a time limit (plugins.registerTimeoutMs + 5 s, 30 s by default): a plugin
that exits or hangs is reported as plugin-exited / plugin-load-timeout.
  NO_COLOR / FORCE_COLOR           colour control (colour is used only on a TTY)`;

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
    .option("--force", "write into a folder that is not empty (existing scaffold files are overwritten)")
    .addHelpText("after", "\nExample:\n  openclaw plugins init stock-quotes --name \"Stock Quotes\"\n  cd stock-quotes && npm install && npm run build && npm test")
    .action(run("plugins init", runPluginsInit));

  plugins
    .command("build")
    .description("Write openclaw.plugin.json metadata from the built entry's static tool metadata (refuses a manifest over 256 KiB).")
    .argument("[dir]", "plugin folder (default: current folder)")
    .option("--entry <path>", "built entry to import, inside the plugin folder (default: ./dist/index.js)")
    .option("--check", "rewrite nothing; exit 1 and print what differs when the generated metadata is stale or too large")
    .option("--json", "print the result as JSON")
    .action(run("plugins build", runPluginsBuild));

  plugins
    .command("validate")
    .description("Check the manifest, package metadata, entry exports, id agreement and generated metadata.")
    .argument("[dir]", "plugin folder (default: current folder)")
    .option("--entry <path>", "entry to check (default: the first package.json openclaw.extensions entry)")
    .option("--json", "print the result as JSON")
    .action(run("plugins validate", runPluginsValidate));

  plugins
    .command("inspect")
    .alias("info")
    .description("Show a plugin's manifest and package facts; --runtime loads it and lists what it registers.")
    .argument("[target]", "plugin id (as discovered) or path to a plugin folder")
    .option("--runtime", "import the plugin and run register() to list hooks, tools, commands, routes, …")
    .option("--json", "print one JSON object (diagnostics and traces go to stderr)")
    .option("--all", "table over every discovered plugin")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned (default: current folder)")
    .action(run("plugins inspect", runPluginsInspect));

  plugins
    .command("doctor")
    .description("Report load errors, manifest/discovery diagnostics, compat notices and stale plugin config.")
    .option("--json", "print the report as JSON")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned (default: current folder)")
    .action(run("plugins doctor", runPluginsDoctor));

  plugins
    .command("list")
    .description("List plugins from the plugin index, or from manifests when there is no index.")
    .option("--enabled", "only enabled plugins")
    .option("--verbose", "one detail block per plugin (format, source, origin, version, activation)")
    .option("--json", "machine-readable inventory with dependencyStatus")
    .option("--workspace <dir>", "workspace whose .openclaw/extensions is scanned (default: current folder)")
    .action(run("plugins list", runPluginsList));

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
    .description("Install a plugin from a folder, archive (.zip/.tgz/.tar.gz/.tar), npm-pack:<file.tgz>, npm:<name>[@version|@tag] or git:<repo>[@ref] (needs Node >= 22.5).")
    .argument("<spec>", "what to install")
    .option("--link", "add a local folder to plugins.load.paths instead of copying it")
    .option("--force", "replace an installed plugin with the same id (not with --link)")
    .option("--pin", "npm only: record the exact resolved name@version")
    .option("--registry <url>", "npm registry (default: npm config)")
    .option("--json", "print the result as JSON")
    .addHelpText("after", "\nExamples:\n  openclaw plugins install npm:@acme/weather\n  openclaw plugins install ./weather --link\n  openclaw plugins install git:github.com/acme/weather@v1.2.0")
    .action(run("plugins install", runPluginsInstall));

  plugins
    .command("update")
    .description("Update an installed plugin (recorded spec, or a new npm spec); skips without downloading when nothing changed.")
    .argument("[target]", "plugin id or npm spec")
    .option("--all", "update every installed plugin")
    .option("--registry <url>", "npm registry (default: npm config)")
    .option("--dangerously-force-unsafe-install", "deprecated; changes nothing")
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

  for (const command of plugins.commands) command.exitOverride();

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
 * Runs the CLI with `argv` (arguments after the binary name) and returns the exit code; never calls
 * `process.exit`.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(["plugins", "validate", "."], processIO());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCodeValue> {
  let exitCode: ExitCodeValue = ExitCode.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.usage;
  }
  try {
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
  }
}
