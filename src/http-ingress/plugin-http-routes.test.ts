import { afterEach, describe, expect, it } from "vitest";
import {
  findRuntimePluginHttpRoute,
  listRuntimePluginHttpRoutes,
  normalizePluginHttpPath,
  normalizeWebhookPath,
  rawDataToString,
  registerPluginHttpRoute,
} from "./plugin-http-routes.js";

const removers: Array<() => void> = [];
afterEach(() => {
  while (removers.length > 0) removers.pop()?.();
});
const handler = (): boolean => true;

describe("registerPluginHttpRoute", () => {
  it("adds a route that the returned function removes", () => {
    const unregister = registerPluginHttpRoute({ path: "chan/hook", auth: "plugin", pluginId: "chan", handler });
    removers.push(unregister);
    expect(findRuntimePluginHttpRoute("/chan/hook")).toMatchObject({ path: "/chan/hook", match: "exact", auth: "plugin", pluginId: "chan" });
    unregister();
    unregister();
    expect(findRuntimePluginHttpRoute("/chan/hook")).toBeUndefined();
  });

  it("refuses another owner's path, with a log line or an error", () => {
    removers.push(registerPluginHttpRoute({ path: "/a", auth: "plugin", pluginId: "one", handler }));
    const lines: string[] = [];
    const noop = registerPluginHttpRoute({ path: "/a", auth: "plugin", pluginId: "two", accountId: "acc", handler, log: (line) => lines.push(line) });
    noop();
    expect(lines[0]).toMatch(/route conflict at \/a \(exact\) for account "acc"; owned by one/);
    expect(listRuntimePluginHttpRoutes().filter((route) => route.path === "/a")).toHaveLength(1);
    expect(() => registerPluginHttpRoute({ path: "/a", auth: "plugin", pluginId: "two", handler, throwOnFailure: true })).toThrow(/route conflict/);
  });

  it("replaces or reuses the same owner's route", () => {
    const first = registerPluginHttpRoute({ path: "/r", auth: "plugin", pluginId: "p", source: "s", handler });
    removers.push(first);
    const other = (): boolean => false;
    removers.push(registerPluginHttpRoute({ path: "/r", auth: "plugin", pluginId: "p", source: "s", handler: other, replaceExisting: true }));
    expect(findRuntimePluginHttpRoute("/r")?.handler).toBe(other);
    removers.push(registerPluginHttpRoute({ path: "/r", auth: "plugin", pluginId: "p", source: "s", handler, reuseExistingSameOwner: true }));
    expect(findRuntimePluginHttpRoute("/r")?.handler).toBe(other);
  });

  it("uses the fallback path, refuses a missing one and matches prefixes", () => {
    removers.push(registerPluginHttpRoute({ path: "", fallbackPath: "fb", auth: "gateway", match: "prefix", handler }));
    expect(findRuntimePluginHttpRoute("/fb/x/y")?.path).toBe("/fb");
    expect(findRuntimePluginHttpRoute("/fbx")).toBeUndefined();
    expect(() => registerPluginHttpRoute({ auth: "plugin", handler, throwOnFailure: true })).toThrow(/webhook path missing/);
  });
});

describe("path and data helpers", () => {
  it("normalises paths and decodes socket data", () => {
    expect(normalizePluginHttpPath(" x ")).toBe("/x");
    expect(normalizePluginHttpPath(null, null)).toBeNull();
    expect(normalizeWebhookPath("a/b/")).toBe("/a/b");
    expect(normalizeWebhookPath("")).toBe("/");
    expect(rawDataToString([Buffer.from("he"), Buffer.from("llo")])).toBe("hello");
    expect(rawDataToString(new TextEncoder().encode("hi").buffer as ArrayBuffer)).toBe("hi");
  });
});
