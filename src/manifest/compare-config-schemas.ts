/**
 * Compares the plugin config schema a manifest publishes (`openclaw.plugin.json#configSchema`, the schema the gateway
 * validates `plugins.entries.<id>.config` with) against the JSON Schema of the entry's own `configSchema` (the one that
 * types `api.pluginConfig`). Both are plain JSON Schema objects; nothing here imports plugin code.
 *
 * What is compared, at the root and recursively in every property both sides declare as an object with `properties`:
 * property names present on one side only, `required` lists, and `type`. Levels (documented in
 * docs/plugin-manifest.md, "Manifest schema vs entry schema"):
 *
 * - error `config-schema-entry-only-property`: the entry declares a property the manifest does not (the gateway never
 *   validates or shows it, and rejects it outright when the manifest says `additionalProperties: false`);
 * - error `config-schema-required-mismatch`: a property is required on one side only (the plugin then receives config
 *   its own type says cannot happen, or the gateway rejects config the plugin accepts);
 * - error `config-schema-type-mismatch`: the property's `type` differs (`integer` counts as a `number`);
 * - warning `config-schema-manifest-only-property`: the manifest accepts a property the entry does not declare (the
 *   setting is accepted and ignored; sometimes deliberate, e.g. a deprecated key kept valid).
 *
 * An entry schema that declares no properties at all (`emptyPluginConfigSchema()`, the default of `definePluginEntry`
 * without `configSchema`, or `{}`) is not compared: many plugins keep their real schema only in the manifest.
 * Nodes using `$ref` or composition (`allOf`/`anyOf`/`oneOf`) are not descended into. The walk is bounded.
 */
import type { PluginDiagnostic } from "./diagnostics.js";

/** Input of {@link compareConfigSchemas}. */
export interface CompareConfigSchemasInput {
  /** `configSchema` of openclaw.plugin.json. */
  manifestSchema: Record<string, unknown>;
  /** JSON Schema of the entry's `configSchema` (`entry.configSchema.jsonSchema`). */
  entrySchema: Record<string, unknown>;
  /** Path of openclaw.plugin.json, named in every message and set as `file`. */
  manifestFile: string;
  /** Path of the entry file whose schema was read, named in every message. */
  entryFile: string;
}

/** Most schema nodes visited per comparison; a larger schema is compared up to this point. */
export const MAX_COMPARED_SCHEMA_NODES = 5_000;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function propertiesOf(node: Node): Node | undefined {
  const value = Object.hasOwn(node, "properties") ? node.properties : undefined;
  return isNode(value) ? value : undefined;
}

function requiredOf(node: Node): Set<string> {
  const value = Object.hasOwn(node, "required") ? node.required : undefined;
  return new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
}

/** The `type` keyword as a sorted set (`integer` folded into `number`), or undefined when absent. */
function typesOf(node: Node): string[] | undefined {
  const value = Object.hasOwn(node, "type") ? node.type : undefined;
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
  if (!list || list.length === 0) return undefined;
  return [...new Set(list.map((type) => (type === "integer" ? "number" : type)))].sort();
}

function declaresNothing(node: Node): boolean {
  const properties = propertiesOf(node);
  return properties === undefined || Object.keys(properties).length === 0;
}

function opaque(node: Node): boolean {
  return ["$ref", "allOf", "anyOf", "oneOf"].some((key) => Object.hasOwn(node, key));
}

/**
 * Lists every disagreement between the manifest's config schema and the entry's, as diagnostics on the manifest
 * file whose `path` is the JSON path of the property in the manifest (`configSchema.properties.apiKey`).
 *
 * @example
 * ```ts
 * const diagnostics = compareConfigSchemas({
 *   manifestSchema: { type: "object", properties: { other: { type: "string" } } },
 *   entrySchema: { type: "object", properties: { apiKey: { type: "string" } }, required: ["apiKey"] },
 *   manifestFile: "/p/openclaw.plugin.json",
 *   entryFile: "/p/dist/index.js",
 * });
 * diagnostics.map((d) => d.code); // ["config-schema-entry-only-property", "config-schema-manifest-only-property"]
 * ```
 */
export function compareConfigSchemas(input: CompareConfigSchemasInput): PluginDiagnostic[] {
  const { manifestFile, entryFile } = input;
  const diagnostics: PluginDiagnostic[] = [];
  if (declaresNothing(input.entrySchema) || opaque(input.entrySchema) || opaque(input.manifestSchema)) return diagnostics;
  const manifestName = "openclaw.plugin.json configSchema";
  const entryName = `the entry's configSchema (${entryFile})`;
  let budget = MAX_COMPARED_SCHEMA_NODES;
  const queue: Array<{ manifest: Node; entry: Node; path: string[] }> = [{ manifest: input.manifestSchema, entry: input.entrySchema, path: [] }];
  const add = (level: PluginDiagnostic["level"], code: string, propertyPath: string[], message: string): void => {
    diagnostics.push({
      level,
      code,
      path: ["configSchema", ...propertyPath.flatMap((name) => ["properties", name])].join("."),
      file: manifestFile,
      message,
    });
  };
  while (queue.length > 0 && budget > 0) {
    const { manifest, entry, path } = queue.shift()!;
    const manifestProperties = propertiesOf(manifest) ?? {};
    const entryProperties = propertiesOf(entry) ?? {};
    const manifestRequired = requiredOf(manifest);
    const entryRequired = requiredOf(entry);
    const closed = Object.hasOwn(manifest, "additionalProperties") && manifest.additionalProperties === false;
    const names = [...new Set([...Object.keys(entryProperties), ...Object.keys(manifestProperties)])];
    budget -= names.length;
    for (const name of names) {
      const where = [...path, name];
      const label = `"${where.join(".")}"`;
      const inManifest = Object.hasOwn(manifestProperties, name);
      const inEntry = Object.hasOwn(entryProperties, name);
      if (inEntry && !inManifest) {
        add(
          "error",
          "config-schema-entry-only-property",
          where,
          `property ${label} is declared in ${entryName} but not in ${manifestName} (${manifestFile}): the gateway validates config with the manifest's schema, so it ${
            closed ? "rejects this setting (additionalProperties: false)" : "never checks or shows this setting"
          }. Add "${name}" to the manifest's configSchema${path.length ? ` at ${path.join(".")}` : ""} (for a defineToolPlugin entry, run openclaw plugins build), or remove it from the entry.`,
        );
        continue;
      }
      if (inManifest && !inEntry) {
        add(
          "warning",
          "config-schema-manifest-only-property",
          where,
          `property ${label} is declared in ${manifestName} (${manifestFile}) but not in ${entryName}: the gateway accepts the setting and the plugin ignores it. Remove it from the manifest or declare it in the entry's configSchema.`,
        );
        continue;
      }
      const requiredInManifest = manifestRequired.has(name);
      const requiredInEntry = entryRequired.has(name);
      if (requiredInManifest !== requiredInEntry) {
        add(
          "error",
          "config-schema-required-mismatch",
          where,
          requiredInEntry
            ? `property ${label} is required by ${entryName} but optional in ${manifestName} (${manifestFile}): the gateway lets config without it through and the plugin receives a config its schema rejects. Add "${name}" to the manifest's required list${path.length ? ` at ${path.join(".")}` : ""}, or make it optional (or give it a default) in the entry.`
            : `property ${label} is required by ${manifestName} (${manifestFile}) but optional in ${entryName}. Make both agree: drop it from the manifest's required list, or require it in the entry.`,
        );
      }
      const manifestChild = manifestProperties[name];
      const entryChild = entryProperties[name];
      if (!isNode(manifestChild) || !isNode(entryChild)) continue;
      const manifestTypes = typesOf(manifestChild);
      const entryTypes = typesOf(entryChild);
      if (manifestTypes && entryTypes && manifestTypes.join("|") !== entryTypes.join("|")) {
        add(
          "error",
          "config-schema-type-mismatch",
          where,
          `property ${label} has type ${manifestTypes.join(" | ")} in ${manifestName} (${manifestFile}) but ${entryTypes.join(" | ")} in ${entryName}: the gateway accepts values the plugin's schema rejects (or the reverse). Give it the same type in both.`,
        );
        continue;
      }
      if (!opaque(manifestChild) && !opaque(entryChild) && propertiesOf(manifestChild) && propertiesOf(entryChild)) {
        queue.push({ manifest: manifestChild, entry: entryChild, path: where });
      }
    }
  }
  return diagnostics;
}
