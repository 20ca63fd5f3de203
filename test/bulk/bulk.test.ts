import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, Stream, TestClock } from "effect"
import { CrispHttp, WebsiteConversations } from "../../src/index.js"
import { CrispTest } from "../../src/testing.js"

const W = "website-1"
const conversations = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ website_id: W, session_id: `session_${i}`, updated_at: 1_000_000 + i }))

describe("bulk work within Crisp's limits", () => {
  it.effect("a stream over 1,000 conversations spends 20 requests at 50 per page, plus at most one more", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const all = yield* Stream.runCollect(WebsiteConversations.stream(W))
      expect(all.length).toBe(1000)
      expect(new Set([...all].map((c) => c.session_id)).size).toBe(1000)
      const log = yield* control.requests
      expect(log.length).toBeGreaterThanOrEqual(20)
      expect(log.length).toBeLessThanOrEqual(21)
      expect(log.every((r) => r.query.per_page === "50")).toBe(true)
    }).pipe(Effect.provide(CrispTest.layer({ conversations: conversations(1000) }))))

  it.effect("a short last page ends the walk without another request", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const all = yield* Stream.runCollect(WebsiteConversations.stream(W))
      expect(all.length).toBe(1010)
      // 20 full pages and one of 10: no 22nd request
      expect((yield* control.requests).length).toBe(21)
    }).pipe(Effect.provide(CrispTest.layer({ conversations: conversations(1010) }))))

  it.effect("a 429 slows every fiber: nobody sends during the Retry-After pause", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      // the 5th request is refused with Retry-After: 2 (seconds)
      yield* control.failNext(429, { times: 1, headers: { "retry-after": "2" } })
      const fiber = yield* Effect.fork(Effect.forEach(
        Array.from({ length: 40 }, (_, i) => i),
        () => WebsiteConversations.getList(W, 1),
        { concurrency: 8 }
      ))
      yield* TestClock.adjust("10 seconds")
      const results = yield* Fiber.join(fiber)
      expect(results).toHaveLength(40)
      const log = yield* control.requests
      const refused = log.findIndex((r) => r.status === 429)
      expect(refused).toBeGreaterThanOrEqual(0)
      const refusedAt = log[refused]!.timestamp
      const later = log.slice(refused + 1)
      expect(later.length).toBe(40 - refused)
      // requests already in flight when the 429 came back do not count: the budget acts on the next ones
      for (const request of later) expect(request.timestamp).toBeGreaterThanOrEqual(refusedAt + 2000)
      // the shared rate halved and is recovering
      const state = yield* CrispHttp.budgetState
      expect(state.currentPerSecond).toBeGreaterThan(10)
      expect(state.currentPerSecond).toBeLessThanOrEqual(20)
    }).pipe(Effect.provide(CrispTest.layer(undefined, { http: { budget: { perSecond: 20, burst: 1 } } }))))

  it.effect("past the daily allowance a call fails with CrispQuotaExhausted and sends nothing", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* Effect.forEach([1, 2, 3, 4, 5], () => WebsiteConversations.getList(W, 1))
      const error = yield* Effect.flip(WebsiteConversations.sendMessage(W, "s", {
        type: "text", content: "x", from: "operator", origin: "chat"
      }))
      expect(error._tag).toBe("CrispQuotaExhausted")
      expect((yield* control.requests).length).toBe(5)
      expect((yield* CrispHttp.budgetState).remainingToday).toBe(0)
    }).pipe(Effect.provide(CrispTest.layer(undefined, { http: { budget: { daily: 5 } } }))))

  it.effect("1,000 concurrent calls against a FakeCrisp limited to 50 req/s: no failure, (almost) no refusal", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.limit({ perSecond: 50, status: 429, retryAfter: true })
      const fiber = yield* Effect.fork(Effect.forEach(
        Array.from({ length: 1000 }, (_, i) => i),
        () => WebsiteConversations.getList(W, 1),
        { concurrency: 64 }
      ))
      // 1,000 requests at 50/s take 20 s of (test) time
      yield* TestClock.adjust("25 seconds")
      const results = yield* Fiber.join(fiber)
      expect(results).toHaveLength(1000)
      const log = yield* control.requests
      const refused = log.filter((r) => r.status === 429).length
      // the budget keeps us under the limit: (almost) nothing is refused
      expect(refused).toBeLessThanOrEqual(5)
    }).pipe(Effect.provide(CrispTest.layer(undefined, { http: { budget: { perSecond: 50 } } }))))
})

describe("the adaptive default (no budget configured)", () => {
  const burst =
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.limit({ perSecond: 50, status: 429, retryAfter: true })
      let failures = 0
      let finishedAt = -1
      const fiber = yield* Effect.fork(Effect.forEach(
        Array.from({ length: 600 }, (_, i) => i),
        () => Effect.catchAll(WebsiteConversations.getList(W, 1), () => Effect.sync(() => void failures++)),
        { concurrency: 32, discard: true }
      ).pipe(Effect.zipRight(Effect.flatMap(Clock.currentTimeMillis, (t) => Effect.sync(() => void (finishedAt = t))))))
      yield* TestClock.adjust("60 seconds")
      yield* Fiber.join(fiber)
      const log = yield* control.requests
      return { failures, finishedAt, refused: log.filter((r) => r.status === 429).length, state: yield* CrispHttp.budgetState }
    })

  it.effect("600 calls, 32 at a time, against 50 req/s with 429 + Retry-After: 1: few refusals, no failure, near the ideal time", () =>
    Effect.gen(function*() {
      const { failures, finishedAt, refused, state } = yield* burst
      expect(failures).toBe(0)
      // the first wave (what was in flight when the first 429 came) and at most a few more
      expect(refused).toBeLessThanOrEqual(35)
      // ideal: 50 at once, then 550 at 50/s = 11 s
      expect(finishedAt).toBeLessThanOrEqual(11_000 * 1.2)
      // the rate learnt is what succeeded: about 50/s
      expect(state.configuredPerSecond).toBeUndefined()
      expect(state.currentPerSecond).toBeGreaterThan(40)
      expect(state.currentPerSecond).toBeLessThan(60)
    }).pipe(Effect.provide(CrispTest.layer())))
})
