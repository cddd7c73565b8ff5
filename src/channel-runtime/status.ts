/**
 * Status and pairing texts channels show: the pairing-approved message, the approve hint, and the base shapes of
 * channel and account status summaries.
 */

/**
 * The message a channel sends a user whose pairing request was approved.
 *
 * @example
 * ```ts
 * await send(userId, PAIRING_APPROVED_MESSAGE);
 * ```
 */
export const PAIRING_APPROVED_MESSAGE = "✅ OpenClaw access approved. Send a message to start chatting.";

/**
 * The CLI hint an operator runs to approve a pairing code on `channelId`.
 *
 * @example
 * ```ts
 * formatPairingApproveHint("my-chat"); // "Approve via: openclaw pairing list my-chat / openclaw pairing approve my-chat <code>"
 * ```
 */
export function formatPairingApproveHint(channelId: string): string {
  return `Approve via: openclaw pairing list ${channelId} / openclaw pairing approve ${channelId} <code>`;
}

/**
 * Runtime state fields shared by channel and account status snapshots.
 *
 * @example
 * ```ts
 * const state: ChannelRuntimeStatusFields = { running: true, lastStartAt: Date.now() };
 * ```
 */
export interface ChannelRuntimeStatusFields {
  configured?: boolean | null;
  running?: boolean | null;
  lastStartAt?: number | null;
  lastStopAt?: number | null;
  lastError?: string | null;
}

/**
 * The base channel status summary: `configured`, running state and timestamps normalised to booleans and nulls, plus
 * `extra` fields.
 *
 * @example
 * ```ts
 * buildBaseChannelStatusSummary(snapshot, { mode: "webhook" });
 * ```
 */
export function buildBaseChannelStatusSummary<TExtra extends Record<string, unknown> = Record<string, never>>(
  snapshot: ChannelRuntimeStatusFields,
  extra?: TExtra,
): { configured: boolean; running: boolean; lastStartAt: number | null; lastStopAt: number | null; lastError: string | null } & TExtra {
  return {
    configured: snapshot.configured === true,
    ...(extra ?? ({} as TExtra)),
    running: snapshot.running === true,
    lastStartAt: snapshot.lastStartAt ?? null,
    lastStopAt: snapshot.lastStopAt ?? null,
    lastError: snapshot.lastError ?? null,
  };
}

/**
 * The base account status snapshot for status surfaces (`openclaw channels status`).
 *
 * @example
 * ```ts
 * buildBaseAccountStatusSnapshot({ account: { accountId: "default", enabled: true, configured: true }, runtime });
 * ```
 */
export function buildBaseAccountStatusSnapshot(params: {
  account: { accountId: string; name?: string | null; enabled?: boolean | null; configured?: boolean | null };
  runtime?: ChannelRuntimeStatusFields | null;
}): {
  accountId: string;
  name?: string;
  enabled: boolean;
  configured: boolean;
  running: boolean;
  lastStartAt: number | null;
  lastStopAt: number | null;
  lastError: string | null;
} {
  const { account, runtime } = params;
  return {
    accountId: account.accountId,
    ...(account.name ? { name: account.name } : {}),
    enabled: account.enabled !== false,
    configured: account.configured === true,
    running: runtime?.running === true,
    lastStartAt: runtime?.lastStartAt ?? null,
    lastStopAt: runtime?.lastStopAt ?? null,
    lastError: runtime?.lastError ?? null,
  };
}
