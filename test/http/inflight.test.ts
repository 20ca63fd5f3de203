/**
 * Interrupting a call: a POST handed to the client runs to its answer (or is reported),
 * a POST not sent yet is never sent, a GET is simply aborted. Over a real loopback
 * server that sees what the client did.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Fiber, type Scope } from "effect"
import * as Crisp from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { captureLogs } from "../support/observe.js"
import { slowServer } from "../support/slow.js"

const { getConversation, ids, sendMessage } = Crisp

const post = sendMessage({ ...ids, body: { type: "text", content: "hello" } })

const interruptOnArrival = <A, E>(
  call: Effect.Effect<A, E>,
  arrived: Effect.Effect<void>
): Effect.Effect<{ readonly exit: Exit.Exit<A, E>; readonly millis: number }, never, Scope.Scope> =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(call)
    yield* arrived
    const start = performance.now()
    const exit = yield* Fiber.interrupt(fiber)
    return { exit, millis: performance.now() - start }
  })

describe("interrupting a call", () => {
  it.scopedLive("a POST in flight runs to its answer before the fiber stops; the server's answer is read", () =>
    Effect.gen(function*() {
      const server = yield* slowServer(150)
      const logs = captureLogs()
      const { exit, millis } = yield* interruptOnArrival(
        post.pipe(Effect.provide(Crisp.layer(server, { retry: false })), Effect.provide(logs.layer)),
        server.arrived
      )
      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(millis).toBeGreaterThanOrEqual(100)
      expect(server.seen).toHaveLength(1)
      expect(server.seen[0]).toMatchObject({ method: "POST", body: `{"type":"text","content":"hello"}`, answered: true, aborted: false })
      expect(logs.lines.some((line) => line.includes("was in flight when interrupted; it completed"))).toBe(true)
    }))

  it.scopedLive("a GET in flight is aborted at once (it can simply be asked again)", () =>
    Effect.gen(function*() {
      const server = yield* slowServer(1_000)
      const { exit, millis } = yield* interruptOnArrival(
        getConversation(ids).pipe(Effect.provide(Crisp.layer(server, { retry: false }))),
        server.arrived
      )
      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(millis).toBeLessThan(500)
      for (let i = 0; i < 100 && !server.seen[0]!.aborted; i++) yield* Effect.sleep("5 millis")
      expect(server.seen[0]).toMatchObject({ method: "GET", answered: false, aborted: true })
    }))

  it.scopedLive("a POST in flight that gets no answer ends at its timeout and is reported as a warning", () =>
    Effect.gen(function*() {
      const server = yield* slowServer(undefined)
      const logs = captureLogs()
      const { exit, millis } = yield* interruptOnArrival(
        // Long enough that the interruption surely lands while the request is in flight.
        post.pipe(Effect.provide(Crisp.layer(server, { retry: false, timeout: "500 millis" })), Effect.provide(logs.layer)),
        server.arrived
      )
      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(millis).toBeGreaterThanOrEqual(100)
      const warnings = logs.lines.filter((line) => line.includes("level=WARN"))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain("POST /website/w1/conversation/s1/message was in flight when interrupted and failed")
      expect(warnings[0]).toContain("timeout")
      expect(warnings[0]).toContain("may or may not have performed it")
    }))

  it.scopedLive("a POST interrupted while waiting to retry a 429 is not sent again", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(Loopback.always(Loopback.failure(429, "rate_limited", { "retry-after": "1" })))
      const fiber = yield* Effect.fork(post.pipe(Effect.provide(Crisp.layer(server, { retry: { maxAttempts: 3 } }))))
      while ((yield* server.requests).length === 0) yield* Effect.sleep("5 millis")
      yield* Effect.sleep("50 millis")
      const start = performance.now()
      const exit = yield* Fiber.interrupt(fiber)
      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(performance.now() - start).toBeLessThan(500)
      yield* Effect.sleep("50 millis")
      expect((yield* server.requests).map((r) => r.method)).toEqual(["POST"])
    }))
})
