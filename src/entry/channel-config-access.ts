/**
 * Typed access to a channel's config section, `cfg.channels.<id>`. `OpenClawConfig.channels` is an open record of
 * `ChannelConfigSection`s (every field `unknown`), so a channel plugin either narrows each field by hand or reads the
 * section through the schema it already has: {@link readChannelConfig} validates the section with that schema's
 * `safeParse` (zod 3, zod 4, or a schema from `buildPluginConfigSchema` / `buildJsonPluginConfigSchema<T>`) and
 * returns it typed. Loads nothing.
 */
import type { ChannelConfigSection, OpenClawConfig } from "../contract/config.js";

/**
 * Anything with a zod-like `safeParse`: a zod schema, `buildPluginConfigSchema(...)`, `buildJsonPluginConfigSchema<T>(...)`,
 * or a `ChannelConfigSchema` (through its `runtime.safeParse`).
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const parser: ChannelConfigParser = z.object({ token: z.string() });
 * ```
 */
export type ChannelConfigParser =
  | { safeParse(value: unknown): unknown }
  | { runtime?: { safeParse(value: unknown): unknown } | undefined; schema: Record<string, unknown> };

/**
 * The config type a channel schema parses to: the zod output type for a zod schema, `T` for
 * `buildJsonPluginConfigSchema<T>`, and `unknown` for an untyped `ChannelConfigSchema`.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const EchoConfig = z.object({ token: z.string().optional() });
 * type Echo = ChannelConfigOf<typeof EchoConfig>; // { token?: string | undefined }
 * ```
 */
export type ChannelConfigOf<S> = S extends { safeParse(value: unknown): infer R }
  ? R extends { success: true; data: infer T }
    ? T
    : never
  : S extends { runtime?: { safeParse(value: unknown): infer R } | undefined }
    ? R extends { success: true; data: infer T }
      ? T
      : never
    : ChannelConfigSection;

interface IssueLike {
  path?: ReadonlyArray<PropertyKey>;
  message?: string;
}

function describeIssues(error: unknown): string {
  const issues = (error as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return "the value does not match the channel's schema";
  return (issues as IssueLike[])
    .slice(0, 5)
    .map((issue) => `${(issue.path ?? []).map(String).join(".") || "(section)"}: ${issue.message ?? "invalid"}`)
    .join("; ");
}

/**
 * Reads `cfg.channels[channelId]`. Without a schema: the raw section (`ChannelConfigSection | undefined`). With one:
 * the section validated by `schema.safeParse` (defaults applied, typed as {@link ChannelConfigOf}); `undefined` when
 * the section is absent (the channel is not configured). An invalid section throws an `Error` naming
 * `channels.<id>`, each failing field and the fix — the gateway validates channel sections against the manifest's
 * `channelConfigs.<id>.schema` before plugins run, so this only happens when the two schemas disagree.
 *
 * @param cfg - the gateway config the host passed (`api.config`, or the `cfg` of a `ChannelPlugin.config` adapter)
 * @param channelId - the channel id (`ChannelPlugin.id`, a key of `channels`)
 * @param schema - optional: the zod schema (or plugin config schema) the channel's config schema was built from
 * @example
 * ```ts
 * import { z } from "zod";
 * import { buildChannelConfigSchema, readChannelConfig } from "openclaw/plugin-sdk/channel-core";
 *
 * const EchoConfig = z.object({ token: z.string().optional(), enabled: z.boolean().default(true) });
 * export const echoConfigSchema = buildChannelConfigSchema(EchoConfig);
 *
 * const echo = readChannelConfig(cfg, "echo", EchoConfig); // { token?: string; enabled: boolean } | undefined
 * if (echo?.enabled && echo.token) connect(echo.token);
 * ```
 */
export function readChannelConfig(cfg: OpenClawConfig, channelId: string): ChannelConfigSection | undefined;
export function readChannelConfig<S extends ChannelConfigParser>(cfg: OpenClawConfig, channelId: string, schema: S): ChannelConfigOf<S> | undefined;
export function readChannelConfig(cfg: OpenClawConfig, channelId: string, schema?: ChannelConfigParser): unknown {
  if (typeof channelId !== "string" || channelId === "") {
    throw new TypeError(`readChannelConfig: channelId must be the channel's id (a non-empty string), got ${JSON.stringify(channelId)}.`);
  }
  const channels = cfg?.channels;
  const section = channels !== null && typeof channels === "object" && Object.hasOwn(channels, channelId) ? channels[channelId] : undefined;
  if (section === undefined || section === null) return undefined;
  if (schema === undefined) return section;
  const safeParse =
    "safeParse" in schema && typeof schema.safeParse === "function"
      ? schema.safeParse.bind(schema)
      : "runtime" in schema && typeof schema.runtime?.safeParse === "function"
        ? schema.runtime.safeParse.bind(schema.runtime)
        : undefined;
  if (!safeParse) {
    throw new TypeError(`readChannelConfig("${channelId}"): the schema has no safeParse (nor runtime.safeParse); pass the zod schema or the result of buildChannelConfigSchema.`);
  }
  const result = safeParse(section) as { success?: boolean; data?: unknown; error?: unknown };
  if (result?.success === true) return result.data;
  throw new Error(
    `channels.${channelId} is invalid: ${describeIssues(result?.error)}. Fix channels.${channelId} in the config file, and keep openclaw.plugin.json#channelConfigs.${channelId}.schema in step with the channel's schema.`,
  );
}
