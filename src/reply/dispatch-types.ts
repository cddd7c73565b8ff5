/**
 * Types of the reply pipeline a channel plugin hands its delivery callbacks to (`api.runtime.channel.reply.*`).
 * Types only: the gateway owns the dispatcher.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { ReplyPayload } from "../contract/hook-types.js";

/**
 * Which part of a run a delivered payload is: a tool summary, a streamed block, or the final reply.
 *
 * @example
 * ```ts
 * const kind: ReplyDispatchKind = "final";
 * ```
 */
export type ReplyDispatchKind = "tool" | "block" | "final";

/**
 * Facts about one delivery handed to `deliver`.
 *
 * @example
 * ```ts
 * const deliver = async (payload: ReplyPayload, info: ReplyDispatchRuntimeInfo) => { if (info.kind === "final") … };
 * ```
 */
export interface ReplyDispatchRuntimeInfo {
  kind: ReplyDispatchKind;
  [key: string]: unknown;
}

/**
 * Start/stop callbacks of a channel's typing indicator (see `createTypingCallbacks`).
 *
 * @example
 * ```ts
 * const typing: TypingCallbacks = { onReplyStart: async () => sendTyping(chatId) };
 * ```
 */
export interface TypingCallbacks {
  onReplyStart: () => Promise<void>;
  onIdle?: () => void;
  /** Called when the typing controller is cleaned up (for example after a silent reply). */
  onCleanup?: () => void;
}

/**
 * Values a response-prefix template may use (`{model}`, `{provider}`, `{thinkingLevel}`, `{identityName}`).
 *
 * @example
 * ```ts
 * const context: ResponsePrefixContext = { model: "gpt-5", provider: "openai" };
 * ```
 */
export interface ResponsePrefixContext {
  model?: string;
  modelFull?: string;
  provider?: string;
  thinkingLevel?: string;
  identityName?: string;
}

/**
 * Options of the gateway's reply dispatcher: how payloads are delivered and decorated.
 *
 * @example
 * ```ts
 * const options: ReplyDispatcherOptions = { deliver: async (payload) => send(payload.text ?? "") };
 * ```
 */
export interface ReplyDispatcherOptions {
  deliver: (payload: ReplyPayload, info: ReplyDispatchRuntimeInfo) => Promise<unknown> | unknown;
  silentReplyContext?: { cfg?: OpenClawConfig; sessionKey?: string; surface?: string; conversationType?: string };
  responsePrefix?: string;
  transformReplyPayload?: (payload: ReplyPayload) => ReplyPayload | null;
  responsePrefixContext?: ResponsePrefixContext;
  responsePrefixContextProvider?: () => ResponsePrefixContext;
  onHeartbeatStrip?: () => void;
  onIdle?: () => Promise<void> | void;
  onError?: (error: unknown, info: ReplyDispatchRuntimeInfo) => Promise<void> | void;
  onSkip?: (payload: ReplyPayload, info: ReplyDispatchRuntimeInfo & { reason?: string }) => Promise<void> | void;
  humanDelay?: { mode?: string; minMs?: number; maxMs?: number };
  /** Further dispatcher options the gateway understands. */
  [key: string]: unknown;
}

/**
 * Dispatcher options plus the typing-indicator hooks the dispatcher drives.
 *
 * @example
 * ```ts
 * const options: ReplyDispatcherWithTypingOptions = {
 *   deliver: async (payload) => send(payload.text ?? ""),
 *   typingCallbacks: createTypingCallbacks({ start: () => sendTyping(chatId), onStartError: console.warn }),
 * };
 * ```
 */
export interface ReplyDispatcherWithTypingOptions extends Omit<ReplyDispatcherOptions, "onIdle"> {
  typingCallbacks?: TypingCallbacks;
  onReplyStart?: () => Promise<void> | void;
  onIdle?: () => Promise<void> | void;
  onSettled?: () => unknown;
  onCleanup?: () => void;
}

/**
 * Options for one reply run (`getReply`): streaming callbacks, abort signal, images and run overrides.
 *
 * @example
 * ```ts
 * const options: GetReplyOptions = { abortSignal: controller.signal, onReplyStart: () => sendTyping(chatId) };
 * ```
 */
export interface GetReplyOptions {
  runId?: string;
  abortSignal?: AbortSignal;
  images?: Array<{ type?: string; data?: string; mimeType?: string; [key: string]: unknown }>;
  onReplyStart?: () => Promise<void> | void;
  onTypingCleanup?: () => void;
  onBlockReply?: (payload: ReplyPayload, context?: { abortSignal?: AbortSignal; timeoutMs?: number }) => Promise<void> | void;
  onToolResult?: (payload: ReplyPayload) => Promise<void> | void;
  onPartialReply?: (payload: ReplyPayload) => Promise<void> | void;
  onModelSelected?: (selection: { provider: string; model: string; thinkLevel?: string }) => void;
  disableBlockStreaming?: boolean;
  skillFilter?: string[];
  /** Further run options the gateway understands. */
  [key: string]: unknown;
}
