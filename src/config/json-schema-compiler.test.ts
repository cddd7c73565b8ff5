import { afterEach, describe, expect, it } from "vitest";
import { compileJsonSchema, resetJsonSchemaCompiler } from "./json-schema-compiler.js";

afterEach(() => resetJsonSchemaCompiler());

const schemaFor = (i: number) => ({
  type: "object",
  additionalProperties: false,
  required: [`opt${i}`],
  properties: { [`opt${i}`]: { type: "string", pattern: "^v" }, enabled: { type: "boolean", default: true } },
});

describe("compileJsonSchema", () => {
  it("keeps validators working after the ajv instance behind them is replaced", () => {
    const first = compileJsonSchema(schemaFor(0));
    if (!first.ok) throw new Error(first.error);
    // Enough distinct schemas to replace the instance (and evict the first result from the cache).
    for (let i = 1; i <= 1100; i++) expect(compileJsonSchema(schemaFor(i)).ok).toBe(true);

    const data: Record<string, unknown> = { opt0: "value" };
    expect(first.validate(data)).toBe(true);
    expect(data).toEqual({ opt0: "value", enabled: true });
    expect(first.validate({ opt0: "nope", extra: 1 })).toBe(false);
    expect(first.validate.errors?.map((e) => e.keyword).sort()).toEqual(["additionalProperties", "pattern"]);

    const again = compileJsonSchema(schemaFor(0));
    if (!again.ok) throw new Error(again.error);
    expect(again.validate).not.toBe(first.validate); // recompiled on a fresh instance, same behaviour
    expect(again.validate({})).toBe(false);
    expect(again.validate.errors?.[0]?.message).toBe("must have required property 'opt0'");
  });

  it("reports strict-mode findings as warnings and invalid schemas (bad type, bad pattern) as errors", () => {
    const strict = compileJsonSchema({ type: "object", properties: { a: { type: "string", colour: "red" } } });
    expect(strict.ok && strict.warnings).toEqual(['unknown keyword: "colour"']);
    const broken = compileJsonSchema({ type: "object", properties: { a: { type: "strin" } } });
    expect(broken.ok).toBe(false);
    const badPattern = compileJsonSchema({ type: "string", pattern: "(" });
    expect(badPattern.ok).toBe(false);
  });
});
