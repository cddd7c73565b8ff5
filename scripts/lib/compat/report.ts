/**
 * Summarising per-folder results: totals by class, and the missing subpaths, names and SDK types ranked by how many
 * folders meet them. Plain data in, plain data (or markdown) out.
 */
import type { SdkErrorClass } from "./classify.js";
import type { FolderResult } from "./check.js";

/** One ranked gap: what is missing and which folders need it. */
export interface RankedGap {
  readonly key: string;
  readonly folders: string[];
  /** Errors across all folders. */
  readonly errors: number;
}

/** The whole measurement. */
export interface CorpusReport {
  readonly against: string;
  /** Folders measured and counted in the totals. */
  readonly folders: FolderResult[];
  /** Folders found but left out of the totals (see {@link FolderResult.note}). */
  readonly notCounted: FolderResult[];
  readonly totals: { folders: number; free: number; errors: number; byClass: Record<SdkErrorClass, number> };
  readonly missingSubpaths: RankedGap[];
  readonly missingNames: RankedGap[];
  /** SDK type names that type-mismatch errors mention. */
  readonly mismatchTypes: RankedGap[];
}

const classes: SdkErrorClass[] = ["missing-subpath", "missing-name", "type-mismatch"];

/** Errors of `result` by class. */
export function countByClass(result: FolderResult): Record<SdkErrorClass, number> {
  const counts = { "missing-subpath": 0, "missing-name": 0, "type-mismatch": 0 };
  for (const error of result.errors) counts[error.class] += 1;
  return counts;
}

function rank(entries: Array<{ key: string; folder: string }>): RankedGap[] {
  const byKey = new Map<string, { folders: Set<string>; errors: number }>();
  for (const { key, folder } of entries) {
    const gap = byKey.get(key) ?? { folders: new Set<string>(), errors: 0 };
    gap.folders.add(folder);
    gap.errors += 1;
    byKey.set(key, gap);
  }
  return [...byKey.entries()]
    .map(([key, gap]) => ({ key, folders: [...gap.folders].sort(), errors: gap.errors }))
    .sort((a, b) => b.folders.length - a.folders.length || b.errors - a.errors || a.key.localeCompare(b.key));
}

/**
 * Builds the report for `folders` measured against the package `against`.
 *
 * @example
 * ```ts
 * const report = summarise("openclaw@2026.11.0", results);
 * console.log(report.totals.free, "of", report.totals.folders);
 * ```
 */
export function summarise(against: string, all: FolderResult[]): CorpusReport {
  const folders = all.filter((result) => result.counted);
  const notCounted = all.filter((result) => !result.counted);
  const byClass = { "missing-subpath": 0, "missing-name": 0, "type-mismatch": 0 };
  const subpaths: Array<{ key: string; folder: string }> = [];
  const names: Array<{ key: string; folder: string }> = [];
  const types: Array<{ key: string; folder: string }> = [];
  for (const result of folders) {
    for (const error of result.errors) {
      byClass[error.class] += 1;
      if (error.class === "missing-subpath") subpaths.push({ key: error.subpath ?? "?", folder: result.folder });
      if (error.class === "missing-name") names.push({ key: `${error.subpath ?? "?"} ${error.name ?? "?"}`, folder: result.folder });
      if (error.class === "type-mismatch") for (const type of error.types ?? []) types.push({ key: type, folder: result.folder });
    }
  }
  return {
    against,
    folders,
    notCounted,
    totals: {
      folders: folders.length,
      free: folders.filter((result) => result.errors.length === 0).length,
      errors: folders.reduce((sum, result) => sum + result.errors.length, 0),
      byClass,
    },
    missingSubpaths: rank(subpaths),
    missingNames: rank(names),
    mismatchTypes: rank(types),
  };
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function gapRows(gaps: RankedGap[]): string[][] {
  return gaps.map((gap) => [`\`${gap.key}\``, String(gap.folders.length), String(gap.errors), gap.folders.join(", ")]);
}

/** The report as markdown tables (what the CLI prints without `--json`). */
export function formatReport(report: CorpusReport): string {
  const rows = report.folders.map((result) => {
    const counts = countByClass(result);
    return [
      result.folder,
      String(counts["missing-subpath"]),
      String(counts["missing-name"]),
      String(counts["type-mismatch"]),
      result.errors.length === 0 ? "yes" : "no",
    ];
  });
  const { totals } = report;
  rows.push([
    `**total (${totals.folders} folders)**`,
    String(totals.byClass["missing-subpath"]),
    String(totals.byClass["missing-name"]),
    String(totals.byClass["type-mismatch"]),
    `**${totals.free} free**`,
  ]);
  const sections = [
    `Against ${report.against}: ${totals.free} of ${totals.folders} plugin folders free of SDK errors; ${totals.errors} SDK errors.`,
    "",
    table(["folder", "missing subpath", "missing name", "type mismatch", "free of SDK errors"], rows),
    "",
    report.notCounted.length
      ? `Not counted: ${report.notCounted.map((r) => `${r.folder} (${r.note ?? ""}${r.errors.length ? `; ${r.errors.length} unresolved openclaw imports` : ""})`).join(", ")}.`
      : "Every plugin folder found is counted.",
    "",
    "Missing subpaths (by folders that import them):",
    "",
    report.missingSubpaths.length ? table(["subpath", "folders", "errors", "which"], gapRows(report.missingSubpaths)) : "(none)",
    "",
    "Missing names (`module name`, by folders that import them):",
    "",
    report.missingNames.length ? table(["name", "folders", "errors", "which"], gapRows(report.missingNames)) : "(none)",
    "",
    "SDK types named by type-mismatch errors:",
    "",
    report.mismatchTypes.length ? table(["type", "folders", "errors", "which"], gapRows(report.mismatchTypes)) : "(none)",
  ];
  return `${sections.join("\n")}\n`;
}
