/**
 * A real `node:http` server on 127.0.0.1 (random port) for tests: the test decides
 * how each request is answered, and every request is recorded. The server lives in
 * the enclosing `Scope` and is closed, keep-alive sockets included, when it ends.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as Loopback from "./loopback.js"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* Loopback.make(() => Loopback.envelope({ ok: 1 }))
 *   // ... send requests to server.url ...
 *   const requests = yield* server.requests
 * }).pipe(Effect.scoped)
 * ```
 */
import * as Http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { Effect, Schedule, type Scope } from "effect"

/** One request as the server received it. */
export interface RecordedRequest {
  readonly method: string
  /** The raw request target: path and query exactly as sent, e.g. `/v1/website/a%2Fb?x=1`. */
  readonly url: string
  /** Header names lower-cased, as Node gives them. */
  readonly headers: Http.IncomingHttpHeaders
  /** The body as UTF-8 text (`""` when there was none). */
  readonly body: string
  /** `performance.now()` when the request had been fully read. */
  readonly at: number
}

/** How to answer one request. */
export interface Reply {
  /** Default 200. */
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  /** A string is sent as is; any other value is JSON-encoded. Default: no body. */
  readonly body?: unknown
  /** Wait this many milliseconds before answering (or before destroying the socket). */
  readonly delayMs?: number
  /**
   * `"before-headers"`: destroy the socket without answering (a connection reset).
   * `"after-headers"`: send the status, headers and the first half of the body, then
   * destroy the socket.
   */
  readonly destroy?: "before-headers" | "after-headers"
  /** Send the status, headers and the first half of the body, then the rest this many milliseconds later. */
  readonly stallBodyMs?: number
}

/** Answers a request; `index` counts requests from 0 in the order they arrived. */
export type Handler = (request: RecordedRequest, index: number) => Reply

/** A running server. */
export interface Loopback {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly origin: string
  readonly port: number
  /** Every request received so far, in order. */
  readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** Replaces the handler for the requests that follow. */
  readonly setHandler: (handler: Handler) => Effect.Effect<void>
  /** Forgets the recorded requests (the index passed to the handler restarts at 0). */
  readonly clear: Effect.Effect<void>
  /** Requests whose connection closed before their answer was complete (the client gave up). */
  readonly abandoned: Effect.Effect<number>
  /** Waits (up to 5 seconds, then dies) until `n` requests have been received. */
  readonly awaitRequests: (n: number) => Effect.Effect<void>
  /** Waits (up to 5 seconds, then dies) until `n` requests have been abandoned. */
  readonly awaitAbandoned: (n: number) => Effect.Effect<void>
}

/** A Crisp envelope `{ error: false, reason: "resolved", data }` with status 200. */
export const envelope = (data: unknown, reason = "resolved"): Reply => ({
  status: 200,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: { error: false, reason, data }
})

/** A Crisp error envelope `{ error: true, reason, data: {} }` with the given status. */
export const failure = (status: number, reason: string, headers: Readonly<Record<string, string>> = {}): Reply => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: { error: true, reason, data: {} }
})

/** A handler answering every request the same way. */
export const always = (reply: Reply): Handler => () => reply

/** A handler answering the n-th request with `replies[n]`, and the last one after that. */
export const sequence = (...replies: ReadonlyArray<Reply>): Handler => (_request, index) =>
  replies[Math.min(index, replies.length - 1)] ?? { status: 500 }

const encodeBody = (body: unknown): string | undefined =>
  body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body)

/** Polls `check` every 5 ms; dies after 5 seconds naming `what`. */
const waitFor = (check: () => boolean, what: string): Effect.Effect<void> =>
  Effect.suspend(() => (check() ? Effect.void : Effect.fail("not yet"))).pipe(
    Effect.retry({ schedule: Schedule.spaced("5 millis"), times: 1_000 }),
    Effect.orDieWith(() => new Error(`loopback: still waiting for ${what}`))
  )

/** Starts a server in the current scope. Without a handler every request gets an empty 200. */
export const make = (handler: Handler = always({ status: 200 })): Effect.Effect<Loopback, never, Scope.Scope> =>
  Effect.gen(function*() {
    let current = handler
    let recorded: Array<RecordedRequest> = []
    let abandoned = 0
    const sockets = new Set<Socket>()
    const timers = new Set<NodeJS.Timeout>()

    const answer = (res: Http.ServerResponse, reply: Reply) => {
      const body = encodeBody(reply.body)
      if (reply.destroy === "before-headers") {
        res.socket?.destroy()
        return
      }
      const headers: Record<string, string | number> = { ...reply.headers }
      if (body !== undefined) headers["content-length"] = Buffer.byteLength(body)
      res.writeHead(reply.status ?? 200, headers)
      if (reply.destroy === "after-headers") {
        const bytes = Buffer.from(body ?? "")
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy())
        return
      }
      if (reply.stallBodyMs !== undefined) {
        const bytes = Buffer.from(body ?? "")
        const half = Math.floor(bytes.length / 2)
        res.write(bytes.subarray(0, half))
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!res.destroyed) res.end(bytes.subarray(half))
        }, reply.stallBodyMs)
        timers.add(timer)
        return
      }
      res.end(body)
    }

    const server = Http.createServer((req, res) => {
      res.on("close", () => {
        if (!res.writableFinished) abandoned++
      })
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const request: RecordedRequest = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          at: performance.now()
        }
        const index = recorded.length
        recorded.push(request)
        let reply: Reply
        try {
          reply = current(request, index)
        } catch (error) {
          reply = { status: 599, body: `loopback handler threw: ${String(error)}` }
        }
        if (reply.delayMs === undefined || reply.delayMs <= 0) return answer(res, reply)
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!res.destroyed) answer(res, reply)
        }, reply.delayMs)
        timers.add(timer)
      })
    })
    server.on("connection", (socket) => {
      sockets.add(socket)
      socket.on("close", () => sockets.delete(socket))
    })

    const port = yield* listen(server, () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const socket of sockets) socket.destroy()
    })
    return {
      origin: `http://127.0.0.1:${port}`,
      port,
      requests: Effect.sync(() => recorded.slice()),
      setHandler: (next) => Effect.sync(() => { current = next }),
      clear: Effect.sync(() => { recorded = [] }),
      abandoned: Effect.sync(() => abandoned),
      awaitRequests: (n) => waitFor(() => recorded.length >= n, `${n} requests`),
      awaitAbandoned: (n) => waitFor(() => abandoned >= n, `${n} abandoned requests`)
    }
  })

/**
 * Listens on a random 127.0.0.1 port for as long as the scope lives and answers the
 * port; closing runs `beforeClose`, then closes the server and drops its connections.
 */
export const listen = (server: Http.Server, beforeClose: () => void = () => {}): Effect.Effect<number, never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.async<void>((resume) => {
        server.listen(0, "127.0.0.1", () => resume(Effect.void))
      }),
      () =>
        Effect.async<void>((resume) => {
          beforeClose()
          server.close(() => resume(Effect.void))
          server.closeAllConnections()
        })
    ),
    () => (server.address() as AddressInfo).port
  )

/**
 * A port on 127.0.0.1 where nothing listens (a server is started and closed to find
 * one), for "connection refused" cases.
 */
export const closedPort: Effect.Effect<number> = Effect.async<number>((resume) => {
  const server = Http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const port = (server.address() as AddressInfo).port
    server.close(() => resume(Effect.succeed(port)))
  })
})
