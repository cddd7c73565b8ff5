/**
 * Uniform diagnostics for dropped inbound messages and typing failures, so operators can grep one format.
 */

/**
 * A log function (`runtime.log`, `logger.info`, `console.log`).
 *
 * @example
 * ```ts
 * const log: LogFn = (message) => api.logger.info(message);
 * ```
 */
export type LogFn = (message: string) => void;

const loggedOnce = new Set<string>();

/**
 * Logs `<channel>: drop <reason>[ target=<target>][ (<hint>)]`. With `onceKey`, the same channel, reason and key log
 * only the first time in the process. Never pass message bodies or sender details.
 *
 * @example
 * ```ts
 * logInboundDrop({ log: runtime.log, channel: "my-chat", reason: "sender not in allowFrom", target: chatId });
 * ```
 */
export function logInboundDrop(params: {
  log: LogFn;
  channel: string;
  reason: string;
  target?: string;
  onceKey?: string;
  hint?: string;
}): void {
  if (params.onceKey !== undefined) {
    const key = `${params.channel}\u0000${params.reason}\u0000${params.onceKey}`;
    if (loggedOnce.has(key)) return;
    loggedOnce.add(key);
  }
  const target = params.target ? ` target=${params.target}` : "";
  const hint = params.hint ? ` (${params.hint})` : "";
  params.log(`${params.channel}: drop ${params.reason}${target}${hint}`);
}

/**
 * Logs `<channel>: typing <action> failed[ target=<target>]: <error message>`.
 *
 * @example
 * ```ts
 * logTypingFailure({ log: runtime.error, channel: "my-chat", action: "start", error });
 * ```
 */
export function logTypingFailure(params: {
  log: LogFn;
  channel: string;
  target?: string;
  action?: "start" | "stop";
  error: unknown;
}): void {
  const message = params.error instanceof Error ? params.error.message : String(params.error);
  const target = params.target ? ` target=${params.target}` : "";
  params.log(`${params.channel}: typing ${params.action ?? "start"} failed${target}: ${message}`);
}
