import { afterAll, describe, expect, it } from "vitest";
import { createTempDir } from "../testing/temp-dir.js";
import { loadPlugin } from "../host/loader.js";
import { runConnectivityCheck } from "./runtime-load.js";

const dir = createTempDir("openclaw-connectivity-");
afterAll(() => dir.remove());

let counter = 0;
function plugin(register: string, schema: object = { type: "object", properties: { url: { type: "string" } } }): string {
  counter += 1;
  const id = `check-${counter}`;
  dir.write({
    [`${id}/openclaw.plugin.json`]: { id, configSchema: schema },
    [`${id}/package.json`]: { name: id, version: "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    [`${id}/index.js`]: `export default { id: ${JSON.stringify(id)}, register(api) { ${register} } };\n`,
  });
  return dir.resolve(id);
}

describe("api.registerConnectivityCheck", () => {
  it("is captured by the host in full mode and run with the validated config", async () => {
    const loaded = await loadPlugin({
      rootDir: plugin(`api.registerConnectivityCheck(async ({ config, pluginId }) => ({ ok: config.url === "http://x", message: pluginId + " saw " + config.url, details: { n: 1 } }));`),
      mode: "full",
      pluginConfig: { url: "http://x" },
    });
    expect(loaded.loadError).toBeUndefined();
    expect(loaded.registrations.connectivityChecks).toHaveLength(1);
    const outcome = await runConnectivityCheck(loaded, 1_000);
    expect(outcome).toMatchObject({ status: "done", ok: true, message: `${loaded.id} saw http://x`, details: { n: 1 } });
  });

  it("is skipped outside full mode, and a second registration replaces the first", async () => {
    const root = plugin(`api.registerConnectivityCheck(() => ({ ok: false })); api.registerConnectivityCheck(() => ({ ok: true, message: "second" }));`);
    const discovery = await loadPlugin({ rootDir: root, mode: "discovery" });
    expect(discovery.registrations.connectivityChecks).toHaveLength(0);
    const full = await loadPlugin({ rootDir: root, mode: "full" });
    expect(full.registrations.connectivityChecks).toHaveLength(1);
    expect(await runConnectivityCheck(full, 1_000)).toMatchObject({ ok: true, message: "second" });
  });

  it("rejects a non-function with a diagnostic", async () => {
    const loaded = await loadPlugin({ rootDir: plugin(`api.registerConnectivityCheck("nope");`), mode: "full" });
    expect(loaded.registrations.connectivityChecks).toHaveLength(0);
    expect(loaded.diagnostics.map((d) => d.message).join("\n")).toMatch(/registerConnectivityCheck/);
  });

  it("turns a throw, a bad verdict and a hang into failed checks naming the cause", async () => {
    const thrown = await loadPlugin({ rootDir: plugin(`api.registerConnectivityCheck(() => { throw new Error("ECONNREFUSED"); });`), mode: "full" });
    expect(await runConnectivityCheck(thrown, 1_000)).toMatchObject({ ok: false, message: expect.stringMatching(/threw: ECONNREFUSED/) });
    const bad = await loadPlugin({ rootDir: plugin(`api.registerConnectivityCheck(() => "fine");`), mode: "full" });
    expect(await runConnectivityCheck(bad, 1_000)).toMatchObject({ ok: false, message: expect.stringMatching(/returned string/) });
    const hang = await loadPlugin({
      rootDir: plugin(`api.registerConnectivityCheck(({ signal }) => new Promise((resolve) => signal.addEventListener("abort", () => globalThis.__aborted = true)));`),
      mode: "full",
    });
    const outcome = await runConnectivityCheck(hang, 100);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/did not answer within 100 ms/) });
    expect((globalThis as { __aborted?: boolean }).__aborted).toBe(true);
  });

  it("says when no check is registered", async () => {
    const loaded = await loadPlugin({ rootDir: plugin(``), mode: "full" });
    expect(await runConnectivityCheck(loaded, 1_000)).toEqual({ status: "no-check" });
  });
});
