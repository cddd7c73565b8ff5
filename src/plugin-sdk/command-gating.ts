/**
 * Former control-command gate, kept for plugins written against the removed subpath.
 *
 * @deprecated Import from `openclaw/plugin-sdk/command-auth` instead. Removal not before 2027-06-30.
 *
 * @packageDocumentation
 */

export {
  /** @deprecated Import from `openclaw/plugin-sdk/command-auth` instead. Removal not before 2027-06-30. */
  hasControlCommand,
  /** @deprecated Import from `openclaw/plugin-sdk/command-auth` instead. Removal not before 2027-06-30. */
  resolveCommandAuthorizedFromAuthorizers,
  /** @deprecated Import from `openclaw/plugin-sdk/command-auth` instead. Removal not before 2027-06-30. */
  resolveControlCommandGate,
} from "../channel-runtime/command-gate.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/command-auth` instead. Removal not before 2027-06-30. */
  CommandAuthorizer,
  /** @deprecated Import from `openclaw/plugin-sdk/command-auth` instead. Removal not before 2027-06-30. */
  CommandGatingModeWhenAccessGroupsOff,
} from "../channel-runtime/command-gate.js";
