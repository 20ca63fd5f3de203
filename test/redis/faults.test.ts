/**
 * Redis going away: stopped, frozen, absent at start, restarted empty. Calls never
 * fail for it; each process keeps to its share; sharing resumes and the day's count
 * is not forgotten.
 */
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Fiber, Layer } from "effect"
import { loadIoredis } from "../../src/internal/redis/connection.js"
import { CrispRedis } from "../../src/redis.js"
import { captureLogs } from "../support/observe.js"
import * as RedisServer from "./server.js"
import { calls, simulator, stack, state } from "./support.js"

const warnings = (lines: ReadonlyArray<string>) => lines.filter((line) => line.includes("Redis is unreachable"))
const resumed = (lines: ReadonlyArray<string>) => lines.filter((line) => line.includes("Redis answers again"))

const until = (condition: Effect.Effect<boolean>, what: string): Effect.Effect<void> =>
  Effect.gen(function*() {
    for (let i = 0; i < 300; i++) {
      if (yield* condition) return
      yield* Effect.sleep("10 millis")
    }
    return yield* Effect.dieMessage(`timed out waiting for ${what}`)
  })

describe("when Redis goes away", () => {
  it.scopedLive("stopped mid-run and restarted empty: no call fails, one warning, the day's count goes on", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const sim = yield* simulator
      const budget = { perSecond: 200, daily: 10_000 }
      const a = yield* stack(sim, redis.url, { budget })
      const b = yield* stack(sim, redis.url, { budget })
      const run = yield* Effect.fork(Effect.all([calls(a, 120, 2), calls(b, 120, 2)], { concurrency: 2 }))
      yield* Effect.sleep("200 millis")
      yield* redis.stop
      yield* Effect.sleep("250 millis")
      yield* redis.start
      const [ra, rb] = yield* Fiber.join(run)
      expect(ra.failed.concat(rb.failed)).toEqual([])
      expect(ra.ok + rb.ok).toBe(240)
      const sent = (yield* sim.fake.requests).length
      expect(sent).toBe(240)
      // the processes may still be waiting for their reconnection: wait until both share again
      for (const context of [a, b]) {
        yield* until(Effect.map(state(context), (s) => s.shared), "sharing to resume")
      }
      // Redis came back empty; each process added back what it spent today
      expect((yield* state(a)).usedToday).toBe(sent)
      expect((yield* state(b)).usedToday).toBe(sent)
      expect(warnings(logs.lines)).toHaveLength(2) // one per process
      expect(resumed(logs.lines).length).toBeGreaterThanOrEqual(1)
    }).pipe(Effect.provide(logs.layer))
  })

  it.scopedLive("a frozen Redis (commands hang) costs one command timeout, not one per call", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const sim = yield* simulator
      const a = yield* stack(sim, redis.url, { budget: { perSecond: 400 }, redis: { commandTimeout: "100 millis" } })
      yield* calls(a, 5, 1)
      yield* redis.freeze
      const started = performance.now()
      const outcome = yield* calls(a, 40, 1)
      const elapsed = performance.now() - started
      expect(outcome).toEqual({ ok: 40, exhausted: 0, failed: [] })
      // 40 calls one after another, each paying 100 ms, would take 4 s; the breaker lets
      // one call try Redis per second. At 200/s (half of 400, the default 2 replicas): ~0.3 s.
      expect(elapsed).toBeLessThan(3_000)
      expect(warnings(logs.lines)).toHaveLength(1)
      expect((yield* state(a)).shared).toBe(false)
      yield* redis.thaw
      yield* Effect.sleep("1100 millis") // the breaker's second
      yield* calls(a, 5, 1)
      yield* until(Effect.map(state(a), (s) => s.shared), "sharing to resume")
      // Redis kept its data: only what was spent meanwhile was added. The command that
      // timed out ran when Redis woke up, so it may count once more: the count errs high.
      const sent = (yield* sim.fake.requests).length
      const used = (yield* state(a)).usedToday
      expect(used).toBeGreaterThanOrEqual(sent)
      expect(used).toBeLessThanOrEqual(sent + 1)
    }).pipe(Effect.provide(logs.layer))
  })

  it.scopedLive("unreachable at start: the layer starts after connectTimeout, calls use the process's share, then join", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const redis = yield* RedisServer.make
      yield* redis.stop
      const sim = yield* simulator
      const started = performance.now()
      const a = yield* stack(sim, redis.url, { budget: { daily: 10 }, redis: { connectTimeout: "200 millis", replicas: 2 } })
      expect(performance.now() - started).toBeLessThan(1_500)
      expect(warnings(logs.lines)).toHaveLength(1)
      // half of the day's 10 while alone
      expect(yield* calls(a, 7, 1)).toEqual({ ok: 5, exhausted: 2, failed: [] })
      expect(yield* state(a)).toMatchObject({ shared: false, remainingToday: 0 })
      yield* redis.start
      yield* until(Effect.flatMap(CrispRedis.CrispRedis, (r) => r.sharing).pipe(Effect.provide(a)), "a connection")
      expect(yield* calls(a, 7, 1)).toEqual({ ok: 5, exhausted: 2, failed: [] })
      expect(yield* state(a)).toMatchObject({ shared: true, usedToday: 10, remainingToday: 0 })
    }).pipe(Effect.provide(logs.layer))
  })
})

describe("CrispRedis without ioredis, and from configuration", () => {
  it.effect("a missing ioredis is a CrispRedisError that says what to install", () =>
    Effect.gen(function*() {
      const missing = "ioredis-that-is-not-installed"
      const error = yield* Effect.flip(loadIoredis(() => import(/* @vite-ignore */ missing)))
      expect(error._tag).toBe("CrispRedisError")
      expect(error.reason).toBe("MissingPackage")
      expect(error.message).toContain("npm install ioredis")
    }))

  it.scopedLive("layerConfig reads CRISP_REDIS_URL and CRISP_REDIS_PREFIX", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const context = yield* Layer.build(CrispRedis.layerConfig()).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([
          ["CRISP_REDIS_URL", redis.url],
          ["CRISP_REDIS_PREFIX", "from-env"]
        ])))
      )
      const service = yield* Effect.provide(CrispRedis.CrispRedis, context)
      expect(service.prefix).toBe("from-env")
      expect(yield* service.sharing).toBe(true)
    }))

  it.effect("layerConfig without CRISP_REDIS_URL fails with a ConfigError naming it", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Layer.build(CrispRedis.layerConfig()).pipe(
        Effect.scoped,
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))
      ))
      expect(error._tag).not.toBe("CrispRedisError")
      expect(String(error)).toContain("CRISP_REDIS_URL")
    }))
})
