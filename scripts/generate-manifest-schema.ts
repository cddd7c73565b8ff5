/**
 * Generates the JSON Schema of `openclaw.plugin.json` from the zod schema in
 * `src/manifest/plugin-manifest-zod.ts` and writes it to `src/plugin-sdk/plugin-manifest.schema.json` (committed;
 * the build copies it to `dist/plugin-sdk/`, exported as `openclaw/plugin-sdk/plugin-manifest.schema.json`).
 * `--check` writes nothing and exits 1 when the committed file is stale (CI runs it).
 *
 * Usage: tsx scripts/generate-manifest-schema.ts [--check]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { writeFileAtomicSync } from "../src/files/write-file-atomic.js";
import { buildPluginManifestSchema } from "../src/manifest/plugin-manifest-zod.js";
import { repoRoot } from "./lib/entrypoints.js";

/** Repository-relative path of the committed schema. */
export const MANIFEST_SCHEMA_SOURCE = "src/plugin-sdk/plugin-manifest.schema.json";

/** The schema text exactly as committed (2-space JSON, trailing newline). */
export function renderManifestJsonSchema(): string {
  const generated = z.toJSONSchema(buildPluginManifestSchema(z), { target: "draft-7" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  linkJsonSchemaFields(rest);
  const document = {
    $schema,
    title: "OpenClaw plugin manifest (openclaw.plugin.json)",
    $comment:
      "Generated from src/manifest/plugin-manifest-zod.ts by `pnpm plugin-manifest:schema`; do not edit by hand.",
    ...rest,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const DRAFT_07_META_SCHEMA = "http://json-schema.org/draft-07/schema#";

/**
 * Fields that hold a JSON Schema (`configSchema`, `channelConfigs.<id>.schema`) become `$ref`s to the draft-07
 * meta-schema, so editors check the plugin's own schema while the author types it.
 */
function linkJsonSchemaFields(node: unknown): void {
  if (!node || typeof node !== "object") return;
  for (const value of Object.values(node as Record<string, unknown>)) linkJsonSchemaFields(value);
  const record = node as Record<string, unknown>;
  if (typeof record.description === "string" && record.description.startsWith("JSON Schema of ") && record.type === "object") {
    delete record.propertyNames;
    delete record.additionalProperties;
    record.allOf = [{ $ref: DRAFT_07_META_SCHEMA }];
  }
}

function main(): void {
  const check = process.argv.includes("--check");
  const target = join(repoRoot, MANIFEST_SCHEMA_SOURCE);
  const next = renderManifestJsonSchema();
  let current: string | undefined;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = undefined;
  }
  if (current === next) {
    console.log(`${MANIFEST_SCHEMA_SOURCE} is up to date with src/manifest/plugin-manifest-zod.ts.`);
    return;
  }
  if (check) {
    console.error(
      `${MANIFEST_SCHEMA_SOURCE} is ${current === undefined ? "missing" : "stale"}: it no longer matches src/manifest/plugin-manifest-zod.ts. Run pnpm plugin-manifest:schema and commit the result.`,
    );
    process.exit(1);
  }
  writeFileAtomicSync(target, next);
  console.log(`Wrote ${MANIFEST_SCHEMA_SOURCE}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
