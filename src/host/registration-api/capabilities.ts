/**
 * Capability registrations: providers, harnesses, CLI backends, channels, context engines and the memory family.
 * Each is gated by the mode's `capability` (or `channel`) category and recorded in `registrations.providers`
 * (channels in `registrations.channels`).
 */
import type { ChannelPlugin } from "../../contract/channel.js";
import type { OpenClawPluginApiBase, OpenClawPluginChannelRegistration } from "../../contract/plugin-api.js";
import type { PluginDiagnostic } from "../../manifest/diagnostics.js";
import { CAPABILITY_METHODS, type PluginCapabilityKind } from "../shapes.js";
import { type RegistrationContext, describeValue, idOf, isRecord } from "./context.js";

/** The capability methods of the api, in the order the api lists them. */
export type CapabilityApi = Pick<
  OpenClawPluginApiBase,
  | "registerProvider"
  | "registerAgentHarness"
  | "registerCliBackend"
  | "registerChannel"
  | "registerSpeechProvider"
  | "registerRealtimeTranscriptionProvider"
  | "registerRealtimeVoiceProvider"
  | "registerMediaUnderstandingProvider"
  | "registerImageGenerationProvider"
  | "registerMusicGenerationProvider"
  | "registerVideoGenerationProvider"
  | "registerWebFetchProvider"
  | "registerWebSearchProvider"
  | "registerContextEngine"
  | "registerMemoryCapability"
  | "registerMemoryPromptSection"
  | "registerMemoryFlushPlan"
  | "registerMemoryRuntime"
  | "registerMemoryEmbeddingProvider"
>;

/**
 * Builds the capability registration methods of one plugin's api.
 *
 * @example
 * ```ts
 * const capabilities = createCapabilityApi(createRegistrationContext(params));
 * capabilities.registerProvider({ id: "demo" });
 * ```
 */
export function createCapabilityApi(ctx: RegistrationContext): CapabilityApi {
  const { pluginId, registrations, diagnostics, params, log, invalid, modeAccepts } = ctx;

  const registerCapability = (method: keyof typeof CAPABILITY_METHODS, value: unknown, explicitId?: string) => {
    const kind: PluginCapabilityKind = CAPABILITY_METHODS[method];
    const id = explicitId ?? idOf(value);
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

  return {
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
  };
}

/**
 * Builds the memory supplement methods (`workflow` category, recorded in `registrations.memorySupplements`).
 *
 * @example
 * ```ts
 * createMemorySupplementApi(ctx).registerMemoryPromptSupplement(() => []);
 * ```
 */
export function createMemorySupplementApi(
  ctx: RegistrationContext,
): Pick<OpenClawPluginApiBase, "registerMemoryPromptSupplement" | "registerMemoryCorpusSupplement"> {
  const { pluginId, registrations, log, modeAccepts, simple } = ctx;
  return {
    registerMemoryPromptSupplement: (builder) => {
      if (!modeAccepts("registerMemoryPromptSupplement", "", "workflow")) return;
      registrations.memorySupplements.push({ pluginId, kind: "prompt", value: builder });
      log("registerMemoryPromptSupplement", "", true);
    },
    registerMemoryCorpusSupplement: simple("registerMemoryCorpusSupplement", "workflow", idOf, (adapter) =>
      registrations.memorySupplements.push({ pluginId, kind: "corpus", value: adapter }),
    ),
  };
}
