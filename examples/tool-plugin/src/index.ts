/**
 * Example tool plugin. `openclaw plugins build` reads the static metadata (tool names, config schema,
 * activation) with `getToolPluginMetadata` and writes them into openclaw.plugin.json.
 */
import { z } from "zod";
import { buildPluginConfigSchema, defineToolPlugin } from "openclaw/plugin-sdk/tool-plugin";

const cityParameters = {
  type: "object",
  properties: { city: { type: "string", description: "City name, e.g. Oslo" } },
  additionalProperties: false,
} as const;

/** A deterministic stand-in for a weather API, so the example runs offline. */
export function fakeTemperature(city: string): number {
  let sum = 0;
  for (const char of city.toLowerCase()) sum += char.charCodeAt(0);
  return (sum % 35) - 5;
}

export default defineToolPlugin({
  id: "weather-tools",
  name: "Weather Tools",
  description: "Current weather and forecasts as agent tools.",
  activation: { onStartup: false, onCapabilities: ["tool"] },
  configSchema: buildPluginConfigSchema(
    z
      .object({
        units: z.enum(["metric", "imperial"]).default("metric"),
        defaultCity: z.string().optional(),
      })
      .strict(),
  ),
  tools: (tool) => [
    tool<{ city?: string }>({
      name: "weather_now",
      label: "Weather now",
      description: "Current temperature for a city.",
      parameters: cityParameters,
      execute({ city }, config) {
        const where = city ?? config.defaultCity;
        if (!where) return "Which city? Pass { city } or set plugins.entries.weather-tools.config.defaultCity.";
        const celsius = fakeTemperature(where);
        const temperature = config.units === "metric" ? celsius : Math.round(celsius * 1.8 + 32);
        return { city: where, temperature, units: config.units };
      },
    }),
    tool<{ city: string; days?: number }>({
      name: "weather_forecast",
      description: "Daily forecast for the next days.",
      parameters: {
        type: "object",
        properties: { city: { type: "string" }, days: { type: "integer", minimum: 1, maximum: 7 } },
        required: ["city"],
      },
      optional: true,
      execute: ({ city, days = 3 }) =>
        Array.from({ length: days }, (_, day) => ({ day: day + 1, temperature: fakeTemperature(city) + day })),
    }),
  ],
});
