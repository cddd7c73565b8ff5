/**
 * The plugins policy reader and the enablement decision (shared by the CLI's config-file reader — see
 * src/discovery/config-file.test.ts for the two callers side by side — and validatePluginsConfig).
 */
import { describe, expect, it } from "vitest";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { readPluginsPolicy, registerTimeoutFor, resolvePluginEnablement } from "./plugins-policy.js";
import { validatePluginsConfig } from "./validate-plugin-config.js";

const manifest = (id: string): PluginManifest => ({ id, configSchema: { type: "object" } }) as PluginManifest;
const shape = (d: { level: string; code: string; path: string; message: string }) => `${d.level} ${d.code} ${d.path}: ${d.message}`;

describe("one reader, one code and message per problem", () => {
  it("keeps what is valid and resolves nothing it cannot read", () => {
    const { policy, diagnostics } = readPluginsPolicy({
      plugins: {
        allow: ["a"],
        load: { paths: ["./x"] },
        slots: { memory: "none" },
        registerTimeoutMs: 700_000,
        entries: { a: { enabled: true, config: { k: 1 }, registerTimeoutMs: 5000, hooks: { allowConversationAccess: true, timeoutMs: 1000, timeouts: { agent_end: 700_000 } } } },
      },
    });
    // A register timeout is not capped by the host, so a long one is no warning; a hook timeout is capped.
    expect(diagnostics).toEqual([]);
    expect(policy).toMatchObject({ enabled: true, allow: ["a"], deny: [], loadPaths: ["./x"], slots: { memory: "none" }, registerTimeoutMs: 700_000 });
    expect(policy.entries.a).toEqual({ enabled: true, config: { k: 1 }, registerTimeoutMs: 5000, hooks: { allowConversationAccess: true, timeoutMs: 1000, timeouts: { agent_end: 700_000 } } });
    expect(policy.invalidReason).toBeUndefined();
    expect(registerTimeoutFor(policy, "a")).toBe(5000);
    expect(registerTimeoutFor(policy, "b")).toBe(700_000);
    const capped = readPluginsPolicy({ plugins: { entries: { a: { hooks: { timeouts: { agent_end: 700_000 } } } } } });
    expect([...capped.entryDiagnostics.get("a")!].map(shape)).toEqual([
      "warning plugin-timeout-capped plugins.entries.a.hooks.timeouts.agent_end: plugins.entries.a.hooks.timeouts.agent_end: more than the host applies; it is capped at 600000 ms (10 minutes).",
    ]);
  });

  it("prototype names are ordinary ids, slots and hook names", () => {
    const raw = JSON.parse('{"plugins":{"entries":{"__proto__":{"enabled":false,"hooks":{"timeouts":{"constructor":5}}}},"slots":{"toString":"x"}}}') as Record<string, unknown>;
    const { policy, diagnostics } = readPluginsPolicy(raw);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(policy.entries)).toEqual(["__proto__"]);
    expect(policy.entries["__proto__"]!.hooks!.timeouts!["constructor"]).toBe(5);
    expect(policy.slots["toString"]).toBe("x");
    expect(resolvePluginEnablement({ id: "__proto__", plugins: policy }).reason).toBe("disabled-in-config");
    expect(resolvePluginEnablement({ id: "constructor", plugins: policy })).toEqual({ enabled: true });
    expect(registerTimeoutFor(policy, "hasOwnProperty")).toBeUndefined();
  });
});

describe("validatePluginsConfig through the shared reader", () => {
  it("checks plugins.load.paths and plugins.slots too", () => {
    const result = validatePluginsConfig({ plugins: { load: { paths: "./x" }, slots: [] } }, { manifests: [manifest("a")], moment: "start" });
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(["plugins-config-invalid plugins.load.paths", "plugins-config-invalid plugins.slots"]);
    expect(result.plugins).toEqual([{ id: "a", status: "disabled", enabled: false }]);
  });

  it("write: an unrelated malformed entry is neither reported nor blocks the affected plugin", () => {
    const config = { plugins: { entries: { stale: { enabled: "yes", hooks: 5 }, a: { config: {} } } } };
    const write = validatePluginsConfig(config, { manifests: [manifest("a")], moment: "write", pluginId: "a" });
    expect(write).toMatchObject({ ok: true, diagnostics: [], plugins: [{ id: "a", status: "valid", enabled: true }] });
    const read = validatePluginsConfig(config, { manifests: [manifest("a"), manifest("stale")], moment: "read" });
    expect(read.diagnostics.filter((d) => d.level === "error").map((d) => d.path)).toEqual(["plugins.entries.stale.enabled", "plugins.entries.stale.hooks"]);
    expect(read.plugins.every((p) => !p.enabled)).toBe(true);
    // A malformed section field still counts at write time: the policy cannot be applied to any plugin.
    const section = validatePluginsConfig({ plugins: { deny: "a" } }, { manifests: [manifest("a")], moment: "write", pluginId: "a" });
    expect(section.plugins).toEqual([{ id: "a", status: "disabled", enabled: false }]);
  });
});

describe("resolvePluginEnablement", () => {
  const { policy } = readPluginsPolicy({});
  it("says what decides and what to change", () => {
    expect(resolvePluginEnablement({ id: "a", plugins: { ...policy, deny: ["a"] } })).toEqual({
      enabled: false,
      reason: "denied",
      cause: "listed in plugins.deny",
      hint: 'remove "a" from plugins.deny',
    });
    expect(resolvePluginEnablement({ id: "a", origin: "workspace", plugins: policy })).toMatchObject({ enabled: false, reason: "workspace-not-enabled" });
    // The workspace rule needs the origin; without one (validatePluginsConfig) it does not apply.
    expect(resolvePluginEnablement({ id: "a", plugins: policy }).enabled).toBe(true);
    expect(resolvePluginEnablement({ id: "a", plugins: { ...policy, invalidReason: "plugins.deny is malformed; fix the policy first" } })).toMatchObject({
      reason: "config-invalid",
      cause: "plugins.deny is malformed; fix the policy first",
    });
  });
});
