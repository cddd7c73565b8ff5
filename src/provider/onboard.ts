/**
 * Onboarding a model provider into gateway config: writing `models.providers.<id>` (merging with what the user has),
 * model aliases under `agents.defaults.models`, and the default model `agents.defaults.model.primary`. Every function
 * returns a new config and leaves its input untouched.
 */
import type { OpenClawConfig } from "../contract/config.js";
import { findNormalizedProviderKey, normalizeProviderId, type ModelDefinitionConfig, type ModelProviderConfig } from "./model-config.js";

/**
 * Per-model settings under `agents.defaults.models["<provider>/<model>"]`.
 *
 * @example
 * ```ts
 * const entry: AgentModelEntryConfig = { alias: "acme" };
 * ```
 */
export type AgentModelEntryConfig = { alias?: string; [key: string]: unknown };

/**
 * A model alias to add: a model ref, or a ref with its alias.
 *
 * @example
 * ```ts
 * const alias: AgentModelAliasEntry = { modelRef: "acme/large", alias: "acme" };
 * ```
 */
export type AgentModelAliasEntry = string | { modelRef: string; alias?: string };

/**
 * Models of a preset, or a function producing them (called when the preset is applied).
 *
 * @example
 * ```ts
 * const models: ProviderPresetModels = () => [largeModel];
 * ```
 */
export type ProviderPresetModels = ModelDefinitionConfig[] | (() => ModelDefinitionConfig[]);

/**
 * The two appliers a provider's setup exposes: `applyProviderConfig` writes the provider; `applyConfig` also makes
 * the preset's model the default when the user has no default model.
 *
 * @example
 * ```ts
 * const next = appliers.applyConfig(cfg);
 * ```
 */
export type ProviderOnboardPresetAppliers<TArgs extends unknown[] = []> = {
  applyProviderConfig(cfg: OpenClawConfig, ...args: TArgs): OpenClawConfig;
  applyConfig(cfg: OpenClawConfig, ...args: TArgs): OpenClawConfig;
};

type Defaults = { model?: unknown; models?: Record<string, AgentModelEntryConfig>; [key: string]: unknown };
type ModelsSection = { mode?: string; providers?: Record<string, ModelProviderConfig>; [key: string]: unknown };

const defaultsOf = (cfg: OpenClawConfig): Defaults | undefined => cfg.agents?.defaults as Defaults | undefined;
const modelsOf = (cfg: OpenClawConfig): ModelsSection | undefined => (cfg as { models?: ModelsSection }).models;

function withDefaults(cfg: OpenClawConfig, defaults: Defaults): OpenClawConfig {
  return { ...cfg, agents: { ...cfg.agents, defaults } } as OpenClawConfig;
}

function primaryOf(model: unknown): string | undefined {
  if (typeof model === "string") return model.trim() || undefined;
  if (model && typeof model === "object" && typeof (model as { primary?: unknown }).primary === "string") {
    return (model as { primary: string }).primary.trim() || undefined;
  }
  return undefined;
}

/**
 * The default model ref (`agents.defaults.model`, a string or `{ primary }`), if set.
 *
 * @example
 * ```ts
 * resolveAgentModelPrimaryValue(cfg.agents?.defaults?.model); // "anthropic/claude-opus-4-6"
 * ```
 */
export function resolveAgentModelPrimaryValue(model: unknown): string | undefined {
  return primaryOf(model);
}

/**
 * The fallback model refs of `agents.defaults.model` (`{ fallbacks }`), or `[]`.
 *
 * @example
 * ```ts
 * resolveAgentModelFallbackValues({ primary: "a/b", fallbacks: ["c/d"] }); // ["c/d"]
 * ```
 */
export function resolveAgentModelFallbackValues(model: unknown): string[] {
  if (!model || typeof model !== "object") return [];
  const fallbacks = (model as { fallbacks?: unknown }).fallbacks;
  return Array.isArray(fallbacks) ? fallbacks.filter((entry): entry is string => typeof entry === "string" && entry.trim() !== "").map((entry) => entry.trim()) : [];
}

/**
 * Sets the default model (`agents.defaults.model.primary`), keeping its fallbacks.
 *
 * @example
 * ```ts
 * const next = applyAgentDefaultModelPrimary(cfg, "acme/large");
 * ```
 */
export function applyAgentDefaultModelPrimary(cfg: OpenClawConfig, primary: string): OpenClawConfig {
  const defaults = defaultsOf(cfg);
  const fallbacks = defaults?.model && typeof defaults.model === "object" ? resolveAgentModelFallbackValues(defaults.model) : undefined;
  const model = { ...(fallbacks && fallbacks.length > 0 ? { fallbacks } : {}), primary: primary.trim() };
  return withDefaults(cfg, { ...defaults, model });
}

/**
 * Adds model aliases to an `agents.defaults.models` map; an alias the user already set is kept.
 *
 * @example
 * ```ts
 * withAgentModelAliases(cfg.agents?.defaults?.models as never, [{ modelRef: "acme/large", alias: "acme" }]);
 * ```
 */
export function withAgentModelAliases(
  existing: Record<string, AgentModelEntryConfig> | undefined,
  aliases: readonly AgentModelAliasEntry[],
): Record<string, AgentModelEntryConfig> {
  const next: Record<string, AgentModelEntryConfig> = { ...existing };
  for (const raw of aliases) {
    const entry = typeof raw === "string" ? { modelRef: raw } : raw;
    const ref = entry.modelRef.trim();
    if (!ref) continue;
    const current = next[ref];
    next[ref] = { ...current, ...(entry.alias ? { alias: current?.alias ?? entry.alias } : {}) };
  }
  return next;
}

/**
 * Makes sure `agents.defaults.models` has an entry for a model ref (so an allowlist admits it).
 *
 * @example
 * ```ts
 * const next = ensureModelAllowlistEntry({ cfg, modelRef: "acme/large" });
 * ```
 */
export function ensureModelAllowlistEntry(params: { cfg: OpenClawConfig; modelRef: string; defaultProvider?: string }): OpenClawConfig {
  const ref = params.modelRef.trim();
  if (!ref) return params.cfg;
  const defaults = defaultsOf(params.cfg);
  const models = { ...defaults?.models };
  const keys = new Set([ref]);
  if (!ref.includes("/")) keys.add(`${normalizeProviderId(params.defaultProvider ?? "openai")}/${ref}`);
  for (const key of keys) models[key] = { ...models[key] };
  return withDefaults(params.cfg, { ...defaults, models });
}

/**
 * Merges model aliases into `agents.defaults.models` and provider entries into `models.providers` (a provider's
 * `apiKey`, `auth`, `authHeader` and `headers` are replaced, not merged; other keys are merged; keys that differ only
 * in case are folded into the new one). `models.mode` defaults to `merge`.
 *
 * @example
 * ```ts
 * const next = applyOnboardAuthAgentModelsAndProviders(cfg, { agentModels: {}, providers: { acme: provider } });
 * ```
 */
export function applyOnboardAuthAgentModelsAndProviders(
  cfg: OpenClawConfig,
  params: { agentModels: Record<string, AgentModelEntryConfig>; providers: Record<string, ModelProviderConfig> },
): OpenClawConfig {
  const defaults = defaultsOf(cfg);
  const existing = modelsOf(cfg)?.providers ?? {};
  const providers: Record<string, ModelProviderConfig> = { ...existing };
  for (const [id, patch] of Object.entries(params.providers)) {
    const previousKey = findNormalizedProviderKey(existing, id);
    const previous = previousKey !== undefined ? existing[previousKey] : undefined;
    for (const key of Object.keys(providers)) if (key !== id && normalizeProviderId(key) === normalizeProviderId(id)) delete providers[key];
    if (!previous || typeof previous !== "object") {
      providers[id] = patch;
      continue;
    }
    const merged: ModelProviderConfig = { ...previous, ...patch };
    for (const key of ["apiKey", "auth", "authHeader", "headers"]) if (!(key in patch)) delete merged[key];
    providers[id] = merged;
  }
  const next = withDefaults(cfg, { ...defaults, models: { ...defaults?.models, ...params.agentModels } });
  const section = modelsOf(cfg);
  return { ...next, models: { ...section, mode: section?.mode ?? "merge", providers } } as OpenClawConfig;
}

/**
 * What every provider write needs: the provider id, its base URL and API, and model aliases to merge.
 *
 * @example
 * ```ts
 * const write: ProviderConfigWriteParams = { providerId: "acme", baseUrl: "https://api.acme.test/v1", api: "openai-completions" };
 * ```
 */
export type ProviderConfigWriteParams = { providerId: string; api?: string; baseUrl: string; agentModels?: Record<string, AgentModelEntryConfig> };

function writeProvider(cfg: OpenClawConfig, params: ProviderConfigWriteParams, merge: (existing: ModelDefinitionConfig[]) => ModelDefinitionConfig[]): OpenClawConfig {
  const existingProviders = modelsOf(cfg)?.providers ?? {};
  const key = Object.hasOwn(existingProviders, params.providerId) ? params.providerId : findNormalizedProviderKey(existingProviders, params.providerId);
  const previous = key !== undefined ? existingProviders[key] : undefined;
  const existingModels = Array.isArray(previous?.models) ? previous.models : [];
  const { apiKey, ...rest } = previous ?? ({} as Partial<ModelProviderConfig>);
  const trimmedKey = typeof apiKey === "string" ? apiKey.trim() : undefined;
  const provider: ModelProviderConfig = {
    ...rest,
    baseUrl: params.baseUrl,
    ...(params.api !== undefined ? { api: params.api } : {}),
    ...(trimmedKey ? { apiKey: trimmedKey } : apiKey && typeof apiKey === "object" ? { apiKey } : {}),
    models: merge(existingModels),
  };
  return applyOnboardAuthAgentModelsAndProviders(cfg, { agentModels: params.agentModels ?? {}, providers: { [params.providerId]: provider } });
}

/**
 * Writes a provider (base URL, API) and seeds its default models when the user's entry does not have the default
 * model yet (`defaultModelId`, else the first default model); models the user already has stay first.
 *
 * @example
 * ```ts
 * applyProviderConfigWithDefaultModels(cfg, { providerId: "acme", baseUrl: URL, api: "openai-completions", defaultModels: [large] });
 * ```
 */
export function applyProviderConfigWithDefaultModels(
  cfg: OpenClawConfig,
  params: ProviderConfigWriteParams & { defaultModels: ModelDefinitionConfig[]; defaultModelId?: string },
): OpenClawConfig {
  const defaultId = params.defaultModelId ?? params.defaultModels[0]?.id;
  return writeProvider(cfg, params, (existing) => {
    if (existing.length === 0) return params.defaultModels;
    const hasDefault = defaultId ? existing.some((model) => model.id === defaultId) : true;
    return hasDefault || params.defaultModels.length === 0 ? existing : [...existing, ...params.defaultModels];
  });
}

/**
 * {@link applyProviderConfigWithDefaultModels} with one default model.
 *
 * @example
 * ```ts
 * applyProviderConfigWithDefaultModel(cfg, { providerId: "acme", baseUrl: URL, defaultModel: large });
 * ```
 */
export function applyProviderConfigWithDefaultModel(
  cfg: OpenClawConfig,
  params: ProviderConfigWriteParams & { defaultModel: ModelDefinitionConfig; defaultModelId?: string },
): OpenClawConfig {
  return applyProviderConfigWithDefaultModels(cfg, { ...params, defaultModels: [params.defaultModel], defaultModelId: params.defaultModelId ?? params.defaultModel.id });
}

/**
 * Writes a provider with a model catalog: the user's models first, then catalog models they do not have.
 *
 * @example
 * ```ts
 * applyProviderConfigWithModelCatalog(cfg, { providerId: "acme", baseUrl: URL, catalogModels: CATALOG });
 * ```
 */
export function applyProviderConfigWithModelCatalog(cfg: OpenClawConfig, params: ProviderConfigWriteParams & { catalogModels: ModelDefinitionConfig[] }): OpenClawConfig {
  return writeProvider(cfg, params, (existing) =>
    existing.length === 0 ? params.catalogModels : [...existing, ...params.catalogModels.filter((model) => !existing.some((have) => have.id === model.id))],
  );
}

/**
 * What every provider preset needs: the provider, aliases to add, and the model to make the default when none is set.
 *
 * @example
 * ```ts
 * const preset: ProviderPresetParams = { providerId: "acme", baseUrl: URL, primaryModelRef: "acme/large" };
 * ```
 */
export type ProviderPresetParams = { providerId: string; api?: string; baseUrl: string; aliases?: readonly AgentModelAliasEntry[]; primaryModelRef?: string };

function finishPreset(cfg: OpenClawConfig, next: OpenClawConfig, primaryModelRef: string | undefined): OpenClawConfig {
  return primaryModelRef && primaryOf(defaultsOf(cfg)?.model) === undefined ? applyAgentDefaultModelPrimary(next, primaryModelRef) : next;
}
const resolveModels = (models: ProviderPresetModels): ModelDefinitionConfig[] => (typeof models === "function" ? models() : models);

/**
 * {@link applyProviderConfigWithDefaultModels} plus aliases, and `primaryModelRef` as the default model when the user
 * has none.
 *
 * @example
 * ```ts
 * applyProviderConfigWithDefaultModelsPreset(cfg, { providerId: "acme", baseUrl: URL, defaultModels: [large], primaryModelRef: "acme/large" });
 * ```
 */
export function applyProviderConfigWithDefaultModelsPreset(
  cfg: OpenClawConfig,
  params: ProviderPresetParams & { defaultModels: ProviderPresetModels; defaultModelId?: string },
): OpenClawConfig {
  const next = applyProviderConfigWithDefaultModels(cfg, {
    ...params,
    agentModels: withAgentModelAliases(defaultsOf(cfg)?.models, params.aliases ?? []),
    defaultModels: resolveModels(params.defaultModels),
  });
  return finishPreset(cfg, next, params.primaryModelRef);
}

/**
 * {@link applyProviderConfigWithDefaultModelsPreset} with one default model.
 *
 * @example
 * ```ts
 * applyProviderConfigWithDefaultModelPreset(cfg, { providerId: "acme", baseUrl: URL, defaultModel: large, primaryModelRef: "acme/large" });
 * ```
 */
export function applyProviderConfigWithDefaultModelPreset(
  cfg: OpenClawConfig,
  params: ProviderPresetParams & { defaultModel: ModelDefinitionConfig; defaultModelId?: string },
): OpenClawConfig {
  return applyProviderConfigWithDefaultModelsPreset(cfg, { ...params, defaultModels: [params.defaultModel] });
}

/**
 * {@link applyProviderConfigWithModelCatalog} plus aliases, and `primaryModelRef` as the default model when the user
 * has none.
 *
 * @example
 * ```ts
 * applyProviderConfigWithModelCatalogPreset(cfg, { providerId: "acme", baseUrl: URL, catalogModels: CATALOG, primaryModelRef: "acme/large" });
 * ```
 */
export function applyProviderConfigWithModelCatalogPreset(cfg: OpenClawConfig, params: ProviderPresetParams & { catalogModels: ProviderPresetModels }): OpenClawConfig {
  const next = applyProviderConfigWithModelCatalog(cfg, {
    ...params,
    agentModels: withAgentModelAliases(defaultsOf(cfg)?.models, params.aliases ?? []),
    catalogModels: resolveModels(params.catalogModels),
  });
  return finishPreset(cfg, next, params.primaryModelRef);
}

function presetAppliers<TArgs extends unknown[], TPreset extends { primaryModelRef?: string }>(
  resolveParams: (cfg: OpenClawConfig, ...args: TArgs) => Omit<TPreset, "primaryModelRef"> | null | undefined,
  apply: (cfg: OpenClawConfig, preset: TPreset) => OpenClawConfig,
  primaryModelRef: string,
): ProviderOnboardPresetAppliers<TArgs> {
  return {
    applyProviderConfig(cfg, ...args) {
      const preset = resolveParams(cfg, ...args);
      return preset ? apply(cfg, preset as TPreset) : cfg;
    },
    applyConfig(cfg, ...args) {
      const preset = resolveParams(cfg, ...args);
      return preset ? apply(cfg, { ...preset, primaryModelRef } as TPreset) : cfg;
    },
  };
}

/**
 * Setup appliers for a preset with one default model; `resolveParams` returns the preset (or `null` to leave the
 * config as it is).
 *
 * @example
 * ```ts
 * const appliers = createDefaultModelPresetAppliers({
 *   primaryModelRef: "acme/large",
 *   resolveParams: () => ({ providerId: "acme", baseUrl: URL, api: "openai-completions", defaultModel: large }),
 * });
 * ```
 */
export function createDefaultModelPresetAppliers<TArgs extends unknown[] = []>(params: {
  primaryModelRef: string;
  resolveParams: (cfg: OpenClawConfig, ...args: TArgs) => Omit<Parameters<typeof applyProviderConfigWithDefaultModelPreset>[1], "primaryModelRef"> | null | undefined;
}): ProviderOnboardPresetAppliers<TArgs> {
  return presetAppliers(params.resolveParams, applyProviderConfigWithDefaultModelPreset, params.primaryModelRef);
}

/**
 * Setup appliers for a preset with several default models.
 *
 * @example
 * ```ts
 * createDefaultModelsPresetAppliers({ primaryModelRef: "acme/large", resolveParams: () => ({ providerId: "acme", baseUrl: URL, defaultModels: [large, small] }) });
 * ```
 */
export function createDefaultModelsPresetAppliers<TArgs extends unknown[] = []>(params: {
  primaryModelRef: string;
  resolveParams: (cfg: OpenClawConfig, ...args: TArgs) => Omit<Parameters<typeof applyProviderConfigWithDefaultModelsPreset>[1], "primaryModelRef"> | null | undefined;
}): ProviderOnboardPresetAppliers<TArgs> {
  return presetAppliers(params.resolveParams, applyProviderConfigWithDefaultModelsPreset, params.primaryModelRef);
}

/**
 * Setup appliers for a preset backed by a model catalog.
 *
 * @example
 * ```ts
 * createModelCatalogPresetAppliers({ primaryModelRef: "acme/large", resolveParams: () => ({ providerId: "acme", baseUrl: URL, catalogModels: CATALOG }) });
 * ```
 */
export function createModelCatalogPresetAppliers<TArgs extends unknown[] = []>(params: {
  primaryModelRef: string;
  resolveParams: (cfg: OpenClawConfig, ...args: TArgs) => Omit<Parameters<typeof applyProviderConfigWithModelCatalogPreset>[1], "primaryModelRef"> | null | undefined;
}): ProviderOnboardPresetAppliers<TArgs> {
  return presetAppliers(params.resolveParams, applyProviderConfigWithModelCatalogPreset, params.primaryModelRef);
}

/**
 * Setup appliers that only add an alias for a model ref (no provider entry); `applyConfig` also makes it the default.
 *
 * @example
 * ```ts
 * const appliers = createAliasOnlyPresetAppliers({ modelRef: "gateway/anthropic/claude-opus-4-6", alias: "Gateway" });
 * ```
 */
export function createAliasOnlyPresetAppliers(params: { modelRef: string; alias: string }): ProviderOnboardPresetAppliers {
  const applyProviderConfig = (cfg: OpenClawConfig): OpenClawConfig => {
    const defaults = defaultsOf(cfg);
    return withDefaults(cfg, { ...defaults, models: withAgentModelAliases(defaults?.models, [{ modelRef: params.modelRef, alias: params.alias }]) });
  };
  return { applyProviderConfig, applyConfig: (cfg) => applyAgentDefaultModelPrimary(applyProviderConfig(cfg), params.modelRef) };
}
