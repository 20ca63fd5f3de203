import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url))

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; point it at the sources.
    alias: [
      { find: /^effect-crisp$/, replacement: src("index.ts") },
      { find: /^effect-crisp\/(realtime|webhooks|testing|redis|node)$/, replacement: src("$1.ts") }
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks"
  }
})
