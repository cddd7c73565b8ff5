/**
 * Reads the plugin SDK entrypoint manifest and its companion lists. Every build step (tsup entries,
 * package.json#exports, API reports, surface audit, isolation checks, benchmarks) derives its subpath list from
 * here, so adding a subpath is one edit in `scripts/lib/plugin-sdk-entrypoints.json`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateExportGroups, type ExportGroup, type ExportGroupRef } from "./export-groups.js";

/** Repository root (two levels above this file). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Deterministic ceilings for one subpath, checked in CI. */
export interface EntrypointBudgets {
  /** Bytes of JS loaded by a static import of the subpath (its whole static graph in dist/). */
  jsBytes: number;
  /** Lines of SDK declaration files reached when a consumer type-checks an import of the subpath. */
  declarationLines: number;
}

/** One subpath in the manifest. */
export interface EntrypointRecord {
  subpath: string;
  /** Third-party packages this subpath's built JS may reach, statically or through a lazy `import()`. */
  allowedDependencies: string[];
  budgets: EntrypointBudgets;
  /** Why a subpath outside the light set needs more than the default import budget. */
  importBudgetReason?: string;
  /**
   * Why this subpath's graph may `import()` a computed specifier (e.g. a plugin host loading entry files by file URL).
   * Without it, a computed specifier fails the isolation check because it cannot be matched to `allowedDependencies`.
   */
  dynamicImportReason?: string;
  /**
   * Shared re-export lists (keys of the manifest's `exportGroups`) that `pnpm plugin-sdk:sync-exports` writes into the
   * facade between `// <generated group="…">` markers.
   */
  exportGroups?: ExportGroupRef[];
}

/** A non-code file exported from the package under `./plugin-sdk/<subpath>`. */
export interface AssetRecord {
  subpath: string;
  /** Path of the built file, relative to the repository root. */
  file: string;
}

/** A deprecated subpath or barrel with its replacement and removal date. */
export interface DeprecationRecord {
  subpath: string;
  replacement: string;
  /** ISO date (YYYY-MM-DD) after which the subpath may be removed. */
  removalDate: string;
  reason: string;
}

export interface EntrypointManifest {
  /** Named shared re-export lists: group name → source module → names (see `scripts/lib/export-groups.ts`). */
  exportGroups: Record<string, ExportGroup>;
  entrypoints: EntrypointRecord[];
  assets: AssetRecord[];
}

function readJson<T>(relativePath: string): T {
  const file = join(repoRoot, relativePath);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    throw new Error(`Cannot read ${relativePath}: ${(error as Error).message}`);
  }
}

/** The whole manifest, validated for the mistakes that would otherwise surface as confusing build errors. */
export function readEntrypointManifest(): EntrypointManifest {
  const manifest = readJson<EntrypointManifest>("scripts/lib/plugin-sdk-entrypoints.json");
  const seen = new Set<string>();
  for (const record of manifest.entrypoints) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(record.subpath)) {
      throw new Error(
        `scripts/lib/plugin-sdk-entrypoints.json: subpath "${record.subpath}" must be a kebab-case noun (a-z, 0-9, hyphens).`,
      );
    }
    if (seen.has(record.subpath)) {
      throw new Error(`scripts/lib/plugin-sdk-entrypoints.json: subpath "${record.subpath}" is listed twice.`);
    }
    seen.add(record.subpath);
  }
  manifest.exportGroups ??= {};
  validateExportGroups(
    manifest.exportGroups,
    new Map(manifest.entrypoints.map((record) => [record.subpath, record.exportGroups ?? []])),
  );
  return manifest;
}

/** Subpaths built and usable inside the repo but never exported. */
export function readPrivateSubpaths(): string[] {
  return readJson<string[]>("scripts/lib/plugin-sdk-private-local-only-subpaths.json");
}

export function readDeprecatedPublicSubpaths(): DeprecationRecord[] {
  return readJson<DeprecationRecord[]>("scripts/lib/plugin-sdk-deprecated-public-subpaths.json");
}

export function readDeprecatedBarrelSubpaths(): DeprecationRecord[] {
  return readJson<DeprecationRecord[]>("scripts/lib/plugin-sdk-deprecated-barrel-subpaths.json");
}

/** Every subpath in the inventory (public and private). */
export function allSubpaths(): string[] {
  return readEntrypointManifest().entrypoints.map((record) => record.subpath);
}

/** Public subpaths: the inventory minus the private-local-only list. */
export function publicSubpaths(): string[] {
  const privateSet = new Set(readPrivateSubpaths());
  return allSubpaths().filter((subpath) => !privateSet.has(subpath));
}

/** Source file of a subpath, relative to the repository root. */
export function sourceFileOf(subpath: string): string {
  return `src/plugin-sdk/${subpath}.ts`;
}

/** Package export key of a subpath (`index` is the root barrel `./plugin-sdk`). */
export function exportKeyOf(subpath: string): string {
  return subpath === "index" ? "./plugin-sdk" : `./plugin-sdk/${subpath}`;
}

/** Built JS and declaration files of a subpath, relative to the repository root. */
export function builtFilesOf(subpath: string): { js: string; dts: string } {
  return { js: `dist/plugin-sdk/${subpath}.js`, dts: `dist/plugin-sdk/${subpath}.d.ts` };
}

/** The specifier a consumer writes (`openclaw/plugin-sdk/<subpath>`). */
export function specifierOf(subpath: string): string {
  return subpath === "index" ? "openclaw/plugin-sdk" : `openclaw/plugin-sdk/${subpath}`;
}
