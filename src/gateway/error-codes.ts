/**
 * Gateway error codes and the error payload a gateway method passes to `respond(false, undefined, error)`.
 */

/**
 * The gateway error codes.
 *
 * @example
 * ```ts
 * respond(false, undefined, errorShape(ErrorCodes.INVALID_REQUEST, "id is required"));
 * ```
 */
export const ErrorCodes = {
  /** @deprecated Kept for source compatibility; nothing emits it. To be removed on 2027-06-01. */
  NOT_LINKED: "NOT_LINKED",
  /** The device still needs a pairing approval. */
  NOT_PAIRED: "NOT_PAIRED",
  /** @deprecated Kept for source compatibility; nothing emits it. To be removed on 2027-06-01. */
  AGENT_TIMEOUT: "AGENT_TIMEOUT",
  /** The request failed validation or a precondition. */
  INVALID_REQUEST: "INVALID_REQUEST",
  /** The caller may not do this. */
  FORBIDDEN: "FORBIDDEN",
  /** The approval does not exist or has expired. */
  APPROVAL_NOT_FOUND: "APPROVAL_NOT_FOUND",
  /** A service the method needs is unavailable for now. */
  UNAVAILABLE: "UNAVAILABLE",
} as const;

/**
 * One of {@link ErrorCodes}.
 *
 * @example
 * ```ts
 * const code: ErrorCode = "FORBIDDEN";
 * ```
 */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * The error payload of a failed gateway request.
 *
 * @example
 * ```ts
 * const e: ErrorShape = { code: "UNAVAILABLE", message: "backend down", retryable: true };
 * ```
 */
export type ErrorShape = { code: ErrorCode; message: string; details?: unknown; retryable?: boolean; retryAfterMs?: number };

/**
 * Builds an {@link ErrorShape}, keeping the optional details and retry hints.
 *
 * @example
 * ```ts
 * respond(false, undefined, errorShape(ErrorCodes.UNAVAILABLE, "try later", { retryable: true, retryAfterMs: 5000 }));
 * ```
 */
export function errorShape(code: ErrorCode, message: string, opts?: { details?: unknown; retryable?: boolean; retryAfterMs?: number }): ErrorShape {
  return { code, message, ...opts };
}
