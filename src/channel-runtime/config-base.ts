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
