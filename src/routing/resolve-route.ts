/**
 * Which agent handles an inbound conversation: the first matching `bindings[]` entry in config, else the default
 * agent, plus the session key the conversation lands in.
 */
import { listAgentIds, resolveDefaultAgentId } from "../agent-config/agents.js";
import type { ChatType } from "../contract/channel-messaging.js";
import type { OpenClawConfig } from "../contract/config.js";
import { normalizeAccountId } from "../entry/account-id.js";
import { buildAgentMainSessionKey, buildAgentSessionKey, normalizeAgentId, type DmScope, type GroupScope } from "./session-key.js";

/**
 * The peer kind of a route.
 *
 * @deprecated Use `ChatType`; to be removed on 2027-06-01.
 * @example
 * ```ts
 * const kind: RoutePeerKind = "direct";
 * ```
 */
export type RoutePeerKind = ChatType;

/**
 * The other side of a conversation: its kind and the channel's id for it.
 *
 * @example
 * ```ts
 * const peer: RoutePeer = { kind: "group", id: "-1001234" };
 * ```
 */
export type RoutePeer = { kind: ChatType; id: string };

/**
 * Input of {@link resolveAgentRoute}.
 *
 * @example
 * ```ts
 * const input: ResolveAgentRouteInput = { cfg, channel: "telegram", peer: { kind: "direct", id: "42" } };
 * ```
 */
export type ResolveAgentRouteInput = {
  cfg: OpenClawConfig;
  channel: string;
  /** The owner when no binding matches. */
  defaultAgentId?: string;
  accountId?: string | null;
  peer?: RoutePeer | null;
  dmScope?: DmScope;
  groupScope?: GroupScope;
  /** The parent conversation of a thread, matched when the peer itself is not bound. */
  parentPeer?: RoutePeer | null;
  guildId?: string | null;
  teamId?: string | null;
  /** Member role ids, matched against `match.roles` together with `match.guildId`. */
  memberRoleIds?: string[];
};

/**
 * The result of {@link resolveAgentRoute}.
 *
 * @example
 * ```ts
 * const route: ResolvedAgentRoute = resolveAgentRoute({ cfg, channel: "slack" });
 * ```
 */
export type ResolvedAgentRoute = {
  agentId: string;
  channel: string;
  accountId: string;
  dmScope?: DmScope;
  groupScope?: GroupScope;
  /** Session the conversation is stored and serialised under. */
  sessionKey: string;
  /** The agent's main session. */
  mainSessionKey: string;
  /** Which session receives last-route updates. */
  lastRoutePolicy: "main" | "session";
  /** What matched, for logs. */
  matchedBy:
    | "binding.peer"
    | "binding.peer.parent"
    | "binding.peer.wildcard"
    | "binding.guild+roles"
    | "binding.guild"
    | "binding.team"
    | "binding.account"
    | "binding.channel"
    | "default";
};

/**
 * `"main"` when the session is the main session, else `"session"`.
 *
 * @example
 * ```ts
 * deriveLastRoutePolicy({ sessionKey: "agent:main:main", mainSessionKey: "agent:main:main" }); // "main"
 * ```
 */
export function deriveLastRoutePolicy(params: { sessionKey: string; mainSessionKey: string }): ResolvedAgentRoute["lastRoutePolicy"] {
  return params.sessionKey === params.mainSessionKey ? "main" : "session";
}

/**
 * The session that should record an inbound message's last route.
 *
 * @example
 * ```ts
 * resolveInboundLastRouteSessionKey({ route, sessionKey: route.sessionKey });
 * ```
 */
export function resolveInboundLastRouteSessionKey(params: { route: Pick<ResolvedAgentRoute, "lastRoutePolicy" | "mainSessionKey">; sessionKey: string }): string {
  return params.route.lastRoutePolicy === "main" ? params.route.mainSessionKey : params.sessionKey;
}

type BindingMatch = {
  channel?: unknown;
  accountId?: unknown;
  peer?: { kind?: unknown; id?: unknown };
  guildId?: unknown;
  teamId?: unknown;
  roles?: unknown;
};
type Binding = { agentId?: unknown; match?: BindingMatch; session?: { dmScope?: DmScope; groupScope?: GroupScope } };

const id = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value).trim().toLowerCase() : "");
const kindsMatch = (bound: string, actual: string): boolean =>
  bound === actual || (bound === "group" && actual === "channel") || (bound === "channel" && actual === "group");

function listChannelBindings(cfg: OpenClawConfig, channel: string, accountId: string): Binding[] {
  const raw = (cfg as { bindings?: unknown }).bindings;
  if (!Array.isArray(raw)) return [];
  return raw.filter((entry): entry is Binding => {
    if (typeof entry !== "object" || entry === null) return false;
    const match = (entry as Binding).match;
    if (id(match?.channel) !== channel || typeof (entry as Binding).agentId !== "string") return false;
    const pattern = typeof match?.accountId === "string" ? match.accountId.trim() : "";
    return pattern === "*" || normalizeAccountId(pattern) === accountId;
  });
}

type Tier = ResolvedAgentRoute["matchedBy"];

function tierOf(match: BindingMatch | undefined): Tier | "invalid" {
  if (match?.peer) {
    const kind = id(match.peer.kind);
    const peerId = id(match.peer.id);
    if (!kind || !peerId) return "invalid";
    return peerId === "*" ? "binding.peer.wildcard" : "binding.peer";
  }
  const roles = Array.isArray(match?.roles) && match.roles.length > 0;
  if (id(match?.guildId)) return roles ? "binding.guild+roles" : "binding.guild";
  if (id(match?.teamId)) return "binding.team";
  const pattern = typeof match?.accountId === "string" ? match.accountId.trim() : "";
  return pattern && pattern !== "*" ? "binding.account" : "binding.channel";
}

function matches(binding: Binding, peer: RoutePeer | null, input: ResolveAgentRouteInput, roleIds: Set<string>): boolean {
  const match = binding.match ?? {};
  if (match.peer) {
    if (!peer || !kindsMatch(id(match.peer.kind), peer.kind)) return false;
    if (id(match.peer.id) !== "*" && id(match.peer.id) !== id(peer.id)) return false;
  }
  if (id(match.guildId) && id(match.guildId) !== id(input.guildId)) return false;
  if (id(match.teamId) && id(match.teamId) !== id(input.teamId)) return false;
  if (Array.isArray(match.roles) && match.roles.length > 0 && !match.roles.some((role) => roleIds.has(id(role)))) return false;
  return true;
}

function pickAgentId(cfg: OpenClawConfig, agentId: string): string {
  const wanted = normalizeAgentId(agentId);
  const configured = (cfg.agents as { list?: unknown } | undefined)?.list;
  if (!Array.isArray(configured) || configured.length === 0 || wanted === "main") return wanted;
  const known = listAgentIds(cfg).map((entry) => normalizeAgentId(entry));
  if (known.includes(wanted)) return wanted;
  throw new Error(`routing: binding agentId "${agentId}" is not a configured agent (configured: ${known.join(", ")}); update bindings[].agentId in the config.`);
}

/**
 * Resolves the agent and session for an inbound conversation. Bindings (`cfg.bindings[]`, each
 * `{ agentId, match: { channel, accountId?, peer?, guildId?, teamId?, roles? }, session? }`) for this channel and
 * account (`accountId: "*"` matches every account; none means the default account) are tried in this order: exact
 * peer, parent peer, wildcard peer (`id: "*"`), guild with roles, guild, team, account, channel; the first match in
 * config order within a tier wins. Without a match the route goes to `defaultAgentId`, else the configured default
 * agent. Throws when a matching binding names an agent that is not configured.
 *
 * @example
 * ```ts
 * const route = resolveAgentRoute({ cfg, channel: "telegram", accountId, peer: { kind: "direct", id: senderId } });
 * await dispatch({ sessionKey: route.sessionKey, agentId: route.agentId });
 * ```
 */
export function resolveAgentRoute(input: ResolveAgentRouteInput): ResolvedAgentRoute {
  const channel = input.channel.trim().toLowerCase();
  const accountId = normalizeAccountId(input.accountId);
  const peer = input.peer ? { kind: input.peer.kind, id: String(input.peer.id).trim() } : null;
  const parentPeer = input.parentPeer ? { kind: input.parentPeer.kind, id: String(input.parentPeer.id).trim() } : null;
  const session = input.cfg.session as { dmScope?: DmScope; groupScope?: GroupScope; mainKey?: string; identityLinks?: Record<string, string[]> } | undefined;
  const dmScope = input.dmScope ?? session?.dmScope ?? "main";
  const groupScope = input.groupScope ?? session?.groupScope ?? "per-group";
  const roleIds = new Set((input.memberRoleIds ?? []).map((role) => id(role)));
  const bindings = listChannelBindings(input.cfg, channel, accountId);

  const choose = (agentId: string, matchedBy: Tier, override?: Binding["session"]): ResolvedAgentRoute => {
    const resolvedAgentId = pickAgentId(input.cfg, agentId);
    const effectiveDm = override?.dmScope ?? dmScope;
    const effectiveGroup = override?.groupScope ?? groupScope;
    const sessionKey = buildAgentSessionKey({
      agentId: resolvedAgentId,
      mainKey: session?.mainKey,
      channel,
      accountId,
      peer,
      dmScope: effectiveDm,
      groupScope: effectiveGroup,
      identityLinks: session?.identityLinks,
    });
    const mainSessionKey = buildAgentMainSessionKey({ agentId: resolvedAgentId, mainKey: session?.mainKey });
    return {
      agentId: resolvedAgentId,
      channel,
      accountId,
      dmScope: effectiveDm,
      groupScope: effectiveGroup,
      sessionKey,
      mainSessionKey,
      lastRoutePolicy: deriveLastRoutePolicy({ sessionKey, mainSessionKey }),
      matchedBy,
    };
  };
  const find = (tier: Tier, scopePeer: RoutePeer | null): Binding | undefined =>
    bindings.find((binding) => tierOf(binding.match) === tier && matches(binding, scopePeer, input, roleIds));

  const attempts: Array<[Tier, RoutePeer | null, Tier]> = [
    ["binding.peer", peer, "binding.peer"],
    ["binding.peer", parentPeer, "binding.peer.parent"],
    ["binding.peer.wildcard", peer, "binding.peer.wildcard"],
    ["binding.guild+roles", peer, "binding.guild+roles"],
    ["binding.guild", peer, "binding.guild"],
    ["binding.team", peer, "binding.team"],
    ["binding.account", peer, "binding.account"],
    ["binding.channel", peer, "binding.channel"],
  ];
  for (const [tier, scopePeer, matchedBy] of attempts) {
    if ((tier === "binding.peer" || tier === "binding.peer.wildcard") && !scopePeer) continue;
    const found = find(tier, scopePeer);
    if (found) return choose(found.agentId as string, matchedBy, found.session);
  }
  const fallback = input.defaultAgentId?.trim() || resolveDefaultAgentId(input.cfg);
  return choose(fallback, "default");
}

/**
 * Account ids bound to agents for a channel (explicit, non-wildcard `match.accountId` values), normalised and sorted.
 *
 * @example
 * ```ts
 * listBoundAccountIds(cfg, "telegram"); // ["default", "work"]
 * ```
 */
export function listBoundAccountIds(cfg: OpenClawConfig, channelId: string): string[] {
  const raw = (cfg as { bindings?: unknown }).bindings;
  if (!Array.isArray(raw)) return [];
  const ids = new Set<string>();
  for (const entry of raw as Binding[]) {
    if (id(entry?.match?.channel) !== channelId.trim().toLowerCase()) continue;
    const pattern = typeof entry.match?.accountId === "string" ? entry.match.accountId.trim() : "";
    if (pattern && pattern !== "*") ids.add(normalizeAccountId(pattern));
  }
  return [...ids].sort();
}
