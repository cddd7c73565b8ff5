/**
 * Agent ids and agent session keys (`agent:<agentId>:<rest>`): normalising, building, parsing and classifying them.
 */
import { normalizeAccountId } from "../entry/account-id.js";
import type { ChatType } from "../contract/channel-messaging.js";

/** The main session key segment used when config names none. */
export const DEFAULT_MAIN_KEY = "main";
const FALLBACK_AGENT_ID = "main";
const CANONICAL_AGENT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/**
 * The result of a strict normalisation: the value, or why there is none.
 *
 * @example
 * ```ts
 * const r: AgentIdResult = { ok: true, value: "ops" };
 * ```
 */
export type AgentIdResult = { ok: true; value: string } | { ok: false; error: "unrepresentable" };

/**
 * Normalises an explicitly given agent id (lower-case; characters outside `a-z 0-9 _ -` become `-`; at most 64);
 * fails when nothing representable is left.
 *
 * @example
 * ```ts
 * normalizeAgentIdStrict("Ops Team"); // { ok: true, value: "ops-team" }
 * ```
 */
export function normalizeAgentIdStrict(value: string | undefined | null): AgentIdResult {
  const trimmed = (value ?? "").trim();
  const lower = trimmed.toLowerCase();
  if (CANONICAL_AGENT_ID.test(trimmed)) return { ok: true, value: lower };
  const cleaned = lower.replace(/[^a-z0-9_-]+/g, "-").replace(/^-+/, "").replace(/-+$/, "").slice(0, 64);
  return cleaned ? { ok: true, value: cleaned } : { ok: false, error: "unrepresentable" };
}

/**
 * Normalises an agent id to its filesystem-safe form, falling back to `"main"`.
 *
 * @example
 * ```ts
 * normalizeAgentId(" Ops "); // "ops"
 * normalizeAgentId(""); // "main"
 * ```
 */
export function normalizeAgentId(value: string | undefined | null): string {
  const result = normalizeAgentIdStrict(value);
  return result.ok ? result.value : FALLBACK_AGENT_ID;
}

/**
 * Same as {@link normalizeAgentId}.
 *
 * @example
 * ```ts
 * sanitizeAgentId("A/B"); // "a-b"
 * ```
 */
export function sanitizeAgentId(value: string | undefined | null): string {
  return normalizeAgentId(value);
}

/**
 * The main key segment: trimmed and lower-cased, `"main"` when empty.
 *
 * @example
 * ```ts
 * normalizeMainKey(undefined); // "main"
 * ```
 */
export function normalizeMainKey(value: string | undefined | null): string {
  return (value ?? "").trim().toLowerCase() || DEFAULT_MAIN_KEY;
}

/**
 * The main session key of an agent: `agent:<agentId>:<mainKey>`.
 *
 * @example
 * ```ts
 * buildAgentMainSessionKey({ agentId: "Ops" }); // "agent:ops:main"
 * ```
 */
export function buildAgentMainSessionKey(params: { agentId: string; mainKey?: string | undefined }): string {
  return `agent:${normalizeAgentId(params.agentId)}:${normalizeMainKey(params.mainKey)}`;
}

/**
 * An agent session key split into the agent id and the rest.
 *
 * @example
 * ```ts
 * const parsed: ParsedAgentSessionKey = { agentId: "main", rest: "telegram:direct:42" };
 * ```
 */
export type ParsedAgentSessionKey = { agentId: string; rest: string };

/**
 * Splits `agent:<agentId>:<rest>` (the prefix case-insensitively, the agent id lower-cased); `null` for any other shape.
 *
 * @example
 * ```ts
 * parseAgentSessionKey("agent:main:subagent:x"); // { agentId: "main", rest: "subagent:x" }
 * ```
 */
export function parseAgentSessionKey(sessionKey: string | undefined | null): ParsedAgentSessionKey | null {
  const raw = (sessionKey ?? "").trim();
  if (raw.slice(0, 6).toLowerCase() !== "agent:") return null;
  const end = raw.indexOf(":", 6);
  if (end === -1) return null;
  const agentId = raw.slice(6, end).trim().toLowerCase();
  const rest = raw.slice(end + 1);
  return agentId && rest && !rest.startsWith(":") ? { agentId, rest } : null;
}

function restStartsWith(sessionKey: string | undefined | null, prefix: string): boolean {
  const raw = (sessionKey ?? "").trim();
  if (!raw) return false;
  if (raw.toLowerCase().startsWith(prefix)) return true;
  return parseAgentSessionKey(raw)?.rest.toLowerCase().startsWith(prefix) === true;
}

/**
 * Whether a session key belongs to a subagent run (`subagent:…`, bare or agent-scoped).
 *
 * @example
 * ```ts
 * isSubagentSessionKey("agent:main:subagent:abc"); // true
 * ```
 */
export function isSubagentSessionKey(sessionKey: string | undefined | null): boolean {
  return restStartsWith(sessionKey, "subagent:");
}

/**
 * Whether a session key belongs to an ACP session (`acp:…`, bare or agent-scoped).
 *
 * @example
 * ```ts
 * isAcpSessionKey("agent:main:acp:1"); // true
 * ```
 */
export function isAcpSessionKey(sessionKey: string | undefined | null): boolean {
  return restStartsWith(sessionKey, "acp:");
}

/**
 * Whether an agent-scoped session key belongs to a cron job (`agent:<id>:cron:…`).
 *
 * @example
 * ```ts
 * isCronSessionKey("agent:main:cron:nightly"); // true
 * ```
 */
export function isCronSessionKey(sessionKey: string | undefined | null): boolean {
  return parseAgentSessionKey(sessionKey)?.rest.toLowerCase().startsWith("cron:") === true;
}

/**
 * Whether a session key is process-only (an agent-scoped key whose rest starts with `incognito:`).
 *
 * @example
 * ```ts
 * isIncognitoSessionKey("agent:main:incognito:1"); // true
 * ```
 */
export function isIncognitoSessionKey(sessionKey: string | undefined | null): boolean {
  return parseAgentSessionKey(sessionKey)?.rest.toLowerCase().startsWith("incognito:") === true;
}

/**
 * The agent id of an agent-scoped session key, else the normalised fallback (default `"main"`).
 *
 * @example
 * ```ts
 * resolveAgentIdFromSessionKey("agent:ops:main"); // "ops"
 * ```
 */
export function resolveAgentIdFromSessionKey(sessionKey: string | undefined | null, configuredDefaultAgentId?: string): string {
  const parsed = parseAgentSessionKey(sessionKey);
  return normalizeAgentId(parsed?.agentId ?? configuredDefaultAgentId ?? FALLBACK_AGENT_ID);
}

/**
 * Splits a trailing `:thread:<id>` off a session key.
 *
 * @example
 * ```ts
 * parseThreadSessionSuffix("agent:main:slack:channel:c1:thread:99"); // { baseSessionKey: "agent:main:slack:channel:c1", threadId: "99" }
 * ```
 */
export function parseThreadSessionSuffix(sessionKey: string | undefined | null): { baseSessionKey: string | undefined; threadId: string | undefined } {
  const raw = (sessionKey ?? "").trim();
  if (!raw) return { baseSessionKey: undefined, threadId: undefined };
  const marker = raw.toLowerCase().lastIndexOf(":thread:");
  if (marker === -1) return { baseSessionKey: raw, threadId: undefined };
  const threadId = raw.slice(marker + 8).trim();
  return { baseSessionKey: raw.slice(0, marker), threadId: threadId || undefined };
}

/**
 * The session key of a thread under a base session (`<base>:thread:<id>`, the id lower-cased unless
 * `normalizeThreadId` is given); without a thread id, the base key. `useSuffix: false` keeps the base key.
 *
 * @example
 * ```ts
 * resolveThreadSessionKeys({ baseSessionKey: "agent:main:main", threadId: "T1" }); // { sessionKey: "agent:main:main:thread:t1", parentSessionKey: undefined }
 * ```
 */
export function resolveThreadSessionKeys(params: {
  baseSessionKey: string;
  threadId?: string | null;
  parentSessionKey?: string;
  useSuffix?: boolean;
  normalizeThreadId?: (threadId: string) => string;
}): { sessionKey: string; parentSessionKey?: string } {
  const threadId = (params.threadId ?? "").trim();
  if (!threadId) return { sessionKey: params.baseSessionKey, parentSessionKey: undefined };
  const normalized = params.normalizeThreadId?.(threadId) ?? threadId.toLowerCase();
  return {
    sessionKey: (params.useSuffix ?? true) ? `${params.baseSessionKey}:thread:${normalized}` : params.baseSessionKey,
    parentSessionKey: params.parentSessionKey,
  };
}

/**
 * How direct messages are grouped into sessions.
 *
 * @example
 * ```ts
 * const scope: DmScope = "per-channel-peer";
 * ```
 */
export type DmScope = "main" | "per-peer" | "per-channel-peer" | "per-account-channel-peer";

/**
 * How group conversations are grouped into sessions: one per group (default) or all into the main session.
 *
 * @example
 * ```ts
 * const scope: GroupScope = "per-group";
 * ```
 */
export type GroupScope = "per-group" | "main";

function linkedPeerId(identityLinks: Record<string, string[]> | undefined, channel: string, peerId: string): string | null {
  if (!identityLinks || !peerId) return null;
  const candidates = new Set([peerId.toLowerCase(), `${channel}:${peerId}`.toLowerCase()]);
  for (const [canonical, ids] of Object.entries(identityLinks)) {
    if (!canonical.trim() || !Array.isArray(ids)) continue;
    if (ids.some((id) => typeof id === "string" && candidates.has(id.trim().toLowerCase()))) return canonical.trim();
  }
  return null;
}

/**
 * The session key of a conversation with a peer. Direct messages follow `dmScope` (`main`: the agent's main session;
 * `per-peer`: `agent:<a>:direct:<peer>`; `per-channel-peer`: `agent:<a>:<channel>:direct:<peer>`;
 * `per-account-channel-peer`: `agent:<a>:<channel>:<account>:direct:<peer>`), with `identityLinks` mapping a peer to
 * a shared identity; groups and channels are `agent:<a>:<channel>:<kind>:<peer>` unless `groupScope` is `main`.
 *
 * @example
 * ```ts
 * buildAgentSessionKey({ agentId: "main", channel: "telegram", peer: { kind: "group", id: "-100" } }); // "agent:main:telegram:group:-100"
 * ```
 */
export function buildAgentSessionKey(params: {
  agentId: string;
  mainKey?: string;
  channel: string;
  accountId?: string | null;
  peer?: { kind: ChatType; id: string } | null;
  dmScope?: DmScope;
  groupScope?: GroupScope;
  identityLinks?: Record<string, string[]>;
}): string {
  const channel = params.channel.trim().toLowerCase() || "unknown";
  const agent = normalizeAgentId(params.agentId);
  const kind = params.peer?.kind ?? "direct";
  const main = (): string => buildAgentMainSessionKey({ agentId: params.agentId, mainKey: params.mainKey });
  if (kind === "direct") {
    const dmScope = params.dmScope ?? "main";
    if (dmScope === "main") return main();
    let peerId = (params.peer?.id ?? "").trim();
    peerId = (linkedPeerId(params.identityLinks, channel, peerId) ?? peerId).toLowerCase();
    if (!peerId) return main();
    if (dmScope === "per-account-channel-peer") return `agent:${agent}:${channel}:${normalizeAccountId(params.accountId)}:direct:${peerId}`;
    if (dmScope === "per-channel-peer") return `agent:${agent}:${channel}:direct:${peerId}`;
    return `agent:${agent}:direct:${peerId}`;
  }
  if (params.groupScope === "main") return main();
  const peerId = (params.peer?.id ?? "").trim().toLowerCase() || "unknown";
  return `agent:${agent}:${channel}:${kind}:${peerId}`;
}

/**
 * The key under which a group's pending history is kept: `<channel>:<account>:<kind>:<peer>`.
 *
 * @example
 * ```ts
 * buildGroupHistoryKey({ channel: "slack", peerKind: "channel", peerId: "C1" }); // "slack:default:channel:c1"
 * ```
 */
export function buildGroupHistoryKey(params: { channel: string; accountId?: string | null; peerKind: ChatType; peerId: string }): string {
  const channel = params.channel.trim().toLowerCase() || "unknown";
  const peerId = params.peerId.trim().toLowerCase() || "unknown";
  return `${channel}:${normalizeAccountId(params.accountId)}:${params.peerKind}:${peerId}`;
}
