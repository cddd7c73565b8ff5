import { describe, expectTypeOf, it } from "vitest";
import type { PluginHookName } from "../contract/hook-types.js";
import { HOOK_SEMANTICS } from "./hook-semantics.js";

describe("hook semantics table", () => {
  it("has exactly one entry per PluginHookName", () => {
    expectTypeOf<keyof typeof HOOK_SEMANTICS>().toEqualTypeOf<PluginHookName>();
  });
});
