/**
 * Builds the `OpenClawPluginApi` a plugin's `register(api)` receives. Every call is checked against the
 * registration mode and the contract gates, recorded in the plugin's registrations when accepted, logged either
 * way, and explained by a diagnostic when it is skipped or rejected.
 */
import type { OpenClawConfig, PluginEntryConfig } from "../contract/config.js";
import type { ChannelPlugin } from "../contract/channel.js";
import type { PluginHookName, PluginHookOptions, PluginJsonValue } from "../contract/hook-types.js";
import type {
  OpenClawPluginApi,
  OpenClawPluginApiBase,
  OpenClawPluginChannelRegistration,
  PluginLogger,
  PluginScheduledSessionTurn,
  PluginSessionAttachment,
} from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime } from "../contract/runtime.js";
import { HOOK_SEMANTICS, KNOWN_HOOK_NAMES, isKnownHookName } from "../hooks/hook-semantics.js";
import { normalizeAgentPromptGuidance } from "../entry/agent-prompt-guidance.js";
import { resolveGatewayMethodScope } from "../entry/gateway-scope.js";
import { createUnavailablePluginRuntime } from "../entry/runtime-availability.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { closestMatch } from "../manifest/paths.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import {
  type GateSubject,
  type PluginOrigin,
  checkBundledOnly,
  checkCommandName,
  checkToolContract,
  checkToolResultMiddlewareContract,
} from "./contract-gates.js";
import {
  type RegistrationCategory,
  describeAcceptedRegistrations,
  isRegistrationAccepted,
  isRuntimeAvailable,
} from "./modes.js";
import { type PluginRegistrations, createEmptyRegistrations, nextRegistrationOrder } from "./registry.js";
import { resolvePluginPath } from "./resolve-plugin-path.js";
import type { SessionWorkflowHost } from "./session-workflow.js";
import { CAPABILITY_METHODS, type PluginCapabilityKind } from "./shapes.js";

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

function entryConfig(config: OpenClawConfig, pluginId: string): PluginEntryConfig | undefined {
  return config.plugins?.entries?.[pluginId];
}

function positiveTimeout(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.min(value, 600_000) : undefined;
}

/**
 * Effective per-handler timeout: `plugins.entries.<id>.hooks.timeouts.<hook>` > `hooks.timeoutMs` > the plugin's
 * `opts.timeoutMs` (the hook's default applies when all are absent).
 *
 * @example
 * ```ts
 * resolveHookTimeout({ plugins: { entries: { p: { hooks: { timeoutMs: 9000 } } } } }, "p", "agent_end", 100); // 9000
 * ```
 */
export function resolveHookTimeout(
  config: OpenClawConfig,
  pluginId: string,
  hookName: PluginHookName,
  authored: number | undefined,
): number | undefined {
  const hooks = entryConfig(config, pluginId)?.hooks as Record<string, unknown> | undefined;
  const perHook = (hooks?.timeouts as Record<string, unknown> | undefined)?.[hookName];
  return positiveTimeout(perHook) ?? positiveTimeout(hooks?.timeoutMs) ?? positiveTimeout(authored);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Creates the registration API for one plugin.
 *
 * @example
 * ```ts
 * const diagnostics: PluginDiagnostic[] = [];
 * const { api, registrations } = createRegistrationApi({
 *   pluginId: "demo", name: "Demo", source: "demo", config: {}, pluginConfig: {}, mode: "full",
 *   origin: "external", explicitlyEnabled: false, runtime, logger: console, workflow: createSessionWorkflowHost(),
 *   diagnostics,
 * });
 * api.on("agent_end", () => {});
 * registrations.hooks.length; // 1
 * ```
 */
export function createRegistrationApi(params: RegistrationApiParams): {
  api: OpenClawPluginApi;
  registrations: PluginRegistrations;
} {
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
  const bundled = params.origin === "bundled";
  const enforceContracts = params.enforceManifestContracts ?? true;
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
  /** Mode gate: returns false (after logging an info diagnostic) when the mode does not accept the category. */
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

  const registerCapability = (method: keyof typeof CAPABILITY_METHODS, value: unknown, explicitId?: string) => {
    const kind: PluginCapabilityKind = CAPABILITY_METHODS[method];
    const id = explicitId ?? (isRecord(value) && typeof value.id === "string" ? value.id : "");
    if (!modeAccepts(method, id, "capability")) return;
    if (!isRecord(value) && typeof value !== "function") {
      invalid(method, id, `expected an object, got ${describeValue(value)}`);
      return;
    }
    registrations.providers.push({ pluginId, kind, method, id, value });
    log(method, id, true);
  };

  const registerChannel = (registration: OpenClawPluginChannelRegistration | ChannelPlugin) => {
    const plugin = (isRecord(registration) && isRecord((registration as OpenClawPluginChannelRegistration).plugin)
      ? (registration as OpenClawPluginChannelRegistration).plugin
      : registration) as ChannelPlugin;
    const id = isRecord(plugin) && typeof plugin.id === "string" ? plugin.id : "";
    if (!modeAccepts("registerChannel", id, "channel")) return;
    if (!id) {
      invalid("registerChannel", id, "the channel plugin needs a string id");
      return;
    }
    const declared = params.manifest?.channels;
    if (params.manifest && !(declared ?? []).includes(id)) {
      diagnostics.push({
        level: "warning",
        code: "channel-undeclared",
        path: "channels",
        file: params.manifestFile,
        message: `plugin "${pluginId}" registers channel "${id}" but the manifest channels list does not include it; channels.${id} config will be rejected until you add "${id}" to "channels".`,
      } as PluginDiagnostic);
    }
    registrations.channels.push({ pluginId, id, plugin });
    log("registerChannel", id, true);
  };

  const on = (hookName: string, handler: unknown, opts?: PluginHookOptions) => {
    const method = "on";
    if (!modeAccepts(method, hookName, "hook")) return;
    if (!isKnownHookName(hookName)) {
      const suggestion = closestMatch(String(hookName), KNOWN_HOOK_NAMES);
      reject(method, String(hookName), {
        level: "warning",
        code: "unknown-hook-name",
        path: "on",
        message: `unknown hook name ${JSON.stringify(hookName)} from plugin "${pluginId}" was ignored.${suggestion ? ` Did you mean "${suggestion}"?` : " See PluginHookName for the typed hook names."}`,
      });
      return;
    }
    if (typeof handler !== "function") {
      invalid(method, hookName, `the handler for "${hookName}" must be a function, got ${describeValue(handler)}`);
      return;
    }
    const semantics = HOOK_SEMANTICS[hookName];
    if (semantics.promptMutating && hookPolicy.allowPromptInjection === false) {
      reject(method, hookName, {
        level: "warning",
        code: "hook-prompt-injection-disabled",
        path: `plugins.entries.${pluginId}.hooks.allowPromptInjection`,
        message: `hook "${hookName}" of plugin "${pluginId}" was not registered: it mutates prompts and plugins.entries.${pluginId}.hooks.allowPromptInjection is false.`,
      });
      return;
    }
    const conversationAllowed = bundled
      ? hookPolicy.allowConversationAccess !== false
      : hookPolicy.allowConversationAccess === true;
    if (semantics.conversation && !conversationAllowed) {
      reject(method, hookName, {
        level: "warning",
        code: "hook-conversation-access-required",
        path: `plugins.entries.${pluginId}.hooks.allowConversationAccess`,
        message: bundled
          ? `conversation hook "${hookName}" of bundled plugin "${pluginId}" was not registered: plugins.entries.${pluginId}.hooks.allowConversationAccess is false.`
          : `conversation hook "${hookName}" of plugin "${pluginId}" was not registered: non-bundled plugins need plugins.entries.${pluginId}.hooks.allowConversationAccess set to true (under "hooks", not the plugin's "config").`,
      });
      return;
    }
    const options: PluginHookOptions = isRecord(opts) ? (opts as PluginHookOptions) : {};
    const matcher = options.matcher;
    if (matcher !== undefined) {
      const valid =
        typeof matcher === "function" ||
        (typeof matcher === "string" && matcher.trim() !== "" && matcher !== "*") ||
        (Array.isArray(matcher) && matcher.length > 0 && matcher.every((m) => typeof m === "string" && m.trim() !== "" && m !== "*"));
      if (!valid) {
        invalid(method, hookName, `matcher must be a tool name, a non-empty list of tool names (no wildcards) or a predicate; got ${describeValue(matcher)}`);
        return;
      }
    }
    if (semantics.kind === "sync-modify" && (handler as { constructor?: { name?: string } }).constructor?.name === "AsyncFunction") {
      diagnostics.push({
        level: "warning",
        code: "hook-sync-handler-async",
        path: "on",
        message: `hook "${hookName}" of plugin "${pluginId}" is synchronous but the handler is async: its result will be ignored. Return the result directly.`,
      });
    }
    const timeoutMs = resolveHookTimeout(params.config, pluginId, hookName, options.timeoutMs);
    registrations.hooks.push({
      pluginId,
      hookName,
      priority: typeof options.priority === "number" && Number.isFinite(options.priority) ? options.priority : 0,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      order: nextRegistrationOrder(),
      handler: handler as (event: never, ctx: never) => unknown,
      options,
    });
    log(method, hookName, true);
  };

  const enqueueNextTurnInjection: OpenClawPluginApi["session"]["workflow"]["enqueueNextTurnInjection"] = async (injection) => {
    const method = "session.workflow.enqueueNextTurnInjection";
    const key = isRecord(injection) && typeof injection.sessionKey === "string" ? injection.sessionKey : "";
    if (!modeAccepts(method, key, "workflow")) return { enqueued: false };
    if (hookPolicy.allowPromptInjection === false) {
      reject(method, key, {
        level: "warning",
        code: "hook-prompt-injection-disabled",
        path: `plugins.entries.${pluginId}.hooks.allowPromptInjection`,
        message: `next-turn injection from plugin "${pluginId}" was dropped: plugins.entries.${pluginId}.hooks.allowPromptInjection is false.`,
      });
      return { enqueued: false };
    }
    const result = workflow.enqueueNextTurnInjection(pluginId, injection);
    log(method, key, result.enqueued, result.enqueued ? undefined : "duplicate-injection-key");
    return result;
  };

  const bundledOnlyCall = <T>(feature: "sendSessionAttachment" | "scheduleSessionTurn" | "unscheduleSessionTurnsByTag", name: string, run: () => T): Promise<T> => {
    const method = `session.workflow.${feature}`;
    const rejection = checkBundledOnly(subject, feature);
    if (rejection) {
      reject(method, name, rejection);
      return Promise.reject(Object.assign(new Error(rejection.message), { code: "ERR_PLUGIN_BUNDLED_ONLY" }));
    }
    if (!modeAccepts(method, name, "workflow")) {
      return Promise.reject(new Error(`${method} is not available in ${mode} mode.`));
    }
    log(method, name, true);
    return Promise.resolve(run());
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
  const idOf = (value: unknown) => (isRecord(value) && typeof value.id === "string" ? value.id : "");

  const registerSessionExtension = simple("session.state.registerSessionExtension", "workflow", (e: { namespace?: string }) => e?.namespace ?? "", (extension) => {
    workflow.registerSessionExtension(pluginId, extension as never);
    registrations.sessionExtensions.push({ pluginId, extension: extension as never });
  });
  const registerSessionSchedulerJob = simple("session.workflow.registerSessionSchedulerJob", "workflow", idOf, (job) => {
    workflow.registerSessionSchedulerJob(pluginId, job as never);
    registrations.sessionSchedulerJobs.push({ pluginId, job: job as never });
  });
  const registerSessionAction = simple("session.controls.registerSessionAction", "workflow", idOf, (action) => {
    registrations.sessionActions.push({ pluginId, action: action as never });
  });
  const registerControlUiDescriptor = simple("session.controls.registerControlUiDescriptor", "workflow", idOf, (descriptor) => {
    registrations.controlUiDescriptors.push({ pluginId, descriptor: descriptor as never });
  });
  const registerAgentEventSubscription = simple("agent.events.registerAgentEventSubscription", "workflow", idOf, (subscription) => {
    workflow.registerAgentEventSubscription(pluginId, subscription as never);
    registrations.agentEventSubscriptions.push({ pluginId, subscription: subscription as never });
  });
  const registerRuntimeLifecycle = simple("lifecycle.registerRuntimeLifecycle", "workflow", idOf, (lifecycle) => {
    workflow.registerRuntimeLifecycle(pluginId, lifecycle as never);
    registrations.runtimeLifecycles.push({ pluginId, lifecycle: lifecycle as never });
  });
  const emitAgentEvent: OpenClawPluginApi["agent"]["events"]["emitAgentEvent"] = (event) => {
    void workflow.emitAgentEvent(pluginId, event);
  };
  const runContext: OpenClawPluginApi["runContext"] = {
    setRunContext: ({ runId, key, value }) => workflow.setRunContext(pluginId, runId, key, value as PluginJsonValue),
    getRunContext: ({ runId, key }) => workflow.getRunContext(pluginId, runId, key),
    clearRunContext: ({ runId, key }) => workflow.clearRunContext(pluginId, runId, key),
  };
  const sendSessionAttachment: OpenClawPluginApi["session"]["workflow"]["sendSessionAttachment"] = (attachment) =>
    bundledOnlyCall("sendSessionAttachment", attachment?.sessionKey ?? "", () => {
      outbox.attachments.push({ pluginId, attachment });
      return { sent: true };
    });
  const scheduleSessionTurn: OpenClawPluginApi["session"]["workflow"]["scheduleSessionTurn"] = (turn) =>
    bundledOnlyCall("scheduleSessionTurn", turn?.sessionKey ?? "", () => {
      const jobId = `${pluginId}:turn:${outbox.scheduledTurns.length + 1}`;
      outbox.scheduledTurns.push({ pluginId, jobId, turn });
      return { jobId };
    });
  const unscheduleSessionTurnsByTag: OpenClawPluginApi["session"]["workflow"]["unscheduleSessionTurnsByTag"] = (p) =>
    bundledOnlyCall("unscheduleSessionTurnsByTag", p?.tag ?? "", () => {
      const before = outbox.scheduledTurns.length;
      outbox.scheduledTurns = outbox.scheduledTurns.filter(
        (t) => !(t.pluginId === pluginId && t.turn.tag === p.tag && (p.sessionKey === undefined || t.turn.sessionKey === p.sessionKey)),
      );
      return { removed: before - outbox.scheduledTurns.length };
    });

  const session: OpenClawPluginApi["session"] = {
    state: { registerSessionExtension },
    workflow: {
      enqueueNextTurnInjection,
      registerSessionSchedulerJob,
      sendSessionAttachment,
      scheduleSessionTurn,
      unscheduleSessionTurnsByTag,
    },
    controls: { registerSessionAction, registerControlUiDescriptor },
  };

  const logger: PluginLogger = params.logger;

  const base: OpenClawPluginApiBase = {
    id: pluginId,
    name: params.name,
    ...(params.version !== undefined ? { version: params.version } : {}),
    ...(params.description !== undefined ? { description: params.description } : {}),
    source: params.source,
    ...(params.rootDir !== undefined ? { rootDir: params.rootDir } : {}),
    config: params.config,
    pluginConfig: params.pluginConfig,
    logger,
    resolvePath: (input: string) => resolvePluginPath(params.pluginId, params.rootDir ?? process.cwd(), input),

    registerProvider: (provider) => registerCapability("registerProvider", provider),
    registerAgentHarness: (harness) => registerCapability("registerAgentHarness", harness),
    registerCliBackend: (backend) => registerCapability("registerCliBackend", backend),
    registerChannel,
    registerSpeechProvider: (p) => registerCapability("registerSpeechProvider", p),
    registerRealtimeTranscriptionProvider: (p) => registerCapability("registerRealtimeTranscriptionProvider", p),
    registerRealtimeVoiceProvider: (p) => registerCapability("registerRealtimeVoiceProvider", p),
    registerMediaUnderstandingProvider: (p) => registerCapability("registerMediaUnderstandingProvider", p),
    registerImageGenerationProvider: (p) => registerCapability("registerImageGenerationProvider", p),
    registerMusicGenerationProvider: (p) => registerCapability("registerMusicGenerationProvider", p),
    registerVideoGenerationProvider: (p) => registerCapability("registerVideoGenerationProvider", p),
    registerWebFetchProvider: (p) => registerCapability("registerWebFetchProvider", p),
    registerWebSearchProvider: (p) => registerCapability("registerWebSearchProvider", p),
    registerContextEngine: (id, factory) => registerCapability("registerContextEngine", factory, typeof id === "string" ? id : ""),
    registerMemoryCapability: (capability) => registerCapability("registerMemoryCapability", capability),
    registerMemoryPromptSection: (builder) => registerCapability("registerMemoryPromptSection", builder),
    registerMemoryFlushPlan: (resolver) => registerCapability("registerMemoryFlushPlan", resolver),
    registerMemoryRuntime: (runtime) => registerCapability("registerMemoryRuntime", runtime),
    registerMemoryEmbeddingProvider: (adapter) => registerCapability("registerMemoryEmbeddingProvider", adapter),

    registerTool(tool, opts) {
      const method = "registerTool";
      const isFactory = typeof tool === "function";
      const names = isFactory
        ? (opts?.names ?? (opts?.name ? [opts.name] : []))
        : isRecord(tool) && typeof tool.name === "string"
          ? [tool.name]
          : [];
      const label = names.join(",");
      if (!modeAccepts(method, label, "tool")) return;
      if (!isFactory) {
        if (!isRecord(tool) || typeof tool.name !== "string" || tool.name.trim() === "") {
          invalid(method, label, `a tool needs a non-empty string name, got ${describeValue(isRecord(tool) ? tool.name : tool)}`);
          return;
        }
        if (typeof tool.execute !== "function") {
          invalid(method, label, `tool "${tool.name}" needs an execute(toolCallId, params) function`);
          return;
        }
      } else if (names.length === 0) {
        invalid(method, label, "a tool factory must declare the tool names it produces with { name } or { names: [...] } so the contracts.tools gate can check them");
        return;
      }
      const duplicate = names.find((n) => registrations.tools.some((t) => t.names.includes(n)));
      if (duplicate !== undefined) {
        invalid(method, label, `tool "${duplicate}" is already registered by this plugin`);
        return;
      }
      const gate = enforceContracts ? checkToolContract(subject, names) : [];
      if (gate.length > 0) {
        diagnostics.push(...gate);
        log(method, label, false, "contract-tools-undeclared");
        return;
      }
      registrations.tools.push({
        pluginId,
        names,
        optional: opts?.optional === true,
        ...(isFactory ? { factory: tool } : { tool }),
      });
      log(method, label, true);
    },
    registerCommand(command) {
      const method = "registerCommand";
      const raw = isRecord(command) ? command.name : command;
      const name = typeof raw === "string" ? raw.trim().replace(/^\//, "").toLowerCase() : "";
      if (!modeAccepts(method, name, "command")) return;
      if (!isRecord(command) || typeof command.handler !== "function") {
        invalid(method, name, "a command needs a handler(ctx) function");
        return;
      }
      if (typeof command.description !== "string" || command.description.trim() === "") {
        invalid(method, name, "a command needs a non-empty description");
        return;
      }
      const nameIssue = checkCommandName(subject, raw);
      if (nameIssue) {
        reject(method, name, nameIssue);
        return;
      }
      try {
        normalizeAgentPromptGuidance(command.agentPromptGuidance, { commandName: name });
      } catch (error) {
        invalid(method, name, (error as Error).message);
        return;
      }
      if (registrations.commands.some((c) => c.name === name)) {
        invalid(method, name, `command "${name}" is already registered by this plugin`);
        return;
      }
      registrations.commands.push({ pluginId, name, definition: command });
      log(method, name, true);
    },
    registerHook(events, handler, opts) {
      const method = "registerHook";
      const list = (Array.isArray(events) ? events : [events]).filter((e): e is string => typeof e === "string" && e.trim() !== "");
      const label = list.join(",");
      if (!modeAccepts(method, label, "hook")) return;
      if (list.length === 0 || typeof handler !== "function") {
        invalid(method, label, "needs at least one event name and a handler function");
        return;
      }
      registrations.internalHooks.push({
        pluginId,
        events: list,
        handler,
        options: opts ?? {},
        priority: typeof opts?.priority === "number" ? opts.priority : 0,
      });
      log(method, label, true);
    },
    registerHttpRoute(route) {
      const method = "registerHttpRoute";
      const path = isRecord(route) && typeof route.path === "string" ? route.path : "";
      if (!modeAccepts(method, path, "http-route")) return;
      if (!path.startsWith("/")) {
        invalid(method, path, `path must start with "/", got ${JSON.stringify(path)}`);
        return;
      }
      if (route.auth !== "gateway" && route.auth !== "plugin") {
        invalid(method, path, `auth must be "gateway" or "plugin", got ${describeValue(route.auth)}`);
        return;
      }
      if (typeof route.handler !== "function") {
        invalid(method, path, "needs a handler(req, res) function");
        return;
      }
      const match = route.match ?? "exact";
      const existing = registrations.httpRoutes.findIndex((r) => r.path === path && r.match === match);
      if (existing >= 0 && route.replaceExisting !== true) {
        invalid(method, path, `route ${path} is already registered; pass replaceExisting: true to replace it`);
        return;
      }
      if (existing >= 0) registrations.httpRoutes.splice(existing, 1);
      registrations.httpRoutes.push({ pluginId, path, auth: route.auth, match, handler: route.handler });
      log(method, path, true);
    },
    registerGatewayMethod(name, handler, opts) {
      const method = "registerGatewayMethod";
      const label = typeof name === "string" ? name.trim() : "";
      if (!modeAccepts(method, label, "gateway-method")) return;
      if (!label || typeof handler !== "function") {
        invalid(method, label, "needs a non-empty method name and a handler function");
        return;
      }
      if (registrations.gatewayMethods.some((m) => m.method === label)) {
        invalid(method, label, `gateway method "${label}" is already registered by this plugin`);
        return;
      }
      const scope = resolveGatewayMethodScope(label, opts);
      if (opts?.scope && opts.scope !== scope) {
        diagnostics.push({
          level: "info",
          code: "gateway-method-admin-scope",
          path: "registerGatewayMethod",
          message: `gateway method "${label}" of plugin "${pluginId}" is in a reserved admin namespace, so its scope is operator.admin (requested ${opts.scope}).`,
        });
      }
      registrations.gatewayMethods.push({ pluginId, method: label, scope, handler });
      log(method, label, true);
    },
    registerGatewayDiscoveryService(service) {
      const method = "registerGatewayDiscoveryService";
      const id = idOf(service);
      if (!modeAccepts(method, id, "capability")) return;
      if (!id || typeof service.advertise !== "function") {
        invalid(method, id, "a discovery service needs an id and an advertise(ctx) function");
        return;
      }
      registrations.gatewayDiscoveryServices.push({ pluginId, id, service });
      registrations.providers.push({ pluginId, kind: "gateway-discovery", method, id, value: service });
      workflow.registerDiscoveryService(pluginId, service);
      log(method, id, true);
    },
    registerCli(registrar, opts) {
      registerCliInternal("registerCli", registrar, opts?.parentPath ?? [], opts);
    },
    registerNodeCliFeature(registrar, opts) {
      registerCliInternal("registerNodeCliFeature", registrar, ["nodes"], opts);
    },
    registerService(service) {
      const method = "registerService";
      const id = idOf(service);
      if (!modeAccepts(method, id, "service")) return;
      if (!id || typeof service.start !== "function") {
        invalid(method, id, "a service needs an id and a start(ctx) function");
        return;
      }
      registrations.services.push({ pluginId, id, service });
      log(method, id, true);
    },
    registerInteractiveHandler: simple(
      "registerInteractiveHandler",
      "workflow",
      (r: { channel?: string; namespace?: string }) => `${r?.channel ?? ""}:${r?.namespace ?? ""}`,
      (registration) => registrations.interactiveHandlers.push({ pluginId, registration: registration as never }),
    ),
    registerAgentToolResultMiddleware(middleware, opts) {
      const method = "registerAgentToolResultMiddleware";
      const runtimes = Array.isArray(opts?.runtimes) ? opts.runtimes.filter((r) => typeof r === "string") : [];
      const label = runtimes.join(",");
      if (!modeAccepts(method, label, "workflow")) return;
      if (typeof middleware !== "function") {
        invalid(method, label, "middleware must be a function");
        return;
      }
      const gate = enforceContracts ? checkToolResultMiddlewareContract(subject, runtimes) : [];
      if (gate.length > 0) {
        diagnostics.push(...gate);
        log(method, label, false, gate[0]?.code);
        return;
      }
      registrations.toolResultMiddleware.push({ pluginId, runtimes, priority: opts?.priority ?? 0, middleware });
      log(method, label, true);
    },
    registerMemoryPromptSupplement: (builder) => {
      if (!modeAccepts("registerMemoryPromptSupplement", "", "workflow")) return;
      registrations.memorySupplements.push({ pluginId, kind: "prompt", value: builder });
      log("registerMemoryPromptSupplement", "", true);
    },
    registerMemoryCorpusSupplement: simple("registerMemoryCorpusSupplement", "workflow", idOf, (adapter) =>
      registrations.memorySupplements.push({ pluginId, kind: "corpus", value: adapter }),
    ),
    registerTrustedToolPolicy(policy) {
      const method = "registerTrustedToolPolicy";
      const id = idOf(policy);
      const rejection = checkBundledOnly(subject, "registerTrustedToolPolicy");
      if (rejection) {
        reject(method, id, rejection);
        return;
      }
      if (!modeAccepts(method, id, "workflow")) return;
      if (!id || typeof policy.evaluate !== "function") {
        invalid(method, id, "a trusted tool policy needs an id and an evaluate(params) function");
        return;
      }
      registrations.trustedToolPolicies.push({ pluginId, id, policy, order: nextRegistrationOrder() });
      log(method, id, true);
    },
    registerToolMetadata: simple("registerToolMetadata", "tool-metadata", (m: { toolName?: string }) => m?.toolName ?? "", (metadata) =>
      registrations.toolMetadata.push({ pluginId, metadata: metadata as never }),
    ),
    on: on as OpenClawPluginApiBase["on"],
    onConversationBindingResolved(handler) {
      if (!modeAccepts("onConversationBindingResolved", "", "workflow")) return;
      if (typeof handler !== "function") {
        invalid("onConversationBindingResolved", "", "handler must be a function");
        return;
      }
      registrations.conversationBindingListeners.push({ pluginId, handler });
      log("onConversationBindingResolved", "", true);
    },

    session,
    agent: { events: { registerAgentEventSubscription, emitAgentEvent } },
    runContext,
    lifecycle: { registerRuntimeLifecycle },

    registerSessionExtension: (e) => {
      deprecated("registerSessionExtension", "session.state.registerSessionExtension");
      registerSessionExtension(e);
    },
    enqueueNextTurnInjection: (i) => {
      deprecated("enqueueNextTurnInjection", "session.workflow.enqueueNextTurnInjection");
      return enqueueNextTurnInjection(i);
    },
    registerSessionSchedulerJob: (j) => {
      deprecated("registerSessionSchedulerJob", "session.workflow.registerSessionSchedulerJob");
      registerSessionSchedulerJob(j);
    },
    sendSessionAttachment: (a) => {
      deprecated("sendSessionAttachment", "session.workflow.sendSessionAttachment");
      return sendSessionAttachment(a);
    },
    scheduleSessionTurn: (t) => {
      deprecated("scheduleSessionTurn", "session.workflow.scheduleSessionTurn");
      return scheduleSessionTurn(t);
    },
    unscheduleSessionTurnsByTag: (p) => {
      deprecated("unscheduleSessionTurnsByTag", "session.workflow.unscheduleSessionTurnsByTag");
      return unscheduleSessionTurnsByTag(p);
    },
    registerSessionAction: (a) => {
      deprecated("registerSessionAction", "session.controls.registerSessionAction");
      registerSessionAction(a);
    },
    registerControlUiDescriptor: (d) => {
      deprecated("registerControlUiDescriptor", "session.controls.registerControlUiDescriptor");
      registerControlUiDescriptor(d);
    },
    registerAgentEventSubscription: (s) => {
      deprecated("registerAgentEventSubscription", "agent.events.registerAgentEventSubscription");
      registerAgentEventSubscription(s);
    },
    emitAgentEvent: (e) => {
      deprecated("emitAgentEvent", "agent.events.emitAgentEvent");
      emitAgentEvent(e);
    },
    setRunContext: (p) => {
      deprecated("setRunContext", "runContext.setRunContext");
      runContext.setRunContext(p);
    },
    getRunContext: (p) => {
      deprecated("getRunContext", "runContext.getRunContext");
      return runContext.getRunContext(p);
    },
    clearRunContext: (p) => {
      deprecated("clearRunContext", "runContext.clearRunContext");
      runContext.clearRunContext(p);
    },
    registerRuntimeLifecycle: (l) => {
      deprecated("registerRuntimeLifecycle", "lifecycle.registerRuntimeLifecycle");
      registerRuntimeLifecycle(l);
    },
  };

  function registerCliInternal(
    method: string,
    registrar: unknown,
    parentPath: readonly string[],
    opts: { commands?: string[]; descriptors?: Array<{ name: string; description: string; hasSubcommands?: boolean }> } | undefined,
  ) {
    const commands = Array.isArray(opts?.commands) ? opts.commands.filter((c) => typeof c === "string") : [];
    const descriptors = Array.isArray(opts?.descriptors) ? opts.descriptors.filter((d) => isRecord(d) && typeof d.name === "string") : [];
    const label = [...parentPath, ...(descriptors.map((d) => d.name).concat(commands))].join(" ");
    if (!modeAccepts(method, label, "cli")) return;
    if (typeof registrar !== "function") {
      invalid(method, label, "the registrar must be a function ({ program }) => void");
      return;
    }
    if (!Array.isArray(parentPath) || parentPath.some((p) => typeof p !== "string" || p.trim() === "")) {
      invalid(method, label, `parentPath must be a list of command names, got ${describeValue(parentPath)}`);
      return;
    }
    if (commands.length === 0 && descriptors.length === 0) {
      diagnostics.push({
        level: "warning",
        code: "cli-without-descriptors",
        path: method,
        message: `${method} from plugin "${pluginId}" declares neither commands nor descriptors: the CLI cannot show or lazily load its commands without running the registrar. Pass { descriptors: [{ name, description }] }.`,
      });
    }
    registrations.cliCommands.push({
      pluginId,
      registrar: registrar as never,
      commands,
      descriptors,
      parentPath: [...parentPath],
    });
    log(method, label, true);
  }

  // `registrationMode` and `runtime` vary together: modes without a runtime get one that throws a precise error.
  const api = (
    isRuntimeAvailable(mode)
      ? { ...base, registrationMode: mode, runtime: params.runtime }
      : {
          ...base,
          registrationMode: mode,
          runtime: createUnavailablePluginRuntime({ pluginId, mode: mode as "cli-metadata" | "setup-only" }),
        }
  ) as OpenClawPluginApi;
  return { api, registrations };
}
