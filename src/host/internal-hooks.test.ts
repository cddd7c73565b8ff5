import { describe, expect, it } from "vitest";
import type { InternalHookEvent } from "../contract/plugin-api.js";
import { runInternalHook } from "./internal-hooks.js";
import { createTestPluginApi } from "./test-api.js";

describe("runInternalHook", () => {
  const event = (): InternalHookEvent => ({ type: "command", action: "new", sessionKey: "agent:main:main", context: {}, timestamp: new Date(0), messages: [] });

  it("runs matching handlers in registration order across plugins; a throw is reported and the rest run", async () => {
    const a = createTestPluginApi({ id: "alpha" });
    a.registerHook("command:new", async (e) => { await Promise.resolve(); e.messages.push("alpha first"); });
    a.registerHook(["command:reset", "command:new"], () => { throw new Error("disk full"); }, { name: "saver" });
    a.registerHook("command:reset", (e) => { e.messages.push("reset only"); });
    const b = createTestPluginApi({ id: "beta" });
    b.registerHook("command:new", (e) => { e.messages.push("beta"); });

    const e = event();
    const outcome = await runInternalHook([a.recorded, b.recorded], "command:new", e);
    expect(e.messages).toEqual(["alpha first", "beta"]);
    expect(outcome.handled).toBe(2);
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]).toMatchObject({ pluginId: "alpha", eventName: "command:new", hookName: "saver" });
    expect(outcome.failures[0]?.error.message).toBe("disk full");

    const none = await runInternalHook(b.recorded, "gateway:startup", event());
    expect(none).toEqual({ handled: 0, failures: [] });
  });
});
