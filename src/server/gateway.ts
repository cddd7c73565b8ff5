/**
 * `openclaw gateway run`: builds the server's parts, starts the plugin runtime, listens, and stops cleanly. Binding a
 * non-loopback address without `OPENCLAW_API_TOKEN` is refused. A fresh state directory needs no setup: the config
 * file is created on the first write, the catalog cache on the first refresh.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Context } from "hono";
import { resolveOpenClawPaths } from "../discovery/state-paths.js";
import type { PluginInstallRecord } from "../state/install-record.js";
import { createManagementApp } from "./app.js";
import { createConfigStore } from "./config-store.js";
import type { ServerDeps } from "./deps.js";
import { createEjectService } from "./eject-service.js";
import { createEventBus } from "./events.js";
import { createInstallTracker } from "./install-service.js";
import { createPluginRuntime } from "./plugin-runtime.js";
import { createPluginState, runtimeSpecs } from "./plugin-state.js";
import { createRegistryCatalog } from "./registry-catalog.js";
import { isLoopbackHost } from "./security.js";
import { dirname } from "node:path";

/** Default port of `gateway run`. */
export const DEFAULT_GATEWAY_PORT = 18789;

/** Options of {@link startGateway}. */
export interface StartGatewayOptions {
  host?: string;
  /** 0 = any free port. */
  port?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
  version: string;
  /** Server log (plugin output, internal errors). */
  log: (text: string) => void;
}

/** A running gateway. */
export interface RunningGateway {
  url: string;
  host: string;
  port: number;
  /** Stops accepting, finishes in-flight writes and installs, ends event streams, stops the plugin runtime. */
  close(): Promise<void>;
}

/** Why `gateway run` refuses to start (exit code 2). */
export class GatewayStartError extends Error {
  override name = "GatewayStartError";
}

/**
 * Starts the gateway's management API.
 *
 * @example
 * ```ts
 * const gateway = await startGateway({ port: 0, env: process.env, cwd: process.cwd(), version: "1.0.0", log: (t) => process.stderr.write(t) });
 * console.log(gateway.url);
 * await gateway.close();
 * ```
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const host = options.host ?? "127.0.0.1";
  const token = options.env.OPENCLAW_API_TOKEN?.trim() || undefined;
  if (!isLoopbackHost(host) && !token) {
    throw new GatewayStartError(
      `refusing to serve the management API on ${host} (not a loopback address) without a token: set OPENCLAW_API_TOKEN to a long random secret, or bind to 127.0.0.1`,
    );
  }
  const { sqliteSupport } = await import("../state/sqlite.js");
  const sqlite = sqliteSupport();
  if (!sqlite.ok) {
    throw new GatewayStartError(
      `gateway run needs Node 22.5 or newer (node:sqlite holds the plugin index); this is Node ${sqlite.nodeVersion}. Run it with Node 24 (nvm install 24); the SDK subpaths keep working on Node 20.`,
    );
  }
  const paths = resolveOpenClawPaths({ env: options.env, cwd: options.cwd });
  const { createIndexInstaller } = await import("./installer-adapter.js");
  const { installer, configWriter, close: closeIndex } = await createIndexInstaller({ paths, env: options.env, cwd: options.cwd, version: options.version, log: options.log });
  const store = createConfigStore({ configPath: paths.configPath, writer: configWriter });
  const bus = createEventBus();
  const runtime = createPluginRuntime({ env: options.env, cwd: options.cwd, log: options.log });
  const state = createPluginState({ env: options.env, cwd: options.cwd, runtime, bus, records: () => installer.records() });
  const installs = createInstallTracker(bus);
  const ejects = createEjectService({ stateDir: paths.stateDir, store, installer, bus, env: options.env });
  const catalog = createRegistryCatalog({
    stateDir: paths.stateDir,
    track: store.track,
    source: async () => {
      const fromEnv = options.env.OPENCLAW_PLUGIN_CATALOG?.trim();
      if (fromEnv) return { value: fromEnv, baseDir: options.cwd };
      const raw = (await store.read()).raw;
      const gateway = typeof raw.gateway === "object" && raw.gateway !== null ? (raw.gateway as Record<string, unknown>) : {};
      const section = typeof gateway.pluginCatalog === "object" && gateway.pluginCatalog !== null ? (gateway.pluginCatalog as Record<string, unknown>) : {};
      return typeof section.source === "string" && section.source.trim() ? { value: section.source.trim(), baseDir: dirname(paths.configPath) } : undefined;
    },
  });
  const shutdownCallbacks = new Set<() => void>();
  const applyRestart = async (): Promise<void> => {
    bus.clearRestart();
    state.invalidate();
    await runtime.restart(runtimeSpecs(await state.snapshot()));
    state.invalidate();
    bus.emit({ type: "runtime-restarted", data: { generation: runtime.status().generation } });
  };
  const deps: ServerDeps = {
    env: options.env,
    paths,
    bindHost: host,
    token,
    version: options.version,
    store,
    runtime,
    state,
    bus,
    installer,
    installs,
    ejects,
    catalog,
    applyRestart,
    onShutdown(callback) {
      shutdownCallbacks.add(callback);
      return () => shutdownCallbacks.delete(callback);
    },
    remoteAddress: (c: Context) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress,
    log: options.log,
  };
  const app = await createManagementApp(deps);
  const { createAdaptorServer } = await import("@hono/node-server");
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.requestTimeout = 130_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new GatewayStartError(`cannot listen on ${host}:${options.port ?? DEFAULT_GATEWAY_PORT}: ${error.code ?? ""} ${error.message}`.replace(/\s+/g, " "))),
    );
    server.listen(options.port ?? DEFAULT_GATEWAY_PORT, host, () => resolve());
  });
  // Load the enabled plugins in the background; `runtime.state` says `loading` until done.
  void applyRestart().catch((error) => options.log(`plugin runtime failed to start: ${error instanceof Error ? error.message : String(error)}\n`));
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        for (const callback of [...shutdownCallbacks]) callback();
        // In-flight requests finish (their config writes and installs complete), then the sockets go.
        await installs.idle();
        await store.idle();
        const grace = setTimeout(() => server.closeAllConnections(), 5_000);
        await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5_500))]);
        clearTimeout(grace);
        server.closeAllConnections();
        await runtime.close();
        closeIndex();
      })();
      return closing;
    },
  };
}
