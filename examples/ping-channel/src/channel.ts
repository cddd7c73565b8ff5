/**
 * The ping channel: accounts from `channels.ping` (read typed with `readChannelConfig`), a direct outbound adapter
 * that answers "ping" with the configured reply. Nothing here touches the runtime at module load, so the setup entry
 * can import it in `setup-only` mode.
 */
import { readChannelConfig, type ChannelConfigOf, type ChannelPlugin, type OpenClawConfig } from "openclaw/plugin-sdk/channel-core";
import { DEFAULT_ACCOUNT_ID, normalizeAccountId } from "openclaw/plugin-sdk/account-id";
import { PingChannelConfig, pingChannelConfigSchema } from "./config.js";

/** What the channel works with for one account. */
export interface PingAccount {
  accountId: string;
  token: string | undefined;
  enabled: boolean;
}

/** `channels.ping`, typed from the zod schema: `{ token?: string; enabled?: boolean; accounts?: … }`. */
export type PingChannelSection = ChannelConfigOf<typeof PingChannelConfig>;

/** Reads `channels.ping` (validated, typed); `undefined` when the channel is not configured. */
export function readPingSection(cfg: OpenClawConfig): PingChannelSection | undefined {
  return readChannelConfig(cfg, "ping", PingChannelConfig);
}

/** Messages "sent" through the channel, newest last (a real channel would call its service here). */
export const pingOutbox: Array<{ to: string; text: string }> = [];

export const pingChannelPlugin: ChannelPlugin<PingAccount> = {
  id: "ping",
  meta: { id: "ping", label: "Ping", selectionLabel: "Ping (example)", docsPath: "/channels/ping", blurb: "Answers ping with pong." },
  capabilities: { chatTypes: ["direct"] },
  configSchema: pingChannelConfigSchema,
  config: {
    listAccountIds: (cfg) => {
      const section = readPingSection(cfg);
      if (!section) return [];
      return [DEFAULT_ACCOUNT_ID, ...Object.keys(section.accounts ?? {}).filter((id) => id !== DEFAULT_ACCOUNT_ID)];
    },
    resolveAccount: (cfg, accountId) => {
      const id = normalizeAccountId(accountId);
      const section = readPingSection(cfg) ?? {};
      const account = id === DEFAULT_ACCOUNT_ID ? section : (section.accounts?.[id] ?? {});
      return { accountId: id, token: account.token, enabled: account.enabled !== false };
    },
    isConfigured: (account) => account.token !== undefined,
  },
  outbound: {
    deliveryMode: "direct",
    async sendText(ctx) {
      pingOutbox.push({ to: ctx.to, text: ctx.text });
      return { channel: "ping", messageId: `ping-${pingOutbox.length}`, chatId: ctx.to };
    },
  },
};
