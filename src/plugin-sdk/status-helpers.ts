/**
 * Base status summaries and snapshots for channel status surfaces.
 *
 * @packageDocumentation
 */

export { buildBaseAccountStatusSnapshot, buildBaseChannelStatusSummary } from "../channel-runtime/status.js";
export type { ChannelRuntimeStatusFields } from "../channel-runtime/status.js";
