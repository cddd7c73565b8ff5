import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPlugin, loadPlugins } from "./loader.js";
import { createPluginHookRunner } from "./plugin-hook-runner.js";
import { invokeCommand, invokeGatewayMethod, invokeHttpRoute, invokeTool } from "./invoke.js";
import { createSessionWorkflowHost } from "./session-workflow.js";

const base = mkdtempSync(join(tmpdir(), "openclaw-host-loader-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let counter = 0;
interface FixtureOptions {
  id?: string;
  manifest?: Record<string, unknown>;
  files: Record<string, string>;
  pkg?: Record<string, unknown> | null;
}
function fixture(options: FixtureOptions): string {
  counter += 1;
  const dir = join(base, `p${counter}`);
  mkdirSync(dir, { recursive: true });
  const id = options.id ?? `plugin-${counter}`;
  writeFileSync(
    join(dir, "openclaw.plugin.json"),
    JSON.stringify({ id, configSchema: { type: "object", additionalProperties: false, properties: {} }, ...options.manifest }),
  );
  if (options.pkg !== null) {
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: id, version: "1.2.3", type: "module", openclaw: { extensions: ["./index.js"] }, ...options.pkg }),
    );
  }
  for (const [file, text] of Object.entries(options.files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const entry = (id: string, body: string) =>
  `export default { id: ${JSON.stringify(id)}, name: "N", description: "D", register(api) {\n${body}\n} };\n`;

describe("loadPlugin: roots, imports and shapes", () => {
  it("loads a built JS entry, records registrations and classifies the shape", async () => {
    const dir = fixture({
      id: "multi",
      manifest: { contracts: { tools: ["echo"] } },
      files: {
        "index.js": entry(
          "multi",
          `api.registerProvider({ id: "llm", label: "LLM", auth: [] });
           api.registerSpeechProvider({ id: "tts" });
           api.registerTool({ name: "echo", description: "echo", parameters: {}, async execute(id, p) { return { content: [{ type: "text", text: JSON.stringify(p) }] }; } });
           api.on("after_tool_call", () => {}, { priority: 7 });
           api.registerCli(() => {}, { descriptors: [{ name: "multi", description: "Multi tools" }], parentPath: ["nodes"] });`,
        ),
      },
    });
    const loaded = await loadPlugin({ rootDir: dir });
    expect(loaded.loadError).toBeUndefined();
    expect(loaded.id).toBe("multi");
    expect(loaded.version).toBe("1.2.3");
    expect(loaded.shape).toBe("hybrid-capability");
    expect(loaded.capabilities).toEqual(["text-inference", "speech"]);
    expect(loaded.tools).toEqual([{ name: "echo", optional: false }]);
    expect(loaded.hooks).toEqual([{ name: "after_tool_call", priority: 7 }]);
    expect(loaded.cliCommands).toEqual([{ name: "multi", description: "Multi tools", parentPath: ["nodes"] }]);
    expect(loaded.providers.map((p) => p.kind)).toEqual(["text-inference", "speech"]);
    expect(loaded.registrations.log.every((l) => l.accepted)).toBe(true);
  });

  it("classifies plain-capability, hook-only and non-capability plugins", async () => {
    const plain = await loadPlugin({ rootDir: fixture({ id: "plain", files: { "index.js": entry("plain", `api.registerWebSearchProvider({ id: "s" }); api.on("gateway_start", () => {});`) } }) });
    expect([plain.shape, plain.capabilities]).toEqual(["plain-capability", ["web-search"]]);
    const hooks = await loadPlugin({ rootDir: fixture({ id: "hooks", files: { "index.js": entry("hooks", `api.on("message_sent", () => {});`) } }) });
    expect(hooks.shape).toBe("hook-only");
    expect(hooks.diagnostics.map((d) => d.code)).toContain("hook-only-plugin");
    const other = await loadPlugin({ rootDir: fixture({ id: "other", files: { "index.js": entry("other", `api.on("message_sent", () => {}); api.registerService({ id: "svc", start() {} });`) } }) });
    expect(other.shape).toBe("non-capability");
  });

  it("imports TypeScript sources through jiti only when no built JS exists", async () => {
    const tsOnly = fixture({
      id: "ts-only",
      pkg: { openclaw: { extensions: ["./index.ts"] } },
      files: { "index.ts": `const id: string = "ts-only";\nexport default { id, register(api: { on(n: string, h: () => void): void }) { api.on("session_start", () => {}); } };\n` },
    });
    const fromTs = await loadPlugin({ rootDir: tsOnly });
    expect(fromTs.loadError).toBeUndefined();
    expect(fromTs.source.endsWith("index.ts")).toBe(true);
    expect(fromTs.hooks).toEqual([{ name: "session_start", priority: 0 }]);

    const withBuild = fixture({
      id: "built",
      pkg: { openclaw: { extensions: ["./src/index.ts"] } },
      files: {
        "src/index.ts": `export default { id: "built", register() { throw new Error("the TS source must not be loaded"); } };\n`,
        "dist/index.js": entry("built", `api.on("session_end", () => {});`),
      },
    });
    const fromJs = await loadPlugin({ rootDir: withBuild });
    expect(fromJs.loadError).toBeUndefined();
    expect(fromJs.source.endsWith(join("dist", "index.js"))).toBe(true);
  });
});

describe("loadPlugin: failures become loadError", () => {
  it("reports an unusable entry export, with the export shape under OPENCLAW_PLUGIN_LOAD_DEBUG=1", async () => {
    const dir = fixture({ id: "shape", files: { "index.js": `export const helper = () => 1;\nexport default { id: "shape" };\n` } });
    const plain = await loadPlugin({ rootDir: dir, env: {} });
    expect(plain.loadError?.code).toBe("entry-shape-invalid");
    expect(plain.loadError?.message).toContain("OPENCLAW_PLUGIN_LOAD_DEBUG=1");
    const debug = await loadPlugin({ rootDir: dir, env: { OPENCLAW_PLUGIN_LOAD_DEBUG: "1" } });
    expect(debug.loadError?.message).toContain("Export shape — default: object{id:string}; named: helper:function");
  });

  it("rejects an entry whose id differs from the manifest id", async () => {
    const loaded = await loadPlugin({ rootDir: fixture({ id: "manifest-id", files: { "index.js": entry("entry-id", "") } }) });
    expect(loaded.loadError?.code).toBe("plugin-id-mismatch");
    expect(loaded.loadError?.message).toBe('plugin id mismatch (config uses "manifest-id", export uses "entry-id")');
  });

  it("validates config before register and never calls register with bad config", async () => {
    const dir = fixture({
      id: "cfg",
      manifest: {
        configSchema: { type: "object", additionalProperties: false, properties: { units: { type: "string", enum: ["metric", "imperial"], default: "metric" } } },
      },
      files: { "index.js": entry("cfg", `globalThis.__cfgRegisterCalls = (globalThis.__cfgRegisterCalls ?? 0) + 1; globalThis.__cfgSeen = api.pluginConfig;`) },
    });
    const bad = await loadPlugin({ rootDir: dir, pluginConfig: { units: "kelvin" } });
    expect(bad.loadError?.code).toBe("config-invalid");
    expect(bad.diagnostics.some((d) => d.level === "error" && d.message.includes("units"))).toBe(true);
    expect((globalThis as Record<string, unknown>).__cfgRegisterCalls).toBeUndefined();
    const good = await loadPlugin({ rootDir: dir, config: { plugins: { entries: { cfg: { config: {} } } } } });
    expect(good.loadError).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__cfgSeen).toEqual({ units: "metric" });
  });

  it("keeps loading other plugins when one throws in register, fails to import or has a bad manifest", async () => {
    const throwing = fixture({ id: "throws", files: { "index.js": entry("throws", `api.on("message_sent", () => {}); throw new Error("kaboom");`) } });
    const broken = fixture({ id: "broken", files: { "index.js": `export default {{{ syntax error` } });
    const badManifest = fixture({ id: "bad", files: { "index.js": entry("bad", "") } });
    writeFileSync(join(badManifest, "openclaw.plugin.json"), JSON.stringify({ id: "bad" }));
    const fine = fixture({ id: "fine", files: { "index.js": entry("fine", `api.on("message_sent", () => {});`) } });
    const loaded = await loadPlugins([throwing, broken, badManifest, fine]);
    expect(loaded.map((p) => p.loadError?.code)).toEqual(["register-failed", "import-failed", "manifest-invalid", undefined]);
    expect(loaded[0]?.loadError?.message).toContain("kaboom");
    expect((loaded[0]?.loadError?.cause as Error).message).toBe("kaboom");
    expect(loaded[3]?.hooks).toHaveLength(1);
    // A failed plugin contributes nothing to the hook runner.
    const runner = createPluginHookRunner(loaded);
    expect(runner.handlersFor("message_sent").map((h) => h.pluginId)).toEqual(["fine"]);
  });
});

describe("registration modes", () => {
  const channelEntry = `
    const plugin = { id: "chat", meta: { label: "Chat" } };
    export default { id: "chat", register(api) {
      api.registerChannel({ plugin });
      api.registerCli(() => {}, { descriptors: [{ name: "chat", description: "Chat CLI" }] });
      api.registerService({ id: "poller", start() {} });
      api.registerGatewayMethod("chat.status", ({ respond }) => respond(true, { up: true }));
      if (api.registrationMode === "cli-metadata") globalThis.__runtimeError = (() => { try { return String(api.runtime.config); } catch (e) { return e.message; } })();
    } };`;
  const dir = () =>
    fixture({
      id: "chat",
      manifest: { channels: ["chat"] },
      pkg: { openclaw: { extensions: ["./index.js"], setupEntry: "./setup-entry.js" } },
      files: {
        "index.js": channelEntry,
        "setup-entry.js": `export default { plugin: { id: "chat", meta: { label: "Chat (setup)" } } };\n`,
      },
    });

  it("setup-only loads the setup entry and accepts only the channel", async () => {
    const loaded = await loadPlugin({ rootDir: dir(), mode: "setup-only" });
    expect(loaded.entryKind).toBe("setup");
    expect(loaded.source.endsWith("setup-entry.js")).toBe(true);
    expect(loaded.channels).toEqual(["chat"]);
    expect(loaded.shape).toBe("plain-capability");
  });

  it("cli-metadata accepts only CLI registrations and api.runtime throws a precise error", async () => {
    const loaded = await loadPlugin({ rootDir: dir(), mode: "cli-metadata" });
    expect(loaded.entryKind).toBe("main");
    expect(loaded.cliCommands.map((c) => c.name)).toEqual(["chat"]);
    expect(loaded.channels).toEqual([]);
    expect(loaded.services).toEqual([]);
    const skipped = loaded.diagnostics.filter((d) => d.code === "registration-skipped-for-mode");
    expect(skipped.map((d) => d.path)).toEqual(["registerChannel", "registerService", "registerGatewayMethod"]);
    expect(skipped[0]?.level).toBe("info");
    expect((globalThis as Record<string, unknown>).__runtimeError).toMatch(/plugin "chat": api\.runtime is unavailable during "cli-metadata" registration/);
  });

  it("full mode accepts everything and setup-runtime accepts gateway methods", async () => {
    const full = await loadPlugin({ rootDir: dir(), mode: "full" });
    expect([full.channels, full.services, full.gatewayMethods]).toEqual([["chat"], ["poller"], [{ method: "chat.status", scope: "operator.write" }]]);
    const setupRuntime = await loadPlugin({ rootDir: dir(), mode: "setup-runtime" });
    expect(setupRuntime.entryKind).toBe("setup");
  });
});

describe("contract gates and hook policy", () => {
  const gated = (origin: "bundled" | "external", config = {}) =>
    loadPlugin({
      origin,
      config,
      manifest: { id: "gated", configSchema: {}, contracts: { tools: ["allowed"], agentToolResultMiddleware: ["pi"] } },
      entry: {
        id: "gated",
        register(api: any) {
          const tool = (name: string) => ({ name, description: name, parameters: {}, execute: async () => ({ content: [] }) });
          api.registerTool(tool("allowed"));
          api.registerTool(tool("undeclared"));
          api.registerTool(() => tool("factory"), {});
          api.registerAgentToolResultMiddleware((p: any) => p.result, { runtimes: ["pi", "codex"] });
          api.registerTrustedToolPolicy({ id: "budget", evaluate: () => undefined });
          api.registerCommand({ name: "reset", description: "Reset", handler: () => ({ text: "ok" }) });
          api.registerCommand({ name: "mine", description: "Mine", handler: () => ({ text: "ok" }), agentPromptGuidance: [{ text: "x", surfaces: [] }] });
          api.on("llm_output", () => {});
          api.on("before_prompt_build", () => ({}));
          api.on("before_tool_cal", () => {});
          api.session.workflow.scheduleSessionTurn({ sessionKey: "s", prompt: "p" }).catch((e: Error) => {
            (globalThis as Record<string, unknown>).__scheduleRejection = e.message;
          });
        },
      },
    });

  it("rejects each gated registration of an external plugin with a diagnostic", async () => {
    const loaded = await gated("external");
    const codes = loaded.diagnostics.map((d) => d.code);
    expect(loaded.tools.map((t) => t.name)).toEqual(["allowed"]);
    expect(codes).toContain("contract-tools-undeclared");
    expect(loaded.diagnostics.find((d) => d.code === "contract-tools-undeclared")?.message).toContain('tool "undeclared"');
    expect(codes).toContain("registration-invalid"); // unnamed factory
    expect(codes).toContain("contract-tool-result-middleware-undeclared");
    expect(codes).toContain("contract-tool-result-middleware-not-enabled");
    expect(codes).toContain("bundled-only");
    expect(codes).toContain("command-name-reserved");
    expect(loaded.diagnostics.find((d) => d.path === "registerCommand" && d.message.includes("surfaces is empty"))).toBeDefined();
    expect(codes.filter((c) => c === "hook-conversation-access-required")).toHaveLength(2);
    expect(loaded.diagnostics.find((d) => d.code === "unknown-hook-name")?.message).toContain('Did you mean "before_tool_call"?');
    expect(loaded.hooks).toEqual([]);
    await Promise.resolve();
    expect((globalThis as Record<string, unknown>).__scheduleRejection).toMatch(/scheduleSessionTurn is only available to bundled plugins/);
  });

  it("lets bundled plugins use trusted features and honours hook policy config", async () => {
    const loaded = await gated("bundled", {
      plugins: { entries: { gated: { enabled: true, hooks: { allowPromptInjection: false } } } },
    });
    expect(loaded.registrations.trustedToolPolicies.map((p) => p.id)).toEqual(["budget"]);
    expect(loaded.commands).toEqual(["reset"]);
    expect(loaded.hooks.map((h) => h.name)).toEqual(["llm_output"]);
    expect(loaded.diagnostics.map((d) => d.code)).toContain("hook-prompt-injection-disabled");
    // middleware still needs the codex runtime in contracts
    expect(loaded.registrations.toolResultMiddleware).toEqual([]);
  });

  it("non-bundled plugins get conversation hooks with allowConversationAccess=true", async () => {
    const loaded = await gated("external", { plugins: { entries: { gated: { hooks: { allowConversationAccess: true } } } } });
    expect(loaded.hooks.map((h) => h.name)).toEqual(["llm_output", "before_prompt_build"]);
  });
});

describe("session workflow through the api", () => {
  it("delivers next-turn injections exactly once, clears run context at run end and runs lifecycle callbacks", async () => {
    const workflow = createSessionWorkflowHost();
    const events: string[] = [];
    const loaded = await loadPlugin({
      workflow,
      manifest: { id: "wf", configSchema: {} },
      entry: {
        id: "wf",
        async register(api: any) {
          await api.session.workflow.enqueueNextTurnInjection({ sessionKey: "s1", text: "approved", key: "a" });
          await api.session.workflow.enqueueNextTurnInjection({ sessionKey: "s1", text: "approved again", key: "a" });
          api.runContext.setRunContext({ runId: "r1", key: "k", value: 1 });
          api.lifecycle.registerRuntimeLifecycle({
            id: "cleanup",
            onReset: ({ sessionKey }: { sessionKey?: string }) => events.push(`reset:${sessionKey}`),
            onDelete: ({ sessionKey }: { sessionKey?: string }) => events.push(`delete:${sessionKey}`),
            onReload: () => events.push("reload"),
          });
          api.registerGatewayDiscoveryService({
            id: "mdns",
            advertise: (ctx: { gatewayPort: number }) => {
              events.push(`advertise:${ctx.gatewayPort}`);
              return { stop: () => events.push("stop") };
            },
          });
          api.registerSessionExtension({ namespace: "wf", initial: () => ({ n: 0 }) });
        },
      },
    });
    expect(loaded.loadError).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toContain("deprecated-api");
    expect(workflow.drainNextTurnInjections("s1").map((i) => i.text)).toEqual(["approved"]);
    expect(workflow.drainNextTurnInjections("s1")).toEqual([]);
    expect(workflow.runContextKeys("r1")).toEqual(["wf:k"]);
    workflow.endRun("r1");
    expect(workflow.runContextKeys("r1")).toEqual([]);
    await workflow.resetSession("s1");
    await workflow.deleteSession("s1");
    await workflow.reloadPlugins();
    await workflow.startGateway({ gatewayPort: 18789, gatewayTlsEnabled: false, machineDisplayName: "m", txt: {} });
    expect(workflow.activeAdvertisements()).toEqual([{ pluginId: "wf", id: "mdns" }]);
    await workflow.stopGateway();
    expect(events).toEqual(["reset:s1", "delete:s1", "reload", "advertise:18789", "stop"]);
    expect(workflow.activeAdvertisements()).toEqual([]);
    expect(workflow.getSessionExtension("wf", "s2")).toEqual({ n: 0 });
  });

  it("persists injections in a file store across host restarts", async () => {
    const { createFileInjectionStore } = await import("./session-workflow.js");
    const file = join(base, "injections.json");
    createSessionWorkflowHost({ injectionStore: createFileInjectionStore(file) }).enqueueNextTurnInjection("p", { sessionKey: "s", text: "t" });
    const restarted = createSessionWorkflowHost({ injectionStore: createFileInjectionStore(file) });
    expect(restarted.drainNextTurnInjections("s").map((i) => i.text)).toEqual(["t"]);
    expect(createSessionWorkflowHost({ injectionStore: createFileInjectionStore(file) }).drainNextTurnInjections("s")).toEqual([]);
  });

  it("drops next-turn injections when allowPromptInjection is false", async () => {
    const workflow = createSessionWorkflowHost();
    let result: unknown;
    const loaded = await loadPlugin({
      workflow,
      config: { plugins: { entries: { np: { hooks: { allowPromptInjection: false } } } } },
      manifest: { id: "np", configSchema: {} },
      entry: { id: "np", async register(api: any) { result = await api.session.workflow.enqueueNextTurnInjection({ sessionKey: "s", text: "x" }); } },
    });
    expect(result).toEqual({ enqueued: false });
    expect(workflow.pendingNextTurnInjections()).toEqual([]);
    expect(loaded.diagnostics.map((d) => d.code)).toContain("hook-prompt-injection-disabled");
  });
});

describe("hook runner over loaded plugins and invoke helpers", () => {
  it("runs bundled trusted policies before before_tool_call and invokes tools, commands, methods and routes", async () => {
    const policy = await loadPlugin({
      origin: "bundled",
      manifest: { id: "policy", configSchema: {} },
      entry: { id: "policy", register(api: any) { api.registerTrustedToolPolicy({ id: "no-rm", evaluate: ({ params }: any) => (String(params.cmd).includes("rm") ? { block: true, blockReason: "rm is not allowed" } : undefined) }); } },
    });
    const tools = await loadPlugin({
      manifest: { id: "tools", configSchema: {}, contracts: { tools: ["shell"] } },
      entry: {
        id: "tools",
        register(api: any) {
          api.registerTool({ name: "shell", description: "run", parameters: {}, execute: async (_id: string, p: any) => ({ content: [{ type: "text", text: `ran ${p.cmd}` }] }) });
          api.on("before_tool_call", (e: any) => ({ params: { ...e.params, cmd: `${e.params.cmd} --dry-run` } }));
          api.registerCommand({ name: "ping", description: "Ping", acceptsArgs: true, handler: (ctx: any) => ({ text: `pong ${ctx.args ?? ""}`.trim() }) });
          api.registerGatewayMethod("tools.echo", ({ params, respond }: any) => respond(true, params));
          api.registerGatewayMethod("config.tools", ({ respond }: any) => respond(true));
          api.registerHttpRoute({ path: "/tools", auth: "plugin", match: "prefix", handler: async (req: any, res: any) => {
            let body = "";
            for await (const chunk of req) body += chunk;
            res.statusCode = 201;
            res.setHeader("content-type", "application/json");
            res.end(JSON.stringify({ method: req.method, url: req.url, body: JSON.parse(body || "null") }));
          } });
        },
      },
    });
    const runner = createPluginHookRunner([policy, tools]);
    const blocked = await invokeTool(tools, "shell", { cmd: "rm -rf /" }, { hooks: runner });
    expect(blocked).toEqual({ blocked: true, reason: "rm is not allowed", blockedBy: "policy" });
    const ran = await invokeTool(tools, "shell", { cmd: "ls" }, { hooks: runner });
    expect(ran.blocked === false && ran.result.content).toEqual([{ type: "text", text: "ran ls --dry-run" }]);
    await expect(invokeTool(tools, "nope")).rejects.toThrow(/No tool named "nope" is registered \(registered: shell\)/);
    expect(await invokeCommand(tools, "/ping", { args: "x" })).toEqual({ text: "pong x" });
    expect(await invokeGatewayMethod(tools, "tools.echo", { a: 1 })).toEqual({ ok: true, responded: true, payload: { a: 1 } });
    expect((await invokeGatewayMethod(tools, "config.tools", {}, { scopes: ["operator.write"] })).error?.code).toBe("FORBIDDEN");
    const res = await invokeHttpRoute(tools, { method: "post", path: "/tools/run?x=1", body: { go: true } });
    expect(res).toMatchObject({ handled: true, status: 201, json: { method: "POST", url: "/tools/run?x=1", body: { go: true } } });
    expect((await invokeHttpRoute(tools, { path: "/other" })).handled).toBe(false);
  });
});
