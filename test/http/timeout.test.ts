import { describe, expect, it } from "@effect/vitest"
import { Deferred, Duration, Effect, Exit, Fiber, FiberRef, TestClock } from "effect"
import { timeoutFail } from "../../src/internal/http/timeout.js"
import * as Crisp from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import * as CrispHttp from "../../src/CrispHttp.js"

class TimedOut {
  readonly _tag = "TimedOut"
}

const limit = (millis: number) => <A, E, R>(self: Effect.Effect<A, E, R>) =>
  timeoutFail(self, Duration.millis(millis), () => new TimedOut())

describe("timeoutFail (live clock: one child fiber and a timer)", () => {
  it.live("passes a success through; FiberRef changes stay in the child", () =>
    Effect.gen(function*() {
      const ref = FiberRef.unsafeMake(0)
      const result = yield* FiberRef.set(ref, 7).pipe(Effect.zipRight(FiberRef.get(ref)), limit(1_000))
      expect(result).toBe(7)
      expect(yield* FiberRef.get(ref)).toBe(0)
    }))

  it.live("a local FiberRef value holds inside only", () =>
    Effect.gen(function*() {
      const ref = FiberRef.unsafeMake("outside")
      const inside = yield* timeoutFail(FiberRef.get(ref), Duration.seconds(1), () => new TimedOut(), { ref, value: "inside" })
      expect([inside, yield* FiberRef.get(ref)]).toEqual(["inside", "outside"])
    }))

  it.live("passes a failure and a defect through unchanged", () =>
    Effect.gen(function*() {
      expect(yield* Effect.flip(Effect.fail("boom").pipe(limit(1_000)))).toBe("boom")
      const exit = yield* Effect.exit(Effect.die("bad").pipe(limit(1_000)))
      expect(Exit.isFailure(exit) && exit.cause._tag).toBe("Die")
    }))

  it.live("an effect that ends synchronously works too", () =>
    Effect.gen(function*() {
      expect(yield* Effect.succeed(1).pipe(limit(1_000))).toBe(1)
    }))

  it.live("times out after about the duration, having interrupted and awaited the effect", () =>
    Effect.gen(function*() {
      const finalized = yield* Deferred.make<number>()
      const started = performance.now()
      const error = yield* Effect.never.pipe(
        Effect.onInterrupt(() => Deferred.succeed(finalized, performance.now())),
        limit(60),
        Effect.flip
      )
      const elapsed = performance.now() - started
      expect(error).toBeInstanceOf(TimedOut)
      expect(elapsed).toBeGreaterThanOrEqual(55)
      expect(elapsed).toBeLessThan(1_000)
      // The finalizer ran before the timeout error was returned.
      expect(yield* Deferred.isDone(finalized)).toBe(true)
    }))

  it.live("interrupting the caller interrupts the effect", () =>
    Effect.gen(function*() {
      const running = yield* Deferred.make<void>()
      const interrupted = yield* Deferred.make<void>()
      const fiber = yield* Effect.fork(
        Deferred.succeed(running, undefined).pipe(
          Effect.zipRight(Effect.never),
          Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined)),
          limit(5_000)
        )
      )
      yield* Deferred.await(running)
      yield* Fiber.interrupt(fiber)
      expect(yield* Deferred.isDone(interrupted)).toBe(true)
    }))

  it.live("a duration beyond what setTimeout holds does not fire at once", () =>
    Effect.gen(function*() {
      const result = yield* Effect.sleep("20 millis").pipe(
        Effect.as("ok"),
        (self) => timeoutFail(self, Duration.days(40), () => new TimedOut())
      )
      expect(result).toBe("ok")
    }))
})

describe("timeoutFail under the TestClock", () => {
  it.effect("follows the TestClock, not real time", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(Effect.sleep("10 seconds").pipe(limit(1_000))))
      yield* TestClock.adjust("999 millis")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.join(fiber)).toBeInstanceOf(TimedOut)
    }))

  it.effect("a local FiberRef value holds inside only", () =>
    Effect.gen(function*() {
      const ref = FiberRef.unsafeMake("outside")
      const inside = yield* timeoutFail(FiberRef.get(ref), Duration.seconds(1), () => new TimedOut(), { ref, value: "inside" })
      expect([inside, yield* FiberRef.get(ref)]).toEqual(["inside", "outside"])
    }))

  it.effect("a success before the TestClock reaches the timeout is returned", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.sleep("500 millis").pipe(Effect.as("early"), limit(1_000)))
      yield* TestClock.adjust("600 millis")
      expect(yield* Fiber.join(fiber)).toBe("early")
    }))
})

Crisp.eachTransport((Crisp) => {
  describe("CrispHttp timeout, over real HTTP", () => {
    it.scopedLive("a timed-out request's connection is closed, and the next call succeeds", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(
          { ...Loopback.envelope({ n: 1 }), delayMs: 2_000 },
          Loopback.envelope({ n: 2 })
        ))
        const layer = Crisp.layer(server, { retry: false, timeout: "80 millis" })
        const error = yield* Effect.flip(CrispHttp.request({ method: "GET", path: "slow" }).pipe(Effect.provide(layer)))
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "timeout" })
        expect(error.message).toContain("80")
        // The next call on the same layer, with room to spare on a loaded machine.
        const data = yield* CrispHttp.request({ method: "GET", path: "fast" }).pipe(
          CrispHttp.withRequestOptions({ timeout: "5 seconds" }),
          Effect.provide(layer)
        )
        expect(data).toEqual({ n: 2 })
        expect((yield* server.requests).map((r) => r.url)).toEqual(["/v1/slow", "/v1/fast"])
      }))

    it.scopedLive("the timeout covers the body too: an answer whose body stalls times out", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ ...Loopback.envelope({ n: 1 }), stallBodyMs: 2_000 }))
        const started = performance.now()
        const error = yield* Effect.flip(
          CrispHttp.request({ method: "GET", path: "stalls" }).pipe(Effect.provide(Crisp.layer(server, { retry: false, timeout: "100 millis" })))
        )
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "timeout" })
        expect(performance.now() - started).toBeLessThan(1_500)
      }))

    it.live("interrupting a call aborts its request: the server sees the connection close", () =>
      Effect.scoped(Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ ...Loopback.envelope({ n: 1 }), delayMs: 5_000 }))
        const fiber = yield* Effect.fork(
          CrispHttp.request({ method: "GET", path: "slow" }).pipe(Effect.provide(Crisp.layer(server, { retry: false, timeout: "10 seconds" })))
        )
        yield* server.awaitRequests(1)
        const started = performance.now()
        yield* Fiber.interrupt(fiber)
        yield* server.awaitAbandoned(1)
        expect(performance.now() - started).toBeLessThan(1_500)
      })))
  })
})
