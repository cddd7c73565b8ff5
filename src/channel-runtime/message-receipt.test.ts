import { describe, expect, it } from "vitest";
import {
  createMessageReceiptFromOutboundResults,
  defineChannelMessageAdapter,
  listMessageReceiptPlatformIds,
  resolveMessageReceiptPrimaryId,
} from "./message-receipt.js";

describe("message receipts", () => {
  it("collects sent ids in order, skips not-sent results and flattens nested receipts", () => {
    const nested = createMessageReceiptFromOutboundResults({ results: [{ messageId: "n1" }], kind: "media", sentAt: 1 });
    const receipt = createMessageReceiptFromOutboundResults({
      results: [{ messageId: "m1" }, { outcome: "not_sent" }, { messageId: "m1" }, { receipt: nested }],
      kind: "text",
      threadId: "t",
      sentAt: 5,
    });
    expect(receipt.platformMessageIds).toEqual(["m1", "n1"]);
    expect(receipt.parts.map((part) => [part.platformMessageId, part.kind, part.index])).toEqual([
      ["m1", "text", 0],
      ["m1", "text", 1],
      ["n1", "media", 2],
    ]);
    expect(receipt).toMatchObject({ primaryPlatformMessageId: "m1", threadId: "t", sentAt: 5 });
    expect(listMessageReceiptPlatformIds(receipt)).toEqual(["m1", "n1"]);
    expect(resolveMessageReceiptPrimaryId(createMessageReceiptFromOutboundResults({ results: [] }))).toBeUndefined();
  });

  it("accepts adapters whose members are functions and names a wrong member", () => {
    const adapter = { sendText: async () => ({ messageId: "1" }) };
    expect(defineChannelMessageAdapter(adapter)).toBe(adapter);
    expect(() => defineChannelMessageAdapter({ sendMedia: "nope" })).toThrow('"sendMedia" must be a function, got string');
  });
});
