/**
 * Message receipts: one normalised record of the platform messages a logical send produced (ids, parts, thread).
 */

/**
 * What kind of platform message a receipt part is.
 *
 * @example
 * ```ts
 * const kind: MessageReceiptPartKind = "media";
 * ```
 */
export type MessageReceiptPartKind = "text" | "media" | "voice" | "poll" | "card" | "preview" | "unknown";

/**
 * A platform send result as a channel reports it.
 *
 * @example
 * ```ts
 * const result: MessageReceiptSourceResult = { channel: "my-chat", messageId: "m1" };
 * ```
 */
export interface MessageReceiptSourceResult {
  outcome?: "not_sent";
  channel?: string;
  messageId?: string;
  target?: { kind: "chat" | "channel" | "room" | "conversation"; id: string };
  [key: string]: unknown;
}

/**
 * One platform message of a receipt.
 *
 * @example
 * ```ts
 * const part: MessageReceiptPart = { platformMessageId: "m1", kind: "text", index: 0 };
 * ```
 */
export interface MessageReceiptPart {
  platformMessageId: string;
  kind: MessageReceiptPartKind;
  index: number;
  threadId?: string;
  replyToId?: string;
  raw?: MessageReceiptSourceResult;
}

/**
 * Every platform message a logical send produced.
 *
 * @example
 * ```ts
 * declare const receipt: MessageReceipt;
 * receipt.platformMessageIds[0];
 * ```
 */
export interface MessageReceipt {
  primaryPlatformMessageId?: string;
  platformMessageIds: string[];
  parts: MessageReceiptPart[];
  threadId?: string;
  replyToId?: string;
  editToken?: string;
  deleteToken?: string;
  sentAt: number;
  raw?: readonly MessageReceiptSourceResult[];
}

/**
 * A send result, possibly carrying the receipt of a nested adapter.
 *
 * @example
 * ```ts
 * const input: MessageReceiptInputResult = { messageId: "m1" };
 * ```
 */
export type MessageReceiptInputResult = MessageReceiptSourceResult & { receipt?: MessageReceipt };

/**
 * One receipt from send results: results with a `messageId` become parts (in order, `kind` for all), nested receipts
 * contribute their parts, `not_sent` results are skipped; ids are de-duplicated and the first is primary.
 *
 * @example
 * ```ts
 * const receipt = createMessageReceiptFromOutboundResults({ results: [{ messageId: "m1" }, { messageId: "m2" }], kind: "media" });
 * ```
 */
export function createMessageReceiptFromOutboundResults(params: {
  results: readonly MessageReceiptInputResult[];
  kind?: MessageReceiptPartKind;
  threadId?: string;
  replyToId?: string;
  sentAt?: number;
}): MessageReceipt {
  const parts: MessageReceiptPart[] = [];
  const add = (part: Omit<MessageReceiptPart, "index">): void => {
    parts.push({ ...part, index: parts.length });
  };
  for (const result of params.results) {
    if (result.receipt) {
      for (const part of result.receipt.parts) {
        const { index: _index, ...rest } = part;
        add(rest);
      }
      continue;
    }
    if (result.outcome === "not_sent" || typeof result.messageId !== "string" || result.messageId === "") continue;
    add({
      platformMessageId: result.messageId,
      kind: params.kind ?? "unknown",
      ...(params.threadId ? { threadId: params.threadId } : {}),
      ...(params.replyToId ? { replyToId: params.replyToId } : {}),
      raw: result,
    });
  }
  const platformMessageIds = [...new Set(parts.map((part) => part.platformMessageId))];
  return {
    ...(platformMessageIds[0] ? { primaryPlatformMessageId: platformMessageIds[0] } : {}),
    platformMessageIds,
    parts,
    ...(params.threadId ? { threadId: params.threadId } : {}),
    ...(params.replyToId ? { replyToId: params.replyToId } : {}),
    sentAt: params.sentAt ?? Date.now(),
    raw: params.results,
  };
}

/**
 * The unique platform message ids of a receipt, in order.
 *
 * @example
 * ```ts
 * listMessageReceiptPlatformIds(receipt); // ["m1", "m2"]
 * ```
 */
export function listMessageReceiptPlatformIds(receipt: MessageReceipt): string[] {
  return [...new Set([...receipt.platformMessageIds, ...receipt.parts.map((part) => part.platformMessageId)])];
}

/**
 * The receipt's primary platform id, else its first id.
 *
 * @example
 * ```ts
 * const replyTo = resolveMessageReceiptPrimaryId(receipt);
 * ```
 */
export function resolveMessageReceiptPrimaryId(receipt: MessageReceipt): string | undefined {
  return receipt.primaryPlatformMessageId ?? listMessageReceiptPlatformIds(receipt)[0];
}

/**
 * Declares a channel message adapter (send text/media/payload, optional receive): checks that the members given are
 * functions and returns the adapter unchanged, typed as written.
 *
 * @example
 * ```ts
 * export const messages = defineChannelMessageAdapter({ sendText: async (ctx) => ({ messageId: await send(ctx.to, ctx.text) }) });
 * ```
 */
export function defineChannelMessageAdapter<const TAdapter extends Record<string, unknown>>(adapter: TAdapter): TAdapter {
  if (typeof adapter !== "object" || adapter === null) {
    throw new TypeError("defineChannelMessageAdapter: expected an adapter object ({ sendText, sendMedia, … }).");
  }
  for (const key of ["sendText", "sendMedia", "sendPayload", "receive"]) {
    const member = adapter[key];
    if (member !== undefined && typeof member !== "function" && !(key === "receive" && typeof member === "object")) {
      throw new TypeError(`defineChannelMessageAdapter: "${key}" must be a function, got ${typeof member}.`);
    }
  }
  return adapter;
}
