/**
 * The shared budget against a real redis-server, with several `CrispHttp` stacks in
 * one test process standing for processes: each has its own Redis connection and
 * shares nothing with the others but Redis.
 */
import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Layer } from "effect"
import { CrispRedis } from "../../src/redis.js"
import * as RedisServer from "./server.js"
import { calls, IDENTIFIER, KEY, simulator, stack, state } from "./support.js"

/** A Redis, a FakeCrisp and two "processes" on them with the same budget. */
const pair = (budget: NonNullable<Parameters<typeof stack>[2]>["budget"]) =>
  Effect.gen(function*() {
    const redis = yield* RedisServer.make
    const sim = yield* simulator
    const a = yield* stack(sim, redis.url, { budget })
    const b = yield* stack(sim, redis.url, { budget })
    return { redis, sim, a, b }
  })

describe("shared budget on Redis", () => {
  it.scopedLive("two processes draw from one daily allowance, and both report the shared numbers", () =>
    Effect.gen(function*() {
      const { a, b, sim } = yield* pair({ daily: 10 })
      const [ra, rb] = yield* Effect.all([calls(a, 7), calls(b, 7)], { concurrency: 2 })
      expect(ra.failed).toEqual([])
      expect(rb.failed).toEqual([])
      expect(ra.ok + rb.ok).toBe(10)
      expect(ra.exhausted + rb.exhausted).toBe(4)
      // refused up front: only 10 requests reached Crisp
      expect((yield* sim.fake.requests).length).toBe(10)
      for (const context of [a, b]) {
        const s = yield* state(context)
        expect(s).toMatchObject({ shared: true, usedToday: 10, remainingToday: 0 })
      }
    }))

  it.scopedLive("without Redis the same two processes each spend their own allowance", () =>
    Effect.gen(function*() {
      const sim = yield* simulator
      const a = yield* stack(sim, "", { alone: true, budget: { daily: 10 } })
      const b = yield* stack(sim, "", { alone: true, budget: { daily: 10 } })
      const [ra, rb] = yield* Effect.all([calls(a, 7), calls(b, 7)], { concurrency: 2 })
      expect(ra.ok + rb.ok).toBe(14)
      expect((yield* state(a)).shared).toBe(false)
    }))

  it.scopedLive("past the allowance a call is refused at once, while callers let through still wait for their slots", () =>
    Effect.gen(function*() {
      const { a, b, sim } = yield* pair({ perSecond: 2, burst: 1, daily: 2 })
      const order: Array<string> = []
      const call = (context: typeof a, name: string) =>
        Effect.tap(calls(context, 1, 1), (r) => Effect.sync(() => order.push(`${name}:${r.ok === 1 ? "ok" : "refused"}`)))
      yield* call(a, "first")
      // the second waits 500 ms for its slot; the third, in the other process, is refused meanwhile
      yield* Effect.all([call(a, "second"), Effect.zipRight(Effect.sleep("50 millis"), call(b, "third"))], { concurrency: 2 })
      expect(order).toEqual(["first:ok", "third:refused", "second:ok"])
      expect((yield* sim.fake.requests).length).toBe(2)
    }))

  it.scopedLive("keys carry the prefix and the token identifier, never the key; another prefix is another budget", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const sim = yield* simulator
      const a = yield* stack(sim, redis.url, { budget: { daily: 3 }, redis: { prefix: "team-a" } })
      const b = yield* stack(sim, redis.url, { budget: { daily: 3 }, redis: { prefix: "team-b" } })
      expect((yield* calls(a, 3)).ok).toBe(3)
      expect((yield* calls(b, 3)).ok).toBe(3)
      const keys = redis.cli("--scan").split("\n").filter((k) => k !== "").sort()
      expect(keys).toEqual([`team-a:budget:${IDENTIFIER}`, `team-b:budget:${IDENTIFIER}`])
      const dump = redis.cli("hgetall", `team-a:budget:${IDENTIFIER}`)
      expect(dump).not.toContain(KEY)
      expect(Number(redis.cli("pttl", `team-a:budget:${IDENTIFIER}`))).toBeGreaterThan(86_400_000)
    }))

  it.scopedLive("the steady rate is one for all: two processes at 100/s, burst 1, take the time of 40 requests", () =>
    Effect.gen(function*() {
      const { a, b, sim } = yield* pair({ perSecond: 100, burst: 1 })
      const started = performance.now()
      yield* Effect.all([calls(a, 20, 8), calls(b, 20, 8)], { concurrency: 2 })
      const elapsed = performance.now() - started
      // 40 slots 10 ms apart: at least 390 ms (each process alone would take 190 ms)
      expect(elapsed).toBeGreaterThanOrEqual(380)
      expect((yield* sim.fake.requests).length).toBe(40)
    }))

  it.scopedLive("time comes from Redis: a process whose clock is a day ahead counts against the same day", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const sim = yield* simulator
      const a = yield* stack(sim, redis.url, { budget: { daily: 6 } })
      const live = Clock.make()
      const DAY = 86_400_000
      const skewed: Clock.Clock = {
        [Clock.ClockTypeId]: Clock.ClockTypeId,
        unsafeCurrentTimeMillis: () => live.unsafeCurrentTimeMillis() + DAY,
        currentTimeMillis: Effect.sync(() => live.unsafeCurrentTimeMillis() + DAY),
        unsafeCurrentTimeNanos: () => live.unsafeCurrentTimeNanos() + BigInt(DAY) * 1_000_000n,
        currentTimeNanos: Effect.sync(() => live.unsafeCurrentTimeNanos() + BigInt(DAY) * 1_000_000n),
        sleep: (duration) => live.sleep(duration)
      }
      const b = yield* stack(sim, redis.url, { budget: { daily: 6 } }).pipe(Effect.withClock(skewed))
      const [ra, rb] = yield* Effect.all([calls(a, 4), calls(b, 4).pipe(Effect.withClock(skewed))], { concurrency: 2 })
      expect(ra.ok + rb.ok).toBe(6)
      expect(ra.exhausted + rb.exhausted).toBe(2)
    }))

  it.scopedLive("the day is Crisp's UTC day: yesterday's count does not hold today", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const sim = yield* simulator
      const a = yield* stack(sim, redis.url, { budget: { daily: 5 } })
      expect((yield* calls(a, 5)).ok).toBe(5)
      expect((yield* calls(a, 1)).exhausted).toBe(1)
      const key = `effect-crisp:budget:${IDENTIFIER}`
      const today = Number(redis.cli("hget", key, "d"))
      expect(today).toBe(Math.floor(Date.now() / 86_400_000))
      redis.cli("hset", key, "d", String(today - 1))
      expect((yield* calls(a, 5)).ok).toBe(5)
      expect((yield* state(a)).usedToday).toBe(5)
    }))

  it.scopedLive("a 429 with Retry-After pauses every process; the other process's calls wait too", () =>
    Effect.gen(function*() {
      const { a, b, redis, sim } = yield* pair({ perSecond: 100, burst: 1 })
      yield* calls(a, 3)
      yield* sim.fake.failNext(429, { headers: { "retry-after": "0.4" } })
      const [ra, rb] = yield* Effect.all([calls(a, 20, 3), calls(b, 20, 3)], { concurrency: 2 })
      expect(ra.failed.concat(rb.failed)).toEqual([])
      const log = yield* sim.fake.requests
      const refused = log.filter((r) => r.status === 429)
      expect(refused).toHaveLength(1)
      // The pause began when the 429 reached Redis (the same machine's clock) and lasts 0.4 s.
      const pausedUntil = Number(redis.cli("hget", `effect-crisp:budget:${IDENTIFIER}`, "p"))
      const pausedAt = pausedUntil - 400
      expect(pausedAt).toBeGreaterThanOrEqual(refused[0]!.timestamp)
      // What the six callers had already been let through may land; nothing else until it ends
      // (at 100/s, 40 would), then both processes go on.
      expect(log.filter((r) => r.timestamp > pausedAt && r.timestamp < pausedUntil - 5).length).toBeLessThanOrEqual(5)
      expect(log.filter((r) => r.timestamp >= pausedUntil - 5).length).toBeGreaterThanOrEqual(30)
      const s = yield* state(b)
      // the rate eased by a fifth for everybody and is recovering
      expect(s.currentPerSecond).toBeGreaterThan(80)
      expect(s.currentPerSecond).toBeLessThanOrEqual(100)
    }))

  it.scopedLive("a 429 with a Retry-After of an hour (a spent quota) fails that call and pauses nobody", () =>
    Effect.gen(function*() {
      const { a, b, sim } = yield* pair({ perSecond: 100 })
      yield* sim.fake.failNext(429, { headers: { "retry-after": "3600" } })
      const first = yield* calls(a, 1, 1)
      expect(first.failed).toEqual(["CrispRateLimited"])
      const started = performance.now()
      expect(yield* calls(b, 5, 1)).toEqual({ ok: 5, exhausted: 0, failed: [] })
      expect(performance.now() - started).toBeLessThan(5_000)
      expect((yield* state(b)).pausedUntil).toBeUndefined()
    }))
})

describe("CrispRedis.layer options", () => {
  it.effect("a bad URL, prefix or number is a CrispRedisError that does not repeat the URL", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<[CrispRedis.Options, RegExp]> = [
        [{ url: "http://:hunter2@127.0.0.1:6379" }, /redis:\/\/ or rediss:\/\//],
        [{ url: "not a url hunter2" }, /redis:\/\/ or rediss:\/\//],
        [{ url: "redis://127.0.0.1:1", prefix: "" }, /prefix/],
        [{ url: "redis://127.0.0.1:1", prefix: "has space" }, /prefix/],
        [{ url: "redis://127.0.0.1:1", replicas: 0 }, /replicas/],
        [{ url: "redis://127.0.0.1:1", replicas: 1.5 }, /replicas/],
        [{ url: "redis://127.0.0.1:1", commandTimeout: -5 }, /commandTimeout/]
      ]
      for (const [options, message] of cases) {
        const error = yield* Effect.flip(Layer.build(CrispRedis.layer(options)).pipe(Effect.scoped))
        expect(error._tag).toBe("CrispRedisError")
        expect(error.reason).toBe("InvalidOption")
        expect(error.message).toMatch(message)
        expect(error.message).not.toContain("hunter2")
      }
    }))
})
