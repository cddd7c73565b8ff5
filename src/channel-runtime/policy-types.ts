/**
 * Channel policy config types and the group-policy defaults channels share.
 */
import type { DmPolicy, OpenClawConfig } from "../contract/config.js";

/**
 * Who may talk to the agent in groups: everyone, the allow-list, or nobody.
 *
 * @example
 * ```ts
 * const policy: GroupPolicy = "allowlist";
 * ```
 */
export type GroupPolicy = "open" | "allowlist" | "disabled";

/** Direct-message policy of a channel (one definition, in the contract). */
export type { DmPolicy };

/**
 * Direct-message settings of a channel account.
 *
 * @example
 * ```ts
 * const dm: DmConfig = { policy: "allowlist", allowFrom: ["42"] };
 * ```
 */
export interface DmConfig {
  enabled?: boolean;
  policy?: DmPolicy;
  allowFrom?: Array<string | number>;
  historyLimit?: number;
  [key: string]: unknown;
}

/**
 * Which replies thread under the triggering message.
 *
 * @example
 * ```ts
 * const mode: ReplyToMode = "first";
 * ```
 */
export type ReplyToMode = "off" | "first" | "all";

/**
 * How block-streamed replies are merged before sending.
 *
 * @example
 * ```ts
 * const coalesce: BlockStreamingCoalesceConfig = { minChars: 200, idleMs: 800 };
 * ```
 */
export interface BlockStreamingCoalesceConfig {
  minChars?: number;
  maxChars?: number;
  idleMs?: number;
  joiner?: string;
}

/**
 * Markdown rendering settings of a channel.
 *
 * @example
 * ```ts
 * const markdown: MarkdownConfig = { tables: "bullets" };
 * ```
 */
export interface MarkdownConfig {
  tables?: "off" | "bullets" | "code" | "block";
  [key: string]: unknown;
}

/**
 * Label used in logs when a group message is dropped by the group policy.
 *
 * @example
 * ```ts
 * log(`${GROUP_POLICY_BLOCKED_LABEL}: ${groupId}`);
 * ```
 */
export const GROUP_POLICY_BLOCKED_LABEL = "group policy blocked";

/**
 * The default group policy: `channels.defaults.groupPolicy` when set, else `"allowlist"`.
 *
 * @example
 * ```ts
 * const policy = account.groupPolicy ?? resolveDefaultGroupPolicy(cfg);
 * ```
 */
export function resolveDefaultGroupPolicy(cfg: OpenClawConfig): GroupPolicy {
  const value = (cfg.channels?.defaults as { groupPolicy?: unknown } | undefined)?.groupPolicy;
  return value === "open" || value === "allowlist" || value === "disabled" ? value : "allowlist";
}
