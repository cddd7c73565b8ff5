/**
 * The echo channel: accounts from `channels.echo`, a direct outbound adapter and a setup adapter. Light enough to
 * be loaded by the setup entry (no runtime use at module load).
 */
import type { ChannelOutboundContext, ChannelOutboundResult, ChannelPlugin } from "openclaw/plugin-sdk/channel-contract";
import { DEFAULT_ACCOUNT_ID, normalizeAccountId } from "openclaw/plugin-sdk/account-id";
import {
  createPatchedAccountSetupAdapter,
  createStandardChannelSetupStatus,
  deleteAccountFromConfigSection,
  formatDocsLink,
  setAccountEnabledInConfigSection,
} from "openclaw/plugin-sdk/setup";

export interface EchoAccount {
  accountId: string;
  token?: string;
  enabled: boolean;
}

/** Messages "sent" through the loopback, newest last. */
export const echoOutbox: ChannelOutboundResult[] = [];

export const echoChannelPlugin: ChannelPlugin<EchoAccount> = {
  id: "echo",
  meta: {
    id: "echo",
    label: "Echo",
    selectionLabel: "Echo (loopback)",
    docsPath: "/channels/echo",
    blurb: `A loopback channel. Docs: ${formatDocsLink("/channels/echo")}`,
  },
  capabilities: { chatTypes: ["direct"] },
  config: {
    listAccountIds: (cfg) => {
      const section = cfg.channels?.echo;
      return [DEFAULT_ACCOUNT_ID, ...Object.keys(section?.accounts ?? {}).filter((id) => id !== DEFAULT_ACCOUNT_ID)];
    },
    resolveAccount: (cfg, accountId) => {
      const id = normalizeAccountId(accountId);
      const section = cfg.channels?.echo ?? {};
      const account = id === DEFAULT_ACCOUNT_ID ? section : (section.accounts?.[id] ?? {});
      return {
        accountId: id,
        token: typeof account.token === "string" ? account.token : undefined,
        enabled: account.enabled !== false,
      };
    },
    isConfigured: (account) => Boolean(account.token),
    setAccountEnabled: ({ cfg, accountId, enabled }) =>
      setAccountEnabledInConfigSection({ cfg, sectionKey: "echo", accountId, enabled, allowTopLevel: true }),
    deleteAccount: ({ cfg, accountId }) => deleteAccountFromConfigSection({ cfg, sectionKey: "echo", accountId, clearBaseFields: ["token"] }),
  },
  setup: createPatchedAccountSetupAdapter({
    channel: "echo",
    buildPatch: (input) => ({ token: input.token }),
    validateInput: ({ input }) => (input.token ? null : "echo needs a token (--token)"),
  }),
  setupWizard: {
    channel: "echo",
    status: createStandardChannelSetupStatus({
      channelLabel: "Echo",
      configuredLabel: "token set",
      unconfiguredLabel: "needs a token",
      resolveConfigured: ({ cfg }) => typeof cfg.channels?.echo?.token === "string",
    }),
    credentials: [],
  },
  outbound: {
    deliveryMode: "direct",
    textChunkLimit: 4000,
    async sendText(ctx: ChannelOutboundContext) {
      const result = { channel: "echo", messageId: `echo-${echoOutbox.length + 1}`, chatId: ctx.to, text: ctx.text };
      echoOutbox.push(result);
      return result;
    },
  },
};
