import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts", "examples/**/*.test.ts", "ui/src/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "test/.tmp/**"],
    // Example plugins resolve openclaw/plugin-sdk/* through examples/<name>/node_modules/openclaw (see the file).
    globalSetup: ["./examples/link-openclaw.ts"],
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
