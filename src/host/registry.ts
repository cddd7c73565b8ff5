/**
 * The registry of one plugin's registrations: typed lists per registration kind (what the host acts on), plus a
 * chronological log of every registration call, accepted or not (what tooling and tests read).
 */
import type { PluginHookName, PluginHookOptions } from "../contract/hook-types.js";
import type {
  AgentToolResultMiddleware,
  ConversationBindingResolvedEvent,
  GatewayDiscoveryService,
  GatewayRequestHandler,
  InternalHookHandler,
  OpenClawPluginCommandDefinition,
  OpenClawPluginService,
  OperatorScope,
  PluginAgentEventSubscription,
  PluginConnectivityCheck,
  PluginCliCommandDescriptor,
  PluginCliRegistrar,
  PluginControlUiDescriptor,
  PluginHttpRouteParams,
  PluginInteractiveHandlerRegistration,
  PluginRuntimeLifecycle,
  PluginSessionAction,
  PluginSessionExtension,
  PluginSessionSchedulerJob,
  RegisterHookOptions,
  TrustedToolPolicy,
} from "../contract/plugin-api.js";
import type { ChannelPlugin } from "../contract/channel.js";
import type { AnyAgentTool, OpenClawPluginToolFactory, PluginToolMetadata } from "../contract/tools.js";
import type { PluginCapabilityKind } from "./shapes.js";

/**
 * A registered agent tool (a concrete tool or a factory that produces tools per run).
 *
 * @example
 * ```ts
 * const names = loaded.registrations.tools.flatMap((t: RegisteredTool) => t.names);
 * ```
 */
export interface RegisteredTool {
  pluginId: string;
  /** Tool names (the tool's `name`, or `opts.name` / `opts.names` for a factory). */
  names: string[];
  /** `{ optional: true }`: the user must allow the tool explicitly. */
  optional: boolean;
  /** The tool, when registered directly. */
  tool?: AnyAgentTool;
  /** The factory, when registered as a factory. */
  factory?: OpenClawPluginToolFactory;
}

/**
 * A typed hook handler registered with `api.on`.
 *
 * @example
 * ```ts
 * const first: RegisteredHook | undefined = loaded.registrations.hooks[0]; first?.priority;
 * ```
 */
export interface RegisteredHook {
  pluginId: string;
  hookName: PluginHookName;
  /** Higher runs first. */
  priority: number;
  /** Effective per-handler timeout: operator per-hook config first, then plugin-wide `hooks.timeoutMs`, then `opts.timeoutMs`. */
  timeoutMs?: number;
  /** Global registration order (breaks priority ties). */
  order: number;
  handler: (event: never, ctx: never) => unknown;
  options: PluginHookOptions;
}

/**
 * A legacy internal hook registered with `api.registerHook(events, handler)`.
 *
 * @example
 * ```ts
 * const events = loaded.registrations.internalHooks.flatMap((h: RegisteredInternalHook) => h.events);
 * ```
 */
export interface RegisteredInternalHook {
  pluginId: string;
  events: string[];
  handler: InternalHookHandler;
  options: RegisterHookOptions;
  priority: number;
}

/**
 * A chat command.
 *
 * @example
 * ```ts
 * const names = loaded.registrations.commands.map((c: RegisteredCommand) => `/${c.name}`);
 * ```
 */
export interface RegisteredCommand {
  pluginId: string;
  /** Normalised name (lower case, no leading slash). */
  name: string;
  definition: OpenClawPluginCommandDefinition;
}

/**
 * A gateway RPC method with its resolved operator scope.
 *
 * @example
 * ```ts
 * const admin = loaded.registrations.gatewayMethods.filter((m: RegisteredGatewayMethod) => m.scope === "operator.admin");
 * ```
 */
export interface RegisteredGatewayMethod {
  pluginId: string;
  method: string;
  /** Resolved scope: reserved admin namespaces always resolve to `operator.admin`. */
  scope: OperatorScope;
  handler: GatewayRequestHandler;
}

/**
 * A gateway HTTP route.
 *
 * @example
 * ```ts
 * const paths = loaded.registrations.httpRoutes.map((r: RegisteredHttpRoute) => r.path);
 * ```
 */
export interface RegisteredHttpRoute {
  pluginId: string;
  path: string;
  auth: PluginHttpRouteParams["auth"];
  match: "exact" | "prefix";
  handler: PluginHttpRouteParams["handler"];
}

/**
 * A CLI registrar (`api.registerCli` / `api.registerNodeCliFeature`).
 *
 * @example
 * ```ts
 * const nested = loaded.registrations.cliCommands.filter((c: RegisteredCli) => c.parentPath.length > 0);
 * ```
 */
export interface RegisteredCli {
  pluginId: string;
  registrar: PluginCliRegistrar;
  /** Explicit command names the registrar owns. */
  commands: string[];
  /** Parse-time descriptors (lazy registration). */
  descriptors: PluginCliCommandDescriptor[];
  /** Parent command path for nested groups, e.g. `["nodes"]`; `[]` = root. */
  parentPath: string[];
}

/**
 * A background service.
 *
 * @example
 * ```ts
 * const ids = loaded.registrations.services.map((s: RegisteredService) => s.id);
 * ```
 */
export interface RegisteredService {
  pluginId: string;
  id: string;
  service: OpenClawPluginService;
}

/**
 * A messaging channel.
 *
 * @example
 * ```ts
 * const ids = loaded.registrations.channels.map((c: RegisteredChannel) => c.id);
 * ```
 */
export interface RegisteredChannel {
  pluginId: string;
  id: string;
  plugin: ChannelPlugin;
}

/**
 * A capability registration other than a channel (providers, engines, memory, …).
 *
 * @example
 * ```ts
 * const kinds = loaded.registrations.providers.map((p: RegisteredCapability) => p.kind);
 * ```
 */
export interface RegisteredCapability {
  pluginId: string;
  kind: PluginCapabilityKind;
  /** The `api.register*` method used. */
  method: string;
  /** The registered object's id (or the context engine id); `""` when it has none. */
  id: string;
  value: unknown;
}

/**
 * A gateway discovery advertiser.
 *
 * @example
 * ```ts
 * const ids = loaded.registrations.gatewayDiscoveryServices.map((d: RegisteredDiscoveryService) => d.id);
 * ```
 */
export interface RegisteredDiscoveryService {
  pluginId: string;
  id: string;
  service: GatewayDiscoveryService;
}

/**
 * A trusted (bundled-only) tool policy.
 *
 * @example
 * ```ts
 * const ids = loaded.registrations.trustedToolPolicies.map((p: RegisteredTrustedToolPolicy) => p.id);
 * ```
 */
export interface RegisteredTrustedToolPolicy {
  pluginId: string;
  id: string;
  policy: TrustedToolPolicy;
  order: number;
}

/**
 * Agent tool result middleware, per runtime.
 *
 * @example
 * ```ts
 * const runtimes = loaded.registrations.toolResultMiddleware.flatMap((m: RegisteredToolResultMiddleware) => m.runtimes);
 * ```
 */
export interface RegisteredToolResultMiddleware {
  pluginId: string;
  runtimes: string[];
  priority: number;
  middleware: AgentToolResultMiddleware;
}

/**
 * One entry of the chronological registration log.
 *
 * @example
 * ```ts
 * const rejected = loaded.registrations.log.filter((entry: RegistrationLogEntry) => !entry.accepted);
 * ```
 */
export interface RegistrationLogEntry {
  /** The API method called, e.g. `registerTool`, `on`, `session.workflow.enqueueNextTurnInjection`. */
  method: string;
  /** A short identifier of what was registered (tool name, hook name, route path, …). */
  name: string;
  /** Whether the registration was accepted. */
  accepted: boolean;
  /** Diagnostic code explaining a rejection or skip. */
  reason?: string;
}

/**
 * Everything one plugin registered, by kind. Lists hold accepted registrations only; `log` holds every call.
 *
 * @example
 * ```ts
 * const regs = createEmptyRegistrations();
 * regs.tools.length; // 0
 * ```
 */
export interface PluginRegistrations {
  tools: RegisteredTool[];
  hooks: RegisteredHook[];
  internalHooks: RegisteredInternalHook[];
  commands: RegisteredCommand[];
  gatewayMethods: RegisteredGatewayMethod[];
  httpRoutes: RegisteredHttpRoute[];
  cliCommands: RegisteredCli[];
  services: RegisteredService[];
  /** The plugin's connectivity check (`api.registerConnectivityCheck`), at most one. */
  connectivityChecks: Array<{ pluginId: string; check: PluginConnectivityCheck }>;
  channels: RegisteredChannel[];
  /** Capability registrations except channels and discovery services. */
  providers: RegisteredCapability[];
  gatewayDiscoveryServices: RegisteredDiscoveryService[];
  trustedToolPolicies: RegisteredTrustedToolPolicy[];
  toolResultMiddleware: RegisteredToolResultMiddleware[];
  toolMetadata: Array<{ pluginId: string; metadata: PluginToolMetadata }>;
  interactiveHandlers: Array<{ pluginId: string; registration: PluginInteractiveHandlerRegistration }>;
  memorySupplements: Array<{ pluginId: string; kind: "prompt" | "corpus"; value: unknown }>;
  sessionExtensions: Array<{ pluginId: string; extension: PluginSessionExtension }>;
  sessionSchedulerJobs: Array<{ pluginId: string; job: PluginSessionSchedulerJob }>;
  sessionActions: Array<{ pluginId: string; action: PluginSessionAction }>;
  controlUiDescriptors: Array<{ pluginId: string; descriptor: PluginControlUiDescriptor }>;
  agentEventSubscriptions: Array<{ pluginId: string; subscription: PluginAgentEventSubscription }>;
  runtimeLifecycles: Array<{ pluginId: string; lifecycle: PluginRuntimeLifecycle }>;
  conversationBindingListeners: Array<{
    pluginId: string;
    handler: (event: ConversationBindingResolvedEvent) => void | Promise<void>;
  }>;
  /** Every registration call in order, accepted or not. */
  log: RegistrationLogEntry[];
}

/**
 * A fresh, empty registrations object.
 *
 * @example
 * ```ts
 * const regs = createEmptyRegistrations();
 * ```
 */
export function createEmptyRegistrations(): PluginRegistrations {
  return {
    tools: [],
    hooks: [],
    internalHooks: [],
    commands: [],
    gatewayMethods: [],
    httpRoutes: [],
    cliCommands: [],
    services: [],
    connectivityChecks: [],
    channels: [],
    providers: [],
    gatewayDiscoveryServices: [],
    trustedToolPolicies: [],
    toolResultMiddleware: [],
    toolMetadata: [],
    interactiveHandlers: [],
    memorySupplements: [],
    sessionExtensions: [],
    sessionSchedulerJobs: [],
    sessionActions: [],
    controlUiDescriptors: [],
    agentEventSubscriptions: [],
    runtimeLifecycles: [],
    conversationBindingListeners: [],
    log: [],
  };
}

let registrationCounter = 0;

/**
 * Next global registration order number. Monotonic for the process, so handlers registered by plugins loaded
 * earlier sort before those of plugins loaded later when priorities tie.
 *
 * @example
 * ```ts
 * const a = nextRegistrationOrder();
 * nextRegistrationOrder() > a; // true
 * ```
 */
export function nextRegistrationOrder(): number {
  registrationCounter += 1;
  return registrationCounter;
}
