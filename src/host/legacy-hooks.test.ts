import { describe, expect, it } from "vitest";
import { createTestPluginApi } from "./test-api.js";

describe("legacy hook names", () => {
  it("type-check (deprecated overload) and are ignored at run time with a warning naming the hook", () => {
    const api = createTestPluginApi({ id: "legacy" });
    api.on("before_agent_start", () => ({ prependContext: "x" }));
    api.on("subagent_spawning", (event) => void event.subagentId);
    api.on("commands.list", async () => []);
    expect(api.recorded.registrations.hooks).toHaveLength(0);
    expect(api.recorded.diagnostics.map((d) => [d.code, d.level])).toEqual([
      ["unknown-hook-name", "warning"],
      ["unknown-hook-name", "warning"],
      ["unknown-hook-name", "warning"],
    ]);
    expect(api.recorded.diagnostics[0]?.message).toContain('"before_agent_start"');
  });
});
