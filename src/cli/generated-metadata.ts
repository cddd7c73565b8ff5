/**
 * The manifest fields `openclaw plugins build` generates from a tool plugin's static metadata, and the
 * comparison `build --check` and `validate` use to detect stale metadata.
 *
 * Generated (owned by `build`): `id`, `name`, `description`, `version` (from package.json), `configSchema`,
 * `activation` (when the entry declares one) and `contracts.tools`. Every other manifest field — including other
 * `contracts` lists — is kept as written. Existing key order is kept; new keys are appended in the order above.
 */
import { isDeepStrictEqual } from "node:util";

/** Static metadata of a tool plugin entry, as `plugins build` consumes it. */
export interface ToolPluginBuildMetadata {
  id: string;
  name: string;
  description: string;
  /** JSON Schema of the plugin config (`{}`-like object schema when the entry declares none). */
  configSchema: Record<string, unknown>;
  activation?: Record<string, unknown>;
  /** Tool names in declaration order. */
  tools: string[];
}

/** One generated field whose value on disk differs from what `build` would write. */
export interface MetadataDifference {
  /** File the field lives in (`openclaw.plugin.json` or `package.json`), relative to the plugin root. */
  file: string;
  /** Dotted field path. */
  path: string;
  expected: unknown;
  /** Value on disk (`undefined` when missing). */
  actual: unknown;
}

const GENERATED_ORDER = ["id", "name", "description", "version", "configSchema", "activation", "contracts"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The manifest `build` would write: `existing` (possibly empty) with the generated fields replaced.
 *
 * @example
 * ```ts
 * const manifest = generateManifest({
 *   existing: { id: "demo", configSchema: {}, uiHints: {} },
 *   metadata: { id: "demo", name: "Demo", description: "d", configSchema: { type: "object" }, tools: ["demo_echo"] },
 *   packageVersion: "0.1.0",
 * });
 * manifest.contracts; // { tools: ["demo_echo"] }
 * ```
 */
export function generateManifest(options: {
  existing: Record<string, unknown> | undefined;
  metadata: ToolPluginBuildMetadata;
  packageVersion?: string;
}): Record<string, unknown> {
  const { metadata } = options;
  const existing = options.existing ?? {};
  const contracts = isRecord(existing.contracts) ? { ...existing.contracts } : {};
  contracts.tools = [...metadata.tools];
  const generated: Record<string, unknown> = {
    id: metadata.id,
    name: metadata.name,
    description: metadata.description,
    version: options.packageVersion ?? existing.version,
    configSchema: metadata.configSchema,
    activation: metadata.activation ?? existing.activation,
    contracts,
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(existing)) {
    out[key] = key in generated ? generated[key] : value;
  }
  for (const key of GENERATED_ORDER) {
    if (!(key in out)) out[key] = generated[key];
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * Differences between the generated fields of `expected` and `actual` (both manifests).
 *
 * @example
 * ```ts
 * diffGeneratedManifest({ id: "a", contracts: { tools: ["x", "y"] } }, { id: "a", contracts: { tools: ["x"] } });
 * // [{ file: "openclaw.plugin.json", path: "contracts.tools", expected: ["x", "y"], actual: ["x"] }]
 * ```
 */
export function diffGeneratedManifest(
  expected: Record<string, unknown>,
  actual: Record<string, unknown> | undefined,
  file = "openclaw.plugin.json",
): MetadataDifference[] {
  const differences: MetadataDifference[] = [];
  const current = actual ?? {};
  for (const key of GENERATED_ORDER) {
    if (key === "contracts") {
      const want = isRecord(expected.contracts) ? expected.contracts.tools : undefined;
      const have = isRecord(current.contracts) ? current.contracts.tools : undefined;
      if (!isDeepStrictEqual(want, have)) differences.push({ file, path: "contracts.tools", expected: want, actual: have });
      continue;
    }
    if (!isDeepStrictEqual(expected[key], current[key])) {
      differences.push({ file, path: key, expected: expected[key], actual: current[key] });
    }
  }
  return differences;
}

/**
 * `package.json` with `openclaw.extensions` aligned to `entry` (a `./`-relative path): unchanged when the entry is
 * already listed, otherwise the entry becomes the first extension (other listed entries are kept).
 *
 * @example
 * ```ts
 * alignPackageExtensions({ name: "demo" }, "./dist/index.js").packageJson.openclaw; // { extensions: ["./dist/index.js"] }
 * ```
 */
export function alignPackageExtensions(
  packageJson: Record<string, unknown>,
  entry: string,
): { changed: boolean; packageJson: Record<string, unknown>; difference?: MetadataDifference } {
  const section = isRecord(packageJson.openclaw) ? packageJson.openclaw : {};
  const current = Array.isArray(section.extensions) ? (section.extensions as unknown[]) : undefined;
  const normalized = (value: unknown): string => (typeof value === "string" ? value.replace(/^\.\//, "") : "");
  if (current?.some((value) => normalized(value) === normalized(entry))) return { changed: false, packageJson };
  const extensions = [entry, ...(current ?? []).filter((value) => typeof value === "string")];
  return {
    changed: true,
    packageJson: { ...packageJson, openclaw: { ...section, extensions } },
    difference: { file: "package.json", path: "openclaw.extensions", expected: extensions, actual: current },
  };
}

/**
 * Pretty JSON as `build` writes it (two-space indent, trailing newline).
 *
 * @example
 * ```ts
 * stringifyJsonFile({ id: "demo" }); // '{\n  "id": "demo"\n}\n'
 * ```
 */
export function stringifyJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
