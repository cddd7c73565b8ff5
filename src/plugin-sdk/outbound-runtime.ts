/**
 * Former outbound helpers (sendable payload parts, media-or-text delivery, chunking, send results), kept for plugins written against the removed subpath.
 *
 * @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30.
 *
 * @packageDocumentation
 */

export {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  deliverTextOrMediaReply,
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  resolveOutboundMediaUrls,
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  resolveSendableOutboundReplyParts,
} from "../reply/payload.js";
export {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  chunkText,
} from "../reply/chunk.js";
export {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  buildChannelSendResult,
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  createEmptyChannelResult,
} from "../channel-runtime/send-result.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  OutboundReplyPayload,
} from "../reply/payload.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  ChannelSendRawResult,
} from "../channel-runtime/send-result.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/reply-payload` instead. Removal not before 2027-06-30. */
  SendableOutboundReplyParts,
} from "../reply/payload.js";
