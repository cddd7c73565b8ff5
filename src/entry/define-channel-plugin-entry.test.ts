import { describe, expect, it } from "vitest";
import type { ChannelPlugin } from "../contract/channel.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import { CHANNEL_ENTRY_MODE_STEPS, defineChannelPluginEntry, defineSetupPluginEntry } from "./define-channel-plugin-entry.js";
import { PluginRuntimeUnavailableError } from "./runtime-availability.js";
import { createFakeApi } from "./__tests__/fake-api.js";

const plugin: ChannelPlugin = {
  id: "my-channel",
  meta: { id: "my-channel", label: "My Channel" },
  capabilities: { chatTypes: ["direct"] },
  config: { listAccountIds: () => ["default"], resolveAccount: () => ({}) },
};

function recordingEntry(log: string[]) {
  return defineChannelPluginEntry({
    id: "my-channel",
    name: "My Channel",
    description: "test",
    plugin,
    setRuntime: () => log.push("setRuntime"),
    registerCliMetadata: () => void log.push("registerCliMetadata"),
    registerFull: () => void log.push("registerFull"),
    registerCapabilities: () => void log.push("registerCapabilities"),
  });
}

const EXPECTED: Record<PluginRegistrationMode, string[]> = {
  full: ["registerChannel", "setRuntime", "registerCliMetadata", "registerFull", "registerCapabilities"],
  discovery: ["registerChannel", "setRuntime", "registerCliMetadata", "registerCapabilities"],
  "tool-discovery": ["registerFull", "registerCapabilities"],
  "setup-only": ["registerChannel", "setRuntime"],
  "setup-runtime": ["registerChannel", "setRuntime"],
  "cli-metadata": ["registerCliMetadata"],
};

describe("defineChannelPluginEntry", () => {
  for (const [mode, expected] of Object.entries(EXPECTED) as Array<[PluginRegistrationMode, string[]]>) {
    it(`runs ${expected.join(", ")} in ${mode} mode, in order`, () => {
      const log: string[] = [];
      const fake = createFakeApi({ mode, id: "my-channel" });
      recordingEntry(log).register(fake.api);
      const merged = [...fake.methods().filter((m) => m === "registerChannel"), ...log];
      // registerChannel is always first when present, so the merged order equals the table order.
      expect(merged).toEqual(expected);
      expect(CHANNEL_ENTRY_MODE_STEPS[mode]).toEqual(expected);
    });
  }

  it("registers the channel as { plugin }", () => {
    const fake = createFakeApi();
    recordingEntry([]).register(fake.api);
    expect(fake.calls[0]).toEqual({ method: "registerChannel", args: [{ plugin }] });
  });

  it("hands setRuntime the runtime; in setup-only it is the throwing stand-in", () => {
    let stored: unknown;
    const entry = defineChannelPluginEntry({ id: "my-channel", name: "n", description: "d", plugin, setRuntime: (rt) => (stored = rt) });
    entry.register(createFakeApi({ mode: "setup-only", id: "my-channel" }).api);
    expect(() => (stored as { config: unknown }).config).toThrow(PluginRuntimeUnavailableError);
    expect(() => (stored as { config: unknown }).config).toThrow(/plugin "my-channel".*"setup-only"/);
  });

  it("waits for async steps and returns a promise", async () => {
    const log: string[] = [];
    const entry = defineChannelPluginEntry({
      id: "my-channel",
      name: "n",
      description: "d",
      plugin,
      registerCliMetadata: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push("cli");
      },
      registerFull: () => void log.push("full"),
    });
    const result = entry.register(createFakeApi({ mode: "full" }).api);
    expect(result).toBeInstanceOf(Promise);
    expect(log).toEqual([]);
    await result;
    expect(log).toEqual(["cli", "full"]);
  });

  it("rejects an unknown mode with a clear error", () => {
    const fake = createFakeApi();
    (fake.api as unknown as { registrationMode: string }).registrationMode = "weird";
    expect(() => recordingEntry([]).register(fake.api)).toThrow(/unknown registration mode "weird"/);
  });

  it("exposes the channel plugin and keeps entry fields", () => {
    const entry = recordingEntry([]);
    expect(entry.channelPlugin).toBe(plugin);
    expect(entry.id).toBe("my-channel");
    expect(entry.configSchema.safeParse({}).success).toBe(true);
  });

  it("requires a plugin object", () => {
    expect(() => defineChannelPluginEntry({ id: "x", name: "x", description: "x", plugin: undefined as never })).toThrow(/"plugin" must be a ChannelPlugin object/);
  });
});

describe("defineSetupPluginEntry", () => {
  it("returns { plugin } only", () => {
    expect(defineSetupPluginEntry(plugin)).toEqual({ plugin });
    expect(() => defineSetupPluginEntry(undefined)).toThrow(/expected the channel plugin object/);
  });
});

describe("defineChannelPluginEntry config schema", () => {
  it("reads as both a plugin config schema and a channel config schema", () => {
    const entry = defineChannelPluginEntry({ id: "my-channel", name: "My Channel", description: "test", plugin });
    const schema = entry.configSchema;
    expect(schema.schema).toBe(schema.jsonSchema);
    expect(schema.schema).toMatchObject({ type: "object" });
    expect(schema.runtime?.safeParse({}).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    expect(entry.configSchema).toBe(schema);
  });
  it("keeps the plugin's own validator behind both readers", () => {
    const entry = defineChannelPluginEntry({
      id: "my-channel",
      name: "My Channel",
      description: "test",
      plugin,
      configSchema: {
        jsonSchema: { type: "object", properties: { port: { type: "number" } } },
        safeParse: (value: unknown) =>
          typeof (value as { port?: unknown }).port === "number"
            ? { success: true as const, data: value as Record<string, unknown> }
            : { success: false as const, error: { issues: [{ path: ["port"], message: "port must be a number" }] } },
      },
    });
    expect(entry.configSchema.runtime?.safeParse({ port: "x" })).toEqual({
      success: false,
      error: { issues: [{ path: ["port"], message: "port must be a number" }] },
    });
    expect(entry.configSchema.schema).toEqual({ type: "object", properties: { port: { type: "number" } } });
  });
});
