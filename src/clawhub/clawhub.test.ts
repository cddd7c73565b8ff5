import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packFolder, startTestCatalog, type TestCatalog } from "../../test/support/clawhub-catalog.js";
import { createTempDir } from "../testing/temp-dir.js";

async function failure(promise: Promise<unknown>): Promise<ClawHubError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ClawHubError)) throw new Error(`expected a ClawHubError, got ${String(error)}`);
  return error;
}
import {
  ClawHubError,
  downloadClawHubArtifact,
  fetchClawHubArtifactInfo,
  fetchClawHubPackage,
  resolveClawHubBaseUrl,
  searchClawHubPlugins,
} from "./clawhub-client.js";
import { formatClawHubSpec, parseClawHubSpec } from "./clawhub-spec.js";

let catalog: TestCatalog;
let tgz: Buffer;
beforeAll(async () => {
  catalog = await startTestCatalog();
  const dir = createTempDir("clawhub-pkg-");
  dir.write({ "package.json": { name: "weather", version: "1.0.0" }, "openclaw.plugin.json": { id: "weather", configSchema: {} } });
  tgz = await packFolder(dir.path);
  dir.remove();
  catalog.put({ name: "weather", family: "code-plugin", summary: "Forecasts", versions: [{ version: "1.0.0", kind: "clawpack", bytes: tgz }], tags: { beta: "1.0.0" } });
  catalog.put({ name: "weather-skill", family: "skill", summary: "weather skill", versions: [{ version: "1.0.0", kind: "clawpack", bytes: tgz }] });
  catalog.put({ name: "weather-bundle", family: "bundle-plugin", channel: "official", summary: "Claude weather bundle", versions: [{ version: "0.2.0", kind: "legacy", bytes: tgz }] });
  catalog.put({ name: "tampered", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: tgz, wrongHeaderDigest: true }] });
  catalog.put({ name: "lying", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: tgz, wrongDeclaredDigest: true }] });
  catalog.put({ name: "headless", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: tgz, omitHeader: true }] });
  catalog.put({ name: "old-lying", family: "code-plugin", versions: [{ version: "1.0.0", kind: "legacy", bytes: tgz, wrongDeclaredDigest: true }] });
});
afterAll(() => catalog.close());

describe("parseClawHubSpec", () => {
  it("tells versions from tags and refuses ranges and bad names", () => {
    expect(parseClawHubSpec("clawhub:weather")).toEqual({ ok: true, spec: { name: "weather" } });
    expect(parseClawHubSpec("clawhub:weather@1.2.0")).toEqual({ ok: true, spec: { name: "weather", selector: { kind: "version", value: "1.2.0" } } });
    expect(parseClawHubSpec("clawhub:@acme/weather@beta")).toEqual({ ok: true, spec: { name: "@acme/weather", selector: { kind: "tag", value: "beta" } } });
    expect(parseClawHubSpec("clawhub:weather@^1.0.0")).toMatchObject({ ok: false, message: expect.stringContaining("ranges are not supported") });
    expect(parseClawHubSpec("clawhub:../x")).toMatchObject({ ok: false });
    expect(formatClawHubSpec({ name: "w", selector: { kind: "tag", value: "beta" } })).toBe("clawhub:w@beta");
  });
});

describe("ClawHub client against a loopback catalog", () => {
  it("resolves the base URL from env, then config, then the public default", () => {
    expect(resolveClawHubBaseUrl({ env: { OPENCLAW_CLAWHUB_URL: "http://a/" }, config: { clawhub: { url: "http://b" } } })).toBe("http://a");
    expect(resolveClawHubBaseUrl({ env: {}, config: { clawhub: { url: "http://b/" } } })).toBe("http://b");
    expect(resolveClawHubBaseUrl({ env: {} })).toBe("https://clawhub.ai");
  });

  it("searches code-plugin and bundle-plugin packages only, with install hints", async () => {
    const hits = await searchClawHubPlugins("weather", { baseUrl: catalog.url });
    expect(hits.map((hit) => hit.name)).toEqual(["weather", "weather-bundle"]);
    expect(hits[0]).toMatchObject({ family: "code-plugin", channel: "community", version: "1.0.0", summary: "Forecasts", install: "openclaw plugins install clawhub:weather" });
    expect(hits[1]).toMatchObject({ family: "bundle-plugin", channel: "official", version: "0.2.0" });
    expect(catalog.requests.filter((r) => r.startsWith("/api/v1/packages/search")).map((r) => new URL(r, "http://x").searchParams.get("family"))).toEqual(
      expect.arrayContaining(["code-plugin", "bundle-plugin"]),
    );
  });

  it("downloads and verifies a ClawPack (header digest, declared digest, npm integrity)", async () => {
    const pkg = await fetchClawHubPackage("weather", { baseUrl: catalog.url });
    expect(pkg.tags).toMatchObject({ latest: "1.0.0", beta: "1.0.0" });
    const info = await fetchClawHubArtifactInfo("weather", "1.0.0", { baseUrl: catalog.url });
    expect(info).toMatchObject({ kind: "npm-pack", sha256: createHash("sha256").update(tgz).digest("hex"), npmTarballName: "weather-1.0.0.tgz" });
    const download = await downloadClawHubArtifact("weather", info, { baseUrl: catalog.url });
    expect(download.bytes.equals(tgz)).toBe(true);
    expect(download.fileName).toBe("weather-1.0.0.tgz");
    expect(download.npmIntegrity).toBe(`sha512-${createHash("sha512").update(tgz).digest("base64")}`);
  });

  it("verifies a legacy archive against sha256hash", async () => {
    const info = await fetchClawHubArtifactInfo("weather-bundle", "0.2.0", { baseUrl: catalog.url });
    expect(info.kind).toBe("legacy-archive");
    const download = await downloadClawHubArtifact("weather-bundle", info, { baseUrl: catalog.url });
    expect(download.fileName).toBe("weather-bundle-0.2.0.tgz");
  });

  it("fails closed on a wrong header digest, a wrong declared digest, a missing header and a wrong legacy hash", async () => {
    const options = { baseUrl: catalog.url };
    const attempt = async (name: string): Promise<ClawHubError> => {
      const info = await fetchClawHubArtifactInfo(name, "1.0.0", options);
      const error = await downloadClawHubArtifact(name, info, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClawHubError);
      return error as ClawHubError;
    };
    expect((await attempt("tampered")).message).toMatch(/tampered@1\.0\.0 .* failed verification: X-ClawHub-Artifact-Sha256 declares [0-9a-f]{64}, the bytes hash to/);
    expect((await attempt("lying")).message).toContain("the catalog declares sha256");
    expect((await attempt("headless")).message).toContain("no valid X-ClawHub-Artifact-Sha256 header");
    expect((await attempt("old-lying")).message).toContain("declares sha256hash");
    expect((await attempt("old-lying")).kind).toBe("digest-mismatch");
  });

  it("names the catalog on 404, garbage and hanging answers", async () => {
    const missing = await failure(fetchClawHubPackage("nope", { baseUrl: catalog.url }));
    expect(missing).toMatchObject({ kind: "not-found" });
    expect(missing.message).toContain(`ClawHub catalog ${catalog.url} has no package "nope"`);
    catalog.mode = "garbage";
    try {
      const garbage = await failure(searchClawHubPlugins("x", { baseUrl: catalog.url }));
      expect(garbage).toMatchObject({ kind: "garbage" });
      expect(garbage.message).toContain(`ClawHub catalog ${catalog.url} answered the code-plugin search for "x" with something that is not JSON`);
      catalog.mode = "hang";
      const started = Date.now();
      const hung = await failure(searchClawHubPlugins("x", { baseUrl: catalog.url, timeoutMs: 300 }));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(hung).toMatchObject({ kind: "timeout" });
      expect(hung.message).toContain(`ClawHub catalog ${catalog.url} did not answer`);
      expect(hung.message).toContain("within 300 ms");
    } finally {
      catalog.mode = "normal";
    }
    const refused = await failure(searchClawHubPlugins("x", { baseUrl: "http://127.0.0.1:9" }));
    expect(refused).toMatchObject({ kind: "network" });
    expect(refused.message).toContain("ClawHub catalog http://127.0.0.1:9 could not be reached");
  });
});
