import { afterEach, describe, expect, it, vi } from "vitest";
import { chunkText, chunkTextWithMode, resolveTextChunkLimit } from "./chunk.js";
import {
  buildInboundHistoryFromMap,
  buildPendingHistoryContextFromMap,
  clearHistoryEntriesIfEnabled,
  evictOldHistoryKeys,
  HISTORY_CONTEXT_MARKER,
  recordPendingHistoryEntryIfEnabled,
  type HistoryEntry,
} from "./history.js";
import { deliverTextOrMediaReply, resolveOutboundMediaUrls, resolveSendableOutboundReplyParts } from "./payload.js";
import { createReplyPrefixOptions } from "./prefix.js";
import { isAbortRequestText, isBtwRequestText, isSilentReplyText, normalizeCommandBody } from "./request-text.js";
import { createTypingCallbacks } from "./typing.js";

describe("request texts", () => {
  it("recognises stop requests, with a bot mention only when it names this bot", () => {
    expect(isAbortRequestText("/stop")).toBe(true);
    expect(isAbortRequestText("  Stop! ")).toBe(true);
    expect(isAbortRequestText("/stop@my_bot", { botUsername: "my_bot" })).toBe(true);
    expect(isAbortRequestText("/stop@other_bot", { botUsername: "my_bot" })).toBe(false);
    expect(isAbortRequestText("please stop the music")).toBe(false);
    expect(isAbortRequestText(undefined)).toBe(false);
    expect(normalizeCommandBody("/btw@bot: hi", { botUsername: "bot" })).toBe("/btw: hi");
  });

  it("recognises /btw side questions and the silent token", () => {
    expect(isBtwRequestText("/btw what is up")).toBe(true);
    expect(isBtwRequestText("/BTW: hi")).toBe(true);
    expect(isBtwRequestText("/btwx")).toBe(false);
    expect(isSilentReplyText(" NO_REPLY. ")).toBe(true);
    expect(isSilentReplyText("NO_REPLY but more")).toBe(false);
  });
});

describe("chunking", () => {
  it("splits at paragraph, line or word boundaries within the limit and never loses text", () => {
    const text = "first paragraph here\n\nsecond paragraph that is longer than the limit allows";
    const chunks = chunkText(text, 25);
    expect(chunks.every((chunk) => chunk.length <= 25)).toBe(true);
    expect(chunks[0]).toBe("first paragraph here");
    expect(chunks.join(" ").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));
    expect(chunkText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(chunkText("", 10)).toEqual([]);
    expect(chunkTextWithMode("a\n\n b \nc", 10, "newline")).toEqual(["a", "b", "c"]);
  });

  it("resolves the chunk limit from account, channel, fallback, default", () => {
    const cfg = { channels: { chat: { textChunkLimit: 2000, accounts: { work: { textChunkLimit: 500 } } } } };
    expect(resolveTextChunkLimit(cfg, "chat", "work")).toBe(500);
    expect(resolveTextChunkLimit(cfg, "chat", "home")).toBe(2000);
    expect(resolveTextChunkLimit({}, "chat", null, { fallbackLimit: 4096 })).toBe(4096);
    expect(resolveTextChunkLimit(undefined)).toBe(4000);
  });
});

describe("pending history", () => {
  it("records up to the limit, builds the prompt with markers, and clears after a reply", () => {
    const historyMap = new Map<string, HistoryEntry[]>();
    for (const body of ["a", "b", "c"]) {
      recordPendingHistoryEntryIfEnabled({ historyMap, historyKey: "g1", entry: { sender: "Ada", body }, limit: 2 });
    }
    expect(historyMap.get("g1")!.map((entry) => entry.body)).toEqual(["b", "c"]);
    const prompt = buildPendingHistoryContextFromMap({
      historyMap,
      historyKey: "g1",
      limit: 2,
      currentMessage: "Bob: now?",
      formatEntry: (entry) => `${entry.sender}: ${entry.body}`,
    });
    expect(prompt.startsWith(HISTORY_CONTEXT_MARKER)).toBe(true);
    expect(prompt).toContain("Ada: b\nAda: c");
    expect(prompt.endsWith("Bob: now?")).toBe(true);
    expect(buildInboundHistoryFromMap({ historyMap, historyKey: "g1", limit: 1 })).toEqual([{ sender: "Ada", body: "c" }]);
    clearHistoryEntriesIfEnabled({ historyMap, historyKey: "g1", limit: 2 });
    expect(buildPendingHistoryContextFromMap({ historyMap, historyKey: "g1", limit: 2, currentMessage: "x", formatEntry: String })).toBe("x");
  });

  it("records nothing when disabled and evicts the oldest conversations", () => {
    const historyMap = new Map<string, HistoryEntry[]>();
    expect(recordPendingHistoryEntryIfEnabled({ historyMap, historyKey: "g", entry: { sender: "a", body: "b" }, limit: 0 })).toEqual([]);
    expect(historyMap.size).toBe(0);
    for (const key of ["k1", "k2", "k3"]) historyMap.set(key, []);
    evictOldHistoryKeys(historyMap, 2);
    expect([...historyMap.keys()]).toEqual(["k2", "k3"]);
  });
});

describe("outbound payloads", () => {
  it("derives trimmed, de-duplicated sendable parts", () => {
    expect(resolveOutboundMediaUrls({ mediaUrls: [" a ", "", "a", "b"] })).toEqual(["a", "b"]);
    expect(resolveOutboundMediaUrls({ mediaUrl: "x" })).toEqual(["x"]);
    const parts = resolveSendableOutboundReplyParts({ text: "  hi  " }, {});
    expect(parts).toMatchObject({ trimmedText: "hi", hasText: true, hasMedia: false, hasContent: true, mediaCount: 0 });
    expect(resolveSendableOutboundReplyParts({ text: "   " }).hasContent).toBe(false);
  });

  it("sends media with the text as the first caption, else chunked text, else nothing", async () => {
    const sent: string[] = [];
    const sendText = async (text: string) => void sent.push(`text:${text}`);
    const sendMedia = async ({ mediaUrl, caption }: { mediaUrl: string; caption?: string }) =>
      void sent.push(`media:${mediaUrl}:${caption ?? ""}`);
    expect(await deliverTextOrMediaReply({ payload: { mediaUrls: ["u1", "u2"] }, text: "cap", sendText, sendMedia })).toBe("media");
    expect(sent).toEqual(["media:u1:cap", "media:u2:"]);
    sent.length = 0;
    expect(await deliverTextOrMediaReply({ payload: {}, text: "a b", chunkText: (t) => t.split(" "), sendText, sendMedia })).toBe("text");
    expect(sent).toEqual(["text:a", "text:b"]);
    expect(await deliverTextOrMediaReply({ payload: {}, text: " ", sendText, sendMedia })).toBe("empty");
    const errors: number[] = [];
    await deliverTextOrMediaReply({
      payload: { mediaUrls: ["bad"] },
      text: "",
      sendText,
      sendMedia: async () => {
        throw new Error("upload failed");
      },
      onMediaError: ({ index }) => void errors.push(index),
    });
    expect(errors).toEqual([0]);
    await expect(
      deliverTextOrMediaReply({ payload: { mediaUrl: "bad" }, text: "", sendText, sendMedia: async () => Promise.reject(new Error("boom")) }),
    ).rejects.toThrow("boom");
  });
});

describe("reply prefix", () => {
  it("takes the most specific prefix and keeps the template context current", () => {
    const cfg = {
      messages: { responsePrefix: "[bot]" },
      channels: { chat: { responsePrefix: "[chat]", accounts: { work: { responsePrefix: "auto" } } } },
      agents: { list: [{ id: "main", identity: { name: "Clawd" } }] },
    };
    expect(createReplyPrefixOptions({ cfg, agentId: "main" }).responsePrefix).toBe("[bot]");
    expect(createReplyPrefixOptions({ cfg, agentId: "main", channel: "chat" }).responsePrefix).toBe("[chat]");
    const options = createReplyPrefixOptions({ cfg, agentId: "main", channel: "chat", accountId: "work" });
    expect(options.responsePrefix).toBe("[Clawd]");
    options.onModelSelected({ provider: "openai", model: "gpt-5", thinkLevel: "high" });
    expect(options.responsePrefixContextProvider()).toEqual({
      identityName: "Clawd",
      provider: "openai",
      model: "gpt-5",
      modelFull: "openai/gpt-5",
      thinkingLevel: "high",
    });
    expect(createReplyPrefixOptions({ cfg: {}, agentId: "main" }).responsePrefix).toBeUndefined();
  });
});

describe("typing callbacks", () => {
  afterEach(() => vi.useRealTimers());

  it("starts, keeps alive, and stops once on idle", async () => {
    vi.useFakeTimers();
    let starts = 0;
    let stops = 0;
    const typing = createTypingCallbacks({
      start: async () => void (starts += 1),
      stop: async () => void (stops += 1),
      onStartError: () => undefined,
      keepaliveIntervalMs: 1000,
    });
    await typing.onReplyStart();
    expect(starts).toBe(1);
    await vi.advanceTimersByTimeAsync(2500);
    expect(starts).toBe(3);
    typing.onIdle?.();
    typing.onCleanup?.();
    await vi.advanceTimersByTimeAsync(5000);
    expect(starts).toBe(3);
    expect(stops).toBe(1);
  });

  it("stops the keepalive after repeated failures and at the safety TTL", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const failing = createTypingCallbacks({
      start: async () => Promise.reject(new Error("429")),
      onStartError: (error) => void errors.push(error),
      keepaliveIntervalMs: 100,
      maxConsecutiveFailures: 2,
    });
    await failing.onReplyStart();
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(2);
    let stopped = false;
    const bounded = createTypingCallbacks({
      start: async () => undefined,
      stop: async () => void (stopped = true),
      onStartError: () => undefined,
      maxDurationMs: 500,
    });
    await bounded.onReplyStart();
    await vi.advanceTimersByTimeAsync(600);
    expect(stopped).toBe(true);
  });
});
