import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { buildChannelConfigSchema, buildJsonChannelConfigSchema, emptyChannelConfigSchema } from "./channel-config-schema.js";
import { AllowFromListSchema, DmPolicySchema, buildMultiAccountChannelSchema } from "./channel-config-primitives.js";

describe("channel config schemas", () => {
  it("builds { schema, runtime } from zod 4 with the primitives", () => {
    const schema = buildChannelConfigSchema(
      buildMultiAccountChannelSchema({ token: z.string().optional(), dmPolicy: DmPolicySchema.optional(), allowFrom: AllowFromListSchema.optional() }),
      { uiHints: { token: { sensitive: true } } },
    );
    expect(schema.uiHints).toEqual({ token: { sensitive: true } });
    expect(schema.schema).toMatchObject({ type: "object", properties: { token: { type: "string" }, accounts: { type: "object" } } });
    expect(schema.runtime?.safeParse({ dmPolicy: "pairing", accounts: { work: { token: "t" } } }).success).toBe(true);
    const bad = schema.runtime?.safeParse({ dmPolicy: "everyone" });
    expect(bad?.success).toBe(false);
  });

  it("builds from zod 3 and from JSON Schema", () => {
    expect(buildChannelConfigSchema(z3.object({ token: z3.string() })).schema).toMatchObject({ required: ["token"] });
    const json = buildJsonChannelConfigSchema({ type: "object", properties: { token: { type: "string" } } });
    expect(json.runtime?.safeParse({ token: 1 })).toEqual({ success: false, error: { issues: [{ path: ["token"], message: "must be string" }] } });
  });

  it("empty channel schema accepts only {}", () => {
    const schema = emptyChannelConfigSchema();
    expect(schema.runtime?.safeParse({}).success).toBe(true);
    expect(schema.runtime?.safeParse({ a: 1 }).success).toBe(false);
    expect(schema.schema).toEqual({ type: "object", additionalProperties: false, properties: {} });
  });

  it("rejects non-zod input clearly", () => {
    expect(() => buildChannelConfigSchema({} as never)).toThrow(/expected a zod schema/);
  });
});
