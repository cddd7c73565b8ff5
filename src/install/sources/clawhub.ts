/**
 * The ClawHub source: `clawhub:<package>[@version|@tag]`. Resolves the version from the catalog (exact version,
 * dist-tag, or the latest release), refuses skills and other non-plugin families, downloads the artifact and
 * verifies it before anything touches the staging folder (ClawPack: `X-ClawHub-Artifact-Sha256` header + declared
 * sha256 + npm integrity/shasum; legacy versions without ClawPack metadata: the declared `sha256hash`), then
 * installs it through the normal archive path ({@link archiveSource}). A digest mismatch fails closed.
 *
 * The record keeps the spec as given: `clawhub:pkg` stays unversioned so `update` follows newer releases;
 * `clawhub:pkg@1.2.0` and `clawhub:pkg@beta` stay on their selector.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { installError } from "../failure.js";
import type { InstallSourceResolver, SourceContext, StagedSource, UpdateCheck } from "../installer-api.js";
import type { PluginInstallRecord } from "../../state/install-record.js";
import { archiveSource } from "./archive.js";
import { readOpenClawConfig } from "../../discovery/config-file.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";
import {
  ClawHubError,
  INSTALLABLE_FAMILIES,
  downloadClawHubArtifact,
  fetchClawHubArtifactInfo,
  fetchClawHubPackage,
  resolveClawHubBaseUrl,
  resolveClawHubTimeoutMs,
  type ClawHubClientOptions,
  type ClawHubPackage,
} from "../../clawhub/clawhub-client.js";
import { CLAWHUB_PREFIX, parseClawHubSpec, type ClawHubSpec } from "../../clawhub/clawhub-spec.js";

/** Options of {@link clawhubSource}: the catalog (default from `$OPENCLAW_CLAWHUB_URL` / config / public). */
export interface ClawHubSourceOptions {
  cwd: string;
  /** The parsed config file (`clawhub.url`, `clawhub.timeoutMs`). */
  config?: Record<string, unknown>;
  baseUrl?: string;
  timeoutMs?: number;
}

async function client(options: ClawHubSourceOptions, env: NodeJS.ProcessEnv): Promise<ClawHubClientOptions> {
  let config = options.config;
  if (!config && (options.baseUrl === undefined || options.timeoutMs === undefined)) {
    // The config's clawhub section (clawhub.url, clawhub.timeoutMs), read from the file the operation's env names.
    config = (await readOpenClawConfig(resolveOpenClawPaths({ env }).configPath)).raw;
  }
  const resolve = { env, ...(config ? { config } : {}) };
  return { baseUrl: options.baseUrl ?? resolveClawHubBaseUrl(resolve), timeoutMs: options.timeoutMs ?? resolveClawHubTimeoutMs(resolve) };
}

/**
 * Maps a catalog failure to an install failure naming the source, the rule and the fix.
 *
 * @example
 * ```ts
 * throw clawhubInstallError(error, "clawhub:weather");
 * ```
 */
export function clawhubInstallError(error: unknown, spec: string): unknown {
  if (!(error instanceof ClawHubError)) return error;
  switch (error.kind) {
    case "not-found":
      return installError("source-not-found", error.message, { source: spec, rule: "clawhub: installs a package and version the catalog lists", fix: `openclaw plugins search ${spec.slice(CLAWHUB_PREFIX.length).split("@")[0]}` });
    case "digest-mismatch":
      return installError("integrity-mismatch", error.message, {
        source: spec,
        rule: "a ClawHub artifact must hash to the digest its header and the catalog declare",
        fix: "try again later or report the package to the catalog; nothing was installed",
        details: { url: error.url },
      });
    default:
      return installError("download-failed", error.message, { source: spec, rule: "the ClawHub catalog must answer with valid JSON and artifacts in time", fix: "check clawhub.url / OPENCLAW_CLAWHUB_URL and the network, then retry" });
  }
}

/**
 * The version a spec selects on a package, or an install error.
 *
 * @example
 * ```ts
 * selectClawHubVersion({ name: "w", selector: { kind: "tag", value: "beta" } }, pkg, "clawhub:w@beta"); // "1.3.0-beta.1"
 * ```
 */
export function selectClawHubVersion(spec: ClawHubSpec, pkg: ClawHubPackage, text: string): string {
  if (spec.selector?.kind === "version") return spec.selector.value;
  const tag = spec.selector?.value ?? "latest";
  const version = tag === "latest" ? (pkg.latestVersion ?? pkg.tags?.latest) : pkg.tags?.[tag];
  if (!version) {
    throw installError("source-not-found", `ClawHub package "${pkg.name}" has no ${tag === "latest" ? "release" : `"${tag}" tag`}.`, {
      source: text,
      rule: "a ClawHub tag must exist on the package",
      fix: `openclaw plugins install clawhub:${pkg.name}${tag === "latest" ? "" : " (without the tag)"}`,
    });
  }
  return version;
}

function checkFamily(pkg: ClawHubPackage, text: string): void {
  if (pkg.family === "skill") {
    throw installError("invalid-spec", `"${pkg.name}" is a ClawHub skill, not a plugin.`, {
      source: text,
      rule: "clawhub: plugin installs accept code-plugin and bundle-plugin packages",
      fix: `openclaw skills install ${pkg.ownerHandle ? `@${pkg.ownerHandle}/` : ""}${pkg.name}`,
    });
  }
  if (!(INSTALLABLE_FAMILIES as readonly string[]).includes(pkg.family)) {
    throw installError("invalid-spec", `ClawHub package "${pkg.name}" has family "${pkg.family}", which is not installable as a plugin.`, {
      source: text,
      rule: "clawhub: plugin installs accept code-plugin and bundle-plugin packages",
      fix: "pick a code-plugin or bundle-plugin package from openclaw plugins search",
    });
  }
  if (pkg.channel === "private") {
    throw installError("source-not-found", `"${pkg.name}" is private on ClawHub and cannot be installed anonymously.`, {
      source: text,
      rule: "only public ClawHub packages are installed",
      fix: "ask the publisher to make the package public",
    });
  }
}

function parse(text: string): ClawHubSpec {
  const parsed = parseClawHubSpec(text);
  if (!parsed.ok) throw installError("invalid-spec", parsed.message, { source: text, rule: "clawhub:<package>[@version|@tag]", fix: "openclaw plugins install clawhub:<package>" });
  return parsed.spec;
}

/**
 * The ClawHub install source.
 *
 * @example
 * ```ts
 * const staged = await clawhubSource({ cwd: process.cwd() }).stage("clawhub:weather", sctx);
 * staged.record.clawpackSha256; // "ab12…"
 * ```
 */
export function clawhubSource(options: ClawHubSourceOptions): InstallSourceResolver {
  return {
    kind: "clawhub",
    matches: (spec) => spec.startsWith(CLAWHUB_PREFIX),
    async stage(text: string, sctx: SourceContext): Promise<StagedSource> {
      const spec = parse(text);
      if (sctx.request.link || sctx.request.pin) {
        throw installError("option-conflict", `${sctx.request.link ? "--link" : "--pin"} does not apply to ClawHub installs.`, {
          source: text,
          rule: "--link takes a local folder; --pin is for npm installs (pin a ClawHub release with clawhub:<package>@<version>)",
          fix: `openclaw plugins install ${text} (without ${sctx.request.link ? "--link" : "--pin"})`,
        });
      }
      const hub = await client(options, sctx.env);
      try {
        sctx.progress({ phase: "resolve", status: "progress", message: `${spec.name} from ${hub.baseUrl}` });
        const pkg = await fetchClawHubPackage(spec.name, hub);
        checkFamily(pkg, text);
        const version = selectClawHubVersion(spec, pkg, text);
        const info = await fetchClawHubArtifactInfo(pkg.name, version, hub);
        sctx.progress({ phase: "download", status: "start", message: `${pkg.name}@${info.version}` });
        const download = await downloadClawHubArtifact(pkg.name, info, hub);
        sctx.progress({ phase: "download", status: "end", bytes: download.bytes.length });
        // Verified in memory; only now does anything reach the disk.
        const file = join(sctx.scratchDir, download.fileName);
        await writeFile(file, download.bytes);
        const staged = await archiveSource(options.cwd).stage(file, sctx);
        const record: Partial<PluginInstallRecord> = {
          integrity: download.npmIntegrity,
          shasum: download.npmShasum,
          spec: text,
          resolvedName: pkg.name,
          resolvedVersion: info.version,
          resolvedSpec: `${CLAWHUB_PREFIX}${pkg.name}@${info.version}`,
          version: info.version,
          clawhubUrl: hub.baseUrl,
          clawhubPackage: pkg.name,
          clawhubFamily: pkg.family,
          clawhubChannel: pkg.channel ?? "community",
          artifactKind: info.kind,
          artifactFormat: download.fileName.endsWith(".zip") ? "zip" : "tgz",
          npmIntegrity: download.npmIntegrity,
          npmShasum: download.npmShasum,
          npmTarballName: download.fileName,
        };
        if (info.kind === "npm-pack") record.clawpackSha256 = download.sha256;
        const warnings = [...(staged.warnings ?? [])];
        if (info.kind === "legacy-archive") warnings.push(`${pkg.name}@${info.version} has no ClawPack metadata; installed through the legacy archive check (sha256hash).`);
        return { pluginDir: staged.pluginDir, source: "clawhub", managedNpm: staged.managedNpm ?? true, record, warnings };
      } catch (error) {
        throw clawhubInstallError(error, text);
      }
    },
    async checkUpdate(record: PluginInstallRecord, text: string, sctx: SourceContext): Promise<UpdateCheck> {
      const spec = parse(text);
      try {
        const pkg = await fetchClawHubPackage(spec.name, await client(options, sctx.env));
        const target = selectClawHubVersion(spec, pkg, text);
        return { upToDate: target === record.resolvedVersion, targetVersion: target, spec: text };
      } catch (error) {
        throw clawhubInstallError(error, text);
      }
    },
    updateSpec: (record) => record.spec,
  };
}
