/**
 * Inline reply directives an agent writes into its text: `[[audio_as_voice]]` (send the audio attachment as a voice
 * note), `[[reply_to_current]]` (reply to the message being answered) and `[[reply_to: <id>]]` (reply to that message).
 */

/**
 * Options of `parseInlineDirectives`.
 *
 * @example
 * ```ts
 * const o: InlineDirectiveParseOptions = { currentMessageId: "m1", stripReplyTags: false };
 * ```
 */
export interface InlineDirectiveParseOptions {
  /** The id `[[reply_to_current]]` resolves to (becomes `replyToId`). */
  currentMessageId?: string;
  /** Remove `[[audio_as_voice]]` from the text (default `true`). */
  stripAudioTag?: boolean;
  /** Remove the reply tags from the text (default `true`). */
  stripReplyTags?: boolean;
  /** Keep trailing whitespace of the text instead of trimming both ends (default `false`). */
  preserveTrailingWhitespace?: boolean;
}

/**
 * What `parseInlineDirectives` found: the text without the stripped tags and the directives' meaning.
 *
 * @example
 * ```ts
 * const r: InlineDirectiveParseResult = { text: "hi", audioAsVoice: false, replyToCurrent: true, hasAudioTag: false, hasReplyTag: true };
 * ```
 */
export interface InlineDirectiveParseResult {
  text: string;
  audioAsVoice: boolean;
  /** The explicit `[[reply_to: id]]` (the last one wins), else `currentMessageId` when `[[reply_to_current]]` was present. */
  replyToId?: string;
  /** The explicit id of the last `[[reply_to: id]]`, if any. */
  replyToExplicitId?: string;
  replyToCurrent: boolean;
  hasAudioTag: boolean;
  hasReplyTag: boolean;
}

const AUDIO_TAG = /\[\[\s*audio_as_voice\s*\]\]/giu;
const REPLY_TAG = /\[\[\s*(?:reply_to_current|reply_to\s*:\s*([^\]\n]+))\s*\]\]/giu;
const MAX_REPLY_ID_LENGTH = 256;

/** Start/end offsets of fenced (```) blocks and inline `code` spans: directives inside them are text, not directives. */
function codeRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  const pattern = /```[\s\S]*?(?:```|$)|`[^`\n]*`/gu;
  for (const m of text.matchAll(pattern)) regions.push([m.index, m.index + m[0].length]);
  return regions;
}

function sanitizeReplyId(raw: string): string | undefined {
  const cleaned = raw.replace(/[\p{Cc}[\]]/gu, "").trim();
  if (!cleaned) return undefined;
  return [...cleaned].slice(0, MAX_REPLY_ID_LENGTH).join("");
}

/**
 * Finds the inline directives in an agent's text, outside code spans and fenced blocks, and by default removes them.
 * Text without `[[` is returned trimmed with every flag `false`.
 *
 * @example
 * ```ts
 * parseInlineDirectives("[[reply_to_current]] On it. [[audio_as_voice]]", { currentMessageId: "m42" });
 * // { text: "On it.", audioAsVoice: true, replyToId: "m42", replyToCurrent: true, hasAudioTag: true, hasReplyTag: true }
 * ```
 */
export function parseInlineDirectives(text: string | undefined | null, options: InlineDirectiveParseOptions = {}): InlineDirectiveParseResult {
  const { currentMessageId, stripAudioTag = true, stripReplyTags = true, preserveTrailingWhitespace = false } = options;
  const finish = (value: string): string => (preserveTrailingWhitespace ? value.replace(/^\s+/u, "") : value.trim());
  const none = { audioAsVoice: false, replyToCurrent: false, hasAudioTag: false, hasReplyTag: false };
  if (!text) return { text: "", ...none };
  if (!text.includes("[[")) return { text: finish(text), ...none };

  const regions = codeRegions(text);
  const inCode = (offset: number): boolean => regions.some(([start, end]) => offset >= start && offset < end);
  type Hit = { start: number; end: number; strip: boolean };
  const hits: Hit[] = [];
  let hasAudioTag = false;
  let hasReplyTag = false;
  let replyToCurrent = false;
  let explicitId: string | undefined;
  for (const m of text.matchAll(AUDIO_TAG)) {
    if (inCode(m.index)) continue;
    hasAudioTag = true;
    hits.push({ start: m.index, end: m.index + m[0].length, strip: stripAudioTag });
  }
  for (const m of text.matchAll(REPLY_TAG)) {
    if (inCode(m.index)) continue;
    hasReplyTag = true;
    if (m[1] === undefined) replyToCurrent = true;
    else explicitId = sanitizeReplyId(m[1]) ?? explicitId;
    hits.push({ start: m.index, end: m.index + m[0].length, strip: stripReplyTags });
  }
  if (!hasAudioTag && !hasReplyTag) return { text: finish(text), ...none };

  hits.sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const hit of hits) {
    if (!hit.strip) continue;
    out += text.slice(cursor, hit.start);
    const before = text.charAt(hit.start - 1);
    const after = text.charAt(hit.end);
    // Keep two words apart ("a[[audio_as_voice]]b" → "a b"); otherwise the tag leaves nothing behind.
    if (before && after && !/\s/u.test(before) && !/\s/u.test(after)) out += " ";
    cursor = hit.end;
  }
  out += text.slice(cursor);
  // A removed tag leaves doubled spaces or blank-padded lines behind: tidy those, line by line.
  const tidied = out
    .split("\n")
    .map((line) => line.replace(/([^\s])[ \t]{2,}(?=[^\s])/gu, "$1 ").replace(/[ \t]+$/u, ""))
    .join("\n");
  const replyToId = explicitId ?? (replyToCurrent && currentMessageId?.trim() ? currentMessageId.trim() : undefined);
  return {
    text: finish(tidied),
    audioAsVoice: hasAudioTag,
    ...(replyToId !== undefined ? { replyToId } : {}),
    ...(explicitId !== undefined ? { replyToExplicitId: explicitId } : {}),
    replyToCurrent,
    hasAudioTag,
    hasReplyTag,
  };
}
