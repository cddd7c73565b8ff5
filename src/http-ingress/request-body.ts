/**
 * Reading webhook request bodies with a size limit and a timeout, and the texts for each failure.
 */
import type { IncomingMessage } from "node:http";

/**
 * Why a body could not be read.
 *
 * @example
 * ```ts
 * const code: RequestBodyLimitErrorCode = "PAYLOAD_TOO_LARGE";
 * ```
 */
export type RequestBodyLimitErrorCode = "PAYLOAD_TOO_LARGE" | "REQUEST_BODY_TIMEOUT" | "CONNECTION_CLOSED";

/**
 * The error `readRequestBodyWithLimit` rejects with; `code` says why and `statusCode` is the HTTP status to answer.
 *
 * @example
 * ```ts
 * if (isRequestBodyLimitError(error)) res.writeHead(error.statusCode).end(requestBodyErrorToText(error.code));
 * ```
 */
export class RequestBodyLimitError extends Error {
  override name = "RequestBodyLimitError";
  readonly code: RequestBodyLimitErrorCode;
  readonly statusCode: number;
  constructor(init: { code: RequestBodyLimitErrorCode; message?: string }) {
    super(init.message ?? requestBodyErrorToText(init.code));
    this.code = init.code;
    this.statusCode = init.code === "PAYLOAD_TOO_LARGE" ? 413 : init.code === "REQUEST_BODY_TIMEOUT" ? 408 : 400;
  }
}

/**
 * True for a `RequestBodyLimitError` (also across SDK copies: checks `name` and `code`).
 *
 * @example
 * ```ts
 * isRequestBodyLimitError(error);
 * ```
 */
export function isRequestBodyLimitError(error: unknown): error is RequestBodyLimitError {
  return error instanceof Error && error.name === "RequestBodyLimitError" && typeof (error as { code?: unknown }).code === "string";
}

/**
 * The response text for a body failure.
 *
 * @example
 * ```ts
 * requestBodyErrorToText("PAYLOAD_TOO_LARGE"); // "Payload too large"
 * ```
 */
export function requestBodyErrorToText(code: RequestBodyLimitErrorCode): string {
  switch (code) {
    case "PAYLOAD_TOO_LARGE":
      return "Payload too large";
    case "REQUEST_BODY_TIMEOUT":
      return "Request body timeout";
    case "CONNECTION_CLOSED":
      return "Connection closed";
  }
}

/**
 * The request body as a string, rejecting with `RequestBodyLimitError` past `maxBytes`, after `timeoutMs` (default
 * 30 s) or when the client disconnects.
 *
 * @example
 * ```ts
 * const raw = await readRequestBodyWithLimit(req, { maxBytes: 1024 * 1024 });
 * ```
 */
export function readRequestBodyWithLimit(
  req: IncomingMessage,
  options: { maxBytes: number; timeoutMs?: number; encoding?: BufferEncoding },
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error?: RequestBodyLimitError, body?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      req.off("error", onError);
      if (error) {
        req.resume();
        reject(error);
      } else resolve(body ?? "");
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > options.maxBytes) finish(new RequestBodyLimitError({ code: "PAYLOAD_TOO_LARGE" }));
      else chunks.push(buffer);
    };
    const onEnd = (): void => finish(undefined, Buffer.concat(chunks).toString(options.encoding ?? "utf8"));
    const onClose = (): void => finish(new RequestBodyLimitError({ code: "CONNECTION_CLOSED" }));
    const onError = (): void => finish(new RequestBodyLimitError({ code: "CONNECTION_CLOSED" }));
    const timer = setTimeout(() => finish(new RequestBodyLimitError({ code: "REQUEST_BODY_TIMEOUT" })), options.timeoutMs ?? 30_000);
    timer.unref?.();
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", onError);
  });
}

/**
 * The request body parsed as JSON: `{ ok: true, value }`, or `{ ok: false, code?, error }` for a limit failure or
 * invalid JSON (never throws).
 *
 * @example
 * ```ts
 * const body = await readJsonBodyWithLimit(req, { maxBytes: 256 * 1024 });
 * if (!body.ok) return res.writeHead(400).end(body.error);
 * ```
 */
export async function readJsonBodyWithLimit(
  req: IncomingMessage,
  options: { maxBytes: number; timeoutMs?: number; emptyObjectOnEmpty?: boolean },
): Promise<{ ok: true; value: unknown } | { ok: false; error: string; code?: RequestBodyLimitErrorCode }> {
  let raw: string;
  try {
    raw = await readRequestBodyWithLimit(req, options);
  } catch (error) {
    if (isRequestBodyLimitError(error)) return { ok: false, error: requestBodyErrorToText(error.code), code: error.code };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!raw.trim()) return options.emptyObjectOnEmpty === false ? { ok: false, error: "Empty body" } : { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${(error as Error).message}` };
  }
}
