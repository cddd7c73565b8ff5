/**
 * Structured diagnostics shared by the manifest reader, config validation, the host and the CLI.
 *
 * A diagnostic never carries a secret: producers redact values marked `sensitive` before building the message.
 */

/**
 * Severity of a {@link PluginDiagnostic}. `error` blocks (validate fails, config is rejected); the rest inform.
 *
 * @example
 * ```ts
 * const level: PluginDiagnosticLevel = "warning";
 * ```
 */
export type PluginDiagnosticLevel = "error" | "warning" | "info";

/**
 * One finding about a plugin manifest, a plugin's config, or a plugin at load time.
 *
 * @example
 * ```ts
 * const d: PluginDiagnostic = {
 *   level: "error",
 *   code: "plugin-config-mismatch",
 *   path: "plugins.entries.my-plugin.config",
 *   message: "must have required property 'apiKey'",
 * };
 * ```
 */
export interface PluginDiagnostic {
  level: PluginDiagnosticLevel;
  /** Stable kebab-case identifier (e.g. `contracts-not-array`); safe to match on in tools and tests. */
  code: string;
  /**
   * Dotted path of the offending value inside the file or config object (`contracts.tools`,
   * `plugins.entries.my-plugin.config.apiKey`); empty string for the whole document.
   */
  path: string;
  /** Human-readable sentence: what is wrong and what to do. Never contains sensitive values. */
  message: string;
  /** File the diagnostic is about, when there is one (absolute or as given by the caller). */
  file?: string;
  /** 1-based line in `file`, when known (parse errors). */
  line?: number;
  /** 1-based column in `file`, when known (parse errors). */
  column?: number;
}

/**
 * True when at least one diagnostic has level `error`.
 *
 * @example
 * ```ts
 * if (hasErrors(result.diagnostics)) process.exitCode = 1;
 * ```
 */
export function hasErrors(diagnostics: readonly PluginDiagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.level === "error");
}

/**
 * Only the diagnostics of the given level.
 *
 * @example
 * ```ts
 * const warnings = diagnosticsOfLevel(result.diagnostics, "warning");
 * ```
 */
export function diagnosticsOfLevel(
  diagnostics: readonly PluginDiagnostic[],
  level: PluginDiagnosticLevel,
): PluginDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.level === level);
}

/**
 * One-line rendering: `file:line:column: path: message (code)`; parts that are absent are left out.
 *
 * @example
 * ```ts
 * formatDiagnostic({ level: "error", code: "id-missing", path: "id", message: "id is required", file: "openclaw.plugin.json" });
 * // "openclaw.plugin.json: id: id is required (id-missing)"
 * ```
 */
export function formatDiagnostic(diagnostic: PluginDiagnostic): string {
  let location = diagnostic.file ?? "";
  if (location && diagnostic.line !== undefined) {
    location += `:${diagnostic.line}`;
    if (diagnostic.column !== undefined) location += `:${diagnostic.column}`;
  }
  const parts: string[] = [];
  if (location) parts.push(location);
  if (diagnostic.path && !diagnostic.message.startsWith(`${diagnostic.path}:`)) parts.push(diagnostic.path);
  parts.push(`${diagnostic.message} (${diagnostic.code})`);
  return parts.join(": ");
}

/**
 * Multi-line report: one `formatDiagnostic` line per diagnostic, each prefixed with its level, errors first.
 *
 * @example
 * ```ts
 * console.error(formatDiagnostics(result.diagnostics));
 * // error   openclaw.plugin.json: contracts.tools: … (contracts-not-array)
 * ```
 */
export function formatDiagnostics(diagnostics: readonly PluginDiagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((diagnostic) => `${diagnostic.level.padEnd(7)} ${formatDiagnostic(diagnostic)}`)
    .join("\n");
}

const LEVEL_ORDER: Record<PluginDiagnosticLevel, number> = { error: 0, warning: 1, info: 2 };

/**
 * A copy sorted by level (errors, warnings, info), keeping the original order within a level.
 *
 * @example
 * ```ts
 * const [first] = sortDiagnostics(result.diagnostics); // an error, if there is one
 * ```
 */
export function sortDiagnostics(diagnostics: readonly PluginDiagnostic[]): PluginDiagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => LEVEL_ORDER[a.diagnostic.level] - LEVEL_ORDER[b.diagnostic.level] || a.index - b.index)
    .map((entry) => entry.diagnostic);
}
