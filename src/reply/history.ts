/**
 * Pending group-chat history for channel plugins: a per-conversation window of messages the agent has not replied to
 * yet, folded into the next prompt as context and cleared after a reply.
 */

/**
 * One message kept in a channel's history window.
 *
 * @example
 * ```ts
 * const entry: HistoryEntry = { sender: "Ada", body: "hello", timestamp: Date.now() };
 * ```
 */
export interface HistoryEntry {
  sender: string;
  body: string;
  timestamp?: number;
  messageId?: string;
  media?: HistoryMediaEntry[];
}

/**
 * Media attached to a history entry.
 *
 * @example
 * ```ts
 * const media: HistoryMediaEntry = { kind: "image", path: "/tmp/cat.png", contentType: "image/png" };
 * ```
 */
export interface HistoryMediaEntry {
  kind?: string;
  path?: string;
  url?: string;
  contentType?: string;
  messageId?: string;
  width?: number;
  height?: number;
  durationMs?: number;
}

/**
 * Default number of pending group messages kept per conversation.
 *
 * @example
 * ```ts
 * const limit = cfg.historyLimit ?? DEFAULT_GROUP_HISTORY_LIMIT; // 50
 * ```
 */
export const DEFAULT_GROUP_HISTORY_LIMIT = 50;

/**
 * Marker line that introduces earlier chat messages in a prompt.
 *
 * @example
 * ```ts
 * prompt.startsWith(HISTORY_CONTEXT_MARKER);
 * ```
 */
export const HISTORY_CONTEXT_MARKER = "[Chat messages since your last reply - for context]";

/** Marker line that introduces the message being answered. */
const CURRENT_MESSAGE_MARKER = "[Current message - respond to this]";

/** At most this many conversations keep a window; the least recently written ones go first. */
const MAX_HISTORY_KEYS = 1000;

/**
 * Drops the oldest conversations from a history map once it holds more than `maxKeys` (insertion order = age).
 *
 * @example
 * ```ts
 * evictOldHistoryKeys(historyMap, 500);
 * ```
 */
export function evictOldHistoryKeys<T>(historyMap: Map<string, T[]>, maxKeys = MAX_HISTORY_KEYS): void {
  while (historyMap.size > Math.max(0, maxKeys)) {
    const oldest = historyMap.keys().next();
    if (oldest.done) return;
    historyMap.delete(oldest.value);
  }
}

/**
 * Wraps earlier messages and the current message in the prompt markers; with no history the message is returned as is.
 *
 * @example
 * ```ts
 * buildHistoryContext({ historyText: "Ada: hi", currentMessage: "Bob: hello?" });
 * ```
 */
export function buildHistoryContext(params: {
  historyText: string;
  currentMessage: string;
  lineBreak?: string;
  historyKind?: "pending" | "recent";
}): string {
  const lineBreak = params.lineBreak ?? "\n";
  if (!params.historyText.trim()) return params.currentMessage;
  return [HISTORY_CONTEXT_MARKER, params.historyText, "", CURRENT_MESSAGE_MARKER, params.currentMessage].join(lineBreak);
}

/**
 * Appends `entry` to the conversation's window, keeping the newest `limit` entries; a `limit` of 0 or less disables
 * history (nothing is recorded). Returns the window after the write.
 *
 * @example
 * ```ts
 * recordPendingHistoryEntryIfEnabled({ historyMap, historyKey: chatId, entry: { sender, body }, limit: 50 });
 * ```
 */
export function recordPendingHistoryEntryIfEnabled<T extends HistoryEntry>(params: {
  historyMap: Map<string, T[]>;
  historyKey: string;
  entry?: T | null;
  limit: number;
}): T[] {
  const { historyMap, historyKey, entry, limit } = params;
  if (limit <= 0) return [];
  const current = historyMap.get(historyKey) ?? [];
  if (!entry) return current;
  const next = [...current, entry].slice(-limit);
  // Re-insert so the key becomes the newest for eviction.
  historyMap.delete(historyKey);
  historyMap.set(historyKey, next);
  evictOldHistoryKeys(historyMap);
  return next;
}

/**
 * The prompt for the current message with the conversation's pending window (newest `limit` entries, each formatted
 * by `formatEntry`) as context; just `currentMessage` when history is disabled or empty.
 *
 * @example
 * ```ts
 * const body = buildPendingHistoryContextFromMap({
 *   historyMap, historyKey: chatId, limit: 50, currentMessage: text,
 *   formatEntry: (e) => `${e.sender}: ${e.body}`,
 * });
 * ```
 */
export function buildPendingHistoryContextFromMap(params: {
  historyMap: Map<string, HistoryEntry[]>;
  historyKey: string;
  limit: number;
  currentMessage: string;
  formatEntry: (entry: HistoryEntry) => string;
  lineBreak?: string;
}): string {
  if (params.limit <= 0) return params.currentMessage;
  const entries = (params.historyMap.get(params.historyKey) ?? []).slice(-params.limit);
  const lineBreak = params.lineBreak ?? "\n";
  return buildHistoryContext({
    historyText: entries.map(params.formatEntry).join(lineBreak),
    currentMessage: params.currentMessage,
    lineBreak,
  });
}

/**
 * The conversation's window as plain entries (newest `limit`), or `undefined` when history is disabled or empty.
 *
 * @example
 * ```ts
 * const inboundHistory = buildInboundHistoryFromMap({ historyMap, historyKey: chatId, limit: 20 });
 * ```
 */
export function buildInboundHistoryFromMap<T extends HistoryEntry>(params: {
  historyMap: Map<string, T[]>;
  historyKey: string;
  limit: number;
}): HistoryEntry[] | undefined {
  if (params.limit <= 0) return undefined;
  const entries = (params.historyMap.get(params.historyKey) ?? []).slice(-params.limit);
  return entries.length > 0 ? entries.map((entry) => ({ ...entry })) : undefined;
}

/**
 * Empties the conversation's window after the agent replied (no-op when history is disabled).
 *
 * @example
 * ```ts
 * clearHistoryEntriesIfEnabled({ historyMap, historyKey: chatId, limit: 50 });
 * ```
 */
export function clearHistoryEntriesIfEnabled(params: {
  historyMap: Map<string, HistoryEntry[]>;
  historyKey: string;
  limit: number;
}): void {
  if (params.limit <= 0) return;
  params.historyMap.set(params.historyKey, []);
}
