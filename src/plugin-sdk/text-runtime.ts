/**
 * Former text helpers (chunking, silent-reply detection, inline reply directives), kept for plugins written against the removed subpath.
 *
 * @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30.
 *
 * @packageDocumentation
 */

export {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  chunkText,
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  chunkTextWithMode,
} from "../reply/chunk.js";
export {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  SILENT_REPLY_TOKEN,
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  isSilentReplyText,
} from "../reply/request-text.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  ChunkMode,
} from "../reply/chunk.js";
export {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  parseInlineDirectives,
} from "../reply/inline-directives.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  InlineDirectiveParseOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/reply-runtime` instead. Removal not before 2027-06-30. */
  InlineDirectiveParseResult,
} from "../reply/inline-directives.js";
