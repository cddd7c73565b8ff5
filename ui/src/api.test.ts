import { describe, expect, it } from "vitest";
import { createApiClient, errorMessage, TOKEN_STORAGE_KEY } from "./api.js";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  };
}

describe("createApiClient", () => {
  it("sends the stored token as a bearer header and JSON bodies, and reads JSON answers", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: "tok-1" });
    const api = createApiClient({
      onUnauthorized: () => {
        throw new Error("not expected");
      },
      storage,
      fetchImpl: async (url, init) => {
        seen.push({ url: String(url), init: init! });
        return new Response(JSON.stringify({ ok: true }), { status: 200 });
      },
    });
    expect(await api.send("PUT", "/api/plugins/demo", { enabled: true })).toEqual({ status: 200, body: { ok: true } });
    expect(seen[0]!.url).toBe("/api/plugins/demo");
    expect(seen[0]!.init.headers).toMatchObject({ authorization: "Bearer tok-1", "content-type": "application/json" });
    expect(seen[0]!.init.body).toBe('{"enabled":true}');
  });

  it("reports a 401 (and whether a token was sent) instead of throwing, and keeps the token out of the URL", async () => {
    const calls: boolean[] = [];
    const storage = memoryStorage();
    const urls: string[] = [];
    const api = createApiClient({
      onUnauthorized: (hadToken) => calls.push(hadToken),
      storage,
      fetchImpl: async (url) => {
        urls.push(String(url));
        return new Response('{"error":"Unauthorized"}', { status: 401 });
      },
    });
    expect(await api.get("/api/plugins")).toEqual({ status: 401, body: { error: "Unauthorized" } });
    api.setToken("secret-token");
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe("secret-token");
    await api.get("/api/plugins");
    expect(calls).toEqual([false, true]);
    expect(urls.every((url) => !url.includes("secret-token"))).toBe(true);
    api.clearToken();
    expect(api.hasToken()).toBe(false);
  });

  it("turns network failures, timeouts and non-JSON bodies into messages", async () => {
    const storage = memoryStorage();
    const down = createApiClient({ onUnauthorized: () => undefined, storage, fetchImpl: async () => Promise.reject(new TypeError("fetch failed")) });
    const result = await down.get("/api/plugins");
    expect(result.status).toBe(0);
    expect(errorMessage(result)).toBe("The server could not be reached (fetch failed).");

    const slow = createApiClient({
      onUnauthorized: () => undefined,
      storage,
      fetchImpl: (_url, init) =>
        new Promise((_resolve, reject) => init!.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    });
    expect(errorMessage(await slow.get("/api/plugins", { timeoutMs: 20 }))).toBe("The server could not be reached (no answer within 1 s).");

    const html = createApiClient({ onUnauthorized: () => undefined, storage, fetchImpl: async () => new Response("<html>", { status: 502 }) });
    expect(errorMessage(await html.get("/api/plugins"))).toBe("The server answered 502 with a body that is not JSON.");
    expect(errorMessage({ status: 500, body: {} })).toBe("The server answered 500.");
  });
});
