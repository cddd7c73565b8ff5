/**
 * A client for ClawHub-compatible catalogs (`/api/v1/packages/...`). Every failure is a {@link ClawHubError} whose
 * message names the catalog URL and what went wrong: no answer within the time limit, an HTTP error, an answer
 * that is not JSON or not the expected shape, an artifact whose digest differs from what the catalog declared.
 *
 * Endpoints used (facts of the public catalog's API):
 * - `GET /api/v1/packages/search?q=&family=&limit=` → `{ results: [{ score, package: {...} }] }`
 * - `GET /api/v1/packages/<name>` → `{ package: { name, family, channel, latestVersion, tags, ... } }`
 * - `GET /api/v1/packages/<name>/versions/<version>/artifact` → `{ package, version: { version, sha256hash?, artifact?|clawpack? } }`
 * - `GET /api/v1/packages/<name>/versions/<version>/artifact/download` → ClawPack `.tgz`, header `X-ClawHub-Artifact-Sha256`
 *   (plus `X-ClawHub-Npm-Integrity`, `X-ClawHub-Npm-Shasum`, `X-ClawHub-Npm-Tarball-Name`)
 * - `GET /api/v1/packages/<name>/download?version=` → legacy archive (verified against `sha256hash`)
 */
import { createHash } from "node:crypto";
import { z } from "zod";

/** The public catalog. */
export const DEFAULT_CLAWHUB_URL = "https://clawhub.ai";
/** Default time limit of one request, body included (ms). */
export const DEFAULT_CLAWHUB_TIMEOUT_MS = 30_000;
/** Largest JSON answer read (bytes). */
export const CLAWHUB_JSON_MAX_BYTES = 16 * 1024 * 1024;
/** Largest artifact downloaded (bytes). */
export const CLAWHUB_ARTIFACT_MAX_BYTES = 256 * 1024 * 1024;
/** Package families `plugins search` and `clawhub:` installs accept. */
export const INSTALLABLE_FAMILIES = ["code-plugin", "bundle-plugin"] as const;

/**
 * Where and how to reach a catalog.
 *
 * @example
 * ```ts
 * const options: ClawHubClientOptions = { baseUrl: "http://127.0.0.1:4000", timeoutMs: 2000 };
 * ```
 */
export interface ClawHubClientOptions {
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * A catalog failure. `kind` says which: `timeout`, `network`, `http` (status in `status`), `garbage` (not JSON or
 * the wrong shape), `not-found`, `digest-mismatch`, `too-large`.
 *
 * @example
 * ```ts
 * try { await searchClawHubPlugins("x", { baseUrl }); } catch (e) { if (e instanceof ClawHubError) console.error(e.kind, e.message); }
 * ```
 */
export class ClawHubError extends Error {
  readonly kind: "timeout" | "network" | "http" | "garbage" | "not-found" | "digest-mismatch" | "too-large" | "refused";
  readonly url: string;
  readonly status?: number;
  constructor(kind: ClawHubError["kind"], url: string, message: string, status?: number) {
    super(message);
    this.name = "ClawHubError";
    this.kind = kind;
    this.url = url;
    if (status !== undefined) this.status = status;
  }
}

/**
 * The catalog base URL: `$OPENCLAW_CLAWHUB_URL`, else the config's `clawhub.url`, else the public catalog.
 *
 * @example
 * ```ts
 * resolveClawHubBaseUrl({ config: { clawhub: { url: "https://hub.example/" } }, env: {} }); // "https://hub.example"
 * ```
 */
export function resolveClawHubBaseUrl(options: { config?: Record<string, unknown>; env?: NodeJS.ProcessEnv }): string {
  const section = options.config?.clawhub;
  const fromConfig =
    typeof section === "object" && section !== null && typeof (section as Record<string, unknown>).url === "string"
      ? ((section as Record<string, unknown>).url as string)
      : undefined;
  const raw = options.env?.OPENCLAW_CLAWHUB_URL?.trim() || fromConfig?.trim() || DEFAULT_CLAWHUB_URL;
  return raw.replace(/\/+$/, "");
}

/**
 * The request time limit: `$OPENCLAW_CLAWHUB_TIMEOUT_MS`, else the config's `clawhub.timeoutMs`, else 30 s.
 *
 * @example
 * ```ts
 * resolveClawHubTimeoutMs({ env: { OPENCLAW_CLAWHUB_TIMEOUT_MS: "500" } }); // 500
 * ```
 */
export function resolveClawHubTimeoutMs(options: { config?: Record<string, unknown>; env?: NodeJS.ProcessEnv }): number {
  const fromEnv = Number(options.env?.OPENCLAW_CLAWHUB_TIMEOUT_MS);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.trunc(fromEnv);
  const section = options.config?.clawhub as Record<string, unknown> | undefined;
  const fromConfig = typeof section === "object" && section !== null ? Number(section.timeoutMs) : NaN;
  return Number.isFinite(fromConfig) && fromConfig > 0 ? Math.trunc(fromConfig) : DEFAULT_CLAWHUB_TIMEOUT_MS;
}

function urlOf(options: ClawHubClientOptions, path: string, search?: Record<string, string | undefined>): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(search ?? {})) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** One GET with a time limit covering headers and body; the body is read up to `maxBytes`. */
async function get(
  options: ClawHubClientOptions,
  url: string,
  what: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; headers: Headers; status: number }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLAWHUB_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = (): ClawHubError =>
    new ClawHubError("timeout", url, `ClawHub catalog ${options.baseUrl} did not answer ${what} within ${timeoutMs} ms (${url}); check the catalog URL (clawhub.url / OPENCLAW_CLAWHUB_URL) or try again.`);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json, application/octet-stream" } });
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ClawHubError("network", url, `ClawHub catalog ${options.baseUrl} could not be reached for ${what} (${url}): ${cause?.code ?? cause?.message ?? String(error)}.`);
    }
    const length = Number(response.headers.get("content-length"));
    if (Number.isFinite(length) && length > maxBytes) {
      await response.body?.cancel();
      throw new ClawHubError("too-large", url, `ClawHub catalog ${options.baseUrl} answered ${what} with ${length} bytes; at most ${maxBytes} are accepted (${url}).`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          total += chunk.byteLength;
          if (total > maxBytes) {
            controller.abort();
            throw new ClawHubError("too-large", url, `ClawHub catalog ${options.baseUrl} answered ${what} with more than ${maxBytes} bytes (${url}).`);
          }
          chunks.push(Buffer.from(chunk));
        }
      }
    } catch (error) {
      if (error instanceof ClawHubError) throw error;
      if (controller.signal.aborted) throw timedOut();
      throw new ClawHubError("network", url, `ClawHub catalog ${options.baseUrl} broke off ${what} (${url}): ${String(error)}.`);
    }
    const bytes = Buffer.concat(chunks);
    if (response.status === 404) {
      throw new ClawHubError("not-found", url, `ClawHub catalog ${options.baseUrl} has no ${what} (HTTP 404 from ${url}).`, 404);
    }
    if (!response.ok) {
      const body = bytes.toString("utf8").replace(/\s+/g, " ").trim().slice(0, 200);
      throw new ClawHubError("http", url, `ClawHub catalog ${options.baseUrl} answered HTTP ${response.status} for ${what} (${url})${body ? `: ${body}` : ""}.`, response.status);
    }
    return { bytes, headers: response.headers, status: response.status };
  } finally {
    clearTimeout(timer);
  }
}

async function getJson<T>(options: ClawHubClientOptions, path: string, what: string, schema: z.ZodType<T>, search?: Record<string, string | undefined>): Promise<T> {
  const url = urlOf(options, path, search);
  const { bytes } = await get(options, url, what, CLAWHUB_JSON_MAX_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    const start = bytes.toString("utf8", 0, 60).replace(/\s+/g, " ");
    throw new ClawHubError("garbage", url, `ClawHub catalog ${options.baseUrl} answered ${what} with something that is not JSON (${url} starts with ${JSON.stringify(start)}); is clawhub.url a ClawHub-compatible catalog?`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ClawHubError(
      "garbage",
      url,
      `ClawHub catalog ${options.baseUrl} answered ${what} with JSON of the wrong shape (${url}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}).`,
    );
  }
  return result.data;
}

const text = z.string().min(1);
const PackageSchema = z.looseObject({
  name: text,
  displayName: z.string().optional(),
  family: z.string(),
  channel: z.string().optional(),
  summary: z.string().nullish(),
  latestVersion: z.string().nullish(),
  tags: z.record(z.string(), z.string()).nullish(),
  ownerHandle: z.string().nullish(),
  isOfficial: z.boolean().optional(),
});

/**
 * A catalog package, as search and detail answers carry it.
 *
 * @example
 * ```ts
 * const pkg: ClawHubPackage = { name: "weather", family: "code-plugin", channel: "community", latestVersion: "1.2.0" };
 * ```
 */
export type ClawHubPackage = z.infer<typeof PackageSchema>;

const SearchSchema = z.looseObject({ results: z.array(z.looseObject({ score: z.number().optional(), package: PackageSchema })) });
const DetailSchema = z.looseObject({ package: PackageSchema });
const NpmPackArtifactSchema = z.looseObject({
  kind: z.string().optional(),
  available: z.boolean().optional(),
  format: z.string().optional(),
  sha256: z.string().nullish(),
  npmIntegrity: z.string().nullish(),
  npmShasum: z.string().nullish(),
  npmTarballName: z.string().nullish(),
  size: z.number().nullish(),
});
const ArtifactSchema = z.looseObject({
  package: PackageSchema.partial().optional(),
  version: z.looseObject({
    version: text,
    sha256hash: z.string().nullish(),
    artifact: NpmPackArtifactSchema.nullish(),
    clawpack: NpmPackArtifactSchema.nullish(),
  }),
});

/**
 * One `plugins search` hit.
 *
 * @example
 * ```ts
 * const hit: ClawHubSearchHit = { name: "weather", family: "code-plugin", channel: "community", version: "1.2.0", summary: "Forecasts", score: 3, install: "openclaw plugins install clawhub:weather" };
 * ```
 */
export interface ClawHubSearchHit {
  name: string;
  displayName?: string;
  family: string;
  channel: string;
  version: string | null;
  summary: string | null;
  score: number;
  install: string;
}

/**
 * Searches the catalog for installable plugins (families `code-plugin` and `bundle-plugin`; skills are left out),
 * merging both families by best score.
 *
 * @example
 * ```ts
 * const hits = await searchClawHubPlugins("weather", { baseUrl: DEFAULT_CLAWHUB_URL });
 * ```
 */
export async function searchClawHubPlugins(query: string, options: ClawHubClientOptions & { limit?: number }): Promise<ClawHubSearchHit[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  const groups = await Promise.all(
    INSTALLABLE_FAMILIES.map((family) =>
      getJson(options, "/api/v1/packages/search", `the ${family} search for "${query}"`, SearchSchema, { q: query.trim(), family, limit: String(limit) }),
    ),
  );
  const best = new Map<string, ClawHubSearchHit>();
  for (const entry of groups.flatMap((group) => group.results)) {
    const pkg = entry.package;
    if (!(INSTALLABLE_FAMILIES as readonly string[]).includes(pkg.family)) continue;
    const hit: ClawHubSearchHit = {
      name: pkg.name,
      family: pkg.family,
      channel: pkg.channel ?? "community",
      version: pkg.latestVersion ?? pkg.tags?.latest ?? null,
      summary: pkg.summary ?? null,
      score: entry.score ?? 0,
      install: `openclaw plugins install clawhub:${pkg.name}`,
    };
    if (pkg.displayName) hit.displayName = pkg.displayName;
    const previous = best.get(hit.name);
    if (!previous || hit.score > previous.score) best.set(hit.name, hit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

/**
 * Reads one package's catalog entry.
 *
 * @example
 * ```ts
 * const pkg = await fetchClawHubPackage("weather", { baseUrl });
 * pkg.tags?.beta; // "1.3.0-beta.1"
 * ```
 */
export async function fetchClawHubPackage(name: string, options: ClawHubClientOptions): Promise<ClawHubPackage> {
  return (await getJson(options, `/api/v1/packages/${encodeURIComponent(name)}`, `package "${name}"`, DetailSchema)).package;
}

/**
 * What the catalog declares about one version's artifact: a ClawPack (npm-pack `.tgz`, verified by
 * `X-ClawHub-Artifact-Sha256` and its sha256) or, for legacy versions without ClawPack metadata, an archive
 * verified by `sha256hash`.
 *
 * @example
 * ```ts
 * const artifact: ClawHubArtifactInfo = { version: "1.2.0", kind: "npm-pack", sha256: "ab…", npmIntegrity: "sha512-…" };
 * ```
 */
export interface ClawHubArtifactInfo {
  version: string;
  kind: "npm-pack" | "legacy-archive";
  /** Expected sha256 (hex) of the downloaded bytes. */
  sha256: string;
  npmIntegrity?: string;
  npmShasum?: string;
  npmTarballName?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function normalizeSha256(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let hex = value.trim().toLowerCase().replace(/^sha256[:-]/, "");
  if (!SHA256_HEX.test(hex)) {
    // SRI form: sha256-<base64>
    const match = /^sha256-([A-Za-z0-9+/=]+)$/.exec(value.trim());
    if (match) hex = Buffer.from(match[1]!, "base64").toString("hex");
  }
  return SHA256_HEX.test(hex) ? hex : undefined;
}

/**
 * Reads the artifact metadata of `name@version`.
 *
 * @example
 * ```ts
 * const info = await fetchClawHubArtifactInfo("weather", "1.2.0", { baseUrl });
 * ```
 */
export async function fetchClawHubArtifactInfo(name: string, version: string, options: ClawHubClientOptions): Promise<ClawHubArtifactInfo> {
  const path = `/api/v1/packages/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/artifact`;
  const answer = await getJson(options, path, `artifact metadata of ${name}@${version}`, ArtifactSchema);
  const v = answer.version;
  const pack = v.artifact?.kind === "npm-pack" ? v.artifact : v.clawpack?.available === true ? v.clawpack : undefined;
  const url = urlOf(options, path);
  if (pack) {
    const sha256 = normalizeSha256(pack.sha256);
    if (!sha256) throw new ClawHubError("garbage", url, `ClawHub catalog ${options.baseUrl} declares a ClawPack for ${name}@${v.version} without a valid sha256 (${url}); it cannot be verified, so it is not installed.`);
    const info: ClawHubArtifactInfo = { version: v.version, kind: "npm-pack", sha256 };
    if (pack.npmIntegrity) info.npmIntegrity = pack.npmIntegrity;
    if (pack.npmShasum) info.npmShasum = pack.npmShasum;
    if (pack.npmTarballName) info.npmTarballName = pack.npmTarballName;
    return info;
  }
  const legacy = normalizeSha256(v.sha256hash);
  if (!legacy) {
    throw new ClawHubError("garbage", url, `ClawHub catalog ${options.baseUrl} has neither ClawPack metadata nor a valid sha256hash for ${name}@${v.version} (${url}); an unverifiable archive is not installed.`);
  }
  return { version: v.version, kind: "legacy-archive", sha256: legacy };
}

/**
 * A downloaded, verified artifact.
 *
 * @example
 * ```ts
 * const { bytes, fileName } = await downloadClawHubArtifact("weather", info, { baseUrl });
 * ```
 */
export interface ClawHubDownload {
  bytes: Buffer;
  /** `<tarball>.tgz` for ClawPacks, `<name>-<version>.zip`/`.tgz` for legacy archives. */
  fileName: string;
  sha256: string;
  npmIntegrity: string;
  npmShasum: string;
}

/**
 * Downloads the artifact `info` describes and verifies it, failing closed: for a ClawPack the
 * `X-ClawHub-Artifact-Sha256` header must be present and equal both the bytes' sha256 and the declared sha256, and
 * any `X-ClawHub-Npm-Integrity` / `X-ClawHub-Npm-Shasum` header and declared npm integrity/shasum must match the
 * bytes; a legacy archive must hash to the declared `sha256hash`.
 *
 * @example
 * ```ts
 * const download = await downloadClawHubArtifact("weather", await fetchClawHubArtifactInfo("weather", "1.2.0", options), options);
 * ```
 */
export async function downloadClawHubArtifact(name: string, info: ClawHubArtifactInfo, options: ClawHubClientOptions): Promise<ClawHubDownload> {
  const clawpack = info.kind === "npm-pack";
  const url = clawpack
    ? urlOf(options, `/api/v1/packages/${encodeURIComponent(name)}/versions/${encodeURIComponent(info.version)}/artifact/download`)
    : urlOf(options, `/api/v1/packages/${encodeURIComponent(name)}/download`, { version: info.version });
  const { bytes, headers } = await get(options, url, `the artifact of ${name}@${info.version}`, CLAWHUB_ARTIFACT_MAX_BYTES);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const npmIntegrity = `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
  const npmShasum = createHash("sha1").update(bytes).digest("hex");
  const mismatch = (message: string): ClawHubError =>
    new ClawHubError("digest-mismatch", url, `ClawHub artifact ${name}@${info.version} from ${options.baseUrl} failed verification: ${message}; nothing was installed.`);
  if (clawpack) {
    const headerValue = headers.get("x-clawhub-artifact-sha256") ?? headers.get("x-clawhub-clawpack-sha256");
    const header = normalizeSha256(headerValue);
    if (!header) throw mismatch(`the download has no valid X-ClawHub-Artifact-Sha256 header${headerValue ? ` (got ${JSON.stringify(headerValue)})` : ""}`);
    if (header !== sha256) throw mismatch(`X-ClawHub-Artifact-Sha256 declares ${header}, the bytes hash to ${sha256}`);
    if (info.sha256 !== sha256) throw mismatch(`the catalog declares sha256 ${info.sha256}, the bytes hash to ${sha256}`);
    const headerIntegrity = headers.get("x-clawhub-npm-integrity")?.trim();
    if (headerIntegrity && headerIntegrity !== npmIntegrity) throw mismatch(`X-ClawHub-Npm-Integrity declares ${headerIntegrity}, the bytes are ${npmIntegrity}`);
    if (info.npmIntegrity && info.npmIntegrity !== npmIntegrity) throw mismatch(`the catalog declares npm integrity ${info.npmIntegrity}, the bytes are ${npmIntegrity}`);
    const headerShasum = headers.get("x-clawhub-npm-shasum")?.trim();
    if (headerShasum && headerShasum !== npmShasum) throw mismatch(`X-ClawHub-Npm-Shasum declares ${headerShasum}, the bytes are ${npmShasum}`);
    if (info.npmShasum && info.npmShasum !== npmShasum) throw mismatch(`the catalog declares npm shasum ${info.npmShasum}, the bytes are ${npmShasum}`);
  } else if (info.sha256 !== sha256) {
    throw mismatch(`the catalog declares sha256hash ${info.sha256}, the bytes hash to ${sha256}`);
  }
  const safe = name.replace(/^@/, "").replace(/[^a-zA-Z0-9._-]+/g, "-");
  const tarballHeader = headers.get("x-clawhub-npm-tarball-name")?.trim();
  const declaredName = clawpack ? (info.npmTarballName ?? tarballHeader) : undefined;
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const fileName =
    declaredName && /^[a-zA-Z0-9._-]+\.tgz$/.test(declaredName) ? declaredName : `${safe}-${info.version}.${clawpack || !zip ? "tgz" : "zip"}`;
  return { bytes, fileName, sha256, npmIntegrity, npmShasum };
}
