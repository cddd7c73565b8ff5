/**
 * Provider model catalog config as it sits under `models.providers.<id>` in gateway config, and provider id rules.
 */

/**
 * Token prices in USD per million tokens.
 *
 * @example
 * ```ts
 * const cost: ModelCostConfig = { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 };
 * ```
 */
export type ModelCostConfig = { input: number; output: number; cacheRead?: number; cacheWrite?: number; [key: string]: unknown };

/**
 * One model in a provider's catalog (`models.providers.<id>.models[]`).
 *
 * @example
 * ```ts
 * const model: ModelDefinitionConfig = {
 *   id: "acme-large", name: "Acme Large", reasoning: true, input: ["text", "image"],
 *   cost: { input: 1, output: 2 }, contextWindow: 200_000, maxTokens: 8192,
 * };
 * ```
 */
export type ModelDefinitionConfig = {
  id: string;
  name?: string;
  /** Wire API, e.g. `openai-completions`, `anthropic-messages`. */
  api?: string;
  /** Whether the model has reasoning/thinking controls. */
  reasoning: boolean;
  /** Input kinds the model accepts. */
  input: Array<"text" | "image" | "audio" | "video" | "document" | (string & {})>;
  cost: ModelCostConfig;
  contextWindow?: number;
  /** Largest completion in tokens. */
  maxTokens: number;
  headers?: Record<string, string>;
  compat?: Record<string, unknown>;
  [key: string]: unknown;
};

/**
 * A provider entry under `models.providers.<id>`.
 *
 * @example
 * ```ts
 * const provider: ModelProviderConfig = { baseUrl: "https://api.acme.test/v1", api: "openai-completions", models: [] };
 * ```
 */
export type ModelProviderConfig = {
  baseUrl: string;
  api?: string;
  /** API key or a secret reference. */
  apiKey?: string | { source: string; id: string; [key: string]: unknown };
  auth?: string;
  headers?: Record<string, unknown>;
  request?: Record<string, unknown>;
  models: ModelDefinitionConfig[];
  [key: string]: unknown;
};

/**
 * The context window assumed for a model that declares none.
 *
 * @example
 * ```ts
 * const window = model.contextWindow ?? DEFAULT_CONTEXT_TOKENS;
 * ```
 */
export const DEFAULT_CONTEXT_TOKENS = 200_000;

/**
 * A provider id in canonical form (trimmed, lower-case).
 *
 * @example
 * ```ts
 * normalizeProviderId(" OpenRouter "); // "openrouter"
 * ```
 */
export function normalizeProviderId(provider: string | undefined | null): string {
  return (provider ?? "").trim().toLowerCase();
}

/**
 * The key of `entries` that names `provider` once both are normalised.
 *
 * @example
 * ```ts
 * findNormalizedProviderKey({ OpenAI: {} }, "openai"); // "OpenAI"
 * ```
 */
export function findNormalizedProviderKey(entries: Record<string, unknown> | undefined, provider: string): string | undefined {
  if (!entries) return undefined;
  const wanted = normalizeProviderId(provider);
  return Object.keys(entries).find((key) => normalizeProviderId(key) === wanted);
}
