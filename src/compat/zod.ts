/**
 * zod for plugins that import it through the SDK instead of depending on it themselves.
 */
export { z } from "zod";
