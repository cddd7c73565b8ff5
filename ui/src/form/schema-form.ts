/**
 * Pure form generation: a plugin's JSON Schema (`configSchema`) and its `uiHints` become a tree of form nodes the
 * control page renders. No DOM, no Preact — everything here is unit-tested in Node.
 *
 * Rules (docs/control-page.md has the full table):
 * - object → a group (fieldset); its properties are its children, in schema order;
 * - `enum` (or `oneOf`/`anyOf` of `const`s) → select; boolean → switch; integer/number → number input;
 *   array of strings/numbers → one value per line; anything else the form cannot edit field by field → JSON text;
 * - label: hint `label`, else schema `title`, else the key in words; help: hint `help`, else schema `description`;
 *   placeholder: hint `placeholder`, else the schema `default`;
 * - `sensitive` hints (and sensitive parameters reported by the server) → password input, never pre-filled;
 * - `advanced` hints → folded away in the group's "Advanced" section.
 */

/** One `uiHints` entry of a plugin manifest. */
export interface UiHint {
  label?: string;
  help?: string;
  placeholder?: string;
  sensitive?: boolean;
  advanced?: boolean;
  tags?: string[];
}

/** `uiHints` of a manifest: config path (dotted, `*` matches any key or array item) → hint. */
export type UiHints = Record<string, UiHint>;

/** A JSON Schema node as far as the form reads it. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
  [key: string]: unknown;
}

/** How a field is edited. */
export type FieldControl = "text" | "password" | "number" | "switch" | "select" | "list" | "json";

/** An option of a select. `value` is the JSON value; `key` its string form (what the `<option>` carries). */
export interface SelectOption {
  key: string;
  label: string;
  value: unknown;
}

/** A leaf of the form. */
export interface FieldNode {
  kind: "field";
  /** Dotted config path, e.g. `twilio.authToken`. Also the field's identity in form state and error maps. */
  path: string;
  key: string;
  control: FieldControl;
  label: string;
  help?: string;
  placeholder?: string;
  required: boolean;
  sensitive: boolean;
  advanced: boolean;
  /** For `number` controls: the schema said `integer`. */
  integer?: boolean;
  /** For `text` controls: the input type (`text`, `url`, `email`). */
  inputType?: "text" | "url" | "email";
  /** For `list` controls: items are numbers. */
  numericItems?: boolean;
  options?: SelectOption[];
  min?: number;
  max?: number;
  pattern?: string;
  defaultValue?: unknown;
}

/** A nested object. */
export interface GroupNode {
  kind: "group";
  path: string;
  key: string;
  label: string;
  help?: string;
  required: boolean;
  advanced: boolean;
  children: FormNode[];
}

/** A node of the generated form. */
export type FormNode = FieldNode | GroupNode;

/** The generated form of one plugin: the root object's children. */
export interface FormModel {
  nodes: FormNode[];
  /** Config paths the form could not represent (kept as they are when saving). */
  notes: string[];
}

/** Extra knowledge from the server's `parameters` list (keys it marks sensitive even without a hint). */
export interface FormModelOptions {
  sensitivePaths?: Iterable<string>;
  /** Nesting depth past which an object is edited as JSON text (default 6). */
  maxDepth?: number;
}

const MAX_REF_HOPS = 32;

/** Turns `fromNumber`, `from_number` or `from-number` into "From number". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();
  if (words === "") return key;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Joins a parent path and a key into a dotted config path. */
export function joinPath(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

/**
 * Finds the hint for a config path: an exact key first, then a key with `*` wildcards (`accounts.*.token`).
 * Array items may be written `items[].x`, `items.*.x` or `items.x` in hint keys; all three match here.
 */
export function findHint(hints: UiHints | undefined, path: string): UiHint | undefined {
  if (!hints) return undefined;
  if (Object.hasOwn(hints, path)) return hints[path];
  const segments = path.split(".");
  for (const [key, hint] of Object.entries(hints)) {
    if (!key.includes("*") && !key.includes("[]")) continue;
    const pattern = key.replace(/\[\]/g, ".*").split(".");
    if (pattern.length !== segments.length) continue;
    if (pattern.every((part, i) => part === "*" || part === segments[i])) return hint;
  }
  return undefined;
}

/** Resolves a local `$ref` (`#/definitions/x`, `#/$defs/x`, `#/properties/a`) against the root schema. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hop = 0; hop < MAX_REF_HOPS && typeof current.$ref === "string"; hop++) {
    const ref = current.$ref;
    if (!ref.startsWith("#")) return { ...current, $ref: undefined };
    const parts = ref
      .slice(1)
      .split("/")
      .filter((part) => part !== "")
      .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
    let target: unknown = root;
    for (const part of parts) {
      target = isRecord(target) && Object.hasOwn(target, part) ? target[part] : undefined;
    }
    if (!isRecord(target)) return { ...current, $ref: undefined };
    const { $ref: _ignored, ...rest } = current;
    current = { ...(target as JsonSchema), ...rest };
  }
  return current;
}

/** The first non-null type a schema allows, looking through `type` arrays, `allOf` and nullable `anyOf`/`oneOf`. */
export function schemaType(root: JsonSchema, schema: JsonSchema): string | undefined {
  const resolved = resolveRef(root, schema);
  const { type } = resolved;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t) => t !== "null");
  if (resolved.properties) return "object";
  if (resolved.enum && resolved.enum.length > 0) return jsonTypeOf(resolved.enum.find((v) => v !== null));
  if ("const" in resolved) return jsonTypeOf(resolved.const);
  for (const list of [resolved.allOf, resolved.anyOf, resolved.oneOf]) {
    if (!list) continue;
    for (const branch of list) {
      const t = schemaType(root, branch);
      if (t && t !== "null") return t;
    }
  }
  return undefined;
}

/** The fixed choices of a schema: `enum`, or `oneOf`/`anyOf` made only of `const` branches (titles become labels). */
export function choicesOf(root: JsonSchema, schema: JsonSchema): SelectOption[] | undefined {
  const resolved = resolveRef(root, schema);
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) {
    return resolved.enum.filter((v) => v !== null).map((value) => option(value));
  }
  for (const list of [resolved.oneOf, resolved.anyOf]) {
    if (!list || list.length === 0) continue;
    const branches = list.map((branch) => resolveRef(root, branch));
    const constant = branches.filter((b) => b.type !== "null");
    if (constant.length > 0 && constant.every((b) => "const" in b || (Array.isArray(b.enum) && b.enum.length === 1))) {
      return constant.map((b) => option("const" in b ? b.const : b.enum![0], b.title));
    }
  }
  return undefined;
}

function option(value: unknown, title?: string): SelectOption {
  const key = typeof value === "string" ? value : JSON.stringify(value);
  return { key, value, label: title ?? key };
}

/**
 * Builds the form model of a plugin's config schema.
 *
 * @example
 * ```ts
 * const model = buildFormModel(manifest.configSchema, manifest.uiHints);
 * model.nodes[0]; // { kind: "field", path: "enabled", control: "switch", label: "Enabled", … }
 * ```
 */
export function buildFormModel(configSchema: JsonSchema | undefined, uiHints?: UiHints, options: FormModelOptions = {}): FormModel {
  const root = configSchema ?? { type: "object", properties: {} };
  const sensitive = new Set(options.sensitivePaths ?? []);
  const notes: string[] = [];
  const context: BuildContext = { root, hints: uiHints, sensitive, notes, maxDepth: options.maxDepth ?? 6 };
  const resolved = resolveRef(root, root);
  const nodes = buildChildren(context, resolved, "", 0, false);
  if (resolved.additionalProperties && typeof resolved.additionalProperties === "object" && !resolved.properties) {
    notes.push("(root): free-form keys are edited as JSON");
  }
  return { nodes, notes };
}

interface BuildContext {
  root: JsonSchema;
  hints: UiHints | undefined;
  sensitive: Set<string>;
  notes: string[];
  maxDepth: number;
}

function buildChildren(context: BuildContext, objectSchema: JsonSchema, parentPath: string, depth: number, parentAdvanced: boolean): FormNode[] {
  const merged = mergeAllOf(context.root, objectSchema);
  const properties = merged.properties ?? {};
  const required = new Set(merged.required ?? []);
  const nodes: FormNode[] = [];
  for (const [key, propertySchema] of Object.entries(properties)) {
    if (!isRecord(propertySchema)) continue;
    nodes.push(buildNode(context, key, propertySchema, joinPath(parentPath, key), required.has(key), depth, parentAdvanced));
  }
  return nodes;
}

function mergeAllOf(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const resolved = resolveRef(root, schema);
  if (!resolved.allOf) return resolved;
  let properties = { ...(resolved.properties ?? {}) };
  let required = [...(resolved.required ?? [])];
  for (const branch of resolved.allOf) {
    const part = mergeAllOf(root, branch);
    properties = { ...properties, ...(part.properties ?? {}) };
    required = [...required, ...(part.required ?? [])];
  }
  return { ...resolved, properties, required };
}

function buildNode(
  context: BuildContext,
  key: string,
  rawSchema: JsonSchema,
  path: string,
  required: boolean,
  depth: number,
  parentAdvanced: boolean,
): FormNode {
  const schema = resolveRef(context.root, rawSchema);
  const hint = findHint(context.hints, path);
  const label = nonBlank(hint?.label) ?? nonBlank(schema.title) ?? humanizeKey(key);
  const help = nonBlank(hint?.help) ?? nonBlank(schema.description);
  const advanced = hint?.advanced === true;
  const sensitive = hint?.sensitive === true || context.sensitive.has(path);
  const type = schemaType(context.root, schema);
  const choices = choicesOf(context.root, schema);

  if (type === "object" && !choices && !sensitive) {
    const merged = mergeAllOf(context.root, schema);
    if (merged.properties && Object.keys(merged.properties).length > 0 && depth < context.maxDepth) {
      const group: GroupNode = {
        kind: "group",
        path,
        key,
        label,
        required,
        advanced,
        children: buildChildren(context, merged, path, depth + 1, parentAdvanced || advanced),
      };
      if (help !== undefined) group.help = help;
      return group;
    }
  }

  const field: FieldNode = { kind: "field", path, key, control: "text", label, required, sensitive, advanced };
  if (help !== undefined) field.help = help;
  const placeholder = nonBlank(hint?.placeholder) ?? placeholderFromDefault(schema.default);
  if (placeholder !== undefined && !sensitive) field.placeholder = placeholder;
  if (schema.default !== undefined) field.defaultValue = schema.default;

  if (sensitive) {
    field.control = "password";
  } else if (choices) {
    field.control = "select";
    field.options = choices;
  } else if (type === "boolean") {
    field.control = "switch";
  } else if (type === "integer" || type === "number") {
    field.control = "number";
    if (type === "integer") field.integer = true;
    const min = numericBound(schema.minimum, schema.exclusiveMinimum, 1, type === "integer");
    const max = numericBound(schema.maximum, schema.exclusiveMaximum, -1, type === "integer");
    if (min !== undefined) field.min = min;
    if (max !== undefined) field.max = max;
  } else if (type === "array") {
    const items = Array.isArray(schema.items) ? undefined : schema.items;
    const itemType = items ? schemaType(context.root, items) : undefined;
    if (itemType === "string" || itemType === "number" || itemType === "integer") {
      field.control = "list";
      if (itemType !== "string") field.numericItems = true;
    } else {
      field.control = "json";
      context.notes.push(`${path}: edited as JSON`);
    }
  } else if (type === "string" || type === undefined) {
    if (type === undefined) {
      field.control = "json";
      context.notes.push(`${path}: no type in the schema; edited as JSON`);
    } else {
      field.control = "text";
      field.inputType = schema.format === "uri" || schema.format === "url" ? "url" : schema.format === "email" ? "email" : "text";
      if (typeof schema.pattern === "string") field.pattern = schema.pattern;
    }
  } else {
    field.control = "json";
    context.notes.push(`${path}: edited as JSON`);
  }
  return field;
}

function numericBound(inclusive: number | undefined, exclusive: number | boolean | undefined, step: 1 | -1, integer: boolean): number | undefined {
  if (typeof exclusive === "number") return integer ? exclusive + step : exclusive;
  if (exclusive === true && typeof inclusive === "number") return integer ? inclusive + step : inclusive;
  return typeof inclusive === "number" ? inclusive : undefined;
}

function placeholderFromDefault(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function jsonTypeOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** True for plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every field of a model, depth first, in render order. */
export function listFields(nodes: readonly FormNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  for (const node of nodes) {
    if (node.kind === "field") out.push(node);
    else out.push(...listFields(node.children));
  }
  return out;
}

/** Splits a group's children into the ones shown and the ones folded under "Advanced". */
export function splitAdvanced(nodes: readonly FormNode[]): { basic: FormNode[]; advanced: FormNode[] } {
  const basic: FormNode[] = [];
  const advanced: FormNode[] = [];
  for (const node of nodes) (node.advanced ? advanced : basic).push(node);
  return { basic, advanced };
}
