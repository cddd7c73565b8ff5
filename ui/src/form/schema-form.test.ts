import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildFormModel,
  choicesOf,
  findHint,
  humanizeKey,
  listFields,
  resolveRef,
  splitAdvanced,
  type FieldNode,
  type GroupNode,
  type JsonSchema,
  type UiHints,
} from "./schema-form.js";

const voiceCall = JSON.parse(
  readFileSync(new URL("../../../test/browser/fixtures/voice-call/openclaw.plugin.json", import.meta.url), "utf8"),
) as { configSchema: JsonSchema; uiHints: UiHints };

function field(nodes: ReturnType<typeof buildFormModel>["nodes"], path: string): FieldNode {
  const found = listFields(nodes).find((f) => f.path === path);
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe("buildFormModel on seed 003's voice-call manifest", () => {
  const model = buildFormModel(voiceCall.configSchema, voiceCall.uiHints);

  it("keeps schema order and nests objects as groups", () => {
    expect(model.nodes.map((n) => `${n.kind}:${n.path}`)).toEqual([
      "field:enabled",
      "field:provider",
      "field:fromNumber",
      "field:toNumber",
      "group:twilio",
      "group:serve",
    ]);
    const serve = model.nodes[5] as GroupNode;
    expect(serve.children.map((c) => c.path)).toEqual(["serve.port", "serve.bind", "serve.path"]);
    expect(model.notes).toEqual([]);
  });

  it("takes labels, help and placeholders from uiHints, humanised keys otherwise", () => {
    expect(field(model.nodes, "provider")).toMatchObject({ label: "Provider", help: "Use twilio, telnyx, or mock for dev/no-network." });
    expect(field(model.nodes, "fromNumber")).toMatchObject({ label: "From Number", placeholder: "+15550001234", control: "text" });
    expect(field(model.nodes, "toNumber").label).toBe("Default To Number");
    expect(field(model.nodes, "serve.path").label).toBe("Path");
    expect(field(model.nodes, "enabled").label).toBe("Enabled");
    expect(model.nodes[4]!.label).toBe("Twilio");
  });

  it("maps enum to a select, boolean to a switch, integer to a number input with its minimum", () => {
    const provider = field(model.nodes, "provider");
    expect(provider.control).toBe("select");
    expect(provider.options?.map((o) => o.key)).toEqual(["telnyx", "twilio", "plivo", "mock"]);
    expect(field(model.nodes, "enabled").control).toBe("switch");
    expect(field(model.nodes, "serve.port")).toMatchObject({ control: "number", integer: true, min: 1, label: "Webhook Port" });
    expect(field(model.nodes, "fromNumber").pattern).toBe("^\\+[1-9]\\d{1,14}$");
  });

  it("makes twilio.authToken a password field and folds serve.bind under advanced", () => {
    expect(field(model.nodes, "twilio.authToken")).toMatchObject({ control: "password", sensitive: true, label: "Twilio Auth Token" });
    expect(field(model.nodes, "twilio.accountSid")).toMatchObject({ control: "text", sensitive: false });
    const serve = model.nodes[5] as GroupNode;
    const { basic, advanced } = splitAdvanced(serve.children);
    expect(basic.map((n) => n.path)).toEqual(["serve.port", "serve.path"]);
    expect(advanced.map((n) => n.path)).toEqual(["serve.bind"]);
  });
});

describe("buildFormModel edge cases", () => {
  it("marks required properties and follows local $refs and allOf", () => {
    const schema: JsonSchema = {
      type: "object",
      required: ["apiKey"],
      properties: { apiKey: { type: "string" }, limits: { $ref: "#/definitions/limits" } },
      definitions: { limits: { allOf: [{ type: "object", properties: { rps: { type: "number", exclusiveMinimum: 0 } }, required: ["rps"] }] } },
    };
    const model = buildFormModel(schema, {});
    expect(field(model.nodes, "apiKey").required).toBe(true);
    const limits = model.nodes[1] as GroupNode;
    expect(limits.kind).toBe("group");
    expect(field(model.nodes, "limits.rps")).toMatchObject({ control: "number", required: true, min: 0 });
  });

  it("turns oneOf consts into a select with titles, nullable types into their non-null type", () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        mode: { oneOf: [{ const: "fast", title: "Fast" }, { const: "safe", title: "Safe" }] },
        retries: { type: ["integer", "null"] },
      },
    };
    const model = buildFormModel(schema);
    expect(field(model.nodes, "mode").options).toEqual([
      { key: "fast", label: "Fast", value: "fast" },
      { key: "safe", label: "Safe", value: "safe" },
    ]);
    expect(field(model.nodes, "retries")).toMatchObject({ control: "number", integer: true });
  });

  it("edits string arrays as lines, object arrays and untyped values as JSON, and says so", () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        allowFrom: { type: "array", items: { type: "string" } },
        ports: { type: "array", items: { type: "integer" } },
        rules: { type: "array", items: { type: "object" } },
        extra: {},
        homeserver: { type: "string", format: "uri" },
      },
    };
    const model = buildFormModel(schema, { allowFrom: { label: "Allowed user IDs" } });
    expect(field(model.nodes, "allowFrom")).toMatchObject({ control: "list", label: "Allowed user IDs" });
    expect(field(model.nodes, "ports")).toMatchObject({ control: "list", numericItems: true });
    expect(field(model.nodes, "rules").control).toBe("json");
    expect(field(model.nodes, "extra").control).toBe("json");
    expect(field(model.nodes, "homeserver")).toMatchObject({ control: "text", inputType: "url" });
    expect(model.notes).toEqual(["rules: edited as JSON", "extra: no type in the schema; edited as JSON"]);
  });

  it("uses schema title/description/default when hints are missing, never a placeholder for secrets", () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        timeout: { type: "integer", title: "Timeout (ms)", description: "Request timeout", default: 5000 },
        token: { type: "string", default: "not-a-secret-default" },
      },
    };
    const model = buildFormModel(schema, { token: { sensitive: true, placeholder: "paste the token" } });
    expect(field(model.nodes, "timeout")).toMatchObject({ label: "Timeout (ms)", help: "Request timeout", placeholder: "5000" });
    expect(field(model.nodes, "token").placeholder).toBeUndefined();
    expect(field(model.nodes, "token").control).toBe("password");
  });

  it("treats server-reported sensitive paths as passwords even without a hint", () => {
    const schema: JsonSchema = { type: "object", properties: { apiKey: { type: "string" } } };
    expect(field(buildFormModel(schema, {}, { sensitivePaths: ["apiKey"] }).nodes, "apiKey").control).toBe("password");
  });

  it("matches wildcard hint paths and stops at the depth limit", () => {
    const hints: UiHints = { "accounts.*.token": { sensitive: true, label: "Token" } };
    expect(findHint(hints, "accounts.main.token")?.label).toBe("Token");
    expect(findHint(hints, "accounts.main")).toBeUndefined();
    let deep: JsonSchema = { type: "string" };
    for (let i = 0; i < 10; i++) deep = { type: "object", properties: { n: deep } };
    const model = buildFormModel({ type: "object", properties: { root: deep } }, {}, { maxDepth: 3 });
    const fields = listFields(model.nodes);
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ path: "root.n.n.n", control: "json" });
  });

  it("survives a $ref cycle and an absent schema", () => {
    const cyclic: JsonSchema = { $ref: "#/definitions/a", definitions: { a: { $ref: "#/definitions/a" } } };
    expect(resolveRef(cyclic, cyclic).$ref).toBe("#/definitions/a");
    expect(buildFormModel(undefined).nodes).toEqual([]);
    expect(choicesOf({}, { enum: [null, "x"] })?.map((o) => o.key)).toEqual(["x"]);
  });

  it("humanises keys", () => {
    expect(humanizeKey("fromNumber")).toBe("From number");
    expect(humanizeKey("api_key")).toBe("Api key");
    expect(humanizeKey("HTTPProxy")).toBe("Http proxy");
  });
});
