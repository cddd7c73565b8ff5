import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { ChannelConfigSection, OpenClawConfig } from "../contract/config.js";
import { readChannelConfig, type ChannelConfigOf } from "./channel-config-access.js";
import { buildChannelConfigSchema } from "./channel-config-schema.js";
import { buildJsonPluginConfigSchema } from "./config-schema.js";

const EchoConfig = z.object({ token: z.string().optional(), enabled: z.boolean().default(true), accounts: z.record(z.string(), z.object({ token: z.string() })).optional() });

describe("readChannelConfig", () => {
  it("returns the section typed by a zod schema, with defaults applied", () => {
    const cfg: OpenClawConfig = { channels: { echo: { token: "t1" } } };
    const echo = readChannelConfig(cfg, "echo", EchoConfig);
    expectTypeOf(echo).toEqualTypeOf<z.output<typeof EchoConfig> | undefined>();
    expect(echo).toEqual({ token: "t1", enabled: true });
  });

  it("is undefined for an absent section or channels, and the raw section without a schema", () => {
    expect(readChannelConfig({}, "echo", EchoConfig)).toBeUndefined();
    expect(readChannelConfig({ channels: { other: {} } }, "echo", EchoConfig)).toBeUndefined();
    // Prototype names are not sections.
    expect(readChannelConfig({ channels: {} }, "constructor", EchoConfig)).toBeUndefined();
    const raw = readChannelConfig({ channels: { echo: { token: 5 } } }, "echo");
    expectTypeOf(raw).toEqualTypeOf<ChannelConfigSection | undefined>();
    expect(raw).toEqual({ token: 5 });
  });

  it("an invalid section throws naming channels.<id>, the field and the fix", () => {
    const cfg: OpenClawConfig = { channels: { echo: { token: 5, accounts: { a: {} } } } };
    expect(() => readChannelConfig(cfg, "echo", EchoConfig)).toThrowError(/^channels\.echo is invalid: token: .*; accounts\.a\.token: .*Fix channels\.echo in the config file/);
  });

  it("accepts a JSON plugin config schema (typed by T) and a ChannelConfigSchema (runtime.safeParse)", () => {
    const json = buildJsonPluginConfigSchema<{ token: string }>({ type: "object", properties: { token: { type: "string" } }, required: ["token"] });
    const cfg: OpenClawConfig = { channels: { echo: { token: "x" } } };
    const typed = readChannelConfig(cfg, "echo", json);
    expectTypeOf(typed).toEqualTypeOf<{ token: string } | undefined>();
    expect(typed).toEqual({ token: "x" });
    expect(() => readChannelConfig({ channels: { echo: {} } }, "echo", json)).toThrowError(/channels\.echo is invalid: token: /);
    const channelSchema = buildChannelConfigSchema(EchoConfig);
    expect(readChannelConfig(cfg, "echo", channelSchema)).toEqual({ token: "x", enabled: true });
    expectTypeOf<ChannelConfigOf<typeof EchoConfig>>().toEqualTypeOf<z.output<typeof EchoConfig>>();
  });

  it("refuses a bad channel id or a schema without safeParse", () => {
    expect(() => readChannelConfig({}, "")).toThrowError(/channelId must be the channel's id/);
    expect(() => readChannelConfig({ channels: { echo: {} } }, "echo", { schema: {} })).toThrowError(/has no safeParse/);
  });
});
