/**
 * Checking a plugin id before anything is written with it (`openclaw plugins init`), with the same rules the
 * manifest reader applies (`PLUGIN_ID_PATTERN`, `RESERVED_PLUGIN_IDS`) and a suggested id that passes them.
 */
import { PLUGIN_ID_PATTERN, RESERVED_PLUGIN_IDS } from "./plugin-manifest-schema.js";

/** Why an id cannot be used, with an id that can. */
export interface PluginIdProblem {
  /** The manifest reader's code for the same problem. */
  code: "id-invalid" | "id-reserved";
  /** One sentence naming the id and the rule it breaks. */
  message: string;
  /** A valid, unreserved id close to the one given, when one can be derived. */
  suggestion?: string;
}

function normalise(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A valid, unreserved id derived from `id`: lower-cased, other characters turned into hyphens, and a reserved
 * result extended with `-plugin` (then a number) until it is free. `undefined` when nothing usable remains.
 *
 * @example
 * ```ts
 * suggestPluginId("Stock Quotes"); // "stock-quotes"
 * suggestPluginId("node-mcp"); // "node-mcp-plugin"
 * ```
 */
export function suggestPluginId(id: string): string | undefined {
  const base = normalise(id);
  if (!base || !PLUGIN_ID_PATTERN.test(base)) return undefined;
  if (!RESERVED_PLUGIN_IDS.includes(base)) return base;
  for (let n = 1; n < 100; n += 1) {
    const candidate = n === 1 ? `${base}-plugin` : `${base}-plugin-${n}`;
    if (!RESERVED_PLUGIN_IDS.includes(candidate)) return candidate;
  }
  return undefined;
}

/**
 * What is wrong with `id` as a plugin id, or `undefined` when it is usable: not matching `PLUGIN_ID_PATTERN`
 * (`id-invalid`) or one of `RESERVED_PLUGIN_IDS` (`id-reserved`), each with a suggested id.
 *
 * @example
 * ```ts
 * pluginIdProblem("node-mcp"); // { code: "id-reserved", message: 'plugin id "node-mcp" is reserved …', suggestion: "node-mcp-plugin" }
 * pluginIdProblem("stock-quotes"); // undefined
 * ```
 */
export function pluginIdProblem(id: string): PluginIdProblem | undefined {
  if (!PLUGIN_ID_PATTERN.test(id)) {
    const suggestion = suggestPluginId(id);
    return {
      code: "id-invalid",
      message: `"${id}" is not a valid plugin id: use lowercase letters and digits in hyphen-separated groups (e.g. stock-quotes)`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  if (RESERVED_PLUGIN_IDS.includes(id)) {
    const suggestion = suggestPluginId(id);
    return {
      code: "id-reserved",
      message: `plugin id "${id}" is reserved by OpenClaw core (the gateway would refuse the plugin)`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  return undefined;
}
