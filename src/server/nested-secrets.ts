/**
 * Secrets below the top level of a plugin's config (`twilio.authToken`, `accounts.*.token`): masked wherever a
 * config value leaves the server, and recognised when a client sends the masked value back unchanged, so the
 * stored secret is kept instead of being overwritten by its own mask.
 *
 * A path is sensitive when a `uiHints` key marks it (`sensitive: true`; `*` matches any key or array index), or —
 * without a hint for it — when the caller's name rule says so (the same rule the top-level parameters use).
 */
import { isRecord } from "../config/config-data.js";

/** Decides whether a config path (segments below the plugin's config root) holds a secret. */
export type SensitivePathRule = (path: readonly string[]) => boolean;

/**
 * Builds the rule from a manifest's `uiHints`: an explicit hint (`sensitive: true` or `false`) for the path wins,
 * else `byName(lastSegment)`.
 *
 * @example
 * ```ts
 * const rule = sensitivePathRule({ "twilio.authToken": { sensitive: true } }, () => false);
 * rule(["twilio", "authToken"]); // true
 * ```
 */
export function sensitivePathRule(uiHints: Record<string, { sensitive?: unknown }> | undefined, byName: (key: string) => boolean): SensitivePathRule {
  const patterns: { parts: string[]; sensitive: boolean }[] = [];
  for (const [key, hint] of Object.entries(uiHints ?? {})) {
    if (!isRecord(hint) || typeof hint.sensitive !== "boolean") continue;
    patterns.push({ parts: key.replace(/\[\]/g, ".*").split("."), sensitive: hint.sensitive });
  }
  return (path) => {
    const exact = patterns.find((p) => p.parts.length === path.length && p.parts.every((part, i) => part === path[i]));
    const match = exact ?? patterns.find((p) => p.parts.length === path.length && p.parts.every((part, i) => part === "*" || part === path[i]));
    if (match) return match.sensitive;
    const last = path[path.length - 1];
    return last !== undefined && byName(last);
  };
}

const MAX_DEPTH = 64;

/**
 * A copy of `value` (found at `path`) with every sensitive value below it replaced by `mask(value)`. Unset values
 * (`undefined`, `null`, `""`) stay as they are.
 *
 * @example
 * ```ts
 * maskNestedSecrets({ accountSid: "AC1", authToken: "0123456789abcdef" }, ["twilio"], rule, maskSecret);
 * // { accountSid: "AC1", authToken: "0123...cdef" }
 * ```
 */
export function maskNestedSecrets(value: unknown, path: readonly string[], isSensitive: SensitivePathRule, mask: (secret: unknown) => string): unknown {
  return walkMask(value, path, isSensitive, mask, 0);
}

function walkMask(value: unknown, path: readonly string[], isSensitive: SensitivePathRule, mask: (secret: unknown) => string, depth: number): unknown {
  if (depth > MAX_DEPTH) return mask(value);
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      const childPath = [...path, String(index)];
      return isSensitive(childPath) && isSetValue(item) ? mask(item) : walkMask(item, childPath, isSensitive, mask, depth + 1);
    });
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const next = isSensitive(childPath) && isSetValue(child) ? mask(child) : walkMask(child, childPath, isSensitive, mask, depth + 1);
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The value to store for `next` (sent by a client for `path`): wherever `next` holds, at a sensitive path, exactly
 * the mask of the value stored there, the stored value is put back. Everything else is taken from `next`.
 *
 * @example
 * ```ts
 * restoreMaskedSecrets({ accountSid: "AC2", authToken: "0123...cdef" }, { accountSid: "AC1", authToken: "0123456789abcdef" }, ["twilio"], rule, maskSecret);
 * // { accountSid: "AC2", authToken: "0123456789abcdef" }
 * ```
 */
export function restoreMaskedSecrets(
  next: unknown,
  stored: unknown,
  path: readonly string[],
  isSensitive: SensitivePathRule,
  mask: (secret: unknown) => string,
): unknown {
  return walkRestore(next, stored, path, isSensitive, mask, 0);
}

function walkRestore(next: unknown, stored: unknown, path: readonly string[], isSensitive: SensitivePathRule, mask: (secret: unknown) => string, depth: number): unknown {
  if (depth > MAX_DEPTH) return next;
  if (Array.isArray(next)) {
    const storedItems = Array.isArray(stored) ? stored : [];
    return next.map((item, index) => restoreOne(item, storedItems[index], [...path, String(index)], isSensitive, mask, depth));
  }
  if (!isRecord(next)) return next;
  const storedObject = isRecord(stored) ? stored : {};
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(next)) {
    const value = restoreOne(child, Object.hasOwn(storedObject, key) ? storedObject[key] : undefined, [...path, key], isSensitive, mask, depth);
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function restoreOne(next: unknown, stored: unknown, path: readonly string[], isSensitive: SensitivePathRule, mask: (secret: unknown) => string, depth: number): unknown {
  if (isSensitive(path) && isSetValue(stored) && typeof next === "string" && next === mask(stored)) return stored;
  return walkRestore(next, stored, path, isSensitive, mask, depth + 1);
}

function isSetValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}
