/**
 * `openclaw gateway run [--port <n>] [--host <address>] [--json]`: serves the plugin-management REST API (docs/
 * management-api.md) until SIGINT or SIGTERM, then stops cleanly (in-flight config writes and installs finish first).
 * The server lives in `src/server` and is imported only here, lazily, so other commands never load it.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eprintln, println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { cliPackageVersion } from "../version.js";

type GatewayModule = typeof import("../../server/gateway.js");

/**
 * The server module: `dist/cli/gateway.js` beside the built CLI (its own tsup entry, so other commands never parse the
 * HTTP framework), else — running from source under tsx/vitest — `src/server/gateway.ts`. The specifiers are computed
 * on purpose: the bundler must not inline the server into the CLI file.
 */
async function loadGatewayModule(): Promise<GatewayModule> {
  const built = new URL("./gateway.js", import.meta.url);
  if (import.meta.url.endsWith("/dist/cli/openclaw.js") && existsSync(fileURLToPath(built))) return (await import(built.href)) as GatewayModule;
  const source = new URL("../../server/gateway.js", import.meta.url);
  return (await import(source.href)) as GatewayModule;
}

/** Options of `gateway run`. */
export interface GatewayRunOptions {
  port?: string;
  host?: string;
  json?: boolean;
}

/**
 * Runs the gateway until a stop signal; resolves with the exit code.
 *
 * @example
 * ```ts
 * const code = await runGatewayRun(ctx, { port: "0", json: true });
 * ```
 */
export async function runGatewayRun(ctx: CommandContext, options: GatewayRunOptions): Promise<ExitCodeValue> {
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new CliError(`--port must be an integer from 0 to 65535 (0 = any free port), got "${options.port}"`, ExitCode.usage);
  }
  const { startGateway, GatewayStartError } = await loadGatewayModule();
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    gateway = await startGateway({
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(port !== undefined ? { port } : {}),
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      version: cliPackageVersion(),
      log: (text) => ctx.io.stderr.write(text),
    });
  } catch (error) {
    if (error instanceof GatewayStartError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
  if (options.json) println(ctx, JSON.stringify({ event: "listening", url: gateway.url, host: gateway.host, port: gateway.port, pid: process.pid }));
  else println(ctx, `openclaw gateway: control page on ${gateway.url}/, management API on ${gateway.url}/api (OpenAPI: ${gateway.url}/api/openapi.json); Ctrl-C stops it`);
  // The handlers stay registered until the gateway is closed: a library hooked on exit signals (write-file-atomic's
  // signal-exit) re-raises a signal when it is the only listener left, which would kill the in-flight writes.
  let received: NodeJS.Signals | undefined;
  let wake: ((name: NodeJS.Signals) => void) | undefined;
  const onSignal = (name: NodeJS.Signals): void => {
    if (received) {
      eprintln(ctx, `openclaw gateway: ${name} again: still finishing in-flight requests`);
      return;
    }
    received = name;
    wake?.(name);
  };
  const onInt = () => onSignal("SIGINT");
  const onTerm = () => onSignal("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    wake = resolve;
  });
  eprintln(ctx, `openclaw gateway: ${signal}: finishing in-flight requests and stopping`);
  try {
    await gateway.close();
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }
  if (options.json) println(ctx, JSON.stringify({ event: "stopped", signal }));
  return ExitCode.ok;
}
