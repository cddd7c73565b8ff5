/**
 * Channel status and pairing texts: the pairing-approved message, the approve hint, and base status summaries.
 *
 * @packageDocumentation
 */

export { PAIRING_APPROVED_MESSAGE, buildBaseAccountStatusSnapshot, buildBaseChannelStatusSummary, formatPairingApproveHint } from "../channel-runtime/status.js";
export type { ChannelRuntimeStatusFields } from "../channel-runtime/status.js";
