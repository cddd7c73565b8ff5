/**
 * Lifecycle helpers for long-running channel account tasks.
 *
 * @packageDocumentation
 */

export { waitUntilAbort } from "../channel-runtime/lifecycle.js";
