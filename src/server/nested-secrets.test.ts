import { describe, expect, it } from "vitest";
import { maskNestedSecrets, restoreMaskedSecrets, sensitivePathRule } from "./nested-secrets.js";

const mask = (value: unknown) => (typeof value === "string" && value.length > 8 ? `${value.slice(0, 4)}...${value.slice(-4)}` : "****");
const byName = (key: string) => /token|secret/i.test(key);
const SECRET = "twilio-secret-9f8e7d6c5b4a";

describe("sensitivePathRule", () => {
  const rule = sensitivePathRule({ "twilio.authToken": { sensitive: true }, "accounts.*.key": { sensitive: true }, "public.token": { sensitive: false } }, byName);
  it("uses exact and wildcard hints first, then the name rule", () => {
    expect(rule(["twilio", "authToken"])).toBe(true);
    expect(rule(["accounts", "main", "key"])).toBe(true);
    expect(rule(["accounts", "0", "key"])).toBe(true);
    expect(rule(["public", "token"])).toBe(false);
    expect(rule(["other", "refreshToken"])).toBe(true);
    expect(rule(["twilio", "accountSid"])).toBe(false);
  });
});

describe("maskNestedSecrets / restoreMaskedSecrets", () => {
  const rule = sensitivePathRule({ "twilio.authToken": { sensitive: true }, "accounts.*.key": { sensitive: true } }, () => false);

  it("masks secrets at any depth, in arrays too, and leaves unset values and the input alone", () => {
    const stored = { accountSid: "AC1", authToken: SECRET };
    expect(maskNestedSecrets(stored, ["twilio"], rule, mask)).toEqual({ accountSid: "AC1", authToken: "twil...5b4a" });
    expect(stored.authToken).toBe(SECRET);
    expect(maskNestedSecrets({ authToken: "" }, ["twilio"], rule, mask)).toEqual({ authToken: "" });
    expect(maskNestedSecrets([{ key: "k-1234567890" }, { key: null }], ["accounts"], rule, mask)).toEqual([{ key: "k-12...7890" }, { key: null }]);
    expect(maskNestedSecrets("plain", ["provider"], rule, mask)).toBe("plain");
  });

  it("keeps the stored secret when its mask comes back unchanged, takes new values otherwise", () => {
    const stored = { accountSid: "AC1", authToken: SECRET };
    expect(restoreMaskedSecrets({ accountSid: "AC2", authToken: "twil...5b4a" }, stored, ["twilio"], rule, mask)).toEqual({ accountSid: "AC2", authToken: SECRET });
    expect(restoreMaskedSecrets({ accountSid: "AC2", authToken: "new-secret-value" }, stored, ["twilio"], rule, mask)).toEqual({ accountSid: "AC2", authToken: "new-secret-value" });
    expect(restoreMaskedSecrets({ accountSid: "AC2" }, stored, ["twilio"], rule, mask)).toEqual({ accountSid: "AC2" });
    // a non-sensitive field that happens to equal a mask is taken as sent
    expect(restoreMaskedSecrets({ accountSid: "****" }, { accountSid: "short" }, ["twilio"], rule, mask)).toEqual({ accountSid: "****" });
  });

  it("does not let __proto__ keys reach the prototype", () => {
    const next = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const out = restoreMaskedSecrets(next, {}, ["x"], rule, mask) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const masked = maskNestedSecrets(next, ["x"], rule, mask) as Record<string, unknown>;
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
  });
});
