/**
 * The media store: inbound and outbound media saved as files under the state directory's `media` folder.
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { getMediaDir } from "./media-kind.js";

/**
 * A saved media file.
 *
 * @example
 * ```ts
 * const saved: SavedMedia = { id: "inbound/3f…c1.png", path: "/home/ada/.openclaw/media/inbound/3f…c1.png", size: 1024, contentType: "image/png" };
 * ```
 */
export interface SavedMedia {
  id: string;
  path: string;
  size: number;
  contentType?: string;
}

const EXTENSIONS: Record<string, string> = {
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "image/webp": ".webp",
  "audio/ogg": ".ogg",
  "audio/mpeg": ".mp3",
  "audio/wav": ".wav",
  "video/mp4": ".mp4",
  "application/pdf": ".pdf",
  "text/plain": ".txt",
};

/** Default size ceiling of one saved media file. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Saves `buffer` as `<media dir>/<subdir>/<uuid><ext>` (default subdir `inbound`; the extension from `filename`, else
 * from `contentType`), written to a temp name and renamed so readers never see a partial file. Rejects a buffer larger
 * than `maxBytes` (default 50 MiB) or a `subdir` that leaves the media directory.
 *
 * @example
 * ```ts
 * const saved = await saveMediaBuffer(bytes, "image/png", "inbound");
 * ctx.mediaPaths.push(saved.path);
 * ```
 */
export async function saveMediaBuffer(
  buffer: Buffer | Uint8Array,
  contentType?: string,
  subdir = "inbound",
  maxBytes = DEFAULT_MAX_BYTES,
  filename?: string,
): Promise<SavedMedia> {
  if (buffer.byteLength > maxBytes) {
    throw new Error(`Media is ${buffer.byteLength} bytes, over the ${maxBytes}-byte limit; not saved.`);
  }
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(subdir)) {
    throw new Error(`Media subdir "${subdir}" must be letters, digits, "_" or "-" segments inside the media directory.`);
  }
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  const fromName = filename ? /\.[A-Za-z0-9]{1,8}$/.exec(filename)?.[0]?.toLowerCase() : undefined;
  const extension = fromName ?? (type ? EXTENSIONS[type] : undefined) ?? "";
  const dir = join(getMediaDir(), subdir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${randomUUID()}${extension}`;
  const path = join(dir, name);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, buffer, { mode: 0o600 });
  await rename(temp, path);
  return { id: `${subdir}/${name}`, path, size: buffer.byteLength, ...(type ? { contentType: type } : {}) };
}
