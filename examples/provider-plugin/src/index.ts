/**
 * Example provider plugin: a text-inference provider with a static catalog, a local CLI backend whose id becomes
 * the model-ref prefix (`acme-cli/<model>`), and a command with scoped agent prompt guidance.
 */
import { z } from "zod";
import { buildPluginConfigSchema, definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
import type { CliBackendPlugin, ProviderPlugin } from "openclaw/plugin-sdk/core";

export const ACME_MODELS = [
  { id: "acme-large", name: "Acme Large", contextWindow: 200_000, reasoning: true },
  { id: "acme-small", name: "Acme Small", contextWindow: 32_000 },
];

export function createAcmeProvider(baseUrl: string): ProviderPlugin {
  return {
    id: "acme",
    label: "Acme AI",
    docsPath: "/providers/acme",
    envVars: ["ACME_API_KEY"],
    auth: [
      {
        id: "api-key",
        label: "Acme API key",
        kind: "api_key",
        run: async () => ({ profiles: [{ provider: "acme", mode: "api_key" }] }),
      },
    ],
    catalog: {
      order: "simple",
      run: async ({ env }) => ({
        provider: { baseUrl, api: "openai-completions", apiKey: env.ACME_API_KEY, models: ACME_MODELS },
      }),
    },
  };
}

export const acmeCliBackend: CliBackendPlugin = {
  id: "acme-cli",
  label: "Acme CLI",
  config: { command: "acme", args: ["chat", "--json"] },
  normalizeConfig: (config) => ({ ...config, args: (config.args ?? []).filter((arg) => arg !== "--legacy") }),
  resolveExecutionArgs: ({ args, thinkingLevel }) => (thinkingLevel ? [...args, "--effort", thinkingLevel] : args),
};

export default definePluginEntry({
  id: "acme-provider",
  name: "Acme AI",
  description: "Acme AI models and the acme-cli local backend.",
  configSchema: buildPluginConfigSchema(z.object({ baseUrl: z.url().default("https://api.acme.test/v1") }).strict()),
  register(api) {
    api.registerProvider(createAcmeProvider(api.pluginConfig.baseUrl));
    api.registerCliBackend(acmeCliBackend);
    api.registerCommand({
      name: "acme-status",
      description: "Show the Acme endpoint in use",
      descriptionLocalizations: { de: "Zeigt den verwendeten Acme-Endpunkt" },
      agentPromptGuidance: [
        "Use /acme-status when the user asks which Acme endpoint is configured.",
        { text: "Prefer acme-large for long documents.", surfaces: ["pi_main", "subagent"] },
      ],
      handler: () => ({ text: `Acme endpoint: ${api.pluginConfig.baseUrl}` }),
    });
  },
});
