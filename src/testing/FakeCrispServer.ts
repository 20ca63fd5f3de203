/**
 * Serves a {@link FakeCrisp.FakeCrisp} over real HTTP on loopback, with `node:http`,
 * under the base path `/v1/` — so a client talks to it exactly as it talks to
 * `https://api.crisp.chat/v1/`. Injected delays are waited out in real time and
 * injected drops destroy the socket. The server closes, keep-alive connections
 * included, when its scope closes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp, FakeCrispServer } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make()
 *   const { url } = yield* FakeCrispServer.serve(fake)
 *   // point CrispHttp's restUrl at `url` (http://127.0.0.1:PORT/v1/)
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 */
import * as Http from "node:http"
import type { Socket } from "node:net"
import { Cause, Effect, Exit, Runtime, type Scope } from "effect"
import type { Decision, FakeCrisp, FakeRequest } from "./FakeCrisp.js"

/**
 * Options of {@link serve}.
 *
 * @example
 * ```ts
 * import type { FakeCrispServer } from "effect-crisp/testing"
 *
 * const options: FakeCrispServer.ServeOptions = { port: 0, host: "127.0.0.1" }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface ServeOptions {
  /** Default 0: a free port. */
  readonly port?: number
  /** Default `"127.0.0.1"`. */
  readonly host?: string
  /** Largest accepted body in bytes (larger ones get 413). Default 1 MiB. */
  readonly maxBodyBytes?: number
}

/**
 * A running server.
 *
 * @example
 * ```ts
 * import type { FakeCrispServer } from "effect-crisp/testing"
 *
 * const restUrl = (server: FakeCrispServer.Served) => server.url
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Served {
  /** The REST base URL, with the trailing slash: `http://127.0.0.1:PORT/v1/`. */
  readonly url: string
  readonly port: number
  /** The origin without the base path: `http://127.0.0.1:PORT`. */
  readonly origin: string
}

/**
 * The base path under which the routes answer.
 *
 * @example
 * ```ts
 * import { FakeCrispServer } from "effect-crisp/testing"
 *
 * const prefix = FakeCrispServer.BASE_PATH // "/v1/"
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const BASE_PATH = "/v1/"

const envelope = (reason: string, message: string) => JSON.stringify({ error: true, reason, data: { message } })

const toFakeRequest = (req: Http.IncomingMessage, body: string | undefined): FakeRequest | undefined => {
  const raw = req.url ?? "/"
  const queryAt = raw.indexOf("?")
  const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt)
  if (!pathname.startsWith(BASE_PATH)) return undefined
  const query: Record<string, string> = {}
  if (queryAt >= 0) {
    for (const [name, value] of new URLSearchParams(raw.slice(queryAt + 1))) query[name] = value
  }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value
  }
  return { method: req.method ?? "GET", path: pathname.slice(BASE_PATH.length), query, headers, body }
}

/**
 * Serves `fake` until the scope closes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp, FakeCrispServer } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make()
 *   const server = yield* FakeCrispServer.serve(fake, { port: 0 })
 *   const response = yield* Effect.promise(() => fetch(server.url + "website/website-1"))
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (fake: FakeCrisp, options: ServeOptions = {}): Effect.Effect<Served, never, Scope.Scope> =>
  Effect.gen(function*() {
    const runtime = yield* Effect.runtime<never>()
    const runCallback = Runtime.runCallback(runtime)
    const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
    const sockets = new Set<Socket>()
    const timers = new Set<ReturnType<typeof setTimeout>>()

    const answer = (req: Http.IncomingMessage, res: Http.ServerResponse, decision: Decision) => {
      const send = () => {
        const response = decision.response
        if ("drop" in response) {
          req.socket.destroy()
          return
        }
        res.writeHead(response.status, { ...response.headers, "content-length": Buffer.byteLength(response.body) })
        res.end(response.body)
      }
      if (decision.delayMillis <= 0) return send()
      const timer = setTimeout(() => {
        timers.delete(timer)
        if (!req.socket.destroyed) send()
      }, decision.delayMillis)
      timers.add(timer)
    }

    const fail = (res: Http.ServerResponse, status: number, reason: string, message: string) => {
      const body = envelope(reason, message)
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) })
      res.end(body)
    }

    const onRequest = (req: Http.IncomingMessage, res: Http.ServerResponse) => {
      const chunks: Array<Buffer> = []
      let size = 0
      let tooLarge = false
      req.on("data", (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBodyBytes) tooLarge = true
        else chunks.push(chunk)
      })
      req.on("error", () => req.socket.destroy())
      req.on("end", () => {
        if (tooLarge) return fail(res, 413, "invalid_data", `the body is larger than ${maxBodyBytes} bytes`)
        const body = chunks.length === 0 ? undefined : Buffer.concat(chunks).toString("utf8")
        const request = toFakeRequest(req, body)
        if (request === undefined) return fail(res, 404, "not_found", `no route outside ${BASE_PATH}`)
        runCallback(fake.decide(request), {
          onExit: (exit) => {
            if (Exit.isSuccess(exit)) return answer(req, res, exit.value)
            fail(res, 500, "internal_error", `the fake failed: ${Cause.pretty(exit.cause)}`)
          }
        })
      })
    }

    const server = Http.createServer(onRequest)
    server.on("connection", (socket) => {
      sockets.add(socket)
      socket.on("close", () => sockets.delete(socket))
    })

    const port = yield* Effect.async<number>((resume) => {
      const onError = (error: Error) =>
        resume(Effect.dieMessage(`FakeCrispServer: cannot listen on ${options.host ?? "127.0.0.1"}:${options.port ?? 0}: ${error.message}`))
      server.once("error", onError)
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
        server.off("error", onError)
        const address = server.address()
        resume(Effect.succeed(typeof address === "object" && address !== null ? address.port : 0))
      })
    })

    yield* Effect.addFinalizer(() =>
      Effect.async<void>((resume) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resume(Effect.void))
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
      })
    )

    const host = options.host ?? "127.0.0.1"
    const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`
    return { url: origin + BASE_PATH, port, origin }
  })
