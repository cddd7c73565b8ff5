/**
 * Reading the send target out of a channel tool call's arguments.
 *
 * @packageDocumentation
 */

export { extractToolSend } from "../channel-runtime/tool-send.js";
export type { ChannelToolSend } from "../channel-runtime/tool-send.js";
