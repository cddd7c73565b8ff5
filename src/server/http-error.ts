/**
 * An error that carries its HTTP answer: the app's error handler sends `status` with `body` (default
 * `{ error: message }`). Services throw it; anything else becomes a 500 `{ error }`.
 */

/**
 * An error with its HTTP status and body.
 *
 * @example
 * ```ts
 * throw new HttpError(404, 'plugin "demo" not found; GET /api/plugins lists the ids');
 * ```
 */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, message: string, body?: Record<string, unknown>) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.body = body ?? { error: message };
  }
}

/**
 * A service failure in the documented 422 shape `{ ok: false, error }`.
 *
 * @example
 * ```ts
 * throw serviceFailure('plugin "demo" is not ejected; eject it first');
 * ```
 */
export function serviceFailure(message: string): HttpError {
  return new HttpError(422, message, { ok: false, error: message });
}
