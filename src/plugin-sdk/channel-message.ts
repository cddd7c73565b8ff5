/**
 * Channel message adapters and receipts: declare an adapter, build one receipt from the platform messages a send produced.
 *
 * @packageDocumentation
 */

export { createMessageReceiptFromOutboundResults, defineChannelMessageAdapter, listMessageReceiptPlatformIds, resolveMessageReceiptPrimaryId } from "../channel-runtime/message-receipt.js";
export type { MessageReceipt, MessageReceiptInputResult, MessageReceiptPart, MessageReceiptPartKind, MessageReceiptSourceResult } from "../channel-runtime/message-receipt.js";
