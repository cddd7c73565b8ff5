/**
 * The page's HTTP client: same-origin fetch with the bearer token (from session storage) when one is set. A 401
 * never throws into the page: it raises the token prompt, and the call resolves to `{ status: 401 }`.
 */

/** Where the token lives: session storage only (gone when the tab closes), never the URL or local storage. */
export const TOKEN_STORAGE_KEY = "openclaw.apiToken";

export interface ApiResult<T> {
  status: number;
  body: T;
}

export interface ApiClientOptions {
  /** Called on every 401 (the page shows the token prompt). */
  onUnauthorized: (hadToken: boolean) => void;
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  fetchImpl?: typeof fetch;
}

export interface ApiClient {
  get<T>(path: string, init?: { timeoutMs?: number }): Promise<ApiResult<T>>;
  send<T>(method: "POST" | "PUT", path: string, body?: unknown, init?: { timeoutMs?: number }): Promise<ApiResult<T>>;
  setToken(token: string): void;
  clearToken(): void;
  hasToken(): boolean;
}

/** Timeouts the API documents: installs may take long (120 s), writes 30 s, reads 10 s. */
export const TIMEOUTS = { read: 10_000, write: 30_000, install: 120_000 } as const;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const storage = options.storage ?? window.sessionStorage;
  const doFetch = options.fetchImpl ?? window.fetch.bind(window);

  async function call<T>(method: string, path: string, body: unknown, timeoutMs: number): Promise<ApiResult<T>> {
    const token = storage.getItem(TOKEN_STORAGE_KEY);
    const headers: Record<string, string> = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        credentials: "same-origin",
      });
    } catch (error) {
      const reason = controller.signal.aborted ? `no answer within ${Math.ceil(timeoutMs / 1000)} s` : (error as Error).message;
      return { status: 0, body: { error: `The server could not be reached (${reason}).` } as T };
    } finally {
      clearTimeout(timer);
    }
    let parsed: unknown;
    const text = await response.text();
    try {
      parsed = text === "" ? {} : JSON.parse(text);
    } catch {
      parsed = { error: `The server answered ${response.status} with a body that is not JSON.` };
    }
    if (response.status === 401) options.onUnauthorized(Boolean(token));
    return { status: response.status, body: parsed as T };
  }

  return {
    get: (path, init) => call("GET", path, undefined, init?.timeoutMs ?? TIMEOUTS.read),
    send: (method, path, body, init) => call(method, path, body, init?.timeoutMs ?? TIMEOUTS.write),
    setToken: (token) => storage.setItem(TOKEN_STORAGE_KEY, token),
    clearToken: () => storage.removeItem(TOKEN_STORAGE_KEY),
    hasToken: () => Boolean(storage.getItem(TOKEN_STORAGE_KEY)),
  };
}

/** The message of an error body (`{ error }`), or a fallback naming the status. */
export function errorMessage(result: ApiResult<unknown>): string {
  const body = result.body as { error?: unknown; message?: unknown } | null;
  if (body && typeof body.error === "string") return body.error;
  if (body && typeof body.message === "string") return body.message;
  return `The server answered ${result.status}.`;
}
