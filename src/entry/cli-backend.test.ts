import { describe, expect, it } from "vitest";
import { parseCliBackendModelRef, resolveCliBackendConfig } from "./cli-backend.js";

describe("resolveCliBackendConfig", () => {
  const backend = {
    id: "my-cli",
    config: { command: "my-cli", args: ["--json", "--legacy"], env: { A: "1", B: "2" } },
    normalizeConfig: (config: { args?: string[] }) => ({ ...config, args: (config.args ?? []).filter((a) => a !== "--legacy") }),
  };

  it("lets user config win, merges env, then normalizes", () => {
    const config = { agents: { defaults: { cliBackends: { "my-cli": { command: "/opt/my-cli", env: { B: "user" } } } } } };
    expect(resolveCliBackendConfig({ backend, config })).toEqual({ command: "/opt/my-cli", args: ["--json"], env: { A: "1", B: "user" } });
  });

  it("uses plugin defaults without user config; user arrays replace", () => {
    expect(resolveCliBackendConfig({ backend: { id: "x", config: { command: "x" } }, config: {} })).toEqual({ command: "x" });
    const config = { agents: { defaults: { cliBackends: { x: { args: ["--user"] } } } } };
    expect(resolveCliBackendConfig({ backend: { id: "x", config: { args: ["--a"] } }, config }).args).toEqual(["--user"]);
  });

  it("rejects a backend without id", () => {
    expect(() => resolveCliBackendConfig({ backend: { id: "", config: {} }, config: {} })).toThrow(/backend\.id must be a non-empty string/);
  });

  it("parses model refs", () => {
    expect(parseCliBackendModelRef("my-cli/gpt-5")).toEqual({ backendId: "my-cli", model: "gpt-5" });
    expect(parseCliBackendModelRef("gpt-5")).toBeUndefined();
    expect(parseCliBackendModelRef("x/")).toBeUndefined();
  });
});
