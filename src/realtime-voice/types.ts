/**
 * The realtime voice contract between a plugin that carries a call (telephony, browser) and a realtime voice
 * provider (speech-to-speech model): audio formats, tools, events, the provider's bridge and the session a plugin drives.
 */

/**
 * Audio on the wire: 8 kHz G.711 µ-law (telephony) or 24 kHz PCM16, mono.
 *
 * @example
 * ```ts
 * const f: RealtimeVoiceAudioFormat = { encoding: "g711_ulaw", sampleRateHz: 8000, channels: 1 };
 * ```
 */
export type RealtimeVoiceAudioFormat =
  | { encoding: "g711_ulaw"; sampleRateHz: 8000; channels: 1 }
  | { encoding: "pcm16"; sampleRateHz: 24000; channels: 1 };

/**
 * Who spoke a transcript line.
 *
 * @example
 * ```ts
 * const role: RealtimeVoiceRole = "assistant";
 * ```
 */
export type RealtimeVoiceRole = "user" | "assistant";

/**
 * Why a realtime connection closed.
 *
 * @example
 * ```ts
 * const reason: RealtimeVoiceCloseReason = "completed";
 * ```
 */
export type RealtimeVoiceCloseReason = "completed" | "error";

/**
 * A function tool offered to the realtime model (JSON Schema parameters).
 *
 * @example
 * ```ts
 * const t: RealtimeVoiceTool = { type: "function", name: "hang_up", description: "End the call.", parameters: { type: "object", properties: {} } };
 * ```
 */
export interface RealtimeVoiceTool {
  type: "function";
  name: string;
  description: string;
  parameters: { type: "object"; properties: Record<string, unknown>; required?: string[] };
}

/**
 * The model called a tool; answer with `session.submitToolResult(callId, result)`.
 *
 * @example
 * ```ts
 * const e: RealtimeVoiceToolCallEvent = { itemId: "i1", callId: "c1", name: "hang_up", args: {} };
 * ```
 */
export interface RealtimeVoiceToolCallEvent {
  itemId: string;
  callId: string;
  name: string;
  args: unknown;
}

/**
 * Options of `submitToolResult`.
 *
 * @example
 * ```ts
 * const o: RealtimeVoiceToolResultOptions = { suppressResponse: true };
 * ```
 */
export interface RealtimeVoiceToolResultOptions {
  /** Submit without asking the model for a new spoken response (the answer went out another way). */
  suppressResponse?: boolean;
  /** More results for this call will follow. */
  willContinue?: boolean;
}

/**
 * Options of `close`: `"detach"` keeps work the host already accepted running; `"abort"` (default) cancels it.
 *
 * @example
 * ```ts
 * session.close({ disposition: "detach" });
 * ```
 */
export interface RealtimeVoiceCloseOptions {
  disposition?: "abort" | "detach";
}

/**
 * A protocol event between the bridge and the provider (`response.created`, `response.done`, `error`, …).
 *
 * @example
 * ```ts
 * const e: RealtimeVoiceBridgeEvent = { direction: "server", type: "response.done", detail: "status=completed" };
 * ```
 */
export interface RealtimeVoiceBridgeEvent {
  direction: "client" | "server";
  type: string;
  detail?: string;
  itemId?: string;
  responseId?: string;
}

/**
 * What a provider's bridge reports back (wired by `createRealtimeVoiceBridgeSession`).
 *
 * @example
 * ```ts
 * declare const callbacks: RealtimeVoiceBridgeCallbacks;
 * callbacks.onTranscript?.("assistant", "Hello!", true);
 * ```
 */
export interface RealtimeVoiceBridgeCallbacks {
  onAudio: (audio: Buffer, metadata?: Record<string, unknown>) => void;
  onClearAudio: (reason?: string) => void;
  onMark?: (markName: string, acknowledge?: () => void) => void;
  onTranscript?: (role: RealtimeVoiceRole, text: string, isFinal: boolean) => void;
  onEvent?: (event: RealtimeVoiceBridgeEvent) => void;
  onToolCall?: (event: RealtimeVoiceToolCallEvent) => void;
  onReady?: () => void;
  onError?: (error: Error) => void;
  onClose?: (reason: RealtimeVoiceCloseReason) => void;
}

/**
 * What `provider.createBridge` receives.
 *
 * @example
 * ```ts
 * declare const request: RealtimeVoiceBridgeCreateRequest;
 * request.audioFormat.encoding; // "g711_ulaw" | "pcm16"
 * ```
 */
export interface RealtimeVoiceBridgeCreateRequest extends RealtimeVoiceBridgeCallbacks {
  cfg?: unknown;
  agentId?: string;
  providerConfig: Record<string, unknown>;
  audioFormat: RealtimeVoiceAudioFormat;
  instructions?: string;
  language?: string;
  autoRespondToAudio?: boolean;
  interruptResponseOnInputAudio?: boolean;
  tools?: RealtimeVoiceTool[];
}

/**
 * The provider side of one realtime connection.
 *
 * @example
 * ```ts
 * declare const bridge: RealtimeVoiceBridge;
 * await bridge.connect();
 * ```
 */
export interface RealtimeVoiceBridge {
  connect(): Promise<void>;
  sendAudio(audio: Buffer): void;
  setMediaTimestamp(ts: number): void;
  submitToolResult(callId: string, result: unknown, options?: RealtimeVoiceToolResultOptions): void | Promise<void>;
  acknowledgeMark(markName?: string): void;
  close(options?: RealtimeVoiceCloseOptions): void | Promise<void>;
  sendUserMessage?(text: string): void;
  triggerGreeting?(instructions?: string): void;
  handleBargeIn?(options?: Record<string, unknown>): void;
  /** `false` when the provider cannot take a tool result without answering it. */
  supportsToolResultSuppression?: boolean;
  isConnected?(): boolean;
}

/**
 * A realtime voice provider as a plugin registers it (`api.registerRealtimeVoiceProvider`).
 *
 * @example
 * ```ts
 * const provider: RealtimeVoiceProvider = { id: "my-voice", createBridge: (req) => openBridge(req) };
 * ```
 */
export interface RealtimeVoiceProvider {
  id: string;
  label?: string;
  aliases?: string[];
  defaultModel?: string;
  /** Turns the raw config section into the provider's config (default: the raw section). */
  resolveConfig?(params: { cfg: unknown; rawConfig: Record<string, unknown>; agentId?: string }): Record<string, unknown>;
  /** Whether the provider has what it needs (credentials…) with this config (default: yes). */
  isConfigured?(params: { cfg: unknown; providerConfig: Record<string, unknown> }): boolean;
  createBridge(request: RealtimeVoiceBridgeCreateRequest): RealtimeVoiceBridge;
  [member: string]: unknown;
}
