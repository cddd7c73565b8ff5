/**
 * Resolves a marketplace source to a loaded marketplace: a name from Claude's local registry cache
 * (`~/.claude/plugins/known_marketplaces.json`), a local marketplace root or `marketplace.json` path, `owner/repo`
 * GitHub shorthand, a repository URL, or a git URL (`git@host:…`, `ssh://`, `git://`, `file://`). Remote sources
 * are cloned (depth 1, no prompts) into a temporary folder that {@link ResolvedMarketplace.cleanup} removes.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { parseEntrySource, parseMarketplaceManifest, type MarketplaceEntry, type MarketplaceManifest } from "./marketplace-manifest.js";

const execFileAsync = promisify(execFile);

/** Manifest locations inside a marketplace root, in lookup order. */
export const MARKETPLACE_MANIFEST_PATHS = [".claude-plugin/marketplace.json", "marketplace.json"];

/**
 * Why a marketplace operation failed. `code`: `not-found`, `invalid`, `clone-failed`, `outside-root`,
 * `entry-not-found`, `cycle`.
 *
 * @example
 * ```ts
 * try { await loadMarketplace("acme/tools", opts); } catch (e) { if (e instanceof MarketplaceError) console.error(e.code, e.message); }
 * ```
 */
export class MarketplaceError extends Error {
  readonly code: "not-found" | "invalid" | "clone-failed" | "outside-root" | "entry-not-found" | "cycle";
  constructor(code: MarketplaceError["code"], message: string) {
    super(message);
    this.name = "MarketplaceError";
    this.code = code;
  }
}

/**
 * Where and how to resolve.
 *
 * @example
 * ```ts
 * const options: MarketplaceOptions = { home: "/home/me", cwd: process.cwd() };
 * ```
 */
export interface MarketplaceOptions {
  /** Home folder holding `.claude/plugins/known_marketplaces.json`. */
  home: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  gitCommand?: string;
  /** Clone time limit (ms, default 120 000). */
  timeoutMs?: number;
}

/**
 * A loaded marketplace.
 *
 * @example
 * ```ts
 * const market = await loadMarketplace("./market", { home, cwd });
 * try { market.manifest.plugins.length; } finally { await market.cleanup(); }
 * ```
 */
export interface ResolvedMarketplace {
  /** What the operator gave. */
  input: string;
  /** Resolved source label: the manifest path for local sources, the clone URL (+ `#ref`) for remote ones. */
  label: string;
  origin: "local" | "remote";
  /** The known-marketplace name, when resolved through known_marketplaces.json. */
  knownName?: string;
  rootDir: string;
  manifestPath: string;
  manifest: MarketplaceManifest;
  cleanup(): Promise<void>;
}

/**
 * `~/.claude/plugins/known_marketplaces.json` path.
 *
 * @example
 * ```ts
 * knownMarketplacesFile("/home/me"); // "/home/me/.claude/plugins/known_marketplaces.json"
 * ```
 */
export function knownMarketplacesFile(home: string): string {
  return join(home, ".claude", "plugins", "known_marketplaces.json");
}

/**
 * The known marketplaces of Claude's local registry cache (empty when the file is missing or unreadable).
 *
 * @example
 * ```ts
 * Object.keys(readKnownMarketplaces("/home/me")); // ["acme-tools"]
 * ```
 */
export function readKnownMarketplaces(home: string): Record<string, { installLocation?: string; source?: unknown }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(knownMarketplacesFile(home), "utf8"));
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, { installLocation?: string; source?: unknown }> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== "object" || value === null) continue;
    const record = value as Record<string, unknown>;
    const entry: { installLocation?: string; source?: unknown } = {};
    if (typeof record.installLocation === "string" && record.installLocation.trim()) entry.installLocation = record.installLocation.trim();
    if (record.source !== undefined) entry.source = record.source;
    out[name] = entry;
  }
  return out;
}

function expandHome(path: string, home: string): string {
  return path === "~" ? home : path.startsWith("~/") ? join(home, path.slice(2)) : path;
}

function splitRef(input: string): { base: string; ref?: string } {
  const hash = input.lastIndexOf("#");
  return hash > 0 ? { base: input.slice(0, hash), ref: input.slice(hash + 1) } : { base: input };
}

/**
 * The clone URL of a remote source, or `undefined` when `input` is not one.
 *
 * @example
 * ```ts
 * remoteCloneUrl("acme/tools"); // { url: "https://github.com/acme/tools.git" }
 * ```
 */
export function remoteCloneUrl(input: string): { url: string; ref?: string } | undefined {
  const { base, ref } = splitRef(input.trim());
  const withRef = (url: string) => (ref ? { url, ref } : { url });
  if (/^(ssh|git|file):\/\//.test(base) || /^[\w.-]+@[\w.-]+:/.test(base)) return withRef(base);
  const github = /^https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(base);
  if (github) return withRef(`https://github.com/${github[1]}/${github[2]}.git`);
  if (/^https?:\/\//.test(base)) return withRef(base);
  if (/^[\w.-]+\/[\w.-]+$/.test(base) && !base.startsWith(".")) return withRef(`https://github.com/${base.replace(/\.git$/, "")}.git`);
  return undefined;
}

function findManifest(rootDir: string): string | undefined {
  return MARKETPLACE_MANIFEST_PATHS.map((candidate) => join(rootDir, candidate)).find((file) => existsSync(file));
}

function load(input: string, label: string, origin: "local" | "remote", rootDir: string, manifestPath: string, cleanup: () => Promise<void>): ResolvedMarketplace {
  let raw: string;
  try {
    raw = readFileSync(manifestPath, "utf8");
  } catch (error) {
    throw new MarketplaceError("invalid", `cannot read marketplace manifest ${manifestPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const parsed = parseMarketplaceManifest(raw, manifestPath);
  if (!parsed.ok) throw new MarketplaceError("invalid", parsed.message);
  return { input, label, origin, rootDir, manifestPath, manifest: parsed.manifest, cleanup };
}

function loadLocal(input: string, path: string): ResolvedMarketplace {
  const stats = statSync(path);
  let rootDir: string;
  let manifestPath: string | undefined;
  if (stats.isFile()) {
    manifestPath = path;
    const dir = dirname(path);
    rootDir = basename(dir) === ".claude-plugin" ? dirname(dir) : dir;
  } else {
    rootDir = basename(path) === ".claude-plugin" ? dirname(path) : path;
    manifestPath = findManifest(rootDir);
    if (!manifestPath) {
      throw new MarketplaceError("not-found", `no marketplace manifest under ${rootDir} (looked for ${MARKETPLACE_MANIFEST_PATHS.join(", ")}).`);
    }
  }
  return load(input, manifestPath, "local", rootDir, manifestPath, async () => {});
}

async function clone(input: string, remote: { url: string; ref?: string }, options: MarketplaceOptions): Promise<ResolvedMarketplace> {
  const dir = mkdtempSync(join(tmpdir(), "openclaw-marketplace-"));
  const cleanup = async (): Promise<void> => rmSync(dir, { recursive: true, force: true });
  const label = `${remote.url}${remote.ref ? `#${remote.ref}` : ""}`;
  const args = ["clone", "--quiet", "--depth", "1", ...(remote.ref ? ["--branch", remote.ref] : []), "--", remote.url, join(dir, "repo")];
  try {
    await execFileAsync(options.gitCommand ?? "git", args, {
      env: { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "" },
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 4 * 1024 * 1024,
    });
  } catch (error) {
    await cleanup();
    const err = error as { code?: string; stderr?: string; message: string };
    const detail = err.code === "ENOENT" ? "git is not installed or not on PATH" : (err.stderr ?? err.message).trim().split("\n").slice(-2).join(" | ");
    throw new MarketplaceError("clone-failed", `cannot clone marketplace source ${label}: ${detail}`);
  }
  const rootDir = join(dir, "repo");
  const manifestPath = findManifest(rootDir);
  if (!manifestPath) {
    await cleanup();
    throw new MarketplaceError("not-found", `marketplace source ${label} has no ${MARKETPLACE_MANIFEST_PATHS.join(" or ")}.`);
  }
  try {
    return load(input, label, "remote", rootDir, manifestPath, cleanup);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Resolves and loads a marketplace from any supported source form.
 *
 * @example
 * ```ts
 * const market = await loadMarketplace("file:///srv/git/market.git", { home: os.homedir(), cwd: process.cwd() });
 * ```
 */
export async function loadMarketplace(input: string, options: MarketplaceOptions): Promise<ResolvedMarketplace> {
  const known = readKnownMarketplaces(options.home);
  const visited: string[] = [];
  let current = input.trim();
  let knownName: string | undefined;
  while (Object.hasOwn(known, current)) {
    if (visited.includes(current)) throw new MarketplaceError("cycle", `known marketplace sources form a cycle: ${[...visited, current].join(" -> ")} (${knownMarketplacesFile(options.home)}).`);
    visited.push(current);
    knownName ??= current;
    const entry = known[current]!;
    if (entry.installLocation) {
      const location = resolve(options.cwd, expandHome(entry.installLocation, options.home));
      if (existsSync(location)) return { ...loadLocal(input, location), knownName };
    }
    const source = parseEntrySource(entry.source);
    if (!source.ok) {
      throw new MarketplaceError("invalid", `known marketplace "${current}" in ${knownMarketplacesFile(options.home)} has no usable installLocation or source (${source.message}).`);
    }
    const next = source.source;
    current = next.kind === "path" ? next.path : next.kind === "github" ? `${next.repo}${next.ref ? `#${next.ref}` : ""}` : `${next.url}${next.ref ? `#${next.ref}` : ""}`;
  }
  const localPath = resolve(options.cwd, expandHome(current, options.home));
  const named = knownName ? { knownName } : {};
  if ((isAbsolute(current) || current.startsWith(".") || current.startsWith("~") || !remoteCloneUrl(current)) && existsSync(localPath)) {
    return { ...loadLocal(input, localPath), ...named };
  }
  const remote = remoteCloneUrl(current);
  if (remote) return { ...(await clone(input, remote, options)), ...named };
  throw new MarketplaceError(
    "not-found",
    `marketplace source "${input}" is not a known marketplace (${knownMarketplacesFile(options.home)}), an existing marketplace folder or marketplace.json, owner/repo, or a git URL.`,
  );
}

/**
 * The entry named `plugin`, or an error listing the names the marketplace has.
 *
 * @example
 * ```ts
 * const entry = findMarketplaceEntry(market, "reviewer");
 * ```
 */
export function findMarketplaceEntry(market: ResolvedMarketplace, plugin: string): MarketplaceEntry {
  const entry = market.manifest.plugins.find((candidate) => candidate.name === plugin);
  if (!entry) {
    const names = market.manifest.plugins.map((candidate) => candidate.name);
    throw new MarketplaceError("entry-not-found", `marketplace ${market.label} has no plugin "${plugin}"${names.length ? `; it lists ${names.join(", ")}` : " (it lists none)"}.`);
  }
  return entry;
}

/**
 * The folder a `path` entry points at, refused when it lies outside the marketplace root (also through links).
 *
 * @example
 * ```ts
 * const dir = resolveEntryPath(market, entry); // "/srv/market/plugins/reviewer"
 * ```
 */
export function resolveEntryPath(market: ResolvedMarketplace, entry: MarketplaceEntry & { source: { kind: "path" } }): string {
  const root = resolve(market.rootDir);
  const target = resolve(root, entry.source.path);
  const outside = (path: string, rootPath: string): boolean => {
    const rel = relative(rootPath, path);
    return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  };
  const refuse = (): never => {
    throw new MarketplaceError(
      "outside-root",
      `marketplace ${market.label}: plugin "${entry.name}" points at ${entry.source.path}, which is outside the marketplace root ${root}; entries must stay inside it.`,
    );
  };
  if (outside(target, root)) refuse();
  if (!existsSync(target)) throw new MarketplaceError("not-found", `marketplace ${market.label}: plugin "${entry.name}" points at ${target}, which does not exist.`);
  if (outside(realpathSync(target), realpathSync(root))) refuse();
  return target;
}
