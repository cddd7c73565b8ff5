/**
 * Shared re-export lists ("export groups") for the plugin SDK facades. A group is written once in
 * `scripts/lib/plugin-sdk-entrypoints.json#exportGroups` (group name → source module → value and type names); an
 * entrypoint record lists the groups its facade re-exports, and `pnpm plugin-sdk:sync-exports` writes each group into
 * `src/plugin-sdk/<subpath>.ts` between generated-region markers:
 *
 * ```ts
 * // <generated group="contract-types">
 * export type {
 *   PluginLogger,
 * } from "../contract/plugin-api.js";
 * // </generated>
 * ```
 *
 * The regions stay plain named re-exports (never `export *`), so a facade reads like any hand-written one and the
 * API reports show every name. Everything outside the markers is hand-written and left untouched.
 */
import { posix } from "node:path";

/** Names one source module contributes to a group. */
export interface ExportGroupModule {
  /** Source module, repo-relative (`src/contract/plugin-api.ts`). */
  from: string;
  values?: string[];
  types?: string[];
}

/** One named shared list. */
export interface ExportGroup {
  description: string;
  modules: ExportGroupModule[];
}

/** How an entrypoint record refers to a group: its name, or the name with a few names left out. */
export type ExportGroupRef =
  | string
  | {
      group: string;
      /** Names of the group this facade does not re-export. */
      omit?: string[];
      /** For a deprecated facade: the subpath named in each name's `@deprecated` note (default: the record's replacement). */
      deprecatedReplacement?: string;
    };

/** The `@deprecated` note written on every generated name of a deprecated facade. */
export interface GroupDeprecation {
  replacement: string;
  removalDate: string;
}

const OPEN = /^\/\/ <generated group="([a-z0-9-]+)">$/;
const CLOSE = "// </generated>";
const NOTICE = "// Written by pnpm plugin-sdk:sync-exports from scripts/lib/plugin-sdk-entrypoints.json#exportGroups.";

/** Normalised form of a reference. */
export function groupRefOf(ref: ExportGroupRef): { group: string; omit: string[]; deprecatedReplacement?: string } {
  return typeof ref === "string" ? { group: ref, omit: [] } : { omit: [], ...ref };
}

/** Import specifier of `from` (repo-relative `src/<path>.ts`) as written in a `src/plugin-sdk/*.ts` facade. */
export function facadeSpecifierOf(from: string): string {
  if (!/^src\/[a-z0-9/_.-]+\.ts$/.test(from)) {
    throw new Error(`export group module "${from}" must be a repo-relative source file (src/<folder>/<name>.ts).`);
  }
  const relative = posix.relative("src/plugin-sdk", from).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** Checks the groups for mistakes that would otherwise show up as confusing compiler errors in every facade. */
export function validateExportGroups(groups: Record<string, ExportGroup>, refs: Map<string, ExportGroupRef[]>): void {
  const where = "scripts/lib/plugin-sdk-entrypoints.json";
  for (const [name, group] of Object.entries(groups)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(`${where}: exportGroups."${name}" must be kebab-case.`);
    const seen = new Set<string>();
    for (const module of group.modules) {
      facadeSpecifierOf(module.from);
      for (const exported of [...(module.values ?? []), ...(module.types ?? [])]) {
        if (seen.has(exported)) {
          throw new Error(`${where}: exportGroups."${name}" lists "${exported}" twice; keep one.`);
        }
        seen.add(exported);
      }
    }
  }
  for (const [subpath, list] of refs) {
    for (const ref of list) {
      const { group, omit } = groupRefOf(ref);
      const target = groups[group];
      if (!target) {
        throw new Error(
          `${where}: entrypoint "${subpath}" refers to exportGroups."${group}", which does not exist (known: ${Object.keys(groups).join(", ") || "none"}).`,
        );
      }
      const names = new Set(target.modules.flatMap((module) => [...(module.values ?? []), ...(module.types ?? [])]));
      for (const name of omit) {
        if (!names.has(name)) {
          throw new Error(`${where}: entrypoint "${subpath}" omits "${name}", which exportGroups."${group}" does not list.`);
        }
      }
    }
  }
}

function renderList(keyword: "export" | "export type", names: string[], specifier: string, note?: string): string[] {
  if (names.length === 0) return [];
  const lines = [`${keyword} {`];
  for (const name of names) {
    if (note) lines.push(`  /** @deprecated ${note} */`);
    lines.push(`  ${name},`);
  }
  lines.push(`} from "${specifier}";`);
  return lines;
}

/** The full region (markers included) a facade holds for one group reference. */
export function renderGroupRegion(
  groupName: string,
  group: ExportGroup,
  ref: ExportGroupRef,
  deprecation?: GroupDeprecation,
): string {
  const { omit, deprecatedReplacement } = groupRefOf(ref);
  const skip = new Set(omit);
  const note = deprecation
    ? `Import from \`${deprecatedReplacement ?? deprecation.replacement}\` instead. Removal not before ${deprecation.removalDate}.`
    : undefined;
  const lines = [`// <generated group="${groupName}">`, NOTICE];
  for (const module of group.modules) {
    const specifier = facadeSpecifierOf(module.from);
    lines.push(...renderList("export", (module.values ?? []).filter((name) => !skip.has(name)), specifier, note));
    lines.push(...renderList("export type", (module.types ?? []).filter((name) => !skip.has(name)), specifier, note));
  }
  lines.push(CLOSE);
  return lines.join("\n");
}

/** A generated region found in a facade: its group and its line span (inclusive, 0-based). */
interface FoundRegion {
  group: string;
  start: number;
  end: number;
}

function findRegions(lines: string[], file: string): FoundRegion[] {
  const regions: FoundRegion[] = [];
  let open: { group: string; start: number } | undefined;
  lines.forEach((line, index) => {
    const match = OPEN.exec(line.trim());
    if (match) {
      if (open) throw new Error(`${file}:${index + 1}: generated region "${match[1]}" opens inside region "${open.group}"; close it first.`);
      open = { group: match[1]!, start: index };
    } else if (line.trim() === CLOSE) {
      if (!open) throw new Error(`${file}:${index + 1}: "${CLOSE}" without an opening marker; remove it.`);
      regions.push({ ...open, end: index });
      open = undefined;
    }
  });
  if (open) throw new Error(`${file}:${open.start + 1}: generated region "${open.group}" is never closed ("${CLOSE}").`);
  return regions;
}

/**
 * The facade text with every referenced group's region written from the manifest: an existing region is replaced in
 * place, a missing one is appended at the end, a region whose group the record no longer lists is removed.
 */
export function syncFacadeText(
  text: string,
  file: string,
  regions: { group: string; body: string }[],
): string {
  const lines = text.replace(/\n$/, "").split("\n");
  const found = findRegions(lines, file);
  const wanted = new Map(regions.map((region) => [region.group, region.body]));
  const seen = new Set<string>();
  for (const region of found) {
    if (seen.has(region.group)) throw new Error(`${file}: generated region "${region.group}" appears twice; delete one.`);
    seen.add(region.group);
  }
  const out: string[] = [];
  let cursor = 0;
  for (const region of found) {
    out.push(...lines.slice(cursor, region.start));
    const body = wanted.get(region.group);
    if (body !== undefined) out.push(body);
    cursor = region.end + 1;
  }
  out.push(...lines.slice(cursor));
  for (const region of regions) if (!seen.has(region.group)) out.push(region.body);
  return `${out.join("\n")}\n`;
}
