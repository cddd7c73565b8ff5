/**
 * Reading a send target out of a channel tool call's arguments, and the error for a missing one.
 */

/**
 * The send target `extractToolSend` finds.
 *
 * @example
 * ```ts
 * const target: ChannelToolSend = { to: "chat:42", threadId: "7" };
 * ```
 */
export interface ChannelToolSend {
  to: string;
  accountId?: string;
  threadId?: string;
  threadSuppressed?: boolean;
}

const text = (value: unknown): string | undefined => {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
};

/**
 * The target of a send action: `to` (or `target`), optional `accountId` and `threadId` (numbers become strings). Returns
 * `null` when `args.action` differs from `expectedAction` (default `"sendMessage"`) or no target is given.
 *
 * @example
 * ```ts
 * extractToolSend({ action: "sendMessage", to: "chat:42", threadId: 7 }); // { to: "chat:42", threadId: "7" }
 * ```
 */
export function extractToolSend(args: Record<string, unknown>, expectedAction = "sendMessage"): ChannelToolSend | null {
  const action = text(args.action);
  if (action !== undefined && action !== expectedAction) return null;
  const to = text(args.to) ?? text(args.target);
  if (!to) return null;
  const accountId = text(args.accountId);
  const threadId = text(args.threadId);
  const threadSuppressed = args.threadId === null || args.noThread === true ? true : undefined;
  return {
    to,
    ...(accountId ? { accountId } : {}),
    ...(threadId ? { threadId } : {}),
    ...(threadSuppressed ? { threadSuppressed } : {}),
  };
}

/**
 * The error a channel throws when a send has no target, with a hint on the expected form.
 *
 * @example
 * ```ts
 * if (!to) throw missingTargetError("my-chat", "use chat:<id> or user:<id>");
 * ```
 */
export function missingTargetError(provider: string, hint?: string): Error {
  return new Error(`Delivering to ${provider} requires a target${hint ? ` (${hint})` : ""}.`);
}
