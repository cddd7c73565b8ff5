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

import { resolveAgentWorkspaceDir } from "./agents.js";

describe("resolveAgentWorkspaceDir", () => {
  it("uses the agent's workspace, then the defaults for the default agent, then the state dir", () => {
    const env = { HOME: "/home/ada", OPENCLAW_STATE_DIR: "/srv/oc" };
    const cfg = { agents: { defaults: { workspace: "~/ws" }, list: [{ id: "main" }, { id: "ops", workspace: "~/ops-ws" }, { id: "qa" }] } } as never;
    expect(resolveAgentWorkspaceDir(cfg, "ops", env)).toBe("/home/ada/ops-ws");
    expect(resolveAgentWorkspaceDir(cfg, "main", env)).toBe("/home/ada/ws");
    expect(resolveAgentWorkspaceDir(cfg, "qa", env)).toBe("/srv/oc/workspace-qa");
    expect(resolveAgentWorkspaceDir({}, "main", { HOME: "/home/ada" })).toBe("/home/ada/.openclaw/workspace");
  });
});
