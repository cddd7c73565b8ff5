import { describe, expectTypeOf, it } from "vitest";
import type { OpenClawPluginApi, OpenClawPluginApiForMode } from "./plugin-api.js";
import type { PluginRuntime } from "./runtime.js";
import type { PluginHookBeforeToolCallEvent, PluginHookName, PluginHookHandlerMap } from "./hook-types.js";

declare const api: OpenClawPluginApi;

describe("OpenClawPluginApi runtime availability", () => {
  it("un-narrowed runtime stays PluginRuntime (existing code compiles)", () => {
    expectTypeOf(api.runtime).toEqualTypeOf<PluginRuntime>();
    api.runtime.config.current();
  });
  it("narrowing on cli-metadata makes runtime never", () => {
    if (api.registrationMode === "cli-metadata") {
      expectTypeOf(api.runtime).toBeNever();
      // @ts-expect-error runtime is unavailable in cli-metadata
      api.runtime.config.current();
    }
    if (api.registrationMode === "full") {
      expectTypeOf(api.runtime).toEqualTypeOf<PluginRuntime>();
    }
  });
  it("ForMode", () => {
    expectTypeOf<OpenClawPluginApiForMode<"setup-only">["runtime"]>().toBeNever();
    expectTypeOf<OpenClawPluginApiForMode<"setup-runtime">["runtime"]>().toEqualTypeOf<PluginRuntime>();
  });
  it("hook map is keyed by every hook name", () => {
    expectTypeOf<keyof PluginHookHandlerMap>().toEqualTypeOf<PluginHookName>();
    api.on("before_tool_call", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeToolCallEvent>();
      expectTypeOf(ctx.toolName).toBeString();
      return { block: true };
    });
  });
});
