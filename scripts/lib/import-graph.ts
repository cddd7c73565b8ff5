/**
 * Import graphs read with the TypeScript parser: module specifiers of a file (static, type-only, lazy), a source
 * file's relative imports resolved by the TypeScript compiler, cycle detection over a resolved graph, and the walk of
 * a built subpath's JS and declaration graphs.
 */
import { readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, extname, resolve } from "node:path";
import ts from "typescript";

/** One module specifier found in a file. */
export interface ImportEdge {
  /** The specifier; for a `dynamic` edge, the source text of the argument. */
  specifier: string;
  /**
   * `static`: import/export … from; `type`: import type / export type / import("x") in a type; `lazy`: an
   * `import("x")` call or a call of a require function (`require("x")`, `createRequire(…)("x")`, or a variable
   * assigned `createRequire(…)`);
   * `dynamic`: such a call whose argument is not a string literal (cannot be checked).
   */
  kind: "static" | "type" | "lazy" | "dynamic";
}

function isCreateRequireCall(node: ts.Node | undefined): boolean {
  return (
    node !== undefined &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "createRequire"
  );
}

/** Names bound to a require function: `require` plus every variable assigned `createRequire(…)` in the file. */
function requireNamesOf(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set(["require"]);
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && isCreateRequireCall(node.initializer)) {
      names.add(node.name.text);
    } else if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && isCreateRequireCall(node.right)) {
      names.add(node.left.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** `require(…)`, a call of a variable holding `createRequire(…)`, or `createRequire(…)(…)`. */
function isRequireCall(node: ts.CallExpression, requireNames: Set<string>): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return requireNames.has(callee.text);
  return isCreateRequireCall(callee);
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (file.endsWith(".d.ts") || file.endsWith(".ts") || file.endsWith(".mts")) return ts.ScriptKind.TS;
  return ts.ScriptKind.JS;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  return node.importClause?.isTypeOnly === true;
}

/**
 * Module specifiers of `text` (parsed as `file`). `import("x")` in type positions (declaration files) is reported
 * as `type`; `import("x")` calls as `lazy`.
 */
export function importsOf(file: string, text: string): ImportEdge[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, scriptKindOf(file));
  const edges: ImportEdge[] = [];
  const requireNames = requireNamesOf(sourceFile);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ specifier: node.moduleSpecifier.text, kind: isTypeOnlyImport(node) ? "type" : "static" });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? "type" : "static" });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) edges.push({ specifier: expression.text, kind: node.isTypeOnly ? "type" : "static" });
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequireCall(node, requireNames))) {
      const argument = node.arguments[0];
      if (argument && ts.isStringLiteralLike(argument)) edges.push({ specifier: argument.text, kind: "lazy" });
      else if (argument) edges.push({ specifier: argument.getText(sourceFile), kind: "dynamic" });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      edges.push({ specifier: node.argument.literal.text, kind: "type" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return edges;
}

const sourceResolution: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
let sourceResolutionHost: ts.CompilerHost | undefined;

/**
 * The relative imports of source file `file` (absolute path), each resolved the way the compiler does (`./x.js` →
 * `x.ts`) to an absolute path under `withinDir`; imports that resolve elsewhere or to a declaration file are left out.
 */
export function resolvedSourceImports(file: string, withinDir: string): { target: string; kind: ImportEdge["kind"] }[] {
  sourceResolutionHost ??= ts.createCompilerHost(sourceResolution);
  const resolved: { target: string; kind: ImportEdge["kind"] }[] = [];
  for (const edge of importsOf(file, readFileSync(file, "utf8"))) {
    if (edge.kind === "dynamic" || !isRelative(edge.specifier)) continue;
    const target = ts.resolveModuleName(edge.specifier, file, sourceResolution, sourceResolutionHost).resolvedModule?.resolvedFileName;
    if (!target || !target.startsWith(withinDir) || target.endsWith(".d.ts")) continue;
    resolved.push({ target, kind: edge.kind });
  }
  return resolved;
}

/** True for `./x`, `../x` and absolute specifiers. */
export function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/");
}

/** Package name of a bare specifier (`@scope/pkg/sub` → `@scope/pkg`, `zod/v4` → `zod`); undefined for builtins. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || isBuiltin(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Strongly connected components with more than one file (or a file importing itself), each as a cycle path. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const lowOf = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (node: string): void => {
    indexOf.set(node, index);
    lowOf.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        strongConnect(next);
        lowOf.set(node, Math.min(lowOf.get(node) ?? 0, lowOf.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowOf.set(node, Math.min(lowOf.get(node) ?? 0, indexOf.get(next) ?? 0));
      }
    }
    if (lowOf.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexOf.has(node)) strongConnect(node);
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** One concrete cycle inside a strongly connected component, starting and ending at its smallest file. */
function cyclePath(graph: Map<string, string[]>, members: Set<string>): string[] {
  const start = [...members].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** What a walk of one built subpath reached. */
export interface BuiltGraph {
  /** dist files reached through static imports only, entry first. */
  staticFiles: string[];
  /** dist files reached only through a lazy `import()` somewhere on the way. */
  lazyFiles: string[];
  /** Bare specifiers' packages with the file that imports them and whether the edge path is all static. */
  packages: { name: string; specifier: string; from: string; static: boolean }[];
  /** Total bytes of `staticFiles`. */
  staticBytes: number;
  /** `import(expr)` / `require(expr)` calls whose target cannot be read statically. */
  dynamicLoads: { expression: string; from: string }[];
}

function resolveBuilt(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  return extname(target) === "" ? `${target}.js` : target;
}

/**
 * Walks the built JS graph from `entryFile` (absolute path): static edges first, then lazy edges and everything
 * below them. Relative specifiers are followed; bare specifiers are recorded, not followed.
 */
export function walkBuiltJs(entryFile: string): BuiltGraph {
  const staticSet = new Set<string>();
  const lazySet = new Set<string>();
  const packages: BuiltGraph["packages"] = [];
  const seenPackages = new Set<string>();
  const dynamicLoads: BuiltGraph["dynamicLoads"] = [];
  const visit = (file: string, isStatic: boolean): void => {
    const set = isStatic ? staticSet : lazySet;
    if (staticSet.has(file) || set.has(file)) return;
    set.add(file);
    for (const edge of importsOf(file, readFileSync(file, "utf8"))) {
      if (edge.kind === "dynamic") {
        if (!dynamicLoads.some((load) => load.from === file && load.expression === edge.specifier)) {
          dynamicLoads.push({ expression: edge.specifier, from: file });
        }
        continue;
      }
      const edgeStatic = isStatic && edge.kind !== "lazy";
      if (isRelative(edge.specifier)) {
        visit(resolveBuilt(file, edge.specifier), edgeStatic);
        continue;
      }
      const name = packageNameOf(edge.specifier);
      if (name === undefined) continue;
      const key = `${name}\0${file}\0${edgeStatic}`;
      if (!seenPackages.has(key)) {
        seenPackages.add(key);
        packages.push({ name, specifier: edge.specifier, from: file, static: edgeStatic });
      }
    }
  };
  visit(entryFile, true);
  // A file first met lazily and later statically counts as static.
  const lazyFiles = [...lazySet].filter((file) => !staticSet.has(file));
  const staticFiles = [...staticSet];
  const staticBytes = staticFiles.reduce((sum, file) => sum + statSync(file).size, 0);
  return { staticFiles, lazyFiles, packages, staticBytes, dynamicLoads };
}

function resolveDeclaration(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  if (target.endsWith(".js")) return `${target.slice(0, -3)}.d.ts`;
  if (target.endsWith(".mjs")) return `${target.slice(0, -4)}.d.mts`;
  return extname(target) === "" ? `${target}.d.ts` : target;
}

/** Declaration files reached from `entryDts` through relative imports (what a consumer's type-check loads). */
export function walkDeclarations(entryDts: string): { files: string[]; lines: number } {
  const seen = new Set<string>();
  let lines = 0;
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    lines += text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    for (const edge of importsOf(file, text)) {
      if (isRelative(edge.specifier)) visit(resolveDeclaration(file, edge.specifier));
    }
  };
  visit(entryDts);
  return { files: [...seen], lines };
}
