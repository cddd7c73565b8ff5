/**
 * `openclaw gateway run` start-up, auth and shutdown, against the built CLI: bearer token (constant-time, 401 shape,
 * rate limit), Host allow-list and Origin check, refusal of a non-loopback bind without a token, the Node version
 * gate, a fresh state directory, and SIGINT/SIGTERM finishing in-flight writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { ensureBuilt } from "../hostile/isolated.js";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { createManagementClient } from "../../src/plugin-sdk/management-client.js";
import { cliPath, runtimeReady, startGatewayProcess, type GatewayProcess } from "./gateway-process.js";
import { writePlugin } from "./fixtures.js";

const TOKEN = "test-token-0123456789abcdef";
const dirs: TempDir[] = [];
const tempDir = (): TempDir => {
  const dir = createTempDir("openclaw-gw-");
  dirs.push(dir);
  return dir;
};

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => {
  for (const dir of dirs) dir.remove();
});

/** A raw request with full control over the Host and Origin headers. */
function raw(url: string, options: { path: string; headers?: Record<string, string>; method?: string }): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${options.path}`, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("with OPENCLAW_API_TOKEN", () => {
  let gw: GatewayProcess;
  beforeAll(async () => {
    const dir = tempDir();
    gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: dir.path, OPENCLAW_API_TOKEN: TOKEN, OPENCLAW_API_ALLOWED_ORIGINS: "https://console.example" }, [], TOKEN);
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
  });

  it("accepts the bearer token (scheme case-insensitive) and answers 401 {error:Unauthorized} otherwise", async () => {
    expect((await gw.client.listPlugins()).plugins).toEqual([]);
    const lower = await gw.client.request("GET", "/api/plugins", { headers: { authorization: `bearer ${TOKEN}` } });
    expect(lower.status).toBe(200);
    const anonymous = createManagementClient({ baseUrl: gw.url });
    const none = await anonymous.request("GET", "/api/plugins");
    expect(none).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    const wrong = await anonymous.request("GET", "/api/plugins", { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    const prefix = await anonymous.request("GET", "/api/plugins", { headers: { authorization: `Bearer ${TOKEN.slice(0, 10)}` } });
    expect(prefix.status).toBe(401);
    const basic = await anonymous.request("PUT", "/api/plugins/x", { headers: { authorization: `Basic ${TOKEN}` }, body: {} });
    expect(basic.status).toBe(401);
    // the OpenAPI document is public (it holds no data)
    expect((await anonymous.request("GET", "/api/openapi.json")).status).toBe(200);
  });

  it("a token function is asked again and the request retried once on 401", async () => {
    const tokens = ["stale", TOKEN];
    const rotating = createManagementClient({ baseUrl: gw.url, token: () => tokens.shift() });
    expect((await rotating.coreStatus()).available).toBe(false);
    expect(tokens).toEqual([]);
  });

  it("refuses foreign Host headers and Origins (403) before auth", async () => {
    const host = await raw(gw.url, { path: "/api/plugins", headers: { host: "evil.example", authorization: `Bearer ${TOKEN}` } });
    expect(host).toEqual({ status: 403, body: { error: expect.stringMatching(/^Host not allowed: evil\.example/) } });
    const localhost = await raw(gw.url, { path: "/api/plugins", headers: { host: `localhost:${gw.port}`, authorization: `Bearer ${TOKEN}` } });
    expect(localhost.status).toBe(200);
    const origin = await raw(gw.url, { path: "/api/plugins", headers: { origin: "https://evil.example", authorization: `Bearer ${TOKEN}` } });
    expect(origin).toEqual({ status: 403, body: { error: expect.stringMatching(/^Origin not allowed/) } });
    const sameOrigin = await raw(gw.url, { path: "/api/plugins", headers: { origin: `http://127.0.0.1:${gw.port}`, authorization: `Bearer ${TOKEN}` } });
    expect(sameOrigin.status).toBe(200);
    const listed = await raw(gw.url, { path: "/api/plugins", headers: { origin: "https://console.example", authorization: `Bearer ${TOKEN}` } });
    expect(listed.status).toBe(200);
  });

  it("rate-limits failed authentication: the 21st failure within a minute answers 429 with Retry-After", async () => {
    const anonymous = createManagementClient({ baseUrl: gw.url });
    // earlier tests in this block already failed a few times from this address: the limit is 20 per minute in all
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await anonymous.request("GET", "/api/core/status", { headers: { authorization: "Bearer nope" } })).status);
    const firstBlocked = statuses.indexOf(429);
    expect(firstBlocked).toBeGreaterThan(0);
    expect(statuses.slice(0, firstBlocked).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(firstBlocked).every((status) => status === 429)).toBe(true);
    const blocked = await anonymous.request("GET", "/api/core/status", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(blocked.status).toBe(429);
    expect((blocked.body as { error: string }).error).toMatch(/Too many failed authentication attempts/);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("start-up", () => {
  it("refuses a non-loopback bind without a token (exit 2, naming the fix)", () => {
    const dir = tempDir();
    const result = spawnSync(ensureNode24(), [cliPath, "gateway", "run", "--host", "0.0.0.0", "--port", "0"], {
      env: { ...process.env, OPENCLAW_STATE_DIR: dir.path, OPENCLAW_API_TOKEN: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to serve the management API on 0\.0\.0\.0.*OPENCLAW_API_TOKEN/);
  });

  it("binds a non-loopback address with a token, still checking Host", async () => {
    const dir = tempDir();
    const gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: dir.path, OPENCLAW_API_TOKEN: TOKEN, OPENCLAW_API_ALLOWED_HOSTS: "gw.internal" }, ["--host", "0.0.0.0"], TOKEN);
    try {
      const url = `http://127.0.0.1:${gw.port}`;
      expect((await raw(url, { path: "/api/core/status", headers: { host: "gw.internal", authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      expect((await raw(url, { path: "/api/core/status", headers: { host: "10.1.2.3", authorization: `Bearer ${TOKEN}` } })).status).toBe(403);
    } finally {
      await gw.stop();
    }
  });

  it.runIf(Number(process.versions.node.split(".")[0]) < 22)("on Node < 22.5 stops with a message naming the Node version it needs", () => {
    const result = spawnSync(process.execPath, [cliPath, "gateway", "run", "--port", "0"], { env: { ...process.env, OPENCLAW_STATE_DIR: tempDir().path }, encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs Node 22\.5 or newer/);
  });

  it("a fresh state directory serves with no setup; the config file is created on the first write", async () => {
    const dir = tempDir();
    const state = `${dir.path}/fresh-state`;
    // a workspace plugin (the gateway's working folder): listed, off until enabled in config
    dir.write({
      ".openclaw/extensions/ws/openclaw.plugin.json": { id: "ws", configSchema: { type: "object" } },
      ".openclaw/extensions/ws/package.json": { name: "ws", type: "module", openclaw: { extensions: ["./index.js"] } },
      ".openclaw/extensions/ws/index.js": "export default { id: 'ws', register() {} };\n",
    });
    const gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: state }, [], undefined, dir.path);
    try {
      await runtimeReady(gw.client);
      expect((await gw.client.listPlugins()).plugins).toEqual([expect.objectContaining({ id: "ws", origin: "workspace", enabled: false, isActive: false })]);
      expect((await gw.client.listInstalled()).count).toBe(0);
      expect((await gw.client.listRegistryPlugins()).count).toBe(0);
      expect((await gw.client.coreStatus()).available).toBe(false);
      const refresh = await gw.client.request("POST", "/api/registry/refresh");
      expect(refresh.status).toBe(503);
      expect(existsSync(`${state}/openclaw.json`)).toBe(false);
      expect(await gw.client.updatePlugin("ws", { enabled: true })).toMatchObject({ requiresRestart: true, plugin: { enabled: true } });
      expect(JSON.parse(readFileSync(`${state}/openclaw.json`, "utf8"))).toEqual({ plugins: { entries: { ws: { enabled: true } } } });
    } finally {
      expect((await gw.stop("SIGINT")).code).toBe(0);
    }
    expect(gw.stdout()).toContain('"event":"stopped","signal":"SIGINT"');
  });
});

describe("shutdown", () => {
  it("SIGTERM finishes in-flight config writes: every PUT answered 200 is in the file, which stays valid JSON", async () => {
    const dir = tempDir();
    const ids = Array.from({ length: 30 }, (_, i) => `p${i}`);
    for (const id of ids) writePlugin(dir, { id, configSchema: { type: "object", properties: { value: { type: "string" } } } });
    const gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: dir.path });
    await runtimeReady(gw.client);
    const answers = ids.map((id) =>
      gw.client.request("PUT", `/api/plugins/${id}`, { body: { config: { value: `v-${id}` } } }).then(
        (response) => ({ id, status: response.status }),
        () => ({ id, status: 0 }),
      ),
    );
    await answers[0];
    const exit = await gw.stop("SIGTERM");
    const settled = await Promise.all(answers);
    expect(exit.code).toBe(0);
    const file = JSON.parse(readFileSync(dir.resolve("openclaw.json"), "utf8")) as { plugins: { entries: Record<string, { config: { value: string } }> } };
    const written = settled.filter((answer) => answer.status === 200);
    expect(written.length).toBeGreaterThan(0);
    for (const answer of written) expect(file.plugins.entries[answer.id]?.config.value).toBe(`v-${answer.id}`);
    expect(gw.stderr()).toMatch(/SIGTERM: finishing in-flight requests/);
  }, 120_000);
});
