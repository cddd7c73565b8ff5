/**
 * Media helpers: the media family of a MIME type, the media store directory, and ffmpeg/ffprobe runners.
 *
 * @packageDocumentation
 */

export { getMediaDir, kindFromMime } from "../infra/media-kind.js";
export { runFfmpeg, runFfprobe } from "../infra/ffmpeg.js";
export type { MediaKind } from "../infra/media-kind.js";
export type { MediaExecOptions } from "../infra/ffmpeg.js";
