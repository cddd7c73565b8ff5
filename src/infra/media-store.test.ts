import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir } from "../testing/temp-dir.js";
import { saveMediaBuffer } from "./media-store.js";

const dir = createTempDir("media-store-");
const before = process.env.OPENCLAW_STATE_DIR;
beforeAll(() => {
  process.env.OPENCLAW_STATE_DIR = dir.path;
});
afterAll(() => {
  if (before === undefined) delete process.env.OPENCLAW_STATE_DIR;
  else process.env.OPENCLAW_STATE_DIR = before;
  dir.remove();
});

describe("saveMediaBuffer", () => {
  it("saves under the state dir's media folder with an extension from the type or name", async () => {
    const saved = await saveMediaBuffer(Buffer.from("png-bytes"), "image/png; q=1");
    expect(saved.path.startsWith(join(dir.path, "media", "inbound"))).toBe(true);
    expect(saved.path.endsWith(".png")).toBe(true);
    expect(saved).toMatchObject({ size: 9, contentType: "image/png" });
    expect(readFileSync(saved.path, "utf8")).toBe("png-bytes");
    const named = await saveMediaBuffer(Buffer.from("x"), undefined, "outbound", 10, "Report.PDF");
    expect(named.id).toMatch(/^outbound\/[0-9a-f-]+\.pdf$/);
  });

  it("rejects oversize buffers and subdirs that leave the media folder", async () => {
    await expect(saveMediaBuffer(Buffer.alloc(11), "text/plain", "inbound", 10)).rejects.toThrow("over the 10-byte limit");
    await expect(saveMediaBuffer(Buffer.from("x"), "text/plain", "../escape")).rejects.toThrow('Media subdir "../escape"');
  });
});
