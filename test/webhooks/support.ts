/** Helpers for the web hook tests: a real loopback server, raw POSTs, subscriptions that are surely live. */
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Context, Effect, Layer, Logger, LogLevel, Option, Queue, type Scope, Stream } from "effect"
import { createHmac } from "node:crypto"
import * as http from "node:http"
import type { CrispEvent } from "../../src/realtime/CrispEvent.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { CrispWebhooks } from "../../src/webhooks.js"

export const SECRET = "plugin-hook-secret-NEVER-PRINT-ME"
export const WEBSITE_KEY = "website-key-NEVER-PRINT-ME-either"

export interface Reply {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

export interface PostOptions {
  readonly method?: string
  readonly headers?: Record<string, string>
  readonly body?: string | Buffer
  /** Send the body in these many chunks with chunked transfer encoding (no Content-Length). */
  readonly chunks?: number
  /** Send this Content-Length header instead of the real one. */
  readonly contentLength?: number
  /** Give up (fail with code `ETIMEDOUT`) when no answer came within this many milliseconds. */
  readonly timeoutMs?: number
}

/** One raw HTTP request with node:http (full control over Content-Length and chunking). */
export const post = (url: string, options: PostOptions = {}): Effect.Effect<Reply, Error> =>
  Effect.async<Reply, Error>((resume) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, "utf8")
    const headers: Record<string, string> = { ...options.headers }
    if (body !== undefined && options.chunks === undefined) headers["content-length"] = String(options.contentLength ?? body.length)
    const request = http.request(url, { method: options.method ?? "POST", headers, agent: false }, (response) => {
      const parts: Array<Buffer> = []
      response.on("data", (chunk: Buffer) => parts.push(chunk))
      response.on("end", () =>
        resume(Effect.succeed({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString("utf8") })))
      response.on("error", (error) => resume(Effect.fail(error)))
    })
    // The server may answer (413) and close before the whole body is written: that is fine.
    request.on("error", (error) => resume(Effect.fail(error)))
    if (options.timeoutMs !== undefined) {
      request.setTimeout(options.timeoutMs, () =>
        request.destroy(Object.assign(new Error("no answer in time"), { code: "ETIMEDOUT" })))
    }
    if (body !== undefined && options.chunks !== undefined) {
      const size = Math.ceil(body.length / options.chunks)
      for (let i = 0; i < body.length; i += size) request.write(body.subarray(i, i + size))
      request.end()
    } else {
      request.end(body)
    }
    return Effect.sync(() => request.destroy())
  })

/** HMAC by hand, independent of the code under test. */
export const hmacHex = (secret: string, timestamp: string, body: string | Buffer): string =>
  createHmac("sha256", secret).update(Buffer.concat([Buffer.from(`[${timestamp};`), Buffer.from(body), Buffer.from("]")]))
    .digest("hex")

/** Headers of a delivery signed by hand. */
export const signedHeaders = (
  body: string | Buffer,
  options: { readonly timestamp?: number | string; readonly secret?: string; readonly attempt?: number; readonly limit?: number } = {}
): Record<string, string> => {
  const timestamp = String(options.timestamp ?? Date.now())
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-crisp-request-timestamp": timestamp,
    "x-crisp-signature": hmacHex(options.secret ?? SECRET, timestamp, body)
  }
  if (options.attempt !== undefined) headers["x-delivery-attempt-count"] = String(options.attempt)
  if (options.limit !== undefined) headers["x-delivery-attempt-limit"] = String(options.limit)
  return headers
}

export const envelope = (event: string, data: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ website_id: "website-1", event, data, timestamp: 1_700_000_000_123, ...extra })

export const messageSend = (content: string, session = "session_1") => ({
  website_id: "website-1",
  session_id: session,
  type: "text",
  from: "user",
  origin: "chat",
  content,
  fingerprint: 163_000_000_000_001,
  timestamp: 1_700_000_000_100,
  stamped: true,
  user: { nickname: "Jane", user_id: "user_1" }
})

/** The web hook layer served over a real loopback HTTP server. */
export const serverLayer = (options: CrispWebhooks.Options) =>
  HttpRouter.empty.pipe(
    HttpRouter.post("/crisp", CrispWebhooks.handler),
    HttpRouter.all("/any-method", CrispWebhooks.handler),
    HttpServer.serve(),
    Layer.provideMerge(NodeHttpServer.layer(() => http.createServer(), { port: 0, host: "127.0.0.1" })),
    Layer.provideMerge(CrispWebhooks.layer(options))
  )

export interface Served {
  readonly base: string
  readonly url: string
  readonly events: Queue.Dequeue<CrispEvent>
  readonly hooks: CrispWebhooks.Service
}

const PROBE = "test:probe"

/**
 * Subscribes to the events and makes sure the subscription is live before returning
 * (a hub delivers only to current subscribers): probe events are received through the
 * real `receive` until one comes out. Probes are filtered out of the queue.
 */
export const subscribe = (
  events: Stream.Stream<CrispEvent, unknown>,
  hooks: CrispWebhooks.Service,
  probe: (n: number) => CrispWebhooks.ReceiveInput
): Effect.Effect<Queue.Dequeue<CrispEvent>, never, Scope.Scope> =>
  Effect.gen(function*() {
    const queue = yield* Queue.unbounded<CrispEvent>()
    const probes = yield* Queue.unbounded<CrispEvent>()
    yield* Effect.forkScoped(Stream.runForEach(events, (event) =>
      event.name === PROBE ? Queue.offer(probes, event) : Queue.offer(queue, event)).pipe(Effect.ignore))
    let n = 0
    while (true) {
      yield* hooks.receive(probe(n++))
      const seen = yield* Queue.poll(probes)
      if (Option.isSome(seen)) break
      yield* Effect.yieldNow()
    }
    return queue
  })

export const probeSigned = (n: number): CrispWebhooks.ReceiveInput => {
  const body = envelope(PROBE, { n })
  return { body, headers: signedHeaders(body), method: "POST" }
}

/** Probes signed with a fixed timestamp, for tests on the TestClock. */
export const probeSignedAt = (timestamp: string) => (n: number): CrispWebhooks.ReceiveInput => {
  const body = envelope(PROBE, { n })
  return { body, headers: signedHeaders(body, { timestamp }), method: "POST" }
}

export const probeKeyed = (n: number): CrispWebhooks.ReceiveInput => ({
  body: envelope(PROBE, { n }),
  headers: {},
  url: `/crisp?key=${encodeURIComponent(WEBSITE_KEY)}`,
  method: "POST"
})

/** Serves the layer and subscribes; everything lives in the scope. */
export const serve = (options: CrispWebhooks.Options, probe: (n: number) => CrispWebhooks.ReceiveInput = probeSigned) =>
  Effect.gen(function*() {
    // Refusals are logged as warnings; keep the test output quiet (the server inherits this level).
    const context = yield* Layer.build(serverLayer(options)).pipe(Logger.withMinimumLogLevel(LogLevel.Error))
    const address = Context.get(context, HttpServer.HttpServer).address
    if (address._tag !== "TcpAddress") return yield* Effect.dieMessage("expected a TCP server")
    const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
    const events = yield* subscribe(Context.get(context, CrispEvents).events, hooks, probe)
    const base = `http://127.0.0.1:${address.port}`
    return { base, url: `${base}/crisp`, events, hooks } satisfies Served
  })

/** Takes the next event, or fails after `millis`. */
export const next = (queue: Queue.Dequeue<CrispEvent>, millis = 2000) =>
  Queue.take(queue).pipe(Effect.timeoutFail({ duration: millis, onTimeout: () => new Error("no event arrived") }))

/** Checks that no (non-probe) event is waiting, after a short grace period. */
export const nothingMore = (queue: Queue.Dequeue<CrispEvent>) =>
  Effect.zipRight(Effect.sleep("30 millis"), Queue.size(queue))
