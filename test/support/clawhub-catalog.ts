/**
 * A ClawHub-compatible catalog on loopback for tests: a real `node:http` server the test starts and fills with
 * packages and artifacts (ClawPack `.tgz` with digest headers, or legacy archives with `sha256hash`), and can switch
 * to answering garbage or hanging. Serves the endpoints `src/clawhub/clawhub-client.ts` uses.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { create as tarCreate } from "tar";

/** One published version. */
export interface CatalogVersion {
  version: string;
  bytes: Buffer;
  /** `clawpack` (npm-pack tgz, digest header) or `legacy` (archive + sha256hash). */
  kind: "clawpack" | "legacy";
  /** Tamper switches: a wrong header digest, a wrong declared digest, no header at all. */
  wrongHeaderDigest?: boolean;
  wrongDeclaredDigest?: boolean;
  omitHeader?: boolean;
}

/** One package. */
export interface CatalogPackage {
  name: string;
  family: "code-plugin" | "bundle-plugin" | "skill";
  channel?: string;
  summary?: string;
  versions: CatalogVersion[];
  /** dist-tags: `latest` defaults to the last version added. */
  tags?: Record<string, string>;
}

/** A running catalog. */
export interface TestCatalog {
  url: string;
  /** Adds or replaces a package. */
  put(pkg: CatalogPackage): void;
  /** `normal`, `garbage` (HTML for every JSON request) or `hang` (never answers). */
  mode: "normal" | "garbage" | "hang";
  /** Request paths seen, in order. */
  requests: string[];
  close(): Promise<void>;
}

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Packs `dir` as an npm-pack tarball (`package/` prefix, gzip), as ClawPacks are.
 *
 * @example
 * ```ts
 * const tgz = await packFolder("/tmp/demo");
 * ```
 */
export async function packFolder(dir: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = tarCreate({ gzip: true, cwd: dir, prefix: "package", portable: true }, ["."]);
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Starts a catalog on 127.0.0.1 (random port).
 *
 * @example
 * ```ts
 * const catalog = await startTestCatalog();
 * catalog.put({ name: "demo", family: "code-plugin", versions: [{ version: "1.0.0", kind: "clawpack", bytes: await packFolder(dir) }] });
 * ```
 */
export async function startTestCatalog(): Promise<TestCatalog> {
  const packages = new Map<string, CatalogPackage>();
  const hanging = new Set<ServerResponse>();
  const catalog: TestCatalog = {
    url: "",
    mode: "normal",
    requests: [],
    put(pkg) {
      packages.set(pkg.name, pkg);
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };
  const tagsOf = (pkg: CatalogPackage): Record<string, string> => ({ latest: pkg.versions.at(-1)!.version, ...pkg.tags });
  const describe = (pkg: CatalogPackage): Record<string, unknown> => ({
    name: pkg.name,
    displayName: pkg.name,
    family: pkg.family,
    channel: pkg.channel ?? "community",
    summary: pkg.summary ?? null,
    latestVersion: tagsOf(pkg).latest,
    tags: tagsOf(pkg),
  });
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    catalog.requests.push(`${url.pathname}${url.search}`);
    if (catalog.mode === "hang") {
      hanging.add(res);
      return;
    }
    if (catalog.mode === "garbage") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Welcome to nginx!</body></html>");
      return;
    }
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    // api v1 packages ...
    if (parts[0] !== "api" || parts[1] !== "v1" || parts[2] !== "packages") return json(res, 404, { error: "not found" });
    if (parts[3] === "search") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const family = url.searchParams.get("family");
      const results = [...packages.values()]
        .filter((pkg) => (!family || pkg.family === family) && (pkg.name.includes(q) || (pkg.summary ?? "").toLowerCase().includes(q)))
        .map((pkg) => ({ score: pkg.name === q ? 10 : 1, package: describe(pkg) }));
      return json(res, 200, { results });
    }
    const pkg = packages.get(parts[3] ?? "");
    if (!pkg) return json(res, 404, { error: `package ${parts[3]} not found` });
    if (parts.length === 4) return json(res, 200, { package: describe(pkg) });
    if (parts[4] === "download") {
      const version = pkg.versions.find((v) => v.version === url.searchParams.get("version"));
      if (!version) return json(res, 404, { error: "version not found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": version.bytes.length });
      res.end(version.bytes);
      return;
    }
    const version = parts[4] === "versions" ? pkg.versions.find((v) => v.version === parts[5]) : undefined;
    if (!version) return json(res, 404, { error: "version not found" });
    const digest = sha256(version.bytes);
    const declared = version.wrongDeclaredDigest ? sha256(Buffer.from("something else")) : digest;
    if (parts[6] === "artifact" && parts.length === 7) {
      const body =
        version.kind === "clawpack"
          ? {
              package: { name: pkg.name, family: pkg.family },
              version: {
                version: version.version,
                artifact: {
                  kind: "npm-pack",
                  format: "tgz",
                  sha256: declared,
                  npmIntegrity: `sha512-${createHash("sha512").update(version.bytes).digest("base64")}`,
                  npmShasum: createHash("sha1").update(version.bytes).digest("hex"),
                  npmTarballName: `${pkg.name}-${version.version}.tgz`,
                  size: version.bytes.length,
                },
              },
            }
          : { package: { name: pkg.name, family: pkg.family }, version: { version: version.version, sha256hash: declared } };
      return json(res, 200, body);
    }
    if (parts[6] === "artifact" && parts[7] === "download" && version.kind === "clawpack") {
      const headers: Record<string, string | number> = { "content-type": "application/octet-stream", "content-length": version.bytes.length };
      if (!version.omitHeader) headers["x-clawhub-artifact-sha256"] = version.wrongHeaderDigest ? sha256(Buffer.from("tampered")) : digest;
      headers["x-clawhub-npm-tarball-name"] = `${pkg.name}-${version.version}.tgz`;
      res.writeHead(200, headers);
      res.end(version.bytes);
      return;
    }
    return json(res, 404, { error: "not found" });
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  catalog.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return catalog;
}
