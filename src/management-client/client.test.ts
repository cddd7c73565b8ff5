import { describe, expect, it } from "vitest";
import { createManagementClient, ManagementApiError, MANAGEMENT_CLIENT_TIMEOUTS } from "./client.js";

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

function fakeFetch(answers: Array<{ status: number; body?: unknown; type?: string }>) {
  const seen: Seen[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, body: init.body as string | undefined, signal: init.signal ?? undefined });
    const answer = answers.shift() ?? { status: 200, body: {} };
    const text = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status, headers: { "content-type": answer.type ?? "application/json" } });
  }) as unknown as typeof fetch;
  return { seen, fetchImpl };
}

describe("createManagementClient", () => {
  it("sends the bearer token, JSON bodies and URL-encoded path parts", async () => {
    const { seen, fetchImpl } = fakeFetch([{ status: 200, body: { plugin: {} } }, { status: 200, body: { ok: true } }, { status: 200, body: { results: [] } }]);
    const client = createManagementClient({ baseUrl: "http://127.0.0.1:1/", token: "t0k", fetch: fetchImpl });
    await client.getRegistryPlugin("@acme/weather");
    await client.updatePlugin("a b", { enabled: true });
    await client.searchRegistry("slack bot", { limit: 5 });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET http://127.0.0.1:1/api/registry/plugins/%40acme%2Fweather",
      "PUT http://127.0.0.1:1/api/plugins/a%20b",
      "GET http://127.0.0.1:1/api/registry/search?q=slack%20bot&limit=5",
    ]);
    expect(seen[1]!.headers).toMatchObject({ authorization: "Bearer t0k", "content-type": "application/json" });
    expect(seen[1]!.body).toBe('{"enabled":true}');
  });

  it("rejects non-2xx answers with ManagementApiError carrying status and body (the 422 shape included)", async () => {
    const failure = { ok: false, plugin: { id: "x" }, validationErrors: [{ field: "port", message: "must be number" }] };
    const { fetchImpl } = fakeFetch([{ status: 422, body: failure }, { status: 404, body: { error: 'Plugin "x" not found' } }]);
    const client = createManagementClient({ baseUrl: "http://h", fetch: fetchImpl });
    const error = await client.updatePlugin("x", { config: { port: "1" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toMatchObject({ status: 422, body: failure, message: "PUT /api/plugins/x: 422 config validation failed" });
    await expect(client.testPlugin("x")).rejects.toMatchObject({ status: 404, message: 'POST /api/plugins/x/test: 404 Plugin "x" not found' });
  });

  it("asks a token function again and retries once on 401; a static token is not retried", async () => {
    const { seen, fetchImpl } = fakeFetch([{ status: 401, body: { error: "Unauthorized" } }, { status: 200, body: { available: false } }]);
    const tokens = ["old", "new"];
    const client = createManagementClient({ baseUrl: "http://h", token: () => tokens.shift(), fetch: fetchImpl });
    expect(await client.coreStatus()).toEqual({ available: false });
    expect(seen.map((s) => s.headers.authorization)).toEqual(["Bearer old", "Bearer new"]);
    const once = fakeFetch([{ status: 401, body: { error: "Unauthorized" } }]);
    const fixed = createManagementClient({ baseUrl: "http://h", token: "x", fetch: once.fetchImpl });
    await expect(fixed.coreStatus()).rejects.toMatchObject({ status: 401 });
    expect(once.seen).toHaveLength(1);
  });

  it("request() never throws on a status, sends raw bodies as given and keeps non-JSON text", async () => {
    const { seen, fetchImpl } = fakeFetch([{ status: 400, body: { error: "Malformed JSON body" } }, { status: 200, body: "data: x", type: "text/event-stream" }]);
    const client = createManagementClient({ baseUrl: "http://h", fetch: fetchImpl });
    expect(await client.request("PUT", "/api/plugins/a", { rawBody: "{bad" })).toMatchObject({ status: 400, body: { error: "Malformed JSON body" } });
    expect(seen[0]!.body).toBe("{bad");
    expect((await client.request("GET", "/api/events")).body).toBe("data: x");
  });

  it("applies the time limits: a hanging request is aborted after the configured limit", async () => {
    expect(MANAGEMENT_CLIENT_TIMEOUTS).toEqual({ install: 120_000, put: 30_000, default: 10_000 });
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason)))) as unknown as typeof fetch;
    const client = createManagementClient({ baseUrl: "http://h", fetch: hanging, timeouts: { default: 30, install: 60 } });
    const started = Date.now();
    await expect(client.coreStatus()).rejects.toMatchObject({ name: "TimeoutError" });
    await expect(client.install({ name: "x" })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
