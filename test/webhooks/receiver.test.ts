import { describe, expect, it } from "@effect/vitest"
import {
  ConfigProvider,
  Context,
  Deferred,
  Effect,
  Exit,
  Fiber,
  Layer,
  Logger,
  LogLevel,
  Option,
  Queue,
  Redacted,
  Scope,
  Stream,
  TestClock
} from "effect"
import * as http from "node:http"
import type { CrispEvent } from "../../src/realtime/CrispEvent.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { CrispWebhooks } from "../../src/webhooks.js"
import {
  envelope,
  messageSend,
  next,
  nothingMore,
  probeKeyed,
  probeSigned,
  probeSignedAt,
  SECRET,
  signedHeaders,
  subscribe,
  WEBSITE_KEY
} from "./support.js"

const secret = Redacted.make(SECRET)

const quiet = Logger.withMinimumLogLevel(LogLevel.Error)

/** Builds the layer in the test's scope and subscribes (the subscription is live on return). */
const build = (options: CrispWebhooks.Options) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(CrispWebhooks.layer(options))
    const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
    const events = yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
    return { hooks, events }
  })

const request = (body: BodyInit | null, headers: Record<string, string>, init: RequestInit = {}) =>
  new Request("https://hooks.example.com/crisp", { method: "POST", body, headers, ...init })

describe("toWebHandler: fetch Request → Response", () => {
  it.scopedLive("valid, forged, non-JSON, GET, and size limits", () =>
    Effect.gen(function*() {
      const { events, hooks } = yield* build({ secret, maxBodyBytes: 1024 })
      const handler = hooks.toWebHandler
      const body = envelope("message:send", messageSend("via fetch"))

      const ok = yield* Effect.promise(() => handler(request(body, signedHeaders(body, { attempt: 1, limit: 2 }))))
      expect(ok.status).toBe(200)
      expect(ok.headers.get("content-type")).toBe("application/json")
      expect(yield* Effect.promise(() => ok.json())).toEqual({ ok: true })
      const event = yield* next(events)
      expect(event._tag === "Event" && event.name === "message:send" && event.data.content).toBe("via fetch")
      expect(event.delivery).toMatchObject({ source: "webhook", attempt: 1, attemptLimit: 2 })

      const forged = yield* Effect.promise(() => handler(request(body, signedHeaders(body, { secret: "x" }))))
      expect(forged.status).toBe(401)
      expect(yield* Effect.promise(() => forged.json())).toEqual({ ok: false, error: "Mismatch" })

      const notJson = yield* Effect.promise(() => handler(request("hello", signedHeaders("hello"))))
      expect(notJson.status).toBe(400)
      expect(yield* Effect.promise(() => notJson.json())).toEqual({ ok: false, error: "NotJson" })

      const get = yield* Effect.promise(() => handler(new Request("https://hooks.example.com/crisp")))
      expect(get.status).toBe(405)
      expect(get.headers.get("allow")).toBe("POST")

      const empty = yield* Effect.promise(() => handler(request(null, signedHeaders(""))))
      expect(empty.status).toBe(400)

      // Declared too large.
      const big = "x".repeat(2000)
      const declared = yield* Effect.promise(() => handler(request(big, { ...signedHeaders(big), "content-length": "2000" })))
      expect(declared.status).toBe(413)

      // Streamed without Content-Length, endless: refused after the limit, and the stream is cancelled.
      let pulls = 0
      let cancelled = false
      const endless = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          pulls++
          controller.enqueue(new Uint8Array(100).fill(32))
        },
        cancel: () => {
          cancelled = true
        }
      })
      const streamed = yield* Effect.promise(() =>
        handler(request(endless, signedHeaders(big), { duplex: "half" } as RequestInit))
      )
      expect(streamed.status).toBe(413)
      expect(yield* Effect.promise(() => streamed.json())).toEqual({ ok: false, error: "TooLarge" })
      expect(cancelled).toBe(true)
      expect(pulls).toBeLessThan(20)

      expect(yield* nothingMore(events)).toBe(0)
    }).pipe(quiet))

  it.scopedLive("works behind a plain node:http server (the adapter a fetch-style framework provides)", () =>
    Effect.gen(function*() {
      const { events, hooks } = yield* build({ secret })
      const server = http.createServer((incoming, outgoing) => {
        const chunks: Array<Buffer> = []
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk))
        incoming.on("end", () => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === "string") headers.set(name, value)
          }
          const req = new Request(`http://127.0.0.1${incoming.url ?? "/"}`, {
            method: incoming.method ?? "GET",
            headers,
            ...(incoming.method === "POST" ? { body: Buffer.concat(chunks) } : {})
          })
          void hooks.toWebHandler(req).then(async (response) => {
            const headers: Record<string, string> = {}
            response.headers.forEach((value, name) => {
              headers[name] = value
            })
            outgoing.writeHead(response.status, headers)
            outgoing.end(await response.text())
          })
        })
      })
      yield* Effect.acquireRelease(
        Effect.async<void>((resume) => {
          server.listen(0, "127.0.0.1", () => resume(Effect.void))
        }),
        () =>
          Effect.async<void>((resume) => {
            server.close(() => resume(Effect.void))
            server.closeAllConnections()
          })
      )
      const address = server.address()
      if (address === null || typeof address === "string") return yield* Effect.dieMessage("no address")
      const body = envelope("message:send", messageSend("over node:http"))
      const response = yield* Effect.promise(() =>
        fetch(`http://127.0.0.1:${address.port}/crisp`, { method: "POST", body, headers: signedHeaders(body) })
      )
      expect(response.status).toBe(200)
      const event = yield* next(events)
      expect(event._tag === "Event" && event.name === "message:send" && event.data.content).toBe("over node:http")
    }).pipe(quiet))
})

/** A signed `message:send` delivery with this content. */
const delivery = (content: string) => {
  const body = envelope("message:send", messageSend(content))
  return { body, headers: signedHeaders(body), method: "POST" }
}

/**
 * A slow subscriber: it holds the first real event it reads until `gate` opens.
 * Returns once its subscription is live (a probe went through).
 */
const gatedReader = (context: Context.Context<CrispEvents | CrispWebhooks.CrispWebhooks>) =>
  Effect.gen(function*() {
    const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
    const seen = yield* Queue.unbounded<CrispEvent>()
    const gate = yield* Deferred.make<void>()
    const reader = yield* Effect.forkScoped(Stream.runForEach(Context.get(context, CrispEvents).events, (event) =>
      Effect.zipRight(Queue.offer(seen, event), event.name === "test:probe" ? Effect.void : Deferred.await(gate))))
    for (let n = 0; ; n++) {
      yield* hooks.receive(probeSigned(n))
      if (Option.isSome(yield* Queue.poll(seen))) break
      yield* Effect.sleep("1 millis")
    }
    return { hooks, seen, gate, reader }
  })

describe("receive", () => {
  it.scopedLive("a slow subscriber: what it does not take within enqueueTimeout is 503 and withdrawn; the retry is delivered once", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({
        secret,
        hub: { capacity: 1, strategy: "suspend" },
        enqueueTimeout: "50 millis"
      }))
      const { gate, hooks, seen } = yield* gatedReader(context)
      const a = delivery("a")
      const b = delivery("b")
      expect((yield* hooks.receive(a))._tag).toBe("Delivered") // taken by the subscriber, which now waits
      // Not taken in time: 503, and withdrawn (the subscriber will not see it later).
      const refused = yield* hooks.receive(b)
      expect(refused._tag).toBe("Rejected")
      expect(refused.status).toBe(503)
      const response = yield* hooks.handleWeb(request(b.body, b.headers))
      expect(response.status).toBe(503)
      expect(response.headers.get("retry-after")).toBe("1")
      yield* Deferred.succeed(gate, void 0)
      // Crisp's retry of the same delivery is accepted — not mistaken for a duplicate.
      const retried = yield* hooks.receive(b)
      expect(retried._tag === "Rejected" ? retried.error.message : retried._tag).toBe("Delivered")
      const contents: Array<string> = []
      while (contents.length < 2) {
        const event = yield* next(seen)
        if (event._tag === "Event" && event.name === "message:send") contents.push(event.data.content as string)
      }
      expect(contents).toEqual(["a", "b"])
      expect(yield* nothingMore(seen)).toBe(0)
    }).pipe(quiet))

  it.scopedLive("shutdown: once the layer's scope closes new deliveries get 503, and the one in flight is finished first", () =>
    Effect.gen(function*() {
      const layerScope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(CrispWebhooks.layer({ secret, enqueueTimeout: "2 seconds" }), layerScope)
      const { gate, hooks, reader, seen } = yield* gatedReader(context)
      expect((yield* hooks.receive(delivery("a")))._tag).toBe("Delivered") // the reader now waits at the gate
      const inFlight = yield* Effect.fork(hooks.receive(delivery("b")))
      yield* Effect.sleep("20 millis")
      const closing = yield* Effect.fork(Scope.close(layerScope, Exit.void))
      yield* Effect.sleep("20 millis")
      // Shutting down: a new delivery is refused at once, so that Crisp delivers it later.
      const late = yield* hooks.receive(delivery("c"))
      expect(late._tag === "Rejected" && [late.status, late.error.message]).toEqual([
        503,
        "Crisp web hook refused (503 Overloaded): the receiver is shutting down; retry later"
      ])
      const response = yield* hooks.handleWeb(request(delivery("d").body, delivery("d").headers))
      expect(response.status).toBe(503)
      // The scope waits for the delivery in flight...
      expect(closing.unsafePoll()).toBeNull()
      yield* Deferred.succeed(gate, void 0)
      // ...which reaches the reader and is answered 200; then the hub ends the stream.
      expect((yield* Fiber.join(inFlight))._tag).toBe("Delivered")
      yield* Fiber.join(closing)
      yield* Fiber.join(reader)
      const contents: Array<unknown> = []
      for (const event of yield* Queue.takeAll(seen)) if (event.name === "message:send") contents.push(event.data)
      expect(contents.map((data) => (data as { content: string }).content)).toEqual(["a", "b"])
    }).pipe(quiet))

  it.scoped("repeats are remembered for the tolerance window (TestClock), then refused as stale", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({ secret, tolerance: false }))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
      // tolerance: false — repeats are remembered for 5 minutes.
      const body = envelope("website:users:available", { website_id: "website-1", available: true })
      const input = { body, headers: signedHeaders(body, { timestamp: "0" }) }
      expect((yield* hooks.receive(input))._tag).toBe("Delivered")
      yield* TestClock.adjust("4 minutes")
      expect((yield* hooks.receive(input))._tag).toBe("Duplicate")
      yield* TestClock.adjust("61 seconds")
      expect((yield* hooks.receive(input))._tag).toBe("Delivered")
    }).pipe(quiet))

  it.scoped("while nobody subscribes, a delivery is answered 503 and not remembered: Crisp's retry gets through", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({ secret, tolerance: false }))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      const body = envelope("website:users:available", { website_id: "website-1", available: true })
      const input = { body, headers: signedHeaders(body) }
      const early = yield* hooks.receive(input)
      expect(early._tag).toBe("Rejected")
      expect(early.status).toBe(503)
      const events = yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
      expect((yield* hooks.receive(input))._tag).toBe("Delivered")
      const event = yield* Queue.take(events)
      expect(event.name).toBe("website:users:available")
    }).pipe(quiet))

  it.scoped("with a window, a repeat is a duplicate inside it and stale after it", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({ secret, tolerance: "1 minute" }))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSignedAt("0"))
      const body = envelope("website:users:available", { website_id: "website-1", available: true })
      const input = { body, headers: signedHeaders(body, { timestamp: "0" }) }
      expect((yield* hooks.receive(input))._tag).toBe("Delivered")
      yield* TestClock.adjust("59 seconds")
      expect((yield* hooks.receive(input))._tag).toBe("Duplicate")
      yield* TestClock.adjust("2 seconds")
      const late = yield* hooks.receive(input)
      expect(late._tag === "Rejected" && late.error.reason).toBe("Stale")
    }).pipe(quiet))

  it.scoped("a body over the limit given to receive directly: 413; a method other than POST: 405", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({ secret, maxBodyBytes: 10 }))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      const big = yield* hooks.receive({ body: "é".repeat(6), headers: {} }) // 12 bytes in UTF-8
      expect(big._tag === "Rejected" && big.status).toBe(413)
      const put = yield* hooks.receive({ body: "{}", headers: {}, method: "PUT" })
      expect(put._tag === "Rejected" && put.status).toBe(405)
    }).pipe(quiet))
})

describe("layers", () => {
  it.scoped("no secret and no key is a programming error, said plainly", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Layer.build(CrispWebhooks.layer({ secret: Redacted.make("") })))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(String(exit)).toContain("set `secret`")
    }))

  it.scoped("layerConfig reads CRISP_HOOK_SECRET / CRISP_HOOK_KEY, and names them when both are missing", () =>
    Effect.gen(function*() {
      const withKey = ConfigProvider.fromMap(new Map([["CRISP_HOOK_KEY", WEBSITE_KEY]]))
      const context = yield* Layer.build(CrispWebhooks.layerConfig()).pipe(Effect.withConfigProvider(withKey))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeKeyed)
      const body = envelope("website:users:available", { website_id: "website-1", available: true })
      const good = yield* hooks.receive({ body, headers: {}, url: `/crisp?key=${WEBSITE_KEY}` })
      expect(good._tag).toBe("Delivered")
      const bad = yield* hooks.receive({ body, headers: {}, url: "/crisp?key=other" }).pipe(quiet)
      expect(bad._tag).toBe("Rejected")

      const withSecret = ConfigProvider.fromMap(new Map([["CRISP_HOOK_SECRET", SECRET]]))
      const signedContext = yield* Layer.build(CrispWebhooks.layerConfig({ tolerance: false }))
        .pipe(Effect.withConfigProvider(withSecret))
      const signed = Context.get(signedContext, CrispWebhooks.CrispWebhooks)
      yield* subscribe(Context.get(signedContext, CrispEvents).events, signed, probeSigned)
      expect((yield* signed.receive({ body, headers: signedHeaders(body, { timestamp: "5" }) }))._tag).toBe("Delivered")

      const none = yield* Effect.exit(
        Layer.build(CrispWebhooks.layerConfig()).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map())))
      )
      expect(Exit.isFailure(none)).toBe(true)
      expect(String(none)).toContain("CRISP_HOOK_SECRET")
      expect(String(none)).toContain("CRISP_HOOK_KEY")
    }))
})
