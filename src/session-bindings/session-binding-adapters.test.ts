import { describe, expect, it } from "vitest";
import {
  getSessionBindingAdapter,
  registerSessionBindingAdapter,
  unregisterSessionBindingAdapter,
  type SessionBindingAdapter,
} from "./session-binding-adapters.js";

const adapter = (id: string): SessionBindingAdapter => ({
  channel: "Chat",
  accountId: "default",
  listBySession: () => [],
  resolveByConversation: (ref) => ({
    bindingId: id,
    targetSessionKey: "s",
    targetKind: "session",
    conversation: ref,
    status: "active",
    boundAt: 1,
  }),
});

describe("session binding adapters", () => {
  it("registers per channel account, replaces on re-register, and unregisters only the current adapter", () => {
    const first = adapter("a");
    const second = adapter("b");
    registerSessionBindingAdapter(first);
    expect(getSessionBindingAdapter("chat", "DEFAULT")).toBe(first);
    registerSessionBindingAdapter(second);
    unregisterSessionBindingAdapter({ channel: "chat", accountId: "default", adapter: first });
    expect(getSessionBindingAdapter("chat", "default")).toBe(second);
    expect(getSessionBindingAdapter("chat", "default")?.resolveByConversation({ channel: "chat", accountId: "default", conversationId: "c" })?.bindingId).toBe("b");
    unregisterSessionBindingAdapter({ channel: "chat", accountId: "default" });
    expect(getSessionBindingAdapter("chat", "default")).toBeUndefined();
    expect(() => registerSessionBindingAdapter({} as never)).toThrow("needs channel, accountId");
  });
});
