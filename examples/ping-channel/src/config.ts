/**
 * The two configs of the ping channel, each written once as a zod schema:
 * - the plugin config (`plugins.entries.ping-channel.config`), typed into `api.pluginConfig`;
 * - the channel section (`channels.ping`), read typed with `readChannelConfig`.
 * openclaw.plugin.json publishes the same two schemas as JSON Schema (`configSchema`, `channelConfigs.ping.schema`);
 * the tests keep them in step and `openclaw plugins validate` compares the plugin config schema.
 */
import { z } from "zod";
import { buildChannelConfigSchema, buildPluginConfigSchema } from "openclaw/plugin-sdk/channel-core";

/** `plugins.entries.ping-channel.config`. */
export const PingPluginConfig = z.object({
  /** Text the channel answers a "ping" with. */
  reply: z.string().min(1).default("pong"),
});

/** One `channels.ping.accounts.<id>` entry. */
export const PingAccountConfig = z.object({
  token: z.string().optional(),
  enabled: z.boolean().optional(),
});

/** `channels.ping`: the default account at the section root, named accounts under `accounts`. */
export const PingChannelConfig = PingAccountConfig.extend({
  accounts: z.record(z.string(), PingAccountConfig).optional(),
});

/** The plugin config schema `defineChannelPluginEntry` takes (from channel-core, like the entry helper). */
export const pingPluginConfigSchema = buildPluginConfigSchema(PingPluginConfig);

/** `ChannelPlugin.configSchema`: the channel section schema, with a sensitive hint for the token. */
export const pingChannelConfigSchema = buildChannelConfigSchema(PingChannelConfig, {
  uiHints: { token: { label: "Ping token", sensitive: true } },
});
