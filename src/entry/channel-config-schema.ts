/**
 * Channel config schema builders (`{ schema, uiHints?, runtime: { safeParse } }`).
 *
 * The channel shape differs from the plugin config schema shape (`{ safeParse, jsonSchema }`); that is the
 * established contract and is kept for compatibility. Conversion reuses the plugin builders, so the same lazy
 * loading and zod 3 / zod 4 detection apply.
 */
import type { ChannelConfigSchema } from "../contract/channel.js";
import type { PluginConfigSafeParseResult, PluginConfigUiHint } from "../contract/config-schema.js";
import {
  buildJsonPluginConfigSchema,
  buildPluginConfigSchema,
  emptyPluginConfigSchema,
  type JsonSchemaObject,
  type ZodSchemaLike,
} from "./config-schema.js";

/**
 * Options of the channel config schema builders.
 *
 * @example
 * ```ts
 * const opts: BuildChannelConfigSchemaOptions = { uiHints: { token: { label: "Bot token", sensitive: true } } };
 * ```
 */
export interface BuildChannelConfigSchemaOptions {
  uiHints?: Record<string, PluginConfigUiHint>;
}

function toChannelSchema(
  plugin: { safeParse(value: unknown): PluginConfigSafeParseResult<unknown>; jsonSchema: JsonSchemaObject },
  uiHints: Record<string, PluginConfigUiHint> | undefined,
): ChannelConfigSchema {
  const channel: ChannelConfigSchema = {
    get schema(): Record<string, unknown> {
      return plugin.jsonSchema;
    },
    runtime: { safeParse: (value: unknown) => plugin.safeParse(value) },
  };
  if (uiHints) channel.uiHints = uiHints;
  return channel;
}

/**
 * Builds a channel config schema from a zod 3 or zod 4 schema of `channels.<id>`. `schema` (draft-07 JSON Schema)
 * converts on first read; `runtime.safeParse` runs the zod schema.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const configSchema = buildChannelConfigSchema(z.object({ token: z.string().optional(), enabled: z.boolean().optional() }));
 * ```
 */
export function buildChannelConfigSchema(
  schema: ZodSchemaLike,
  options: BuildChannelConfigSchemaOptions = {},
): ChannelConfigSchema {
  return toChannelSchema(buildPluginConfigSchema(schema), options.uiHints);
}

/**
 * Builds a channel config schema from a JSON Schema of `channels.<id>` (validated with ajv on first use).
 *
 * @example
 * ```ts
 * const configSchema = buildJsonChannelConfigSchema({ type: "object", properties: { token: { type: "string" } } });
 * ```
 */
export function buildJsonChannelConfigSchema(
  schema: JsonSchemaObject,
  options: BuildChannelConfigSchemaOptions = {},
): ChannelConfigSchema {
  return toChannelSchema(buildJsonPluginConfigSchema(schema), options.uiHints);
}

/**
 * The config schema of a channel that accepts no config keys.
 *
 * @example
 * ```ts
 * const configSchema = emptyChannelConfigSchema();
 * configSchema.runtime?.safeParse({}).success; // true
 * ```
 */
export function emptyChannelConfigSchema(): ChannelConfigSchema {
  return toChannelSchema(emptyPluginConfigSchema(), undefined);
}
