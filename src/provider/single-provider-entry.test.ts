import { describe, expect, it } from "vitest";
import { createTestPluginApi } from "../host/test-api.js";
import type { ProviderPlugin } from "../contract/plugin-api.js";
import { createProviderApiKeyAuthMethod, defineSingleProviderPluginEntry } from "./single-provider-entry.js";

describe("createProviderApiKeyAuthMethod", () => {
  const method = createProviderApiKeyAuthMethod({
    providerId: "acme",
    methodId: "api-key",
    label: "Acme API key",
    envVar: "ACME_API_KEY",
    optionKey: "acmeApiKey",
  });

  it("takes the key from the option, then the environment, then the prompter", async () => {
    expect(method.kind).toBe("api_key");
    const fromOption = await method.run({ config: {}, opts: { acmeApiKey: " k1 " }, env: { ACME_API_KEY: "k2" } } as never);
    expect(fromOption.profiles).toEqual([{ profileId: "acme:default", credential: { type: "api_key", provider: "acme", key: "k1" } }]);
    const fromEnv = await method.run({ config: {}, env: { ACME_API_KEY: "k2" } } as never);
    expect((fromEnv.profiles[0] as { credential: { key: string } }).credential.key).toBe("k2");
    const prompted = await method.run({ config: {}, env: {}, prompter: { text: async () => "k3" } } as never);
    expect((prompted.profiles[0] as { credential: { key: string } }).credential.key).toBe("k3");
  });

  it("fails with the places it looked when there is no key", async () => {
    await expect(method.run({ config: {}, env: {} } as never)).rejects.toThrow("Acme API key: no API key given (set --acmeApiKey or ACME_API_KEY).");
  });
});

describe("defineSingleProviderPluginEntry", () => {
  it("registers one provider whose catalog offers the models when the key is set", async () => {
    const entry = defineSingleProviderPluginEntry({
      id: "acme",
      name: "Acme",
      description: "Acme models",
      provider: {
        label: "Acme",
        auth: [{ methodId: "api-key", label: "Acme API key", envVar: "ACME_API_KEY" }],
        catalog: { buildProvider: () => ({ baseUrl: "https://api.acme.test/v1", api: "openai-completions", models: [{ id: "acme-large" }] }) },
      },
    });
    const api = createTestPluginApi({ id: "acme" });
    entry.register(api);
    const registered = api.recorded.registrations.providers.map((entry) => entry.value as ProviderPlugin);
    expect(registered).toHaveLength(1);
    const provider = registered[0]!;
    expect(provider).toMatchObject({ id: "acme", label: "Acme", envVars: ["ACME_API_KEY"] });
    expect(provider.auth.map((auth) => auth.id)).toEqual(["api-key"]);
    expect(await provider.catalog!.run({ config: {}, env: {} })).toBeNull();
    expect(await provider.catalog!.run({ config: {}, env: { ACME_API_KEY: "secret" } })).toEqual({
      provider: { baseUrl: "https://api.acme.test/v1", api: "openai-completions", models: [{ id: "acme-large" }], apiKey: "secret" },
    });
  });
});
