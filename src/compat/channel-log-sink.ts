/**
 * The logger shape older channel plugins passed around as `ChannelLogSink`.
 */

/**
 * A channel logger: `info`, `warn`, `error` and optional `debug`.
 *
 * @example
 * ```ts
 * const log: ChannelLogSink = { info: console.log, warn: console.warn, error: console.error };
 * ```
 */
export interface ChannelLogSink {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
  debug?: (message: string) => void;
}
