/**
 * A loopback HTTP server that answers every request after a delay (or never), and
 * records what the client did: whether the answer was written out completely, or the
 * client closed the connection first (an aborted request). For the tests of in-flight
 * requests and of shutdown.
 */
import { Deferred, Effect, type Scope } from "effect"
import * as Http from "node:http"
import { listen } from "./loopback.js"

/** One request as the slow server saw it. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly body: string
  /** Whether our answer was written out completely before the connection closed. */
  answered: boolean
  /** `performance.timeOrigin + performance.now()` when the answer was complete. */
  answeredAt: number | undefined
  /** Whether the client closed the connection before our answer was complete. */
  aborted: boolean
}

/** A running slow server. */
export interface SlowServer {
  readonly origin: string
  readonly seen: ReadonlyArray<Seen>
  /** Succeeds once the first request has been read completely. */
  readonly arrived: Effect.Effect<void>
}

/** Answers each request with a Crisp envelope after `delayMs` (never, if undefined). */
export const slowServer = (delayMs: number | undefined): Effect.Effect<SlowServer, never, Scope.Scope> =>
  Effect.gen(function*() {
    const seen: Array<Seen> = []
    const arrived = yield* Deferred.make<void>()
    const timers = new Set<NodeJS.Timeout>()
    const server = Http.createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const record: Seen = {
          method: req.method ?? "",
          url: req.url ?? "",
          body: Buffer.concat(chunks).toString("utf8"),
          answered: false,
          answeredAt: undefined,
          aborted: false
        }
        seen.push(record)
        res.on("finish", () => {
          record.answered = true
          record.answeredAt = performance.timeOrigin + performance.now()
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
    const port = yield* listen(server, () => {
      for (const timer of timers) clearTimeout(timer)
    })
    const origin = `http://127.0.0.1:${port}`
    return { origin, seen, arrived: Deferred.await(arrived) }
  })
