/**
 * Everything the route handlers need, built once by `gateway.ts` (and by tests with their own parts).
 */
import type { Context } from "hono";
import type { OpenClawPaths } from "../discovery/state-paths.js";
import type { ConfigStore } from "./config-store.js";
import type { EjectService } from "./eject-service.js";
import type { EventBus } from "./events.js";
import type { InstallerPort, InstallTracker } from "./install-service.js";
import type { PluginRuntime } from "./plugin-runtime.js";
import type { PluginState } from "./plugin-state.js";
import type { RegistryCatalog } from "./registry-catalog.js";

/**
 * The server's parts.
 *
 * @example
 * ```ts
 * const app = await createManagementApp(deps);
 * ```
 */
export interface ServerDeps {
  env: NodeJS.ProcessEnv;
  paths: OpenClawPaths;
  /** Address the server is bound to (for the Host allow-list). */
  bindHost: string;
  /** `OPENCLAW_API_TOKEN`, when set. */
  token: string | undefined;
  version: string;
  store: ConfigStore;
  runtime: PluginRuntime;
  state: PluginState;
  bus: EventBus;
  installer: InstallerPort;
  installs: InstallTracker;
  ejects: EjectService;
  catalog: RegistryCatalog;
  /** Restarts the plugin runtime with the current enabled plugins and clears the pending restart. */
  applyRestart(): Promise<void>;
  /** Registers a callback run when the server shuts down; returns its remover. */
  onShutdown(callback: () => void): () => void;
  remoteAddress(c: Context): string | undefined;
  log(text: string): void;
  /** Folder of the built control page (default: `dist/ui` of the openclaw package). */
  controlPageDir?: string;
}
