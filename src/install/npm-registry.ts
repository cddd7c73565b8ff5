/**
 * A small npm registry client: where the registry is, the package document, which version a spec selects (stable
 * channel, plugin API compatibility) and a verified tarball download.
 *
 * Registry URL: the request's `registry`, else `npm_config_registry` / `NPM_CONFIG_REGISTRY`, else
 * `npm config get registry`, else https://registry.npmjs.org/. An `npm_config_//host/:_authToken` (or
 * `NPM_TOKEN` with a matching registry) is sent as a bearer token.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { promisify } from "node:util";
import { installError, errorText } from "./failure.js";
import type { NpmSpec } from "./npm-spec.js";
import { loadOperatorDependency } from "../vendor/load-operator-dependency.js";

const execFileAsync = promisify(execFile);

/** Default public registry. */
export const DEFAULT_NPM_REGISTRY = "https://registry.npmjs.org/";

/** A version document from the registry (only the fields the installer reads). */
export interface NpmVersionDoc {
  name: string;
  version: string;
  dist: { tarball: string; integrity?: string; shasum?: string; unpackedSize?: number };
  deprecated?: string;
  peerDependencies?: Record<string, string>;
  openclaw?: { compat?: { pluginApi?: unknown }; install?: { minHostVersion?: unknown } };
}

/** The package document. */
export interface NpmPackument {
  name: string;
  "dist-tags": Record<string, string>;
  versions: Record<string, NpmVersionDoc>;
}

const registryCache = new Map<string, string>();

/**
 * Resolves the registry URL by the rule in the module comment (the `npm config` answer is cached per process).
 *
 * @example
 * ```ts
 * await resolveRegistry({ env: { npm_config_registry: "http://127.0.0.1:4873" } }); // "http://127.0.0.1:4873/"
 * ```
 */
export async function resolveRegistry(options: { registry?: string | undefined; env: NodeJS.ProcessEnv; npmCommand?: string }): Promise<string> {
  const explicit = options.registry ?? options.env.npm_config_registry ?? options.env.NPM_CONFIG_REGISTRY;
  if (explicit) return withSlash(explicit);
  const npm = options.npmCommand ?? "npm";
  const cached = registryCache.get(npm);
  if (cached) return cached;
  let found = DEFAULT_NPM_REGISTRY;
  try {
    const { stdout } = await execFileAsync(npm, ["config", "get", "registry"], { env: options.env, timeout: 15_000 });
    const value = stdout.trim();
    if (/^https?:\/\//.test(value)) found = withSlash(value);
  } catch {
    // no npm on PATH: the default registry
  }
  registryCache.set(npm, found);
  return found;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function authHeader(registry: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const host = registry.replace(/^https?:/, "");
  const token = env[`npm_config_${host}:_authToken`] ?? env.NPM_TOKEN;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Fetches the full package document (custom `openclaw` fields included; the abbreviated form drops them).
 *
 * @example
 * ```ts
 * const doc = await fetchPackument("http://127.0.0.1:4873/", "demo", { env: process.env });
 * ```
 */
export async function fetchPackument(registry: string, name: string, options: { env: NodeJS.ProcessEnv; signal?: AbortSignal | undefined }): Promise<NpmPackument> {
  const url = `${registry}${name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json", ...authHeader(registry, options.env) }, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    throw installError("download-failed", `Cannot reach the npm registry ${registry} for ${name}: ${errorText(error)}.`, {
      source: `npm:${name}`,
      rule: "npm installs read the package metadata from the configured registry",
      fix: "check the network or pass --registry <url> (or set npm_config_registry)",
    });
  }
  if (response.status === 404) {
    throw installError("source-not-found", `Package ${name} does not exist on ${registry}.`, {
      source: `npm:${name}`,
      rule: "npm installs need a package published to the registry",
      fix: "check the package name, or pass --registry <url> for a private registry",
    });
  }
  if (!response.ok) {
    throw installError("download-failed", `The npm registry ${registry} answered ${response.status} for ${name}.`, {
      source: `npm:${name}`,
      rule: "npm installs read the package metadata from the configured registry",
      fix: "retry later, or check credentials (npm login) for a private registry",
    });
  }
  const doc = (await response.json()) as Partial<NpmPackument>;
  if (!doc || typeof doc !== "object" || typeof doc.versions !== "object" || doc.versions === null) {
    throw installError("download-failed", `The npm registry ${registry} returned an unusable document for ${name}.`, {
      source: `npm:${name}`,
      rule: "npm installs read the package metadata from the configured registry",
      fix: "check --registry points at an npm registry",
    });
  }
  return { name, "dist-tags": doc["dist-tags"] ?? {}, versions: doc.versions };
}

type Semver = typeof import("semver");
let semverModule: Semver | undefined;
/** `semver`, loaded on first use. */
export function semver(): Semver {
  semverModule ??= loadOperatorDependency<Semver>("semver");
  return semverModule;
}

/**
 * True for a stable release. OpenClaw's dated correction releases (`2026.5.3-1`: a year-sized major and one numeric
 * prerelease part) count as stable.
 *
 * @example
 * ```ts
 * isStableVersion("2026.5.3-1"); // true
 * isStableVersion("1.2.3-beta.4"); // false
 * ```
 */
export function isStableVersion(version: string): boolean {
  const parsed = semver().parse(version);
  if (!parsed) return false;
  if (parsed.prerelease.length === 0) return true;
  return parsed.major >= 2000 && parsed.prerelease.length === 1 && typeof parsed.prerelease[0] === "number";
}

/**
 * Why a package version does not fit this host, or undefined when it does. Read from the package.json fields the
 * established host reads: `openclaw.compat.pluginApi` (a semver range the host's plugin API version must satisfy),
 * `openclaw.install.minHostVersion` (`>=x.y.z`) and `peerDependencies.openclaw`.
 *
 * @example
 * ```ts
 * compatibilityProblem({ openclaw: { compat: { pluginApi: ">=2027.1.0" } } }, "2026.11.0");
 * // 'openclaw.compat.pluginApi ">=2027.1.0" is not satisfied by plugin API 2026.11.0'
 * ```
 */
export function compatibilityProblem(
  pkg: { openclaw?: unknown; peerDependencies?: unknown } | undefined,
  hostVersion: string,
): string | undefined {
  if (!pkg) return undefined;
  const s = semver();
  const host = s.coerce(hostVersion, { includePrerelease: true })?.version ?? hostVersion;
  const check = (field: string, range: unknown): string | undefined => {
    if (range === undefined) return undefined;
    if (typeof range !== "string" || s.validRange(range) === null) return `${field} ${JSON.stringify(range)} is not a semver range`;
    return s.satisfies(host, range, { includePrerelease: true }) ? undefined : `${field} "${range}" is not satisfied by plugin API ${hostVersion}`;
  };
  const openclaw = (typeof pkg.openclaw === "object" && pkg.openclaw !== null ? pkg.openclaw : {}) as Record<string, unknown>;
  const compat = (typeof openclaw.compat === "object" && openclaw.compat !== null ? openclaw.compat : {}) as Record<string, unknown>;
  const install = (typeof openclaw.install === "object" && openclaw.install !== null ? openclaw.install : {}) as Record<string, unknown>;
  const peers = (typeof pkg.peerDependencies === "object" && pkg.peerDependencies !== null ? pkg.peerDependencies : {}) as Record<string, unknown>;
  return (
    check("openclaw.compat.pluginApi", compat.pluginApi) ??
    check("openclaw.install.minHostVersion", install.minHostVersion) ??
    (typeof peers.openclaw === "string" && peers.openclaw.startsWith("workspace:") ? undefined : check("peerDependencies.openclaw", peers.openclaw))
  );
}

/**
 * The version a spec selects. Default specs (`name`, `name@latest`) take `latest` and must be stable (else
 * `prerelease-refused`); when it needs a newer plugin API, the newest compatible stable release below it is taken
 * instead. Exact versions and explicit tags are strict: incompatible → `incompatible`.
 *
 * @example
 * ```ts
 * const { doc, fellBackFrom } = selectVersion(packument, parseNpmSpec("demo"), "2026.11.0");
 * ```
 */
export function selectVersion(packument: NpmPackument, spec: NpmSpec, hostVersion: string): { doc: NpmVersionDoc; fellBackFrom?: string } {
  const source = spec.raw;
  const name = spec.name;
  const get = (version: string): NpmVersionDoc => {
    const doc = packument.versions[version];
    if (!doc) {
      throw installError("source-not-found", `${name}@${version} is not published on the registry.`, {
        source,
        rule: "an exact version must exist on the registry",
        fix: `openclaw plugins install npm:${name} (latest stable) or pick a published version: npm view ${name} versions`,
      });
    }
    return doc;
  };
  const strict = (doc: NpmVersionDoc, asked: string): { doc: NpmVersionDoc } => {
    const problem = compatibilityProblem(doc, hostVersion);
    if (problem) {
      throw installError("incompatible", `${name}@${doc.version} (${asked}) does not fit this OpenClaw: ${problem}.`, {
        source,
        rule: "an exact version or explicit dist-tag is installed only when compatible (no fallback)",
        fix: `upgrade OpenClaw, or choose a compatible version: openclaw plugins install npm:${name}`,
        details: { version: doc.version, hostVersion },
      });
    }
    return { doc };
  };
  if (spec.selector.kind === "version") return strict(get(spec.selector.value), `exact version ${spec.selector.value}`);
  if (spec.selector.kind === "tag") {
    const version = packument["dist-tags"][spec.selector.value];
    if (!version) {
      throw installError("source-not-found", `${name} has no dist-tag "${spec.selector.value}".`, {
        source,
        rule: "a dist-tag must exist on the registry",
        fix: `npm view ${name} dist-tags, then openclaw plugins install npm:${name}@<tag>`,
        details: { distTags: packument["dist-tags"] },
      });
    }
    return strict(get(version), `dist-tag ${spec.selector.value}`);
  }
  const latest = packument["dist-tags"].latest;
  if (!latest) {
    throw installError("source-not-found", `${name} has no "latest" dist-tag.`, {
      source,
      rule: "a bare npm spec installs the latest stable release",
      fix: `npm view ${name} dist-tags, then openclaw plugins install npm:${name}@<tag-or-version>`,
    });
  }
  if (!isStableVersion(latest)) {
    throw installError("prerelease-refused", `${name}@latest resolves to the prerelease ${latest}; a bare spec installs stable releases only.`, {
      source,
      rule: "bare specs and @latest stay on the stable channel",
      fix: `ask for it explicitly: openclaw plugins install npm:${name}@${latest} (or a prerelease tag such as @beta)`,
      details: { version: latest },
    });
  }
  const latestDoc = get(latest);
  const latestProblem = compatibilityProblem(latestDoc, hostVersion);
  if (!latestProblem) return { doc: latestDoc };
  const s = semver();
  const candidates = Object.keys(packument.versions)
    .filter((v) => s.valid(v) && isStableVersion(v) && s.lt(v, latest) && !packument.versions[v]?.deprecated)
    .sort((a, b) => s.rcompare(a, b));
  for (const version of candidates) {
    const doc = packument.versions[version]!;
    if (!compatibilityProblem(doc, hostVersion)) return { doc, fellBackFrom: latest };
  }
  throw installError("incompatible", `No stable release of ${name} fits this OpenClaw: latest ${latest} needs ${latestProblem}, and no older stable release is compatible.`, {
    source,
    rule: "a bare spec installs the newest stable release compatible with this OpenClaw's plugin API",
    fix: "upgrade OpenClaw, or ask the plugin author for a compatible release",
    details: { latest, hostVersion },
  });
}

/**
 * Artifact hashes of a file's bytes: SRI `sha512-…` and sha1 hex (npm's `dist.integrity` and `dist.shasum`).
 *
 * @example
 * ```ts
 * const h = createArtifactHasher(); h.update(bytes); h.digest(); // { integrity: "sha512-…", shasum: "…" }
 * ```
 */
export function createArtifactHasher(): { update(chunk: Uint8Array): void; digest(): { integrity: string; shasum: string } } {
  const sha512 = createHash("sha512");
  const sha1 = createHash("sha1");
  return {
    update(chunk) {
      sha512.update(chunk);
      sha1.update(chunk);
    },
    digest: () => ({ integrity: `sha512-${sha512.digest("base64")}`, shasum: sha1.digest("hex") }),
  };
}

/**
 * True when the SRI string `expected` (one or more `algo-base64` entries) names `actual`'s sha512, or, when it has
 * no sha512 entry, when `expectedShasum` equals `actualShasum`.
 *
 * @example
 * ```ts
 * integrityMatches("sha512-AAA sha1-BBB", { integrity: "sha512-AAA", shasum: "…" }); // true
 * ```
 */
export function integrityMatches(
  expected: { integrity?: string | undefined; shasum?: string | undefined },
  actual: { integrity: string; shasum: string },
): boolean {
  const entries = (expected.integrity ?? "").split(/\s+/).filter(Boolean);
  const sha512 = entries.filter((e) => e.startsWith("sha512-"));
  if (sha512.length > 0) return sha512.some((e) => e.split("?")[0] === actual.integrity);
  if (expected.shasum) return expected.shasum.toLowerCase() === actual.shasum;
  const sha1 = entries.filter((e) => e.startsWith("sha1-"));
  if (sha1.length > 0) return sha1.some((e) => Buffer.from(e.slice(5).split("?")[0]!, "base64").toString("hex") === actual.shasum);
  return true;
}

/**
 * Downloads a tarball to `file`, reporting bytes, and verifies it against the registry's integrity and shasum
 * (`integrity-mismatch` when it differs: the file is corrupted or was replaced).
 *
 * @example
 * ```ts
 * await downloadTarball(doc, "/stage/scratch/demo.tgz", { env: process.env, onBytes: (n, total) => {} });
 * ```
 */
export async function downloadTarball(
  doc: NpmVersionDoc,
  file: string,
  options: { registry: string; env: NodeJS.ProcessEnv; signal?: AbortSignal | undefined; onBytes?: (bytes: number, total?: number) => void },
): Promise<{ integrity: string; shasum: string; bytes: number }> {
  const source = `npm:${doc.name}@${doc.version}`;
  let response: Response;
  try {
    response = await fetch(doc.dist.tarball, { headers: authHeader(options.registry, options.env), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    throw installError("download-failed", `Cannot download ${doc.dist.tarball}: ${errorText(error)}.`, {
      source,
      rule: "npm installs download the tarball the registry names",
      fix: "check the network and retry",
    });
  }
  if (!response.ok || !response.body) {
    throw installError("download-failed", `Downloading ${doc.dist.tarball} failed with HTTP ${response.status}.`, {
      source,
      rule: "npm installs download the tarball the registry names",
      fix: "retry later, or check credentials for a private registry",
    });
  }
  const totalHeader = Number(response.headers.get("content-length"));
  const total = Number.isFinite(totalHeader) && totalHeader > 0 ? totalHeader : undefined;
  const hasher = createArtifactHasher();
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  let bytes = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hasher.update(chunk);
      bytes += chunk.byteLength;
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once("drain", () => ok()));
      options.onBytes?.(bytes, total);
    }
  } finally {
    await new Promise<void>((ok, ko) => out.end((error?: Error | null) => (error ? ko(error) : ok())));
  }
  const actual = hasher.digest();
  if (!integrityMatches(doc.dist, actual)) {
    throw installError("integrity-mismatch", `The tarball of ${doc.name}@${doc.version} does not match the registry's integrity: expected ${doc.dist.integrity ?? `sha1 ${doc.dist.shasum}`}, got ${actual.integrity}. Nothing was installed.`, {
      source,
      rule: "a downloaded artifact must match the integrity the registry publishes",
      fix: "retry; if it persists, the registry or a proxy serves a corrupted or tampered file — report it to the registry operator",
      details: { expected: doc.dist.integrity ?? doc.dist.shasum, actual: actual.integrity, actualShasum: actual.shasum },
    });
  }
  return { ...actual, bytes };
}
