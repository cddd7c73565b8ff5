/**
 * Claude-style marketplace manifests (`.claude-plugin/marketplace.json` or `marketplace.json` at the marketplace
 * root): `{ name, owner?, metadata?: { pluginRoot? }, plugins: [{ name, source, version?, description? }] }` where a
 * plugin `source` is a relative path string, or `{ source: "github", repo, ref? }`, `{ source: "git" | "url", url,
 * ref? }`, `{ source: "directory" | "path", path }`.
 */

/**
 * Where a marketplace entry's plugin lives.
 *
 * @example
 * ```ts
 * const source: MarketplaceEntrySource = { kind: "path", path: "./plugins/reviewer" };
 * ```
 */
export type MarketplaceEntrySource =
  | { kind: "path"; path: string }
  | { kind: "github"; repo: string; ref?: string }
  | { kind: "git"; url: string; ref?: string };

/**
 * One plugin entry.
 *
 * @example
 * ```ts
 * const entry: MarketplaceEntry = { name: "reviewer", source: { kind: "path", path: "./plugins/reviewer" } };
 * ```
 */
export interface MarketplaceEntry {
  name: string;
  version?: string;
  description?: string;
  source: MarketplaceEntrySource;
}

/**
 * A parsed marketplace manifest.
 *
 * @example
 * ```ts
 * const m: MarketplaceManifest = { name: "acme-tools", plugins: [] };
 * ```
 */
export interface MarketplaceManifest {
  name?: string;
  version?: string;
  owner?: string;
  plugins: MarketplaceEntry[];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * Reads an entry's `source` (string path or object); returns a message on a bad shape.
 *
 * @example
 * ```ts
 * parseEntrySource({ source: "github", repo: "acme/tools" }); // { ok: true, source: { kind: "github", repo: "acme/tools" } }
 * ```
 */
export function parseEntrySource(value: unknown, pluginRoot?: string): { ok: true; source: MarketplaceEntrySource } | { ok: false; message: string } {
  if (typeof value === "string") {
    const path = value.trim();
    if (path === "") return { ok: false, message: "source is an empty string" };
    const prefixed = pluginRoot && !path.startsWith("./") && !path.startsWith("../") && !path.startsWith("/") ? `${pluginRoot.replace(/\/+$/, "")}/${path}` : path;
    return { ok: true, source: { kind: "path", path: prefixed } };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "source must be a path string or an object" };
  const record = value as Record<string, unknown>;
  const kind = text(record.source) ?? text(record.type);
  const ref = text(record.ref);
  switch (kind) {
    case "github": {
      const repo = text(record.repo);
      if (!repo) return { ok: false, message: 'github source needs "repo" (owner/repo)' };
      return { ok: true, source: { kind: "github", repo, ...(ref ? { ref } : {}) } };
    }
    case "git":
    case "url": {
      const url = text(record.url);
      if (!url) return { ok: false, message: `${kind} source needs "url"` };
      return { ok: true, source: { kind: "git", url, ...(ref ? { ref } : {}) } };
    }
    case "directory":
    case "path": {
      const path = text(record.path);
      if (!path) return { ok: false, message: `${kind} source needs "path"` };
      return { ok: true, source: { kind: "path", path } };
    }
    default:
      return { ok: false, message: `unsupported source kind ${JSON.stringify(kind ?? null)} (use a path, github, git or url source)` };
  }
}

/**
 * Parses a marketplace manifest; the error names `label` (the file or source) and the entry.
 *
 * @example
 * ```ts
 * const parsed = parseMarketplaceManifest(readFileSync(file, "utf8"), file);
 * if (parsed.ok) parsed.manifest.plugins.map((p) => p.name);
 * ```
 */
export function parseMarketplaceManifest(raw: string, label: string): { ok: true; manifest: MarketplaceManifest } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { ok: false, message: `marketplace manifest ${label} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix its syntax.` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ok: false, message: `marketplace manifest ${label} must hold a JSON object.` };
  const record = parsed as Record<string, unknown>;
  if (!Array.isArray(record.plugins)) return { ok: false, message: `marketplace manifest ${label} has no plugins array.` };
  const metadata = typeof record.metadata === "object" && record.metadata !== null ? (record.metadata as Record<string, unknown>) : {};
  const pluginRoot = text(metadata.pluginRoot);
  const plugins: MarketplaceEntry[] = [];
  for (const [index, item] of record.plugins.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return { ok: false, message: `marketplace manifest ${label}: plugins[${index}] must be an object.` };
    const entry = item as Record<string, unknown>;
    const name = text(entry.name);
    if (!name) return { ok: false, message: `marketplace manifest ${label}: plugins[${index}] has no name.` };
    const source = parseEntrySource(entry.source, pluginRoot);
    if (!source.ok) return { ok: false, message: `marketplace manifest ${label}: plugin "${name}": ${source.message}.` };
    const out: MarketplaceEntry = { name, source: source.source };
    const version = text(entry.version);
    const description = text(entry.description);
    if (version) out.version = version;
    if (description) out.description = description;
    plugins.push(out);
  }
  const manifest: MarketplaceManifest = { plugins };
  const name = text(record.name);
  const version = text(record.version);
  const owner = typeof record.owner === "object" && record.owner !== null ? text((record.owner as Record<string, unknown>).name) : text(record.owner);
  if (name) manifest.name = name;
  if (version) manifest.version = version;
  if (owner) manifest.owner = owner;
  return { ok: true, manifest };
}
