/**
 * Who may talk to the agent and run commands through a channel, from the channel's DM policy and allow-lists.
 */
import type { OpenClawConfig } from "../contract/config.js";
import { resolveCommandAuthorizedFromAuthorizers, type CommandAuthorizer } from "../channel-runtime/command-gate.js";

/**
 * The result of a direct-message authorization: DMs disabled, sender not allowed, or allowed. Groups are always
 * `"allowed"` here (group policy is decided elsewhere).
 *
 * @example
 * ```ts
 * resolveDirectDmAuthorizationOutcome({ isGroup: false, dmPolicy: "disabled", senderAllowedForCommands: true }); // "disabled"
 * ```
 */
export function resolveDirectDmAuthorizationOutcome(params: {
  isGroup: boolean;
  dmPolicy: string;
  senderAllowedForCommands: boolean;
}): "disabled" | "unauthorized" | "allowed" {
  if (params.isGroup) return "allowed";
  if (params.dmPolicy === "disabled") return "disabled";
  if (params.dmPolicy !== "open" && !params.senderAllowedForCommands) return "unauthorized";
  return "allowed";
}

/**
 * The command-authorization functions the gateway runtime provides (`api.runtime.channel.commands`).
 *
 * @example
 * ```ts
 * const runtime: CommandAuthorizationRuntime = { shouldComputeCommandAuthorized: (body) => body.startsWith("/"), resolveCommandAuthorizedFromAuthorizers };
 * ```
 */
export interface CommandAuthorizationRuntime {
  shouldComputeCommandAuthorized: (rawBody: string, cfg: OpenClawConfig) => boolean;
  resolveCommandAuthorizedFromAuthorizers: (params: { useAccessGroups: boolean; authorizers: CommandAuthorizer[] }) => boolean;
}

/**
 * Input of `resolveSenderCommandAuthorizationWithRuntime`.
 *
 * @example
 * ```ts
 * declare const params: ResolveSenderCommandAuthorizationWithRuntimeParams;
 * ```
 */
export interface ResolveSenderCommandAuthorizationWithRuntimeParams {
  cfg: OpenClawConfig;
  rawBody: string;
  isGroup: boolean;
  dmPolicy: string;
  configuredAllowFrom: string[];
  configuredGroupAllowFrom?: string[];
  senderId: string;
  isSenderAllowed: (senderId: string, allowFrom: string[]) => boolean;
  channel?: string;
  accountId?: string;
  /** Senders approved through pairing (the channel's pairing store). */
  readAllowFromStore: () => Promise<string[]>;
  runtime: CommandAuthorizationRuntime;
}

/**
 * The sender's command authorization under the DM/group policy: effective allow-lists (configured entries plus
 * paired senders for DMs under `pairing`/`allowlist`), whether the sender is on them, and `commandAuthorized` (only
 * computed when the runtime says the body needs it, else `undefined`).
 *
 * @example
 * ```ts
 * const auth = await resolveSenderCommandAuthorizationWithRuntime({ ...params, runtime: core.channel.commands });
 * if (auth.commandAuthorized === false) return;
 * ```
 */
export async function resolveSenderCommandAuthorizationWithRuntime(params: ResolveSenderCommandAuthorizationWithRuntimeParams): Promise<{
  shouldComputeAuth: boolean;
  effectiveAllowFrom: string[];
  effectiveGroupAllowFrom: string[];
  senderAllowedForCommands: boolean;
  commandAuthorized: boolean | undefined;
}> {
  const usesStore = !params.isGroup && params.dmPolicy !== "open" && params.dmPolicy !== "disabled";
  const stored = usesStore ? await params.readAllowFromStore() : [];
  const effectiveAllowFrom = [...new Set([...params.configuredAllowFrom, ...stored].map(String))];
  const effectiveGroupAllowFrom = [...new Set((params.configuredGroupAllowFrom ?? params.configuredAllowFrom).map(String))];
  const list = params.isGroup ? effectiveGroupAllowFrom : effectiveAllowFrom;
  const senderAllowedForCommands = params.isSenderAllowed(params.senderId, list);
  const shouldComputeAuth = params.runtime.shouldComputeCommandAuthorized(params.rawBody, params.cfg);
  const useAccessGroups = (params.cfg.commands as { useAccessGroups?: boolean } | undefined)?.useAccessGroups !== false;
  const commandAuthorized = shouldComputeAuth
    ? params.runtime.resolveCommandAuthorizedFromAuthorizers({
        useAccessGroups,
        authorizers: [{ configured: list.length > 0, allowed: senderAllowedForCommands }],
      })
    : undefined;
  return { shouldComputeAuth, effectiveAllowFrom, effectiveGroupAllowFrom, senderAllowedForCommands, commandAuthorized };
}

/**
 * A `CommandAuthorizationRuntime` built from the SDK's own rules: a command is computed for texts starting with `/`
 * or `!`, and authorized by `resolveCommandAuthorizedFromAuthorizers`. Useful in tests and outside the gateway.
 *
 * @example
 * ```ts
 * await resolveSenderCommandAuthorizationWithRuntime({ ...params, runtime: createDefaultCommandAuthorizationRuntime() });
 * ```
 */
export function createDefaultCommandAuthorizationRuntime(): CommandAuthorizationRuntime {
  return {
    shouldComputeCommandAuthorized: (rawBody) => /^\s*[/!]/.test(rawBody),
    resolveCommandAuthorizedFromAuthorizers: (params) => resolveCommandAuthorizedFromAuthorizers(params),
  };
}
