/**
 * Typed readers for tool-call parameters with errors that name the parameter.
 *
 * @packageDocumentation
 */

export { readNumberParam, readPositiveIntegerParam, readStringArrayParam, readStringOrNumberParam, readStringParam } from "../infra/param-readers.js";
export type { StringParamOptions } from "../infra/param-readers.js";
