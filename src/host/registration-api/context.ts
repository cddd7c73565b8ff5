/**
 * The shared state and the small rules every registration family uses: the registration log, the mode gate,
 * invalid-input and deprecation diagnostics, and the generic "simple" registrar.
 */
import type { OpenClawConfig, PluginEntryConfig } from "../../contract/config.js";
import type { PluginRegistrationMode } from "../../contract/registration-mode.js";
import type { PluginDiagnostic } from "../../manifest/diagnostics.js";
import type { GateSubject } from "../contract-gates.js";
import { type RegistrationCategory, describeAcceptedRegistrations, isRegistrationAccepted } from "../modes.js";
import { type PluginRegistrations, createEmptyRegistrations } from "../registry.js";
import type { SessionWorkflowHost } from "../session-workflow.js";
import type { RegistrationApiParams, WorkflowOutbox } from "./params.js";

/**
 * What one plugin's registration families share while its `register(api)` runs.
 *
 * @example
 * ```ts
 * const ctx = createRegistrationContext(params);
 * if (ctx.modeAccepts("registerService", "svc", "service")) ctx.log("registerService", "svc", true);
 * ```
 */
export interface RegistrationContext {
  params: RegistrationApiParams;
  pluginId: string;
  mode: PluginRegistrationMode;
  diagnostics: PluginDiagnostic[];
  workflow: SessionWorkflowHost;
  registrations: PluginRegistrations;
  outbox: WorkflowOutbox;
  subject: GateSubject;
  bundled: boolean;
  enforceContracts: boolean;
  hookPolicy: { allowPromptInjection?: unknown; allowConversationAccess?: unknown };
  /** Appends one entry to the registration log. */
  log(method: string, name: string, accepted: boolean, reason?: string): void;
  /** Records a diagnostic and logs the call as rejected with its code. */
  reject(method: string, name: string, diagnostic: PluginDiagnostic): void;
  /** Rejects with a `registration-invalid` error naming the method, the plugin and the problem. */
  invalid(method: string, name: string, message: string): void;
  /** Mode gate: returns false (after logging an info diagnostic) when the mode does not accept the category. */
  modeAccepts(method: string, name: string, category: RegistrationCategory): boolean;
  /** One `deprecated-api` info diagnostic per alias and plugin. */
  deprecated(alias: string, replacement: string): void;
  /** A registrar that gates by mode, requires an object or function, runs `accept` and logs the outcome. */
  simple<T>(method: string, category: RegistrationCategory, nameOf: (value: T) => string, accept: (value: T) => void): (value: T) => void;
}

/**
 * The plugin's `plugins.entries.<id>` config, if any.
 *
 * @example
 * ```ts
 * entryConfig({ plugins: { entries: { p: { enabled: true } } } }, "p"); // { enabled: true }
 * ```
 */
export function entryConfig(config: OpenClawConfig, pluginId: string): PluginEntryConfig | undefined {
  return config.plugins?.entries?.[pluginId];
}

/**
 * Describes a value for an error message: `null`, `an array`, `an object` or its type and JSON.
 *
 * @example
 * ```ts
 * describeValue(3); // "number 3"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * True for a non-null, non-array object.
 *
 * @example
 * ```ts
 * isRecord({}); // true
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The string `id` of a registration object, or "".
 *
 * @example
 * ```ts
 * idOf({ id: "svc" }); // "svc"
 * ```
 */
export function idOf(value: unknown): string {
  return isRecord(value) && typeof value.id === "string" ? value.id : "";
}

/**
 * Creates the shared context of one plugin's registration API.
 *
 * @example
 * ```ts
 * const ctx = createRegistrationContext(params);
 * ctx.invalid("registerTool", "x", "a tool needs a name");
 * ```
 */
export function createRegistrationContext(params: RegistrationApiParams): RegistrationContext {
  const { pluginId, mode, diagnostics, workflow } = params;
  const registrations = params.registrations ?? createEmptyRegistrations();
  const outbox: WorkflowOutbox = params.outbox ?? { attachments: [], scheduledTurns: [] };
  const subject: GateSubject = {
    pluginId,
    origin: params.origin,
    explicitlyEnabled: params.explicitlyEnabled,
    contracts: params.manifest?.contracts,
    manifestFile: params.manifestFile,
  };
  const hookPolicy = (entryConfig(params.config, pluginId)?.hooks ?? {}) as {
    allowPromptInjection?: unknown;
    allowConversationAccess?: unknown;
  };
  const warnedDeprecated = new Set<string>();

  const log = (method: string, name: string, accepted: boolean, reason?: string) => {
    registrations.log.push({ method, name, accepted, ...(reason ? { reason } : {}) });
  };
  const reject = (method: string, name: string, diagnostic: PluginDiagnostic) => {
    diagnostics.push(diagnostic);
    log(method, name, false, diagnostic.code);
  };
  const invalid = (method: string, name: string, message: string) =>
    reject(method, name, { level: "error", code: "registration-invalid", path: method, message: `${method} from plugin "${pluginId}": ${message}. The registration was ignored.` });
  const modeAccepts = (method: string, name: string, category: RegistrationCategory): boolean => {
    if (isRegistrationAccepted(mode, category)) return true;
    reject(method, name, {
      level: "info",
      code: "registration-skipped-for-mode",
      path: method,
      message: `${method}(${name ? JSON.stringify(name) : ""}) from plugin "${pluginId}" was skipped: ${mode} mode accepts only ${describeAcceptedRegistrations(mode)} registrations.`,
    });
    return false;
  };
  const deprecated = (alias: string, replacement: string) => {
    if (warnedDeprecated.has(alias)) return;
    warnedDeprecated.add(alias);
    diagnostics.push({
      level: "info",
      code: "deprecated-api",
      path: `api.${alias}`,
      message: `api.${alias} is a deprecated compatibility alias; use api.${replacement} in new code.`,
    });
  };
  const simple = <T>(method: string, category: RegistrationCategory, nameOf: (value: T) => string, accept: (value: T) => void) =>
    (value: T) => {
      const name = nameOf(value);
      if (!modeAccepts(method, name, category)) return;
      if (!isRecord(value) && typeof value !== "function") {
        invalid(method, name, `expected an object, got ${describeValue(value)}`);
        return;
      }
      try {
        accept(value);
      } catch (error) {
        invalid(method, name, (error as Error).message);
        return;
      }
      log(method, name, true);
    };

  return {
    params,
    pluginId,
    mode,
    diagnostics,
    workflow,
    registrations,
    outbox,
    subject,
    bundled: params.origin === "bundled",
    enforceContracts: params.enforceManifestContracts ?? true,
    hookPolicy,
    log,
    reject,
    invalid,
    modeAccepts,
    deprecated,
    simple,
  };
}
