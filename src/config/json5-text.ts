/**
 * Parses config text written as JSON5, turning a syntax error into the parts every config message uses: where
 * (`at line L, column C`), the parser's reason without its own prefix and position, and the line and column.
 */

/** A JSON5 syntax error, ready for a message. */
export interface Json5SyntaxError {
  /** ` at line 3, column 7` (leading space), or `""` when the parser gave no position. */
  at: string;
  /** The parser's reason, e.g. `invalid character '}'`. */
  reason: string;
  line?: number;
  column?: number;
}

/** Result of {@link parseJson5Text}. */
export type Json5ParseResult = { ok: true; value: unknown } | { ok: false; error: Json5SyntaxError };

/**
 * Parses `text` with json5 (loaded on first use); never throws.
 *
 * @example
 * ```ts
 * const parsed = await parseJson5Text("{ a: 1, }");
 * if (!parsed.ok) console.error(`not valid JSON5${parsed.error.at}: ${parsed.error.reason}`);
 * ```
 */
export async function parseJson5Text(text: string): Promise<Json5ParseResult> {
  try {
    const JSON5 = (await import("json5")).default;
    return { ok: true, value: JSON5.parse(text) };
  } catch (thrown) {
    const err = thrown as Error & { lineNumber?: number; columnNumber?: number };
    const error: Json5SyntaxError = {
      at: err.lineNumber !== undefined ? ` at line ${err.lineNumber}${err.columnNumber !== undefined ? `, column ${err.columnNumber}` : ""}` : "",
      reason: String(err.message).replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, ""),
    };
    if (err.lineNumber !== undefined) error.line = err.lineNumber;
    if (err.columnNumber !== undefined) error.column = err.columnNumber;
    return { ok: false, error };
  }
}
