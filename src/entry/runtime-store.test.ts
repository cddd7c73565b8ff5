import { describe, expect, it } from "vitest";
import { createPluginRuntimeStore } from "./runtime-store.js";

describe("createPluginRuntimeStore", () => {
  it("string argument: isolated slot", () => {
    const a = createPluginRuntimeStore<{ v: number }>("a not ready");
    const b = createPluginRuntimeStore<{ v: number }>("a not ready");
    expect(a.tryGetRuntime()).toBeNull();
    expect(() => a.getRuntime()).toThrow("a not ready");
    a.setRuntime({ v: 1 });
    expect(a.getRuntime()).toEqual({ v: 1 });
    expect(b.tryGetRuntime()).toBeNull();
    a.clearRuntime();
    expect(a.tryGetRuntime()).toBeNull();
  });

  it("pluginId: shared slot across stores (and SDK copies) via a global symbol", () => {
    const a = createPluginRuntimeStore<string>({ pluginId: "shared-test", errorMessage: "not ready" });
    const b = createPluginRuntimeStore<string>({ pluginId: "shared-test", errorMessage: "other message" });
    a.setRuntime("rt");
    expect(b.getRuntime()).toBe("rt");
    const registry = (globalThis as Record<symbol, Map<string, { value: unknown }>>)[
      Symbol.for("openclaw.plugin-sdk.runtime-store.v1")
    ];
    expect(registry?.get("plugin:shared-test")?.value).toBe("rt");
    b.clearRuntime();
    expect(() => a.getRuntime()).toThrow("not ready");
  });

  it("key: shared slot separate from pluginId slots", () => {
    const byKey = createPluginRuntimeStore<number>({ key: "shared-test", errorMessage: "x" });
    const byId = createPluginRuntimeStore<number>({ pluginId: "shared-test", errorMessage: "x" });
    byKey.setRuntime(5);
    expect(byId.tryGetRuntime()).toBeNull();
    expect(createPluginRuntimeStore<number>({ key: "shared-test", errorMessage: "x" }).getRuntime()).toBe(5);
  });

  it("getRuntime throws only for null/undefined", () => {
    const store = createPluginRuntimeStore<unknown>("missing");
    for (const value of [0, "", false]) {
      store.setRuntime(value);
      expect(store.getRuntime()).toBe(value);
    }
    store.setRuntime(undefined);
    expect(() => store.getRuntime()).toThrow("missing");
    expect(store.tryGetRuntime()).toBeNull();
  });

  it("rejects empty ids and bad arguments", () => {
    expect(() => createPluginRuntimeStore({ pluginId: "", errorMessage: "x" })).toThrow(/pluginId must be a non-empty string/);
    expect(() => createPluginRuntimeStore({ key: " ", errorMessage: "x" })).toThrow(/key must be a non-empty string/);
    expect(() => createPluginRuntimeStore(42 as never)).toThrow(/pass an error message string/);
    expect(() => createPluginRuntimeStore({} as never)).toThrow(/pass an error message string/);
  });
});
