import { describe, expect, it } from "vitest";
import type { PluginHookToolContext } from "../contract/hook-types.js";
import { createTestPluginApi } from "./test-api.js";
import { createHookRunner } from "./test-runtime.js";

describe("trusted tool policies", () => {
  it("receive (event, ctx) with the session key on the event too, and only for tools their matcher selects", async () => {
    const api = createTestPluginApi({ id: "guard", origin: "bundled" });
    const seen: Array<{ toolName: string; sessionKey?: string; ctx: PluginHookToolContext }> = [];
    api.registerTrustedToolPolicy({
      id: "no-send",
      description: "blocks send without an account",
      matcher: ["send_mail"],
      evaluate: (event, ctx) => {
        seen.push({ toolName: event.toolName, sessionKey: event.sessionKey, ctx });
        return event.params.accountId ? undefined : { block: true, blockReason: "accountId required" };
      },
    });
    const runner = createHookRunner([api]);
    const ctx = { toolName: "send_mail", sessionKey: "agent:main:main", agentId: "main" };
    const blocked = await runner.run("before_tool_call", { toolName: "send_mail", params: {} }, ctx);
    expect(blocked.decision).toMatchObject({ block: true, blockReason: "accountId required" });
    const other = await runner.run("before_tool_call", { toolName: "read", params: {} }, { toolName: "read" });
    expect(other.decision?.block).not.toBe(true);
    expect(seen).toEqual([{ toolName: "send_mail", sessionKey: "agent:main:main", ctx }]);
  });
});
