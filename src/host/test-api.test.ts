import { describe, expect, it } from "vitest";
import { createPluginHookRunner } from "./plugin-hook-runner.js";
import { resolveHookTimeout } from "./registration-api.js";
import { createTestPluginApi } from "./test-api.js";
import { createHookRunner } from "./test-runtime.js";
import { isRegistrationAccepted, resolveStartupMode, usesSetupEntry } from "./modes.js";

describe("createTestPluginApi", () => {
  it("records accepted and rejected calls, logs and runtime use", () => {
    const api = createTestPluginApi({ id: "rec", config: { plugins: { entries: { rec: { hooks: { timeouts: { message_sent: 1234 } } } } } } });
    api.logger.info("hello");
    api.on("message_sent", () => {}, { timeoutMs: 50 });
    api.on("not_a_hook" as never, () => {});
    api.registerService({ id: "svc", start() {} });
    if (api.registrationMode === "full") api.runtime.system.enqueueSystemEvent("done", { sessionKey: "s" });
    const { registrations, diagnostics, logs, runtime } = api.recorded;
    expect(registrations.log).toEqual([
      { method: "on", name: "message_sent", accepted: true },
      { method: "on", name: "not_a_hook", accepted: false, reason: "unknown-hook-name" },
      { method: "registerService", name: "svc", accepted: true },
    ]);
    expect(registrations.hooks[0]?.timeoutMs).toBe(1234); // operator per-hook timeout beats the plugin's own
    expect(diagnostics.map((d) => d.level)).toEqual(["warning"]);
    expect(logs).toEqual([{ level: "info", message: "hello" }]);
    expect(runtime?.systemEvents).toEqual([{ text: "done", sessionKey: "s" }]);
    expect(api.recorded.shape()).toEqual({ shape: "non-capability", capabilities: [] });
  });

  it("does not enforce manifest gates without a manifest, but does with one", () => {
    const tool = { name: "t", description: "t", parameters: {}, execute: async () => ({ content: [] }) };
    const loose = createTestPluginApi();
    loose.registerTool(tool);
    expect(loose.recorded.registrations.tools).toHaveLength(1);
    const strict = createTestPluginApi({ manifest: { contracts: { tools: [] } } });
    strict.registerTool(tool);
    expect(strict.recorded.registrations.tools).toHaveLength(0);
    expect(strict.recorded.diagnostics[0]?.code).toBe("contract-tools-undeclared");
  });

  it("gives a throwing runtime in cli-metadata and setup-only", () => {
    for (const mode of ["cli-metadata", "setup-only"] as const) {
      const api = createTestPluginApi({ id: "cli", registrationMode: mode });
      expect(() => (api.runtime as unknown as { config: unknown }).config).toThrow(
        new RegExp(`plugin "cli": api\\.runtime is unavailable during "${mode}" registration \\(read of runtime\\.config\\)`),
      );
    }
    const full = createTestPluginApi({ registrationMode: "discovery" });
    expect(typeof full.runtime.config.current).toBe("function");
  });

  it("feeds createHookRunner directly, with bundled trusted policies", async () => {
    const policy = createTestPluginApi({ id: "policy", origin: "bundled" });
    policy.registerTrustedToolPolicy({ id: "deny-all", evaluate: () => ({ block: true, blockReason: "denied" }) });
    const external = createTestPluginApi({ id: "ext" });
    external.registerTrustedToolPolicy({ id: "sneaky", evaluate: () => undefined });
    expect(external.recorded.diagnostics[0]?.message).toMatch(/registerTrustedToolPolicy is only available to bundled plugins/);
    const runner = createHookRunner([policy, external]);
    const { decision } = await runner.run("before_tool_call", { toolName: "exec", params: {} }, { toolName: "exec" });
    expect(decision).toEqual({ block: true, blockReason: "denied", blockedBy: "policy" });
    // Registrations of an external plugin's policy never reach the runner, even if injected by hand.
    const forged = createPluginHookRunner([{ id: "ext", origin: "external", registrations: { ...external.recorded.registrations, trustedToolPolicies: policy.recorded.registrations.trustedToolPolicies } }]);
    expect(forged.has("before_tool_call")).toBe(false);
  });
});

describe("mode rules", () => {
  it("picks startup modes and entries", () => {
    expect(resolveStartupMode({ enabled: false, isChannel: true, channelConfigured: true })).toBe("setup-only");
    expect(resolveStartupMode({ enabled: true, isChannel: true, channelConfigured: false })).toBe("setup-only");
    expect(resolveStartupMode({ enabled: true, isChannel: true, channelConfigured: true, deferFullLoad: true })).toBe("setup-runtime");
    expect(resolveStartupMode({ enabled: true, isChannel: false, channelConfigured: false })).toBe("full");
    expect(resolveStartupMode({ enabled: false, isChannel: false, channelConfigured: false })).toBeUndefined();
    expect([usesSetupEntry("setup-runtime"), usesSetupEntry("full")]).toEqual([true, false]);
    expect(isRegistrationAccepted("tool-discovery", "tool")).toBe(true);
    expect(isRegistrationAccepted("tool-discovery", "hook")).toBe(false);
    expect(isRegistrationAccepted("discovery", "service")).toBe(false);
  });

  it("resolves hook timeouts: per-hook config > plugin-wide config > authored", () => {
    const config = { plugins: { entries: { p: { hooks: { timeoutMs: 9_000, timeouts: { agent_end: 60_000 } } } } } };
    expect(resolveHookTimeout(config, "p", "agent_end", 100)).toBe(60_000);
    expect(resolveHookTimeout(config, "p", "llm_input", 100)).toBe(9_000);
    expect(resolveHookTimeout({}, "p", "llm_input", 100)).toBe(100);
    expect(resolveHookTimeout({}, "p", "llm_input", -1)).toBeUndefined();
  });
});

describe("registerHttpRoute called with positional arguments", () => {
  it("drops the route and says which calling form to use", () => {
    const api = createTestPluginApi({ id: "routes" });
    const handler = () => undefined;
    // An older calling form real plugins still use: registerHttpRoute(path, handler, opts).
    (api.registerHttpRoute as unknown as (path: string, handler: unknown, opts: unknown) => void)("/memory/search", handler, { auth: "plugin" });
    expect(api.recorded.registrations.httpRoutes).toEqual([]);
    const diagnostic = api.recorded.diagnostics[0];
    expect(diagnostic?.code).toBe("registration-invalid");
    expect(diagnostic?.message).toContain("takes one object { path, handler, auth, match? }");
    expect(diagnostic?.message).toContain('registerHttpRoute({ path: "/memory/search", handler, auth: "plugin" })');
  });
});
