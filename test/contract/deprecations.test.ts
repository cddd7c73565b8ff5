/**
 * Deprecated subpaths and barrels stay importable until their removal date, and every name they export tells the
 * author so: the TypeScript language service reports `@deprecated` (strike-through in editors) with the replacement
 * and the removal date from the deprecation record.
 */
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  readDeprecatedBarrelSubpaths,
  readDeprecatedPublicSubpaths,
  repoRoot,
  sourceFileOf,
  specifierOf,
} from "../../scripts/lib/entrypoints.js";

const records = [...readDeprecatedPublicSubpaths(), ...readDeprecatedBarrelSubpaths()];

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  baseUrl: repoRoot,
  paths: {
    "openclaw/plugin-sdk": ["./src/plugin-sdk/index.ts"],
    "openclaw/plugin-sdk/*": ["./src/plugin-sdk/*.ts"],
  },
};

function deprecatedTagText(declaration: ts.Declaration): string | undefined {
  const tag = ts.getJSDocDeprecatedTag(declaration);
  if (!tag) return undefined;
  return typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
}

describe("deprecated subpaths", () => {
  const program = ts.createProgram(
    records.map((record) => join(repoRoot, sourceFileOf(record.subpath))),
    compilerOptions,
  );
  const checker = program.getTypeChecker();

  it("are tracked with a replacement and an ISO removal date", () => {
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.replacement, record.subpath).not.toBe("");
      expect(record.removalDate, record.subpath).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  for (const record of records) {
    it(`${record.subpath}: every export is @deprecated with its replacement and the removal date`, () => {
      const source = program.getSourceFile(join(repoRoot, sourceFileOf(record.subpath)));
      expect(source, record.subpath).toBeDefined();
      const moduleSymbol = checker.getSymbolAtLocation(source!);
      const exports = checker.getExportsOfModule(moduleSymbol!);
      expect(exports.length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const symbol of exports) {
        const texts = (symbol.declarations ?? []).map(deprecatedTagText).filter((text) => text !== undefined);
        const text = texts[0];
        if (!text || !text.includes("openclaw/plugin-sdk/") || !text.includes(record.removalDate)) {
          missing.push(symbol.name);
        }
      }
      expect(missing, `exports of ${record.subpath} without a complete @deprecated note`).toEqual([]);
    });
  }

  it("are reported as deprecated to a consumer's editor", () => {
    const consumerFile = join(repoRoot, "test", "contract", "__deprecated-consumer.ts");
    const consumerText = records
      .map((record, index) => {
        const source = program.getSourceFile(join(repoRoot, sourceFileOf(record.subpath)))!;
        const first = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)[0]!;
        return `import type { ${first.name} as Name${index} } from "${specifierOf(record.subpath)}";\nexport type Use${index} = Name${index};`;
      })
      .join("\n");
    const files = new Map([[consumerFile, consumerText]]);
    const service = ts.createLanguageService({
      getScriptFileNames: () => [consumerFile],
      getScriptVersion: () => "1",
      getScriptSnapshot: (file) => {
        const text = files.get(file) ?? ts.sys.readFile(file);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => repoRoot,
      getCompilationSettings: () => compilerOptions,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (file) => files.has(file) || ts.sys.fileExists(file),
      readFile: (file) => files.get(file) ?? ts.sys.readFile(file),
    });
    const deprecatedUses = service
      .getSuggestionDiagnostics(consumerFile)
      .filter((diagnostic) => diagnostic.reportsDeprecated);
    // One report per deprecated import (the import specifier and the later use may both be flagged).
    expect(deprecatedUses.length).toBeGreaterThanOrEqual(records.length);
  });
});
