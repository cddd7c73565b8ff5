import { describe, expect, it } from "vitest";
import type { PluginView } from "./api-shapes.js";
import { listFields } from "./form/schema-form.js";
import { configPatch, formModelOf, isStored, newInstallId, phaseProgress, pluginShape, pluginStatus, sortPlugins, storedConfigOf, toUiHints } from "./plugin-view.js";

const base: PluginView = { id: "demo", enabled: true, isActive: true, configured: true, loadError: null };

describe("pluginStatus", () => {
  it("names each state", () => {
    expect(pluginStatus({ ...base, loadError: "Cannot find module './missing.js'" })).toMatchObject({ label: "Load error", tone: "error" });
    expect(pluginStatus(base)).toMatchObject({ label: "Active", tone: "ok" });
    expect(pluginStatus({ ...base, configured: false }).label).toBe("Needs configuration");
    expect(pluginStatus({ ...base, isActive: false }).label).toBe("Restart pending");
    expect(pluginStatus({ ...base, isActive: false }, { state: "loading" }).label).toBe("Loading");
    expect(pluginStatus({ ...base, enabled: false }).label).toBe("Disabling");
    expect(pluginStatus({ ...base, enabled: false, isActive: false })).toMatchObject({ label: "Disabled", tone: "off" });
  });
});

describe("toUiHints", () => {
  it("keeps well-typed hint fields and drops the rest", () => {
    expect(toUiHints({ apiKey: { label: "API key", help: 3, sensitive: true, advanced: "yes", tags: ["auth", 1] }, bad: "x" })).toEqual({
      apiKey: { label: "API key", sensitive: true, tags: ["auth"] },
    });
    expect(toUiHints(null)).toEqual({});
  });
});

describe("pluginShape", () => {
  it("shows the host's shape, the category beside it, and says when the shape is unknown", () => {
    expect(pluginShape({ ...base, shape: "hook-only" })).toBe("hook-only");
    expect(pluginShape({ ...base, shape: "plain-capability", category: "memory" })).toBe("plain-capability · memory");
    expect(pluginShape({ ...base, shape: null, loadError: "x" })).toBe("shape unknown");
  });
});

describe("formModelOf", () => {
  it("uses the manifest schema and hints when the server sends them", () => {
    const model = formModelOf({
      ...base,
      configSchema: { type: "object", properties: { mode: { type: "string", enum: ["a", "b"] } } },
      uiHints: { mode: { label: "Mode", advanced: true } },
    });
    expect(listFields(model.nodes)[0]).toMatchObject({ control: "select", label: "Mode", advanced: true });
  });

  it("falls back to a flat form from the parameters list", () => {
    const model = formModelOf({
      ...base,
      parameters: [
        { key: "apiKey", type: "string", label: "API key", description: "From the dashboard", required: true, sensitive: true, isSet: true, currentValue: "sk-1...cdef" },
        { key: "verbose", type: "boolean", label: null, description: null, required: false, sensitive: false, isSet: false, currentValue: null, defaultValue: false },
      ],
    });
    expect(listFields(model.nodes).map((f) => [f.path, f.control, f.label, f.required])).toEqual([
      ["apiKey", "password", "API key", true],
      ["verbose", "switch", "Verbose", false],
    ]);
  });
});

describe("stored config and patches", () => {
  const plugin: PluginView = {
    ...base,
    parameters: [
      { key: "twilio", isSet: true, currentValue: { accountSid: "AC1", authToken: "****" } },
      { key: "apiKey", sensitive: true, isSet: false, currentValue: null },
    ],
  };
  it("rebuilds the stored config and tells which secrets are stored", () => {
    expect(storedConfigOf(plugin)).toEqual({ twilio: { accountSid: "AC1", authToken: "****" } });
    expect(isStored(plugin, "apiKey")).toBe(false);
    expect(isStored(plugin, "twilio.authToken")).toBe(true);
    expect(isStored({ ...plugin, config: { a: { b: "" } } }, "a.b")).toBe(false);
  });

  it("sends whole top-level keys of changed fields, null for removed ones", () => {
    expect(configPatch({ twilio: { accountSid: "AC2", authToken: "****" }, provider: "mock" }, ["twilio.accountSid", "fromNumber"])).toEqual({
      twilio: { accountSid: "AC2", authToken: "****" },
      fromNumber: null,
    });
  });
});

describe("list helpers", () => {
  it("sorts load errors first, then by name", () => {
    const sorted = sortPlugins([{ ...base, id: "b" }, { ...base, id: "a" }, { ...base, id: "z", loadError: "x" }]);
    expect(sorted.map((p) => p.id)).toEqual(["z", "a", "b"]);
  });

  it("maps install phases to progress and makes valid install ids", () => {
    expect(phaseProgress("queued")).toBe(0);
    expect(phaseProgress("complete")).toBe(1);
    expect(phaseProgress("downloading")).toBeCloseTo(2 / 6);
    expect(phaseProgress("failed")).toBeUndefined();
    expect(newInstallId()).toMatch(/^ui-[a-z0-9]{16}$/);
  });
});
