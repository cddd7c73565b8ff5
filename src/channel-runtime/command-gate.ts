/**
 * Control-command gating for channels: who may run text commands such as `/stop` or `/new`, from access-group rules.
 */

/**
 * One authorization source for control commands (for example the sender id, or the group).
 *
 * @example
 * ```ts
 * const bySender: CommandAuthorizer = { configured: allowFrom.length > 0, allowed: allowFrom.includes(senderId) };
 * ```
 */
export interface CommandAuthorizer {
  /** True when this identity has an access rule configured. */
  configured: boolean;
  /** True when the configured rule permits the command (ignored when not configured). */
  allowed: boolean;
}

/**
 * Policy when access groups are globally off: allow everyone, deny everyone, or follow configured rules only.
 *
 * @example
 * ```ts
 * const mode: CommandGatingModeWhenAccessGroupsOff = "configured";
 * ```
 */
export type CommandGatingModeWhenAccessGroupsOff = "allow" | "deny" | "configured";

/**
 * Whether any authorizer permits a control command. With access groups on: some configured authorizer allows it.
 * With them off: by `modeWhenAccessGroupsOff` (default `"allow"`; `"configured"` behaves as if they were on).
 *
 * @example
 * ```ts
 * resolveCommandAuthorizedFromAuthorizers({ useAccessGroups: true, authorizers: [bySender] });
 * ```
 */
export function resolveCommandAuthorizedFromAuthorizers(params: {
  useAccessGroups: boolean;
  authorizers: CommandAuthorizer[];
  modeWhenAccessGroupsOff?: CommandGatingModeWhenAccessGroupsOff;
}): boolean {
  const byRules = params.authorizers.some((authorizer) => authorizer.configured && authorizer.allowed);
  if (params.useAccessGroups) return byRules;
  switch (params.modeWhenAccessGroupsOff ?? "allow") {
    case "allow":
      return true;
    case "deny":
      return false;
    case "configured":
      return byRules;
  }
}

/**
 * The command decision for one inbound message: `commandAuthorized`, and `shouldBlock` when the text is a control
 * command, text commands are enabled, and the sender is not authorized (the message must not reach the agent).
 *
 * @example
 * ```ts
 * const gate = resolveControlCommandGate({ useAccessGroups: true, authorizers: [bySender], allowTextCommands: true, hasControlCommand: true });
 * if (gate.shouldBlock) return;
 * ```
 */
export function resolveControlCommandGate(params: {
  useAccessGroups: boolean;
  authorizers: CommandAuthorizer[];
  allowTextCommands: boolean;
  hasControlCommand: boolean;
  modeWhenAccessGroupsOff?: CommandGatingModeWhenAccessGroupsOff;
}): { commandAuthorized: boolean; shouldBlock: boolean } {
  const commandAuthorized = resolveCommandAuthorizedFromAuthorizers(params);
  return {
    commandAuthorized,
    shouldBlock: params.allowTextCommands && params.hasControlCommand && !commandAuthorized,
  };
}

/** Control commands the gateway handles itself. */
const CONTROL_COMMANDS = ["stop", "new", "reset", "compact", "status", "help", "commands", "model", "think", "verbose", "btw"];

/**
 * True when the text starts with one of the gateway's control commands (`/stop`, `/new`, `/reset`, `/status`, …).
 *
 * @example
 * ```ts
 * hasControlCommand("/reset please"); // true
 * ```
 */
export function hasControlCommand(text?: string): boolean {
  const match = /^\/([a-z_]+)(?:@\S+)?(?::|\s|$)/i.exec(text?.trim() ?? "");
  return match !== null && CONTROL_COMMANDS.includes(match[1]!.toLowerCase());
}
