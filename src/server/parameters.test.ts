import { describe, expect, it } from "vitest";
import { parsePluginManifest } from "../manifest/read-plugin-manifest.js";
import { describeParameters, isConfigured, isSensitiveKey, maskSecret, mergeConfigUpdate } from "./parameters.js";

const { manifest } = parsePluginManifest(
  JSON.stringify({
    id: "demo",
    configSchema: {
      type: "object",
      required: ["apiKey", "region"],
      properties: { apiKey: { type: "string" }, region: { type: "string", default: "eu" }, botToken: { type: "string" }, label: { type: "string", description: "Shown name" } },
    },
    uiHints: { apiKey: { sensitive: true, label: "API key" }, botToken: { sensitive: false } },
  }),
);

describe("masking", () => {
  it("masks ≤ 8 characters as **** and longer ones as first 4 + ... + last 4", () => {
    expect(maskSecret("12345678")).toBe("****");
    expect(maskSecret("sk-1234567890abcdef")).toBe("sk-1...cdef");
    expect(maskSecret(42)).toBe("****");
  });

  it("takes sensitivity from uiHints, else from the key name", () => {
    expect(isSensitiveKey(manifest, "apiKey")).toBe(true);
    expect(isSensitiveKey(manifest, "botToken")).toBe(false); // the hint says not sensitive
    expect(isSensitiveKey(manifest, "password")).toBe(true);
    expect(isSensitiveKey(manifest, "region")).toBe(false);
  });
});

describe("describeParameters", () => {
  it("lists schema properties with required/sensitive/isSet/currentValue and never a clear secret", () => {
    const params = describeParameters(manifest, { apiKey: "sk-1234567890abcdef", label: "Home" });
    expect(params.map((p) => p.key)).toEqual(["apiKey", "region", "botToken", "label"]);
    expect(params[0]).toMatchObject({ required: true, sensitive: true, isSet: true, currentValue: "sk-1...cdef", label: "API key" });
    expect(params[1]).toMatchObject({ required: true, isSet: false, currentValue: null, defaultValue: "eu" });
    expect(params[3]).toMatchObject({ description: "Shown name", currentValue: "Home" });
    expect(isConfigured(params)).toBe(true); // region has a default
    expect(isConfigured(describeParameters(manifest, {}))).toBe(false);
  });
});

describe("mergeConfigUpdate", () => {
  it("keeps the stored secret when its mask comes back, replaces it otherwise, and removes null keys", () => {
    const stored = { apiKey: "sk-1234567890abcdef", label: "Home" };
    expect(mergeConfigUpdate(manifest, stored, { apiKey: "sk-1...cdef", label: null })).toEqual({ config: { apiKey: "sk-1234567890abcdef" }, keptSecrets: ["apiKey"] });
    expect(mergeConfigUpdate(manifest, stored, { apiKey: "sk-new" }).config.apiKey).toBe("sk-new");
    // a non-sensitive value that happens to look like a mask is taken as given
    expect(mergeConfigUpdate(manifest, { label: "abcdefghijkl" }, { label: "abcd...ijkl" }).config.label).toBe("abcd...ijkl");
    // a short secret masks to ****; sending **** back keeps it
    expect(mergeConfigUpdate(manifest, { apiKey: "short" }, { apiKey: "****" }).config.apiKey).toBe("short");
  });
});
