/**
 * Errors channels report back to the agent, such as a send without a target.
 *
 * @packageDocumentation
 */

export { missingTargetError } from "../channel-runtime/tool-send.js";
