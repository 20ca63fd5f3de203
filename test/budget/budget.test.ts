import { describe, expect, it } from "@effect/vitest"
import { Clock, type Duration, Effect, Fiber, TestClock } from "effect"
import { makeBudget } from "../../src/internal/http/budget.js"

const acquireAt = (budget: ReturnType<typeof makeBudget>, times: Array<number>) =>
  Effect.zipRight(budget.acquire("GET", "x"), Effect.flatMap(Clock.currentTimeMillis, (t) => Effect.sync(() => times.push(t))))

describe("request budget", () => {
  it.effect("spaces requests at the steady rate after the burst", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 5, burst: 2 })
      const times: Array<number> = []
      const fiber = yield* Effect.fork(Effect.forEach(Array.from({ length: 6 }), () => acquireAt(budget, times), { concurrency: "unbounded" }))
      yield* TestClock.adjust("5 seconds")
      yield* Fiber.join(fiber)
      // burst of 2 at t=0, then one every 200 ms
      expect(times).toEqual([0, 0, 200, 400, 600, 800])
    }))

  it.effect("refuses past the daily allowance without waiting", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ daily: 3 })
      yield* budget.acquire("GET", "a")
      yield* budget.acquire("GET", "a")
      yield* budget.acquire("GET", "a")
      const error = yield* Effect.flip(budget.acquire("POST", "website/w/conversation"))
      expect(error._tag).toBe("CrispQuotaExhausted")
      expect(error.allowance).toBe(3)
      expect(error.resetsAt).toBe(86_400_000)
      expect(error.message).toContain("POST /website/w/conversation not sent")
      const state = yield* budget.state
      expect(state.remainingToday).toBe(0)
      expect(state.usedToday).toBe(3)
    }))

  it.effect("renews the allowance on the next UTC day", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ daily: 1 })
      yield* budget.acquire("GET", "a")
      expect((yield* Effect.flip(budget.acquire("GET", "a")))._tag).toBe("CrispQuotaExhausted")
      yield* TestClock.adjust("24 hours")
      yield* budget.acquire("GET", "a")
      expect((yield* budget.state).remainingToday).toBe(0)
    }))

  it.effect("a 429 with Retry-After eases the shared rate off by a fifth and pauses every caller for that long", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 10, burst: 1 })
      yield* budget.onRateLimited(1000)
      const state = yield* budget.state
      expect(state.currentPerSecond).toBe(8)
      expect(state.pausedUntil).toBe(1000)
      const times: Array<number> = []
      const fiber = yield* Effect.fork(Effect.forEach([1, 2, 3], () => acquireAt(budget, times), { concurrency: 3 }))
      yield* TestClock.adjust("3 seconds")
      yield* Fiber.join(fiber)
      // nobody goes before the pause ends; then one per 125 ms (8/s)
      expect(times).toEqual([1000, 1125, 1250])
    }))

  it.effect("a 429 without Retry-After halves the shared rate, and success recovers it gradually", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 10, burst: 1 })
      yield* budget.onRateLimited(undefined)
      let state = yield* budget.state
      expect(state.currentPerSecond).toBe(5)
      // without Retry-After, everybody waits one interval at the new rate
      expect(state.pausedUntil).toBe(200)
      const times: Array<number> = []
      const fiber = yield* Effect.fork(Effect.forEach([1, 2, 3], () => acquireAt(budget, times), { concurrency: 3 }))
      yield* TestClock.adjust("3 seconds")
      yield* Fiber.join(fiber)
      expect(times).toEqual([200, 400, 600])
      for (let i = 0; i < 10; i++) yield* budget.onAnswered({ epoch: 1 })
      state = yield* budget.state
      expect(state.currentPerSecond).toBeCloseTo(7, 5)
      for (let i = 0; i < 100; i++) yield* budget.onAnswered({ epoch: 1 })
      expect((yield* budget.state).currentPerSecond).toBe(10)
    }))

  it.effect("never falls below the minimum rate", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 8, minPerSecond: 2 })
      for (let i = 0; i < 10; i++) yield* budget.onRateLimited(undefined)
      expect((yield* budget.state).currentPerSecond).toBe(2)
    }))

  it.effect("a 429 to a request sent before the latest pause does not lower the rate again", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 10, burst: 10 })
      // three requests leave together; all three come back 429
      const tickets = yield* Effect.all([budget.acquire("GET", "a"), budget.acquire("GET", "a"), budget.acquire("GET", "a")])
      for (const ticket of tickets) yield* budget.onRateLimited(1000, ticket)
      const state = yield* budget.state
      expect(state.currentPerSecond).toBe(8) // eased once, not 10 * 0.8^3
      expect(state.pausedUntil).toBe(1000)
      // a request let through after that pause is news again
      const later = yield* Effect.fork(budget.acquire("GET", "a"))
      yield* TestClock.adjust("1 second")
      yield* budget.onRateLimited(1000, yield* Fiber.join(later))
      expect((yield* budget.state).currentPerSecond).toBeCloseTo(6.4, 5)
    }))

  it.effect("a Retry-After of more than a minute (a spent quota, not the rate) neither pauses nor slows anybody", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 10 })
      yield* budget.onRateLimited(3_600_000, yield* budget.acquire("GET", "a"))
      expect(yield* budget.state).toMatchObject({ currentPerSecond: 10, pausedUntil: undefined })
      yield* budget.onRateLimited(60_000, yield* budget.acquire("GET", "a"))
      expect(yield* budget.state).toMatchObject({ currentPerSecond: 8, pausedUntil: 60_000 })
    }))

  it.effect("a stale 429 with a longer Retry-After still extends the pause", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 10 })
      const [a, b] = yield* Effect.all([budget.acquire("GET", "a"), budget.acquire("GET", "a")])
      yield* budget.onRateLimited(1000, a)
      yield* budget.onRateLimited(3000, b)
      const state = yield* budget.state
      expect(state.pausedUntil).toBe(3000)
      expect(state.currentPerSecond).toBe(8)
    }))
})

describe("request budget without a configured rate", () => {
  const succeed = (budget: ReturnType<typeof makeBudget>, n: number) =>
    Effect.forEach(Array.from({ length: n }), () => Effect.flatMap(budget.acquire("GET", "a"), budget.onAnswered), { discard: true })

  it.effect("sends unpaced until the first 429, then paces at what succeeded over the last second", () =>
    Effect.gen(function*() {
      const budget = makeBudget({})
      yield* succeed(budget, 40)
      expect((yield* budget.state).currentPerSecond).toBeUndefined()
      const refused = yield* budget.acquire("GET", "a")
      yield* budget.onRateLimited(500, refused)
      expect((yield* budget.state).currentPerSecond).toBe(40)
      const times: Array<number> = []
      const fiber = yield* Effect.fork(Effect.forEach([1, 2, 3, 4], () => acquireAt(budget, times), { concurrency: 4 }))
      yield* TestClock.adjust("2 seconds")
      yield* Fiber.join(fiber)
      // after the pause, one every 25 ms (40/s), no burst
      expect(times).toEqual([500, 525, 550, 575])
    }))

  it.effect("the window slides: the previous second counts by how much of it is still within a second", () =>
    Effect.gen(function*() {
      /** 40 successes, then 10 more `later`, then a 429: the rate learnt. */
      const learnt = (later: Duration.DurationInput) =>
        Effect.gen(function*() {
          const budget = makeBudget({})
          yield* succeed(budget, 40)
          yield* TestClock.adjust(later)
          yield* succeed(budget, 10)
          yield* budget.onRateLimited(1000, yield* budget.acquire("GET", "a"))
          return (yield* budget.state).currentPerSecond
        })
      // 10 in this window, and three quarters of the previous window's 40
      expect(yield* learnt("1250 millis")).toBe(40)
      // the 40 are two windows old: forgotten
      expect(yield* learnt("2500 millis")).toBe(10)
    }))

  it.effect("with nothing to learn from (no success yet), a 429 without Retry-After neither paces nor pauses", () =>
    Effect.gen(function*() {
      const budget = makeBudget({})
      yield* budget.onRateLimited(undefined, yield* budget.acquire("GET", "a"))
      const state = yield* budget.state
      expect(state.currentPerSecond).toBeUndefined()
      expect(state.pausedUntil).toBeUndefined()
    }))

  it.effect("probes upward while callers wait for slots, and not when they do not", () =>
    Effect.gen(function*() {
      const budget = makeBudget({})
      yield* succeed(budget, 20)
      yield* budget.onRateLimited(0, yield* budget.acquire("GET", "a"))
      expect((yield* budget.state).currentPerSecond).toBe(20)
      // more demand than 20/s: 40 calls at once
      const fiber = yield* Effect.fork(succeed(budget, 1).pipe(Effect.replicateEffect(40, { concurrency: 40 })))
      yield* TestClock.adjust("3 seconds")
      yield* Fiber.join(fiber)
      const raised = (yield* budget.state).currentPerSecond!
      // +0.01/s for each answer while others waited (the first of the 40 did not wait)
      expect(raised).toBeCloseTo(20 + 39 * 0.01, 5)
      // a quiet spell, then single calls that never wait: no probing
      yield* TestClock.adjust("5 seconds")
      yield* succeed(budget, 1)
      yield* TestClock.adjust("1 second")
      yield* succeed(budget, 1)
      expect((yield* budget.state).currentPerSecond).toBeCloseTo(raised, 5)
    }))

  it.effect("later 429s ease the learnt rate like a configured one, down to the floor of 1/s", () =>
    Effect.gen(function*() {
      const budget = makeBudget({})
      yield* succeed(budget, 10)
      yield* budget.onRateLimited(100, yield* budget.acquire("GET", "a"))
      yield* TestClock.adjust("1 second")
      yield* budget.onRateLimited(100, yield* budget.acquire("GET", "a"))
      expect((yield* budget.state).currentPerSecond).toBe(8)
      for (let i = 0; i < 20; i++) {
        yield* TestClock.adjust("2 seconds")
        yield* budget.onRateLimited(undefined, yield* budget.acquire("GET", "a"))
      }
      expect((yield* budget.state).currentPerSecond).toBe(1)
    }))

  it.effect("adaptive: false only honours Retry-After, for every caller", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ adaptive: false })
      yield* succeed(budget, 30)
      yield* budget.onRateLimited(700, yield* budget.acquire("GET", "a"))
      const state = yield* budget.state
      expect(state.currentPerSecond).toBeUndefined()
      expect(state.pausedUntil).toBe(700)
      const times: Array<number> = []
      const fiber = yield* Effect.fork(Effect.forEach([1, 2, 3], () => acquireAt(budget, times), { concurrency: 3 }))
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      expect(times).toEqual([700, 700, 700])
    }))
})
