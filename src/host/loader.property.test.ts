/**
 * Property suite over loader entries: generated `package.json#openclaw` fields (./ paths, ../ and absolute paths
 * out of the root, symlinks in and out of the root, missing files, directories) and generated module shapes and
 * thrown values. For every generated pair of plugins: `loadPlugins` resolves (never rejects), no code outside the
 * plugin root runs (the outside file would write a marker), an imported entry's realpath is inside the root, the
 * path-safety gate behind `plugins list` blocks exactly when the loader refuses on path safety, the second,
 * well-behaved plugin always loads, and the built-in prototypes are untouched afterwards.
 * Seeded and bounded (fixed seed, small numRuns, short register timeout).
 */
import { existsSync, mkdirSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isPathInside } from "../files/contained-file.js";
import { createTempDirPool } from "../testing/temp-dir.js";
import { loadPlugins } from "./loader.js";
import { checkPluginFiles } from "./path-safety.js";

const SAFETY_CODES = new Set(["entry-escapes-root", "path-unsafe", "world-writable", "wrong-owner"]);

const dirs = createTempDirPool("openclaw-loader-prop-");
afterAll(() => dirs.removeAll());

/** Thrown values plugins can produce (source expressions). */
const THROWN = [
  "Object.create(null)",
  "null",
  "undefined",
  `Symbol("s")`,
  "42",
  `"text"`,
  `new Error("plain")`,
  `{ toString() { throw new Error("x"); } }`,
  `{ get message() { throw new Error("x"); } }`,
  `new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 1; }, getOwnPropertyDescriptor() { throw 1; }, has() { throw 1; } })`,
];

const trap = "() => { throw Object.create(null); }";

/** Module shapes, as functions of the plugin id and a thrown expression. */
const SHAPES: Array<(id: string, thrown: string) => string> = [
  (id) => `export default { id: ${JSON.stringify(id)}, register(api) { api.on("session_start", () => {}); } };`,
  (_id, thrown) => `throw ${thrown};`,
  (id, thrown) => `export default { id: ${JSON.stringify(id)}, register() { throw ${thrown}; } };`,
  (id, thrown) => `export default { id: ${JSON.stringify(id)}, register() { return Promise.reject(${thrown}); } };`,
  (id) => `export default { id: ${JSON.stringify(id)}, register() { return new Promise(() => {}); } };`,
  (id, thrown) => `export default { id: ${JSON.stringify(id)}, register() { return { then() { throw ${thrown}; } }; } };`,
  (_id, thrown) => `export default { get id() { throw ${thrown}; }, register() {} };`,
  () => `export default new Proxy({}, { get: ${trap}, has: ${trap}, ownKeys: ${trap}, getOwnPropertyDescriptor: ${trap}, getPrototypeOf: ${trap} });`,
  () => `export default new Proxy(function () {}, { get: ${trap}, apply: ${trap} });`,
  (id) => `Object.prototype.pwned = 1;\nexport default { id: ${JSON.stringify(id)}, register() {} };`,
  (id) => `export default { id: ${JSON.stringify(id)}, register() { Array.prototype.includes = () => true; Object.prototype.pwned = 2; } };`,
  () => `export default null;`,
  () => `export const nothing = 1;`,
  (id) => `export default function register(api) { api.on("message_sent", () => {}); }\nexport const id = ${JSON.stringify(id)};`,
  (id) => `export default { id: ${JSON.stringify(id)}, async register(api) { await null; api.on("session_end", () => {}); } };`,
];

/** Paths a package.json field can name; `@evil`, `@link-out`, `@link-in` are laid out by the fixture. */
const PATHS = [
  "./index.js",
  "./src/index.ts",
  "./dist/index.js",
  "./missing.js",
  "./a-dir",
  "../outside/evil.js",
  "../../outside/evil.js",
  "./sub/../../outside/evil.js",
  "@evil",
  "./link-out.js",
  "./link-in.js",
  "./link-dir-out/evil.js",
];

const maybePath = fc.option(fc.constantFrom(...PATHS), { nil: undefined });

const pluginArb = fc.record({
  hasPackageJson: fc.boolean(),
  extensions: maybePath,
  runtimeExtensions: maybePath,
  setupEntry: maybePath,
  runtimeSetupEntry: maybePath,
  distLinkOut: fc.boolean(),
  rootIndexLinkOut: fc.boolean(),
  shape: fc.nat({ max: SHAPES.length - 1 }),
  thrown: fc.constantFrom(...THROWN),
  mode: fc.constantFrom("full" as const, "setup-only" as const, "cli-metadata" as const),
});

type PluginSpec = typeof pluginArb extends fc.Arbitrary<infer T> ? T : never;

function layout(spec: PluginSpec, index: number): { root: string; marker: string } {
  const dir = dirs.create();
  const marker = dir.resolve("outside/marker");
  const id = `prop-${index}`;
  const source = SHAPES[spec.shape]!(id, spec.thrown);
  dir.write({
    "plugin/openclaw.plugin.json": { id, configSchema: { type: "object", additionalProperties: false, properties: {} } },
    "plugin/index.js": source,
    "plugin/src/index.ts": source,
    "plugin/lib/real.js": source,
    "outside/evil.js": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default { id: ${JSON.stringify(id)}, register() {} };\n`,
  });
  const root = dir.resolve("plugin");
  mkdirSync(join(root, "a-dir"));
  symlinkSync(dir.resolve("outside/evil.js"), join(root, "link-out.js"));
  symlinkSync(join(root, "lib/real.js"), join(root, "link-in.js"));
  symlinkSync(dir.resolve("outside"), join(root, "link-dir-out"));
  if (spec.distLinkOut) {
    mkdirSync(join(root, "dist"));
    symlinkSync(dir.resolve("outside/evil.js"), join(root, "dist/index.js"));
  }
  if (spec.rootIndexLinkOut && !spec.hasPackageJson) {
    dir.write({ "plugin/index.js": "" });
    symlinkSync(dir.resolve("outside/evil.js"), join(root, "index.mjs"));
  }
  if (spec.hasPackageJson) {
    const named = (value: string | undefined) => (value === "@evil" ? dir.resolve("outside/evil.js") : value);
    const openclaw: Record<string, unknown> = {};
    if (spec.extensions) openclaw.extensions = [named(spec.extensions)];
    if (spec.runtimeExtensions) openclaw.runtimeExtensions = [named(spec.runtimeExtensions)];
    if (spec.setupEntry) openclaw.setupEntry = named(spec.setupEntry);
    if (spec.runtimeSetupEntry) openclaw.runtimeSetupEntry = named(spec.runtimeSetupEntry);
    dir.write({ "plugin/package.json": { name: id, type: "module", openclaw } });
  }
  return { root, marker };
}

const protoState = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(","));

describe("loader entries (property)", () => {
  it("never rejects, never runs code outside the root, always loads the next plugin, leaves prototypes untouched", async () => {
    const before = protoState();
    const includes = Array.prototype.includes;
    const started = performance.now();
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(pluginArb, async (spec) => {
        const hostile = layout(spec, 0);
        const goodDir = dirs.create();
        goodDir.write({
          "openclaw.plugin.json": { id: "good", configSchema: { type: "object", additionalProperties: false, properties: {} } },
          "package.json": { name: "good", type: "module", openclaw: { extensions: ["./index.js"] } },
          "index.js": `export default { id: "good", register(api) { api.on("session_start", () => {}); } };\n`,
        });
        const loaded = await loadPlugins([hostile.root, goodDir.path], { mode: spec.mode, registerTimeoutMs: 300 });
        expect(loaded).toHaveLength(2);
        expect(existsSync(hostile.marker)).toBe(false);
        const [first, second] = loaded;
        // The gate `plugins list` runs agrees with the loader: blocked exactly when the loader refuses on path safety.
        const block = checkPluginFiles(hostile.root).block;
        expect(block?.code).toBe(SAFETY_CODES.has(first?.loadError?.code ?? "") ? first?.loadError?.code : undefined);
        const outcome = first?.loadError?.code ?? "loaded";
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        if (!first?.loadError && first?.source) {
          expect(isPathInside(realpathSync(hostile.root), realpathSync(first.source))).toBe(true);
        }
        expect(second?.loadError).toBeUndefined();
        expect(second?.diagnostics.filter((d) => d.level === "error")).toEqual([]);
        expect(protoState()).toEqual(before);
        expect(Array.prototype.includes).toBe(includes);
        expect("pwned" in {}).toBe(false);
      }),
      { seed: 20261130, numRuns: 100 },
    );
    // The generators reach the interesting outcomes (the suite is not vacuous).
    for (const outcome of ["loaded", "entry-escapes-root", "path-unsafe", "register-failed", "entry-shape-invalid", "prototype-pollution"]) {
      expect(seen.get(outcome), `outcomes: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("control: the outside file does write its marker when imported (the marker check can fail)", async () => {
    const dir = dirs.create();
    const marker = dir.resolve("marker");
    dir.write({ "evil.js": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\n` });
    const url = pathToFileURL(dir.resolve("evil.js")).href;
    await import(/* @vite-ignore */ url);
    expect(existsSync(marker)).toBe(true);
  });
});
