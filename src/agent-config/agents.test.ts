import { describe, expect, it } from "vitest";
import { listAgentIds, resolveDefaultAgentId } from "./agents.js";

describe("agents", () => {
  it("lists configured agents and picks the default", () => {
    const cfg = { agents: { list: [{ id: " Ops " }, { id: "support", default: true }, { id: "ops" }, { name: "no id" }] } } as never;
    expect(listAgentIds(cfg)).toEqual(["ops", "support"]);
    expect(resolveDefaultAgentId(cfg)).toBe("support");
    expect(listAgentIds({})).toEqual(["main"]);
    expect(resolveDefaultAgentId({ agents: { list: [{ id: "a" }] } })).toBe("a");
    expect(resolveDefaultAgentId({})).toBe("main");
  });
});
