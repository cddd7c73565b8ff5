/**
 * The CRUD half of a multi-account channel's config adapter (list, resolve, default, enable, delete), built from the
 * channel's own account accessors and the shared config-section helpers.
 */
import type { ChannelAccountSnapshot } from "../contract/channel.js";
import type { OpenClawConfig } from "../contract/config.js";
import { deleteAccountFromConfigSection, setAccountEnabledInConfigSection } from "../entry/setup-helpers.js";

/**
 * Parameters of `createScopedChannelConfigBase`.
 *
 * @example
 * ```ts
 * declare const params: ScopedChannelConfigBaseParams<{ accountId: string }>;
 * ```
 */
export interface ScopedChannelConfigBaseParams<ResolvedAccount, Config extends OpenClawConfig = OpenClawConfig> {
  /** The `channels.<sectionKey>` section the accounts live in. */
  sectionKey: string;
  listAccountIds: (cfg: Config) => string[];
  resolveAccount: (cfg: Config, accountId?: string | null) => ResolvedAccount;
  defaultAccountId: (cfg: Config) => string;
  inspectAccount?: (cfg: Config, accountId?: string | null) => unknown;
  /** Top-level fields removed when the default account is deleted (e.g. `["token", "name"]`). */
  clearBaseFields: string[];
  /** Enable/disable the default account on the section itself when it has no `accounts.default` entry. */
  allowTopLevel?: boolean;
}

/**
 * The config adapter members a multi-account channel shares: `listAccountIds`, `resolveAccount`, `defaultAccountId`,
 * `inspectAccount` (when given), and `setAccountEnabled` / `deleteAccount` writing `channels.<sectionKey>`.
 *
 * @example
 * ```ts
 * config: {
 *   ...createScopedChannelConfigBase({
 *     sectionKey: "my-chat", listAccountIds, resolveAccount, defaultAccountId: () => "default", clearBaseFields: ["token"],
 *   }),
 *   describeAccount: (account) => ({ accountId: account.accountId, configured: Boolean(account.token) }),
 * },
 * ```
 */
export function createScopedChannelConfigBase<ResolvedAccount, Config extends OpenClawConfig = OpenClawConfig>(
  params: ScopedChannelConfigBaseParams<ResolvedAccount, Config>,
): {
  listAccountIds: (cfg: Config) => string[];
  resolveAccount: (cfg: Config, accountId?: string | null) => ResolvedAccount;
  defaultAccountId: (cfg: Config) => string;
  inspectAccount?: (cfg: Config, accountId?: string | null) => unknown;
  setAccountEnabled: (params: { cfg: Config; accountId: string; enabled: boolean }) => Config;
  deleteAccount: (params: { cfg: Config; accountId: string }) => Config;
  describeAccount?: (account: ResolvedAccount, cfg: Config) => ChannelAccountSnapshot;
} {
  return {
    listAccountIds: params.listAccountIds,
    resolveAccount: params.resolveAccount,
    defaultAccountId: params.defaultAccountId,
    ...(params.inspectAccount ? { inspectAccount: params.inspectAccount } : {}),
    setAccountEnabled: ({ cfg, accountId, enabled }) =>
      setAccountEnabledInConfigSection({
        cfg,
        sectionKey: params.sectionKey,
        accountId,
        enabled,
        ...(params.allowTopLevel === undefined ? {} : { allowTopLevel: params.allowTopLevel }),
      }) as Config,
    deleteAccount: ({ cfg, accountId }) =>
      deleteAccountFromConfigSection({ cfg, sectionKey: params.sectionKey, accountId, clearBaseFields: params.clearBaseFields }) as Config,
  };
}

/**
 * Parameters of `createHybridChannelConfigAdapter`: the CRUD accessors plus the allow-list and default-target readers.
 *
 * @example
 * ```ts
 * declare const params: HybridChannelConfigAdapterParams<{ accountId: string; allowFrom?: string[] }>;
 * ```
 */
export interface HybridChannelConfigAdapterParams<ResolvedAccount, AccessorAccount = ResolvedAccount, Config extends OpenClawConfig = OpenClawConfig>
  extends Omit<ScopedChannelConfigBaseParams<ResolvedAccount, Config>, "allowTopLevel"> {
  /** The account the allow-list and default-target readers see (default: `resolveAccount(cfg, accountId)`). */
  resolveAccessorAccount?: (params: { cfg: Config; accountId?: string | null }) => AccessorAccount;
  resolveAllowFrom: (account: AccessorAccount) => Array<string | number> | null | undefined;
  formatAllowFrom: (allowFrom: Array<string | number>) => string[];
  resolveDefaultTo?: (account: AccessorAccount) => string | number | null | undefined;
  /**
   * Accepted for compatibility: deleting the default account always keeps the channel section and removes only its
   * `clearBaseFields` (named accounts stay), so this flag changes nothing.
   */
  preserveSectionOnDefaultDelete?: boolean;
}

/**
 * The full config adapter of a "hybrid" channel, where the default account lives at the channel's root
 * (`channels.<sectionKey>.token`) and named accounts under `channels.<sectionKey>.accounts.<id>`: the CRUD members of
 * {@link createScopedChannelConfigBase} (enabling the default account writes the root) plus `resolveAllowFrom`,
 * `formatAllowFrom` and `resolveDefaultTo` read through the account.
 *
 * @example
 * ```ts
 * config: createHybridChannelConfigAdapter({
 *   sectionKey: "my-chat", listAccountIds, resolveAccount, defaultAccountId: () => "default", clearBaseFields: ["token"],
 *   resolveAllowFrom: (account) => account.allowFrom, formatAllowFrom: (list) => list.map(String),
 * }),
 * ```
 */
export function createHybridChannelConfigAdapter<ResolvedAccount, AccessorAccount = ResolvedAccount, Config extends OpenClawConfig = OpenClawConfig>(
  params: HybridChannelConfigAdapterParams<ResolvedAccount, AccessorAccount, Config>,
): ReturnType<typeof createScopedChannelConfigBase<ResolvedAccount, Config>> & {
  resolveAllowFrom: (params: { cfg: Config; accountId?: string | null }) => Array<string | number> | undefined;
  formatAllowFrom: (params: { cfg: Config; accountId?: string | null; allowFrom: Array<string | number> }) => string[];
  resolveDefaultTo?: (params: { cfg: Config; accountId?: string | null }) => string | undefined;
} {
  const base = createScopedChannelConfigBase<ResolvedAccount, Config>({ ...params, allowTopLevel: true });
  const accessor = (cfg: Config, accountId?: string | null): AccessorAccount =>
    params.resolveAccessorAccount
      ? params.resolveAccessorAccount({ cfg, accountId })
      : (params.resolveAccount(cfg, accountId) as unknown as AccessorAccount);
  const resolveDefaultTo = params.resolveDefaultTo;
  return {
    ...base,
    resolveAllowFrom: ({ cfg, accountId }) => params.resolveAllowFrom(accessor(cfg, accountId)) ?? undefined,
    formatAllowFrom: ({ allowFrom }) => params.formatAllowFrom(allowFrom),
    ...(resolveDefaultTo
      ? {
          resolveDefaultTo: ({ cfg, accountId }: { cfg: Config; accountId?: string | null }) => {
            const value = resolveDefaultTo(accessor(cfg, accountId));
            return value === null || value === undefined || String(value).trim() === "" ? undefined : String(value).trim();
          },
        }
      : {}),
  };
}
