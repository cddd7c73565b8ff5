import { describe, expect, it } from "vitest";
import { isInstallError } from "./installer-api.js";
import { parseNpmSpec } from "./npm-spec.js";
import { compatibilityProblem, integrityMatches, isStableVersion, selectVersion, type NpmPackument } from "./npm-registry.js";
import { parseGitSpec } from "./sources/git.js";
import { editPluginsSection } from "./config-edits.js";
import { readInstallPolicy } from "./install-policy.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isInstallError(error) ? error.failure.code : `not an InstallError: ${String(error)}`;
  }
  return undefined;
}

describe("npm specs", () => {
  it("reads names, exact versions and tags; default for bare and @latest", () => {
    expect(parseNpmSpec("demo").selector).toEqual({ kind: "default" });
    expect(parseNpmSpec("npm:demo@latest").selector).toEqual({ kind: "default" });
    expect(parseNpmSpec("@acme/x@2.0.0")).toMatchObject({ name: "@acme/x", selector: { kind: "version", value: "2.0.0" } });
    expect(parseNpmSpec("npm:@acme/x@beta")).toMatchObject({ name: "@acme/x", selector: { kind: "tag", value: "beta" } });
  });
  it.each(["demo@^1", "demo@*", "demo@1.x", "github:a/b", "a/b", "https://x.test/a.tgz", "file:./x", "npm:x@npm:y@1"])("refuses %s", (spec) => {
    expect(code(() => parseNpmSpec(spec))).toBe("invalid-spec");
  });
});

describe("version selection", () => {
  const doc = (version: string, pluginApi?: string) => ({
    name: "p",
    version,
    dist: { tarball: `http://r/p-${version}.tgz` },
    ...(pluginApi ? { openclaw: { compat: { pluginApi } } } : {}),
  });
  const packument: NpmPackument = {
    name: "p",
    "dist-tags": { latest: "3.0.0", beta: "4.0.0-beta.1" },
    versions: { "1.0.0": doc("1.0.0"), "2.0.0": doc("2.0.0", ">=2026.1.0"), "2.5.0-rc.1": doc("2.5.0-rc.1"), "3.0.0": doc("3.0.0", ">=2027.0.0"), "4.0.0-beta.1": doc("4.0.0-beta.1", ">=2027.0.0") },
  };
  it("falls back from an incompatible latest to the newest compatible stable, skipping prereleases", () => {
    expect(selectVersion(packument, parseNpmSpec("p"), "2026.11.0")).toMatchObject({ doc: { version: "2.0.0" }, fellBackFrom: "3.0.0" });
  });
  it("is strict for exact versions and tags", () => {
    expect(code(() => selectVersion(packument, parseNpmSpec("p@3.0.0"), "2026.11.0"))).toBe("incompatible");
    expect(code(() => selectVersion(packument, parseNpmSpec("p@beta"), "2026.11.0"))).toBe("incompatible");
    expect(selectVersion(packument, parseNpmSpec("p@beta"), "2027.1.0").doc.version).toBe("4.0.0-beta.1");
  });
  it("treats dated corrections as stable and other prereleases as not", () => {
    expect(isStableVersion("2026.5.3-1")).toBe(true);
    expect(isStableVersion("1.2.3-1")).toBe(false);
    expect(isStableVersion("1.2.3-beta.4")).toBe(false);
    const dated: NpmPackument = { name: "p", "dist-tags": { latest: "2026.5.3-1" }, versions: { "2026.5.3-1": doc("2026.5.3-1") } };
    expect(selectVersion(dated, parseNpmSpec("p"), "2026.11.0").doc.version).toBe("2026.5.3-1");
  });
  it("checks minHostVersion and peerDependencies.openclaw too", () => {
    expect(compatibilityProblem({ openclaw: { install: { minHostVersion: ">=2027.1.0" } } }, "2026.11.0")).toContain("minHostVersion");
    expect(compatibilityProblem({ peerDependencies: { openclaw: ">=2026.1.0" } }, "2026.11.0")).toBeUndefined();
    expect(compatibilityProblem({ peerDependencies: { openclaw: "^2027.0.0" } }, "2026.11.0")).toContain("peerDependencies.openclaw");
    expect(compatibilityProblem({ openclaw: { compat: { pluginApi: 42 } } }, "2026.11.0")).toContain("not a semver range");
  });
  it("compares SRI integrity (multi-hash) and falls back to the sha1 shasum", () => {
    expect(integrityMatches({ integrity: "sha1-xx sha512-AAA" }, { integrity: "sha512-AAA", shasum: "00" })).toBe(true);
    expect(integrityMatches({ integrity: "sha512-BBB" }, { integrity: "sha512-AAA", shasum: "00" })).toBe(false);
    expect(integrityMatches({ shasum: "ab" }, { integrity: "sha512-AAA", shasum: "ab" })).toBe(true);
  });
});

describe("git specs", () => {
  it.each([
    ["git:acme/weather", "https://github.com/acme/weather.git", undefined],
    ["git:github.com/acme/weather@v1.2.0", "https://github.com/acme/weather.git", "v1.2.0"],
    ["git:git@github.com:acme/weather.git#main", "git@github.com:acme/weather.git", "main"],
    ["git:git@github.com:acme/weather.git", "git@github.com:acme/weather.git", undefined],
    ["git:file:///srv/repo#3f2c1aa", "file:///srv/repo", "3f2c1aa"],
    ["git:ssh://git@host:22/x/y.git@v2", "ssh://git@host:22/x/y.git", "v2"],
  ])("%s", (spec, url, ref) => {
    expect(parseGitSpec(spec)).toEqual(ref === undefined ? { url } : { url, ref });
  });
  it("refuses option-looking and malformed refs", () => {
    expect(code(() => parseGitSpec("git:acme/weather#--upload-pack=x"))).toBe("invalid-spec");
    expect(code(() => parseGitSpec("git:-oProxyCommand=x"))).toBe("invalid-spec");
  });
});

describe("config edits and policy", () => {
  it("adds and removes load paths idempotently, resolving relative entries; removes ids everywhere", () => {
    const draft: Record<string, unknown> = { plugins: { load: { paths: ["./a", "/x/b"] }, allow: ["p"], entries: { p: {} }, installs: { p: {} }, slots: { memory: "p" } } };
    editPluginsSection(draft, { addLoadPaths: ["/etc/oc/a"] }, "/etc/oc");
    expect((draft.plugins as any).load.paths).toEqual(["./a", "/x/b"]);
    const out = editPluginsSection(draft, { removeLoadPaths: ["/etc/oc/a"], removePluginId: "p" }, "/etc/oc");
    expect(out).toMatchObject({ removedLoadPaths: ["./a"], removedEntry: true, removedFromAllow: true });
    expect(draft.plugins).toEqual({ load: { paths: ["/x/b"] }, allow: [], entries: {}, installs: {}, slots: { memory: "memory-core" } });
  });
  it("reads the install policy and refuses unknown keys", () => {
    expect(readInstallPolicy({}, "c.json")).toBeUndefined();
    expect(readInstallPolicy({ security: { installPolicy: { denySources: ["git"] } } }, "c.json")).toMatchObject({ enabled: true, denySources: ["git"] });
    expect(code(() => readInstallPolicy({ security: { installPolicy: { exec: {} } } }, "c.json"))).toBe("config-invalid");
    expect(code(() => readInstallPolicy({ security: { installPolicy: { allowSources: ["ftp"] } } }, "c.json"))).toBe("config-invalid");
  });
});
