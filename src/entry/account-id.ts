/**
 * Channel account ids.
 */

/**
 * The account id used when a channel has a single, unnamed account.
 *
 * @example
 * ```ts
 * const id = accountId ?? DEFAULT_ACCOUNT_ID; // "default"
 * ```
 */
export const DEFAULT_ACCOUNT_ID = "default" as const;

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Normalizes an account id to the form used as a config key: trimmed, lower-case, runs of characters other than
 * `a-z 0-9 _ -` replaced by `-`, at most 64 characters. Empty or unsafe input gives `undefined`.
 *
 * @example
 * ```ts
 * normalizeOptionalAccountId("  Work Bot "); // "work-bot"
 * normalizeOptionalAccountId(""); // undefined
 * ```
 */
export function normalizeOptionalAccountId(value: string | undefined | null): string | undefined {
  if (typeof value !== "string") return undefined;
  const normalized = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
  if (normalized === "" || UNSAFE_KEYS.has(normalized)) return undefined;
  return normalized;
}

/**
 * Like `normalizeOptionalAccountId`, but empty input gives `DEFAULT_ACCOUNT_ID`.
 *
 * @example
 * ```ts
 * normalizeAccountId(undefined); // "default"
 * normalizeAccountId("Team A"); // "team-a"
 * ```
 */
export function normalizeAccountId(value: string | undefined | null): string {
  return normalizeOptionalAccountId(value) ?? DEFAULT_ACCOUNT_ID;
}
