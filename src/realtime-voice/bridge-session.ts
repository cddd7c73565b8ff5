/**
 * The session a call-carrying plugin drives: it owns the provider's bridge, forwards the call's audio in and the
 * model's audio out, and stops forwarding once the call is closing or the provider has gone away.
 */
import type {
  RealtimeVoiceAudioFormat,
  RealtimeVoiceBridge,
  RealtimeVoiceBridgeEvent,
  RealtimeVoiceCloseOptions,
  RealtimeVoiceCloseReason,
  RealtimeVoiceProvider,
  RealtimeVoiceRole,
  RealtimeVoiceTool,
  RealtimeVoiceToolCallEvent,
  RealtimeVoiceToolResultOptions,
} from "./types.js";

/**
 * Where the model's audio goes (the call's transport).
 *
 * @example
 * ```ts
 * const sink: RealtimeVoiceAudioSink = { isOpen: () => ws.open, sendAudio: (audio) => ws.send(audio) };
 * ```
 */
export interface RealtimeVoiceAudioSink {
  /** `false` once the transport is gone: audio is dropped. Default: open. */
  isOpen?: () => boolean;
  sendAudio: (audio: Buffer, metadata?: Record<string, unknown>) => void;
  /** Drop queued audio (the person interrupted). */
  clearAudio?: (reason?: string) => void;
  /** Send a playback mark; call `acknowledge` once the transport played up to it. */
  sendMark?: (markName: string, acknowledge?: () => void) => void;
}

/**
 * The session a plugin drives.
 *
 * @example
 * ```ts
 * declare const session: RealtimeVoiceBridgeSession;
 * await session.connect();
 * session.sendAudio(chunk);
 * ```
 */
export interface RealtimeVoiceBridgeSession {
  /** The provider's bridge. */
  readonly bridge: RealtimeVoiceBridge;
  connect(): Promise<void>;
  sendAudio(audio: Buffer): void;
  sendUserMessage(text: string): void;
  setMediaTimestamp(ts: number): void;
  submitToolResult(callId: string, result: unknown, options?: RealtimeVoiceToolResultOptions): void | Promise<void>;
  triggerGreeting(instructions?: string): void;
  acknowledgeMark(markName?: string): void;
  handleBargeIn(options?: Record<string, unknown>): void;
  /** Closes the provider connection (idempotent). */
  close(options?: RealtimeVoiceCloseOptions): void | Promise<void>;
}

/**
 * How playback marks are handled: `"transport"` (default; the sink acknowledges), `"ack-immediately"`, `"ignore"`.
 *
 * @example
 * ```ts
 * const s: RealtimeVoiceMarkStrategy = "ack-immediately";
 * ```
 */
export type RealtimeVoiceMarkStrategy = "transport" | "ack-immediately" | "ignore";

/**
 * Input of `createRealtimeVoiceBridgeSession`.
 *
 * @example
 * ```ts
 * declare const params: CreateRealtimeVoiceBridgeSessionParams;
 * ```
 */
export interface CreateRealtimeVoiceBridgeSessionParams {
  provider: RealtimeVoiceProvider;
  providerConfig: Record<string, unknown>;
  audioFormat: RealtimeVoiceAudioFormat;
  audioSink: RealtimeVoiceAudioSink;
  cfg?: unknown;
  agentId?: string;
  instructions?: string;
  language?: string;
  initialGreetingInstructions?: string;
  /** Speak `initialGreetingInstructions` as soon as the provider is ready. */
  triggerGreetingOnReady?: boolean;
  autoRespondToAudio?: boolean;
  interruptResponseOnInputAudio?: boolean;
  markStrategy?: RealtimeVoiceMarkStrategy;
  tools?: RealtimeVoiceTool[];
  onTranscript?: (role: RealtimeVoiceRole, text: string, isFinal: boolean) => void;
  onEvent?: (event: RealtimeVoiceBridgeEvent) => void;
  /** A tool call; errors it throws (or rejects with) go to `onError`. */
  onToolCall?: (event: RealtimeVoiceToolCallEvent, session: RealtimeVoiceBridgeSession) => void | Promise<void>;
  onReady?: (session: RealtimeVoiceBridgeSession) => void;
  onError?: (error: Error) => void;
  /** Reported once, whether the provider or the plugin closed. */
  onClose?: (reason: RealtimeVoiceCloseReason) => void;
}

/**
 * Creates the provider's bridge for one call and wraps it in a session. While the session is open, provider
 * callbacks reach the plugin; once it is closing, or the provider closed, audio, marks, tool calls and non-final
 * transcripts are dropped and session calls become no-ops (`connect` then rejects).
 *
 * @example
 * ```ts
 * const session = createRealtimeVoiceBridgeSession({
 *   provider, providerConfig, audioFormat: REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ,
 *   audioSink: { sendAudio: (audio) => ws.send(audio) },
 *   onToolCall: (event, s) => s.submitToolResult(event.callId, { ok: true }),
 * });
 * await session.connect();
 * ```
 */
export function createRealtimeVoiceBridgeSession(params: CreateRealtimeVoiceBridgeSessionParams): RealtimeVoiceBridgeSession {
  if (typeof params?.provider?.createBridge !== "function") {
    throw new Error(`createRealtimeVoiceBridgeSession: provider ${JSON.stringify(params?.provider?.id ?? null)} has no createBridge function.`);
  }
  let phase: "open" | "provider-closed" | "closing" | "closed" = "open";
  let closeReported = false;
  let bridgeRef: RealtimeVoiceBridge | undefined;
  const isOpen = (): boolean => phase === "open";
  const bridge = (): RealtimeVoiceBridge => {
    if (!bridgeRef) throw new Error("Realtime voice bridge is not ready");
    return bridgeRef;
  };
  const canSendAudio = (): boolean => isOpen() && (params.audioSink.isOpen?.() ?? true);
  const reportError = (error: unknown): void => {
    if (!isOpen()) return;
    try {
      params.onError?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // an error handler that throws must not break the provider's callback loop
    }
  };

  const session: RealtimeVoiceBridgeSession = {
    get bridge() {
      return bridge();
    },
    connect: () => {
      if (!isOpen()) return Promise.reject(new Error("Realtime voice session is closed"));
      return bridge().connect();
    },
    sendAudio: (audio) => {
      if (isOpen()) bridge().sendAudio(audio);
    },
    sendUserMessage: (text) => {
      if (isOpen() && text.trim()) bridge().sendUserMessage?.(text);
    },
    setMediaTimestamp: (ts) => {
      if (isOpen()) bridge().setMediaTimestamp(ts);
    },
    submitToolResult: (callId, result, options) => {
      if (!isOpen()) return;
      const current = bridge();
      if (options?.suppressResponse && current.supportsToolResultSuppression === false) {
        throw new Error("Realtime provider does not support suppressed tool results");
      }
      return current.submitToolResult(callId, result, options);
    },
    triggerGreeting: (instructions) => {
      if (isOpen()) bridge().triggerGreeting?.(instructions);
    },
    acknowledgeMark: (markName) => {
      if (isOpen()) bridge().acknowledgeMark(markName);
    },
    handleBargeIn: (options) => {
      if (isOpen() && params.interruptResponseOnInputAudio !== false) bridge().handleBargeIn?.(options);
    },
    close: (options) => {
      if (phase === "closing" || phase === "closed") return;
      phase = "closing";
      try {
        const done = bridge().close(options);
        if (done) return Promise.resolve(done).finally(() => { phase = "closed"; });
      } catch (error) {
        phase = "closed";
        throw error;
      }
      phase = "closed";
    },
  };

  bridgeRef = params.provider.createBridge({
    cfg: params.cfg,
    ...(params.agentId !== undefined ? { agentId: params.agentId } : {}),
    providerConfig: params.providerConfig,
    audioFormat: params.audioFormat,
    ...(params.instructions !== undefined ? { instructions: params.instructions } : {}),
    ...(params.language !== undefined ? { language: params.language } : {}),
    ...(params.autoRespondToAudio !== undefined ? { autoRespondToAudio: params.autoRespondToAudio } : {}),
    ...(params.interruptResponseOnInputAudio !== undefined ? { interruptResponseOnInputAudio: params.interruptResponseOnInputAudio } : {}),
    ...(params.tools !== undefined ? { tools: params.tools } : {}),
    onAudio: (audio, metadata) => {
      if (canSendAudio()) params.audioSink.sendAudio(audio, metadata);
    },
    onClearAudio: (reason) => {
      if (canSendAudio()) params.audioSink.clearAudio?.(reason);
    },
    onMark: (markName, acknowledge) => {
      if (!canSendAudio() || params.markStrategy === "ignore") return;
      if (params.markStrategy === "ack-immediately") {
        if (acknowledge) acknowledge();
        else bridgeRef?.acknowledgeMark(markName);
        return;
      }
      params.audioSink.sendMark?.(markName, acknowledge ? () => { if (canSendAudio()) acknowledge(); } : undefined);
    },
    onTranscript: (role, text, isFinal) => {
      // A final line that arrives while closing still belongs to the call's record.
      if (isOpen() || (phase === "closing" && isFinal)) params.onTranscript?.(role, text, isFinal);
    },
    onEvent: (event) => {
      if (isOpen()) params.onEvent?.(event);
    },
    onToolCall: (event) => {
      if (!bridgeRef || !isOpen()) return;
      try {
        const pending = params.onToolCall?.(event, session);
        if (pending) pending.catch(reportError);
      } catch (error) {
        reportError(error);
      }
    },
    onReady: () => {
      if (!bridgeRef || !isOpen()) return;
      if (params.triggerGreetingOnReady) session.triggerGreeting(params.initialGreetingInstructions);
      params.onReady?.(session);
    },
    onError: (error) => reportError(error),
    onClose: (reason) => {
      if (phase === "open") phase = "provider-closed";
      if (closeReported) return;
      closeReported = true;
      params.onClose?.(reason);
    },
  });
  return session;
}
