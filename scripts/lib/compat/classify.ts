/**
 * Which type-check errors of a plugin are the SDK's, and of which class. Pure functions over a flattened diagnostic,
 * so the rules are unit-tested without a compiler run.
 *
 * Rules (in this order; the first that matches wins):
 * 1. missing subpath — the import specifier `openclaw` or `openclaw/…` did not resolve through the package's
 *    `exports` (recorded by the module resolver; TS2307 on such a specifier counts too).
 * 2. missing name — a "no exported member" style error (TS2305, TS2724, TS2614, TS2694, TS2459, TS2460, TS1192) or a
 *    TS2339 "Property … does not exist on type 'typeof import(…)'" whose module is an openclaw module.
 * 3. type mismatch — any other error whose message chain names a type declared in the package's declaration files
 *    (a whole-word match of a declared interface/type/class/enum name that is NOT also declared by the plugin's own
 *    sources or by the TypeScript/Node library files, so `Config` written by both is not blamed on the SDK), or
 *    mentions `import("…openclaw…")`, or whose related information points into the package's files (TypeScript's
 *    "The expected type comes from … declared here" notes).
 * Everything else (the plugin's own bugs, its undeclared third-party modules, stricter flags) is not counted, and so
 * is TS2709 "Cannot use namespace 'X' as a type": it only arises when X was imported from a module typed by the
 * `declare module "*"` shim — an uninstalled dependency, or an openclaw subpath already counted as missing (counting
 * it again would turn one missing subpath into many type mismatches).
 */

/** The error classes counted against the SDK. */
export type SdkErrorClass = "missing-subpath" | "missing-name" | "type-mismatch";

/** A compiler diagnostic reduced to what classification needs. */
export interface FlatDiagnostic {
  readonly code: number;
  /** The whole message chain joined with newlines. */
  readonly message: string;
  /** Files named by the related information (absolute paths). */
  readonly relatedFiles: readonly string[];
}

/** What the classifier knows about the package and the plugin. */
export interface ClassifyContext {
  /** True for an absolute path inside the installed package. */
  isPackageFile(path: string): boolean;
  /** Type names declared in the package's declaration files, minus names the plugin or the libraries declare. */
  readonly sdkTypeNames: ReadonlySet<string>;
}

/** A classified SDK error: its class and, for missing subpaths and names, what is missing. */
export interface SdkErrorVerdict {
  readonly class: SdkErrorClass;
  /** `openclaw/plugin-sdk/x` for missing subpaths and names (the module the name was looked up in). */
  readonly subpath?: string;
  /** The missing export's name (missing-name only). */
  readonly name?: string;
  /** The SDK type names the message mentions (type-mismatch only). */
  readonly types?: readonly string[];
}

/** "Cannot use namespace 'X' as a type": a type imported from a shim-typed (missing) module. */
const shimNamespaceCode = 2709;

const missingNameCodes = new Set([2305, 2724, 2614, 2694, 2459, 2460, 1192]);

/** `openclaw` or `openclaw/...` (the package's own specifiers). */
export function isOpenclawSpecifier(specifier: string): boolean {
  return specifier === "openclaw" || specifier.startsWith("openclaw/");
}

/**
 * The openclaw module a message talks about: a quoted specifier (`'"openclaw/plugin-sdk/core"'`) or an absolute
 * path into the package (`typeof import("/…/node_modules/openclaw/dist/plugin-sdk/core")`), returned as a specifier.
 */
export function openclawModuleInMessage(message: string): string | undefined {
  const quoted = /["'](openclaw(?:\/[\w./-]+)?)["']/.exec(message);
  if (quoted?.[1]) return quoted[1];
  const path = /node_modules\/openclaw\/dist\/(plugin-sdk\/[\w./-]+?)(?:\.d\.ts|\.js)?["')]/.exec(message);
  if (path?.[1]) return `openclaw/${path[1].replace(/\/index$/, "")}`;
  return undefined;
}

function quotedNames(message: string): string[] {
  return [...message.matchAll(/'([^'"\s]+)'/g)].map((match) => match[1] as string);
}

/** The missing export named by a missing-name message (`has no exported member 'x'` and friends). */
export function missingNameInMessage(code: number, message: string): string | undefined {
  const first = message.split("\n")[0] ?? message;
  if (code === 1192) return "default";
  const member = /(?:exported member(?: named)?|declares) '([^']+)'/.exec(first);
  if (member?.[1]) return member[1];
  const property = /^Property '([^']+)' does not exist/.exec(first);
  if (property?.[1]) return property[1];
  return quotedNames(first).find((name) => !name.startsWith('"'));
}

/** SDK type names mentioned as whole words in `message`. */
export function sdkTypesInMessage(message: string, sdkTypeNames: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const word of message.match(/[A-Za-z_$][\w$]*/g) ?? []) {
    if (sdkTypeNames.has(word)) found.add(word);
  }
  return [...found].sort();
}

/**
 * Classifies one diagnostic of a plugin source file; `undefined` when it is not the SDK's.
 *
 * @example
 * ```ts
 * classifyDiagnostic({ code: 2305, message: `Module '"openclaw/plugin-sdk/core"' has no exported member 'stringEnum'.`, relatedFiles: [] }, context);
 * // → { class: "missing-name", subpath: "openclaw/plugin-sdk/core", name: "stringEnum" }
 * ```
 */
export function classifyDiagnostic(diagnostic: FlatDiagnostic, context: ClassifyContext): SdkErrorVerdict | undefined {
  const { code, message } = diagnostic;
  if (code === shimNamespaceCode) return undefined;
  const firstLine = message.split("\n")[0] ?? message;
  const module = openclawModuleInMessage(firstLine);
  if (code === 2307 && module) return { class: "missing-subpath", subpath: module };
  const onModule = code === 2339 && /typeof import\(/.test(firstLine);
  if ((missingNameCodes.has(code) || onModule) && module) {
    const name = missingNameInMessage(code, firstLine);
    return name ? { class: "missing-name", subpath: module, name } : { class: "missing-name", subpath: module };
  }
  const types = sdkTypesInMessage(message, context.sdkTypeNames);
  const namesPackage = /import\(["'][^"']*openclaw[^"']*["']\)/.test(message);
  const relatedInPackage = diagnostic.relatedFiles.some((file) => context.isPackageFile(file));
  if (types.length > 0 || namesPackage || relatedInPackage) return { class: "type-mismatch", types };
  return undefined;
}
