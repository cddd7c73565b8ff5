/**
 * Pointing a plugin's failure at its own code: the stack frames of a thrown value that lie in the plugin's files
 * (inside its folder, outside its `node_modules`), as `at <function> (./dist/index.js:12:11)`. Reads the stack
 * without trusting the thrown value: only an own `stack` string, or `Error#stack` read inside a `try`.
 */
import { isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const MAX_FRAMES = 10;
const MAX_STACK_CHARS = 16_000;

/**
 * The stack text of a thrown value, or `undefined` when it has none (a primitive, or an object without a readable
 * string `stack`). Never throws, never runs a getter on a non-Error.
 *
 * @example
 * ```ts
 * thrownStack(new Error("boom"))?.split("\n")[0]; // "Error: boom"
 * thrownStack("boom"); // undefined
 * ```
 */
export function thrownStack(value: unknown): string | undefined {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
  try {
    const own = Object.getOwnPropertyDescriptor(value, "stack");
    let stack: unknown = own && "value" in own ? own.value : undefined;
    if (stack === undefined && value instanceof Error) stack = (value as Error).stack;
    return typeof stack === "string" ? stack.slice(0, MAX_STACK_CHARS) : undefined;
  } catch {
    return undefined;
  }
}

function frameFile(location: string): { file: string; position: string } | undefined {
  // "<file>:<line>:<col>" where <file> is a path or a file: URL
  const match = /^(.*?):(\d+):(\d+)$/.exec(location);
  if (!match) return undefined;
  let file = match[1]!;
  if (file.startsWith("file://")) {
    try {
      file = fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  return isAbsolute(file) ? { file, position: `${match[2]}:${match[3]}` } : undefined;
}

/**
 * The frames of `value`'s stack that lie in the plugin's own files under `rootDir` (not its `node_modules`), with
 * paths relative to the plugin folder: `at register (./dist/index.js:5:11)`. Empty when there are none. At most 10.
 *
 * @example
 * ```ts
 * pluginStackFrames(error, "/plugins/demo"); // ["at register (./dist/index.js:5:11)", "at ./dist/index.js:9:1"]
 * ```
 */
export function pluginStackFrames(value: unknown, rootDir: string): string[] {
  const stack = thrownStack(value);
  if (!stack) return [];
  const frames: string[] = [];
  for (const rawLine of stack.split("\n")) {
    const line = rawLine.trim();
    if (!line.startsWith("at ")) continue;
    const body = line.slice(3);
    const paren = /^(.*) \((.*)\)$/.exec(body);
    const fn = paren ? paren[1]! : undefined;
    const location = frameFile(paren ? paren[2]! : body);
    if (!location) continue;
    const rel = relative(rootDir, location.file);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel) || rel.split(sep).includes("node_modules")) continue;
    const where = `./${rel.split(sep).join("/")}:${location.position}`;
    frames.push(fn ? `at ${fn} (${where})` : `at ${where}`);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}
