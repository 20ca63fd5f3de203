import { defineConfig } from "tsup"

export default defineConfig({
  entry: {
    index: "src/index.ts",
    realtime: "src/realtime.ts",
    webhooks: "src/webhooks.ts",
    testing: "src/testing.ts",
    redis: "src/redis.ts"
  },
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "node20",
  external: ["effect", "@effect/platform", "isomorphic-ws", "ws", "socket.io", "ioredis"]
})
