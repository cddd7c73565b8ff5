/**
 * Choosing the realtime voice provider for a call from configuration.
 *
 * The gateway keeps the registry of realtime voice providers that plugins registered; a plugin cannot reach it.
 * So the candidates come from the caller: `providers` (for example the providers your own plugin registers, or
 * the ones a test installs). Without candidates this throws `noRegisteredProviderMessage`.
 */
import type { RealtimeVoiceProvider } from "./types.js";

/**
 * Input of `resolveConfiguredRealtimeVoiceProvider`.
 *
 * @example
 * ```ts
 * const p: ResolveConfiguredRealtimeVoiceProviderParams = { providers: [myProvider], configuredProviderId: "my-voice" };
 * ```
 */
export interface ResolveConfiguredRealtimeVoiceProviderParams {
  cfg?: unknown;
  /** The provider the config names (id or alias, case-insensitive); without one, the first configured candidate. */
  configuredProviderId?: string;
  /** Raw config sections by provider id. */
  providerConfigs?: Record<string, Record<string, unknown> | undefined>;
  /** Fields that override the raw section (for example `model`, `voice`). */
  providerConfigOverrides?: Record<string, unknown>;
  /** `model` used when the section sets none. */
  defaultModel?: string;
  /** Fall back to the provider's own `defaultModel` when neither the section nor `defaultModel` sets one. */
  useProviderDefaultModel?: boolean;
  agentId?: string;
  /** The candidate providers. */
  providers?: readonly RealtimeVoiceProvider[];
  noRegisteredProviderMessage?: string;
}

function matches(provider: RealtimeVoiceProvider, id: string): boolean {
  const wanted = id.trim().toLowerCase();
  return provider.id.toLowerCase() === wanted || (provider.aliases ?? []).some((alias) => alias.toLowerCase() === wanted);
}

/**
 * The provider to use and its resolved config. The raw section is `providerConfigs[provider.id]`, with `model`
 * defaulted and `providerConfigOverrides` applied, then passed through the provider's `resolveConfig`.
 * Errors name the problem: an unknown configured id, no candidates, or a provider that is not configured.
 *
 * @example
 * ```ts
 * const { provider, providerConfig } = resolveConfiguredRealtimeVoiceProvider({
 *   cfg, providers: [myProvider], configuredProviderId: "my-voice", providerConfigOverrides: { voice: "alloy" },
 * });
 * ```
 */
export function resolveConfiguredRealtimeVoiceProvider(params: ResolveConfiguredRealtimeVoiceProviderParams): {
  provider: RealtimeVoiceProvider;
  providerConfig: Record<string, unknown>;
} {
  const candidates = params.providers ?? [];
  if (candidates.length === 0) {
    throw new Error(
      params.noRegisteredProviderMessage ??
        "No realtime voice provider registered; pass the candidate providers as `providers` (the gateway's provider registry is not reachable from a plugin).",
    );
  }
  const resolveConfig = (provider: RealtimeVoiceProvider): Record<string, unknown> => {
    const raw = { ...(params.providerConfigs?.[provider.id] ?? {}) };
    const model = params.defaultModel ?? (params.useProviderDefaultModel ? provider.defaultModel : undefined);
    if (model !== undefined && raw.model === undefined) raw.model = model;
    const withOverrides = { ...raw, ...(params.providerConfigOverrides ?? {}) };
    return (
      provider.resolveConfig?.({ cfg: params.cfg, rawConfig: withOverrides, ...(params.agentId !== undefined ? { agentId: params.agentId } : {}) }) ??
      withOverrides
    );
  };
  const isConfigured = (provider: RealtimeVoiceProvider, providerConfig: Record<string, unknown>): boolean =>
    provider.isConfigured?.({ cfg: params.cfg, providerConfig }) ?? true;

  const configuredId = params.configuredProviderId?.trim();
  if (configuredId) {
    const provider = candidates.find((candidate) => matches(candidate, configuredId));
    if (!provider) {
      const known = candidates.map((candidate) => candidate.id).join(", ");
      throw new Error(`Realtime voice provider "${configuredId}" is not registered (registered: ${known}).`);
    }
    const providerConfig = resolveConfig(provider);
    if (!isConfigured(provider, providerConfig)) throw new Error(`Realtime voice provider "${provider.id}" is not configured.`);
    return { provider, providerConfig };
  }
  for (const provider of candidates) {
    const providerConfig = resolveConfig(provider);
    if (isConfigured(provider, providerConfig)) return { provider, providerConfig };
  }
  throw new Error(`No realtime voice provider is configured (checked: ${candidates.map((candidate) => candidate.id).join(", ")}).`);
}
