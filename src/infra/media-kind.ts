/**
 * Media families from MIME types, and the media store directory.
 */
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The media families attachments are sorted into.
 *
 * @example
 * ```ts
 * const kind: MediaKind = "image";
 * ```
 */
export type MediaKind = "image" | "audio" | "video" | "document" | "sticker" | "unknown";

/**
 * The media family of a MIME type (parameters and case ignored): image, audio, video, document for text/, pdf,
 * office and archive types; `undefined` for an empty input.
 *
 * @example
 * ```ts
 * kindFromMime("Image/PNG; charset=binary"); // "image"
 * ```
 */
export function kindFromMime(mime?: string | null): MediaKind | undefined {
  const type = mime?.split(";")[0]?.trim().toLowerCase();
  if (!type) return undefined;
  if (type === "image/webp+sticker" || type === "application/x-tgsticker") return "sticker";
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("audio/")) return "audio";
  if (type.startsWith("video/")) return "video";
  if (
    type.startsWith("text/") ||
    type === "application/pdf" ||
    type === "application/json" ||
    type === "application/zip" ||
    type.startsWith("application/vnd.") ||
    type === "application/msword" ||
    type === "application/rtf"
  ) {
    return "document";
  }
  return "unknown";
}

/**
 * The media store directory: `$OPENCLAW_STATE_DIR/media`, else `~/.openclaw/media` (not created).
 *
 * @example
 * ```ts
 * const dir = getMediaDir();
 * ```
 */
export function getMediaDir(): string {
  const stateDir = process.env.OPENCLAW_STATE_DIR?.trim() || join(homedir(), ".openclaw");
  return join(stateDir, "media");
}
