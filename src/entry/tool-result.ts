/**
 * Tool result helpers.
 */
import type { AgentToolResult } from "../contract/tools.js";

function stringify(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
    return text ?? "null";
  } catch {
    return String(value);
  }
}

/**
 * A tool result whose text is the pretty-printed JSON of `payload` and whose `details` is `payload` itself.
 *
 * @example
 * ```ts
 * return jsonResult({ temperature: 21, unit: "C" });
 * ```
 */
export function jsonResult<TDetails>(payload: TDetails): AgentToolResult<TDetails> {
  return { content: [{ type: "text", text: stringify(payload) }], details: payload };
}

/**
 * A plain-text tool result.
 *
 * @example
 * ```ts
 * return textResult("done");
 * ```
 */
export function textResult(text: string): AgentToolResult<undefined> {
  return { content: [{ type: "text", text }] };
}

/**
 * How `defineToolPlugin` turns an `execute` return value into a tool result: a string becomes text content;
 * anything else becomes pretty JSON text with the value as `details` (`undefined` becomes `null`).
 *
 * @example
 * ```ts
 * toToolResult("hi"); // { content: [{ type: "text", text: "hi" }] }
 * toToolResult({ a: 1 }); // { content: [{ type: "text", text: '{\n  "a": 1\n}' }], details: { a: 1 } }
 * ```
 */
export function toToolResult(value: unknown): AgentToolResult {
  if (typeof value === "string") return textResult(value);
  return jsonResult(value === undefined ? null : value);
}
