/**
 * Status patches a channel account's gateway loop hands to `ctx.setStatus(...)` as it connects, sees traffic, is
 * blocked for good, or stops.
 */
import type { ChannelAccountSnapshot } from "../contract/channel.js";

/**
 * Patch for a (re)connected transport.
 *
 * @example
 * ```ts
 * const patch: ConnectedChannelStatusPatch = createConnectedChannelStatusPatch();
 * ```
 */
export type ConnectedChannelStatusPatch = { connected: true; lastConnectedAt: number; lastEventAt: number };
/**
 * Patch for transport activity without a reconnect.
 *
 * @example
 * ```ts
 * const patch: TransportActivityChannelStatusPatch = { lastTransportActivityAt: Date.now() };
 * ```
 */
export type TransportActivityChannelStatusPatch = { lastTransportActivityAt: number };
/**
 * Patch for an account that is up and serving.
 *
 * @example
 * ```ts
 * const patch: ReadyChannelStatusPatch = channelReadyPatch();
 * ```
 */
export type ReadyChannelStatusPatch = {
  running: true;
  connected: true;
  lifecycle: "ready";
  lastConnectedAt: number;
  lastError: null;
  terminalDisconnect: undefined;
};
/**
 * Patch for an account that cannot run until an operator acts (bad token, refused trust).
 *
 * @example
 * ```ts
 * const patch: BlockedChannelStatusPatch = channelBlockedPatch("token revoked");
 * ```
 */
export type BlockedChannelStatusPatch = { lifecycle: "blocked"; terminalDisconnect: true; lastError: string };
/**
 * Patch for an account that has stopped.
 *
 * @example
 * ```ts
 * const patch: StoppedChannelStatusPatch = channelStoppedPatch();
 * ```
 */
export type StoppedChannelStatusPatch = { running: false; connected: false; lifecycle: "stopped" };
/**
 * Other snapshot fields that may ride along with a ready patch.
 *
 * @example
 * ```ts
 * const extras: ReadyChannelStatusExtras = { lastConnectedAt: 0 };
 * ```
 */
export type ReadyChannelStatusExtras = Partial<Omit<ChannelAccountSnapshot, keyof ReadyChannelStatusPatch>> & { lastConnectedAt?: number };
/**
 * Other snapshot fields that may ride along with a blocked patch.
 *
 * @example
 * ```ts
 * const extras: BlockedChannelStatusExtras = {};
 * ```
 */
export type BlockedChannelStatusExtras = Partial<Omit<ChannelAccountSnapshot, keyof BlockedChannelStatusPatch>>;
/**
 * Other snapshot fields that may ride along with a stopped patch.
 *
 * @example
 * ```ts
 * const extras: StoppedChannelStatusExtras = {};
 * ```
 */
export type StoppedChannelStatusExtras = Partial<Omit<ChannelAccountSnapshot, keyof StoppedChannelStatusPatch>>;

/**
 * `{ connected: true, lastConnectedAt, lastEventAt }`, both times `at` (default now).
 *
 * @example
 * ```ts
 * ctx.setStatus({ ...ctx.getStatus(), ...createConnectedChannelStatusPatch() });
 * ```
 */
export function createConnectedChannelStatusPatch(at: number = Date.now()): ConnectedChannelStatusPatch {
  return { connected: true, lastConnectedAt: at, lastEventAt: at };
}

/**
 * `{ lastTransportActivityAt: at }` (default now).
 *
 * @example
 * ```ts
 * socket.on("pong", () => ctx.setStatus({ ...ctx.getStatus(), ...createTransportActivityStatusPatch() }));
 * ```
 */
export function createTransportActivityStatusPatch(at: number = Date.now()): TransportActivityChannelStatusPatch {
  return { lastTransportActivityAt: at };
}

/**
 * The ready patch (running, connected, `lifecycle: "ready"`, connected now, error and terminal flag cleared) with
 * `extras` laid over it.
 *
 * @example
 * ```ts
 * ctx.setStatus({ ...ctx.getStatus(), ...channelReadyPatch({ mode: "webhook" }) });
 * ```
 */
export function channelReadyPatch(): ReadyChannelStatusPatch;
export function channelReadyPatch<TExtras extends ReadyChannelStatusExtras>(extras: TExtras): ReadyChannelStatusPatch & TExtras;
export function channelReadyPatch(extras: ReadyChannelStatusExtras = {}): ReadyChannelStatusPatch {
  const base: ReadyChannelStatusPatch = {
    running: true,
    connected: true,
    lifecycle: "ready",
    lastConnectedAt: Date.now(),
    lastError: null,
    terminalDisconnect: undefined,
  };
  return Object.assign(base, extras);
}

/**
 * The blocked patch (`lifecycle: "blocked"`, terminal, with the operator-facing `lastError`) with `extras` laid over it.
 *
 * @example
 * ```ts
 * ctx.setStatus({ ...ctx.getStatus(), ...channelBlockedPatch("the bot token was revoked; set a new one") });
 * ```
 */
export function channelBlockedPatch(lastError: string): BlockedChannelStatusPatch;
export function channelBlockedPatch<TExtras extends BlockedChannelStatusExtras>(lastError: string, extras: TExtras): BlockedChannelStatusPatch & TExtras;
export function channelBlockedPatch(lastError: string, extras: BlockedChannelStatusExtras = {}): BlockedChannelStatusPatch {
  const base: BlockedChannelStatusPatch = { lifecycle: "blocked", terminalDisconnect: true, lastError };
  return Object.assign(base, extras);
}

/**
 * The stopped patch (not running, not connected, `lifecycle: "stopped"`) with `extras` laid over it.
 *
 * @example
 * ```ts
 * ctx.setStatus({ ...ctx.getStatus(), ...channelStoppedPatch({ lastStopAt: Date.now() }) });
 * ```
 */
export function channelStoppedPatch(): StoppedChannelStatusPatch;
export function channelStoppedPatch<TExtras extends StoppedChannelStatusExtras>(extras: TExtras): StoppedChannelStatusPatch & TExtras;
export function channelStoppedPatch(extras: StoppedChannelStatusExtras = {}): StoppedChannelStatusPatch {
  const base: StoppedChannelStatusPatch = { running: false, connected: false, lifecycle: "stopped" };
  return Object.assign(base, extras);
}
