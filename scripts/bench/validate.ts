/**
 * Config-validation benchmark: 1,000 plugin configs against 100 distinct JSON Schemas (10 configs per plugin, about
 * one in eight invalid), through the public validation API (`src/config/validate-plugin-config.ts`).
 *
 * Reports, as medians over several runs in this process:
 * - the one-off cost of the very first validation in a fresh process (loads ajv + ajv-formats, compiles one schema);
 * - a cold-cache pass (each plugin's first validation compiles its schema) and a warm-cache pass, in configs/s;
 * - the cost of a first (compiling) validation versus a later (cached) one, per config;
 * - a whole gateway config with all 100 plugins configured (`validatePluginsConfig`, moment `start`);
 * - manifest reading (`parsePluginManifest` of the seed's voice-call example) for scale.
 *
 * Usage: tsx scripts/bench/validate.ts [--runs N]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  clearPluginConfigValidatorCache,
  pluginConfigValidatorCacheStats,
  validatePluginConfig,
  validatePluginsConfig,
} from "../../src/config/validate-plugin-config.js";
import { parsePluginManifest } from "../../src/manifest/read-plugin-manifest.js";
import type { PluginManifest } from "../../src/manifest/plugin-manifest-schema.js";
import { repoRoot } from "../lib/entrypoints.js";
import { markdownTable, median } from "./markdown.js";

const SCHEMAS = 100;
const CONFIGS_PER_SCHEMA = 10;
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

/** Deterministic PRNG (mulberry32) so every run validates the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Field = { schema: Record<string, unknown>; valid: () => unknown; invalid: () => unknown };

function makeFields(random: () => number, index: number): Record<string, Field> {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const kinds: Array<() => Field> = [
    () => ({ schema: { type: "string", minLength: 4 }, valid: () => `value-${index}`, invalid: () => "x" }),
    () => ({ schema: { type: "string", format: "uri" }, valid: () => `https://example.com/${index}`, invalid: () => "not a uri" }),
    () => ({ schema: { type: "string", format: "email" }, valid: () => `user${index}@example.com`, invalid: () => "nobody" }),
    () => ({ schema: { type: "string", pattern: "^\\+[1-9]\\d{1,14}$" }, valid: () => "+15550001234", invalid: () => "555" }),
    () => ({ schema: { type: "integer", minimum: 1, maximum: 65535, default: 8080 }, valid: () => 443, invalid: () => 0 }),
    () => ({ schema: { type: "string", enum: ["openai", "anthropic", "ollama"] }, valid: () => "ollama", invalid: () => "other" }),
    () => ({ schema: { type: "boolean", default: false }, valid: () => true, invalid: () => "yes" }),
    () => ({
      schema: { type: "array", items: { type: "string", format: "hostname" }, maxItems: 5 },
      valid: () => ["a.example.com", "b.example.com"],
      invalid: () => ["bad host"],
    }),
    () => ({
      schema: {
        type: "object",
        additionalProperties: false,
        properties: { accountSid: { type: "string" }, authToken: { type: "string", minLength: 8 }, region: { type: "string", default: "us1" } },
        required: ["accountSid"],
      },
      valid: () => ({ accountSid: `AC${index}`, authToken: "secret-token" }),
      invalid: () => ({ authToken: "short" }),
    }),
  ];
  const count = 5 + Math.floor(random() * 10);
  const fields: Record<string, Field> = {};
  for (let i = 0; i < count; i++) fields[`field${index}_${i}`] = pick(kinds)();
  return fields;
}

function buildCorpus(): { manifests: PluginManifest[]; configs: Array<{ manifest: PluginManifest; config: Record<string, unknown> }> } {
  const random = prng(20261121);
  const manifests: PluginManifest[] = [];
  const configs: Array<{ manifest: PluginManifest; config: Record<string, unknown> }> = [];
  for (let s = 0; s < SCHEMAS; s++) {
    const fields = makeFields(random, s);
    const names = Object.keys(fields);
    const required = names.filter(() => random() < 0.3);
    const manifest: PluginManifest = {
      id: `bench-plugin-${s}`,
      configSchema: {
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(names.map((name) => [name, fields[name]!.schema])),
        required,
      },
      uiHints: { [names[0]!]: { sensitive: true } },
    };
    manifests.push(manifest);
    for (let c = 0; c < CONFIGS_PER_SCHEMA; c++) {
      const invalid = random() < 0.125;
      const config: Record<string, unknown> = {};
      for (const name of names) {
        if (required.includes(name) || random() < 0.6) config[name] = fields[name]!.valid();
      }
      if (invalid) {
        const victim = names[Math.floor(random() * names.length)]!;
        config[victim] = fields[victim]!.invalid();
      }
      configs.push({ manifest, config });
    }
  }
  return { manifests, configs };
}

const { manifests, configs } = buildCorpus();

// 1. First validation in this fresh process: loads ajv + ajv-formats and compiles one schema.
clearPluginConfigValidatorCache();
const firstStart = performance.now();
validatePluginConfig(configs[0]!);
const firstEverMs = performance.now() - firstStart;

interface PassResult {
  totalMs: number;
  compilingMs: number[];
  cachedMs: number[];
  invalid: number;
  compiles: number;
}

function pass(clear: boolean): PassResult {
  if (clear) clearPluginConfigValidatorCache();
  const seen = new Set<string>();
  const compilingMs: number[] = [];
  const cachedMs: number[] = [];
  let invalid = 0;
  const start = performance.now();
  for (const entry of configs) {
    const t0 = performance.now();
    const result = validatePluginConfig(entry);
    const elapsed = performance.now() - t0;
    if (!result.ok) invalid++;
    if (clear && !seen.has(entry.manifest.id)) {
      seen.add(entry.manifest.id);
      compilingMs.push(elapsed);
    } else {
      cachedMs.push(elapsed);
    }
  }
  return { totalMs: performance.now() - start, compilingMs, cachedMs, invalid, compiles: pluginConfigValidatorCacheStats().compiles };
}

const cold: PassResult[] = [];
const warm: PassResult[] = [];
for (let run = 0; run < RUNS; run++) {
  cold.push(pass(true));
  warm.push(pass(false));
}

const gatewayConfig = {
  plugins: { entries: Object.fromEntries(configs.filter((_, i) => i % CONFIGS_PER_SCHEMA === 0).map((entry) => [entry.manifest.id, { config: entry.config }])) },
};
const wholeMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  validatePluginsConfig(gatewayConfig, { manifests, moment: "start" });
  wholeMs.push(performance.now() - start);
}

const manifestFile = join(repoRoot, "src/manifest/__fixtures__/seed-003/voice-call/openclaw.plugin.json");
const manifestText = readFileSync(manifestFile, "utf8");
const parseMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  for (let i = 0; i < 1000; i++) parsePluginManifest(manifestText, { file: manifestFile });
  parseMs.push(performance.now() - start);
}

const fmt = (ms: number, digits = 2) => `${ms.toFixed(digits)} ms`;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString("en-US")}/s`;
const coldTotal = median(cold.map((r) => r.totalMs));
const warmTotal = median(warm.map((r) => r.totalMs));
const compileEach = median(cold.flatMap((r) => r.compilingMs));
const cachedEach = median([...cold.flatMap((r) => r.cachedMs), ...warm.flatMap((r) => r.cachedMs)]);

console.log(`# pnpm bench:validate — ${configs.length} plugin configs, ${SCHEMAS} distinct schemas, ${RUNS} runs (median), Node ${process.version}\n`);
console.log(
  markdownTable(
    ["measure", "value", "notes"],
    [
      ["first validation in a fresh process", fmt(firstEverMs, 1), "loads ajv + ajv-formats, compiles 1 schema"],
      ["cold pass: 1,000 configs (100 compiles)", fmt(coldTotal, 1), `${perSecond(configs.length, coldTotal)}; ${cold[0]!.compiles} compiles, ${cold[0]!.invalid} invalid configs`],
      ["warm pass: 1,000 configs (cached)", fmt(warmTotal, 1), `${perSecond(configs.length, warmTotal)}; 0 compiles`],
      ["first validation of a plugin (compile)", us(compileEach), "median per config, hash + ajv compile + validate"],
      ["later validation (cached validator)", us(cachedEach), "median per config, clone + validate"],
      ["compile / cached ratio", `${(compileEach / cachedEach).toFixed(0)}x`, ""],
      ["whole gateway config, 100 plugins (start)", fmt(median(wholeMs)), "validatePluginsConfig, warm cache"],
      ["parsePluginManifest (voice-call example)", us(median(parseMs) / 1000), `${perSecond(1000, median(parseMs))} manifests`],
    ],
  ),
);
