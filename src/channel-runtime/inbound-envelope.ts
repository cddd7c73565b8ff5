/**
 * The envelope a channel wraps around an inbound message before the agent sees it: the route's session store, the
 * time since the session was last active, and the gateway's envelope format. The formatting itself belongs to the
 * gateway (`api.runtime.channel.reply.formatAgentEnvelope`); these helpers wire the steps together in the right order.
 */

/**
 * The part of a resolved route the envelope needs.
 *
 * @example
 * ```ts
 * const route: InboundRouteLike = { agentId: "main", sessionKey: "agent:main:main" };
 * ```
 */
export interface InboundRouteLike {
  agentId: string;
  sessionKey: string;
}

/**
 * The peer an inbound message comes from.
 *
 * @example
 * ```ts
 * const peer: InboundRoutePeerLike = { kind: "direct", id: "user-1" };
 * ```
 */
export interface InboundRoutePeerLike {
  kind: "direct" | "group" | "channel";
  id: string | number;
}

/**
 * What `formatAgentEnvelope` receives.
 *
 * @example
 * ```ts
 * const p: InboundEnvelopeFormatParams<{ timezone: string }> = { channel: "Chat", from: "Ann", body: "hi", envelope: { timezone: "UTC" } };
 * ```
 */
export interface InboundEnvelopeFormatParams<TEnvelope> {
  channel: string;
  from: string;
  timestamp?: number;
  /** When the session was last updated (`undefined` for a new session). */
  previousTimestamp?: number;
  envelope: TEnvelope;
  body: string;
}

/**
 * What the route resolver receives.
 *
 * @example
 * ```ts
 * const p: InboundRouteResolveParams<object, InboundRoutePeerLike> = { cfg: {}, channel: "chat", accountId: "default", peer: { kind: "direct", id: "u1" } };
 * ```
 */
export interface InboundRouteResolveParams<TConfig, TPeer extends InboundRoutePeerLike> {
  cfg: TConfig;
  channel: string;
  accountId: string;
  peer: TPeer;
}

/**
 * The session-store and envelope functions the builder calls (the gateway's `runtime.channel.session` / `.reply`).
 *
 * @example
 * ```ts
 * declare const fns: InboundEnvelopeFunctions<object, unknown>;
 * ```
 */
export interface InboundEnvelopeFunctions<TConfig, TEnvelope> {
  resolveStorePath: (store: string | undefined, opts: { agentId: string }) => string;
  readSessionUpdatedAt: (params: { storePath: string; sessionKey: string }) => number | undefined;
  resolveEnvelopeFormatOptions: (cfg: TConfig) => TEnvelope;
  formatAgentEnvelope: (params: InboundEnvelopeFormatParams<TEnvelope>) => string;
}

/**
 * Input of one envelope build.
 *
 * @example
 * ```ts
 * const input: InboundEnvelopeInput = { channel: "Chat", from: "DM with Ann", body: "hi", timestamp: Date.now() };
 * ```
 */
export interface InboundEnvelopeInput {
  channel: string;
  from: string;
  body: string;
  timestamp?: number;
}

/**
 * Builds one message's envelope: the store path of the route and the formatted body.
 *
 * @example
 * ```ts
 * declare const build: InboundEnvelopeBuilder;
 * const { storePath, body } = build({ channel: "Chat", from: "Ann", body: "hi" });
 * ```
 */
export type InboundEnvelopeBuilder = (input: InboundEnvelopeInput) => { storePath: string; body: string };

/**
 * A builder for one route: resolves the route's session store once; each call reads when the session was last
 * updated and formats the body with the gateway's envelope options.
 *
 * @example
 * ```ts
 * const build = createInboundEnvelopeBuilder({ cfg, route, sessionStore: cfg.session?.store, ...runtime.channel.session, ...runtime.channel.reply });
 * ```
 */
export function createInboundEnvelopeBuilder<TConfig, TEnvelope>(
  params: {
    cfg: TConfig;
    route: InboundRouteLike;
    sessionStore?: string;
  } & InboundEnvelopeFunctions<TConfig, TEnvelope>,
): InboundEnvelopeBuilder {
  const storePath = params.resolveStorePath(params.sessionStore, { agentId: params.route.agentId });
  const envelope = params.resolveEnvelopeFormatOptions(params.cfg);
  return (input) => {
    const previousTimestamp = params.readSessionUpdatedAt({ storePath, sessionKey: params.route.sessionKey });
    const body = params.formatAgentEnvelope({
      channel: input.channel,
      from: input.from,
      ...(input.timestamp !== undefined ? { timestamp: input.timestamp } : {}),
      ...(previousTimestamp !== undefined ? { previousTimestamp } : {}),
      envelope,
      body: input.body,
    });
    return { storePath, body };
  };
}

/**
 * Resolves the agent route of an inbound message and returns it with an envelope builder for that route.
 *
 * @example
 * ```ts
 * const { route, buildEnvelope } = resolveInboundRouteEnvelopeBuilder({ cfg, channel: "chat", accountId, peer, resolveAgentRoute, ...fns });
 * ```
 */
export function resolveInboundRouteEnvelopeBuilder<TConfig, TEnvelope, TRoute extends InboundRouteLike, TPeer extends InboundRoutePeerLike>(
  params: {
    cfg: TConfig;
    channel: string;
    accountId: string;
    peer: TPeer;
    resolveAgentRoute: (params: InboundRouteResolveParams<TConfig, TPeer>) => TRoute;
    sessionStore?: string;
  } & InboundEnvelopeFunctions<TConfig, TEnvelope>,
): { route: TRoute; buildEnvelope: InboundEnvelopeBuilder } {
  const route = params.resolveAgentRoute({ cfg: params.cfg, channel: params.channel, accountId: params.accountId, peer: params.peer });
  const buildEnvelope = createInboundEnvelopeBuilder<TConfig, TEnvelope>({
    cfg: params.cfg,
    route,
    ...(params.sessionStore !== undefined ? { sessionStore: params.sessionStore } : {}),
    resolveStorePath: params.resolveStorePath,
    readSessionUpdatedAt: params.readSessionUpdatedAt,
    resolveEnvelopeFormatOptions: params.resolveEnvelopeFormatOptions,
    formatAgentEnvelope: params.formatAgentEnvelope,
  });
  return { route, buildEnvelope };
}

/**
 * The slice of `api.runtime.channel` the envelope helpers call.
 *
 * @example
 * ```ts
 * declare const api: { runtime: { channel: InboundRouteEnvelopeRuntime<object, unknown, InboundRouteLike, InboundRoutePeerLike> } };
 * ```
 */
export interface InboundRouteEnvelopeRuntime<TConfig, TEnvelope, TRoute extends InboundRouteLike, TPeer extends InboundRoutePeerLike> {
  routing: { resolveAgentRoute: (params: InboundRouteResolveParams<TConfig, TPeer>) => TRoute };
  session: Pick<InboundEnvelopeFunctions<TConfig, TEnvelope>, "resolveStorePath" | "readSessionUpdatedAt">;
  reply: Pick<InboundEnvelopeFunctions<TConfig, TEnvelope>, "resolveEnvelopeFormatOptions" | "formatAgentEnvelope">;
}

/**
 * `resolveInboundRouteEnvelopeBuilder` over the plugin's `api.runtime.channel` (routing, session and reply namespaces).
 * Throws a clear error when the runtime lacks one of the four functions (for example a test runtime without them).
 *
 * @example
 * ```ts
 * const { route, buildEnvelope } = resolveInboundRouteEnvelopeBuilderWithRuntime({
 *   cfg, channel: "chat", accountId, peer: { kind: "direct", id: senderId }, runtime: api.runtime.channel, sessionStore: cfg.session?.store,
 * });
 * const { storePath, body } = buildEnvelope({ channel: "Chat", from: senderName, body: text, timestamp });
 * ```
 */
export function resolveInboundRouteEnvelopeBuilderWithRuntime<TConfig, TEnvelope, TRoute extends InboundRouteLike, TPeer extends InboundRoutePeerLike>(params: {
  cfg: TConfig;
  channel: string;
  accountId: string;
  peer: TPeer;
  runtime: InboundRouteEnvelopeRuntime<TConfig, TEnvelope, TRoute, TPeer>;
  sessionStore?: string;
}): { route: TRoute; buildEnvelope: InboundEnvelopeBuilder } {
  const { runtime } = params;
  const required: Array<[string, unknown]> = [
    ["routing.resolveAgentRoute", runtime?.routing?.resolveAgentRoute],
    ["session.resolveStorePath", runtime?.session?.resolveStorePath],
    ["session.readSessionUpdatedAt", runtime?.session?.readSessionUpdatedAt],
    ["reply.resolveEnvelopeFormatOptions", runtime?.reply?.resolveEnvelopeFormatOptions],
    ["reply.formatAgentEnvelope", runtime?.reply?.formatAgentEnvelope],
  ];
  const missing = required.filter(([, fn]) => typeof fn !== "function").map(([name]) => `runtime.channel.${name}`);
  if (missing.length > 0) {
    throw new Error(
      `resolveInboundRouteEnvelopeBuilderWithRuntime: the runtime passed as "runtime" lacks ${missing.join(", ")}; pass api.runtime.channel from the gateway (or add these functions to your test runtime).`,
    );
  }
  return resolveInboundRouteEnvelopeBuilder<TConfig, TEnvelope, TRoute, TPeer>({
    cfg: params.cfg,
    channel: params.channel,
    accountId: params.accountId,
    peer: params.peer,
    resolveAgentRoute: runtime.routing.resolveAgentRoute,
    ...(params.sessionStore !== undefined ? { sessionStore: params.sessionStore } : {}),
    resolveStorePath: runtime.session.resolveStorePath,
    readSessionUpdatedAt: runtime.session.readSessionUpdatedAt,
    resolveEnvelopeFormatOptions: runtime.reply.resolveEnvelopeFormatOptions,
    formatAgentEnvelope: runtime.reply.formatAgentEnvelope,
  });
}
