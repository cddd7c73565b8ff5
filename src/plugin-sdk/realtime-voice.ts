/**
 * Realtime voice for plugins that carry calls: the bridge session around a realtime voice provider, choosing the
 * provider from config, the telephony audio formats, and the shared "consult the agent" tool with its policy.
 *
 * @packageDocumentation
 */

export { createRealtimeVoiceBridgeSession } from "../realtime-voice/bridge-session.js";
export {
  REALTIME_VOICE_AGENT_CONSULT_TOOL,
  REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME,
  REALTIME_VOICE_AGENT_CONSULT_TOOL_POLICIES,
  REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ,
  REALTIME_VOICE_AUDIO_FORMAT_PCM16_24KHZ,
  buildRealtimeVoiceAgentConsultChatMessage,
  buildRealtimeVoiceAgentConsultPolicyInstructions,
  isRealtimeVoiceAgentConsultToolPolicy,
  parseRealtimeVoiceAgentConsultArgs,
  resolveRealtimeVoiceAgentConsultToolPolicy,
  resolveRealtimeVoiceAgentConsultTools,
  resolveRealtimeVoiceAgentConsultToolsAllow,
} from "../realtime-voice/consult.js";
export { resolveConfiguredRealtimeVoiceProvider } from "../realtime-voice/provider-resolve.js";
export type {
  CreateRealtimeVoiceBridgeSessionParams,
  RealtimeVoiceAudioSink,
  RealtimeVoiceBridgeSession,
  RealtimeVoiceMarkStrategy,
} from "../realtime-voice/bridge-session.js";
export type { RealtimeVoiceAgentConsultArgs, RealtimeVoiceAgentConsultPolicy, RealtimeVoiceAgentConsultToolPolicy } from "../realtime-voice/consult.js";
export type { ResolveConfiguredRealtimeVoiceProviderParams } from "../realtime-voice/provider-resolve.js";
export type {
  RealtimeVoiceAudioFormat,
  RealtimeVoiceBridge,
  RealtimeVoiceBridgeCallbacks,
  RealtimeVoiceBridgeCreateRequest,
  RealtimeVoiceBridgeEvent,
  RealtimeVoiceCloseOptions,
  RealtimeVoiceCloseReason,
  RealtimeVoiceProvider,
  RealtimeVoiceRole,
  RealtimeVoiceTool,
  RealtimeVoiceToolCallEvent,
  RealtimeVoiceToolResultOptions,
} from "../realtime-voice/types.js";
