/**
 * Secret references in config (`{ source, provider, id }` instead of a literal secret).
 */

/**
 * Where a referenced secret lives.
 *
 * @example
 * ```ts
 * const source: SecretRefSource = "env";
 * ```
 */
export type SecretRefSource = "env" | "file" | "exec" | "store";

/**
 * A reference to a secret held by a configured secret provider.
 *
 * @example
 * ```ts
 * const ref: SecretRef = { source: "env", provider: "default", id: "MY_CHAT_TOKEN" };
 * ```
 */
export interface SecretRef {
  source: SecretRefSource;
  provider: string;
  id: string;
}

/**
 * A secret config value: a literal string or a reference.
 *
 * @example
 * ```ts
 * const token: SecretInput = { source: "env", provider: "default", id: "TOKEN" };
 * ```
 */
export type SecretInput = string | SecretRef;

/**
 * True for a well-formed `SecretRef` (known source, non-empty provider and id).
 *
 * @example
 * ```ts
 * if (isSecretRef(account.token)) token = await resolve(account.token);
 * ```
 */
export function isSecretRef(value: unknown): value is SecretRef {
  if (typeof value !== "object" || value === null) return false;
  const ref = value as Record<string, unknown>;
  return (
    (ref.source === "env" || ref.source === "file" || ref.source === "exec" || ref.source === "store") &&
    typeof ref.provider === "string" &&
    ref.provider.trim() !== "" &&
    typeof ref.id === "string" &&
    ref.id.trim() !== ""
  );
}

/**
 * Default provider alias per source, used when a `SecretRef` omits `provider`.
 *
 * @example
 * ```ts
 * const defaults: SecretDefaults = { env: "default" };
 * ```
 */
export interface SecretDefaults {
  env?: string;
  file?: string;
  exec?: string;
  store?: string;
}

/**
 * Whether `value` configures a secret: a non-blank string, or a `SecretRef`-shaped object with a known `source`
 * and a non-blank `id` (a missing `provider` is fine: it falls back to `defaults[source]` or `"default"`).
 *
 * @example
 * ```ts
 * hasConfiguredSecretInput("  "); // false
 * hasConfiguredSecretInput({ source: "env", id: "MY_BOT_TOKEN" }); // true
 * ```
 */
export function hasConfiguredSecretInput(value: unknown, _defaults?: SecretDefaults): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const ref = value as Record<string, unknown>;
  if (ref.source !== "env" && ref.source !== "file" && ref.source !== "exec" && ref.source !== "store") return false;
  if (ref.provider !== undefined && (typeof ref.provider !== "string" || ref.provider.trim() === "")) return false;
  return typeof ref.id === "string" && ref.id.trim() !== "";
}
