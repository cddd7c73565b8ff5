import { describe, expect, it } from "vitest";
import type { OpenClawConfig } from "../contract/config.js";
import { findNormalizedProviderKey, normalizeProviderId, type ModelDefinitionConfig } from "./model-config.js";
import {
  applyAgentDefaultModelPrimary,
  applyProviderConfigWithDefaultModel,
  applyProviderConfigWithModelCatalogPreset,
  createAliasOnlyPresetAppliers,
  createDefaultModelPresetAppliers,
  ensureModelAllowlistEntry,
  resolveAgentModelFallbackValues,
} from "./onboard.js";

const model = (id: string): ModelDefinitionConfig => ({ id, name: id, reasoning: false, input: ["text"], cost: { input: 0, output: 0 }, maxTokens: 1000 });
type Shape = {
  agents?: { defaults?: { model?: unknown; models?: Record<string, { alias?: string }> } };
  models?: { mode?: string; providers?: Record<string, { baseUrl: string; api?: string; apiKey?: unknown; models: ModelDefinitionConfig[] }> };
};
const view = (cfg: OpenClawConfig): Shape => cfg as unknown as Shape;

describe("provider ids", () => {
  it("normalises and finds provider keys", () => {
    expect(normalizeProviderId(" OpenRouter ")).toBe("openrouter");
    expect(findNormalizedProviderKey({ OpenAI: 1 }, "openai")).toBe("OpenAI");
  });
});

describe("provider onboarding", () => {
  it("sets the default model and keeps fallbacks, without touching the input", () => {
    const cfg = { agents: { defaults: { model: { primary: "old/x", fallbacks: ["f/1"] } } } } as OpenClawConfig;
    const next = applyAgentDefaultModelPrimary(cfg, "acme/large");
    expect(view(next).agents?.defaults?.model).toEqual({ fallbacks: ["f/1"], primary: "acme/large" });
    expect(view(cfg).agents?.defaults?.model).toEqual({ primary: "old/x", fallbacks: ["f/1"] });
    expect(resolveAgentModelFallbackValues(view(next).agents?.defaults?.model)).toEqual(["f/1"]);
  });

  it("writes a provider, keeps the user's models and api key, seeds the default model once", () => {
    const cfg = { models: { providers: { ACME: { baseUrl: "old", apiKey: " k ", models: [model("mine")] } } } } as unknown as OpenClawConfig;
    const next = view(applyProviderConfigWithDefaultModel(cfg, { providerId: "acme", baseUrl: "https://acme.test", api: "openai-completions", defaultModel: model("large") }));
    expect(Object.keys(next.models?.providers ?? {})).toEqual(["acme"]);
    expect(next.models?.mode).toBe("merge");
    expect(next.models?.providers?.acme).toMatchObject({ baseUrl: "https://acme.test", api: "openai-completions", apiKey: "k" });
    expect(next.models?.providers?.acme?.models.map((m) => m.id)).toEqual(["mine", "large"]);
    const again = view(applyProviderConfigWithDefaultModel(next as OpenClawConfig, { providerId: "acme", baseUrl: "https://acme.test", defaultModel: model("large") }));
    expect(again.models?.providers?.acme?.models.map((m) => m.id)).toEqual(["mine", "large"]);
  });

  it("applies a catalog preset with aliases and sets the primary only when none is set", () => {
    const fresh = view(
      applyProviderConfigWithModelCatalogPreset({} as OpenClawConfig, {
        providerId: "acme",
        baseUrl: "u",
        catalogModels: () => [model("a"), model("b")],
        aliases: [{ modelRef: "acme/a", alias: "Acme" }],
        primaryModelRef: "acme/a",
      }),
    );
    expect(fresh.models?.providers?.acme?.models.map((m) => m.id)).toEqual(["a", "b"]);
    expect(fresh.agents?.defaults?.models?.["acme/a"]).toEqual({ alias: "Acme" });
    expect(fresh.agents?.defaults?.model).toEqual({ primary: "acme/a" });
    const kept = view(
      applyProviderConfigWithModelCatalogPreset({ agents: { defaults: { model: "other/m" } } } as OpenClawConfig, {
        providerId: "acme",
        baseUrl: "u",
        catalogModels: [model("a")],
        primaryModelRef: "acme/a",
      }),
    );
    expect(kept.agents?.defaults?.model).toBe("other/m");
  });

  it("builds preset appliers", () => {
    const appliers = createDefaultModelPresetAppliers({
      primaryModelRef: "acme/large",
      resolveParams: (_cfg, enabled: boolean) => (enabled ? { providerId: "acme", baseUrl: "u", defaultModel: model("large") } : null),
    });
    const cfg = {} as OpenClawConfig;
    expect(appliers.applyConfig(cfg, false)).toBe(cfg);
    expect(view(appliers.applyProviderConfig(cfg, true)).agents?.defaults?.model).toBeUndefined();
    expect(view(appliers.applyConfig(cfg, true)).agents?.defaults?.model).toEqual({ primary: "acme/large" });
    const alias = createAliasOnlyPresetAppliers({ modelRef: "gw/m", alias: "GW" });
    const aliased = view(alias.applyConfig({ agents: { defaults: { models: { "gw/m": { alias: "Mine" } } } } } as unknown as OpenClawConfig));
    expect(aliased.agents?.defaults?.models?.["gw/m"]).toEqual({ alias: "Mine" });
    expect(aliased.agents?.defaults?.model).toEqual({ primary: "gw/m" });
    expect(Object.keys(view(ensureModelAllowlistEntry({ cfg, modelRef: "gpt-x" })).agents?.defaults?.models ?? {})).toEqual(["gpt-x", "openai/gpt-x"]);
  });
});
