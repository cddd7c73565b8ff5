/**
 * Entries for plugins that add one text-inference provider with API-key auth: the auth method and the whole entry
 * from a small description.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { OpenClawPluginApi, ProviderAuthMethod, ProviderModelDefinition, ProviderPlugin } from "../contract/plugin-api.js";
import { definePluginEntry, type DefinedPluginEntry, type PluginConfigSchemaInput } from "../entry/define-plugin-entry.js";

/**
 * Options of `createProviderApiKeyAuthMethod`.
 *
 * @example
 * ```ts
 * const options: ProviderApiKeyAuthMethodOptions = { providerId: "acme", methodId: "api-key", label: "Acme API key", envVar: "ACME_API_KEY" };
 * ```
 */
export interface ProviderApiKeyAuthMethodOptions {
  providerId: string;
  methodId: string;
  label: string;
  hint?: string;
  /** Environment variable read when no key is passed (e.g. `ACME_API_KEY`). */
  envVar?: string;
  /** CLI option holding the key (`ctx.opts[optionKey]`). */
  optionKey?: string;
  flagName?: string;
  promptMessage?: string;
  /** Auth profile ids written (default `<providerId>:default`). */
  profileIds?: string[];
  defaultModel?: string;
  applyConfig?: (config: OpenClawConfig) => OpenClawConfig;
}

interface ApiKeyRunContext {
  config: OpenClawConfig;
  env?: NodeJS.ProcessEnv;
  opts?: Record<string, unknown>;
  prompter?: { text?: (options: { message: string }) => Promise<unknown> };
}

/**
 * An `api_key` auth method: the key comes from the CLI option, then the environment variable, then the prompter;
 * `run` returns one API-key credential profile per profile id (and `applyConfig`'s patch). A missing key is an error
 * naming the option and the variable.
 *
 * @example
 * ```ts
 * const auth = createProviderApiKeyAuthMethod({ providerId: "acme", methodId: "api-key", label: "Acme API key", envVar: "ACME_API_KEY" });
 * ```
 */
export function createProviderApiKeyAuthMethod(params: ProviderApiKeyAuthMethodOptions): ProviderAuthMethod & {
  starterModel?: string;
} {
  return {
    id: params.methodId,
    label: params.label,
    ...(params.hint ? { hint: params.hint } : {}),
    kind: "api_key",
    ...(params.defaultModel ? { starterModel: params.defaultModel } : {}),
    async run(raw) {
      const ctx = raw as ApiKeyRunContext;
      const fromOption = params.optionKey ? ctx.opts?.[params.optionKey] : undefined;
      const env = ctx.env ?? process.env;
      let key = typeof fromOption === "string" && fromOption.trim() ? fromOption.trim() : undefined;
      if (!key && params.envVar) key = env[params.envVar]?.trim() || undefined;
      if (!key && ctx.prompter?.text) {
        const answer = await ctx.prompter.text({ message: params.promptMessage ?? `${params.label}` });
        key = typeof answer === "string" && answer.trim() ? answer.trim() : undefined;
      }
      if (!key) {
        const sources = [params.flagName ?? (params.optionKey ? `--${params.optionKey}` : undefined), params.envVar].filter(Boolean);
        throw new Error(`${params.label}: no API key given${sources.length ? ` (set ${sources.join(" or ")})` : ""}.`);
      }
      const profileIds = params.profileIds?.length ? params.profileIds : [`${params.providerId}:default`];
      return {
        profiles: profileIds.map((profileId) => ({
          profileId,
          credential: { type: "api_key", provider: profileId.split(":", 1)[0] || params.providerId, key },
        })),
        ...(params.applyConfig ? { configPatch: params.applyConfig(ctx.config) } : {}),
      };
    },
  };
}

/**
 * The provider a single-provider entry registers.
 *
 * @example
 * ```ts
 * const provider: SingleProviderDefinition = {
 *   label: "Acme", envVars: ["ACME_API_KEY"],
 *   auth: [{ methodId: "api-key", label: "Acme API key", envVar: "ACME_API_KEY" }],
 *   catalog: { buildProvider: () => ({ baseUrl: "https://api.acme.ai/v1", api: "openai-completions", models: [{ id: "acme-large" }] }) },
 * };
 * ```
 */
export interface SingleProviderDefinition {
  id?: string;
  label: string;
  docsPath?: string;
  aliases?: string[];
  envVars?: string[];
  auth?: Array<Omit<ProviderApiKeyAuthMethodOptions, "providerId">>;
  extraAuth?: ProviderAuthMethod[];
  catalog:
    | ProviderPlugin["catalog"] & {}
    | {
        buildProvider: () => { baseUrl: string; api: string; models: ProviderModelDefinition[]; [key: string]: unknown };
      };
  [hook: string]: unknown;
}

/**
 * Options of `defineSingleProviderPluginEntry`.
 *
 * @example
 * ```ts
 * declare const provider: SingleProviderDefinition;
 * const options: DefineSingleProviderPluginEntryOptions = { id: "acme", name: "Acme", description: "Acme models", provider };
 * ```
 */
export interface DefineSingleProviderPluginEntryOptions<TConfig = Record<string, unknown>> {
  id: string;
  name: string;
  description: string;
  kind?: string;
  configSchema?: PluginConfigSchemaInput<TConfig>;
  provider: SingleProviderDefinition | ((api: OpenClawPluginApi<TConfig>) => SingleProviderDefinition | null | undefined);
}

/**
 * A plugin entry that registers one provider: API-key auth methods from `provider.auth`, and a catalog that offers
 * `buildProvider()`'s models (with the key from the first of `envVars` that is set) or runs `provider.catalog.run`.
 *
 * @example
 * ```ts
 * export default defineSingleProviderPluginEntry({ id: "acme", name: "Acme", description: "Acme models", provider });
 * ```
 */
export function defineSingleProviderPluginEntry<TConfig = Record<string, unknown>>(
  options: DefineSingleProviderPluginEntryOptions<TConfig>,
): DefinedPluginEntry<TConfig> {
  return definePluginEntry<TConfig>({
    id: options.id,
    name: options.name,
    description: options.description,
    ...(options.kind ? { kind: options.kind as never } : {}),
    ...(options.configSchema ? { configSchema: options.configSchema } : {}),
    register(api) {
      const definition = typeof options.provider === "function" ? options.provider(api) : options.provider;
      if (!definition) return;
      const providerId = definition.id ?? options.id;
      const { auth, extraAuth, catalog, id: _id, ...rest } = definition;
      const envVars = [...new Set([...(definition.envVars ?? []), ...(auth ?? []).flatMap((entry) => (entry.envVar ? [entry.envVar] : []))])];
      const methods = [...(auth ?? []).map((entry) => createProviderApiKeyAuthMethod({ ...entry, providerId })), ...(extraAuth ?? [])];
      const run: NonNullable<ProviderPlugin["catalog"]>["run"] =
        "buildProvider" in catalog
          ? async ({ env }) => {
              const apiKey = envVars.map((name) => env[name]?.trim()).find(Boolean);
              return apiKey ? { provider: { ...catalog.buildProvider(), apiKey } } : null;
            }
          : catalog.run;
      const order = "buildProvider" in catalog ? "simple" : (catalog.order ?? "simple");
      api.registerProvider({ ...rest, id: providerId, envVars, auth: methods, catalog: { order, run } });
    },
  });
}
