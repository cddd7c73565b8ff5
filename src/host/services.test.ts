import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OpenClawPluginServiceContext, PluginLogger } from "../contract/plugin-api.js";
import { loadPlugin } from "./loader.js";
import { startPluginServices } from "./services.js";
import { createTestPluginApi } from "./test-api.js";

const base = mkdtempSync(join(tmpdir(), "openclaw-host-services-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function capturingLogger(lines: string[]): PluginLogger {
  return { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

describe("startPluginServices", () => {
  it("starts in registration order, reports a throwing start, stops the started ones in reverse, once", async () => {
    const calls: string[] = [];
    const seen: OpenClawPluginServiceContext[] = [];
    const a = createTestPluginApi({ id: "alpha" });
    a.registerService({ id: "one", start: async (ctx) => { seen.push(ctx); calls.push("start one"); }, stop: () => { calls.push("stop one"); } });
    a.registerService({ id: "broken", start: () => { throw new Error("port in use"); }, stop: () => { calls.push("stop broken"); } });
    a.registerService({ id: "two", start: (ctx) => { seen.push(ctx); calls.push("start two"); } /* no stop */ });
    const b = createTestPluginApi({ id: "beta" });
    b.registerService({ id: "three", start: () => { calls.push("start three"); }, stop: async () => { calls.push("stop three"); } });

    const services = await startPluginServices([a.recorded, b.recorded], { config: { plugins: {} }, workspaceDir: "/ws" });
    expect(services.started).toEqual(["one", "two", "three"]);
    expect(services.failures).toHaveLength(1);
    expect(services.failures[0]).toMatchObject({ pluginId: "alpha", serviceId: "broken" });
    expect(services.failures[0]?.error.message).toBe("port in use");
    expect(seen[0]).toMatchObject({ config: { plugins: {} }, workspaceDir: "/ws", stateDir: services.stateDir });
    expect(existsSync(services.stateDir)).toBe(true);

    const first = await services.stop();
    expect(calls).toEqual(["start one", "start two", "start three", "stop three", "stop one"]);
    expect(first).toEqual({ stopped: ["three", "two", "one"], failures: [] });
    // The harness-created state dir is removed; a second stop stops nothing again.
    expect(existsSync(services.stateDir)).toBe(false);
    expect(await services.stop()).toBe(first);
    expect(calls.filter((c) => c.startsWith("stop"))).toHaveLength(2);
  });

  it("keeps a caller's stateDir, uses the plugin's logger by default and reports a throwing stop", async () => {
    const stateDir = mkdtempSync(join(base, "state-"));
    const lines: string[] = [];
    const api = createTestPluginApi({ id: "store" });
    api.registerService({
      id: "writer",
      start: (ctx) => { writeFileSync(join(ctx.stateDir, "pid"), "42"); ctx.logger.info("writer up"); },
      stop: () => { throw new Error("flush failed"); },
    });
    api.registerService({ id: "reader", start: (ctx) => ctx.logger.info(`reader sees ${readFileSync(join(ctx.stateDir, "pid"), "utf8")}`) });
    const services = await startPluginServices({ ...api.recorded, logger: capturingLogger(lines) }, { stateDir });
    expect(lines).toEqual(["info writer up", "info reader sees 42"]);
    const stopped = await services.stop();
    expect(stopped.stopped).toEqual(["reader"]);
    expect(stopped.failures.map((f) => [f.serviceId, f.error.message])).toEqual([["writer", "flush failed"]]);
    expect(readFileSync(join(stateDir, "pid"), "utf8")).toBe("42");

    // An explicit logger option wins over the plugin's logger; each call gets its own temp state dir.
    const other: string[] = [];
    const again = await startPluginServices({ ...api.recorded, logger: capturingLogger(lines) }, { logger: capturingLogger(other) });
    expect(other[0]).toBe("info writer up");
    expect(again.stateDir).not.toBe(services.stateDir);
    await again.stop();
  });

  it("refuses plugins not loaded in full mode, naming the plugin and mode, and starts nothing", async () => {
    let started = 0;
    const full = createTestPluginApi({ id: "ok" });
    full.registerService({ id: "s", start: () => { started += 1; } });
    const setup = { id: "chat", mode: "setup-runtime" as const, registrations: full.recorded.registrations };
    await expect(startPluginServices([full.recorded, setup])).rejects.toThrow(
      /plugin "chat" was loaded in "setup-runtime" mode; services start only for plugins loaded in "full" mode/,
    );
    expect(started).toBe(0);

    const dir = mkdtempSync(join(base, "plugin-"));
    writeFileSync(join(dir, "openclaw.plugin.json"), JSON.stringify({ id: "svc", configSchema: { type: "object" } }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", openclaw: { extensions: ["./index.js"] } }));
    writeFileSync(join(dir, "index.js"), `export default { id: "svc", register(api) { api.registerService({ id: "poller", start() { globalThis.__svcStarted = (globalThis.__svcStarted ?? 0) + 1; } }); } };\n`);
    const cli = await loadPlugin({ rootDir: dir, mode: "cli-metadata" });
    await expect(startPluginServices(cli)).rejects.toThrow(/"svc" was loaded in "cli-metadata" mode/);
    const loaded = await loadPlugin({ rootDir: dir, mode: "full" });
    const services = await startPluginServices(loaded);
    expect(services.started).toEqual(["poller"]);
    expect((globalThis as Record<string, unknown>).__svcStarted).toBe(1);
    await services.stop();
  });

  it("services of bundled plugins get ctx.internalDiagnostics; emitted events are recorded and reach listeners", async () => {
    const bundled = createTestPluginApi({ id: "memory-core", origin: "bundled" });
    const heard: string[] = [];
    bundled.registerService({
      id: "indexer",
      start: (ctx) => {
        ctx.internalDiagnostics?.onEvent((event, meta) => heard.push(`${String(meta.pluginId)}:${event.type}`));
        ctx.internalDiagnostics?.emit({ type: "memory.index.rebuilt", files: 3 });
        expect(ctx.internalDiagnostics?.getRuntimeIdentity?.().processInstanceId).toMatch(/^test-host-/);
        expect(() => ctx.internalDiagnostics?.emit({ type: "" })).toThrow(/needs an event with a non-empty "type"/);
      },
    });
    const external = createTestPluginApi({ id: "ext" });
    let externalHas: boolean | undefined;
    external.registerService({ id: "svc", start: (ctx) => { externalHas = ctx.internalDiagnostics !== undefined; } });
    const services = await startPluginServices([bundled.recorded, external.recorded]);
    expect(services.diagnostics).toEqual([{ pluginId: "memory-core", event: { type: "memory.index.rebuilt", files: 3 } }]);
    expect(heard).toEqual(["memory-core:memory.index.rebuilt"]);
    expect(externalHas).toBe(false);
    await services.stop();
  });
});
