/**
 * Outbound reply payloads for channel senders: which text and media a payload really carries, and a small delivery
 * helper (media with a caption, else chunked text).
 */

/**
 * The reply payload a channel's outbound code receives.
 *
 * @example
 * ```ts
 * const payload: OutboundReplyPayload = { text: "Here you go", mediaUrls: ["https://…/a.png"] };
 * ```
 */
export interface OutboundReplyPayload {
  text?: string;
  mediaUrls?: string[];
  mediaUrl?: string;
  replyToId?: string;
  audioAsVoice?: boolean;
  isError?: boolean;
  channelData?: Record<string, unknown>;
}

/**
 * What a payload can actually send once whitespace and empty media entries are dropped.
 *
 * @example
 * ```ts
 * const parts: SendableOutboundReplyParts = resolveSendableOutboundReplyParts(payload);
 * if (!parts.hasContent) return;
 * ```
 */
export interface SendableOutboundReplyParts {
  text: string;
  trimmedText: string;
  mediaUrls: string[];
  mediaCount: number;
  hasText: boolean;
  hasMedia: boolean;
  hasContent: boolean;
}

/**
 * Media URLs of a payload: `mediaUrls` (trimmed, non-empty, de-duplicated), else the single `mediaUrl`.
 *
 * @example
 * ```ts
 * resolveOutboundMediaUrls({ mediaUrl: " https://x/a.png " }); // ["https://x/a.png"]
 * ```
 */
export function resolveOutboundMediaUrls(payload: { mediaUrls?: string[]; mediaUrl?: string }): string[] {
  const list = Array.isArray(payload.mediaUrls) && payload.mediaUrls.length > 0 ? payload.mediaUrls : [payload.mediaUrl];
  const urls: string[] = [];
  for (const raw of list) {
    const url = typeof raw === "string" ? raw.trim() : "";
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/**
 * Trimmed, sendable text and media of a payload (`options.text` replaces the payload's text, e.g. after formatting).
 *
 * @example
 * ```ts
 * const { hasText, trimmedText, mediaUrls } = resolveSendableOutboundReplyParts(payload);
 * ```
 */
export function resolveSendableOutboundReplyParts(
  payload: { text?: string; mediaUrls?: string[]; mediaUrl?: string },
  options?: { text?: string },
): SendableOutboundReplyParts {
  const text = options?.text ?? payload.text ?? "";
  const trimmedText = text.trim();
  const mediaUrls = resolveOutboundMediaUrls(payload);
  return {
    text,
    trimmedText,
    mediaUrls,
    mediaCount: mediaUrls.length,
    hasText: trimmedText.length > 0,
    hasMedia: mediaUrls.length > 0,
    hasContent: trimmedText.length > 0 || mediaUrls.length > 0,
  };
}

/**
 * True when the payload has sendable text or media.
 *
 * @example
 * ```ts
 * if (!hasOutboundReplyContent(payload)) return;
 * ```
 */
export function hasOutboundReplyContent(payload: { text?: string; mediaUrls?: string[]; mediaUrl?: string }): boolean {
  return resolveSendableOutboundReplyParts(payload).hasContent;
}

/**
 * Delivers a payload: each media URL through `sendMedia` (the text as the first item's caption), falling back to
 * `sendText` with the chunked text when there is no media. `onMediaError` decides about a failed item (default:
 * rethrow). Returns what was sent: `"media"`, `"text"` or `"empty"`.
 *
 * @example
 * ```ts
 * await deliverTextOrMediaReply({
 *   payload, text: payload.text ?? "",
 *   sendText: (text) => api.sendMessage(chatId, text),
 *   sendMedia: ({ mediaUrl, caption }) => api.sendPhoto(chatId, mediaUrl, { caption }),
 * });
 * ```
 */
export async function deliverTextOrMediaReply(params: {
  payload: OutboundReplyPayload;
  text: string;
  chunkText?: (text: string) => readonly string[];
  sendText: (text: string) => Promise<void>;
  sendMedia: (payload: { mediaUrl: string; caption?: string }) => Promise<void>;
  onMediaError?: (params: {
    error: unknown;
    mediaUrl: string;
    caption?: string;
    index: number;
    isFirst: boolean;
  }) => Promise<void> | void;
}): Promise<"empty" | "text" | "media"> {
  const parts = resolveSendableOutboundReplyParts(params.payload, { text: params.text });
  if (parts.hasMedia) {
    for (const [index, mediaUrl] of parts.mediaUrls.entries()) {
      const caption = index === 0 && parts.hasText ? parts.text : undefined;
      try {
        await params.sendMedia(caption === undefined ? { mediaUrl } : { mediaUrl, caption });
      } catch (error) {
        if (!params.onMediaError) throw error;
        await params.onMediaError({ error, mediaUrl, ...(caption === undefined ? {} : { caption }), index, isFirst: index === 0 });
      }
    }
    return "media";
  }
  if (!parts.hasText) return "empty";
  const chunks = params.chunkText ? params.chunkText(parts.text) : [parts.text];
  for (const chunk of chunks) if (chunk.trim()) await params.sendText(chunk);
  return "text";
}
