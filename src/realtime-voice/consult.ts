/**
 * The shared "consult the agent" tool a realtime voice model calls to hand real work to the configured OpenClaw
 * agent, its exposure policy, and the text built from its arguments.
 */
import type { RealtimeVoiceAudioFormat, RealtimeVoiceTool } from "./types.js";

/**
 * 8 kHz G.711 µ-law mono, the telephony format.
 *
 * @example
 * ```ts
 * createRealtimeVoiceBridgeSession({ audioFormat: REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ, … });
 * ```
 */
export const REALTIME_VOICE_AUDIO_FORMAT_G711_ULAW_8KHZ: Extract<RealtimeVoiceAudioFormat, { encoding: "g711_ulaw" }> = Object.freeze({
  encoding: "g711_ulaw",
  sampleRateHz: 8000,
  channels: 1,
});

/**
 * 24 kHz PCM16 mono.
 *
 * @example
 * ```ts
 * REALTIME_VOICE_AUDIO_FORMAT_PCM16_24KHZ.sampleRateHz; // 24000
 * ```
 */
export const REALTIME_VOICE_AUDIO_FORMAT_PCM16_24KHZ: Extract<RealtimeVoiceAudioFormat, { encoding: "pcm16" }> = Object.freeze({
  encoding: "pcm16",
  sampleRateHz: 24000,
  channels: 1,
});

/**
 * The consult tool's name as providers see it.
 *
 * @example
 * ```ts
 * if (event.name === REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME) consult(event.args);
 * ```
 */
export const REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME = "openclaw_agent_consult";

/**
 * Whether the consult tool is offered: `"owner"` (full agent), `"safe-read-only"` (read-only agent tools), `"none"`.
 *
 * @example
 * ```ts
 * const p: RealtimeVoiceAgentConsultToolPolicy = "safe-read-only";
 * ```
 */
export type RealtimeVoiceAgentConsultToolPolicy = "safe-read-only" | "owner" | "none";

/**
 * Every consult tool policy.
 *
 * @example
 * ```ts
 * REALTIME_VOICE_AGENT_CONSULT_TOOL_POLICIES.includes("owner"); // true
 * ```
 */
export const REALTIME_VOICE_AGENT_CONSULT_TOOL_POLICIES: readonly RealtimeVoiceAgentConsultToolPolicy[] = Object.freeze(["safe-read-only", "owner", "none"]);

/**
 * The consult tool offered to the realtime model: one required `question`, optional `context`, `responseStyle` and
 * `confirmationId` (a confirmation the agent asked for, given only after the person confirmed aloud).
 *
 * @example
 * ```ts
 * const tools = [REALTIME_VOICE_AGENT_CONSULT_TOOL, myTool];
 * ```
 */
export const REALTIME_VOICE_AGENT_CONSULT_TOOL: RealtimeVoiceTool = Object.freeze({
  type: "function",
  name: REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME,
  description:
    "Hand the person's request to the configured OpenClaw agent (tools, actions, memory, current facts, reasoning) and speak its answer.",
  parameters: {
    type: "object",
    properties: {
      question: { type: "string", description: "What the person asked for, stated concretely." },
      context: { type: "string", description: "Optional context or a short summary of the conversation so far." },
      responseStyle: { type: "string", description: "Optional hint for how the spoken answer should sound." },
      confirmationId: { type: "string", description: "The confirmation id a previous result asked for; only after the person confirmed aloud." },
    },
    required: ["question"],
  },
}) as RealtimeVoiceTool;

/**
 * Narrows a value to a consult tool policy.
 *
 * @example
 * ```ts
 * isRealtimeVoiceAgentConsultToolPolicy("owner"); // true
 * ```
 */
export function isRealtimeVoiceAgentConsultToolPolicy(value: unknown): value is RealtimeVoiceAgentConsultToolPolicy {
  return typeof value === "string" && (REALTIME_VOICE_AGENT_CONSULT_TOOL_POLICIES as readonly string[]).includes(value);
}

/**
 * The configured policy (trimmed, case-insensitive), else `fallback`.
 *
 * @example
 * ```ts
 * resolveRealtimeVoiceAgentConsultToolPolicy(" Owner ", "none"); // "owner"
 * resolveRealtimeVoiceAgentConsultToolPolicy("bogus", "none");   // "none"
 * ```
 */
export function resolveRealtimeVoiceAgentConsultToolPolicy(
  value: unknown,
  fallback: RealtimeVoiceAgentConsultToolPolicy,
): RealtimeVoiceAgentConsultToolPolicy {
  const normalized = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  return isRealtimeVoiceAgentConsultToolPolicy(normalized) ? normalized : fallback;
}

/**
 * The tools to offer: the consult tool first (unless the policy is `"none"`), then `customTools` whose names are
 * not taken yet (first one wins).
 *
 * @example
 * ```ts
 * resolveRealtimeVoiceAgentConsultTools("owner", [hangUpTool]).map((t) => t.name); // ["openclaw_agent_consult", "hang_up"]
 * ```
 */
export function resolveRealtimeVoiceAgentConsultTools(
  policy: RealtimeVoiceAgentConsultToolPolicy,
  customTools: readonly RealtimeVoiceTool[] = [],
): RealtimeVoiceTool[] {
  const byName = new Map<string, RealtimeVoiceTool>();
  if (policy !== "none") byName.set(REALTIME_VOICE_AGENT_CONSULT_TOOL.name, REALTIME_VOICE_AGENT_CONSULT_TOOL);
  for (const tool of customTools) {
    const name = typeof tool?.name === "string" ? tool.name : undefined;
    if (name !== undefined && !byName.has(name)) byName.set(name, tool);
  }
  return [...byName.values()];
}

/**
 * The OpenClaw tool allow-list that goes with a policy: `undefined` (no limit) for `"owner"`, the read-only tools for
 * `"safe-read-only"`, none for `"none"`.
 *
 * @example
 * ```ts
 * resolveRealtimeVoiceAgentConsultToolsAllow("safe-read-only"); // ["read", "web_search", …]
 * ```
 */
export function resolveRealtimeVoiceAgentConsultToolsAllow(policy: RealtimeVoiceAgentConsultToolPolicy): string[] | undefined {
  if (policy === "owner") return undefined;
  if (policy === "safe-read-only") return ["read", "web_search", "web_fetch", "x_search", "memory_search", "memory_get"];
  return [];
}

/**
 * When the voice model should consult: `"auto"` (its own judgement, no extra instructions), `"substantive"`
 * (for anything needing facts, tools or context) or `"always"` (before every substantive answer).
 *
 * @example
 * ```ts
 * const p: RealtimeVoiceAgentConsultPolicy = "substantive";
 * ```
 */
export type RealtimeVoiceAgentConsultPolicy = "auto" | "substantive" | "always";

/**
 * Instructions for the realtime model about when to call the consult tool, or `undefined` when none are needed
 * (policy `"none"`, no consult policy, or `"auto"`).
 *
 * @example
 * ```ts
 * const text = buildRealtimeVoiceAgentConsultPolicyInstructions({ toolPolicy: "owner", consultPolicy: "always" });
 * ```
 */
export function buildRealtimeVoiceAgentConsultPolicyInstructions(config: {
  toolPolicy?: RealtimeVoiceAgentConsultToolPolicy;
  consultPolicy?: RealtimeVoiceAgentConsultPolicy | (string & {});
}): string | undefined {
  if (config.toolPolicy === "none" || !config.consultPolicy || config.consultPolicy === "auto") return undefined;
  const tool = REALTIME_VOICE_AGENT_CONSULT_TOOL_NAME;
  if (config.consultPolicy === "always") {
    return [
      "When to consult:",
      `- Call ${tool} before every substantive answer.`,
      "- Speak without it only for greetings, acknowledgements, quick latency checks, or brief filler while the result is pending.",
      "- Once the result arrives, say it briefly.",
    ].join("\n");
  }
  return [
    "When to consult:",
    "- Reply yourself to greetings, acknowledgements, small talk and quick latency checks.",
    `- Call ${tool} first for anything that needs facts, memory, current information, tools, workspace state or the person's OpenClaw context.`,
    "- Keep spoken replies short and natural.",
  ].join("\n");
}

/**
 * The consult tool's arguments, normalised.
 *
 * @example
 * ```ts
 * const a: RealtimeVoiceAgentConsultArgs = { question: "What's on my calendar?" };
 * ```
 */
export interface RealtimeVoiceAgentConsultArgs {
  question: string;
  context?: string;
  responseStyle?: string;
  confirmationId?: string;
}

function readArg(args: unknown, key: string): string | undefined {
  if (typeof args !== "object" || args === null || Array.isArray(args)) return undefined;
  const value = (args as Record<string, unknown>)[key];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/**
 * Reads the consult tool's arguments (an object, or its JSON text). The question may arrive as `question`, `prompt`,
 * `query` or `task`; without one this throws `question required`.
 *
 * @example
 * ```ts
 * parseRealtimeVoiceAgentConsultArgs('{"question":"Weather?"}'); // { question: "Weather?" }
 * ```
 */
export function parseRealtimeVoiceAgentConsultArgs(args: unknown): RealtimeVoiceAgentConsultArgs {
  let value = args;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      value = { question: value };
    }
  }
  const question = readArg(value, "question") ?? readArg(value, "prompt") ?? readArg(value, "query") ?? readArg(value, "task");
  if (!question) throw new Error("question required");
  const context = readArg(value, "context");
  const responseStyle = readArg(value, "responseStyle");
  const confirmationId = readArg(value, "confirmationId");
  return {
    question,
    ...(context ? { context } : {}),
    ...(responseStyle ? { responseStyle } : {}),
    ...(confirmationId ? { confirmationId } : {}),
  };
}

/**
 * The chat message a consult becomes: the question, then `Context:` and `Spoken style:` sections when given.
 *
 * @example
 * ```ts
 * buildRealtimeVoiceAgentConsultChatMessage({ question: "Book a table", context: "for two" });
 * // "Book a table\n\nContext:\nfor two"
 * ```
 */
export function buildRealtimeVoiceAgentConsultChatMessage(args: unknown): string {
  const parsed = parseRealtimeVoiceAgentConsultArgs(args);
  return [
    parsed.question,
    parsed.context ? `Context:\n${parsed.context}` : undefined,
    parsed.responseStyle ? `Spoken style:\n${parsed.responseStyle}` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join("\n\n");
}
