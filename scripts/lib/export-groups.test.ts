import { describe, expect, it } from "vitest";
import {
  facadeSpecifierOf,
  renderGroupRegion,
  syncFacadeText,
  validateExportGroups,
  type ExportGroup,
} from "./export-groups.js";

const group: ExportGroup = {
  description: "test",
  modules: [
    { from: "src/contract/config.ts", types: ["OpenClawConfig", "PluginsConfig"] },
    { from: "src/entry/account-id.ts", values: ["normalizeAccountId"], types: ["AccountId"] },
  ],
};

describe("export groups", () => {
  it("writes readable named re-exports, values before types, with the facade-relative specifier", () => {
    const region = renderGroupRegion("shared", group, "shared");
    expect(region.split("\n")).toEqual([
      '// <generated group="shared">',
      "// Written by pnpm plugin-sdk:sync-exports from scripts/lib/plugin-sdk-entrypoints.json#exportGroups.",
      "export type {",
      "  OpenClawConfig,",
      "  PluginsConfig,",
      '} from "../contract/config.js";',
      "export {",
      "  normalizeAccountId,",
      '} from "../entry/account-id.js";',
      "export type {",
      "  AccountId,",
      '} from "../entry/account-id.js";',
      "// </generated>",
    ]);
    expect(region).not.toContain("export *");
  });

  it("leaves out omitted names and drops a module left empty", () => {
    const region = renderGroupRegion("shared", group, { group: "shared", omit: ["normalizeAccountId", "AccountId"] });
    expect(region).not.toContain("account-id");
    expect(region).toContain("PluginsConfig");
  });

  it("marks every name of a deprecated facade with its replacement and removal date", () => {
    const region = renderGroupRegion("shared", group, { group: "shared", deprecatedReplacement: "openclaw/plugin-sdk/core" }, {
      replacement: "openclaw/plugin-sdk/setup",
      removalDate: "2027-06-30",
    });
    const notes = region.split("\n").filter((line) => line.includes("@deprecated"));
    expect(notes).toHaveLength(4);
    expect(notes[0]).toBe("  /** @deprecated Import from `openclaw/plugin-sdk/core` instead. Removal not before 2027-06-30. */");
  });

  it("replaces a region in place, keeps hand-written lines, appends a missing region and removes an unlisted one", () => {
    const text = [
      "/** doc */",
      'export { a } from "../entry/a.js";',
      '// <generated group="shared">',
      "stale line",
      "// </generated>",
      'export type { B } from "../entry/b.js";',
      '// <generated group="gone">',
      "old",
      "// </generated>",
      "",
    ].join("\n");
    const next = syncFacadeText(text, "f.ts", [
      { group: "shared", body: '// <generated group="shared">\nfresh\n// </generated>' },
      { group: "added", body: '// <generated group="added">\nnew\n// </generated>' },
    ]);
    expect(next).toBe(
      [
        "/** doc */",
        'export { a } from "../entry/a.js";',
        '// <generated group="shared">',
        "fresh",
        "// </generated>",
        'export type { B } from "../entry/b.js";',
        '// <generated group="added">',
        "new",
        "// </generated>",
        "",
      ].join("\n"),
    );
    // Idempotent: a second sync changes nothing.
    expect(
      syncFacadeText(next, "f.ts", [
        { group: "shared", body: '// <generated group="shared">\nfresh\n// </generated>' },
        { group: "added", body: '// <generated group="added">\nnew\n// </generated>' },
      ]),
    ).toBe(next);
  });

  it("rejects broken markers with the file and line", () => {
    expect(() => syncFacadeText('// <generated group="x">\nexport {};\n', "src/plugin-sdk/x.ts", [])).toThrow(
      'src/plugin-sdk/x.ts:1: generated region "x" is never closed',
    );
    expect(() => syncFacadeText("// </generated>\n", "f.ts", [])).toThrow("f.ts:1:");
  });

  it("rejects unknown groups, omitted names the group lacks, duplicates and bad module paths", () => {
    expect(() => validateExportGroups({ shared: group }, new Map([["core", ["nope"]]]))).toThrow(
      'entrypoint "core" refers to exportGroups."nope"',
    );
    expect(() =>
      validateExportGroups({ shared: group }, new Map([["core", [{ group: "shared", omit: ["Missing"] }]]])),
    ).toThrow('omits "Missing"');
    expect(() =>
      validateExportGroups(
        { dup: { description: "", modules: [{ from: "src/a/b.ts", types: ["X"] }, { from: "src/a/c.ts", types: ["X"] }] } },
        new Map(),
      ),
    ).toThrow('lists "X" twice');
    expect(() => facadeSpecifierOf("../contract/x.js")).toThrow("repo-relative source file");
    expect(facadeSpecifierOf("src/plugin-sdk/other.ts")).toBe("./other.js");
  });
});
