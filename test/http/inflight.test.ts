/**
 * Interrupting a call: a POST handed to the client runs to its answer (or is reported),
 * a POST not sent yet is never sent, a GET is simply aborted. Over a real loopback
 * server that sees what the client did.
 */
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Exit, Fiber, type Scope } from "effect"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Crisp from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { captureLogs } from "../support/observe.js"

const { getConversation, ids, sendMessage } = Crisp

interface Seen {
  readonly method: string
  readonly body: string
  /** Whether our answer was written out completely before the connection closed. */
  answered: boolean
  /** Whether the client closed the connection before our answer was complete. */
  aborted: boolean
}

/** A server that answers after `delayMs` (never, if undefined), recording what the client did. */
const slowServer = (delayMs: number | undefined) =>
  Effect.gen(function*() {
    const seen: Array<Seen> = []
    const arrived = yield* Deferred.make<void>()
    const timers = new Set<NodeJS.Timeout>()
    const server = Http.createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const record: Seen = { method: req.method ?? "", body: Buffer.concat(chunks).toString("utf8"), answered: false, aborted: false }
        seen.push(record)
        res.on("finish", () => {
          record.answered = true
        })
        res.on("close", () => {
          if (!res.writableFinished) record.aborted = true
        })
        Deferred.unsafeDone(arrived, Effect.void)
        if (delayMs === undefined) return
        const timer = setTimeout(() => {
          const body = JSON.stringify({ error: false, reason: "dispatched", data: { session_id: "s1" } })
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body)
        }, delayMs)
        timers.add(timer)
      })
    })
    yield* Effect.acquireRelease(
      Effect.async<void>((resume) => {
        server.listen(0, "127.0.0.1", () => resume(Effect.void))
      }),
      () =>
        Effect.async<void>((resume) => {
          for (const timer of timers) clearTimeout(timer)
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        })
    )
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return { origin, seen, arrived: Deferred.await(arrived) }
  })

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
      yield* Effect.sleep("20 millis")
      expect(server.seen[0]).toMatchObject({ method: "GET", answered: false, aborted: true })
    }))

  it.scopedLive("a POST in flight that gets no answer ends at its timeout and is reported as a warning", () =>
    Effect.gen(function*() {
      const server = yield* slowServer(undefined)
      const logs = captureLogs()
      const { exit, millis } = yield* interruptOnArrival(
        post.pipe(Effect.provide(Crisp.layer(server, { retry: false, timeout: "150 millis" })), Effect.provide(logs.layer)),
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
