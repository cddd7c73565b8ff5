import { describe, expect, it } from "vitest";
import { allowedHostNames, bearerToken, createAuthFailureLimiter, hostNameOf, isLoopbackHost, originAllowed, tokensMatch } from "./security.js";

describe("gatekeeping helpers", () => {
  it("recognises loopback hosts", () => {
    for (const host of ["127.0.0.1", "127.4.5.6", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.1", "example.com"]) expect(isLoopbackHost(host)).toBe(false);
  });

  it("compares tokens in constant time on digests (any length)", () => {
    expect(tokensMatch("secret", "secret")).toBe(true);
    expect(tokensMatch("secret", "secret2")).toBe(false);
    expect(tokensMatch("", "secret")).toBe(false);
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bEaReR   abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it("parses Host headers and checks origins against the allow-list", () => {
    expect(hostNameOf("Example.COM:8080")).toBe("example.com");
    expect(hostNameOf("[::1]:18789")).toBe("::1");
    expect(hostNameOf("127.0.0.1")).toBe("127.0.0.1");
    const hosts = allowedHostNames("0.0.0.0", "gw.example.com, other");
    expect([...hosts].sort()).toEqual(["127.0.0.1", "::1", "gw.example.com", "localhost", "other"]);
    expect(originAllowed("http://localhost:5173", hosts, undefined)).toBe(true);
    expect(originAllowed("https://evil.example", hosts, undefined)).toBe(false);
    expect(originAllowed("null", hosts, undefined)).toBe(false);
    expect(originAllowed("https://evil.example", hosts, "https://evil.example")).toBe(true);
    expect(originAllowed("file:///x", hosts, undefined)).toBe(false);
  });

  it("blocks an address after the limit of failures in the window, then lets it go", () => {
    let now = 1_000;
    const limiter = createAuthFailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) limiter.fail("a");
    expect(limiter.blockedFor("a")).toBe(60_000);
    expect(limiter.blockedFor("b")).toBe(0);
    now += 60_001;
    expect(limiter.blockedFor("a")).toBe(0);
  });
});
