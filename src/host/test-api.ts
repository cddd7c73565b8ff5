/**
 * `createTestPluginApi`: a real registration api (same mode rules and gates as the host) that records everything a
 * plugin registers, for unit-testing `register(api)` without loading a plugin from disk.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { OpenClawPluginApi, PluginLogger } from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime } from "../contract/runtime.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import type { PluginOrigin } from "./contract-gates.js";
import { type HostRuntimeRecorder, createHostRuntime } from "./host-runtime.js";
import { type WorkflowOutbox, createRegistrationApi } from "./registration-api.js";
import type { PluginRegistrations } from "./registry.js";
import { type SessionWorkflowHost, createSessionWorkflowHost } from "./session-workflow.js";
import { shapeOf } from "./classify.js";
import type { PluginCapabilityKind, PluginShape } from "./shapes.js";

/**
 * Options of `createTestPluginApi`.
 *
 * @example
 * ```ts
 * const options: TestPluginApiOptions = { id: "weather", registrationMode: "cli-metadata", origin: "bundled" };
 * ```
 */
export interface TestPluginApiOptions<TConfig = Record<string, unknown>> {
  /** Plugin id. Default `"test-plugin"`. */
  id?: string;
  /** Display name. Default: the id. */
  name?: string;
  /** Registration mode. Default `"full"`. */
  registrationMode?: PluginRegistrationMode;
  /** `api.pluginConfig` (not validated: use `loadPluginForTest` for config validation). Default `{}`. */
  pluginConfig?: TConfig;
  /** `api.config`; `plugins.entries.<id>.hooks` drives the hook policy gates. Default `{}`. */
  config?: OpenClawConfig;
  /** `api.rootDir` (base of `api.resolvePath`). */
  rootDir?: string;
  /** Origin: `bundled` unlocks trusted features. Default `"external"`. */
  origin?: PluginOrigin;
  /** Explicit enablement (needed by agent tool result middleware). Default `false`. */
  enabled?: boolean;
  /**
   * Manifest whose `contracts` / `channels` the gates check. Without one, manifest-based gates
   * (`contracts.tools`, `contracts.agentToolResultMiddleware`) are not enforced; mode rules, hook policy and
   * bundled-only rules always are.
   */
  manifest?: Pick<PluginManifest, "contracts" | "channels"> & Partial<PluginManifest>;
  /** Runtime for runtime modes. Default: the in-process host runtime (see `recorded.runtime`). */
  runtime?: PluginRuntime;
  /** Session workflow state to use (share it with other test apis to model one host). */
  workflow?: SessionWorkflowHost;
}

/**
 * One line the plugin logged through `api.logger`.
 *
 * @example
 * ```ts
 * const lines: RecordedLogLine[] = api.recorded.logs.filter((l) => l.level === "warn");
 * ```
 */
export interface RecordedLogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
}

/**
 * Everything a `TestPluginApi` recorded.
 *
 * @example
 * ```ts
 * const { registrations, diagnostics }: TestPluginRecording = api.recorded;
 * ```
 */
export interface TestPluginRecording {
  /** The plugin id the api was created with. */
  id: string;
  /** The origin the api was created with. */
  origin: PluginOrigin;
  /** Accepted registrations by kind, and `log` with every call (accepted or not). */
  registrations: PluginRegistrations;
  /** Gate, mode and policy diagnostics. */
  diagnostics: PluginDiagnostic[];
  /** Lines logged through `api.logger`. */
  logs: RecordedLogLine[];
  /** Session workflow state the api writes to (injections, run context, lifecycle, discovery). */
  workflow: SessionWorkflowHost;
  /** What the default in-process runtime recorded (system events, heartbeats, config writes). */
  runtime: HostRuntimeRecorder | undefined;
  /** Bundled-only workflow calls (attachments, scheduled turns). */
  outbox: WorkflowOutbox;
  /** Shape and capability kinds from what has been registered so far. */
  shape(): { shape: PluginShape; capabilities: PluginCapabilityKind[] };
}

/**
 * An `OpenClawPluginApi` plus its recording under `recorded`. `TConfig` types `api.pluginConfig`.
 *
 * @example
 * ```ts
 * const api: TestPluginApi = createTestPluginApi({ id: "weather" });
 * ```
 */
export type TestPluginApi<TConfig = Record<string, unknown>> = OpenClawPluginApi<TConfig> & {
  readonly recorded: TestPluginRecording;
};

/**
 * Creates a recording `OpenClawPluginApi`. Pass it to your entry's `register`, then read `api.recorded`.
 *
 * @example
 * ```ts
 * import { createTestPluginApi } from "openclaw/plugin-sdk/plugin-test-api";
 * import entry from "../index.js";
 *
 * const api = createTestPluginApi({ id: "weather", manifest: { contracts: { tools: ["weather_lookup"] } } });
 * entry.register(api);
 * api.recorded.registrations.tools.map((t) => t.names[0]); // ["weather_lookup"]
 * api.recorded.diagnostics; // [] when every registration was accepted
 * ```
 *
 * `TConfig` types `api.pluginConfig`. It defaults to `any` and is never inferred from `options.pluginConfig`, so the
 * api can be passed to any `register(api: OpenClawPluginApi<YourConfig>)`; write `createTestPluginApi<YourConfig>(…)`
 * to have the config type-checked.
 */
export function createTestPluginApi<TConfig = any>(
  options: TestPluginApiOptions<NoInfer<TConfig>> = {},
): TestPluginApi<TConfig> {
  const id = options.id ?? "test-plugin";
  const config = options.config ?? {};
  const logs: RecordedLogLine[] = [];
  const diagnostics: PluginDiagnostic[] = [];
  const workflow = options.workflow ?? createSessionWorkflowHost();
  const hostRuntime = options.runtime ? undefined : createHostRuntime({ config });
  const outbox: WorkflowOutbox = { attachments: [], scheduledTurns: [] };
  const logger: PluginLogger = {
    debug: (message) => logs.push({ level: "debug", message }),
    info: (message) => logs.push({ level: "info", message }),
    warn: (message) => logs.push({ level: "warn", message }),
    error: (message) => logs.push({ level: "error", message }),
  };
  const manifest = options.manifest ? ({ id, configSchema: {}, ...options.manifest } as PluginManifest) : undefined;
  const { api, registrations } = createRegistrationApi({
    pluginId: id,
    name: options.name ?? id,
    source: "<test api>",
    rootDir: options.rootDir,
    config,
    pluginConfig: (options.pluginConfig ?? {}) as Record<string, unknown>,
    mode: options.registrationMode ?? "full",
    origin: options.origin ?? "external",
    explicitlyEnabled: options.enabled ?? config.plugins?.entries?.[id]?.enabled === true,
    manifest,
    enforceManifestContracts: manifest !== undefined,
    runtime: options.runtime ?? (hostRuntime as { runtime: PluginRuntime }).runtime,
    logger,
    workflow,
    diagnostics,
    outbox,
  });
  const recorded: TestPluginRecording = {
    id,
    origin: options.origin ?? "external",
    registrations,
    diagnostics,
    logs,
    workflow,
    runtime: hostRuntime?.recorder,
    outbox,
    shape: () => shapeOf(registrations),
  };
  Object.defineProperty(api, "recorded", { value: recorded, enumerable: false });
  return api as unknown as TestPluginApi<TConfig>;
}
