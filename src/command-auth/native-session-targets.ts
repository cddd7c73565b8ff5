/**
 * Where a provider-native command (a button, a slash-menu entry) keeps its own session state, and which session it acts on.
 */

/**
 * Input of `resolveNativeCommandSessionTargets`.
 *
 * @example
 * ```ts
 * const p: ResolveNativeCommandSessionTargetsParams = { agentId: "main", sessionPrefix: "dingtalk:stop", userId: "u1", targetSessionKey: "agent:main:main" };
 * ```
 */
export interface ResolveNativeCommandSessionTargetsParams {
  agentId: string;
  /** Namespace of the command's own session (for example `"<channel>:<command>"`). */
  sessionPrefix: string;
  userId: string;
  /** The conversation session the command acts on. */
  targetSessionKey: string;
  /** A session the conversation is bound to; when set, both keys are this one. */
  boundSessionKey?: string;
  /** `"lowercase"` when the channel compares ids case-insensitively: the command's session key is lowercased. */
  sessionKeyCase?: "exact" | "lowercase";
}

/**
 * The command's session key (`agent:<agentId>:<sessionPrefix>:<userId>`, or the bound session) and the session key the
 * command targets (the bound session, else `targetSessionKey`).
 *
 * @example
 * ```ts
 * resolveNativeCommandSessionTargets({ agentId: "main", sessionPrefix: "dingtalk:stop", userId: "u1", targetSessionKey: "agent:main:main" });
 * // { sessionKey: "agent:main:dingtalk:stop:u1", commandTargetSessionKey: "agent:main:main" }
 * ```
 */
export function resolveNativeCommandSessionTargets(params: ResolveNativeCommandSessionTargetsParams): {
  sessionKey: string;
  commandTargetSessionKey: string;
} {
  const bound = params.boundSessionKey;
  const own = bound ?? `agent:${params.agentId}:${params.sessionPrefix}:${params.userId}`;
  return {
    sessionKey: params.sessionKeyCase === "lowercase" ? own.toLowerCase() : own,
    commandTargetSessionKey: bound ?? params.targetSessionKey,
  };
}
