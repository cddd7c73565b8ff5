/**
 * Hostile-manifest benchmark: the worst `openclaw.plugin.json` files we could build, each scaled up to the reader's
 * 256 KiB limit, through `parsePluginManifest` (parse + every check), plus config validation of the catastrophic
 * regex cases through `validatePluginConfig`. Every case must end in well under 100 ms with a diagnostic where the
 * input is broken; none may throw.
 *
 * Cases: exponential-backtracking `patternProperties` against `uiHints` keys; `$ref`/`allOf` fan-out (3 and 5 refs
 * per level) under 7-segment hint paths; a `contracts` object with tens of thousands of unknown keys; tens of
 * thousands of `uiHints` with an unknown field; contract lists of non-strings; schema nesting past the depth limit;
 * a valid schema just under the node cap; `$ref`s to one large definition (ajv inlined it at every use); channel
 * configs without a schema; wildcard hint paths over a wide schema; thousands of distinct channel schemas; JSON5 comments and duplicate keys
 * (the duplicate-key scanner); patterns RE2 refuses; a malformed `$ref` escape.
 *
 * Usage: tsx scripts/bench/hostile.ts [--runs N] [--only case-name] [--dump dir]
 * (`--dump` writes each case's manifest text to `<dir>/<case>.json`, e.g. for `node --cpu-prof` runs on one case.)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { MAX_SCHEMA_NODES } from "../../src/config/json-schema-compiler.js";
import { clearPluginConfigValidatorCache, validatePluginConfig } from "../../src/config/validate-plugin-config.js";
import { parsePluginManifest } from "../../src/manifest/read-plugin-manifest.js";
import { MAX_PLUGIN_MANIFEST_BYTES, type PluginManifest } from "../../src/manifest/plugin-manifest-schema.js";
import { markdownTable, median, verdict } from "./markdown.js";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const LIMIT = MAX_PLUGIN_MANIFEST_BYTES - 64;
const TARGET_MS = 100;
const onlyArg = process.argv.indexOf("--only");
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;

/** Adds items produced by `make(i)` while the JSON text of `build(items)` stays within the size limit. */
function fill<T>(build: (items: T[]) => string, make: (index: number) => T): string {
  const items: T[] = [];
  let text = build(items);
  // Grow in doubling steps, then back off one at a time: O(n log n) builds at most.
  let step = 64;
  for (;;) {
    const start = items.length;
    for (let i = 0; i < step; i++) items.push(make(start + i));
    const candidate = build(items);
    if (Buffer.byteLength(candidate) > LIMIT) {
      items.length = start;
      if (step === 1) break;
      step = Math.max(1, Math.floor(step / 4));
      continue;
    }
    text = candidate;
    step *= 2;
  }
  return text;
}

/** Properties of a valid schema just under the node cap (the root, its `properties` map and a few more objects). */
const AT_CAP = MAX_SCHEMA_NODES - 10;
const REF_TARGET = Math.floor(MAX_SCHEMA_NODES / 5);
const REFS = MAX_SCHEMA_NODES - REF_TARGET - 10;

const A34 = `${"a".repeat(34)}!`;

/** `count` definitions d0…, each an allOf of `fanout` refs to the next level; hints 7 segments deep. */
function refFanout(fanout: number): string {
  return fill<string>(
    (hints) => {
      const levels = 12;
      const definitions: Record<string, unknown> = {};
      for (let level = 0; level < levels; level++) {
        const next = level + 1 < levels ? `#/definitions/d${level + 1}` : "#/definitions/leaf";
        definitions[`d${level}`] = { allOf: Array.from({ length: fanout }, () => ({ $ref: next })) };
      }
      definitions.leaf = { type: "object", properties: { x: { type: "object", additionalProperties: { $ref: "#/definitions/d0" } } } };
      return JSON.stringify({
        id: "fanout",
        configSchema: { type: "object", definitions, $ref: "#/definitions/d0" },
        uiHints: Object.fromEntries(hints.map((hint) => [hint, { label: "l" }])),
      });
    },
    (i) => `x.k${i}.x.k.x.k.nope`,
  );
}

const cases: Array<{ name: string; what: string; text: string }> = [
  {
    name: "redos-uihints",
    what: "patternProperties ^(a+)+$, uiHints keys of 34 a's + !",
    text: fill<string>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: { type: "object", patternProperties: { "^(a+)+$": {} } },
          uiHints: Object.fromEntries(hints.map((hint) => [hint, { label: "l" }])),
        }),
      (i) => `${A34}${i}`,
    ),
  },
  {
    name: "redos-many-patterns",
    what: "1,000 evil patterns × hints of 200 a's + !",
    text: fill<string>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: {
            type: "object",
            patternProperties: Object.fromEntries(
              Array.from({ length: 1000 }, (_, i) => [[`^(a+)+$`, `^(a|a)*$`, `^(a|aa)+$`, `(a*)*b`][i % 4]! + `|^z${i}$`, {}]),
            ),
          },
          uiHints: Object.fromEntries(hints.map((hint) => [hint, { label: "l" }])),
        }),
      (i) => `${"a".repeat(200)}!${i}`,
    ),
  },
  { name: "ref-fanout-3", what: "12 levels × 3 allOf $refs, 7-segment hint paths", text: refFanout(3) },
  { name: "ref-fanout-5", what: "12 levels × 5 allOf $refs, 7-segment hint paths", text: refFanout(5) },
  {
    name: "contracts-keys",
    what: "contracts with unknown keys up to 256 KiB",
    text: fill<string>(
      (keys) => JSON.stringify({ id: "x", configSchema: {}, contracts: Object.fromEntries(keys.map((key) => [key, []])) }),
      (i) => `k${i}`,
    ),
  },
  {
    name: "uihints-unknown-field",
    what: "uiHints each with an unknown field",
    text: fill<number>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: { type: "object", additionalProperties: { type: "string" } },
          uiHints: Object.fromEntries(hints.map((i) => [`h${i}`, { lable: "l" }])),
        }),
      (i) => i,
    ),
  },
  {
    name: "contracts-bad-entries",
    what: "contracts.tools of non-string entries",
    text: fill<number>((items) => JSON.stringify({ id: "x", configSchema: {}, contracts: { tools: items } }), (i) => i),
  },
  {
    name: "deep-schema",
    what: "configSchema nested as deep as 256 KiB allows",
    text: (() => {
      const depth = Math.floor(LIMIT / 12);
      return `{"id":"x","uiHints":{"a":{}},"configSchema":${'{"a":'.repeat(depth)}{}${"}".repeat(depth)}}`;
    })(),
  },
  {
    name: "deep-ref-chain",
    what: "deep allOf/$ref chain (each level refs the next) + hints",
    text: fill<number>(
      (hints) => {
        const definitions: Record<string, unknown> = {};
        for (let level = 0; level < 2000; level++) definitions[`d${level}`] = { allOf: [{ $ref: `#/definitions/d${level + 1}` }] };
        definitions.d2000 = { type: "object", properties: { a: {} } };
        return JSON.stringify({
          id: "x",
          configSchema: { definitions, $ref: "#/definitions/d0" },
          uiHints: Object.fromEntries(hints.map((i) => [`a.b${i}`, {}])),
        });
      },
      (i) => i,
    ),
  },
  {
    name: "typed-schema-at-cap",
    what: `${AT_CAP} typed properties (just under the node cap) + hints`,
    text: fill<number>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: {
            type: "object",
            properties: Object.fromEntries(Array.from({ length: AT_CAP }, (_, i) => [`p${i}`, { type: "string", minLength: 1 }])),
          },
          uiHints: Object.fromEntries(hints.map((i) => [`p${i % AT_CAP}.x${i}`, { label: "l" }])),
        }),
      (i) => i,
    ),
  },
  {
    name: "ref-inline",
    what: `${REFS} $refs to one ${REF_TARGET}-property definition (ajv inlined it at every use)`,
    text: fill<number>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: {
            type: "object",
            definitions: {
              big: { type: "object", properties: Object.fromEntries(Array.from({ length: REF_TARGET }, (_, i) => [`f${i}`, { type: "string", minLength: 1 }])) },
            },
            properties: Object.fromEntries(Array.from({ length: REFS }, (_, i) => [`p${i}`, { $ref: "#/definitions/big" }])),
          },
          uiHints: Object.fromEntries(hints.map((i) => [`p${Math.floor(i / REF_TARGET) % REFS}.f${i % REF_TARGET}`, {}])),
        }),
      (i) => i,
    ),
  },
  {
    name: "channel-configs-no-schema",
    what: "channelConfigs entries without their schema",
    text: fill<number>(
      (channels) => JSON.stringify({ id: "x", configSchema: {}, channelConfigs: Object.fromEntries(channels.map((i) => [`c${i}`, {}])) }),
      (i) => i,
    ),
  },
  {
    name: "wildcard-hints",
    what: "2,000-property schema, hints *.*.*.x",
    text: fill<number>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: {
            type: "object",
            definitions: { node: { type: "object", additionalProperties: { $ref: "#/definitions/node" } } },
            properties: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, { $ref: "#/definitions/node" }])),
          },
          uiHints: Object.fromEntries(hints.map((i) => [`*.*.*.*.x${i}`, {}])),
        }),
      (i) => i,
    ),
  },
  {
    name: "wildcard-hints-at-cap",
    what: `${AT_CAP}-property schema, hints *.*.*.x`,
    text: fill<number>(
      (hints) =>
        JSON.stringify({
          id: "x",
          configSchema: {
            type: "object",
            definitions: { node: { type: "object", additionalProperties: { $ref: "#/definitions/node" } } },
            properties: Object.fromEntries(Array.from({ length: AT_CAP }, (_, i) => [`p${i}`, { $ref: "#/definitions/node" }])),
          },
          uiHints: Object.fromEntries(hints.map((i) => [`*.*.*.*.x${i}`, {}])),
        }),
      (i) => i,
    ),
  },
  {
    name: "wide-schema",
    what: "one configSchema of thousands of patterned properties",
    text: fill<number>(
      (items) =>
        JSON.stringify({
          id: "x",
          configSchema: {
            type: "object",
            properties: Object.fromEntries(items.map((i) => [`p${i}`, { type: "string", pattern: `^(a+)+$|^${i}`, maxLength: 9 }])),
          },
        }),
      (i) => i,
    ),
  },
  {
    name: "channel-schemas",
    what: "distinct channelConfigs schemas (one ajv compile each)",
    text: fill<number>(
      (channels) =>
        JSON.stringify({
          id: "x",
          configSchema: {},
          channels: channels.map((i) => `c${i}`),
          channelConfigs: Object.fromEntries(channels.map((i) => [`c${i}`, { schema: { type: "object", minProperties: i } }])),
        }),
      (i) => i,
    ),
  },
  {
    name: "json5-comments",
    what: "a line comment per key (duplicate-key scanner)",
    text: (() => {
      const lines = ['{ id: "x", configSchema: {},'];
      let size = lines[0]!.length;
      for (let i = 0; size < LIMIT - 100; i++) {
        const line = `// c\nname: "n${i}",`;
        lines.push(line);
        size += line.length + 1;
      }
      lines.push("}");
      return lines.join("\n");
    })(),
  },
  {
    name: "unsupported-patterns",
    what: "backreference/lookaround patterns RE2 refuses",
    text: fill<number>(
      (items) =>
        JSON.stringify({
          id: "x",
          configSchema: { type: "object", properties: Object.fromEntries(items.map((i) => [`p${i}`, { type: "string", pattern: `(a)\\1|(?=b)${i}` }])) },
          uiHints: Object.fromEntries(items.map((i) => [`p${i}`, {}])),
        }),
      (i) => i,
    ),
  },
  {
    name: "bad-ref-escape",
    what: '{"$ref":"#/%"} with hints (URIError before)',
    text: fill<number>(
      (hints) =>
        JSON.stringify({ id: "x", configSchema: { $ref: "#/%" }, uiHints: Object.fromEntries(hints.map((i) => [`a${i}`, {}])) }),
      (i) => i,
    ),
  },
];

/** Wall and CPU milliseconds of one call (CPU time is the honest figure on a loaded machine). */
function time(fn: () => void): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const verdictNote = "wall = elapsed, CPU = process CPU time (user + system); the verdict takes the smaller, since a shared machine inflates wall time";
// Warm up the lazy loads (zod, json5, ajv, re2js) so the table measures the checks, not module loading.
parsePluginManifest('{"id":"warm","configSchema":{"type":"object","properties":{"a":{"type":"string","pattern":"^a"}}},"uiHints":{"a":{}}}');

const dumpArg = process.argv.indexOf("--dump");
if (dumpArg > 0) {
  const dir = process.argv[dumpArg + 1]!;
  mkdirSync(dir, { recursive: true });
  for (const entry of cases) writeFileSync(join(dir, `${entry.name}.json`), entry.text);
}

const rows: string[][] = [];
for (const entry of cases) {
  if (ONLY !== undefined && entry.name !== ONLY) continue;
  const bytes = Buffer.byteLength(entry.text);
  const samples: Array<{ wall: number; cpu: number }> = [];
  let codes = "";
  for (let run = 0; run < RUNS; run++) {
    clearPluginConfigValidatorCache();
    let result: ReturnType<typeof parsePluginManifest> | undefined;
    samples.push(time(() => (result = parsePluginManifest(entry.text))));
    const counts = new Map<string, number>();
    for (const d of result!.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    codes = [...counts].map(([code, count]) => (count > 1 ? `${code} ×${count}` : code)).join(", ") || "(none)";
  }
  const wall = median(samples.map((sample) => sample.wall));
  const cpu = median(samples.map((sample) => sample.cpu));
  rows.push([
    entry.name,
    `${(bytes / 1024).toFixed(0)} KiB`,
    `${wall.toFixed(1)} ms`,
    `${cpu.toFixed(1)} ms`,
    verdict(Math.min(wall, cpu) < TARGET_MS),
    codes.length > 70 ? `${codes.slice(0, 69)}…` : codes,
  ]);
}

// Config validation of the catastrophic patterns (ajv runs them on RE2).
const regexManifest = (schema: Record<string, unknown>): PluginManifest => ({ id: "redos", configSchema: schema });
const configCases: Array<{ name: string; manifest: PluginManifest; config: Record<string, unknown> }> = [
  {
    name: "pattern ^(a+)+$ vs 28 a's + !",
    manifest: regexManifest({ type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } } }),
    config: { s: `${"a".repeat(28)}!` },
  },
  {
    name: "patternProperties ^(a+)+$ vs key of 28 a's + !",
    manifest: regexManifest({ type: "object", patternProperties: { "^(a+)+$": { type: "number" } }, additionalProperties: false }),
    config: { [`${"a".repeat(28)}!`]: 1 },
  },
  {
    name: "pattern ^(a|a)*$ vs 100,000 a's + !",
    manifest: regexManifest({ type: "object", properties: { s: { type: "string", pattern: "^(a|a)*$" } } }),
    config: { s: `${"a".repeat(100_000)}!` },
  },
  {
    name: "patternProperties (a*)*b vs 2,000 keys of 100 a's",
    manifest: regexManifest({ type: "object", patternProperties: { "(a*)*b": { type: "number" } } }),
    config: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`${"a".repeat(100)}${i}`, "x"])),
  },
];
const configRows: string[][] = [];
for (const entry of ONLY === undefined ? configCases : []) {
  const samples: Array<{ wall: number; cpu: number }> = [];
  let outcome = "";
  for (let run = 0; run < RUNS; run++) {
    clearPluginConfigValidatorCache();
    let result: ReturnType<typeof validatePluginConfig> | undefined;
    samples.push(time(() => (result = validatePluginConfig({ manifest: entry.manifest, config: entry.config }))));
    outcome = result!.ok ? "valid" : `${result!.diagnostics.length} error(s)`;
  }
  const wall = median(samples.map((sample) => sample.wall));
  const cpu = median(samples.map((sample) => sample.cpu));
  configRows.push([entry.name, `${wall.toFixed(1)} ms`, `${cpu.toFixed(1)} ms`, verdict(Math.min(wall, cpu) < TARGET_MS), outcome]);
}

console.log(`# pnpm bench:hostile — worst manifests up to ${MAX_PLUGIN_MANIFEST_BYTES / 1024} KiB, ${RUNS} runs (median), Node ${process.version}\n`);
console.log(`${verdictNote}.\n`);
console.log("## parsePluginManifest (parse + every check)\n");
console.log(markdownTable(["case", "size", "wall", "CPU", `< ${TARGET_MS} ms`, "diagnostics"], rows));
console.log("\n## validatePluginConfig (compile + validate, cold cache)\n");
console.log(markdownTable(["case", "wall", "CPU", `< ${TARGET_MS} ms`, "outcome"], configRows));
