/**
 * Checks on a structurally valid manifest that a schema cannot express: `configSchema` (and channel schemas) must
 * compile as JSON Schema, `uiHints` paths must exist in the schema, `skills` folders must exist inside the plugin
 * root, `version` should be semver, lists should not repeat names.
 */
import { statSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";
import { compileJsonSchema } from "../config/json-schema-compiler.js";
import { safeRegExpTest } from "../config/safe-regexp.js";
import type { PluginDiagnostic } from "./diagnostics.js";
import { closestMatch, formatPath, splitHintPath } from "./paths.js";
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
  /**
   * False once a code's cap of listed diagnostics is reached; the finding is then only counted (`count`), so a
   * manifest with thousands of findings does not build thousands of messages nobody sees.
   */
  listing?: (code: string) => boolean;
  count?: (code: string, level: PluginDiagnostic["level"]) => void;
}

export function checkManifestSemantics(manifest: PluginManifest, options: ManifestSemanticsOptions): void {
  const { report } = options;

  const compiled = compileJsonSchema(manifest.configSchema);
  if (!compiled.ok && (compiled.reason === "too-deep" || compiled.reason === "too-large")) {
    report("error", `schema-${compiled.reason}`, "configSchema", `${compiled.error}. Config for this plugin cannot be validated until it is fixed.`);
  } else if (!compiled.ok) {
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
  // One step budget for every hint path of the manifest (top level and every channel).
  const budget: StepBudget = { left: HINT_PATH_STEP_BUDGET, exhausted: false };
  const listing = options.listing ?? (() => true);
  const count = options.count ?? (() => undefined);
  const hintFindings: HintFindings = { report, listing, count };
  if (manifest.uiHints) checkHintPaths(manifest.uiHints, manifest.configSchema, ["uiHints"], "configSchema", hintFindings, budget);

  const declaredChannels = new Set(manifest.channels ?? []);
  let compiledChannels = 0;
  for (const [channelId, channelConfig] of Object.entries(manifest.channelConfigs ?? {})) {
    const base = ["channelConfigs", channelId];
    if (compiledChannels++ === MAX_CHANNEL_SCHEMAS_CHECKED) {
      report(
        "warning",
        "channel-config-schemas-unchecked",
        "channelConfigs",
        `only the first ${MAX_CHANNEL_SCHEMAS_CHECKED} channel schemas are compiled by the manifest reader; the others are checked when the gateway config that uses them is validated.`,
      );
    }
    const schemaPath = formatPath([...base, "schema"]);
    const channelCompiled = compiledChannels > MAX_CHANNEL_SCHEMAS_CHECKED ? undefined : compileJsonSchema(channelConfig.schema);
    if (channelCompiled && !channelCompiled.ok && (channelCompiled.reason === "too-deep" || channelCompiled.reason === "too-large")) {
      report("error", `schema-${channelCompiled.reason}`, schemaPath, `${channelCompiled.error}. channels.${channelId} cannot be validated until it is fixed.`);
    } else if (channelCompiled && !channelCompiled.ok) {
      report(
        "error",
        "channel-config-schema-invalid",
        schemaPath,
        `is not a valid JSON Schema: ${channelCompiled.error}. channels.${channelId} cannot be validated until it is fixed.`,
      );
    } else if (channelCompiled) {
      for (const warning of channelCompiled.warnings) report("warning", "config-schema-strict", schemaPath, `${warning} (ignored by validation).`);
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
      checkHintPaths(channelConfig.uiHints, channelConfig.schema, [...base, "uiHints"], schemaPath, hintFindings, budget);
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

/**
 * Work allowed for checking every `uiHints` path of one manifest against its schemas (schema nodes visited, regex
 * tests). Ordinary manifests need a few hundred steps; a hostile one stops here with a warning instead of running on.
 */
export const HINT_PATH_STEP_BUDGET = 100_000;

/**
 * How many channel schemas the reader compiles (each distinct schema is an ajv compile, ~0.3 ms). Real plugins
 * publish a handful; past this the rest are compiled, and reported, when the gateway config is validated.
 */
export const MAX_CHANNEL_SCHEMAS_CHECKED = 32;

interface HintFindings {
  report: Report;
  listing: (code: string) => boolean;
  count: (code: string, level: PluginDiagnostic["level"]) => void;
}

/** Steps left for hint-path checks; `exhausted` once a check ran out (reported once per manifest). */
interface StepBudget {
  left: number;
  exhausted: boolean;
}

function checkHintPaths(
  hints: PluginUiHints,
  schema: Record<string, unknown>,
  hintsPath: PropertyKey[],
  schemaName: string,
  findings: HintFindings,
  budget: StepBudget,
): void {
  const { report } = findings;
  if (budget.exhausted) return;
  const checker = createSchemaPathChecker(schema, budget);
  for (const hintPath of Object.keys(hints)) {
    const declared = checker.declares(hintPath);
    if (declared === "budget") {
      budget.exhausted = true;
      report(
        "warning",
        "ui-hint-check-budget",
        formatPath(hintsPath),
        `not every hint path was checked against ${schemaName}: the schema and hints are too large or too intertwined ($ref/allOf fan-out) to check within the reader's budget. Simplify the schema or drop unused hints.`,
      );
      return;
    }
    if (!declared && !findings.listing("ui-hint-unknown-path")) {
      findings.count("ui-hint-unknown-path", "warning");
    } else if (!declared) {
      const suggestion = checker.suggest(hintPath);
      report(
        "warning",
        "ui-hint-unknown-path",
        formatPath([...hintsPath, hintPath]),
        `"${hintPath}" names no property of ${schemaName}; the hint applies to nothing.${
          suggestion ? ` Did you mean "${suggestion}"?` : ""
        } Fix the path or add the property to the schema.`,
      );
    }
  }
}

type SchemaNode = Record<string, unknown>;

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(node: SchemaNode, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** Checks hint paths against one schema; shares `$ref`/composition expansions and path prefixes between calls. */
interface SchemaPathChecker {
  /** True/false as {@link schemaDeclaresPath}; `"budget"` once the step budget is spent. */
  declares(path: string): boolean | "budget";
  /**
   * For a path the schema does not declare: the closest declared path, each unknown segment replaced by the nearest
   * property name at that point (case-only differences first: `apikey` → `apiKey`), or `undefined`.
   */
  suggest(path: string): string | undefined;
}

const UNKNOWN = "unknown" as const;

function createSchemaPathChecker(root: SchemaNode, budget: StepBudget): SchemaPathChecker {
  const spend = (amount: number): boolean => (budget.left -= amount) < 0;
  // Every schema node reachable from a node through $ref / allOf / anyOf / oneOf / if / then / else, itself
  // included, each once (memoised per node, so a $ref fan-out is expanded once, not once per path to it).
  const variants = new Map<SchemaNode, SchemaNode[] | typeof UNKNOWN>();
  const variantsOf = (start: SchemaNode): SchemaNode[] | typeof UNKNOWN | "budget" => {
    const known = variants.get(start);
    if (known !== undefined) return known;
    const seen = new Set<SchemaNode>([start]);
    const queue: SchemaNode[] = [start];
    for (let index = 0; index < queue.length; index++) {
      if (spend(1)) return "budget";
      const node = queue[index]!;
      const add = (item: unknown): void => {
        if (isSchemaNode(item) && !seen.has(item)) {
          seen.add(item);
          queue.push(item);
        }
      };
      const ref = own(node, "$ref");
      if (typeof ref === "string") {
        const target = resolveLocalRef(root, ref);
        if (!target) {
          variants.set(start, UNKNOWN);
          return UNKNOWN;
        }
        add(target);
      }
      for (const key of ["allOf", "anyOf", "oneOf"]) {
        const list = own(node, key);
        if (Array.isArray(list)) for (const item of list) add(item);
      }
      for (const key of ["if", "then", "else"]) add(own(node, key));
    }
    variants.set(start, queue);
    return queue;
  };
  // Frontier (schema nodes a path prefix can be in) per prefix, as a trie of segments: hints sharing a prefix share
  // the work, and no prefix key string is built per segment.
  interface Prefix {
    nodes: SchemaNode[] | typeof UNKNOWN;
    next: Map<string, Prefix> | undefined;
  }
  const rootPrefix: Prefix = { nodes: [root], next: undefined };
  const step = (current: SchemaNode[], segment: string): SchemaNode[] | typeof UNKNOWN | "budget" => {
    const next = new Set<SchemaNode>();
    const wildcard = segment === "*" || /^\d+$/.test(segment);
    for (const node of current) {
      const expanded = variantsOf(node);
      if (expanded === "budget" || expanded === UNKNOWN) return expanded;
      for (const variant of expanded) {
        if (spend(1)) return "budget";
        const properties = own(variant, "properties");
        if (isSchemaNode(properties)) {
          if (wildcard) {
            for (const child of Object.values(properties)) if (isSchemaNode(child)) next.add(child);
            if (spend(Object.keys(properties).length)) return "budget";
          } else {
            const child = own(properties, segment);
            if (isSchemaNode(child)) next.add(child);
          }
        }
        const patternProperties = own(variant, "patternProperties");
        if (isSchemaNode(patternProperties)) {
          for (const pattern of Object.keys(patternProperties)) {
            const child = patternProperties[pattern];
            if (!isSchemaNode(child)) continue;
            // Linear-time engine; a pattern it cannot run counts as matching (the hint is not wrongly reported).
            // A regex test costs about one step per input character (re2js), plus the pattern's size.
            if (spend(4 + segment.length + (pattern.length >> 3))) return "budget";
            if (wildcard || safeRegExpTest(pattern, segment) !== false) next.add(child);
          }
        }
        const additional = own(variant, "additionalProperties");
        if (isSchemaNode(additional)) next.add(additional);
        if (wildcard) {
          const items = own(variant, "items");
          if (isSchemaNode(items)) next.add(items);
          for (const key of ["prefixItems", "items"]) {
            const list = own(variant, key);
            if (Array.isArray(list)) for (const item of list) if (isSchemaNode(item)) next.add(item);
          }
        }
      }
    }
    return [...next];
  };
  return {
    declares(path) {
      const segments = splitHintPath(path);
      // "" (no segment) is the config object itself.
      if (segments.length === 0) return path === "";
      let prefix = rootPrefix;
      for (const segment of segments) {
        prefix.next ??= new Map();
        let next = prefix.next.get(segment);
        if (next === undefined) {
          const computed = step(prefix.nodes as SchemaNode[], segment);
          if (computed === "budget") return "budget";
          next = { nodes: computed, next: undefined };
          prefix.next.set(segment, next);
        }
        if (next.nodes === UNKNOWN) return true;
        if (next.nodes.length === 0) return false;
        prefix = next;
      }
      return true;
    },
    suggest(path) {
      const segments = splitHintPath(path);
      let nodes: SchemaNode[] = [root];
      const fixed: string[] = [];
      for (const segment of segments) {
        let next = step(nodes, segment);
        let used = segment;
        if (next === "budget" || next === UNKNOWN) return undefined;
        if (next.length === 0) {
          const names = new Set<string>();
          for (const node of nodes) {
            const expanded = variantsOf(node);
            if (expanded === "budget" || expanded === UNKNOWN) return undefined;
            for (const variant of expanded) {
              const properties = own(variant, "properties");
              if (isSchemaNode(properties)) for (const name of Object.keys(properties)) names.add(name);
            }
          }
          if (spend(names.size)) return undefined;
          const match = closestMatch(segment, [...names]);
          if (match === undefined) return undefined;
          next = step(nodes, match);
          if (next === "budget" || next === UNKNOWN || next.length === 0) return undefined;
          used = match;
        }
        fixed.push(used);
        nodes = next;
      }
      const suggestion = fixed.map((segment, index) => (segment === "*" ? "[]" : index === 0 ? segment : `.${segment}`)).join("");
      return suggestion !== path ? suggestion : undefined;
    },
  };
}

/**
 * Whether a dotted config path names something the schema declares: a `properties` entry, a matching
 * `patternProperties` (run on a linear-time engine), an object `additionalProperties`, or `items` (for `*`, `[]`
 * and numeric segments), looking through `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else` and local `$ref`s.
 * Unresolvable `$ref`s count as declared; so does a path whose check would exceed the step budget.
 *
 * @example
 * ```ts
 * schemaDeclaresPath({ type: "object", properties: { a: { type: "string" } } }, "a"); // true
 * ```
 */
export function schemaDeclaresPath(root: SchemaNode, path: string): boolean {
  return createSchemaPathChecker(root, { left: HINT_PATH_STEP_BUDGET, exhausted: false }).declares(path) !== false;
}

function resolveLocalRef(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return undefined; // malformed percent-escape: unresolvable, like any other broken $ref
    }
    if (!isSchemaNode(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return isSchemaNode(node) ? node : undefined;
}
