import { describe, expect, it } from "vitest";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "./isolated.js";

describe("isolated runner", () => {
  it("reaches the built package by its public specifier and reports JSON results", () => {
    ensureBuilt();
    const result = runIsolatedModule(
      `import { PLUGIN_MANIFEST_FILENAME } from "openclaw/plugin-sdk/plugin-manifest"; console.log(JSON.stringify({ name: PLUGIN_MANIFEST_FILENAME }));`,
    );
    expect(result.timedOut).toBe(false);
    expect(lastJsonLine(result)).toEqual({ name: "openclaw.plugin.json" });
  });

  it("kills a case that never ends and says so", () => {
    const result = runIsolatedModule("setInterval(() => {}, 1000);", { timeoutMs: 700 });
    expect(result.timedOut).toBe(true);
    expect(result.status).toBeNull();
  });
});
