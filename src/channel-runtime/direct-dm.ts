/**
 * One call that takes an admitted direct message from a channel to the agent and its reply back: route, envelope,
 * inbound context, session record, reply dispatch.
 *
 * The gateway owns each step; this helper calls them in order through the runtime the plugin passes in
 * (`api.runtime`): `channel.routing.resolveAgentRoute`, `channel.session.resolveStorePath` /
 * `readSessionUpdatedAt` / `recordInboundSession`, and `channel.reply.resolveEnvelopeFormatOptions` /
 * `formatAgentEnvelope` / `finalizeInboundContext` / `dispatchReplyWithBufferedBlockDispatcher` — the runtime
 * functions channel plugins already call themselves. Newer gateway-internal turn plumbing (ingress provenance,
 * turn adoption) is not reachable from a plugin, so it is not part of this contract.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginRuntime } from "../contract/runtime.js";
import type { OutboundReplyPayload } from "../reply/payload.js";
import { resolveInboundRouteEnvelopeBuilderWithRuntime } from "./inbound-envelope.js";

/**
 * The peer of a direct message.
 *
 * @example
 * ```ts
 * const peer: DirectDmRoutePeer = { kind: "direct", id: "user-1" };
 * ```
 */
export interface DirectDmRoutePeer {
  kind: "direct";
  id: string;
}

/**
 * The agent route a direct message was dispatched on.
 *
 * @example
 * ```ts
 * const route: DirectDmRoute = { agentId: "main", sessionKey: "agent:main:main", accountId: "default" };
 * ```
 */
export interface DirectDmRoute {
  agentId: string;
  sessionKey: string;
  accountId?: string;
}

/**
 * The finalized inbound context (`Body`, `SessionKey`, `From`, …) the gateway's `finalizeInboundContext` returns.
 *
 * @example
 * ```ts
 * declare const ctx: FinalizedInboundContext;
 * console.log(ctx.SessionKey);
 * ```
 */
export interface FinalizedInboundContext {
  SessionKey?: string;
  Body?: string;
  [key: string]: unknown;
}

/**
 * Input of `dispatchInboundDirectDmWithRuntime`.
 *
 * @example
 * ```ts
 * declare const params: DispatchInboundDirectDmWithRuntimeParams;
 * ```
 */
export interface DispatchInboundDirectDmWithRuntimeParams {
  cfg: OpenClawConfig;
  runtime: PluginRuntime;
  /** Channel id (`"trueconf"`), used for `Provider`, `Surface` and `OriginatingChannel` unless given. */
  channel: string;
  /** Human name of the channel shown in the envelope (`"TrueConf"`). */
  channelLabel: string;
  accountId: string;
  peer: DirectDmRoutePeer;
  senderId: string;
  /** Address the reply goes to (`From`, and `OriginatingTo` unless given). */
  senderAddress: string;
  /** The bot's own address (`To`). */
  recipientAddress: string;
  conversationLabel: string;
  rawBody: string;
  messageId: string;
  timestamp?: number;
  commandAuthorized?: boolean;
  /** Set only after the channel's sender/pairing guard admitted this message. */
  inboundAccessAuthorized?: boolean;
  bodyForAgent?: string;
  commandBody?: string;
  provider?: string;
  surface?: string;
  originatingChannel?: string;
  originatingTo?: string;
  /** Extra context fields, merged last (they win). */
  extraContext?: Record<string, unknown>;
  deliver: (payload: OutboundReplyPayload) => Promise<void>;
  onRecordError: (err: unknown) => void;
  onDispatchError: (err: unknown, info: { kind: string }) => void;
  /** Accepted for source compatibility with gateway-internal callers; not used (see the module note). */
  channelIngress?: unknown;
  turnAdoptionLifecycle?: unknown;
  channelRuntime?: { inbound?: { buildContext?: unknown } };
}

function runtimeFunction(runtime: PluginRuntime, namespace: "session" | "reply", name: string): (...args: never[]) => unknown {
  const fn = (runtime?.channel?.[namespace] as Record<string, unknown> | undefined)?.[name];
  if (typeof fn !== "function") {
    throw new Error(
      `dispatchInboundDirectDmWithRuntime: runtime.channel.${namespace}.${name} is missing; pass api.runtime from the gateway (or add it to your test runtime).`,
    );
  }
  return fn as (...args: never[]) => unknown;
}

/**
 * Dispatches an admitted direct message to the agent and streams the reply to `deliver`: resolves the route, wraps
 * the text in the gateway's envelope, finalizes the inbound context, records the session (failures go to
 * `onRecordError` and do not stop the reply), then runs the reply dispatcher (its failures go to `onDispatchError`).
 *
 * @example
 * ```ts
 * await dispatchInboundDirectDmWithRuntime({
 *   cfg, runtime: api.runtime, channel: "chat", channelLabel: "Chat", accountId: "default",
 *   peer: { kind: "direct", id: msg.from }, senderId: msg.from, senderAddress: msg.from, recipientAddress: botId,
 *   conversationLabel: `DM with ${msg.from}`, rawBody: msg.text, messageId: msg.id, timestamp: msg.ts,
 *   deliver: async (payload) => send(msg.from, payload.text ?? ""),
 *   onRecordError: (err) => log.warn(String(err)), onDispatchError: (err, info) => log.error(`${info.kind}: ${String(err)}`),
 * });
 * ```
 */
export async function dispatchInboundDirectDmWithRuntime(params: DispatchInboundDirectDmWithRuntimeParams): Promise<{
  route: DirectDmRoute;
  storePath: string;
  ctxPayload: FinalizedInboundContext;
}> {
  const { runtime, cfg } = params;
  const finalizeInboundContext = runtimeFunction(runtime, "reply", "finalizeInboundContext") as (ctx: Record<string, unknown>) => FinalizedInboundContext;
  const recordInboundSession = runtimeFunction(runtime, "session", "recordInboundSession") as (p: {
    storePath: string;
    sessionKey: string;
    ctx: FinalizedInboundContext;
    onRecordError: (err: unknown) => void;
  }) => Promise<void> | void;
  const dispatchReply = runtimeFunction(runtime, "reply", "dispatchReplyWithBufferedBlockDispatcher") as (p: {
    ctx: FinalizedInboundContext;
    cfg: OpenClawConfig;
    dispatcherOptions: { deliver: (payload: OutboundReplyPayload) => Promise<void>; onError: (err: unknown, info: { kind: string }) => void };
  }) => Promise<unknown>;

  const { route, buildEnvelope } = resolveInboundRouteEnvelopeBuilderWithRuntime<OpenClawConfig, unknown, DirectDmRoute, DirectDmRoutePeer>({
    cfg,
    channel: params.channel,
    accountId: params.accountId,
    peer: params.peer,
    runtime: runtime.channel as never,
    ...(cfg.session?.store !== undefined ? { sessionStore: cfg.session.store } : {}),
  });
  const { storePath, body } = buildEnvelope({
    channel: params.channelLabel,
    from: params.conversationLabel,
    body: params.rawBody,
    ...(params.timestamp !== undefined ? { timestamp: params.timestamp } : {}),
  });
  const admitted = params.inboundAccessAuthorized === true;
  const ctxPayload = finalizeInboundContext({
    Body: body,
    BodyForAgent: params.bodyForAgent ?? params.rawBody,
    RawBody: params.rawBody,
    CommandBody: params.commandBody ?? params.rawBody,
    From: params.senderAddress,
    To: params.recipientAddress,
    SessionKey: route.sessionKey,
    AccountId: route.accountId ?? params.accountId,
    ChatType: "direct",
    ConversationLabel: params.conversationLabel,
    SenderId: params.senderId,
    Provider: params.provider ?? params.channel,
    Surface: params.surface ?? params.channel,
    MessageSid: params.messageId,
    MessageSidFull: params.messageId,
    Timestamp: params.timestamp,
    CommandAuthorized: params.commandAuthorized,
    ...(admitted ? { InboundAccessAuthorized: true, ConversationRouteContextObserved: true } : {}),
    ConversationRoutePeerId: params.peer.id,
    NativeDirectUserId: params.peer.id,
    OriginatingChannel: params.originatingChannel ?? params.channel,
    OriginatingTo: params.originatingTo ?? params.senderAddress,
    ...params.extraContext,
  });

  try {
    await recordInboundSession({
      storePath,
      sessionKey: ctxPayload.SessionKey ?? route.sessionKey,
      ctx: ctxPayload,
      onRecordError: params.onRecordError,
    });
  } catch (err) {
    params.onRecordError(err);
  }

  await dispatchReply({
    ctx: ctxPayload,
    cfg,
    dispatcherOptions: {
      deliver: async (payload) => await params.deliver(payload),
      onError: params.onDispatchError,
    },
  });
  return { route, storePath, ctxPayload };
}
