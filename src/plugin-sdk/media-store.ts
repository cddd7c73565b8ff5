/**
 * The media store: save media buffers as files under the state directory's media folder.
 *
 * @packageDocumentation
 */

export { saveMediaBuffer } from "../infra/media-store.js";
export { getMediaDir } from "../infra/media-kind.js";
export type { SavedMedia } from "../infra/media-store.js";
