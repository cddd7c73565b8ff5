/**
 * Recognises the chat texts the gateway treats specially: stop requests, `/btw` side questions, and the silent-reply
 * and heartbeat tokens an agent answers with.
 */

/**
 * Options for command-text normalisation (a bot mention such as `/stop@my_bot` is stripped when `botUsername` matches).
 *
 * @example
 * ```ts
 * isAbortRequestText("/stop@my_bot", { botUsername: "my_bot" }); // true
 * ```
 */
export interface CommandNormalizeOptions {
  botUsername?: string;
}

/** Words that stop the current run when sent on their own (case-insensitive, trailing punctuation ignored). */
const ABORT_TRIGGERS = new Set(["stop", "abort", "cancel", "halt", "esc", "wait", "exit"]);

/**
 * Trims the text and removes a `@botname` suffix from a leading slash command (`/stop@bot args` → `/stop args`).
 *
 * @example
 * ```ts
 * normalizeCommandBody(" /stop@bot ", { botUsername: "bot" }); // "/stop"
 * ```
 */
export function normalizeCommandBody(text: string, options?: CommandNormalizeOptions): string {
  const trimmed = text.trim();
  const match = /^(\/[^\s@:]+)@([^\s:]+)(.*)$/s.exec(trimmed);
  if (!match) return trimmed;
  const [, command, mention, rest] = match;
  const bot = options?.botUsername?.replace(/^@/, "").toLowerCase();
  if (bot && mention!.toLowerCase() !== bot) return trimmed;
  return `${command}${rest}`;
}

/**
 * True when the text asks the gateway to stop the current run: `/stop` (optionally `@bot`), or a bare stop word such
 * as "stop", "abort" or "cancel".
 *
 * @example
 * ```ts
 * if (isAbortRequestText(message.text)) await abortRun();
 * ```
 */
export function isAbortRequestText(text?: string, options?: CommandNormalizeOptions): boolean {
  if (!text) return false;
  const normalized = normalizeCommandBody(text, options).toLowerCase();
  if (!normalized) return false;
  if (normalized === "/stop") return true;
  const word = normalized.replace(/[.!?…]+$/u, "").trim();
  return ABORT_TRIGGERS.has(word) || word === "/stop";
}

/**
 * True when the text is a `/btw` side question (`/btw`, `/btw question`, `/btw: question`).
 *
 * @example
 * ```ts
 * isBtwRequestText("/btw what time is it?"); // true
 * ```
 */
export function isBtwRequestText(text?: string, options?: CommandNormalizeOptions): boolean {
  if (!text) return false;
  return /^\/btw(?::|\s|$)/i.test(normalizeCommandBody(text, options));
}

/**
 * The token an agent replies with when nothing should be sent.
 *
 * @example
 * ```ts
 * if (reply.text === SILENT_REPLY_TOKEN) return;
 * ```
 */
export const SILENT_REPLY_TOKEN = "NO_REPLY";

/**
 * The token an agent replies with when a heartbeat found nothing to report.
 *
 * @example
 * ```ts
 * reply.text?.includes(HEARTBEAT_TOKEN);
 * ```
 */
export const HEARTBEAT_TOKEN = "HEARTBEAT_OK";

/**
 * True when the reply text is only the silent token (optionally with surrounding whitespace or punctuation).
 *
 * @example
 * ```ts
 * isSilentReplyText(" NO_REPLY. "); // true
 * ```
 */
export function isSilentReplyText(text: string | undefined, token: string = SILENT_REPLY_TOKEN): boolean {
  if (!text) return false;
  const stripped = text.trim().replace(/^[\s*_`"'.]+|[\s*_`"'.!]+$/g, "");
  return stripped === token;
}
