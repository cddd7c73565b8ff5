/**
 * Loader robustness through the public package: whatever a plugin throws, however its exports misbehave, however
 * long its `register` promise stays pending and whatever it does to the built-in prototypes, `loadPlugins` resolves
 * with a `loadError` for that plugin and the next plugin loads and validates normally. Each case runs in its own
 * Node process against the built package, with a time limit.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTempDirPool } from "../../src/testing/temp-dir.js";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "./isolated.js";

const dirs = createTempDirPool("openclaw-hostile-loader-");
afterEach(() => dirs.removeAll());
beforeAll(() => ensureBuilt(), 300_000);

/** A plugin root with manifest `id` (strict config schema: no unknown keys) and `index.js` = `source`. */
function plugin(id: string, source: string): string {
  const dir = dirs.create();
  dir.write({
    "openclaw.plugin.json": { id, configSchema: { type: "object", additionalProperties: false, properties: { units: { type: "string" } } } },
    "package.json": { name: id, type: "module", openclaw: { extensions: ["./index.js"] } },
    "index.js": source,
  });
  return dir.path;
}

const good = (id: string) => plugin(id, `export default { id: ${JSON.stringify(id)}, register(api) { api.on("session_start", () => {}); } };\n`);

interface Outcome {
  ids: string[];
  codes: Array<string | null>;
  messages: string[];
  errors: number[];
  protoKeys: string[];
}

/** Runs `loadPlugins(roots, shared)` in a fresh process and reports each plugin's outcome and Object.prototype. */
function load(roots: Array<string | { rootDir: string; registerTimeoutMs?: number }>, shared: Record<string, unknown> = {}, timeoutMs = 20_000): Outcome & { status: number | null; durationMs: number } {
  const result = runIsolatedModule(
    `import { loadPlugins } from "openclaw/plugin-sdk/plugin-test-runtime";
const loaded = await loadPlugins(${JSON.stringify(roots)}, ${JSON.stringify(shared)});
const protoKeys = [];
for (const key in {}) protoKeys.push(key);
console.log(JSON.stringify({
  ids: loaded.map((p) => p.id),
  codes: loaded.map((p) => p.loadError?.code ?? null),
  messages: loaded.map((p) => p.loadError?.message ?? ""),
  errors: loaded.map((p) => p.diagnostics.filter((d) => d.level === "error").length),
  protoKeys: [...protoKeys, ...Object.getOwnPropertyNames(Object.prototype).filter((k) => !${JSON.stringify(BUILTIN_OBJECT_PROTO)}.includes(k))],
}));`,
    { timeoutMs },
  );
  expect(result.timedOut, result.stderr).toBe(false);
  expect(result.status, result.stderr).toBe(0);
  return { ...lastJsonLine<Outcome>(result), status: result.status, durationMs: result.durationMs };
}

const BUILTIN_OBJECT_PROTO = Object.getOwnPropertyNames(Object.prototype);

describe("hostile loader: thrown values never reject loadPlugins", () => {
  it("register throwing Object.create(null), a symbol, null, a bad toString or a Proxy; the next plugin loads", () => {
    const throwing = [
      "Object.create(null)",
      `Symbol("s")`,
      "null",
      `{ toString() { throw new Error("again"); } }`,
      `new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 1; }, getOwnPropertyDescriptor() { throw 1; } })`,
    ].map((expr, i) => plugin(`throws-${i}`, `export default { id: "throws-${i}", register() { throw ${expr}; } };\n`));
    const out = load([...throwing, good("next")]);
    expect(out.codes).toEqual(["register-failed", "register-failed", "register-failed", "register-failed", "register-failed", null]);
    for (const message of out.messages.slice(0, 5)) expect(message).toMatch(/register\(api\) threw in full mode: \S/);
    expect(out.messages[1]).toContain("Symbol(s)");
  });

  it("import throwing Object.create(null), a throwing id getter and a Proxy default export whose traps throw", () => {
    const trap = `() => { throw Object.create(null); }`;
    const out = load([
      plugin("imp", "throw Object.create(null);\n"),
      plugin("getter", `export default { get id() { throw Object.create(null); }, register() {} };\n`),
      plugin("proxy", `export default new Proxy({}, { get: ${trap}, has: ${trap}, ownKeys: ${trap}, getOwnPropertyDescriptor: ${trap}, getPrototypeOf: ${trap} });\n`),
      good("next"),
    ]);
    expect(out.codes).toEqual(["import-failed", "entry-shape-invalid", "entry-shape-invalid", null]);
    expect(out.messages[0]).toContain("a thrown object without a message");
  });
});

describe("hostile loader: register timeout", () => {
  it("a register promise that never settles ends in register-timeout (per-plugin override) and the next plugin loads", () => {
    const hang = plugin("hang", `export default { id: "hang", register() { return new Promise(() => {}); } };\n`);
    const out = load([{ rootDir: hang, registerTimeoutMs: 300 }, good("next")], { registerTimeoutMs: 60_000 });
    expect(out.codes).toEqual(["register-timeout", null]);
    expect(out.messages[0]).toContain("did not settle within 300 ms");
  });

  it("the loadPlugins default applies to every plugin, and loadPluginForTest takes the option too", () => {
    const hang = plugin("hang", `export default { id: "hang", register() { return new Promise(() => {}); } };\n`);
    expect(load([hang, hang, good("next")], { registerTimeoutMs: 200 }).codes).toEqual(["register-timeout", "register-timeout", null]);
    const result = runIsolatedModule(
      `import { loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
const loaded = await loadPluginForTest(${JSON.stringify(hang)}, { registerTimeoutMs: 200 });
console.log(JSON.stringify({ code: loaded.loadError?.code }));`,
      { timeoutMs: 15_000 },
    );
    expect(lastJsonLine(result)).toEqual({ code: "register-timeout" });
  });

  it("without an option the default 10 s applies: the process neither exits silently (code 13) nor hangs", () => {
    const hang = plugin("hang", `export default { id: "hang", register() { return new Promise(() => {}); } };\n`);
    const out = load([hang, good("next")], {}, 30_000);
    expect(out.codes).toEqual(["register-timeout", null]);
    expect(out.messages[0]).toContain("within 10000 ms");
    expect(out.durationMs).toBeGreaterThanOrEqual(10_000);
  }, 40_000);
});

describe("hostile loader: prototype pollution", () => {
  it("Object.prototype.pwned at import or in register is reported and undone; the next plugin validates normally", () => {
    const out = load([
      plugin("at-import", `Object.prototype.pwned = true;\nexport default { id: "at-import", register() {} };\n`),
      plugin("at-register", `export default { id: "at-register", register() { Object.prototype.pwned = 1; Array.prototype.flat = null; Function.prototype.x = 1; } };\n`),
      good("next"),
    ]);
    expect(out.codes).toEqual(["prototype-pollution", "prototype-pollution", null]);
    expect(out.messages[0]).toContain("Object.prototype.pwned (added)");
    expect(out.messages[1]).toContain("Array.prototype.flat (changed)");
    expect(out.errors[2]).toBe(0);
    expect(out.protoKeys).toEqual([]);
  });

  it("a non-configurable addition is reported as not undoable", () => {
    const out = load([
      plugin("sticky", `Object.defineProperty(Object.prototype, "sticky", { value: 1, enumerable: false, configurable: false });\nexport default { id: "sticky", register() {} };\n`),
    ]);
    expect(out.codes).toEqual(["prototype-pollution"]);
    expect(out.messages[0]).toContain("could not undo Object.prototype.sticky");
  });
});
