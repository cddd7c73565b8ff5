/**
 * Multi-account channel config: listing account ids and merging an account's overrides over the channel section.
 */
import type { OpenClawConfig } from "../contract/config.js";

/**
 * All account ids of a channel, de-duplicated in order: configured, then additional, then the implicit id; the
 * fallback when the list would otherwise be empty.
 *
 * @example
 * ```ts
 * listCombinedAccountIds({ configuredAccountIds: Object.keys(section.accounts ?? {}), fallbackAccountIdWhenEmpty: "default" });
 * ```
 */
export function listCombinedAccountIds(params: {
  configuredAccountIds: Iterable<string>;
  additionalAccountIds?: Iterable<string>;
  implicitAccountId?: string | undefined;
  fallbackAccountIdWhenEmpty?: string | undefined;
}): string[] {
  const ids: string[] = [];
  const add = (id: string | undefined): void => {
    const trimmed = id?.trim();
    if (trimmed && !ids.includes(trimmed)) ids.push(trimmed);
  };
  for (const id of params.configuredAccountIds) add(id);
  for (const id of params.additionalAccountIds ?? []) add(id);
  add(params.implicitAccountId);
  if (ids.length === 0) add(params.fallbackAccountIdWhenEmpty);
  return ids;
}

/**
 * One account's effective config: the channel section without `accounts` (and `omitKeys`), overlaid by the account's
 * own entry (matched exactly, then through `normalizeAccountId`). Keys in `nestedObjectKeys` are merged one level deep.
 *
 * @example
 * ```ts
 * const merged = resolveMergedAccountConfig({ channelConfig: cfg.channels?.["my-chat"], accounts: section.accounts, accountId });
 * ```
 */
export function resolveMergedAccountConfig<TConfig extends Record<string, unknown>>(params: {
  channelConfig: TConfig | undefined;
  accounts: Record<string, Partial<TConfig>> | undefined;
  accountId: string;
  normalizeAccountId?: (accountId: string) => string;
  omitKeys?: string[];
  nestedObjectKeys?: string[];
  channelId?: string;
}): TConfig {
  const omit = new Set(["accounts", "defaultAccount", ...(params.omitKeys ?? [])]);
  const base: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params.channelConfig ?? {})) if (!omit.has(key)) base[key] = value;
  const accounts = params.accounts ?? {};
  let entry = accounts[params.accountId];
  if (!entry && params.normalizeAccountId) {
    const wanted = params.normalizeAccountId(params.accountId);
    const key = Object.keys(accounts).find((candidate) => params.normalizeAccountId!(candidate) === wanted);
    entry = key === undefined ? undefined : accounts[key];
  }
  const nested = new Set(params.nestedObjectKeys ?? []);
  for (const [key, value] of Object.entries(entry ?? {})) {
    const current = base[key];
    base[key] =
      nested.has(key) && isRecord(current) && isRecord(value) ? { ...current, ...value } : value;
  }
  return base as TConfig;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets an account's display name in `channels.<channelKey>`: on the section itself for the default account (unless
 * `alwaysUseAccounts`), else on `accounts.<accountId>`. Returns a new config; the input is not changed.
 *
 * @example
 * ```ts
 * cfg = applyAccountNameToChannelSection({ cfg, channelKey: "my-chat", accountId: "work", name: "Work" });
 * ```
 */
export function applyAccountNameToChannelSection(params: {
  cfg: OpenClawConfig;
  channelKey: string;
  accountId: string;
  name?: string;
  alwaysUseAccounts?: boolean;
}): OpenClawConfig {
  const name = params.name?.trim();
  if (!name) return params.cfg;
  const section = { ...(params.cfg.channels?.[params.channelKey] ?? {}) } as Record<string, unknown>;
  const useRoot = params.accountId === "default" && !params.alwaysUseAccounts && !isRecord(section.accounts);
  if (useRoot) {
    section.name = name;
  } else {
    const accounts = { ...(isRecord(section.accounts) ? section.accounts : {}) };
    accounts[params.accountId] = { ...(isRecord(accounts[params.accountId]) ? (accounts[params.accountId] as object) : {}), name };
    section.accounts = accounts;
  }
  return { ...params.cfg, channels: { ...params.cfg.channels, [params.channelKey]: section } };
}
