/**
 * Running external commands with a timeout, an abort signal and bounded output capture.
 *
 * @packageDocumentation
 */

export { runCommandWithTimeout } from "../infra/run-command.js";
export type { CommandOptions, SpawnResult } from "../infra/run-command.js";
