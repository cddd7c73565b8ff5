import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createTestPluginApi } from "../host/test-api.js";
import { createTempDir } from "../testing/temp-dir.js";
import { defineBundledChannelEntry, defineBundledChannelSetupEntry, loadBundledEntryExportSync } from "./bundled-entry.js";

const dir = createTempDir("bundled-entry-");
afterAll(() => dir.remove());
dir.write({
  "package.json": { type: "module" },
  "src/channel.js": 'export const chatPlugin = { id: "chat", meta: { id: "chat", label: "Chat" }, capabilities: { chatTypes: ["direct"] }, config: { listAccountIds: () => ["default"], resolveAccount: () => ({}) } };\nglobalThis.__bundledLoads = (globalThis.__bundledLoads ?? 0) + 1;\n',
  "src/runtime.js": "export function setChatRuntime(runtime) { globalThis.__bundledRuntime = runtime; }\n",
  "src/setup.ts": 'const plugin: { id: string } = { id: "chat-setup" };\nexport default plugin;\n',
  "index.js": "",
});
const entryUrl = pathToFileURL(dir.resolve("index.js")).href;

describe("defineBundledChannelEntry", () => {
  it("loads the plugin only when a mode registers the channel, and passes the runtime to the setter", () => {
    const entry = defineBundledChannelEntry({
      id: "chat",
      name: "Chat",
      description: "Chat channel",
      importMetaUrl: entryUrl,
      plugin: { specifier: "./src/channel.js", exportName: "chatPlugin" },
      runtime: { specifier: "./src/runtime.js", exportName: "setChatRuntime" },
    });
    expect(entry.kind).toBe("bundled-channel-entry");
    expect(entry.configSchema.schema).toMatchObject({ type: "object" });
    const cliMetadata = createTestPluginApi({ id: "chat", registrationMode: "cli-metadata", manifest: { channels: ["chat"] } });
    let cliCalls = 0;
    const withCli = defineBundledChannelEntry({
      id: "chat",
      name: "Chat",
      description: "Chat channel",
      importMetaUrl: entryUrl,
      plugin: { specifier: "./src/channel.js", exportName: "chatPlugin" },
      registerCliMetadata: () => void (cliCalls += 1),
    });
    withCli.register(cliMetadata);
    expect(cliCalls).toBe(1);
    expect((globalThis as { __bundledLoads?: number }).__bundledLoads).toBeUndefined();

    const api = createTestPluginApi({ id: "chat", registrationMode: "full", manifest: { channels: ["chat"] } });
    entry.register(api);
    expect(api.recorded.registrations.channels.map((channel) => channel.id)).toEqual(["chat"]);
    expect((globalThis as { __bundledLoads?: number }).__bundledLoads).toBe(1);
    expect((globalThis as { __bundledRuntime?: unknown }).__bundledRuntime).toBe(api.runtime);
    expect(entry.loadChannelPlugin()).toMatchObject({ id: "chat" });
  });

  it("names the entry, specifier and missing export in load errors", () => {
    expect(() => loadBundledEntryExportSync(entryUrl, { specifier: "./src/missing.js" })).toThrow(/module "\.\/src\/missing\.js" not found/);
    expect(() => loadBundledEntryExportSync(entryUrl, { specifier: "./src/channel.js", exportName: "nope" })).toThrow(
      /has no export "nope" \(exports: chatPlugin\)/,
    );
  });
});

describe("defineBundledChannelSetupEntry", () => {
  it("loads a TypeScript setup module through the .js specifier's .ts source", () => {
    const setup = defineBundledChannelSetupEntry({ importMetaUrl: entryUrl, plugin: { specifier: "./src/setup.js" } });
    expect(setup.kind).toBe("bundled-channel-setup-entry");
    expect(setup.loadSetupPlugin()).toEqual({ id: "chat-setup" });
    expect(setup.plugin).toBe(setup.loadSetupPlugin());
  });
});
