import { describe, expect, it } from "vitest";
import {
  PLUGIN_REGISTRATION_MODES,
  PluginRuntimeUnavailableError,
  createUnavailablePluginRuntime,
  isPluginRuntimeAvailable,
  isRuntimeAvailableInMode,
} from "./runtime-availability.js";
import { createFakeApi } from "./__tests__/fake-api.js";

describe("runtime availability", () => {
  it("knows which modes have a runtime", () => {
    expect(PLUGIN_REGISTRATION_MODES.filter((mode) => !isRuntimeAvailableInMode(mode))).toEqual(["setup-only", "cli-metadata"]);
    expect(isPluginRuntimeAvailable(createFakeApi({ mode: "setup-runtime" }).api)).toBe(true);
    expect(isPluginRuntimeAvailable(createFakeApi({ mode: "cli-metadata" }).api)).toBe(false);
  });

  for (const mode of ["cli-metadata", "setup-only"] as const) {
    it(`throws a helpful error on any runtime access in ${mode}`, () => {
      const runtime = createUnavailablePluginRuntime({ pluginId: "mem0", mode });
      let caught: unknown;
      try {
        void runtime.config;
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PluginRuntimeUnavailableError);
      const error = caught as PluginRuntimeUnavailableError;
      expect(error).toMatchObject({ pluginId: "mem0", mode, property: "config", code: "OPENCLAW_PLUGIN_RUNTIME_UNAVAILABLE" });
      expect(error.message).toContain(`plugin "mem0": api.runtime is unavailable during "${mode}" registration`);
      expect(error.message).toMatch(/registrationMode === "full"/);
      expect(() => "config" in runtime).toThrow(PluginRuntimeUnavailableError);
      expect(() => Object.keys(runtime)).toThrow(PluginRuntimeUnavailableError);
      expect(() => {
        (runtime as unknown as Record<string, unknown>).x = 1;
      }).toThrow(PluginRuntimeUnavailableError);
    });
  }

  it("can be stored, awaited and inspected without throwing", async () => {
    const runtime = createUnavailablePluginRuntime({ pluginId: "p", mode: "cli-metadata" });
    const holder = { runtime };
    expect(holder.runtime).toBe(runtime);
    await expect(Promise.resolve(runtime)).resolves.toBe(runtime);
    expect((runtime as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
  });

  it("validates its options", () => {
    expect(() => createUnavailablePluginRuntime({ pluginId: "", mode: "cli-metadata" })).toThrow(/pluginId/);
    expect(() => createUnavailablePluginRuntime({ pluginId: "p", mode: "full" as never })).toThrow(/has a runtime/);
  });
});
