/**
 * Checks on a structurally valid manifest that a schema cannot express: `configSchema` (and channel schemas) must
 * compile as JSON Schema, `uiHints` paths must exist in the schema, `skills` folders must exist inside the plugin
 * root, `version` should be semver, lists should not repeat names.
 */
import { statSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";
import { compileJsonSchema } from "../config/json-schema-compiler.js";
import type { PluginDiagnostic } from "./diagnostics.js";
import { formatPath, splitHintPath } from "./paths.js";
import type { PluginManifest, PluginUiHints } from "./plugin-manifest-schema.js";

type Report = (level: PluginDiagnostic["level"], code: string, path: string, message: string) => void;

/** semver 2.0.0 (https://semver.org), no leading `v`. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * True when `version` is a semantic version (`1.2.3`, `2026.3.3`, `1.0.0-beta.1+build.5`).
 *
 * @example
 * ```ts
 * isSemver("1.2.3"); // true
 * isSemver("v1.2"); // false
 * ```
 */
export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

export interface ManifestSemanticsOptions {
  rootDir?: string | undefined;
  report: Report;
}

export function checkManifestSemantics(manifest: PluginManifest, options: ManifestSemanticsOptions): void {
  const { report } = options;

  const compiled = compileJsonSchema(manifest.configSchema);
  if (!compiled.ok) {
    report(
      "error",
      "config-schema-invalid",
      "configSchema",
      `is not a valid JSON Schema: ${compiled.error}. Config for this plugin cannot be validated until it is fixed.`,
    );
  } else {
    for (const warning of compiled.warnings) {
      report("warning", "config-schema-strict", "configSchema", `${warning} (ignored by validation).`);
    }
  }
  if (manifest.uiHints) checkHintPaths(manifest.uiHints, manifest.configSchema, ["uiHints"], "configSchema", report);

  const declaredChannels = new Set(manifest.channels ?? []);
  for (const [channelId, channelConfig] of Object.entries(manifest.channelConfigs ?? {})) {
    const base = ["channelConfigs", channelId];
    const channelCompiled = compileJsonSchema(channelConfig.schema);
    if (!channelCompiled.ok) {
      report(
        "error",
        "channel-config-schema-invalid",
        formatPath([...base, "schema"]),
        `is not a valid JSON Schema: ${channelCompiled.error}. channels.${channelId} cannot be validated until it is fixed.`,
      );
    } else {
      for (const warning of channelCompiled.warnings) {
        report("warning", "config-schema-strict", formatPath([...base, "schema"]), `${warning} (ignored by validation).`);
      }
    }
    if (!declaredChannels.has(channelId)) {
      report(
        "warning",
        "channel-config-undeclared",
        formatPath(base),
        `channel "${channelId}" is not listed in "channels"; add it there, or channels.${channelId} in the gateway config is rejected as an unknown channel.`,
      );
    }
    if (channelConfig.uiHints) {
      checkHintPaths(channelConfig.uiHints, channelConfig.schema, [...base, "uiHints"], formatPath([...base, "schema"]), report);
    }
  }

  for (const listKey of ["channels", "providers", "skills"] as const) {
    reportDuplicates(manifest[listKey], [listKey], report);
  }
  for (const [key, list] of Object.entries(manifest.contracts ?? {})) reportDuplicates(list, ["contracts", key], report);
  if (Array.isArray(manifest.kind)) reportDuplicates(manifest.kind, ["kind"], report);

  if (manifest.version !== undefined && !isSemver(manifest.version)) {
    report(
      "warning",
      "version-not-semver",
      "version",
      `"${manifest.version}" is not a semantic version (MAJOR.MINOR.PATCH, e.g. "1.2.3"); it is informational, but semver is recommended.`,
    );
  }

  manifest.skills?.forEach((skill, index) => {
    const where = formatPath(["skills", index]);
    const normalized = normalize(skill);
    if (isAbsolute(skill) || normalized === ".." || normalized.startsWith(`..${sep}`)) {
      report("error", "skill-path-invalid", where, `"${skill}" must be a folder inside the plugin root (a relative path without "..").`);
      return;
    }
    if (options.rootDir === undefined) return;
    const folder = join(options.rootDir, normalized);
    let isDirectory = false;
    let exists = false;
    try {
      const stats = statSync(folder);
      exists = true;
      isDirectory = stats.isDirectory();
    } catch {
      exists = false;
    }
    if (!exists) {
      report("error", "skill-folder-missing", where, `skill folder "${skill}" does not exist (looked for ${folder}); create it or remove the entry.`);
    } else if (!isDirectory) {
      report("error", "skill-folder-missing", where, `"${skill}" is a file, not a folder (${folder}); skills are folders of skill files.`);
    }
  });
}

function reportDuplicates(list: readonly string[] | undefined, path: PropertyKey[], report: Report): void {
  if (!list) return;
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry)) report("warning", "duplicate-entry", formatPath([...path, index]), `"${entry}" is listed more than once.`);
    seen.add(entry);
  });
}

function checkHintPaths(
  hints: PluginUiHints,
  schema: Record<string, unknown>,
  hintsPath: PropertyKey[],
  schemaName: string,
  report: Report,
): void {
  for (const hintPath of Object.keys(hints)) {
    if (!schemaDeclaresPath(schema, hintPath)) {
      report(
        "warning",
        "ui-hint-unknown-path",
        formatPath([...hintsPath, hintPath]),
        `"${hintPath}" names no property of ${schemaName}; the hint applies to nothing. Fix the path or add the property to the schema.`,
      );
    }
  }
}

type SchemaNode = Record<string, unknown>;

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether a dotted config path names something the schema declares: a `properties` entry, a matching
 * `patternProperties`, an object `additionalProperties`, or `items` (for `*`, `[]` and numeric segments), looking
 * through `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else` and local `$ref`s. Unresolvable `$ref`s count as declared.
 */
export function schemaDeclaresPath(root: SchemaNode, path: string): boolean {
  const segments = splitHintPath(path);
  // "" (no segment) is the config object itself.
  if (segments.length === 0) return path === "";
  const resolve = (node: SchemaNode, depth: number): SchemaNode[] | "unknown" => {
    if (depth > 32) return "unknown";
    const out: SchemaNode[] = [node];
    if (typeof node.$ref === "string") {
      const target = resolveLocalRef(root, node.$ref);
      if (!target) return "unknown";
      const expanded = resolve(target, depth + 1);
      if (expanded === "unknown") return "unknown";
      out.push(...expanded);
    }
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        if (!isSchemaNode(item)) continue;
        const expanded = resolve(item, depth + 1);
        if (expanded === "unknown") return "unknown";
        out.push(...expanded);
      }
    }
    for (const key of ["if", "then", "else"]) {
      const item = node[key];
      if (!isSchemaNode(item)) continue;
      const expanded = resolve(item, depth + 1);
      if (expanded === "unknown") return "unknown";
      out.push(...expanded);
    }
    return out;
  };
  let current: SchemaNode[] = [root];
  for (const segment of segments) {
    const next: SchemaNode[] = [];
    for (const node of current) {
      const variants = resolve(node, 0);
      if (variants === "unknown") return true;
      for (const variant of variants) {
        const wildcard = segment === "*" || /^\d+$/.test(segment);
        const properties = isSchemaNode(variant.properties) ? variant.properties : undefined;
        if (properties) {
          if (wildcard) next.push(...Object.values(properties).filter(isSchemaNode));
          else if (Object.hasOwn(properties, segment) && isSchemaNode(properties[segment])) next.push(properties[segment]);
        }
        if (isSchemaNode(variant.patternProperties)) {
          for (const [pattern, child] of Object.entries(variant.patternProperties)) {
            if (!isSchemaNode(child)) continue;
            let matches = wildcard;
            try {
              matches ||= new RegExp(pattern, "u").test(segment);
            } catch {
              matches = true;
            }
            if (matches) next.push(child);
          }
        }
        if (isSchemaNode(variant.additionalProperties)) next.push(variant.additionalProperties);
        if (wildcard && isSchemaNode(variant.items)) next.push(variant.items);
        if (wildcard && Array.isArray(variant.prefixItems)) next.push(...variant.prefixItems.filter(isSchemaNode));
        if (wildcard && Array.isArray(variant.items)) next.push(...variant.items.filter(isSchemaNode));
      }
    }
    if (next.length === 0) return false;
    current = next;
  }
  return true;
}

function resolveLocalRef(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isSchemaNode(node)) return undefined;
    node = node[key];
  }
  return isSchemaNode(node) ? node : undefined;
}
