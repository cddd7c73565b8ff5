import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { MANIFEST_SCHEMA_SOURCE, renderManifestJsonSchema } from "./generate-manifest-schema.js";
import { assetSourceOf } from "./copy-assets.js";
import { readEntrypointManifest, repoRoot } from "./lib/entrypoints.js";

const committed = readFileSync(join(repoRoot, MANIFEST_SCHEMA_SOURCE), "utf8");
const fixtures = join(repoRoot, "src/manifest/__fixtures__/seed-003");

function compile() {
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(committed));
}

describe("the committed manifest JSON Schema", () => {
  it("is up to date with the zod schema (pnpm plugin-manifest:schema)", () => {
    expect(committed).toBe(renderManifestJsonSchema());
  });

  it("accepts every seed 003 example manifest", () => {
    const validate = compile();
    for (const name of readdirSync(fixtures)) {
      const manifest = JSON5.parse(readFileSync(join(fixtures, name, "openclaw.plugin.json"), "utf8"));
      expect(validate(manifest), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("rejects what the reader reports as errors, so editors flag them while typing", () => {
    const validate = compile();
    const base = { id: "demo", configSchema: {} };
    expect(validate({ ...base, contracts: { tools: true } })).toBe(false);
    expect(validate({ ...base, kind: "memroy" })).toBe(false);
    expect(validate({ ...base, contract: {} })).toBe(false);
    expect(validate({ ...base, configSchema: { type: "strin" } })).toBe(false);
    expect(validate({ id: "Demo", configSchema: {} })).toBe(false);
    expect(validate({ id: "demo" })).toBe(false);
    expect(validate({ ...base, setup: { anything: true }, $schema: "./x.json" })).toBe(true);
  });

  it("is shipped as the asset openclaw/plugin-sdk/plugin-manifest.schema.json", () => {
    const asset = readEntrypointManifest().assets.find((entry) => entry.subpath === "plugin-manifest.schema.json");
    expect(asset).toEqual({ subpath: "plugin-manifest.schema.json", file: "dist/plugin-sdk/plugin-manifest.schema.json" });
    expect(assetSourceOf(asset!.file)).toBe(MANIFEST_SCHEMA_SOURCE);
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(pkg.exports["./plugin-sdk/plugin-manifest.schema.json"]).toBe("./dist/plugin-sdk/plugin-manifest.schema.json");
  });
});
