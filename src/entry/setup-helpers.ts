/**
 * Runtime-safe channel setup helpers: pure config transforms used by setup adapters and wizards. No I/O, no
 * third-party code.
 */
import type { ChannelSetupAdapter, ChannelSetupInput } from "../contract/channel.js";
import type { ChannelConfigSection, OpenClawConfig } from "../contract/config.js";
import { DEFAULT_ACCOUNT_ID, normalizeAccountId } from "./account-id.js";

const DOCS_BASE_URL = "https://docs.openclaw.ai";

/**
 * A link to the OpenClaw docs: `path` is a docs path (`/channels/telegram`) or a full URL; with `label`, the
 * result reads `label (url)`. An empty path links to the docs home.
 *
 * @example
 * ```ts
 * formatDocsLink("/channels/my-channel"); // "https://docs.openclaw.ai/channels/my-channel"
 * formatDocsLink("/channels/my-channel", "Setup guide"); // "Setup guide (https://docs.openclaw.ai/channels/my-channel)"
 * ```
 */
export function formatDocsLink(path: string | undefined | null, label?: string): string {
  const trimmed = (path ?? "").trim();
  const url = /^https?:\/\//.test(trimmed)
    ? trimmed
    : `${DOCS_BASE_URL}${trimmed === "" ? "" : trimmed.startsWith("/") ? trimmed : `/${trimmed}`}`;
  return label ? `${label} (${url})` : url;
}

function channelSection(cfg: OpenClawConfig, channel: string): ChannelConfigSection {
  const section = cfg.channels?.[channel];
  return typeof section === "object" && section !== null ? section : {};
}

function withChannel(cfg: OpenClawConfig, channel: string, section: ChannelConfigSection): OpenClawConfig {
  return { ...cfg, channels: { ...(cfg.channels ?? {}), [channel]: section } };
}

/**
 * Returns a copy of `cfg` with `channels.<channel>.enabled` set.
 *
 * @example
 * ```ts
 * const next = setSetupChannelEnabled(cfg, "my-channel", true);
 * ```
 */
export function setSetupChannelEnabled(cfg: OpenClawConfig, channel: string, enabled: boolean): OpenClawConfig {
  return withChannel(cfg, channel, { ...channelSection(cfg, channel), enabled });
}

/**
 * Returns a copy of `cfg` with `patch` merged into `channels.<channel>` (shallow), `clearFields` removed and
 * `enabled` set when given.
 *
 * @example
 * ```ts
 * const next = patchTopLevelChannelConfigSection({ cfg, channel: "my-channel", enabled: true, patch: { token: "…" } });
 * ```
 */
export function patchTopLevelChannelConfigSection(params: {
  cfg: OpenClawConfig;
  channel: string;
  enabled?: boolean;
  clearFields?: string[];
  patch: Record<string, unknown>;
}): OpenClawConfig {
  const next: ChannelConfigSection = { ...channelSection(params.cfg, params.channel), ...params.patch };
  for (const field of params.clearFields ?? []) delete next[field];
  if (params.enabled !== undefined) next.enabled = params.enabled;
  return withChannel(params.cfg, params.channel, next);
}

/**
 * Returns a copy of `cfg` with account `accountId` of `channels.<sectionKey>` enabled or disabled. With
 * `allowTopLevel` and the default account, the top-level `enabled` flag is set instead.
 *
 * @example
 * ```ts
 * const next = setAccountEnabledInConfigSection({ cfg, sectionKey: "my-channel", accountId: "work", enabled: false });
 * ```
 */
export function setAccountEnabledInConfigSection(params: {
  cfg: OpenClawConfig;
  sectionKey: string;
  accountId: string;
  enabled: boolean;
  allowTopLevel?: boolean;
}): OpenClawConfig {
  const accountId = normalizeAccountId(params.accountId);
  const section = channelSection(params.cfg, params.sectionKey);
  if (params.allowTopLevel && accountId === DEFAULT_ACCOUNT_ID && !section.accounts?.[accountId]) {
    return withChannel(params.cfg, params.sectionKey, { ...section, enabled: params.enabled });
  }
  const accounts = { ...(section.accounts ?? {}) };
  accounts[accountId] = { ...(accounts[accountId] ?? {}), enabled: params.enabled };
  return withChannel(params.cfg, params.sectionKey, { ...section, accounts });
}

/**
 * Returns a copy of `cfg` without account `accountId` in `channels.<sectionKey>.accounts`; for the default account,
 * `clearBaseFields` are also removed from the top level of the section.
 *
 * @example
 * ```ts
 * const next = deleteAccountFromConfigSection({ cfg, sectionKey: "my-channel", accountId: "work" });
 * ```
 */
export function deleteAccountFromConfigSection(params: {
  cfg: OpenClawConfig;
  sectionKey: string;
  accountId: string;
  clearBaseFields?: string[];
}): OpenClawConfig {
  const accountId = normalizeAccountId(params.accountId);
  const section: ChannelConfigSection = { ...channelSection(params.cfg, params.sectionKey) };
  if (section.accounts) {
    const accounts = { ...section.accounts };
    delete accounts[accountId];
    section.accounts = accounts;
    if (Object.keys(accounts).length === 0) delete section.accounts;
  }
  if (accountId === DEFAULT_ACCOUNT_ID) {
    for (const field of params.clearBaseFields ?? []) delete section[field];
  }
  return withChannel(params.cfg, params.sectionKey, section);
}

/**
 * Allow-list entries plus the `"*"` wildcard (deduplicated, stringified).
 *
 * @example
 * ```ts
 * addWildcardAllowFrom(["123"]); // ["123", "*"]
 * ```
 */
export function addWildcardAllowFrom(allowFrom?: ReadonlyArray<string | number> | null): string[] {
  return mergeAllowFromEntries(allowFrom ? [...allowFrom] : [], ["*"]);
}

/**
 * Merges allow-list entries: trimmed, stringified, deduplicated, order kept.
 *
 * @example
 * ```ts
 * mergeAllowFromEntries(["a", 1], [" a ", "b"]); // ["a", "1", "b"]
 * ```
 */
export function mergeAllowFromEntries(
  current: Array<string | number> | null | undefined,
  additions: Array<string | number>,
): string[] {
  const out: string[] = [];
  for (const entry of [...(current ?? []), ...additions]) {
    const text = String(entry).trim();
    if (text !== "" && !out.includes(text)) out.push(text);
  }
  return out;
}

/**
 * Splits user input like `"a, b\nc"` into entries (commas, semicolons, whitespace).
 *
 * @example
 * ```ts
 * splitSetupEntries("123, 456\n789"); // ["123", "456", "789"]
 * ```
 */
export function splitSetupEntries(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/**
 * Status block for a setup wizard (`ChannelSetupWizard["status"]`) built from labels and a configured check.
 *
 * @example
 * ```ts
 * const status = createStandardChannelSetupStatus({
 *   channelLabel: "My Channel",
 *   configuredLabel: "token set",
 *   unconfiguredLabel: "needs a bot token",
 *   resolveConfigured: ({ cfg }) => Boolean(cfg.channels?.["my-channel"]?.token),
 * });
 * ```
 */
export function createStandardChannelSetupStatus(params: {
  channelLabel: string;
  configuredLabel: string;
  unconfiguredLabel: string;
  configuredHint?: string;
  unconfiguredHint?: string;
  resolveConfigured(params: { cfg: OpenClawConfig; accountId?: string }): boolean | Promise<boolean>;
}): {
  configuredLabel: string;
  unconfiguredLabel: string;
  resolveConfigured(params: { cfg: OpenClawConfig; accountId?: string }): boolean | Promise<boolean>;
  resolveStatusLine(params: { cfg: OpenClawConfig; accountId?: string }): Promise<string>;
} {
  return {
    configuredLabel: params.configuredLabel,
    unconfiguredLabel: params.unconfiguredLabel,
    resolveConfigured: params.resolveConfigured,
    async resolveStatusLine(ctx) {
      const configured = await params.resolveConfigured(ctx);
      const label = configured ? params.configuredLabel : params.unconfiguredLabel;
      const hint = configured ? params.configuredHint : params.unconfiguredHint;
      return `${params.channelLabel}: ${label}${hint ? ` (${hint})` : ""}`;
    },
  };
}

/**
 * Formats a CLI command for display (`openclaw …`), quoting arguments with spaces.
 *
 * @example
 * ```ts
 * formatCliCommand(["channels", "add", "--name", "Work Bot"]); // 'openclaw channels add --name "Work Bot"'
 * ```
 */
export function formatCliCommand(args: readonly string[]): string {
  return ["openclaw", ...args.map((arg) => (/[\s"'$]/.test(arg) ? JSON.stringify(arg) : arg))].join(" ");
}

/**
 * Returns a copy of `cfg` with `patch` applied to one account of `channels.<channelKey>`: the default account is
 * the top level of the section, any other account is `channels.<channelKey>.accounts.<id>`. Both the section and
 * the account end up `enabled: true`; `undefined` values in `patch` are dropped. The input is never mutated.
 *
 * @example
 * ```ts
 * const next = applySetupAccountConfigPatch({ cfg, channelKey: "my-channel", accountId: "work", patch: { token: "t" } });
 * next.channels?.["my-channel"]; // { enabled: true, accounts: { work: { token: "t", enabled: true } } }
 * ```
 */
export function applySetupAccountConfigPatch(params: {
  cfg: OpenClawConfig;
  channelKey: string;
  accountId: string;
  patch: Record<string, unknown>;
  /** Write the default account under `accounts.default` too instead of the section's top level. */
  alwaysUseAccounts?: boolean;
  /** Set `enabled: true` on the section. Default `true`. */
  ensureChannelEnabled?: boolean;
  /** Set `enabled: true` on a named account. Default `true`. */
  ensureAccountEnabled?: boolean;
}): OpenClawConfig {
  const { cfg, channelKey } = params;
  if (typeof channelKey !== "string" || channelKey.trim() === "") {
    throw new TypeError(`applySetupAccountConfigPatch: channelKey must be a non-empty string (got ${JSON.stringify(channelKey)}).`);
  }
  const id = normalizeAccountId(params.accountId);
  const patch = Object.fromEntries(Object.entries(params.patch ?? {}).filter(([, value]) => value !== undefined));
  const enableChannel = params.ensureChannelEnabled !== false;
  if (id === DEFAULT_ACCOUNT_ID && params.alwaysUseAccounts !== true) {
    return patchTopLevelChannelConfigSection({ cfg, channel: channelKey, ...(enableChannel ? { enabled: true } : {}), patch });
  }
  const section = channelSection(cfg, channelKey);
  const accounts = { ...(section.accounts ?? {}) };
  accounts[id] = { ...(accounts[id] ?? {}), ...patch, ...(params.ensureAccountEnabled !== false ? { enabled: true } : {}) };
  return withChannel(cfg, channelKey, { ...section, ...(enableChannel ? { enabled: true } : {}), accounts });
}

/**
 * Options of `createPatchedAccountSetupAdapter`.
 *
 * @example
 * ```ts
 * const options: PatchedAccountSetupAdapterOptions = { channelKey: "my-channel", buildPatch: (input) => ({ token: input.token }) };
 * ```
 */
export interface PatchedAccountSetupAdapterOptions<Input extends { name?: string } = ChannelSetupInput> {
  /** The `channels.<key>` section the adapter writes. */
  channelKey?: string;
  /** @deprecated Use `channelKey` (the established name). Removal not before 2027-06-30. */
  channel?: string;
  alwaysUseAccounts?: boolean;
  ensureChannelEnabled?: boolean;
  ensureAccountEnabled?: boolean;
  buildPatch(input: Input): Record<string, unknown>;
  validateInput?(params: { cfg: OpenClawConfig; accountId: string; input: Input }): string | null;
}

/**
 * A `ChannelSetupAdapter` that writes setup input as a patch (see `applySetupAccountConfigPatch`): for the default
 * account into the top level of `channels.<channelKey>`, for other accounts into `channels.<channelKey>.accounts.<id>`;
 * the channel is enabled. `input.name` is kept as the account name.
 *
 * @example
 * ```ts
 * const setup = createPatchedAccountSetupAdapter({
 *   channelKey: "my-channel",
 *   buildPatch: (input) => ({ token: input.token }),
 *   validateInput: ({ input }) => (input.token ? null : "a bot token is required (--token)"),
 * });
 * ```
 */
export function createPatchedAccountSetupAdapter<Input extends { name?: string } = ChannelSetupInput>(
  params: PatchedAccountSetupAdapterOptions<Input>,
): ChannelSetupAdapter<Input> {
  const channelKey = params.channelKey ?? params.channel;
  if (typeof channelKey !== "string" || channelKey.trim() === "") {
    throw new TypeError("createPatchedAccountSetupAdapter: pass `channelKey` (the channels.<key> section to write), e.g. { channelKey: \"my-channel\" }.");
  }
  const adapter: ChannelSetupAdapter<Input> = {
    resolveAccountId: ({ accountId }) => normalizeAccountId(accountId),
    applyAccountConfig({ cfg, accountId, input }) {
      const patch: Record<string, unknown> = { ...params.buildPatch(input) };
      if (input.name !== undefined) patch.name = input.name;
      return applySetupAccountConfigPatch({
        cfg,
        channelKey,
        accountId,
        patch,
        alwaysUseAccounts: params.alwaysUseAccounts,
        ensureChannelEnabled: params.ensureChannelEnabled,
        ensureAccountEnabled: params.ensureAccountEnabled,
      });
    },
  };
  if (params.validateInput) adapter.validateInput = params.validateInput;
  return adapter;
}
