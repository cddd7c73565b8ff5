/**
 * The install record: what the operator installed, from where, and what it resolved to. One record per plugin id,
 * kept in the plugin index (`src/state/plugin-index.ts`, SQLite under the state directory). Legacy configs carry the
 * same records under `plugins.installs.<id>`; {@link parseInstallRecord} reads both.
 *
 * Field names follow the established gateway's records so migrated data keeps its meaning.
 */
import { z } from "zod";

/** Where an install came from. */
export const INSTALL_SOURCES = ["path", "link", "archive", "npm", "git", "marketplace", "clawhub"] as const;
/** One of {@link INSTALL_SOURCES}. */
export type PluginInstallSource = (typeof INSTALL_SOURCES)[number];

const optionalText = z.string().min(1).optional();

/**
 * Schema of one install record (unknown keys are kept, so a newer writer's fields survive an older reader).
 *
 * @example
 * ```ts
 * PluginInstallRecordSchema.parse({ pluginId: "demo", source: "npm", spec: "demo@latest", installPath: "/s/extensions/demo", installedAt: "2026-11-30T00:00:00.000Z" });
 * ```
 */
export const PluginInstallRecordSchema = z.looseObject({
  /** Plugin id (the manifest's `id`). */
  pluginId: z.string().min(1),
  source: z.enum(INSTALL_SOURCES),
  /** The spec as the operator gave it or as `update` should re-resolve it (`demo@beta`, `git:…#main`, `clawhub:demo`). */
  spec: optionalText,
  /** Local folder or archive the install was copied from (path, link, archive sources). */
  sourcePath: optionalText,
  /** Absolute folder the plugin lives in (for `link`, the linked folder itself). */
  installPath: z.string().min(1),
  /** Version from the installed package.json / manifest. */
  version: optionalText,
  /** npm: resolved package name, exact version and `name@version`. */
  resolvedName: optionalText,
  resolvedVersion: optionalText,
  resolvedSpec: optionalText,
  /** True when `--pin` recorded the exact `name@version` as the spec. */
  pinned: z.boolean().optional(),
  /** Artifact identity: npm `dist.integrity` (SRI) and `dist.shasum` (sha1 hex). */
  integrity: optionalText,
  shasum: optionalText,
  /** git: URL, requested ref and the commit it resolved to. */
  gitUrl: optionalText,
  gitRef: optionalText,
  gitCommit: optionalText,
  /** marketplace: its name, source label and the plugin's entry name. */
  marketplaceName: optionalText,
  marketplaceSource: optionalText,
  marketplacePlugin: optionalText,
  /** ClawHub: catalog URL, package, family, channel, artifact kind/format, npm identity and ClawPack digest. */
  clawhubUrl: optionalText,
  clawhubPackage: optionalText,
  clawhubFamily: optionalText,
  clawhubChannel: optionalText,
  artifactKind: optionalText,
  artifactFormat: optionalText,
  npmIntegrity: optionalText,
  npmShasum: optionalText,
  npmTarballName: optionalText,
  clawpackSha256: optionalText,
  /** Update channel this record follows (`stable` unless `beta` was chosen). */
  updateChannel: z.enum(["stable", "beta"]).optional(),
  /** ISO timestamps. */
  installedAt: z.string().min(1),
  resolvedAt: optionalText,
  updatedAt: optionalText,
});

/** One install record. */
export type PluginInstallRecord = z.infer<typeof PluginInstallRecordSchema>;

/** Result of {@link parseInstallRecord}. */
export type ParsedInstallRecord =
  | { ok: true; record: PluginInstallRecord }
  | { ok: false; message: string };

/**
 * Reads one record from untrusted data (the index row or a legacy `plugins.installs.<id>` entry), never throwing.
 * `fallbackId` fills `pluginId` for legacy entries keyed by id.
 *
 * @example
 * ```ts
 * const parsed = parseInstallRecord(config.plugins.installs.demo, "demo");
 * if (!parsed.ok) console.error(parsed.message);
 * ```
 */
export function parseInstallRecord(value: unknown, fallbackId?: string): ParsedInstallRecord {
  const input =
    fallbackId !== undefined && typeof value === "object" && value !== null && !Array.isArray(value) && !("pluginId" in value)
      ? { ...(value as Record<string, unknown>), pluginId: fallbackId }
      : value;
  const result = PluginInstallRecordSchema.safeParse(input);
  if (result.success) return { ok: true, record: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "(record)";
  return { ok: false, message: `install record${fallbackId ? ` "${fallbackId}"` : ""}: ${where}: ${issue?.message ?? "invalid"}` };
}
