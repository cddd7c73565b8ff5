import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildFormModel, listFields, type JsonSchema, type UiHints } from "./schema-form.js";
import {
  buildConfig,
  configFromParameters,
  initialFormState,
  normaliseErrorPath,
  parseInput,
  placeErrors,
  setAtPath,
  unsetAtPath,
} from "./form-values.js";

const voiceCall = JSON.parse(
  readFileSync(new URL("../../../test/browser/fixtures/voice-call/openclaw.plugin.json", import.meta.url), "utf8"),
) as { configSchema: JsonSchema; uiHints: UiHints };
const model = buildFormModel(voiceCall.configSchema, voiceCall.uiHints);
const stored = {
  enabled: true,
  provider: "twilio",
  fromNumber: "+15550001234",
  twilio: { accountSid: "AC123", authToken: "sk-t...cret" },
  serve: { port: 3334 },
};

describe("initialFormState", () => {
  it("shows stored values but never the (masked) secret", () => {
    const state = initialFormState(model, stored);
    expect(state).toEqual({
      enabled: true,
      provider: "twilio",
      fromNumber: "+15550001234",
      toNumber: "",
      "twilio.accountSid": "AC123",
      "twilio.authToken": "",
      "serve.port": "3334",
      "serve.bind": "",
      "serve.path": "",
    });
  });
});

describe("buildConfig", () => {
  it("sends the stored config back unchanged (masked secret included) when nothing changed", () => {
    const initial = initialFormState(model, stored);
    const result = buildConfig(model, { ...initial }, initial, stored);
    expect(result).toEqual({ ok: true, config: stored, changed: [] });
  });

  it("applies changed fields only: a new secret, a number, a removal, a new nested group", () => {
    const initial = initialFormState(model, stored);
    const state = { ...initial, "twilio.authToken": "new-secret", "serve.port": "8080", fromNumber: "", "serve.bind": "127.0.0.1", enabled: false };
    const result = buildConfig(model, state, initial, stored);
    expect(result).toEqual({
      ok: true,
      changed: ["enabled", "fromNumber", "twilio.authToken", "serve.port", "serve.bind"],
      config: {
        enabled: false,
        provider: "twilio",
        twilio: { accountSid: "AC123", authToken: "new-secret" },
        serve: { port: 8080, bind: "127.0.0.1" },
      },
    });
    expect(stored.twilio.authToken).toBe("sk-t...cret");
  });

  it("removes a secret on request and prunes the group it leaves empty", () => {
    const only = { twilio: { authToken: "****" } };
    const initial = initialFormState(model, only);
    const result = buildConfig(model, { ...initial, "twilio.authToken": null }, initial, only);
    expect(result).toEqual({ ok: true, config: {}, changed: ["twilio.authToken"] });
  });

  it("passes values the schema rejects to the server, but stops on JSON the browser cannot parse", () => {
    const schema: JsonSchema = { type: "object", properties: { port: { type: "integer" }, rules: { type: "array", items: { type: "object" } } } };
    const m = buildFormModel(schema);
    const initial = initialFormState(m, {});
    expect(buildConfig(m, { ...initial, port: "abc" }, initial, {})).toEqual({ ok: true, config: { port: "abc" }, changed: ["port"] });
    expect(buildConfig(m, { ...initial, rules: "[{" }, initial, {})).toMatchObject({ ok: false, errors: { rules: [expect.stringMatching(/^not valid JSON/)] } });
    expect(buildConfig(m, { ...initial, rules: '[{"a":1}]' }, initial, {})).toEqual({ ok: true, config: { rules: [{ a: 1 }] }, changed: ["rules"] });
  });

  it("keeps keys the form does not know about", () => {
    const withExtra = { provider: "mock", legacy: { x: 1 } };
    const initial = initialFormState(model, withExtra);
    const result = buildConfig(model, { ...initial, provider: "telnyx" }, initial, withExtra);
    expect(result).toEqual({ ok: true, config: { provider: "telnyx", legacy: { x: 1 } }, changed: ["provider"] });
  });
});

describe("parseInput", () => {
  const fields = Object.fromEntries(listFields(buildFormModel({
    type: "object",
    properties: { tags: { type: "array", items: { type: "string" } }, ports: { type: "array", items: { type: "number" } }, mode: { enum: [1, 2] } },
  }).nodes).map((f) => [f.path, f]));
  it("reads lists line by line and select keys back into their JSON values", () => {
    expect(parseInput(fields.tags!, " a \n\n b\n")).toEqual({ kind: "set", value: ["a", "b"] });
    expect(parseInput(fields.tags!, "\n")).toEqual({ kind: "unset" });
    expect(parseInput(fields.ports!, "80\nx")).toEqual({ kind: "set", value: [80, "x"] });
    expect(parseInput(fields.mode!, "2")).toEqual({ kind: "set", value: 2 });
    expect(parseInput(fields.mode!, "")).toEqual({ kind: "unset" });
  });
});

describe("paths", () => {
  it("sets and unsets dotted paths without touching prototypes", () => {
    const target: Record<string, unknown> = { a: 1 };
    setAtPath(target, "__proto__.polluted", true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(target, "__proto__")).toBe(true);
    setAtPath(target, "a.b", 2);
    expect(target.a).toEqual({ b: 2 });
    unsetAtPath(target, "a.b");
    expect(Object.hasOwn(target, "a")).toBe(false);
  });

  it("rebuilds a nested config from the API's parameter list, skipping unset ones", () => {
    expect(
      configFromParameters([
        { key: "provider", currentValue: "twilio", isSet: true },
        { key: "twilio.authToken", currentValue: "****", isSet: true },
        { key: "serve.port", currentValue: null, isSet: false },
      ]),
    ).toEqual({ provider: "twilio", twilio: { authToken: "****" } });
  });
});

describe("placeErrors", () => {
  it("normalises prefixed, pointer and bracket paths", () => {
    expect(normaliseErrorPath("plugins.entries.voice-call.config.serve.port", "voice-call")).toBe("serve.port");
    expect(normaliseErrorPath("/serve/port")).toBe("serve.port");
    expect(normaliseErrorPath("config.allow[2]")).toBe("allow.2");
  });

  it("puts each error on its field, strips a repeated path, sends unknown paths to the general list", () => {
    const placed = placeErrors(
      [
        { field: "fromNumber", message: 'fromNumber: must match pattern "^\\+[1-9]\\d{1,14}$"' },
        { field: "plugins.entries.voice-call.config.serve.port", message: "plugins.entries.voice-call.config.serve.port: must be >= 1" },
        { field: "twilio.region", message: "must NOT have additional properties" },
        { field: "", message: "must be object" },
        { field: "nope", message: "unknown property" },
      ],
      model,
      "voice-call",
    );
    expect(placed.byPath).toEqual({
      fromNumber: ['must match pattern "^\\+[1-9]\\d{1,14}$"'],
      "serve.port": ["must be >= 1"],
      twilio: ["region: must NOT have additional properties"],
    });
    expect(placed.general).toEqual(["must be object", "nope: unknown property"]);
  });
});
