/**
 * The inputs of `createRegistrationApi` and the outbox of bundled-only workflow calls (types only).
 */
import type { OpenClawConfig } from "../../contract/config.js";
import type { PluginLogger, PluginScheduledSessionTurn, PluginSessionAttachment } from "../../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../../contract/registration-mode.js";
import type { PluginRuntime } from "../../contract/runtime.js";
import type { PluginDiagnostic } from "../../manifest/diagnostics.js";
import type { PluginManifest } from "../../manifest/plugin-manifest-schema.js";
import type { PluginOrigin } from "../contract-gates.js";
import type { PluginRegistrations } from "../registry.js";
import type { SessionWorkflowHost } from "../session-workflow.js";

/**
 * Extra records of bundled-only workflow calls made through the in-process host.
 *
 * @example
 * ```ts
 * const outbox: WorkflowOutbox = { attachments: [], scheduledTurns: [] };
 * ```
 */
export interface WorkflowOutbox {
  attachments: Array<{ pluginId: string; attachment: PluginSessionAttachment }>;
  scheduledTurns: Array<{ pluginId: string; jobId: string; turn: PluginScheduledSessionTurn }>;
}

/**
 * Inputs of `createRegistrationApi`.
 *
 * @example
 * ```ts
 * const { api } = createRegistrationApi(params satisfies RegistrationApiParams);
 * ```
 */
export interface RegistrationApiParams {
  pluginId: string;
  name: string;
  version?: string | undefined;
  description?: string | undefined;
  /** Entry file (or a label for an in-memory entry). */
  source: string;
  rootDir?: string | undefined;
  config: OpenClawConfig;
  pluginConfig: Record<string, unknown>;
  mode: PluginRegistrationMode;
  origin: PluginOrigin;
  /** `plugins.entries.<id>.enabled === true` or an explicit enable by the caller. */
  explicitlyEnabled: boolean;
  manifest?: PluginManifest | undefined;
  manifestFile?: string | undefined;
  /**
   * Enforce manifest-based contract gates (`contracts.tools`, `contracts.agentToolResultMiddleware`) even without a
   * manifest. The loader always enforces them; `createTestPluginApi` only when given a manifest. Default true.
   */
  enforceManifestContracts?: boolean;
  /** The runtime for runtime modes; replaced by a throwing one in `cli-metadata` / `setup-only`. */
  runtime: PluginRuntime;
  logger: PluginLogger;
  workflow: SessionWorkflowHost;
  /** Where diagnostics go (the loader's list for this plugin). */
  diagnostics: PluginDiagnostic[];
  /** Where registrations go. Default: a fresh object. */
  registrations?: PluginRegistrations;
  outbox?: WorkflowOutbox;
}
