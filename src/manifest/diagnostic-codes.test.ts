import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const docs = readFileSync(join(srcDir, "..", "docs", "plugin-manifest.md"), "utf8");

/** Every diagnostic code the manifest reader and config validation can emit, read from their source. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const folder of ["manifest", "config"]) {
    for (const file of readdirSync(join(srcDir, folder))) {
      if (!file.endsWith(".ts") || file.includes(".test")) continue;
      const text = readFileSync(join(srcDir, folder, file), "utf8");
      const patterns = [
        /code: "([a-z0-9-]+)"/g,
        /report\(\s*"(?:error|warning|info)",\s*"([a-z0-9-]+)"/g,
        /fail\(\s*"([a-z0-9-]+)"/g,
        /code: "([a-z0-9-]+)",\n/g,
      ];
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]!);
      // `${String(top)}-invalid` for the three name lists.
      if (text.includes("`${String(top)}-invalid`")) for (const list of ["channels", "providers", "skills"]) codes.add(`${list}-invalid`);
    }
  }
  return codes;
}

describe("docs/plugin-manifest.md", () => {
  it("documents every diagnostic code", () => {
    const codes = emittedCodes();
    expect(codes.size).toBeGreaterThan(40);
    const undocumented = [...codes].filter((code) => !docs.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });
});
