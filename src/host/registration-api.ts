/**
 * Builds the `OpenClawPluginApi` a plugin's `register(api)` receives. Every call is checked against the
 * registration mode and the contract gates, recorded in the plugin's registrations when accepted, logged either
 * way, and explained by a diagnostic when it is skipped or rejected.
 */
// Each family's rules live in one file under registration-api/:
// - params.ts: the inputs (types); context.ts: the registration log, the mode gate, the shared diagnostics;
// - capabilities.ts: providers, harnesses, channels, context engines and the memory family;
// - tools-and-commands.ts: tools (contracts.tools), tool metadata and middleware, trusted policies, commands, CLI;
// - hooks.ts (+ hook-timeout.ts): api.on, registerHook, conversation-binding listeners, hook timeouts;
// - routes-and-gateway.ts: HTTP routes, gateway methods and discovery, services, interactive handlers;
// - session-workflow.ts: the session/agent/runContext/lifecycle namespaces and their deprecated aliases;
// - runtime.ts: identity fields and the runtime for the mode.
import type { OpenClawPluginApi, OpenClawPluginApiBase } from "../contract/plugin-api.js";
import type { PluginRegistrations } from "./registry.js";
import { createCapabilityApi, createMemorySupplementApi } from "./registration-api/capabilities.js";
import { createRegistrationContext } from "./registration-api/context.js";
import { createHookApi } from "./registration-api/hooks.js";
import type { RegistrationApiParams } from "./registration-api/params.js";
import { createRoutesAndGatewayApi } from "./registration-api/routes-and-gateway.js";
import { createIdentityApi, withRuntime } from "./registration-api/runtime.js";
import { createSessionWorkflowApi } from "./registration-api/session-workflow.js";
import { createToolsAndCommandsApi } from "./registration-api/tools-and-commands.js";

export type { RegistrationApiParams, WorkflowOutbox } from "./registration-api/params.js";
export { resolveHookTimeout } from "./registration-api/hook-timeout.js";

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
  const ctx = createRegistrationContext(params);
  const tools = createToolsAndCommandsApi(ctx);
  const hooks = createHookApi(ctx);
  const routes = createRoutesAndGatewayApi(ctx);
  const memory = createMemorySupplementApi(ctx);

  // Listed in the api's documented order (`Object.keys(api)` is observable).
  const base: OpenClawPluginApiBase = {
    ...createIdentityApi(params),
    ...createCapabilityApi(ctx),
    registerTool: tools.registerTool,
    registerCommand: tools.registerCommand,
    registerHook: hooks.registerHook,
    registerHttpRoute: routes.registerHttpRoute,
    registerGatewayMethod: routes.registerGatewayMethod,
    registerGatewayDiscoveryService: routes.registerGatewayDiscoveryService,
    registerCli: tools.registerCli,
    registerNodeCliFeature: tools.registerNodeCliFeature,
    registerService: routes.registerService,
    registerConnectivityCheck: routes.registerConnectivityCheck,
    registerInteractiveHandler: routes.registerInteractiveHandler,
    registerAgentToolResultMiddleware: tools.registerAgentToolResultMiddleware,
    registerMemoryPromptSupplement: memory.registerMemoryPromptSupplement,
    registerMemoryCorpusSupplement: memory.registerMemoryCorpusSupplement,
    registerTrustedToolPolicy: tools.registerTrustedToolPolicy,
    registerToolMetadata: tools.registerToolMetadata,
    on: hooks.on,
    onConversationBindingResolved: hooks.onConversationBindingResolved,
    ...createSessionWorkflowApi(ctx),
  };
  return { api: withRuntime(base, params), registrations: ctx.registrations };
}
