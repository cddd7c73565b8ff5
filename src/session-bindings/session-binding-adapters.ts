/**
 * Session binding adapters: a channel tells the gateway which conversation is bound to which session (for example a
 * thread bound to a subagent). Adapters live in a process-wide registry shared by every SDK copy, keyed by channel
 * and account.
 */

/**
 * A conversation on a channel account.
 *
 * @example
 * ```ts
 * const ref: ConversationRef = { channel: "my-chat", accountId: "default", conversationId: "thread-9" };
 * ```
 */
export interface ConversationRef {
  channel: string;
  accountId: string;
  conversationId: string;
  parentConversationId?: string;
}

/**
 * What a conversation is bound to.
 *
 * @example
 * ```ts
 * const kind: BindingTargetKind = "subagent";
 * ```
 */
export type BindingTargetKind = "subagent" | "session";

/**
 * Lifecycle state of a binding.
 *
 * @example
 * ```ts
 * const status: BindingStatus = "active";
 * ```
 */
export type BindingStatus = "active" | "ending" | "ended";

/**
 * Where a bound session is placed: the current conversation or a child (new thread).
 *
 * @example
 * ```ts
 * const placement: SessionBindingPlacement = "child";
 * ```
 */
export type SessionBindingPlacement = "current" | "child";

/**
 * One conversation ↔ session binding.
 *
 * @example
 * ```ts
 * const record: SessionBindingRecord = { bindingId: "b1", targetSessionKey: "agent:main:sub:1", targetKind: "subagent", conversation: ref, status: "active", boundAt: Date.now() };
 * ```
 */
export interface SessionBindingRecord {
  bindingId: string;
  targetSessionKey: string;
  targetKind: BindingTargetKind;
  conversation: ConversationRef;
  status: BindingStatus;
  boundAt: number;
  expiresAt?: number;
  metadata?: Record<string, unknown>;
}

/**
 * A request to bind a conversation to a session.
 *
 * @example
 * ```ts
 * const input: SessionBindingBindInput = { targetSessionKey: "agent:main:sub:1", targetKind: "subagent", conversation: ref, placement: "child" };
 * ```
 */
export interface SessionBindingBindInput {
  targetSessionKey: string;
  targetKind: BindingTargetKind;
  conversation: ConversationRef;
  placement?: SessionBindingPlacement;
  metadata?: Record<string, unknown>;
  ttlMs?: number;
}

/**
 * A request to remove bindings (by id or by target session).
 *
 * @example
 * ```ts
 * const input: SessionBindingUnbindInput = { targetSessionKey: "agent:main:sub:1", reason: "subagent ended" };
 * ```
 */
export interface SessionBindingUnbindInput {
  bindingId?: string;
  targetSessionKey?: string;
  scope?: Pick<ConversationRef, "channel" | "accountId">;
  reason: string;
}

/**
 * What an adapter supports.
 *
 * @example
 * ```ts
 * const capabilities: SessionBindingAdapterCapabilities = { placements: ["child"], bindSupported: true, unbindSupported: true };
 * ```
 */
export interface SessionBindingAdapterCapabilities {
  placements?: SessionBindingPlacement[];
  bindSupported?: boolean;
  unbindSupported?: boolean;
}

/**
 * A channel account's binding adapter.
 *
 * @example
 * ```ts
 * const adapter: SessionBindingAdapter = { channel: "my-chat", accountId: "default", listBySession: () => [], resolveByConversation: () => null };
 * ```
 */
export interface SessionBindingAdapter {
  channel: string;
  accountId: string;
  capabilities?: SessionBindingAdapterCapabilities;
  bind?: (input: SessionBindingBindInput) => Promise<SessionBindingRecord | null>;
  listBySession: (targetSessionKey: string) => SessionBindingRecord[];
  resolveByConversation: (ref: ConversationRef) => SessionBindingRecord | null;
  inspectByConversation?: (ref: ConversationRef) => SessionBindingRecord | null;
  inspectByConversationAsync?: (ref: ConversationRef) => Promise<SessionBindingRecord | null>;
  resolveByConversationAsync?: (ref: ConversationRef) => Promise<SessionBindingRecord | null>;
  touch?: (bindingId: string, at?: number) => void;
  touchAsync?: (bindingId: string, at?: number) => Promise<void>;
  unbind?: (input: SessionBindingUnbindInput) => Promise<SessionBindingRecord[]>;
}

const REGISTRY_KEY = Symbol.for("openclaw.plugin-sdk.sessionBindingAdapters");
const registry: Map<string, SessionBindingAdapter> = ((globalThis as Record<symbol, Map<string, SessionBindingAdapter> | undefined>)[
  REGISTRY_KEY
] ??= new Map());
const keyOf = (channel: string, accountId: string): string => `${channel.trim().toLowerCase()}\u0000${accountId.trim().toLowerCase()}`;

/**
 * Registers the adapter for its channel and account, replacing the previous one (an account restart re-registers).
 *
 * @example
 * ```ts
 * registerSessionBindingAdapter(adapter);
 * ```
 */
export function registerSessionBindingAdapter(adapter: SessionBindingAdapter): void {
  if (!adapter || typeof adapter.channel !== "string" || typeof adapter.accountId !== "string" || typeof adapter.resolveByConversation !== "function") {
    throw new TypeError("registerSessionBindingAdapter: an adapter needs channel, accountId, listBySession and resolveByConversation.");
  }
  registry.set(keyOf(adapter.channel, adapter.accountId), adapter);
}

/**
 * Removes the channel account's adapter; with `adapter`, only when that exact adapter is still the registered one (so
 * a stopping account does not remove its successor).
 *
 * @example
 * ```ts
 * unregisterSessionBindingAdapter({ channel: "my-chat", accountId: "default", adapter });
 * ```
 */
export function unregisterSessionBindingAdapter(params: { channel: string; accountId: string; adapter?: SessionBindingAdapter }): void {
  const key = keyOf(params.channel, params.accountId);
  if (params.adapter && registry.get(key) !== params.adapter) return;
  registry.delete(key);
}

/**
 * The adapter registered for a channel account.
 *
 * @example
 * ```ts
 * getSessionBindingAdapter("my-chat", "default")?.resolveByConversation(ref);
 * ```
 */
export function getSessionBindingAdapter(channel: string, accountId: string): SessionBindingAdapter | undefined {
  return registry.get(keyOf(channel, accountId));
}
