import { describe, expect, it } from "vitest";
import { parsePluginManifest } from "./read-plugin-manifest.js";
import { pluginIdProblem, suggestPluginId } from "./plugin-id.js";
import { RESERVED_PLUGIN_IDS } from "./plugin-manifest-schema.js";

describe("pluginIdProblem", () => {
  it("flags every reserved id with the reader's code and a suggestion the reader accepts", () => {
    for (const id of RESERVED_PLUGIN_IDS) {
      const problem = pluginIdProblem(id);
      expect(problem?.code).toBe("id-reserved");
      const suggestion = problem!.suggestion!;
      expect(pluginIdProblem(suggestion)).toBeUndefined();
      // The manifest reader agrees on both ids: one source for the rules.
      expect(parsePluginManifest(JSON.stringify({ id, configSchema: {} })).diagnostics.map((d) => d.code)).toContain("id-reserved");
      expect(parsePluginManifest(JSON.stringify({ id: suggestion, configSchema: {} })).manifest?.id).toBe(suggestion);
    }
  });

  it("flags invalid ids with a normalised suggestion, and accepts good ones", () => {
    expect(pluginIdProblem("Stock Quotes")).toMatchObject({ code: "id-invalid", suggestion: "stock-quotes" });
    expect(pluginIdProblem("__")).toMatchObject({ code: "id-invalid" });
    expect(pluginIdProblem("__")?.suggestion).toBeUndefined();
    expect(pluginIdProblem("stock-quotes")).toBeUndefined();
    expect(suggestPluginId("Node MCP")).toBe("node-mcp-plugin");
  });
});
