/**
 * Finds object keys that appear more than once in JSON5 text. JSON5 (like JSON.parse) silently keeps the last
 * duplicate, so a second `"contracts"` block quietly replaces the first; the reader reports it instead.
 *
 * Runs only on text that already parsed, so the scanner can assume well-formed input.
 */

/** One duplicate: the key's path segments and the 1-based lines of every occurrence. */
export interface DuplicateKey {
  path: Array<string | number>;
  lines: number[];
}

interface Frame {
  kind: "object" | "array";
  /** The object's first key and its line: most objects of a large manifest have one key, and need no map. */
  firstKey: string | undefined;
  firstLine: number;
  /** Occurrence lines per key (objects): the first line, or every line once the key repeats; created on the second key. */
  keys: Map<string, number | number[]> | undefined;
  /** Segment of the value currently being read: the last key (objects) or the index (arrays). */
  segment: string | number;
  expectKey: boolean;
}

const LINE_END = /[\n\r\u2028\u2029]/g;

const PUNCTUATION = new Set(["{", "}", "[", "]", ",", ":"]);

/**
 * Lists duplicate keys in well-formed JSON5 text, outermost first.
 *
 * @example
 * ```ts
 * findDuplicateKeys('{ "a": 1, "a": 2 }'); // [{ path: ["a"], lines: [1, 1] }]
 * ```
 */
export function findDuplicateKeys(text: string, decodeString: (literal: string) => string): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let line = 1;
  let index = 0;
  const advance = (to: number): void => {
    for (let i = index; i < to; i++) {
      const char = text[i];
      if (char === "\n" || char === "\u2028" || char === "\u2029" || (char === "\r" && text[i + 1] !== "\n")) line++;
    }
    index = to;
  };

  while (index < text.length) {
    const char = text[index]!;
    if (char === "/" && text[index + 1] === "/") {
      // A sticky search from here: slicing the rest of the text for every comment would be quadratic.
      LINE_END.lastIndex = index;
      const found = LINE_END.exec(text);
      advance(found ? found.index : text.length);
      continue;
    }
    if (char === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2);
      advance(end === -1 ? text.length : end + 2);
      continue;
    }
    const code = char.charCodeAt(0);
    // Printable ASCII is never whitespace: only other characters need the (slower) Unicode whitespace test.
    if (char === " " || char === "\n" || char === "\t" || char === "\r" || ((code < 33 || code > 126) && /\s|\uFEFF/.test(char))) {
      advance(index + 1);
      continue;
    }
    const top = stack[stack.length - 1];
    if (PUNCTUATION.has(char)) {
      if (char === "{" || char === "[") {
        stack.push({
          kind: char === "{" ? "object" : "array",
          firstKey: undefined,
          firstLine: 0,
          keys: undefined,
          segment: char === "{" ? "" : 0,
          expectKey: char === "{",
        });
      } else if (char === "}" || char === "]") {
        const frame = stack.pop();
        if (frame?.kind === "object" && frame.keys) {
          for (const [key, lines] of frame.keys) {
            if (typeof lines !== "number") duplicates.push({ path: [...stack.map((parent) => parent.segment), key], lines });
          }
        }
      } else if (char === "," && top) {
        if (top.kind === "object") top.expectKey = true;
        else top.segment = (top.segment as number) + 1;
      } else if (char === ":" && top) {
        top.expectKey = false;
      }
      advance(index + 1);
      continue;
    }
    // A string, number, literal or identifier token; only keys are decoded (values are skipped).
    let end = index + 1;
    const isKey = top?.kind === "object" && top.expectKey;
    let token = "";
    if (char === '"' || char === "'") {
      while (end < text.length && text[end] !== char) end += text[end] === "\\" ? 2 : 1;
      end = Math.min(end + 1, text.length);
      if (isKey) {
        const literal = text.slice(index, end);
        // Only strings with escapes need the real decoder (it is by far the slowest step).
        token = literal.includes("\\") ? decodeString(literal) : literal.slice(1, -1);
      }
    } else {
      while (end < text.length && !PUNCTUATION.has(text[end]!) && text[end] !== "/" && !/\s/.test(text[end]!)) end++;
      if (isKey) token = text.slice(index, end);
    }
    if (isKey) {
      if (top.firstKey === undefined) {
        top.firstKey = token;
        top.firstLine = line;
      } else {
        if (!top.keys) {
          top.keys = new Map();
          top.keys.set(top.firstKey, top.firstLine);
        }
        const lines = top.keys.get(token);
        if (lines === undefined) top.keys.set(token, line);
        else if (typeof lines === "number") top.keys.set(token, [lines, line]);
        else lines.push(line);
      }
      top.segment = token;
    }
    advance(end);
  }
  return duplicates.sort((a, b) => a.path.length - b.path.length || a.lines[0]! - b.lines[0]!);
}
