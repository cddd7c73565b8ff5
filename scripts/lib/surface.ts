/**
 * The plugin SDK surface audit: what each subpath exports, counted by the TypeScript checker (never by regex),
 * and the rules that compare a surface with the committed baseline.
 */
import ts from "typescript";
import type { DeprecationRecord } from "./entrypoints.js";

/** How one exported name is usable by a consumer. */
export type ExportKind = "callable" | "value" | "type";

/** One exported name of a subpath. */
export interface ExportInfo {
  name: string;
  kind: ExportKind;
  /** Set when the export or its declaration carries `@deprecated`; `removalDate` is the first ISO date in the tag. */
  deprecated?: { removalDate: string | null };
}

/** The counted surface of one subpath. */
export interface SubpathSurface {
  subpath: string;
  exports: ExportInfo[];
  counts: SurfaceCounts;
  /** `export * from` / `export * as ns from` statements in the entry file (must be 0). */
  exportStars: number;
}

export interface SurfaceCounts {
  exported: number;
  values: number;
  typeOnly: number;
  callable: number;
  deprecated: number;
}

/** The whole audit, as printed by `pnpm plugin-sdk:surface --json`. */
export interface SurfaceReport {
  public: SubpathSurface[];
  privateLocalOnly: SubpathSurface[];
  totals: { public: SurfaceCounts & { subpaths: number }; privateLocalOnly: SurfaceCounts & { subpaths: number } };
  deprecatedSubpaths: number;
  deprecatedBarrels: number;
  exportStars: number;
}

/** The committed baseline: per public subpath, each exported name and its kind (plus removal dates of deprecated names). */
export interface SurfaceBaseline {
  subpaths: Record<string, { exports: Record<string, ExportKind>; deprecated?: Record<string, string | null> }>;
}

/** Input to {@link analyzeSurface}. */
export interface SurfaceInput {
  /** Entry files, absolute paths. */
  entries: { subpath: string; file: string; private: boolean }[];
  deprecatedSubpaths: DeprecationRecord[];
  deprecatedBarrels: DeprecationRecord[];
  compilerOptions?: ts.CompilerOptions;
}

const defaultCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
};

const isoDate = /\b(\d{4}-\d{2}-\d{2})\b/;

function emptyCounts(): SurfaceCounts {
  return { exported: 0, values: 0, typeOnly: 0, callable: 0, deprecated: 0 };
}

function deprecatedTagOf(checker: ts.TypeChecker, symbols: ts.Symbol[]): { removalDate: string | null } | undefined {
  for (const symbol of symbols) {
    for (const tag of symbol.getJsDocTags(checker)) {
      if (tag.name === "deprecated") {
        const text = ts.displayPartsToString(tag.text);
        return { removalDate: isoDate.exec(text)?.[1] ?? null };
      }
    }
    for (const declaration of symbol.declarations ?? []) {
      const tag = ts.getJSDocDeprecatedTag(declaration);
      if (tag) {
        const text = typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? "";
        return { removalDate: isoDate.exec(text)?.[1] ?? null };
      }
    }
  }
  return undefined;
}

/** True when the alias chain from the entry to the declaration passes an `export type` / `import type`. */
function isTypeOnlyAlias(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((declaration) => {
    if (ts.isExportSpecifier(declaration)) return declaration.isTypeOnly || declaration.parent.parent.isTypeOnly;
    if (ts.isImportSpecifier(declaration)) return declaration.isTypeOnly || declaration.parent.parent.isTypeOnly;
    return false;
  });
}

function classify(checker: ts.TypeChecker, exported: ts.Symbol): ExportInfo {
  const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const isValue = (target.flags & ts.SymbolFlags.Value) !== 0 && !isTypeOnlyAlias(exported);
  let kind: ExportKind = "type";
  if (isValue) {
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    const type = declaration ? checker.getTypeOfSymbolAtLocation(target, declaration) : checker.getTypeOfSymbol(target);
    kind = type.getCallSignatures().length > 0 ? "callable" : "value";
  }
  const deprecated = deprecatedTagOf(checker, [exported, target]);
  return deprecated ? { name: exported.name, kind, deprecated } : { name: exported.name, kind };
}

function countExportStars(sourceFile: ts.SourceFile): number {
  return sourceFile.statements.filter(
    (statement) =>
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier !== undefined &&
      (statement.exportClause === undefined || ts.isNamespaceExport(statement.exportClause)),
  ).length;
}

function countsOf(exports: ExportInfo[]): SurfaceCounts {
  const counts = emptyCounts();
  for (const info of exports) {
    counts.exported += 1;
    if (info.kind === "type") counts.typeOnly += 1;
    else counts.values += 1;
    if (info.kind === "callable") counts.callable += 1;
    if (info.deprecated) counts.deprecated += 1;
  }
  return counts;
}

function addCounts(total: SurfaceCounts, counts: SurfaceCounts): void {
  for (const key of Object.keys(counts) as (keyof SurfaceCounts)[]) total[key] += counts[key];
}

/** Builds one program over every entry file and counts each entry's exports with the checker. */
export function analyzeSurface(input: SurfaceInput): SurfaceReport {
  const files = input.entries.map((entry) => entry.file);
  const program = ts.createProgram(files, input.compilerOptions ?? defaultCompilerOptions);
  const checker = program.getTypeChecker();
  const report: SurfaceReport = {
    public: [],
    privateLocalOnly: [],
    totals: { public: { ...emptyCounts(), subpaths: 0 }, privateLocalOnly: { ...emptyCounts(), subpaths: 0 } },
    deprecatedSubpaths: input.deprecatedSubpaths.length,
    deprecatedBarrels: input.deprecatedBarrels.length,
    exportStars: 0,
  };
  for (const entry of input.entries) {
    const sourceFile = program.getSourceFile(entry.file);
    if (!sourceFile) throw new Error(`${entry.file}: entry file of subpath "${entry.subpath}" does not exist.`);
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    const symbols = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
    const exports = symbols
      .map((symbol) => classify(checker, symbol))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const surface: SubpathSurface = {
      subpath: entry.subpath,
      exports,
      counts: countsOf(exports),
      exportStars: countExportStars(sourceFile),
    };
    report.exportStars += surface.exportStars;
    const bucket = entry.private ? "privateLocalOnly" : "public";
    report[bucket].push(surface);
    addCounts(report.totals[bucket], surface.counts);
    report.totals[bucket].subpaths += 1;
  }
  return report;
}

/** The baseline that {@link checkSurface} would accept for this report (public subpaths only). */
export function baselineOf(report: SurfaceReport): SurfaceBaseline {
  const subpaths: SurfaceBaseline["subpaths"] = {};
  for (const surface of [...report.public].sort((a, b) => (a.subpath < b.subpath ? -1 : 1))) {
    const exports: Record<string, ExportKind> = {};
    const deprecated: Record<string, string | null> = {};
    for (const info of surface.exports) {
      exports[info.name] = info.kind;
      if (info.deprecated) deprecated[info.name] = info.deprecated.removalDate;
    }
    subpaths[surface.subpath] = Object.keys(deprecated).length > 0 ? { exports, deprecated } : { exports };
  }
  return { subpaths };
}

/** One difference between the baseline and the current surface. */
export interface SurfaceChange {
  subpath: string;
  /** Absent for a whole-subpath change. */
  name?: string;
  change: "removed" | "added" | "kind-changed";
  detail: string;
  /** True when the change breaks CI. */
  blocking: boolean;
}

function removalAllowed(date: string | null | undefined, today: string): boolean {
  return typeof date === "string" && date < today;
}

/**
 * Compares the current surface with the baseline. Removing a subpath is allowed only when a deprecation record
 * (public subpath or barrel) for it has a removal date in the past; removing a name only when the baseline recorded
 * it as `@deprecated` with a past removal date, or its subpath's deprecation record has passed. Any growth or kind
 * change not recorded in the baseline blocks until `--update` records it.
 */
export function checkSurface(options: {
  baseline: SurfaceBaseline;
  current: SurfaceBaseline;
  deprecations: DeprecationRecord[];
  /** ISO date used as "today". */
  today: string;
}): SurfaceChange[] {
  const { baseline, current, today } = options;
  const deprecationOf = new Map(options.deprecations.map((record) => [record.subpath, record]));
  const changes: SurfaceChange[] = [];
  for (const [subpath, before] of Object.entries(baseline.subpaths)) {
    const after = current.subpaths[subpath];
    const record = deprecationOf.get(subpath);
    const subpathExpired = removalAllowed(record?.removalDate, today);
    if (!after) {
      changes.push({
        subpath,
        change: "removed",
        detail: record
          ? `subpath removed; deprecation record removal date ${record.removalDate}${subpathExpired ? " has passed" : " has not passed yet"}`
          : "subpath removed without a deprecation record",
        blocking: !subpathExpired,
      });
      continue;
    }
    for (const [name, kind] of Object.entries(before.exports)) {
      const now = after.exports[name];
      if (now === undefined) {
        const nameDate = before.deprecated?.[name];
        const allowed = subpathExpired || removalAllowed(nameDate, today);
        changes.push({
          subpath,
          name,
          change: "removed",
          detail: allowed
            ? "export removed after its deprecation removal date"
            : nameDate !== undefined
              ? `export removed before its removal date (${nameDate ?? "no date in @deprecated"})`
              : "export removed without a @deprecated period",
          blocking: !allowed,
        });
      } else if (now !== kind) {
        changes.push({ subpath, name, change: "kind-changed", detail: `${kind} → ${now}`, blocking: true });
      }
    }
    for (const name of Object.keys(after.exports)) {
      if (!(name in before.exports)) {
        changes.push({ subpath, name, change: "added", detail: `new ${after.exports[name]} export`, blocking: true });
      }
    }
  }
  for (const subpath of Object.keys(current.subpaths)) {
    if (!(subpath in baseline.subpaths)) {
      const count = Object.keys(current.subpaths[subpath]?.exports ?? {}).length;
      changes.push({ subpath, change: "added", detail: `new public subpath with ${count} exports`, blocking: true });
    }
  }
  return changes;
}

/** The report as an aligned text table. */
export function formatSurfaceTable(report: SurfaceReport): string {
  const header = ["subpath", "exported", "values", "type-only", "callable", "deprecated"];
  const rowOf = (label: string, counts: SurfaceCounts): string[] => [
    label,
    String(counts.exported),
    String(counts.values),
    String(counts.typeOnly),
    String(counts.callable),
    String(counts.deprecated),
  ];
  const rows = [
    header,
    ...report.public.map((surface) => rowOf(surface.subpath, surface.counts)),
    rowOf(`TOTAL public (${report.totals.public.subpaths} subpaths)`, report.totals.public),
    ...report.privateLocalOnly.map((surface) => rowOf(`${surface.subpath} (private)`, surface.counts)),
    rowOf(`TOTAL private-local-only (${report.totals.privateLocalOnly.subpaths} subpaths)`, report.totals.privateLocalOnly),
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const lines = rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  "),
  );
  lines.splice(1, 0, widths.map((width) => "-".repeat(width)).join("  "));
  lines.push(
    "",
    `deprecated subpaths: ${report.deprecatedSubpaths}`,
    `deprecated barrels: ${report.deprecatedBarrels}`,
    `export * in entry files: ${report.exportStars} (must be 0)`,
  );
  return lines.join("\n");
}
