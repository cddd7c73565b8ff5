import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { DEFAULT_REGISTER_TIMEOUT_MS, loadPlugin, loadPlugins } from "./loader.js";
import { restorePrototypes, snapshotPrototypes } from "./prototype-guard.js";
import { resolveRegisterTimeout, settleWithin } from "./register-step.js";
import { describeThrown } from "./thrown-value.js";

const dirs = createTempDirPool("openclaw-robust-");
afterEach(() => dirs.removeAll());

/** A plugin root whose index.js is `source` (manifest id `id`, schema accepting anything). */
function root(id: string, source: string): string {
  const dir = dirs.create();
  dir.write({
    "openclaw.plugin.json": { id, configSchema: { type: "object" } },
    "package.json": { name: id, type: "module", openclaw: { extensions: ["./index.js"] } },
    "index.js": source,
  });
  return dir.path;
}

const fine = (id: string) => root(id, `export default { id: ${JSON.stringify(id)}, register(api) { api.on("session_start", () => {}); } };\n`);
const registerThrowing = (id: string, expr: string) =>
  root(id, `export default { id: ${JSON.stringify(id)}, register() { throw ${expr}; } };\n`);

describe("any thrown value becomes a loadError and the next plugin still loads", () => {
  it("register throwing null-prototype objects, symbols, null, undefined, numbers, proxies and bad toString", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["t-null-proto", "Object.create(null)", /a thrown object without a message/],
      ["t-symbol", `Symbol("boom")`, /Symbol\(boom\)/],
      ["t-null", "null", /null \(not an Error\)/],
      ["t-undefined", "undefined", /undefined \(not an Error\)/],
      ["t-number", "42", /42 \(not an Error\)/],
      ["t-to-string", `{ toString() { throw new Error("nope"); } }`, /a thrown object without a message/],
      ["t-message-getter", `{ get message() { throw new Error("nope"); } }`, /a thrown object without a message/],
      ["t-proxy", `new Proxy({}, { get() { throw 1; }, getOwnPropertyDescriptor() { throw 1; }, getPrototypeOf() { throw 1; }, has() { throw 1; } })`, /a thrown object without a message/],
      ["t-error", `new TypeError("typed")`, /typed/],
    ];
    const roots = cases.map(([id, expr]) => registerThrowing(id, expr));
    const loaded = await loadPlugins([...roots, fine("after-throws")]);
    cases.forEach(([id, , message], index) => {
      expect(loaded[index]?.id).toBe(id);
      expect(loaded[index]?.loadError?.code).toBe("register-failed");
      expect(loaded[index]?.loadError?.message).toMatch(message);
    });
    expect(loaded.at(-1)?.loadError).toBeUndefined();
    expect(loaded.at(-1)?.hooks).toHaveLength(1);
  });

  it("import throwing a null-prototype object, a throwing id getter and a Proxy default export whose traps throw", async () => {
    const trap = `() => { throw Object.create(null); }`;
    const loaded = await loadPlugins([
      root("i-throw", `throw Object.create(null);\n`),
      root("i-getter", `export default { get id() { throw new Error("id getter"); }, register() {} };\n`),
      root(
        "i-proxy",
        `export default new Proxy({}, { get: ${trap}, has: ${trap}, ownKeys: ${trap}, getOwnPropertyDescriptor: ${trap}, getPrototypeOf: ${trap} });\n`,
      ),
      root("i-proxy-fn", `export default new Proxy(function () {}, { get: ${trap}, apply: ${trap} });\n`),
      fine("after-imports"),
    ]);
    expect(loaded.map((p) => p.loadError?.code)).toEqual(["import-failed", "entry-shape-invalid", "entry-shape-invalid", "register-failed", undefined]);
    expect(loaded[0]?.loadError?.message).toMatch(/importing .*index\.js failed: a thrown object without a message/);
    expect(loaded[1]?.loadError?.message).toMatch(/reading the exports of .* threw: id getter/);
    expect(loaded[4]?.hooks).toHaveLength(1);
  });

  it("an in-memory Proxy entry, a debug export summary over a Proxy and a throwing then are load errors too", async () => {
    const hostile = new Proxy({}, { get() { throw new Error("trap"); }, has() { throw new Error("trap"); } });
    const viaEntry = await loadPlugin({ entry: hostile, env: { OPENCLAW_PLUGIN_LOAD_DEBUG: "1" } });
    expect(viaEntry.loadError?.code).toBe("entry-shape-invalid");
    const thenThrows = await loadPlugin({
      manifest: { id: "then-throws", configSchema: {} },
      entry: { id: "then-throws", register: () => ({ then() { throw Object.create(null); } }) },
    });
    expect(thenThrows.loadError?.code).toBe("register-failed");
    const thenGetter = await loadPlugin({
      manifest: { id: "then-getter", configSchema: {} },
      entry: { id: "then-getter", register: () => ({ get then() { throw new Error("then getter"); } }) },
    });
    expect(thenGetter.loadError).toMatchObject({ code: "register-failed", message: expect.stringContaining("then getter") });
  });
});

describe("bad options", () => {
  it("a rootDir that is not a string is a loadError, not a rejection", async () => {
    const loaded = await loadPlugin({ rootDir: 42 as unknown as string });
    expect(loaded.loadError).toMatchObject({ code: "entry-not-found", message: expect.stringContaining("rootDir must be a folder path string") });
  });
});

describe("register timeout", () => {
  it("ends a register promise that never settles in register-timeout and loads the next plugin", async () => {
    const hang = root("hangs", `export default { id: "hangs", register() { return new Promise(() => {}); } };\n`);
    const started = performance.now();
    const loaded = await loadPlugins([hang, fine("after-hang")], { registerTimeoutMs: 150 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(loaded[0]?.loadError?.code).toBe("register-timeout");
    expect(loaded[0]?.loadError?.message).toMatch(/did not settle within 150 ms .*registerTimeoutMs/);
    expect(loaded[1]?.loadError).toBeUndefined();
  });

  it("a per-plugin registerTimeoutMs overrides the loadPlugins default", async () => {
    const slow = root("slow", `export default { id: "slow", register() { return new Promise((r) => setTimeout(r, 300)); } };\n`);
    const [short, long, unset] = await loadPlugins(
      [slow, { rootDir: slow, registerTimeoutMs: 5_000 }, { rootDir: slow, registerTimeoutMs: undefined }],
      { registerTimeoutMs: 50 },
    );
    expect(short?.loadError?.code).toBe("register-timeout");
    expect(unset?.loadError?.code).toBe("register-timeout");
    expect(long?.loadError).toBeUndefined();
    expect(long?.diagnostics.map((d) => d.code)).toContain("register-async");
  });

  it("ends an entry whose top-level await never settles in import-timeout", async () => {
    const loaded = await loadPlugins([root("tla", `await new Promise(() => {});\nexport default { id: "tla", register() {} };\n`), fine("after-tla")], {
      registerTimeoutMs: 150,
    });
    expect(loaded.map((p) => p.loadError?.code)).toEqual(["import-timeout", undefined]);
  });

  it("defaults to 10 s and warns about an invalid value", async () => {
    expect(DEFAULT_REGISTER_TIMEOUT_MS).toBe(10_000);
    expect(resolveRegisterTimeout(undefined)).toEqual({ timeoutMs: 10_000 });
    expect(resolveRegisterTimeout(Number.POSITIVE_INFINITY)).toEqual({ timeoutMs: Number.POSITIVE_INFINITY });
    for (const bad of [0, -5, Number.NaN, "100"]) expect(resolveRegisterTimeout(bad).problem).toMatch(/registerTimeoutMs must be a positive number/);
    const loaded = await loadPlugin({ rootDir: fine("bad-timeout"), registerTimeoutMs: -1 });
    expect(loaded.loadError).toBeUndefined();
    expect(loaded.diagnostics.find((d) => d.code === "register-timeout-invalid")?.level).toBe("warning");
    expect(await settleWithin(Promise.resolve(7), Number.POSITIVE_INFINITY)).toEqual({ outcome: "done", value: 7, async: true });
  });
});

describe("prototype pollution", () => {
  it("detects Object.prototype.pwned set at import or in register, restores it, and the next plugin validates normally", async () => {
    const atImport = root("pollute-import", `Object.prototype.pwned = "yes";\nexport default { id: "pollute-import", register() {} };\n`);
    const inRegister = root("pollute-register", `export default { id: "pollute-register", register() { Array.prototype.includes = () => true; Function.prototype.evil = 1; } };\n`);
    const next = dirs.create();
    next.write({
      "openclaw.plugin.json": { id: "strict", configSchema: { type: "object", additionalProperties: false, properties: { a: { type: "string" } } } },
      "package.json": { name: "strict", type: "module", openclaw: { extensions: ["./index.js"] } },
      "index.js": `export default { id: "strict", register(api) { api.on("session_start", () => {}); } };\n`,
    });
    const includes = Array.prototype.includes;
    const loaded = await loadPlugins([atImport, inRegister, next.path], { config: { plugins: { entries: { strict: { config: { a: "x" } } } } } });
    expect(loaded.map((p) => p.loadError?.code)).toEqual(["prototype-pollution", "prototype-pollution", undefined]);
    expect(loaded[0]?.loadError?.message).toContain("Object.prototype.pwned (added)");
    expect(loaded[0]?.loadError?.message).toContain("The host restored them");
    expect(loaded[1]?.loadError?.message).toMatch(/Array\.prototype\.includes \(changed\).*Function\.prototype\.evil \(added\)|Function\.prototype\.evil \(added\).*Array\.prototype\.includes \(changed\)/);
    expect("pwned" in {}).toBe(false);
    expect(Array.prototype.includes).toBe(includes);
    expect("evil" in Function.prototype).toBe(false);
    expect(loaded[2]?.diagnostics.filter((d) => d.level === "error")).toEqual([]);
  });

  it("the guard reports added, changed and removed keys and what it could not undo", () => {
    const before = snapshotPrototypes();
    const original = String.prototype.trim;
    (Object.prototype as Record<string, unknown>).added = 1;
    String.prototype.trim = () => "x";
    const changes = restorePrototypes(before);
    expect(changes).toEqual([
      { property: "Object.prototype.added", kind: "added", restored: true },
      { property: "String.prototype.trim", kind: "changed", restored: true },
    ]);
    expect(String.prototype.trim).toBe(original);
    expect(restorePrototypes(before)).toEqual([]);
  });
});

describe("describeThrown", () => {
  it("never throws and always says something readable", () => {
    expect(describeThrown(new Error("boom"))).toBe("boom");
    expect(describeThrown("text")).toBe("text");
    expect(describeThrown(Symbol())).toBe("Symbol() (not an Error)");
    expect(describeThrown(10n)).toBe("10 (not an Error)");
    expect(describeThrown({ message: "own message" })).toBe("own message");
    expect(describeThrown({ toString: () => "custom" })).toBe("custom (not an Error)");
    expect(describeThrown(() => {})).toMatch(/\(\) => \{\}|function/);
    expect(describeThrown("x".repeat(2_000)).length).toBeLessThan(600);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(describeThrown(revoked.proxy)).toBe("a thrown object without a message (not an Error)");
  });
});
