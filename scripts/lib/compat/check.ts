/**
 * Type-checking one plugin folder against an installed package: one TypeScript program per folder, the package
 * resolved from a scratch project (not from the folder), every other unresolved bare specifier typed `any`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { runNpm } from "../consumer-project.js";
import { classifyDiagnostic, isOpenclawSpecifier, type FlatDiagnostic, type SdkErrorVerdict } from "./classify.js";
import type { PluginFolder } from "./discover.js";

/** The package installed once into a scratch project. */
export interface InstalledPackage {
  /** The scratch project (holds node_modules/openclaw and @types/node). */
  readonly projectDir: string;
  /** Real path of node_modules/openclaw. */
  readonly packageDir: string;
  /** `name@version` of the installed package. */
  readonly label: string;
}

/** The ambient module that types every non-openclaw bare import the plugin's own dependencies would provide. */
const shimSource = `// Written by scripts/compat-corpus.ts: the plugins' own dependencies are not installed; each is typed any.\ndeclare module "*";\n`;

/**
 * Writes the two files every scratch project needs beside its node_modules: the `declare module "*"` shim and the
 * empty ES module `openclaw` specifiers are resolved from. Call it on a project whose package.json says
 * `"type": "module"` and whose node_modules/openclaw is the package to measure.
 */
export function writeProjectFiles(projectDir: string): void {
  writeFileSync(join(projectDir, "shim.d.ts"), shimSource);
  writeFileSync(join(projectDir, "resolve-from.ts"), "export {};\n");
}

/**
 * Installs `tarball` (with its production dependencies and `@types/node`) into a scratch project under `scratchRoot`
 * keyed by the tarball's hash, reusing an earlier install of the same tarball.
 */
export function installPackage(tarball: string, scratchRoot: string, typesNodeVersion: string): InstalledPackage {
  const hash = createHash("sha256").update(readFileSync(tarball)).digest("hex").slice(0, 16);
  const projectDir = join(scratchRoot, `project-${hash}`);
  if (!existsSync(join(projectDir, ".installed"))) {
    const staging = `${projectDir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const manifest = {
      name: "openclaw-compat-corpus",
      version: "0.0.0",
      private: true,
      type: "module",
      dependencies: { openclaw: `file:${tarball}`, "@types/node": typesNodeVersion },
    };
    writeFileSync(join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    runNpm(["install", "--omit=dev", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], staging);
    writeProjectFiles(staging);
    writeFileSync(join(staging, ".installed"), `${tarball}\n`);
    rmSync(projectDir, { recursive: true, force: true });
    renameSync(staging, projectDir);
  }
  return openProject(projectDir);
}

/** The package installed in `projectDir` (a project prepared by {@link installPackage} or {@link writeProjectFiles}). */
export function openProject(projectDir: string): InstalledPackage {
  const packageDir = join(projectDir, "node_modules", "openclaw");
  if (!existsSync(join(packageDir, "package.json"))) throw new Error(`compat-corpus: ${packageDir} has no package.json; install the package first.`);
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string; version: string };
  return { projectDir, packageDir: realpathSync(packageDir), label: `${pkg.name}@${pkg.version}` };
}

/** One SDK error found in a folder. */
export interface SdkError extends SdkErrorVerdict {
  /** File relative to the plugin folder, with line and column (1-based). */
  readonly at: string;
  readonly code: number;
  /** First line of the message. */
  readonly message: string;
  /** Last line of the message chain when it has more than one (usually the innermost reason). */
  readonly detail?: string;
}

/** The result for one plugin folder. */
export interface FolderResult {
  readonly folder: string;
  readonly language: "ts" | "js";
  /**
   * False for folders outside the totals: no production source imports openclaw, or JavaScript only (TypeScript
   * reports nothing but unresolved subpaths there); `note` says which.
   */
  readonly counted: boolean;
  readonly note?: string;
  readonly files: number;
  readonly errors: SdkError[];
  /** Errors not attributed to the SDK (the plugin's own, its uninstalled dependencies, …). */
  readonly otherErrors: number;
  /** `otherErrors` by TypeScript code (`"TS7006": 12`), to see what the uncounted errors are. */
  readonly otherErrorCodes: Record<string, number>;
  readonly ms: number;
}

const copiedStrictFlags = [
  "strict",
  "noImplicitAny",
  "strictNullChecks",
  "strictFunctionTypes",
  "strictBindCallApply",
  "strictPropertyInitialization",
  "noImplicitThis",
  "useUnknownInCatchVariables",
  "alwaysStrict",
  "noUncheckedIndexedAccess",
  "exactOptionalPropertyTypes",
  "noImplicitOverride",
  "noPropertyAccessFromIndexSignature",
  "experimentalDecorators",
  "emitDecoratorMetadata",
  "jsx",
  "allowImportingTsExtensions",
  "target",
  "lib",
  "useDefineForClassFields",
  "resolveJsonModule",
] as const;

/**
 * The folder's own compiler options that change what counts as an error (strictness, target, lib, jsx, decorators),
 * read from its tsconfig.json when it parses; `strict: true` when there is none.
 */
export function folderCompilerOptions(dir: string): ts.CompilerOptions {
  const file = join(dir, "tsconfig.json");
  if (!existsSync(file)) return { strict: true };
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return { strict: true };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, file);
  const options: ts.CompilerOptions = {};
  for (const flag of copiedStrictFlags) {
    if (parsed.options[flag] !== undefined) (options as Record<string, unknown>)[flag] = parsed.options[flag];
  }
  return options;
}

function flatten(diagnostic: ts.Diagnostic): FlatDiagnostic {
  return {
    code: diagnostic.code,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    relatedFiles: (diagnostic.relatedInformation ?? []).flatMap((info) => (info.file ? [info.file.fileName] : [])),
  };
}

function declaredTypeNames(sourceFile: ts.SourceFile, into: Set<string>): void {
  const visit = (node: ts.Node): void => {
    if (
      (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) &&
      node.name
    ) {
      into.add(node.name.text);
    }
    if (ts.isModuleDeclaration(node) || ts.isModuleBlock(node) || ts.isSourceFile(node)) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

/** Parsed declaration files shared by every folder's program (package, @types, TypeScript libs). */
const sharedSourceFiles = new Map<string, ts.SourceFile>();
const libDirectory = dirname(ts.getDefaultLibFilePath({}));

/**
 * Type-checks `folder` against `installed` and returns its SDK errors.
 *
 * @example
 * ```ts
 * const result = checkFolder(findPluginFolders("/corpus")[0]!, installPackage(tarball, "test/.tmp/compat", "20.19.43"));
 * result.errors.filter((error) => error.class === "missing-subpath");
 * ```
 */
export function checkFolder(folder: PluginFolder, installed: InstalledPackage): FolderResult {
  const started = performance.now();
  const resolveFrom = join(installed.projectDir, "resolve-from.ts");
  const options: ts.CompilerOptions = {
    ...folderCompilerOptions(folder.dir),
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    types: ["node"],
    typeRoots: [join(installed.projectDir, "node_modules", "@types")],
    allowJs: folder.language === "js",
    checkJs: false,
    allowArbitraryExtensions: true,
  };
  const bundlerOptions: ts.CompilerOptions = { ...options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const missingSubpaths: SdkError[] = [];
  const host = ts.createCompilerHost(options, true);
  const readSourceFile = host.getSourceFile.bind(host);
  // The package's declarations, @types/node and the lib files are the same for every folder: parse them once.
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (!fileName.startsWith(installed.projectDir + sep) && !fileName.startsWith(libDirectory + sep)) {
      return readSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    }
    const settings = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = `${fileName}\0${settings.languageVersion}\0${settings.impliedNodeFormat ?? ""}`;
    let sourceFile = sharedSourceFiles.get(key);
    if (!sourceFile) {
      sourceFile = readSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
      if (sourceFile) sharedSourceFiles.set(key, sourceFile);
    }
    return sourceFile;
  };
  const packagePrefix = installed.packageDir + sep;
  const isPackageFile = (path: string): boolean => {
    const real = resolve(path);
    return real.startsWith(packagePrefix) || real.includes(`${sep}node_modules${sep}openclaw${sep}`);
  };
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, containingSourceFile) =>
    literals.map((literal) => {
      const specifier = literal.text;
      if (isOpenclawSpecifier(specifier)) {
        // Resolved as the scratch project (an ES module importing the installed package) would resolve it.
        const resolved = ts.resolveModuleName(specifier, resolveFrom, options, host, undefined, undefined, ts.ModuleKind.ESNext);
        const target = resolved.resolvedModule;
        // A subpath that resolves to JavaScript without declarations is as unusable to a typed plugin as a missing
        // one (TS7016 under noImplicitAny; the shim would otherwise type it any silently).
        const untyped = target !== undefined && !/\.d\.[cm]?ts$/.test(target.resolvedFileName);
        if ((!target || untyped) && containingFile.startsWith(folder.dir + sep)) {
          const position = containingSourceFile.getLineAndCharacterOfPosition(literal.getStart(containingSourceFile));
          missingSubpaths.push({
            class: "missing-subpath",
            subpath: specifier,
            at: `${relative(folder.dir, containingFile)}:${position.line + 1}:${position.character + 1}`,
            code: untyped ? 7016 : 2307,
            message: untyped
              ? `'${specifier}' resolves to JavaScript without declarations in ${installed.label}.`
              : `Cannot find module '${specifier}' in ${installed.label}.`,
          });
        }
        return resolved;
      }
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
      const resolved = ts.resolveModuleName(specifier, containingFile, compilerOptions, host, undefined, redirected, mode);
      if (resolved.resolvedModule || !/^\.\.?(\/|$)/.test(specifier)) return resolved;
      // Extensionless relative imports (bundler-style plugins): resolve them anyway so their types still flow.
      return ts.resolveModuleName(specifier, containingFile, bundlerOptions, host);
    });
  const program = ts.createProgram({ rootNames: [...folder.sources, join(installed.projectDir, "shim.d.ts")], options, host });
  const sdkTypeNames = new Set<string>();
  const otherNames = new Set<string>();
  for (const sourceFile of program.getSourceFiles()) {
    if (isPackageFile(sourceFile.fileName)) declaredTypeNames(sourceFile, sdkTypeNames);
    else declaredTypeNames(sourceFile, otherNames);
  }
  for (const name of otherNames) sdkTypeNames.delete(name);
  const context = { isPackageFile, sdkTypeNames };
  // A specifier the plugin declares itself (`declare module "openclaw/plugin-sdk"`) compiles whatever the package has.
  const ambient = new Set(program.getTypeChecker().getAmbientModules().map((symbol) => symbol.getName().replace(/^"|"$/g, "")));
  const errors: SdkError[] = missingSubpaths.filter((error) => !ambient.has(error.subpath ?? ""));
  let otherErrors = 0;
  const otherErrorCodes: Record<string, number> = {};
  for (const sourceFile of program.getSourceFiles()) {
    if (!sourceFile.fileName.startsWith(folder.dir + sep) || sourceFile.fileName.includes(`${sep}node_modules${sep}`)) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    for (const diagnostic of diagnostics) {
      if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
      const verdict: SdkErrorVerdict | undefined = classifyDiagnostic(flatten(diagnostic), context);
      if (!verdict) {
        otherErrors += 1;
        otherErrorCodes[`TS${diagnostic.code}`] = (otherErrorCodes[`TS${diagnostic.code}`] ?? 0) + 1;
        continue;
      }
      const position = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const lines = flatten(diagnostic).message.split("\n").map((line) => line.trim());
      errors.push({
        ...verdict,
        at: `${relative(folder.dir, sourceFile.fileName)}:${position.line + 1}:${position.character + 1}`,
        code: diagnostic.code,
        message: lines[0] ?? "",
        ...(lines.length > 1 ? { detail: lines[lines.length - 1] as string } : {}),
      });
    }
  }
  const note = !folder.importsOpenclaw ? "no production source imports openclaw" : folder.language === "js" ? "JavaScript only" : undefined;
  return {
    folder: folder.name,
    language: folder.language,
    counted: note === undefined,
    ...(note ? { note } : {}),
    files: folder.sources.length,
    errors,
    otherErrors,
    otherErrorCodes,
    ms: Math.round(performance.now() - started),
  };
}
