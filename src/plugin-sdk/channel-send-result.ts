/**
 * Normalised channel send results for outbound adapters.
 *
 * @packageDocumentation
 */

export { attachChannelToResult, attachChannelToResults, buildChannelSendResult, createEmptyChannelResult } from "../channel-runtime/send-result.js";
export type { ChannelSendRawResult } from "../channel-runtime/send-result.js";
