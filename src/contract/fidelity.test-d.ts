/**
 * Type fidelity with the established contract: each block is a mismatch real plugins hit (issue 11, item 3).
 */
import { describe, expectTypeOf, it } from "vitest";
import { createPatchedAccountSetupAdapter } from "../entry/setup-helpers.js";
import { definePluginEntry } from "../entry/define-plugin-entry.js";
import { stringEnum } from "../entry/tool-params.js";
import { createChatChannelPlugin } from "../entry/chat-channel-plugin.js";
import { defineChannelPluginEntry } from "../entry/define-channel-plugin-entry.js";
import type { HealthRepairResult } from "../diagnostics/health-checks.js";
import type { ConfiguredSecretInputParams } from "../infra/secret-resolve.js";
import type {
  ChannelAccountSnapshot,
  ChannelConfigAdapter,
  ChannelConfigSchema,
  ChannelStatusAdapter,
} from "./channel.js";
import type { ChannelStatusIssue } from "./channel-messaging.js";
import type { ContextEngine, ContextEngineFactory } from "./plugin-api.js";
import type { AgentToolResult, AnyAgentTool } from "./tools.js";
import type { ChannelMessageActionAdapter, ChannelOutboundAdapter, ChannelOutboundContext, ChannelPlugin, ChannelSetupWizard } from "./channel.js";
import type { ChannelMessageActionContext, ChannelThreadingToolContext } from "./channel-messaging.js";
import type { OpenClawConfig } from "./config.js";
import type { OpenClawPluginConfigSchema } from "./config-schema.js";
import type {
  PluginHookAgentContext,
  PluginHookMessageContext,
  PluginHookSessionEndEvent,
  PluginHookSessionEvent,
  PluginHookSubagentSpawningEvent,
  PluginHookToolContext,
} from "./hook-types.js";
import type {
  OpenClawPluginApi,
  OpenClawPluginServiceContext,
  OpenClawPluginService,
  PluginTrustedToolPolicyRegistration,
} from "./plugin-api.js";
import type { PluginRuntime, SessionEntry } from "./runtime.js";
import type { OpenClawPluginToolContext } from "./tools.js";

declare const api: OpenClawPluginApi;
declare const runtime: PluginRuntime;

describe("setup adapters", () => {
  it("createPatchedAccountSetupAdapter takes channelKey", () => {
    createPatchedAccountSetupAdapter({ channelKey: "chat", buildPatch: (input) => ({ token: input.token }) });
    createPatchedAccountSetupAdapter<{ name?: string; url: string }>({ channelKey: "chat", buildPatch: (input) => ({ url: input.url }) });
  });
  it("setup wizard status takes scores and status lines", () => {
    const wizard: ChannelSetupWizard = {
      channel: "chat",
      status: {
        configuredLabel: "configured",
        unconfiguredLabel: "needs token",
        configuredScore: 2,
        unconfiguredScore: 0,
        resolveConfigured: () => true,
        resolveStatusLines: async ({ configured }) => [configured ? "ok" : "missing"],
      },
      credentials: [],
    };
    expectTypeOf(wizard.status.configuredScore).toEqualTypeOf<number | undefined>();
    const finalize = async (params: {
      cfg: OpenClawConfig;
      prompter: unknown;
      credentialValues: Partial<Record<string, string>>;
      accountId: string;
      runtime?: unknown;
      options?: unknown;
      forceAllowFrom: boolean;
    }) => ({ cfg: { ...params.cfg, token: params.credentialValues.password } });
    const withSteps: ChannelSetupWizard = { ...wizard, finalize: (params) => finalize(params), prepare: async ({ cfg }) => ({ cfg }) };
    void withSteps;
    const credential = withSteps.credentials[0];
    if (credential) {
      const state = credential.inspect({ cfg: {}, accountId: "default" });
      expectTypeOf(state.envValue).toEqualTypeOf<string | undefined>();
    }
    for (const input of withSteps.textInputs ?? []) void input.validate?.({ value: "v", cfg: {}, accountId: "default", credentialValues: {} });
  });
});

describe("runtime.config", () => {
  it("loadConfig is synchronous OpenClawConfig with plugins, channels and session", () => {
    const cfg = runtime.config.loadConfig();
    expectTypeOf(cfg).toEqualTypeOf<OpenClawConfig>();
    expectTypeOf(cfg.session?.store).toEqualTypeOf<string | undefined>();
    void cfg.plugins?.entries;
    void cfg.channels?.["chat"]?.accounts;
  });
  it("runtime namespaces return what plugins read", () => {
    expectTypeOf(runtime.system.enqueueSystemEvent("x", { sessionKey: "s" })).toEqualTypeOf<boolean>();
    for (const { entry, sessionKey } of runtime.agent.session.listSessionEntries({ agentId: "main" })) {
      expectTypeOf(entry).toEqualTypeOf<SessionEntry>();
      expectTypeOf(sessionKey).toBeString();
    }
    expectTypeOf(runtime.state.resolveStateDir(process.env)).toBeString();
    expectTypeOf(runtime.channel.runtimeContexts.get<{ send(): void }>({ channelId: "c", capability: "client" })).toEqualTypeOf<
      { send(): void } | undefined
    >();
    runtime.logging.getChildLogger({ subsystem: "chat" }, { level: "debug" }).info("x");
  });
  it("namespaces the SDK does not type yet compile (channel.routing, agent.resolveAgentDir, media) while typed ones stay typed", () => {
    runtime.channel.routing.resolveAgentRoute({ channel: "chat", peer: { kind: "direct", id: "u1" } });
    void runtime.channel.session.resolveStorePath(undefined, { agentId: "main" });
    void runtime.agent.resolveAgentDir({}, "main");
    void runtime.media.loadWebMedia("https://example.test/a.png");
    expectTypeOf(runtime.channel.outbound.loadAdapter).returns.resolves.toEqualTypeOf<ChannelOutboundAdapter | undefined>();
    expectTypeOf(runtime.version).toBeString();
  });
});

describe("tool context", () => {
  it("has getRuntimeConfig, runtimeConfig and deliveryContext", () => {
    api.registerTool((ctx) => {
      const cfg: OpenClawConfig | undefined = ctx.getRuntimeConfig?.() ?? ctx.runtimeConfig ?? ctx.config;
      expectTypeOf(ctx.deliveryContext?.channel).toEqualTypeOf<string | undefined>();
      void cfg;
      return [];
    });
    expectTypeOf<OpenClawPluginToolContext["getRuntimeConfig"]>().toEqualTypeOf<(() => OpenClawConfig) | undefined>();
  });
});

describe("casts to Record<string, unknown>", () => {
  it("channel contexts are castable", () => {
    const ctx = {} as ChannelOutboundContext;
    void (ctx as Record<string, unknown>);
  });
  it("hook events, contexts and the api object are castable", () => {
    api.on("before_tool_call", (event, ctx) => {
      const e = event as Record<string, unknown>;
      const c = ctx as Record<string, unknown>;
      void e;
      void c;
    });
    const a = api as Record<string, unknown>;
    const m = {} as PluginHookMessageContext as Record<string, unknown>;
    void a;
    void m;
  });
  it("handlers typed with intersections of Record<string, unknown> are accepted", () => {
    api.on("session_start", async (event: PluginHookSessionEvent & Record<string, unknown>, ctx: PluginHookAgentContext & Record<string, unknown>) => {
      void event.sessionKey;
      void ctx.agentId;
    });
    api.on("session_end", (event: PluginHookSessionEvent & Record<string, unknown>) => void event.sessionId);
    api.on("before_prompt_build", (event: Record<string, unknown>, ctx: Record<string, unknown>) => void [event, ctx]);
  });
});

describe("hook fields and names", () => {
  it("message context has messageId and traceId; session_end has reason", () => {
    expectTypeOf<PluginHookMessageContext["messageId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PluginHookMessageContext["traceId"]>().toEqualTypeOf<string | undefined>();
    const end: PluginHookSessionEndEvent = { sessionId: "s", messageCount: 1, reason: "reset" };
    void end;
  });
  it("legacy hook names are accepted (deprecated), typos are not", () => {
    api.on("subagent_spawning", async (event: PluginHookSubagentSpawningEvent & Record<string, unknown>) => void event.purpose);
    api.on("before_agent_start", async (event: Record<string, unknown>, ctx: Record<string, unknown>) => ({ prependContext: String(event.prompt ?? ctx.sessionKey) }));
    api.on("commands.list", async () => [{ name: "x" }]);
    // @ts-expect-error not a hook name
    api.on("before_agent_start_typo", () => undefined);
  });
});

describe("channel plugin shapes", () => {
  it("chatTypes accept readonly tuples and string[]; conversationBindings exists", () => {
    const types = ["direct", "group"] as const;
    const list: string[] = ["direct"];
    const a: Pick<ChannelPlugin, "capabilities"> = { capabilities: { chatTypes: types } };
    const b: Pick<ChannelPlugin, "capabilities" | "conversationBindings"> = {
      capabilities: { chatTypes: list },
      conversationBindings: { supportsCurrentConversationBinding: true, defaultTopLevelPlacement: "child" },
    };
    void [a, b];
  });
  it("message actions: listActions optional, handleAction params carry the tool context", () => {
    const actions: ChannelMessageActionAdapter = {
      handleAction: async (params) => {
        expectTypeOf(params).toEqualTypeOf<ChannelMessageActionContext>();
        expectTypeOf(params.toolContext).toEqualTypeOf<ChannelThreadingToolContext | undefined>();
        expectTypeOf(params.mediaLocalRoots).toEqualTypeOf<readonly string[] | undefined>();
        expectTypeOf(params.dryRun).toEqualTypeOf<boolean | undefined>();
        expectTypeOf(params.sessionKey).toEqualTypeOf<string | null | undefined>();
        return { content: [{ type: "text", text: "ok" }] };
      },
    };
    void actions;
  });
});

describe("config schemas, services, policies, api generics", () => {
  it("every config schema member is optional; validate is typed", () => {
    const jsonOnly: OpenClawPluginConfigSchema = { jsonSchema: { type: "object" } };
    const validateOnly: OpenClawPluginConfigSchema = { validate: () => ({ ok: false, errors: ["bad"] }) };
    definePluginEntry({ id: "a", name: "a", description: "a", configSchema: () => jsonOnly, register() {} });
    definePluginEntry({ id: "b", name: "b", description: "b", configSchema: validateOnly, register() {} });
  });
  it("gateway method handlers may read context", () => {
    api.registerGatewayMethod("x.status", ({ respond, params, context }) => respond(true, { params, hasContext: context !== undefined }));
  });
  it("service context has internalDiagnostics", () => {
    const service: OpenClawPluginService = {
      id: "svc",
      start: (ctx: OpenClawPluginServiceContext) => ctx.internalDiagnostics?.emit({ type: "svc.started" }),
    };
    void service;
  });
  it("trusted tool policies take (event, ctx)", () => {
    const policy: PluginTrustedToolPolicyRegistration = {
      id: "p",
      description: "d",
      evaluate: async (event, ctx) => {
        expectTypeOf(ctx).toEqualTypeOf<PluginHookToolContext>();
        return event.params.accountId ? undefined : { block: true, blockReason: "no account" };
      },
    };
    api.registerTrustedToolPolicy(policy);
  });
  it("OpenClawPluginApi<unknown> is usable as OpenClawPluginApi", () => {
    const takesApi = (value: OpenClawPluginApi) => value.id;
    definePluginEntry({
      id: "c",
      name: "c",
      description: "c",
      configSchema: { safeParse: (value: unknown) => ({ success: true as const, data: value }) },
      register(inner) {
        expectTypeOf(inner).toEqualTypeOf<OpenClawPluginApi<unknown>>();
        takesApi(inner);
      },
    });
  });
  it("stringEnum carries its value type", () => {
    expectTypeOf(stringEnum(["a", "b"] as const).static).toEqualTypeOf<"a" | "b">();
    expectTypeOf(stringEnum(["a", "b"]).enum).toEqualTypeOf<Array<"a" | "b">>();
  });
});

describe("channel adapters (issue 11: adapter members real channels set)", () => {
  type Account = { accountId: string; token?: string; allowFrom?: string[] };
  it("config adapter takes formatAllowFrom, unconfiguredReason, hasConfiguredState", () => {
    const config: ChannelConfigAdapter<Account> = {
      listAccountIds: () => ["default"],
      resolveAccount: () => ({ accountId: "default" }),
      formatAllowFrom: ({ allowFrom }) => allowFrom.map(String),
      unconfiguredReason: (account) => (account.token ? "" : "token missing"),
      hasConfiguredState: ({ env }) => Boolean(env?.CHAT_TOKEN),
    };
    expectTypeOf<NonNullable<ChannelConfigAdapter<Account>["formatAllowFrom"]>>().returns.toEqualTypeOf<string[]>();
  });
  it("status adapter takes collectStatusIssues and buildChannelSummary", () => {
    const status: ChannelStatusAdapter<Account> = {
      collectStatusIssues: (accounts) =>
        accounts.filter((a) => a.configured === false).map((a) => ({ channel: "chat", accountId: a.accountId, kind: "config", message: "not configured" })),
      buildChannelSummary: ({ snapshot }) => ({ configured: snapshot.configured ?? false }),
    };
    expectTypeOf<NonNullable<ChannelStatusAdapter<Account>["collectStatusIssues"]>>().returns.toEqualTypeOf<ChannelStatusIssue[]>();
    void status;
  });
  it("outbound adapter takes chunkerMode; chat plugins take { base, attachedResults }", () => {
    const outbound: ChannelOutboundAdapter = { deliveryMode: "direct", chunkerMode: "markdown" };
    expectTypeOf(outbound.chunkerMode).toEqualTypeOf<"text" | "markdown" | undefined>();
    const base = {} as ChannelPlugin<Account>;
    createChatChannelPlugin({
      base,
      outbound: { base: { deliveryMode: "direct" }, attachedResults: { channel: "chat", sendText: async ({ to }) => ({ messageId: to }) } },
    });
  });
  it("an interface is a ChannelAccountSnapshot (no index signature required)", () => {
    interface Description {
      accountId: string;
      name: string;
      enabled: boolean;
      configured: boolean;
    }
    const describeAccount = (account: Account): Description => ({ accountId: account.accountId, name: "n", enabled: true, configured: true });
    const config: ChannelConfigAdapter<Account> = { listAccountIds: () => [], resolveAccount: () => ({ accountId: "a" }), describeAccount };
    expectTypeOf<Description>().toMatchTypeOf<ChannelAccountSnapshot>();
    void config;
  });
  it("message action results may be a plain string; plugins may carry a message adapter", () => {
    const actions: ChannelMessageActionAdapter = { handleAction: async () => ({ content: "done" }) };
    void actions;
    expectTypeOf<{ message: Record<string, unknown> }>().toMatchTypeOf<Pick<ChannelPlugin, "message">>();
  });
});

describe("entries and config (issue 11)", () => {
  const plugin = {} as ChannelPlugin;
  it("a channel entry keeps name/description and its config schema reads as a ChannelConfigSchema", () => {
    const entry = defineChannelPluginEntry({ id: "chat", name: "Chat", description: "d", plugin });
    expectTypeOf(entry.name).toEqualTypeOf<string>();
    expectTypeOf(entry.description).toEqualTypeOf<string>();
    expectTypeOf(entry.configSchema).toMatchTypeOf<ChannelConfigSchema>();
  });
  it("defineChannelPluginEntry accepts a plugin object typed elsewhere (generic unconstrained, as established)", () => {
    const own = { id: "chat", security: { dm: { channelKey: "chat" } } };
    expectTypeOf(defineChannelPluginEntry({ id: "chat", name: "Chat", description: "d", plugin: own }).channelPlugin).toEqualTypeOf(own);
  });
  it("OpenClawConfig has commands (weak types over it find a common member)", () => {
    const isOwner = (cfg: { commands?: { ownerAllowFrom?: Array<string | number> } }) => Boolean(cfg.commands?.ownerAllowFrom);
    const cfg: OpenClawConfig = {};
    isOwner(cfg);
  });
  it("channel account entries built as Record<string, unknown> fit", () => {
    const accounts: Record<string, unknown> = { default: { token: "t" } };
    const next: OpenClawConfig = { channels: { chat: { accounts } } };
    void next;
  });
  it("a config schema may accept an absent section as data: undefined", () => {
    const schema: OpenClawPluginConfigSchema = {
      safeParse: (value: unknown) => (value === undefined ? { success: true, data: undefined } : { success: true, data: value as Record<string, unknown> }),
    };
    void schema;
  });
  it("secret params take unresolvedReasonStyle; repair results take effects", () => {
    expectTypeOf<ConfiguredSecretInputParams["unresolvedReasonStyle"]>().toEqualTypeOf<"generic" | "detailed" | undefined>();
    const repair: HealthRepairResult = { changes: ["x"], effects: [{ kind: "state", action: "write", target: "f", dryRunSafe: false }] };
    void repair;
  });
});

describe("context engines and tools (issue 11)", () => {
  it("an engine class with sessionId params and ingest/compact results implements ContextEngine", () => {
    class Engine implements ContextEngine {
      readonly info = { id: "e", name: "E" };
      async assemble(params: { sessionId: string; sessionKey?: string; messages: Array<{ role: string }>; tokenBudget?: number; model?: string; prompt?: string }) {
        return { messages: params.messages, estimatedTokens: 0 };
      }
      async ingest(_params: { sessionId: string; message: { role: string }; isHeartbeat?: boolean }) {
        return { ingested: true };
      }
      async compact(_params: { sessionId: string; sessionKey?: string; sessionFile: string; force?: boolean }) {
        return { ok: true, compacted: false };
      }
    }
    const factory: ContextEngineFactory = async () => new Engine();
    api.registerContextEngine("e", factory);
  });
  it("a tool may resolve undefined", () => {
    const tool: AnyAgentTool = {
      name: "t",
      description: "d",
      parameters: {},
      async execute(): Promise<AgentToolResult<unknown> | undefined> {
        return undefined;
      },
    };
    api.registerTool(tool);
  });
});

describe("agents.defaults.models is a typed record", () => {
  it("can be spread and extended the way provider onboarding does", () => {
    const cfg: OpenClawConfig = { agents: { defaults: { models: { "openai/gpt-5": { alias: "gpt" } } } } };
    const models = { ...cfg.agents?.defaults?.models };
    models["acme/large"] = { alias: "large" };
    expectTypeOf(models["openai/gpt-5"]?.alias).toEqualTypeOf<string | undefined>();
  });
});
