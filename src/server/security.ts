/**
 * Request gatekeeping of the management API, in this order: Host-header allow-list (DNS-rebinding defence) → Origin
 * check (browsers) → failed-auth rate limit → bearer token. Tokens are compared in constant time on SHA-256 digests
 * (`timingSafeEqual` on equal-length buffers, so not even the length leaks).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/** Failed authentications allowed per client address per window before 429. */
export const AUTH_FAILURE_LIMIT = 20;
/** The failed-auth window (ms). */
export const AUTH_FAILURE_WINDOW_MS = 60_000;

/**
 * Whether `host` is a loopback address or `localhost`.
 *
 * @example
 * ```ts
 * isLoopbackHost("127.0.0.1"); // true
 * isLoopbackHost("0.0.0.0"); // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::ffff:127.0.0.1";
}

/**
 * Constant-time comparison of a presented token with the configured one.
 *
 * @example
 * ```ts
 * tokensMatch("abc", "abc"); // true
 * ```
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/**
 * The bearer token of an `Authorization` header (scheme case-insensitive), else `undefined`.
 *
 * @example
 * ```ts
 * bearerToken("bearer abc"); // "abc"
 * ```
 */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^bearer\s+(\S.*)$/i.exec(header?.trim() ?? "");
  return match?.[1]?.trim();
}

/**
 * Host names a request may name in its `Host` header: loopback names, the bound host, and
 * `OPENCLAW_API_ALLOWED_HOSTS` (comma-separated).
 *
 * @example
 * ```ts
 * allowedHostNames("0.0.0.0", "gw.example.com"); // Set { "localhost", "127.0.0.1", "::1", "gw.example.com" }
 * ```
 */
export function allowedHostNames(bindHost: string, extra: string | undefined): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "::1"]);
  const bound = bindHost.replace(/^\[|\]$/g, "").toLowerCase();
  if (bound !== "0.0.0.0" && bound !== "::") names.add(bound);
  for (const name of (extra ?? "").split(",")) if (name.trim()) names.add(name.trim().toLowerCase());
  return names;
}

/**
 * The host name of a `Host` header value (no port; IPv6 without brackets), lowercased.
 *
 * @example
 * ```ts
 * hostNameOf("[::1]:8080"); // "::1"
 * ```
 */
export function hostNameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  const colon = value.lastIndexOf(":");
  return colon > 0 && value.indexOf(":") === colon ? value.slice(0, colon) : value;
}

/**
 * Whether a browser `Origin` may call the API: `http(s)://<allowed host>[:port]`, or listed in
 * `OPENCLAW_API_ALLOWED_ORIGINS` (comma-separated, exact). `null` origins are refused.
 *
 * @example
 * ```ts
 * originAllowed("http://127.0.0.1:18789", hosts, undefined); // true
 * originAllowed("https://evil.example", hosts, undefined); // false
 * ```
 */
export function originAllowed(origin: string, hosts: ReadonlySet<string>, extra: string | undefined): boolean {
  const listed = (extra ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (listed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    return hosts.has(url.hostname.replace(/^\[|\]$/g, "").toLowerCase());
  } catch {
    return false;
  }
}

/**
 * Counts failed authentications per client address in a sliding window.
 *
 * @example
 * ```ts
 * const limiter = createAuthFailureLimiter();
 * if (limiter.blockedFor("127.0.0.1") > 0) return 429;
 * ```
 */
export interface AuthFailureLimiter {
  /** Milliseconds until `address` may try again (0 = not blocked). */
  blockedFor(address: string): number;
  fail(address: string): void;
}

/**
 * Creates an {@link AuthFailureLimiter} ({@link AUTH_FAILURE_LIMIT} per {@link AUTH_FAILURE_WINDOW_MS}).
 *
 * @example
 * ```ts
 * const limiter = createAuthFailureLimiter();
 * ```
 */
export function createAuthFailureLimiter(limit = AUTH_FAILURE_LIMIT, windowMs = AUTH_FAILURE_WINDOW_MS, now: () => number = Date.now): AuthFailureLimiter {
  const failures = new Map<string, number[]>();
  const recent = (address: string): number[] => {
    const cutoff = now() - windowMs;
    const list = (failures.get(address) ?? []).filter((at) => at > cutoff);
    if (list.length === 0) failures.delete(address);
    else failures.set(address, list);
    return list;
  };
  return {
    blockedFor(address) {
      const list = recent(address);
      return list.length >= limit ? Math.max(1, list[0]! + windowMs - now()) : 0;
    },
    fail(address) {
      const list = recent(address);
      list.push(now());
      failures.set(address, list);
      // bounded memory under a flood of addresses
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
  };
}
