import { describe, expect, it } from "vitest";
import { pluginStackFrames, thrownStack } from "./plugin-stack.js";

const root = "/plugins/demo";

function errorWithStack(stack: string): Error {
  const error = new Error("boom");
  error.stack = stack;
  return error;
}

describe("pluginStackFrames", () => {
  it("keeps only frames in the plugin's own files, relative to its folder", () => {
    const error = errorWithStack(
      [
        "Error: boom",
        "    at register (file:///plugins/demo/dist/index.js:5:11)",
        "    at helper (/plugins/demo/dist/lib/util.js:2:3)",
        "    at dep (/plugins/demo/node_modules/dep/index.js:1:1)",
        "    at registerInMode (file:///x/node_modules/openclaw/dist/cli/runtime-worker.js:100:20)",
        "    at file:///plugins/demo/dist/index.js:9:1",
        "    at node:internal/modules/esm/module_job:1:1",
        "    at /plugins/demo-other/index.js:1:1",
      ].join("\n"),
    );
    expect(pluginStackFrames(error, root)).toEqual([
      "at register (./dist/index.js:5:11)",
      "at helper (./dist/lib/util.js:2:3)",
      "at ./dist/index.js:9:1",
    ]);
  });

  it("gives nothing for values without a readable stack, and never runs a getter on a non-Error", () => {
    expect(pluginStackFrames("boom", root)).toEqual([]);
    expect(pluginStackFrames(null, root)).toEqual([]);
    let ran = false;
    const hostile = Object.defineProperty({}, "stack", {
      get() {
        ran = true;
        throw new Error("getter");
      },
    });
    expect(thrownStack(hostile)).toBeUndefined();
    expect(ran).toBe(false);
    const proxy = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    expect(thrownStack(proxy)).toBeUndefined();
  });

  it("reads a real error's stack", () => {
    expect(thrownStack(new Error("x"))?.split("\n")[0]).toBe("Error: x");
  });
});
