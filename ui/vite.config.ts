import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The control page: Preact + TypeScript, built into dist/ui/ (served by `openclaw gateway run` at /).
// JSX goes through Vite's own transformer (Oxc) with Preact's automatic runtime, so no framework plugin is needed.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/ui", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    assetsDir: "assets",
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
