/**
 * The declarative parts of a channel setup wizard: credential steps, text inputs and notes. Types only.
 *
 * @packageDocumentation
 */

import type { OpenClawConfig } from "./config.js";

/**
 * Credential values entered so far in a setup wizard, by `inputKey`.
 *
 * @example
 * ```ts
 * const values: ChannelSetupWizardCredentialValues = { token: "123:abc" };
 * ```
 */
export type ChannelSetupWizardCredentialValues = Partial<Record<string, string>>;

/**
 * What `credential.inspect` reports about the current config.
 *
 * @example
 * ```ts
 * const state: ChannelSetupWizardCredentialState = { accountConfigured: false, hasConfiguredValue: false, envValue: "from-env" };
 * ```
 */
export type ChannelSetupWizardCredentialState = {
  accountConfigured: boolean;
  hasConfiguredValue: boolean;
  resolvedValue?: string;
  envValue?: string;
};

/**
 * One secret the wizard asks for (a bot token, a password), with env-variable shortcuts.
 *
 * @example
 * ```ts
 * const token: ChannelSetupWizardCredential = {
 *   inputKey: "token", providerHint: "my-channel", credentialLabel: "Bot token", preferredEnvVar: "MY_BOT_TOKEN",
 *   envPrompt: "Use MY_BOT_TOKEN from the environment?", keepPrompt: "Keep the current token?", inputPrompt: "Bot token",
 *   inspect: ({ cfg }) => ({ accountConfigured: Boolean(cfg.channels?.["my-channel"]), hasConfiguredValue: false }),
 * };
 * ```
 */
export type ChannelSetupWizardCredential = {
  inputKey: string;
  providerHint: string;
  credentialLabel: string;
  preferredEnvVar?: string;
  helpTitle?: string;
  helpLines?: string[];
  envPrompt: string;
  keepPrompt: string;
  inputPrompt: string;
  allowEnv?: (params: { cfg: OpenClawConfig; accountId: string }) => boolean;
  inspect: (params: { cfg: OpenClawConfig; accountId: string }) => ChannelSetupWizardCredentialState;
  shouldPrompt?: (params: {
    cfg: OpenClawConfig;
    accountId: string;
    credentialValues: ChannelSetupWizardCredentialValues;
    currentValue?: string;
    state: ChannelSetupWizardCredentialState;
  }) => boolean | Promise<boolean>;
  applyUseEnv?: (params: { cfg: OpenClawConfig; accountId: string }) => OpenClawConfig | Promise<OpenClawConfig>;
  applySet?: (params: {
    cfg: OpenClawConfig;
    accountId: string;
    credentialValues: ChannelSetupWizardCredentialValues;
    value: unknown;
    resolvedValue: string;
  }) => OpenClawConfig | Promise<OpenClawConfig>;
};

/**
 * Parameters the text-input callbacks receive.
 *
 * @example
 * ```ts
 * const p: ChannelSetupWizardInputParams = { cfg: {}, accountId: "default", credentialValues: {} };
 * ```
 */
export type ChannelSetupWizardInputParams = {
  cfg: OpenClawConfig;
  accountId: string;
  credentialValues: ChannelSetupWizardCredentialValues;
};

/**
 * A plain (non-secret or secret) text field the wizard asks for.
 *
 * @example
 * ```ts
 * const url: ChannelSetupWizardTextInput = { inputKey: "url", message: "Server URL", required: true, validate: ({ value }) => (value.startsWith("https://") ? undefined : "must be https") };
 * ```
 */
export type ChannelSetupWizardTextInput = {
  inputKey: string;
  message: string;
  placeholder?: string;
  sensitive?: boolean;
  required?: boolean;
  applyEmptyValue?: boolean;
  helpTitle?: string;
  helpLines?: string[];
  confirmCurrentValue?: boolean;
  keepPrompt?: string | ((value: string) => string);
  currentValue?: (params: ChannelSetupWizardInputParams) => string | undefined | Promise<string | undefined>;
  initialValue?: (params: ChannelSetupWizardInputParams) => string | undefined | Promise<string | undefined>;
  shouldPrompt?: (params: ChannelSetupWizardInputParams & { currentValue?: string }) => boolean | Promise<boolean>;
  applyCurrentValue?: boolean;
  validate?: (params: ChannelSetupWizardInputParams & { value: string }) => string | undefined;
  normalizeValue?: (params: ChannelSetupWizardInputParams & { value: string }) => string;
  applySet?: (params: { cfg: OpenClawConfig; accountId: string; value: string }) => OpenClawConfig | Promise<OpenClawConfig>;
};

/**
 * A note the wizard shows (intro or completion).
 *
 * @example
 * ```ts
 * const note: ChannelSetupWizardNote = { title: "Next steps", lines: ["Invite the bot to a room."] };
 * ```
 */
export type ChannelSetupWizardNote = {
  title: string;
  lines: string[];
  shouldShow?: (params: ChannelSetupWizardInputParams) => boolean | Promise<boolean>;
};
