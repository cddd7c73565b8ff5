/**
 * Media helpers: the media family of a MIME type and the media store directory.
 *
 * @packageDocumentation
 */

export { getMediaDir, kindFromMime } from "../infra/media-kind.js";
export type { MediaKind } from "../infra/media-kind.js";
