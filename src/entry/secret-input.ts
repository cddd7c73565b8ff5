/**
 * Secret inputs in config: a literal string or a `SecretRef` (`{ source, provider, id }`). Pure checks, no I/O.
 */

/**
 * Where a `SecretRef` is resolved from.
 *
 * @example
 * ```ts
 * const source: SecretRefSource = "env";
 * ```
 */
export type SecretRefSource = "env" | "file" | "exec" | "store";

/**
 * A reference to a secret (for example `{ source: "env", provider: "default", id: "MY_TOKEN" }`).
 *
 * @example
 * ```ts
 * const ref: SecretRef = { source: "env", provider: "default", id: "MY_BOT_TOKEN" };
 * ```
 */
export interface SecretRef {
  source: SecretRefSource;
  provider: string;
  id: string;
}

/**
 * A secret-bearing config value: a literal string or a `SecretRef`.
 *
 * @example
 * ```ts
 * const token: SecretInput = { source: "env", provider: "default", id: "MY_BOT_TOKEN" };
 * ```
 */
export type SecretInput = string | SecretRef;

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

const SOURCES: ReadonlySet<string> = new Set(["env", "file", "exec", "store"]);

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
export function hasConfiguredSecretInput(value: unknown, defaults?: SecretDefaults): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const ref = value as Record<string, unknown>;
  if (typeof ref.source !== "string" || !SOURCES.has(ref.source)) return false;
  if (ref.provider !== undefined && (typeof ref.provider !== "string" || ref.provider.trim() === "")) return false;
  return typeof ref.id === "string" && ref.id.trim() !== "";
}
