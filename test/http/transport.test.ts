import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Layer, Redacted, Stream } from "effect"
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici"
import * as CrispHttp from "../../src/CrispHttp.js"
import * as CrispTransport from "../../src/CrispTransport.js"
import { exchangeOf } from "../../src/internal/http/exchange.js"
import * as NodeCrispTransport from "../../src/node/CrispTransport.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

/** A `fetch` that records the kind of URL each call got (the lean path passes a string, `execute` a `URL`). */
const recordingFetch = () => {
  const inputs: Array<"string" | "URL"> = []
  const fetchFunction: CrispTransport.FetchFunction = (input, init) => {
    inputs.push(typeof input === "string" ? "string" : "URL")
    return fetch(input, init)
  }
  return { inputs, fetchFunction }
}

const crispOver = (server: Loopback.Loopback, client: HttpClient.HttpClient, options: Partial<CrispHttp.Options> = {}) =>
  CrispHttp.layer({
    identifier: Support.IDENTIFIER,
    key: Redacted.make(Support.KEY),
    restUrl: Support.restUrl(server),
    retry: false,
    ...options
  }).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))

describe("CrispTransport clients", () => {
  it("carry the lean exchange; a transformed client does not", () => {
    const client = CrispTransport.makeFetch()
    expect(exchangeOf(client)).toBeTypeOf("function")
    expect(exchangeOf(HttpClient.mapRequest(client, (r) => r))).toBeUndefined()
    expect(exchangeOf(NodeCrispTransport.makeUndici(new Agent()))).toBeTypeOf("function")
  })

  it.scopedLive("CrispHttp takes the lean path, and `execute` with platform spans on", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ ok: 1 })))
      const { inputs, fetchFunction } = recordingFetch()
      const client = CrispTransport.makeFetch(fetchFunction)
      const get = CrispHttp.request({ method: "GET", path: "x" })
      expect(yield* get.pipe(Effect.provide(crispOver(server, client)))).toEqual({ ok: 1 })
      expect(yield* get.pipe(Effect.provide(crispOver(server, client, { platformSpans: true })))).toEqual({ ok: 1 })
      expect(inputs).toEqual(["string", "URL"])
    }))

  /** Interrupts one slow call and times out another: the server must see both connections close. */
  const abortsBoth = (server: Loopback.Loopback, client: () => HttpClient.HttpClient, seenBefore: number) =>
    Effect.gen(function*() {
      const slow = CrispHttp.request({ method: "GET", path: "slow" })
      const fiber = yield* Effect.fork(slow.pipe(Effect.provide(crispOver(server, client(), { timeout: "10 seconds" }))))
      yield* server.awaitRequests(seenBefore + 1)
      yield* Fiber.interrupt(fiber)
      yield* server.awaitAbandoned(1)
      const timedOut = yield* Effect.flip(slow.pipe(Effect.provide(crispOver(server, client(), { timeout: "50 millis" }))))
      expect(timedOut).toMatchObject({ _tag: "CrispTransportError", kind: "timeout" })
      yield* server.awaitAbandoned(2)
    })

  const slowServer = Loopback.make((request) =>
    request.url.endsWith("/slow") ? { ...Loopback.envelope({ n: 1 }), delayMs: 5_000 } : Loopback.envelope({ n: 1 })
  )

  it.scopedLive("over Node's own fetch, layerFetch sends through the global dispatcher (setGlobalDispatcher's), not fetch", () =>
    Effect.gen(function*() {
      const dispatched: Array<string> = []
      class Counting extends Agent {
        override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
          // Node's fetch adds its own headers (`sec-fetch-mode` among them) to what it dispatches.
          const viaFetch = JSON.stringify(options.headers).includes("sec-fetch-mode")
          dispatched.push(`${options.method} ${options.path}${viaFetch ? " (through fetch)" : ""}`)
          return super.dispatch(options, handler)
        }
      }
      const previous = getGlobalDispatcher()
      yield* Effect.acquireRelease(
        Effect.sync(() => setGlobalDispatcher(new Counting())),
        () => Effect.sync(() => setGlobalDispatcher(previous))
      )
      const server = yield* slowServer
      const layer = crispOver(server, CrispTransport.makeFetch())
      expect(yield* CrispHttp.request({ method: "GET", path: "fast" }).pipe(Effect.provide(layer))).toEqual({ n: 1 })
      yield* CrispHttp.request({ method: "POST", path: "fast", body: { a: 1 } }).pipe(Effect.provide(layer))
      expect(JSON.parse((yield* server.requests)[1]?.body ?? "")).toEqual({ a: 1 })
      yield* abortsBoth(server, () => CrispTransport.makeFetch(), 2)
      expect(dispatched).toEqual(["GET /v1/fast", "POST /v1/fast", "GET /v1/slow", "GET /v1/slow"])
    }))

  it.scopedLive("a replaced global fetch (as msw and nock install) is called, and aborted through an AbortSignal", () =>
    Effect.gen(function*() {
      const signals: Array<boolean> = []
      const original = globalThis.fetch
      yield* Effect.acquireRelease(
        Effect.sync(() => {
          globalThis.fetch = (input, init) => {
            signals.push(init?.signal instanceof AbortSignal)
            return original(input, init)
          }
        }),
        () => Effect.sync(() => (globalThis.fetch = original))
      )
      const server = yield* slowServer
      const layer = crispOver(server, CrispTransport.makeFetch())
      expect(yield* CrispHttp.request({ method: "GET", path: "fast" }).pipe(Effect.provide(layer))).toEqual({ n: 1 })
      yield* abortsBoth(server, () => CrispTransport.makeFetch(), 1)
      expect(signals).toEqual([true, true, true])
    }))

  it.scopedLive("a fetch given to makeFetch is aborted through an AbortSignal", () =>
    Effect.gen(function*() {
      const signals: Array<AbortSignal | null | undefined> = []
      const client = CrispTransport.makeFetch((input, init) => {
        signals.push(init?.signal)
        return fetch(input, init)
      })
      const server = yield* Loopback.make(Loopback.always({ ...Loopback.envelope({ n: 1 }), delayMs: 5_000 }))
      const fiber = yield* Effect.fork(CrispHttp.request({ method: "GET", path: "slow" }).pipe(Effect.provide(crispOver(server, client))))
      yield* server.awaitRequests(1)
      yield* Fiber.interrupt(fiber)
      yield* server.awaitAbandoned(1)
      expect(signals.map((signal) => signal?.aborted)).toEqual([true])
    }))

  it.scopedLive("a malformed base URL is a network CrispTransportError on every transport, not a crash", () =>
    Effect.gen(function*() {
      for (const transport of Support.transports) {
        const layer = CrispHttp.layer({
          identifier: Support.IDENTIFIER,
          key: Redacted.make(Support.KEY),
          restUrl: "http://127.0.0.1:notaport/v1/",
          retry: false
        }).pipe(Layer.provide(transport.layer))
        const error = yield* Effect.flip(CrispHttp.request({ method: "GET", path: "x" }).pipe(Effect.provide(layer)))
        expect(error, transport.name).toMatchObject({ _tag: "CrispTransportError", kind: "network" })
        expect(error.message, transport.name).not.toContain(Support.KEY)
      }
    }))

  Support.eachTransport((Crisp) => {
    it.scopedLive("a large body with multi-byte characters split across reads decodes intact", () =>
      Effect.gen(function*() {
        const text = "é€😀".repeat(40_000) // ~360 KB of UTF-8: many reads, characters cut between them
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ text })))
        const data = yield* CrispHttp.request({ method: "GET", path: "big" }).pipe(Effect.provide(Crisp.layer(server)))
        expect(data).toEqual({ text })
      }))

    it.scopedLive("a POST body arrives as JSON with its content type", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({})))
        yield* CrispHttp.request({ method: "POST", path: "p", body: { name: "Zoë", n: [1, 2] } }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        const [request] = yield* server.requests
        expect(request?.headers["content-type"]).toBe("application/json")
        expect(JSON.parse(request?.body ?? "")).toEqual({ name: "Zoë", n: [1, 2] })
      }))
  })
})

describe("CrispTransport clients as plain HttpClients (`execute`)", () => {
  const clients = [
    { name: "CrispTransport.layerFetch", layer: CrispTransport.layerFetch },
    { name: "CrispTransport.layerUndici", layer: NodeCrispTransport.layerUndici }
  ]
  for (const { name, layer } of clients) {
    it.scopedLive(`${name}: a POST with a body, response headers, and a streamed response`, () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ status: 201, headers: { "x-answer": "42" }, body: "streamed answer" }))
        const client = yield* HttpClient.HttpClient
        const response = yield* client.execute(
          HttpClientRequest.post(`${server.origin}/echo`).pipe(HttpClientRequest.bodyText("hello", "text/plain"))
        )
        expect(response.status).toBe(201)
        expect(response.headers["x-answer"]).toBe("42")
        const bytes = yield* Stream.runCollect(response.stream)
        expect(new TextDecoder().decode(Chunk.reduce(bytes, new Uint8Array(), (a, b) => new Uint8Array([...a, ...b])))).toBe(
          "streamed answer"
        )
        const [request] = yield* server.requests
        expect([request?.method, request?.body, request?.headers["content-type"]]).toEqual(["POST", "hello", "text/plain"])
      }).pipe(Effect.provide(layer)))
  }
})
