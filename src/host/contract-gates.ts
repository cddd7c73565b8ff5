/**
 * Contract gates: checks that decide whether one registration is accepted. Each rejection is returned as a
 * diagnostic naming the registration, the manifest field involved and what to do — a gate never drops anything
 * silently.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifestContracts } from "../manifest/plugin-manifest-schema.js";

/**
 * Where a plugin comes from. Only `bundled` plugins (shipped with the gateway) may use the trusted features;
 * every other origin is treated as external.
 *
 * @example
 * ```ts
 * const origin: PluginOrigin = "external";
 * ```
 */
export type PluginOrigin = "bundled" | "external" | "workspace" | "global" | "config" | "path";

/**
 * What the gates need to know about the registering plugin.
 *
 * @example
 * ```ts
 * const subject: GateSubject = { pluginId: "p", origin: "external", explicitlyEnabled: false, contracts: { tools: ["a"] } };
 * ```
 */
export interface GateSubject {
  pluginId: string;
  origin: PluginOrigin;
  /** `plugins.entries.<id>.enabled === true` (not merely enabled by default). */
  explicitlyEnabled: boolean;
  /** The manifest `contracts` object (undefined when the manifest has none). */
  contracts: PluginManifestContracts | undefined;
  /** The manifest file, for diagnostics. */
  manifestFile?: string | undefined;
}

/**
 * Command names owned by built-in gateway commands; only bundled plugins may register them.
 *
 * @example
 * ```ts
 * RESERVED_COMMAND_NAMES.has("reset"); // true
 * ```
 */
export const RESERVED_COMMAND_NAMES: ReadonlySet<string> = new Set([
  "help",
  "commands",
  "status",
  "diagnostics",
  "codex",
  "whoami",
  "context",
  "btw",
  "stop",
  "restart",
  "reset",
  "new",
  "compact",
  "config",
  "debug",
  "allowlist",
  "activation",
  "skill",
  "learn",
  "loop",
  "subagents",
  "kill",
  "steer",
  "tell",
  "model",
  "models",
  "queue",
  "send",
  "bash",
  "exec",
  "think",
  "verbose",
  "reasoning",
  "elevated",
  "usage",
]);

/**
 * Features only bundled plugins may use, with the method a plugin calls.
 *
 * @example
 * ```ts
 * const feature: BundledOnlyFeature = "registerTrustedToolPolicy";
 * ```
 */
export type BundledOnlyFeature =
  | "registerTrustedToolPolicy"
  | "sendSessionAttachment"
  | "scheduleSessionTurn"
  | "unscheduleSessionTurnsByTag";

const BUNDLED_ONLY_ADVICE: Record<BundledOnlyFeature, string> = {
  registerTrustedToolPolicy:
    'trusted tool policies take part in host security policy. Use api.on("before_tool_call", …) to block or rewrite tool calls instead.',
  sendSessionAttachment:
    "attachments are delivered by the host on bundled channel routes only. Return the file from a tool result or a command reply instead.",
  scheduleSessionTurn:
    "scheduled session turns run through the gateway cron scheduler. Use api.session.workflow.registerSessionSchedulerJob(…) to describe your own scheduler instead.",
  unscheduleSessionTurnsByTag: "scheduled session turns are bundled-only, so there is nothing to unschedule.",
};

function isBundled(subject: GateSubject): boolean {
  return subject.origin === "bundled";
}

function manifestName(subject: GateSubject): string {
  return subject.manifestFile ?? "openclaw.plugin.json";
}

/**
 * Tools need their names listed in the manifest's `contracts.tools`. Returns one error diagnostic per unlisted name.
 *
 * @example
 * ```ts
 * checkToolContract({ pluginId: "p", origin: "external", explicitlyEnabled: false, contracts: { tools: ["a"] } }, ["a", "b"]);
 * // [{ level: "error", code: "contract-tools-undeclared", path: "contracts.tools", … "b" … }]
 * ```
 */
export function checkToolContract(subject: GateSubject, toolNames: readonly string[]): PluginDiagnostic[] {
  const declared = subject.contracts?.tools ?? [];
  const diagnostics: PluginDiagnostic[] = [];
  for (const name of toolNames) {
    if (declared.includes(name)) continue;
    const listed = declared.length > 0 ? `it lists ${JSON.stringify(declared)}` : "it lists no tools";
    diagnostics.push({
      level: "error",
      code: "contract-tools-undeclared",
      path: "contracts.tools",
      file: manifestName(subject),
      message: `plugin must declare contracts.tools before registering agent tools: tool "${name}" of plugin "${subject.pluginId}" is not listed in ${manifestName(subject)} contracts.tools (${listed}). Add "${name}" to contracts.tools; the tool was not registered.`,
    });
  }
  return diagnostics;
}

/**
 * `registerAgentToolResultMiddleware` needs `contracts.agentToolResultMiddleware` to list every target runtime and
 * the plugin to be explicitly enabled (`plugins.entries.<id>.enabled: true`).
 *
 * @example
 * ```ts
 * checkToolResultMiddlewareContract(
 *   { pluginId: "p", origin: "bundled", explicitlyEnabled: true, contracts: { agentToolResultMiddleware: ["pi"] } },
 *   ["pi", "codex"],
 * ); // one error naming "codex"
 * ```
 */
export function checkToolResultMiddlewareContract(subject: GateSubject, runtimes: readonly string[]): PluginDiagnostic[] {
  const diagnostics: PluginDiagnostic[] = [];
  const declared = subject.contracts?.agentToolResultMiddleware ?? [];
  if (runtimes.length === 0) {
    diagnostics.push({
      level: "error",
      code: "contract-tool-result-middleware-runtimes",
      path: "contracts.agentToolResultMiddleware",
      message: `registerAgentToolResultMiddleware from plugin "${subject.pluginId}" names no runtime. Pass { runtimes: ["pi", …] } and list the same runtimes in contracts.agentToolResultMiddleware; the middleware was not registered.`,
    });
  }
  for (const runtime of runtimes) {
    if (declared.includes(runtime)) continue;
    diagnostics.push({
      level: "error",
      code: "contract-tool-result-middleware-undeclared",
      path: "contracts.agentToolResultMiddleware",
      file: manifestName(subject),
      message: `plugin "${subject.pluginId}" registers agent tool result middleware for runtime "${runtime}" but ${manifestName(subject)} contracts.agentToolResultMiddleware does not list it (${JSON.stringify(declared)}). Add "${runtime}"; the middleware was not registered.`,
    });
  }
  if (!subject.explicitlyEnabled) {
    diagnostics.push({
      level: "error",
      code: "contract-tool-result-middleware-not-enabled",
      path: `plugins.entries.${subject.pluginId}.enabled`,
      message: `agent tool result middleware from plugin "${subject.pluginId}" requires the plugin to be explicitly enabled. Set plugins.entries.${subject.pluginId}.enabled to true; the middleware was not registered.`,
    });
  }
  return diagnostics;
}

/**
 * Rejects a bundled-only feature for a non-bundled plugin.
 *
 * @example
 * ```ts
 * checkBundledOnly({ pluginId: "p", origin: "external", explicitlyEnabled: true, contracts: undefined }, "registerTrustedToolPolicy");
 * // { level: "error", code: "bundled-only", … }
 * ```
 */
export function checkBundledOnly(subject: GateSubject, feature: BundledOnlyFeature): PluginDiagnostic | undefined {
  if (isBundled(subject)) return undefined;
  return {
    level: "error",
    code: "bundled-only",
    path: feature,
    message: `${feature} is only available to bundled plugins; plugin "${subject.pluginId}" has origin "${subject.origin}" and was rejected: ${BUNDLED_ONLY_ADVICE[feature]}`,
  };
}

/**
 * Validates a command name: it must be a valid name and, unless the plugin is bundled, not a reserved one.
 *
 * @example
 * ```ts
 * checkCommandName({ pluginId: "p", origin: "external", explicitlyEnabled: false, contracts: undefined }, "reset");
 * // error: "reset" is reserved
 * ```
 */
export function checkCommandName(subject: GateSubject, rawName: unknown): PluginDiagnostic | undefined {
  const name = typeof rawName === "string" ? rawName.trim().replace(/^\//, "").toLowerCase() : "";
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) {
    return {
      level: "error",
      code: "command-name-invalid",
      path: "registerCommand.name",
      message: `command name ${JSON.stringify(rawName)} of plugin "${subject.pluginId}" is invalid: it must start with a letter and contain only letters, digits, "-" and "_". The command was not registered.`,
    };
  }
  if (RESERVED_COMMAND_NAMES.has(name) && !isBundled(subject)) {
    return {
      level: "error",
      code: "command-name-reserved",
      path: "registerCommand.name",
      message: `command name "${name}" is reserved for built-in commands and bundled plugins; plugin "${subject.pluginId}" (origin "${subject.origin}") cannot register it. Pick your own name (e.g. "${subject.pluginId}-${name}") or an alias.`,
    };
  }
  return undefined;
}
