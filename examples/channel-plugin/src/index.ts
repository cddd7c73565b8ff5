/**
 * Full entry of the echo channel: the channel, its runtime, CLI metadata and a gateway method.
 */
import { z } from "zod";
import { buildChannelConfigSchema, DmPolicySchema } from "openclaw/plugin-sdk/channel-config-schema";
import { defineChannelPluginEntry } from "openclaw/plugin-sdk/channel-core";
import { echoChannelPlugin, echoOutbox } from "./channel.js";
import { echoRuntime } from "./runtime.js";

/** `channels.echo`, as a zod schema (its JSON Schema is what openclaw.plugin.json#channelConfigs publishes). */
export const echoChannelConfigSchema = buildChannelConfigSchema(
  z.object({
    enabled: z.boolean().optional(),
    token: z.string().optional(),
    dmPolicy: DmPolicySchema.optional(),
    accounts: z.record(z.string(), z.object({}).passthrough()).optional(),
  }),
  { uiHints: { token: { label: "Echo token", sensitive: true } } },
);

export default defineChannelPluginEntry({
  id: "echo-channel",
  name: "Echo Channel",
  description: "A loopback chat channel for trying out channel plugins.",
  plugin: { ...echoChannelPlugin, configSchema: echoChannelConfigSchema },
  setRuntime: echoRuntime.setRuntime,
  registerCliMetadata(api) {
    api.registerCli(
      async ({ program }) => {
        program
          .command("echo-outbox")
          .description("Print messages sent through the echo channel")
          .action(() => console.log(JSON.stringify(echoOutbox, null, 2)));
      },
      { descriptors: [{ name: "echo-outbox", description: "Print messages sent through the echo channel" }] },
    );
  },
  registerFull(api) {
    api.registerGatewayMethod(
      "echo.status",
      ({ respond }) => respond(true, { sent: echoOutbox.length, runtimeVersion: api.runtime.version }),
      { scope: "operator.read" },
    );
  },
});
