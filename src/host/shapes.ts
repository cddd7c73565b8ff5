/**
 * Plugin shapes, derived from what a plugin actually registered (never from static metadata).
 *
 * - `plain-capability`: exactly one capability kind (e.g. a provider-only plugin).
 * - `hybrid-capability`: more than one capability kind.
 * - `hook-only`: no capability and nothing but hooks.
 * - `non-capability`: anything else — tools, commands, CLI, services, routes, … (tools are not capabilities).
 */

/**
 * A capability kind: what kind of model/transport/engine a registration contributes.
 *
 * @example
 * ```ts
 * const kind: PluginCapabilityKind = "text-inference";
 * ```
 */
export type PluginCapabilityKind =
  | "text-inference"
  | "cli-backend"
  | "channel"
  | "speech"
  | "realtime-transcription"
  | "realtime-voice"
  | "media-understanding"
  | "transcript-source"
  | "image-generation"
  | "video-generation"
  | "music-generation"
  | "web-fetch"
  | "web-search"
  | "embedding"
  | "agent-harness"
  | "context-engine"
  | "memory"
  | "session-catalog"
  | "gateway-discovery"
  | "migration"
  | "worker";

/**
 * The four plugin shapes.
 *
 * @example
 * ```ts
 * const shape: PluginShape = "hook-only";
 * ```
 */
export type PluginShape = "plain-capability" | "hybrid-capability" | "hook-only" | "non-capability";

/**
 * Registration methods that contribute a capability, and the kind each contributes.
 *
 * @example
 * ```ts
 * CAPABILITY_METHODS.registerProvider; // "text-inference"
 * ```
 */
export const CAPABILITY_METHODS = {
  registerProvider: "text-inference",
  registerCliBackend: "cli-backend",
  registerChannel: "channel",
  registerSpeechProvider: "speech",
  registerRealtimeTranscriptionProvider: "realtime-transcription",
  registerRealtimeVoiceProvider: "realtime-voice",
  registerMediaUnderstandingProvider: "media-understanding",
  registerTranscriptSourceProvider: "transcript-source",
  registerImageGenerationProvider: "image-generation",
  registerVideoGenerationProvider: "video-generation",
  registerMusicGenerationProvider: "music-generation",
  registerWebFetchProvider: "web-fetch",
  registerWebSearchProvider: "web-search",
  registerMemoryEmbeddingProvider: "embedding",
  registerAgentHarness: "agent-harness",
  registerContextEngine: "context-engine",
  registerMemoryCapability: "memory",
  registerMemoryPromptSection: "memory",
  registerMemoryFlushPlan: "memory",
  registerMemoryRuntime: "memory",
  registerSessionCatalog: "session-catalog",
  registerGatewayDiscoveryService: "gateway-discovery",
  registerMigrationProvider: "migration",
  registerWorkerProvider: "worker",
} as const satisfies Record<string, PluginCapabilityKind>;

/**
 * What the classifier needs to know about a plugin's accepted registrations.
 *
 * @example
 * ```ts
 * const input: ShapeInput = { capabilityKinds: ["speech"], hookCount: 1, otherCount: 0 };
 * ```
 */
export interface ShapeInput {
  /** Capability kinds contributed (duplicates allowed). */
  capabilityKinds: readonly PluginCapabilityKind[];
  /** Number of accepted hook registrations (typed `api.on` and `api.registerHook`). */
  hookCount: number;
  /** Number of accepted registrations that are neither capabilities nor hooks. */
  otherCount: number;
}

/**
 * Shape and the distinct capability kinds, in first-registered order.
 *
 * @example
 * ```ts
 * const { shape, capabilities }: ShapeClassification = classifyPluginShape(input);
 * ```
 */
export interface ShapeClassification {
  shape: PluginShape;
  capabilities: PluginCapabilityKind[];
}

/**
 * Classifies a plugin from its accepted registrations.
 *
 * @example
 * ```ts
 * classifyPluginShape({ capabilityKinds: ["text-inference", "speech"], hookCount: 0, otherCount: 2 });
 * // { shape: "hybrid-capability", capabilities: ["text-inference", "speech"] }
 * ```
 */
export function classifyPluginShape(input: ShapeInput): ShapeClassification {
  const capabilities = [...new Set(input.capabilityKinds)];
  if (capabilities.length > 1) return { shape: "hybrid-capability", capabilities };
  if (capabilities.length === 1) return { shape: "plain-capability", capabilities };
  if (input.hookCount > 0 && input.otherCount === 0) return { shape: "hook-only", capabilities };
  return { shape: "non-capability", capabilities };
}
