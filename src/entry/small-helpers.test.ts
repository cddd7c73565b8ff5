import { describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT_ID, normalizeAccountId, normalizeOptionalAccountId } from "./account-id.js";
import { AGENT_PROMPT_SURFACES, normalizeAgentPromptGuidance } from "./agent-prompt-guidance.js";
import { isReservedAdminGatewayMethod, resolveGatewayMethodScope } from "./gateway-scope.js";
import { jsonResult, textResult, toToolResult } from "./tool-result.js";
import { buildMemoryPromptSection, listMemoryPublicArtifacts } from "./memory-host.js";
import { createChatChannelPlugin } from "./chat-channel-plugin.js";
import { detectBinary } from "./detect-binary.js";

describe("resolveGatewayMethodScope", () => {
  it("forces operator.admin for reserved namespaces", () => {
    for (const method of ["config", "config.patch", "exec.approvals.set", "wizard.start", "update.run"]) {
      expect(isReservedAdminGatewayMethod(method)).toBe(true);
      expect(resolveGatewayMethodScope(method, { scope: "operator.read" })).toBe("operator.admin");
    }
  });
  it("keeps other methods' scope, default operator.write", () => {
    expect(isReservedAdminGatewayMethod("configurator.run")).toBe(false);
    expect(isReservedAdminGatewayMethod("exec.run")).toBe(false);
    expect(resolveGatewayMethodScope("my-plugin.status", { scope: "operator.read" })).toBe("operator.read");
    expect(resolveGatewayMethodScope("my-plugin.status")).toBe("operator.write");
  });
  it("rejects empty names", () => {
    expect(() => resolveGatewayMethodScope("")).toThrow(/method name must be a non-empty string/);
  });
});

describe("normalizeAgentPromptGuidance", () => {
  it("normalizes strings and structured entries", () => {
    expect(
      normalizeAgentPromptGuidance(["Global.", { text: "Main.", surfaces: ["pi_main", "pi_main"] }, { text: "All." }], {
        commandName: "plan",
      }),
    ).toEqual([
      { text: "Global.", surfaces: "all" },
      { text: "Main.", surfaces: ["pi_main"] },
      { text: "All.", surfaces: "all" },
    ]);
    expect(normalizeAgentPromptGuidance(undefined, { commandName: "x" })).toEqual([]);
    expect(AGENT_PROMPT_SURFACES).toHaveLength(5);
  });
  it("rejects an empty surfaces array with a clear error", () => {
    expect(() => normalizeAgentPromptGuidance([{ text: "x", surfaces: [] }], { commandName: "plan" })).toThrow(
      /command "plan": agentPromptGuidance\[0\]\.surfaces is empty\. Omit "surfaces" for guidance on every prompt surface/,
    );
  });
  it("rejects unknown surfaces, empty text and bad shapes", () => {
    expect(() => normalizeAgentPromptGuidance([{ text: "x", surfaces: ["nope" as never] }], { commandName: "c" })).toThrow(/unknown surface "nope"/);
    expect(() => normalizeAgentPromptGuidance(["  "], { commandName: "c" })).toThrow(/empty string/);
    expect(() => normalizeAgentPromptGuidance([{ text: "" }], { commandName: "c" })).toThrow(/text must be a non-empty string/);
    expect(() => normalizeAgentPromptGuidance("x" as never, { commandName: "c" })).toThrow(/must be an array/);
    expect(() => normalizeAgentPromptGuidance([1 as never], { commandName: "c" })).toThrow(/must be a string or/);
  });
});

describe("account ids", () => {
  it("normalizes", () => {
    expect(DEFAULT_ACCOUNT_ID).toBe("default");
    expect(normalizeAccountId("  Work Bot ")).toBe("work-bot");
    expect(normalizeAccountId(undefined)).toBe("default");
    expect(normalizeAccountId("__proto__")).toBe("default");
    expect(normalizeOptionalAccountId("")).toBeUndefined();
    expect(normalizeOptionalAccountId("a".repeat(80))).toHaveLength(64);
  });
});

describe("tool results", () => {
  it("wraps values", () => {
    expect(textResult("x")).toEqual({ content: [{ type: "text", text: "x" }] });
    expect(jsonResult({ a: 1 })).toEqual({ content: [{ type: "text", text: '{\n  "a": 1\n}' }], details: { a: 1 } });
    expect(toToolResult("hi")).toEqual({ content: [{ type: "text", text: "hi" }] });
    expect(toToolResult(undefined)).toEqual({ content: [{ type: "text", text: "null" }], details: null });
    expect(toToolResult({ n: 10n }).content[0]).toEqual({ type: "text", text: '{\n  "n": "10"\n}' });
  });
});

describe("memory host helpers", () => {
  it("lists artifacts across capabilities, deduplicated", async () => {
    const artifacts = await listMemoryPublicArtifacts(
      [
        { publicArtifacts: { listArtifacts: async () => [{ id: "a", kind: "md" }] } },
        {},
        { publicArtifacts: { listArtifacts: async ({ agentId }) => [{ id: "a", kind: "md" }, { id: `b-${agentId}`, kind: "md" }] } },
      ],
      { agentId: "main" },
    );
    expect(artifacts.map((a) => a.id)).toEqual(["a", "b-main"]);
  });
  it("names the failing capability", async () => {
    await expect(
      listMemoryPublicArtifacts([{ publicArtifacts: { listArtifacts: async () => { throw new Error("disk"); } } }]),
    ).rejects.toThrow("memory capability #0: listArtifacts failed: disk");
  });
  it("builds prompt sections", () => {
    expect(buildMemoryPromptSection(() => ["a", " ", "b"], { availableTools: new Set() })).toEqual(["a", "b"]);
    expect(buildMemoryPromptSection(undefined, { availableTools: new Set() })).toEqual([]);
  });
});

describe("createChatChannelPlugin", () => {
  const base = {
    id: "c",
    meta: { id: "c", label: "C" },
    capabilities: { chatTypes: ["direct" as const] },
    config: { listAccountIds: () => [], resolveAccount: () => ({}) },
  };
  it("merges adapters over the base", () => {
    const outbound = { deliveryMode: "direct" as const };
    expect(createChatChannelPlugin({ base, outbound })).toEqual({ ...base, outbound });
  });
  it("requires the base fields", () => {
    expect(() => createChatChannelPlugin({ base: { ...base, config: undefined as never } })).toThrow(/base\.config is required/);
  });
});

describe("detectBinary", () => {
  it("finds node and not nonsense", () => {
    expect(detectBinary("node")).toMatch(/node(\.exe)?$/);
    expect(detectBinary("definitely-not-a-binary-xyz")).toBeUndefined();
    expect(detectBinary("")).toBeUndefined();
  });
});
