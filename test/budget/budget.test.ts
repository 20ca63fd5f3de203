import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, TestClock } from "effect"
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
      for (let i = 0; i < 10; i++) yield* budget.onAnswered({ epoch: 1 })({ epoch: 1 })
      state = yield* budget.state
      expect(state.currentPerSecond).toBeCloseTo(7, 5)
      for (let i = 0; i < 100; i++) yield* budget.onAnswered({ epoch: 1 })({ epoch: 1 })
      expect((yield* budget.state).currentPerSecond).toBe(10)
    }))

  it.effect("never falls below the minimum rate", () =>
    Effect.gen(function*() {
      const budget = makeBudget({ perSecond: 8, minPerSecond: 2 })
      for (let i = 0; i < 10; i++) yield* budget.onRateLimited(undefined)
      expect((yield* budget.state).currentPerSecond).toBe(2)
    }))
})
