/**
 * The npm registry source: `npm:<name>[@version|@tag]` or a bare package name. Resolves the version (stable channel,
 * plugin API compatibility — see `selectVersion`), downloads and verifies the tarball, and stages its `package/`
 * folder as a managed npm project. The record keeps the spec `update` re-resolves (`name`, `name@tag`, or the exact
 * `name@version` with `--pin`), the resolved name/version and the artifact's integrity and shasum.
 */
import { join } from "node:path";
import { installError } from "../failure.js";
import type { InstallSourceResolver, SourceContext, StagedSource, UpdateCheck } from "../installer-api.js";
import type { PluginInstallRecord } from "../../state/install-record.js";
import { extractArchive, findExtractedRoot } from "../archive.js";
import { formatNpmSpec, parseNpmSpec } from "../npm-spec.js";
import { downloadTarball, fetchPackument, resolveRegistry, selectVersion } from "../npm-registry.js";

/** Recognised non-npm prefixes: a spec with one of them never falls through to npm. */
const OTHER_PREFIXES = /^(git|npm-pack|clawhub|marketplace|bundle|path|link):/i;

async function resolveTarget(spec: string, sctx: SourceContext) {
  const parsed = parseNpmSpec(spec);
  const registry = await resolveRegistry({ registry: sctx.request.registry, env: sctx.env, npmCommand: sctx.npmCommand });
  sctx.progress({ phase: "resolve", status: "progress", message: `${parsed.name} from ${registry}` });
  const packument = await fetchPackument(registry, parsed.name, { env: sctx.env, signal: sctx.signal });
  const { doc, fellBackFrom } = selectVersion(packument, parsed, sctx.hostVersion);
  return { parsed, registry, doc, fellBackFrom };
}

/**
 * Built-in resolver for npm registry specs.
 *
 * @example
 * ```ts
 * const staged = await npmSource().stage("npm:demo@1.0.0", sctx);
 * staged.record.integrity; // "sha512-…"
 * ```
 */
export function npmSource(): InstallSourceResolver {
  return {
    kind: "npm",
    matches: (spec) => spec.startsWith("npm:") || !OTHER_PREFIXES.test(spec),
    async stage(spec, sctx): Promise<StagedSource> {
      if (sctx.request.link) {
        throw installError("option-conflict", "--link needs a local plugin folder, not an npm package.", {
          source: spec,
          rule: "--link adds an existing folder to plugins.load.paths",
          fix: `openclaw plugins install ${spec} (without --link)`,
        });
      }
      const { parsed, registry, doc, fellBackFrom } = await resolveTarget(spec, sctx);
      const warnings: string[] = [];
      if (fellBackFrom) {
        warnings.push(`${parsed.name}@${fellBackFrom} (latest) needs a newer OpenClaw plugin API; installed ${doc.version}, the newest compatible stable release.`);
      }
      const tarball = join(sctx.scratchDir, "package.tgz");
      sctx.progress({ phase: "download", status: "start", message: `${doc.name}@${doc.version}` });
      const started = performance.now();
      const artifact = await downloadTarball(doc, tarball, {
        registry,
        env: sctx.env,
        signal: sctx.signal,
        onBytes: (bytes, totalBytes) => sctx.progress({ phase: "download", status: "progress", bytes, ...(totalBytes !== undefined ? { totalBytes } : {}) }),
      });
      sctx.progress({ phase: "download", status: "end", bytes: artifact.bytes, elapsedMs: performance.now() - started });
      const dest = join(sctx.stagingDir, "extract");
      sctx.progress({ phase: "extract", status: "start" });
      const extractStarted = performance.now();
      await extractArchive(tarball, dest, "tgz");
      sctx.progress({ phase: "extract", status: "end", elapsedMs: performance.now() - extractStarted });
      const root = await findExtractedRoot(dest);
      const pinned = sctx.request.pin === true;
      const recordedSpec = pinned ? `${doc.name}@${doc.version}` : formatNpmSpec(parsed);
      const record: Partial<PluginInstallRecord> = {
        spec: recordedSpec,
        resolvedName: doc.name,
        resolvedVersion: doc.version,
        resolvedSpec: `${doc.name}@${doc.version}`,
        integrity: artifact.integrity,
        shasum: artifact.shasum,
        pinned,
        updateChannel: parsed.selector.kind === "tag" && /beta|rc|next|alpha/i.test(parsed.selector.value) ? "beta" : "stable",
      };
      return { pluginDir: root, source: "npm", managedNpm: true, record, warnings };
    },
    async checkUpdate(record, spec, sctx): Promise<UpdateCheck> {
      const { doc } = await resolveTarget(spec, sctx);
      const installedVersion = record.resolvedVersion ?? record.version;
      const check: UpdateCheck = { upToDate: installedVersion === doc.version, targetVersion: doc.version };
      if (doc.dist.integrity) check.integrity = doc.dist.integrity;
      if (doc.dist.shasum) check.shasum = doc.dist.shasum;
      return check;
    },
    updateSpec: (record) => record.spec ?? record.resolvedName,
  };
}
