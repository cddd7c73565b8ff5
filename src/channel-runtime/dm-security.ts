/**
 * DM security policy resolution for multi-account channels: where an account's `dmPolicy` and `allowFrom` live in
 * config, and the approve hint shown to operators.
 */
import type { OpenClawConfig } from "../contract/config.js";
import { formatPairingApproveHint } from "./status.js";

/**
 * The DM policy of one account, as `ChannelPlugin.security.resolveDmPolicy` returns it.
 *
 * @example
 * ```ts
 * const policy: ChannelSecurityDmPolicy = { policy: "pairing", allowFrom: [], allowFromPath: "channels.my-chat.", approveHint: "…" };
 * ```
 */
export interface ChannelSecurityDmPolicy {
  policy: string;
  allowFrom?: Array<string | number>;
  policyPath?: string;
  allowFromPath: string;
  approveHint: string;
  normalizeEntry?: (raw: string) => string;
}

/**
 * The DM policy of an account in `channels.<channelKey>`: `policy ?? defaultPolicy` (default `"pairing"`), the
 * allow-list, and config paths that point at the account entry when the account lives under `accounts.<id>`.
 *
 * @example
 * ```ts
 * buildAccountScopedDmSecurityPolicy({ cfg, channelKey: "my-chat", accountId: "work", policy: account.dmPolicy, allowFrom: account.allowFrom });
 * ```
 */
export function buildAccountScopedDmSecurityPolicy(params: {
  cfg: OpenClawConfig;
  channelKey: string;
  accountId?: string | null;
  fallbackAccountId?: string | null;
  policy?: string | null;
  allowFrom?: Array<string | number> | null;
  defaultPolicy?: string;
  allowFromPathSuffix?: string;
  policyPathSuffix?: string;
  approveChannelId?: string;
  approveHint?: string;
  normalizeEntry?: (raw: string) => string;
}): ChannelSecurityDmPolicy {
  const accountId = params.accountId ?? params.fallbackAccountId ?? "default";
  const section = params.cfg.channels?.[params.channelKey] as { accounts?: Record<string, unknown> } | undefined;
  const underAccounts = Boolean(section?.accounts && Object.prototype.hasOwnProperty.call(section.accounts, accountId));
  const base = underAccounts ? `channels.${params.channelKey}.accounts.${accountId}.` : `channels.${params.channelKey}.`;
  return {
    policy: params.policy ?? params.defaultPolicy ?? "pairing",
    ...(params.allowFrom ? { allowFrom: params.allowFrom } : {}),
    policyPath: `${base}${params.policyPathSuffix ?? "dmPolicy"}`,
    allowFromPath: `${base}${params.allowFromPathSuffix ?? ""}`,
    approveHint: params.approveHint ?? formatPairingApproveHint(params.approveChannelId ?? params.channelKey),
    ...(params.normalizeEntry ? { normalizeEntry: params.normalizeEntry } : {}),
  };
}

/**
 * A `resolveDmPolicy` for `ChannelPlugin.security` that reads each account's policy and allow-list through the given
 * accessors (or `resolveAccess`) and scopes the config paths to the account.
 *
 * @example
 * ```ts
 * security: {
 *   resolveDmPolicy: createScopedDmSecurityResolver({
 *     channelKey: "my-chat",
 *     resolvePolicy: (account) => account.dmPolicy,
 *     resolveAllowFrom: (account) => account.allowFrom,
 *   }),
 * },
 * ```
 */
export function createScopedDmSecurityResolver<ResolvedAccount extends { accountId?: string | null }>(params: {
  channelKey: string;
  resolvePolicy: (account: ResolvedAccount) => string | null | undefined;
  resolveAllowFrom: (account: ResolvedAccount) => Array<string | number> | null | undefined;
  resolveAccess?: (params: { cfg: OpenClawConfig; accountId?: string | null; account: ResolvedAccount }) => {
    dmPolicy?: string | null;
    allowFrom?: Array<string | number> | null;
  };
  resolveFallbackAccountId?: (account: ResolvedAccount) => string | null | undefined;
  defaultPolicy?: string;
  allowFromPathSuffix?: string;
  policyPathSuffix?: string;
  approveChannelId?: string;
  approveHint?: string;
  normalizeEntry?: (raw: string) => string;
}): (context: { cfg: OpenClawConfig; accountId?: string | null; account: ResolvedAccount }) => ChannelSecurityDmPolicy {
  return ({ cfg, accountId, account }) => {
    const access = params.resolveAccess?.({ cfg, accountId, account });
    return buildAccountScopedDmSecurityPolicy({
      cfg,
      channelKey: params.channelKey,
      accountId: accountId ?? account.accountId ?? null,
      fallbackAccountId: params.resolveFallbackAccountId?.(account) ?? null,
      policy: access ? (access.dmPolicy ?? null) : params.resolvePolicy(account),
      allowFrom: access ? (access.allowFrom ?? null) : params.resolveAllowFrom(account),
      ...(params.defaultPolicy === undefined ? {} : { defaultPolicy: params.defaultPolicy }),
      ...(params.allowFromPathSuffix === undefined ? {} : { allowFromPathSuffix: params.allowFromPathSuffix }),
      ...(params.policyPathSuffix === undefined ? {} : { policyPathSuffix: params.policyPathSuffix }),
      ...(params.approveChannelId === undefined ? {} : { approveChannelId: params.approveChannelId }),
      ...(params.approveHint === undefined ? {} : { approveHint: params.approveHint }),
      ...(params.normalizeEntry === undefined ? {} : { normalizeEntry: params.normalizeEntry }),
    });
  };
}

/**
 * The read-only allow-list accessors of a channel config adapter (`resolveAllowFrom`, `formatAllowFrom`, and
 * `resolveDefaultTo` when given).
 *
 * @example
 * ```ts
 * config: { ...base, ...createScopedAccountConfigAccessors({ resolveAccount: ({ cfg, accountId }) => resolveAccount(cfg, accountId), resolveAllowFrom: (a) => a.allowFrom, formatAllowFrom: (list) => list.map(String) }) },
 * ```
 */
export function createScopedAccountConfigAccessors<ResolvedAccount, Config extends OpenClawConfig = OpenClawConfig>(params: {
  resolveAccount: (params: { cfg: Config; accountId?: string | null }) => ResolvedAccount;
  resolveAllowFrom: (account: ResolvedAccount) => Array<string | number> | null | undefined;
  formatAllowFrom: (allowFrom: Array<string | number>) => string[];
  resolveDefaultTo?: (account: ResolvedAccount) => string | number | null | undefined;
}): {
  resolveAllowFrom: (params: { cfg: Config; accountId?: string | null }) => Array<string | number> | undefined;
  formatAllowFrom: (params: { cfg: Config; accountId?: string | null; allowFrom: Array<string | number> }) => string[];
  resolveDefaultTo?: (params: { cfg: Config; accountId?: string | null }) => string | undefined;
} {
  const accessors: ReturnType<typeof createScopedAccountConfigAccessors<ResolvedAccount, Config>> = {
    resolveAllowFrom: (context) => params.resolveAllowFrom(params.resolveAccount(context)) ?? undefined,
    formatAllowFrom: ({ allowFrom }) => params.formatAllowFrom(allowFrom),
  };
  if (params.resolveDefaultTo) {
    accessors.resolveDefaultTo = (context) => {
      const value = params.resolveDefaultTo!(params.resolveAccount(context));
      return value === null || value === undefined || value === "" ? undefined : String(value);
    };
  }
  return accessors;
}
