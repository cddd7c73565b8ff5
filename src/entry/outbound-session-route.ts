/**
 * Outbound session routes: which agent session an outbound message belongs to, built the way the gateway keys
 * sessions (`agent:<agentId>:…`, DM grouping from `session.dmScope`, threads as a `:thread:<id>` suffix).
 * Pure functions, no third-party code.
 */
import type { ChannelOutboundSessionRoute, ChatType } from "../contract/channel-messaging.js";
import type { OpenClawConfig } from "../contract/config.js";

function part(where: string, name: string, value: unknown): string {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (text === "") throw new TypeError(`${where}: ${name} must be a non-empty string (got ${JSON.stringify(value)}).`);
  return text;
}

/**
 * Parameters of `buildChannelOutboundSessionRoute`.
 *
 * @example
 * ```ts
 * const p: ChannelOutboundSessionRouteInput = { cfg: {}, agentId: "main", channel: "my-channel", peer: { kind: "direct", id: "u1" }, chatType: "direct", from: "my-channel:bot", to: "u1" };
 * ```
 */
export interface ChannelOutboundSessionRouteInput {
  cfg: OpenClawConfig;
  agentId: string;
  channel: string;
  accountId?: string | null;
  recipientSessionExact?: boolean | "direct-alias" | "delivery-identity";
  peer: { kind: "direct" | "group" | "channel"; id: string };
  chatType: "direct" | "group" | "channel";
  from: string;
  to: string;
  threadId?: string | number;
}

/**
 * Builds the route a channel's messaging adapter returns for an outbound message. Direct peers follow
 * `cfg.session.dmScope`: `main` (default) → `agent:<agent>:main`; `per-peer` → `agent:<agent>:direct:<peer>`;
 * `per-channel-peer` → `agent:<agent>:<channel>:direct:<peer>`; `per-account-channel-peer` →
 * `agent:<agent>:<channel>:<account>:direct:<peer>`. Groups and channels → `agent:<agent>:<channel>:<kind>:<peer>`.
 * Agent and channel ids are lower-cased; `baseSessionKey` equals `sessionKey`.
 *
 * @example
 * ```ts
 * const route = buildChannelOutboundSessionRoute({
 *   cfg, agentId: "main", channel: "my-channel", peer: { kind: "group", id: "g1" }, chatType: "group", from: "my-channel:bot", to: "g1",
 * });
 * route.sessionKey; // "agent:main:my-channel:group:g1"
 * ```
 */
export function buildChannelOutboundSessionRoute(params: ChannelOutboundSessionRouteInput): ChannelOutboundSessionRoute {
  const where = "buildChannelOutboundSessionRoute";
  const agentId = part(where, "agentId", params.agentId).toLowerCase();
  const channel = part(where, "channel", params.channel).toLowerCase();
  const peerId = part(where, "peer.id", params.peer?.id);
  const kind = params.peer.kind;
  if (kind !== "direct" && kind !== "group" && kind !== "channel") {
    throw new TypeError(`${where}: peer.kind must be "direct", "group" or "channel" (got ${JSON.stringify(kind)}).`);
  }
  let sessionKey: string;
  if (kind === "direct") {
    const scope = params.cfg?.session?.dmScope ?? "main";
    if (scope === "per-peer") sessionKey = `agent:${agentId}:direct:${peerId}`;
    else if (scope === "per-channel-peer") sessionKey = `agent:${agentId}:${channel}:direct:${peerId}`;
    else if (scope === "per-account-channel-peer") {
      const account = (params.accountId ?? "").trim().toLowerCase() || "default";
      sessionKey = `agent:${agentId}:${channel}:${account}:direct:${peerId}`;
    } else sessionKey = `agent:${agentId}:main`;
  } else {
    sessionKey = `agent:${agentId}:${channel}:${kind}:${peerId}`;
  }
  return {
    sessionKey,
    baseSessionKey: sessionKey,
    ...(params.recipientSessionExact !== undefined ? { recipientSessionExact: params.recipientSessionExact } : {}),
    peer: { kind: kind as ChatType, id: peerId },
    chatType: params.chatType,
    from: params.from,
    to: params.to,
    ...(params.threadId !== undefined ? { threadId: params.threadId } : {}),
  };
}

/**
 * Where `buildThreadAwareOutboundSessionRoute` may take the thread id from.
 *
 * @example
 * ```ts
 * const order: ThreadAwareOutboundSessionRouteThreadSource[] = ["replyToId", "threadId", "currentSession"];
 * ```
 */
export type ThreadAwareOutboundSessionRouteThreadSource = "replyToId" | "threadId" | "currentSession";

/**
 * What a `canRecover` callback sees before the current session's thread id is reused.
 *
 * @example
 * ```ts
 * const allow = (ctx: ThreadAwareOutboundSessionRouteRecoveryContext) => ctx.currentThreadId !== "";
 * ```
 */
export interface ThreadAwareOutboundSessionRouteRecoveryContext {
  route: ChannelOutboundSessionRoute;
  currentBaseSessionKey: string;
  currentThreadId: string;
}

/**
 * The thread id of `currentSessionKey` when it is a `:thread:<id>` session of the same base route (and
 * `canRecover`, if given, agrees); otherwise `undefined`.
 *
 * @example
 * ```ts
 * recoverCurrentThreadSessionId({ route, currentSessionKey: `${route.baseSessionKey}:thread:171.5` }); // "171.5"
 * ```
 */
export function recoverCurrentThreadSessionId(params: {
  route: ChannelOutboundSessionRoute;
  currentSessionKey?: string | null;
  canRecover?: (context: ThreadAwareOutboundSessionRouteRecoveryContext) => boolean;
}): string | undefined {
  const current = params.currentSessionKey;
  const prefix = `${params.route.baseSessionKey}:thread:`;
  if (typeof current !== "string" || !current.startsWith(prefix)) return undefined;
  const currentThreadId = current.slice(prefix.length);
  if (currentThreadId === "") return undefined;
  const context = { route: params.route, currentBaseSessionKey: params.route.baseSessionKey, currentThreadId };
  if (params.canRecover && !params.canRecover(context)) return undefined;
  return currentThreadId;
}

/**
 * Adds thread awareness to a route: the first thread id found in `precedence` order (default: explicit
 * `threadId`, then `replyToId`, then the thread of `currentSessionKey` when it belongs to the same base route)
 * becomes `threadId`, and — unless `useSuffix: false` — `sessionKey` becomes `<base>:thread:<id>`, where `<base>`
 * is `parentSessionKey` when given, else the route's `baseSessionKey`. Without a thread id the route is returned
 * unchanged.
 *
 * @example
 * ```ts
 * const threaded = buildThreadAwareOutboundSessionRoute({ route, replyToId: "171.5" });
 * threaded.sessionKey; // `${route.baseSessionKey}:thread:171.5`
 * ```
 */
export function buildThreadAwareOutboundSessionRoute(params: {
  route: ChannelOutboundSessionRoute;
  replyToId?: string | number | null;
  threadId?: string | number | null;
  currentSessionKey?: string | null;
  precedence?: readonly ThreadAwareOutboundSessionRouteThreadSource[];
  useSuffix?: boolean;
  parentSessionKey?: string;
  normalizeThreadId?: (threadId: string) => string;
  canRecoverCurrentThread?: (context: ThreadAwareOutboundSessionRouteRecoveryContext) => boolean;
}): ChannelOutboundSessionRoute {
  const { route } = params;
  const explicit = (value: string | number | null | undefined) =>
    value === null || value === undefined || String(value).trim() === "" ? undefined : String(value).trim();
  let found: string | undefined;
  for (const source of params.precedence ?? ["threadId", "replyToId", "currentSession"]) {
    if (source === "threadId") found = explicit(params.threadId);
    else if (source === "replyToId") found = explicit(params.replyToId);
    else if (source === "currentSession") {
      found = recoverCurrentThreadSessionId({
        route,
        currentSessionKey: params.currentSessionKey,
        ...(params.canRecoverCurrentThread ? { canRecover: params.canRecoverCurrentThread } : {}),
      });
    }
    if (found !== undefined) break;
  }
  if (found === undefined) return route;
  const threadId = params.normalizeThreadId ? params.normalizeThreadId(found) : found;
  const base = params.parentSessionKey ?? route.baseSessionKey;
  return {
    ...route,
    sessionKey: params.useSuffix === false ? base : `${base}:thread:${threadId}`,
    baseSessionKey: route.baseSessionKey,
    threadId,
  };
}
