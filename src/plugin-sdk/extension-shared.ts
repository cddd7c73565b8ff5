/**
 * Shared helpers for channel extensions: passive monitors that run until the account stops.
 *
 * @packageDocumentation
 */

export { runStoppablePassiveMonitor } from "../channel-runtime/passive-monitor.js";
export type { StoppableMonitor } from "../channel-runtime/passive-monitor.js";
