import { existsSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AgentEvent, ChannelRuntimeContextEvent, SessionTranscriptUpdate } from "../contract/runtime.js";
import { definePluginEntry } from "../entry/define-plugin-entry.js";
import { createHostRuntime } from "./host-runtime.js";
import { createTestPluginApi } from "./test-api.js";
import { loadPluginForTest } from "./test-runtime.js";

describe("host runtime: config store", () => {
  it("loadConfig/current read what writeConfigFile/replaceConfigFile/mutateConfigFile wrote (copies, recorded)", async () => {
    const initial = { channels: { chat: { enabled: true } } };
    const { runtime, recorder } = createHostRuntime({ config: initial });
    const loaded = runtime.config.loadConfig();
    expect(loaded.channels?.chat?.enabled).toBe(true);
    await runtime.config.writeConfigFile({ ...loaded, plugins: { allow: ["a"] } });
    expect(runtime.config.current()).toEqual({ channels: { chat: { enabled: true } }, plugins: { allow: ["a"] } });
    expect(initial).toEqual({ channels: { chat: { enabled: true } } });

    const replaced = await runtime.config.replaceConfigFile({ nextConfig: { session: { store: "/s" } }, afterWrite: { mode: "auto" } });
    expect(runtime.config.loadConfig()).toEqual({ session: { store: "/s" } });
    await expect(runtime.config.replaceConfigFile({ nextConfig: {}, baseHash: replaced.previousHash })).rejects.toThrow(
      /the config changed since it was read/,
    );
    await runtime.config.replaceConfigFile({ nextConfig: { gateway: { port: 1 } }, baseHash: replaced.hash });
    await runtime.config.replaceConfigFile({ agents: {} }); // a bare config is accepted too
    const mutated = await runtime.config.mutateConfigFile({
      mutate: (draft) => {
        draft.plugins = { deny: ["x"] };
        return "changed";
      },
    });
    expect(mutated.result).toBe("changed");
    expect(runtime.config.current()).toEqual({ agents: {}, plugins: { deny: ["x"] } });
    expect(recorder.configWrites).toHaveLength(5);
    await expect(runtime.config.writeConfigFile([] as never)).rejects.toThrow("runtime.config.writeConfigFile: the config must be a plain object (got an array).");
    await expect(runtime.config.writeConfigFile({ fn: () => 1 })).rejects.toThrow(/must hold only data/);
  });
});

describe("host runtime: system events and heartbeats", () => {
  it("queues events per session, drops blanks and duplicates, replaces by context key", () => {
    const { runtime, recorder } = createHostRuntime();
    const s = "agent:main:main";
    expect(runtime.system.enqueueSystemEvent("Build 1 started", { sessionKey: s, contextKey: "build" })).toBe(true);
    expect(runtime.system.enqueueSystemEvent("Build 1 started", { sessionKey: s, contextKey: "build" })).toBe(false);
    expect(runtime.system.enqueueSystemEvent("  ", { sessionKey: s })).toBe(false);
    expect(runtime.system.enqueueSystemEvent("Build 1 done", { sessionKey: s, contextKey: "build", replace: true })).toBe(true);
    expect(runtime.system.enqueueSystemEvent("Mail arrived", { sessionKey: s })).toBe(true);
    expect(recorder.peekSystemEvents(s)).toEqual(["Build 1 done", "Mail arrived"]);
    expect(recorder.drainSystemEvents(s)).toEqual(["Build 1 done", "Mail arrived"]);
    expect(recorder.drainSystemEvents(s)).toEqual([]);
    expect(recorder.systemEvents.map((e) => e.text)).toEqual(["Build 1 started", "Build 1 done", "Mail arrived"]);
    expect(() => runtime.system.enqueueSystemEvent("x", { sessionKey: "" })).toThrow(/opts.sessionKey must be a non-empty string/);
    runtime.system.requestHeartbeatNow({ reason: "done", sessionKey: s });
    runtime.system.requestHeartbeat({ source: "plugin", intent: "event" });
    expect(recorder.heartbeatRequests).toEqual([{ reason: "done", sessionKey: s }, { source: "plugin", intent: "event" }]);
  });

  it("runs commands with a timeout", async () => {
    const { runtime } = createHostRuntime();
    const ok = await runtime.system.runCommandWithTimeout([process.execPath, "-e", "process.stdin.pipe(process.stdout)"], { timeoutMs: 10_000, input: "hi" });
    expect(ok).toMatchObject({ code: 0, stdout: "hi", termination: "exit", timedOut: false, killed: false });
    const slow = await runtime.system.runCommandWithTimeout([process.execPath, "-e", "setTimeout(() => {}, 10000)"], 200);
    expect(slow).toMatchObject({ termination: "timeout", timedOut: true, killed: true });
    await expect(runtime.system.runCommandWithTimeout([], 100)).rejects.toThrow(/argv must be a non-empty array/);
  });
});

describe("host runtime: logging, state, sessions", () => {
  it("child loggers record lines with their bindings and honour the level", () => {
    const forwarded: string[] = [];
    const { runtime, recorder } = createHostRuntime({ logger: { debug: () => {}, info: (m) => forwarded.push(m), warn: () => {}, error: () => {} } });
    expect(runtime.logging.shouldLogVerbose()).toBe(false);
    const log = runtime.logging.getChildLogger({ subsystem: "chat" });
    log.debug("hidden");
    log.info("connected", { account: "default" });
    runtime.logging.getChildLogger({ subsystem: "quiet" }, { level: "error" }).warn("dropped");
    expect(recorder.logs).toEqual([{ level: "info", message: "connected", bindings: { subsystem: "chat" }, meta: { account: "default" } }]);
    expect(forwarded).toEqual(["connected"]);
    const verbose = createHostRuntime({ verbose: true });
    verbose.runtime.logging.getChildLogger().debug("shown");
    expect(verbose.recorder.logs.map((l) => l.message)).toEqual(["shown"]);
    expect(verbose.runtime.logging.shouldLogVerbose()).toBe(true);
  });

  it("resolveStateDir makes one temp directory per runtime unless given or set in env", () => {
    const { runtime } = createHostRuntime();
    const dir = runtime.state.resolveStateDir();
    expect(existsSync(dir)).toBe(true);
    expect(runtime.state.resolveStateDir()).toBe(dir);
    expect(createHostRuntime().runtime.state.resolveStateDir()).not.toBe(dir);
    expect(createHostRuntime({ stateDir: "/given" }).runtime.state.resolveStateDir()).toBe("/given");
    expect(runtime.state.resolveStateDir({ OPENCLAW_STATE_DIR: "/from-env" })).toBe("/from-env");
    rmSync(dir, { recursive: true, force: true });
  });

  it("agent.session reads the session store", () => {
    const { runtime, recorder } = createHostRuntime({ sessions: [{ sessionKey: "agent:main:main", sessionId: "s1" }] });
    recorder.putSession({ sessionKey: "agent:ops:chat:direct:u1", sessionId: "s2", updatedAt: 5 });
    expect(runtime.agent.session.getSessionEntry({ sessionKey: "agent:main:main" })?.sessionId).toBe("s1");
    expect(runtime.agent.session.getSessionEntry({ sessionKey: "nope" })).toBeUndefined();
    expect(runtime.agent.session.listSessionEntries().map((e) => e.sessionKey)).toEqual(["agent:main:main", "agent:ops:chat:direct:u1"]);
    expect(runtime.agent.session.listSessionEntries({ agentId: "ops" })).toEqual([
      { sessionKey: "agent:ops:chat:direct:u1", entry: { sessionKey: "agent:ops:chat:direct:u1", sessionId: "s2", updatedAt: 5 } },
    ]);
  });
});

describe("host runtime: events and channels", () => {
  it("the event bus delivers agent events (sequenced per run) and transcript updates until unsubscribed", () => {
    const { runtime, recorder } = createHostRuntime();
    const events: AgentEvent[] = [];
    const updates: SessionTranscriptUpdate[] = [];
    const off = runtime.events.onAgentEvent((e) => events.push(e));
    runtime.events.onSessionTranscriptUpdate((u) => updates.push(u));
    recorder.emitAgentEvent({ runId: "r1", stream: "tool", data: { phase: "start" } });
    recorder.emitAgentEvent({ runId: "r1", stream: "tool", ts: 7 });
    off();
    recorder.emitAgentEvent({ runId: "r1", stream: "lifecycle" });
    expect(events.map((e) => [e.runId, e.seq, e.stream])).toEqual([["r1", 1, "tool"], ["r1", 2, "tool"]]);
    expect(events[1]).toMatchObject({ ts: 7, data: {} });
    const target = { agentId: "main", sessionId: "s1", sessionKey: "agent:main:main" };
    recorder.emitSessionTranscriptUpdate({ target, messageId: "m1" });
    expect(updates).toEqual([{ target, messageId: "m1" }]);
  });

  it("runtime contexts register, get, watch and dispose (also through an abort signal)", () => {
    const { runtime } = createHostRuntime();
    const seen: ChannelRuntimeContextEvent[] = [];
    const stop = runtime.channel.runtimeContexts.watch({ channelId: "chat", onEvent: (e) => seen.push(e) });
    const client = { send: () => {} };
    const key = { channelId: "chat", accountId: "work", capability: "client" };
    const { dispose } = runtime.channel.runtimeContexts.register({ ...key, context: client });
    expect(runtime.channel.runtimeContexts.get<typeof client>(key)).toBe(client);
    expect(runtime.channel.runtimeContexts.get({ channelId: "chat", capability: "client" })).toBeUndefined();
    dispose();
    dispose();
    expect(runtime.channel.runtimeContexts.get(key)).toBeUndefined();
    const controller = new AbortController();
    runtime.channel.runtimeContexts.register({ channelId: "chat", capability: "x", context: 1, abortSignal: controller.signal });
    controller.abort();
    expect(runtime.channel.runtimeContexts.get({ channelId: "chat", capability: "x" })).toBeUndefined();
    stop();
    runtime.channel.runtimeContexts.register({ channelId: "chat", capability: "y", context: 2 });
    expect(seen.map((e) => `${e.type}:${e.key.capability}`)).toEqual(["registered:client", "unregistered:client", "registered:x", "unregistered:x"]);
    expect(() => runtime.channel.runtimeContexts.get({ channelId: "", capability: "c" })).toThrow(/channelId and capability must be non-empty/);
  });

  it("outbound adapters come from the options or the recorder; unknown channels give undefined", async () => {
    const sendText = async () => ({ channel: "chat", messageId: "m1" });
    const { runtime, recorder } = createHostRuntime({ outboundAdapters: { chat: { deliveryMode: "direct", sendText } } });
    expect(await runtime.channel.outbound.loadAdapter("chat")).toMatchObject({ deliveryMode: "direct" });
    expect(await runtime.channel.outbound.loadAdapter("other")).toBeUndefined();
    recorder.setOutboundAdapter("other", { deliveryMode: "direct", sendText });
    expect(await runtime.channel.outbound.loadAdapter("other")).toBeDefined();
  });
});

describe("host runtime: namespaces the test host does not implement", () => {
  it("extend adds namespaces and members one level deep", () => {
    const { runtime } = createHostRuntime({
      extend: {
        channel: { routing: { resolveAgentRoute: () => ({ agentId: "main", sessionKey: "agent:main:main" }) } },
        media: { detectMime: () => "image/png" },
      },
    });
    expect(runtime.channel.routing.resolveAgentRoute({}).sessionKey).toBe("agent:main:main");
    expect(runtime.media.detectMime(Buffer.from(""))).toBe("image/png");
    expect(typeof runtime.channel.outbound.loadAdapter).toBe("function");
    expect(runtime.subagent).toBeUndefined();
    expect(() => createHostRuntime({ extend: { media: null as never } })).toThrow("createHostRuntime: extend.media must be an object of members (got null).");
  });
});

describe("host runtime in the test harness", () => {
  it("a plugin loaded with loadPluginForTest uses the runtime you pass, and you inspect it afterwards", async () => {
    const { runtime, recorder } = createHostRuntime({ config: { channels: { chat: { enabled: true } } } });
    const entry = definePluginEntry({
      id: "rt-user",
      name: "rt",
      description: "d",
      async register(api) {
        if (api.registrationMode !== "full") return;
        const cfg = api.runtime.config.loadConfig();
        await api.runtime.config.writeConfigFile({ ...cfg, plugins: { ...cfg.plugins, allow: ["rt-user"] } });
        api.runtime.system.enqueueSystemEvent(`channels: ${Object.keys(cfg.channels ?? {}).join(",")}`, { sessionKey: "agent:main:main" });
        api.runtime.logging.getChildLogger({ plugin: api.id }).info("registered");
      },
    });
    const loaded = await loadPluginForTest(entry, { mode: "full", runtime });
    expect(loaded.loadError).toBeUndefined();
    expect(runtime.config.current().plugins?.allow).toEqual(["rt-user"]);
    expect(recorder.drainSystemEvents("agent:main:main")).toEqual(["channels: chat"]);
    expect(recorder.logs).toEqual([{ level: "info", message: "registered", bindings: { plugin: "rt-user" } }]);
  });

  it("createTestPluginApi exposes the default runtime's recorder", () => {
    const api = createTestPluginApi({ id: "t", config: { gateway: { port: 1 } } });
    if (api.registrationMode === "full") api.runtime.system.enqueueSystemEvent("hi", { sessionKey: "s" });
    expect(api.recorded.runtime?.drainSystemEvents("s")).toEqual(["hi"]);
    expect(api.registrationMode === "full" && api.runtime.config.current()).toEqual({ gateway: { port: 1 } });
  });
});
