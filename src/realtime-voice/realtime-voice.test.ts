import { describe, expect, it } from "vitest";
import { createRealtimeVoiceBridgeSession } from "./bridge-session.js";
import {
  REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME,
  REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ,
  buildRealtimeVoiceAgentConsultChatMessage,
  buildRealtimeVoiceAgentConsultPolicyInstructions,
  parseRealtimeVoiceAgentConsultArgs,
  resolveRealtimeVoiceAgentConsultToolPolicy,
  resolveRealtimeVoiceAgentConsultTools,
} from "./consult.js";
import { resolveConfiguredRealtimeVoiceProvider } from "./provider-resolve.js";
import type { RealtimeVoiceBridge, RealtimeVoiceBridgeCreateRequest, RealtimeVoiceProvider, RealtimeVoiceTool } from "./types.js";

const hangUp: RealtimeVoiceTool = { type: "function", name: "hang_up", description: "End the call.", parameters: { type: "object", properties: {} } };

describe("consult tool", () => {
  it("resolves the policy and the tool list", () => {
    expect(resolveRealtimeVoiceAgentConsultToolPolicy(" Owner ", "none")).toBe("owner");
    expect(resolveRealtimeVoiceAgentConsultToolPolicy("everything", "safe-read-only")).toBe("safe-read-only");
    expect(resolveRealtimeVoiceAgentConsultTools("owner", [hangUp, { ...hangUp, description: "dup" }]).map((t) => t.name)).toEqual([
      REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME,
      "hang_up",
    ]);
    expect(resolveRealtimeVoiceAgentConsultTools("none", [hangUp]).map((t) => t.name)).toEqual(["hang_up"]);
  });
  it("builds consult instructions only when a consult policy asks for them", () => {
    expect(buildRealtimeVoiceAgentConsultPolicyInstructions({ toolPolicy: "owner", consultPolicy: "auto" })).toBeUndefined();
    expect(buildRealtimeVoiceAgentConsultPolicyInstructions({ toolPolicy: "none", consultPolicy: "always" })).toBeUndefined();
    expect(buildRealtimeVoiceAgentConsultPolicyInstructions({ toolPolicy: "owner", consultPolicy: "always" })).toContain("before every substantive answer");
    expect(buildRealtimeVoiceAgentConsultPolicyInstructions({ toolPolicy: "owner", consultPolicy: "substantive" })).toContain(
      `Call ${REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME} first`,
    );
  });
  it("turns consult arguments into a chat message and rejects a missing question", () => {
    expect(buildRealtimeVoiceAgentConsultChatMessage({ question: " Book a table ", context: "for two", responseStyle: "brief" })).toBe(
      "Book a table\n\nContext:\nfor two\n\nSpoken style:\nbrief",
    );
    expect(parseRealtimeVoiceAgentConsultArgs('{"task":"Call Bob"}')).toEqual({ question: "Call Bob" });
    expect(() => parseRealtimeVoiceAgentConsultArgs({ context: "x" })).toThrow("question required");
  });
});

/** A provider whose bridge records what the session sends it and lets the test fire provider callbacks. */
function recordingProvider(overrides: Partial<RealtimeVoiceBridge> = {}) {
  const sent: string[] = [];
  let request: RealtimeVoiceBridgeCreateRequest | undefined;
  const provider: RealtimeVoiceProvider = {
    id: "fake-voice",
    aliases: ["fake"],
    isConfigured: ({ providerConfig }) => typeof providerConfig.apiKey === "string",
    createBridge: (req) => {
      request = req;
      return {
        connect: async () => void sent.push("connect"),
        sendAudio: (audio) => void sent.push(`audio:${audio.length}`),
        setMediaTimestamp: (ts) => void sent.push(`ts:${ts}`),
        submitToolResult: (callId) => void sent.push(`result:${callId}`),
        acknowledgeMark: (mark) => void sent.push(`ack:${mark}`),
        close: () => void sent.push("close"),
        sendUserMessage: (text) => void sent.push(`user:${text}`),
        triggerGreeting: (text) => void sent.push(`greet:${text}`),
        ...overrides,
      };
    },
  };
  return { provider, sent, req: () => request! };
}

describe("createRealtimeVoiceBridgeSession", () => {
  it("forwards audio both ways, answers tool calls and stops after close", async () => {
    const { provider, sent, req } = recordingProvider();
    const out: number[] = [];
    const transcripts: string[] = [];
    const closes: string[] = [];
    const session = createRealtimeVoiceBridgeSession({
      provider,
      providerConfig: { apiKey: "k" },
      audioFormat: REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ,
      audioSink: { sendAudio: (audio) => void out.push(audio.length) },
      initialGreetingInstructions: "Say hi",
      triggerGreetingOnReady: true,
      markStrategy: "ack-immediately",
      tools: [hangUp],
      onTranscript: (role, text, isFinal) => void transcripts.push(`${role}:${text}:${isFinal}`),
      onToolCall: (event, s) => s.submitToolResult(event.callId, { ok: true }),
      onClose: (reason) => void closes.push(reason),
    });
    expect(req().tools).toEqual([hangUp]);
    expect(req().audioFormat.encoding).toBe("g711_ulaw");
    await session.connect();
    req().onReady?.();
    session.sendAudio(Buffer.alloc(160));
    req().onAudio(Buffer.alloc(80));
    req().onMark?.("m1");
    req().onToolCall?.({ itemId: "i", callId: "c1", name: "hang_up", args: {} });
    req().onTranscript?.("user", "hello", true);
    expect(sent).toEqual(["connect", "greet:Say hi", "audio:160", "ack:m1", "result:c1"]);
    expect(out).toEqual([80]);
    session.close();
    session.sendAudio(Buffer.alloc(160));
    req().onAudio(Buffer.alloc(80));
    req().onTranscript?.("assistant", "late", false);
    req().onClose?.("completed");
    req().onClose?.("completed");
    expect(sent.at(-1)).toBe("close");
    expect(out).toEqual([80]);
    expect(transcripts).toEqual(["user:hello:true"]);
    expect(closes).toEqual(["completed"]);
    await expect(session.connect()).rejects.toThrow("Realtime voice session is closed");
  });
  it("reports tool-call failures to onError and refuses suppressed results the provider cannot take", async () => {
    const { provider, req } = recordingProvider({ supportsToolResultSuppression: false });
    const errors: string[] = [];
    const session = createRealtimeVoiceBridgeSession({
      provider,
      providerConfig: {},
      audioFormat: REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ,
      audioSink: { sendAudio: () => {} },
      onToolCall: async () => { throw new Error("tool broke"); },
      onError: (error) => void errors.push(error.message),
    });
    req().onToolCall?.({ itemId: "i", callId: "c", name: "x", args: {} });
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual(["tool broke"]);
    expect(() => session.submitToolResult("c", {}, { suppressResponse: true })).toThrow("does not support suppressed tool results");
  });
});

describe("resolveConfiguredRealtimeVoiceProvider", () => {
  it("picks the configured provider by id or alias and applies model and overrides", () => {
    const { provider } = recordingProvider();
    const resolved = resolveConfiguredRealtimeVoiceProvider({
      providers: [provider],
      configuredProviderId: "FAKE",
      providerConfigs: { "fake-voice": { apiKey: "k" } },
      providerConfigOverrides: { voice: "alloy" },
      defaultModel: "m1",
    });
    expect(resolved.provider.id).toBe("fake-voice");
    expect(resolved.providerConfig).toEqual({ apiKey: "k", model: "m1", voice: "alloy" });
  });
  it("names what is wrong", () => {
    const { provider } = recordingProvider();
    expect(() => resolveConfiguredRealtimeVoiceProvider({ noRegisteredProviderMessage: "load a voice plugin" })).toThrow("load a voice plugin");
    expect(() => resolveConfiguredRealtimeVoiceProvider({ providers: [provider], configuredProviderId: "other" })).toThrow(
      'Realtime voice provider "other" is not registered (registered: fake-voice).',
    );
    expect(() => resolveConfiguredRealtimeVoiceProvider({ providers: [provider], configuredProviderId: "fake-voice" })).toThrow(
      'Realtime voice provider "fake-voice" is not configured.',
    );
  });
});
