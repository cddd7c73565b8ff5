/**
 * Splits reply text into chunks a channel can send (platform message-size limits).
 */
import type { OpenClawConfig } from "../contract/config.js";

/**
 * How text is split: by length (prefer paragraph, line, then word boundaries) or at every newline.
 *
 * @example
 * ```ts
 * const mode: ChunkMode = "newline";
 * ```
 */
export type ChunkMode = "length" | "newline";

/** Default chunk size when neither the channel nor the caller sets one. */
const DEFAULT_TEXT_CHUNK_LIMIT = 4000;

/**
 * Splits `text` into pieces of at most `limit` UTF-16 units, breaking at the last paragraph break, newline or space
 * inside the window when there is one, and hard-splitting otherwise. Empty text gives no chunks.
 *
 * @example
 * ```ts
 * for (const piece of chunkText(reply.text ?? "", 2000)) await send(piece);
 * ```
 */
export function chunkText(text: string, limit: number): string[] {
  if (!text) return [];
  const size = Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : DEFAULT_TEXT_CHUNK_LIMIT;
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    let cut = window.lastIndexOf("\n\n");
    if (cut <= 0) cut = window.lastIndexOf("\n");
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = size;
    const piece = rest.slice(0, cut).replace(/\s+$/, "");
    if (piece) chunks.push(piece);
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.trim()) chunks.push(rest);
  return chunks;
}

/**
 * Splits in the given mode: `"newline"` sends each non-empty line (long lines still split by length).
 *
 * @example
 * ```ts
 * chunkTextWithMode("a\nb", 100, "newline"); // ["a", "b"]
 * ```
 */
export function chunkTextWithMode(text: string, limit: number, mode: ChunkMode): string[] {
  if (mode !== "newline") return chunkText(text, limit);
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => chunkText(line, limit));
}

/**
 * The chunk limit for a channel account: `channels.<provider>.accounts.<id>.textChunkLimit`, then
 * `channels.<provider>.textChunkLimit`, then `opts.fallbackLimit`, then 4000.
 *
 * @example
 * ```ts
 * const limit = resolveTextChunkLimit(cfg, "telegram", accountId, { fallbackLimit: 4096 });
 * ```
 */
export function resolveTextChunkLimit(
  cfg: OpenClawConfig | undefined,
  provider?: string,
  accountId?: string | null,
  opts?: { fallbackLimit?: number },
): number {
  const positive = (value: unknown): number | undefined =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  const section = provider ? (cfg?.channels?.[provider] as Record<string, unknown> | undefined) : undefined;
  const accounts = section?.accounts as Record<string, Record<string, unknown> | undefined> | undefined;
  const account = accountId ? accounts?.[accountId] : undefined;
  return (
    positive(account?.textChunkLimit) ??
    positive(section?.textChunkLimit) ??
    positive(opts?.fallbackLimit) ??
    DEFAULT_TEXT_CHUNK_LIMIT
  );
}
