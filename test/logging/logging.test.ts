/**
 * Every line effect-crisp logs reaches the user's logger, provided the documented way:
 * `Logger.json` (or any Logger layer) merged next to the effect-crisp layers given to
 * the program. Over real servers: socket.io / raw Engine.IO for RTM, node:http for Web
 * Hooks and REST. The JSON lines are read where `Logger.json` writes them (console.log).
 */
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { afterEach, beforeEach, describe, expect, it, vi } from "@effect/vitest"
import { Context, Effect, Fiber, Layer, Logger, LogLevel, ManagedRuntime, Queue, Redacted, Stream } from "effect"
import * as http from "node:http"
import * as CrispEvents from "../../src/realtime/CrispEvents.js"
import { CrispWebhooks } from "../../src/webhooks.js"
import * as Crisp from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { makeRawServer, makeServer, rtmLayer } from "../realtime/support.js"
import { envelope, messageSend, post, SECRET, signedHeaders, WEBSITE_KEY } from "../webhooks/support.js"

/** What a customer might hold: it must appear in no log line. */
const EMAIL = "jane.doe+private@example.com"

interface Entry {
  readonly message: unknown
  readonly logLevel: string
  readonly annotations: Record<string, unknown>
}

let lines: Array<string> = []
beforeEach(() => {
  lines = []
  vi.spyOn(console, "log").mockImplementation((...args: Array<unknown>) => {
    if (typeof args[0] === "string") lines.push(args[0])
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** The JSON lines written so far (each one must be JSON: it is `Logger.json`'s output). */
const entries = (): Array<Entry> => lines.map((line) => JSON.parse(line) as Entry)
const text = (entry: Entry) => (Array.isArray(entry.message) ? entry.message.join(" ") : String(entry.message))
const find = (level: string, fragment: string) =>
  entries().filter((entry) => entry.logLevel === level && text(entry).includes(fragment))

/** Waits (briefly) until a line matching appears. */
const eventually = (level: string, fragment: string) =>
  Effect.gen(function*() {
    for (let i = 0; i < 400 && find(level, fragment).length === 0; i++) yield* Effect.sleep("5 millis")
    return find(level, fragment)
  })

/** The documented way: the Logger layer merged next to effect-crisp's layers. */
const withJsonLogs = <ROut, E>(layer: Layer.Layer<ROut, E>) =>
  Layer.mergeAll(layer, Logger.json, Logger.minimumLogLevel(LogLevel.Debug))

describe("RTM: every warning reaches a Logger merged next to CrispRtm.layer", () => {
  it.scopedLive("malformed payload, unreadable frames, discarded events", () =>
    Effect.gen(function*() {
      const raw = yield* makeRawServer({ pingInterval: 10_000, pingTimeout: 10_000 })
      yield* Effect.gen(function*() {
        // A slow subscriber, so that a burst overflows its backlog of 2.
        const bot = yield* Effect.fork(CrispEvents.all.pipe(Stream.mapEffect(() => Effect.sleep("20 millis")), Stream.runDrain))
        const socket = yield* Queue.take(raw.sockets)
        while (!raw.received.some((frame) => frame.startsWith(`42["authentication"`))) yield* Effect.sleep("2 millis")
        socket.send(`42["session:set_email",{"website_id":"w","session_id":"s","email":{"address":"${EMAIL}"}}]`)
        socket.send("4x")
        socket.send(`42{"not":"an array","email":"${EMAIL}"}`)
        for (let i = 0; i < 20; i++) socket.send(`42["website:update_visitors_count",{"website_id":"w","visitors_count":${i}}]`)
        const malformed = yield* eventually("WARN", `malformed "session:set_email" event`)
        expect(text(malformed[0]!)).toContain("at email: expected string, got object")
        expect(malformed[0]!.annotations).toMatchObject({ "crisp.event": "session:set_email" })
        expect(yield* eventually("WARN", "unreadable RTM frame ignored (unknown Socket.IO packet type")).toHaveLength(1)
        expect(yield* eventually("WARN", "unreadable RTM frame ignored (event packet is not an array")).toHaveLength(1)
        expect((yield* eventually("WARN", "events are being discarded")).length).toBeGreaterThanOrEqual(1)
        yield* Fiber.interrupt(bot)
      }).pipe(Effect.provide(withJsonLogs(rtmLayer({ rtmUrl: raw.url, buffer: { capacity: 2 } }))))
      expect(lines.join("\n")).not.toContain("jane.doe")
    }))

  it.scopedLive("cannot connect (warning), link ended (info), refused credentials (error)", () =>
    Effect.gen(function*() {
      const port = yield* Loopback.closedPort
      yield* Effect.gen(function*() {
        const bot = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        expect((yield* eventually("WARN", "RTM cannot connect (1 attempts in a row")).length).toBeGreaterThanOrEqual(1)
        yield* Fiber.interrupt(bot)
      }).pipe(Effect.provide(withJsonLogs(rtmLayer({ rtmUrl: `http://127.0.0.1:${port}/rtm/`, rediscoverAfter: 1 }))))

      let auths = 0
      const server = yield* makeServer({
        onAuth: (socket) => {
          auths++
          if (auths === 1) socket.disconnect(true)
          else socket.emit("unauthorized", { message: "invalid token" })
        }
      })
      yield* Effect.gen(function*() {
        const bot = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain, Effect.ignore))
        expect(yield* eventually("INFO", "RTM link ended")).toHaveLength(1)
        expect(yield* eventually("ERROR", "Crisp RTM refused the credentials during authentication: invalid token")).toHaveLength(1)
        yield* Fiber.join(bot)
      }).pipe(Effect.provide(withJsonLogs(rtmLayer({ rtmUrl: server.url }))))
    }))
})

describe("Web Hooks: every refusal reaches a Logger merged next to CrispWebhooks.layer", () => {
  const Hooks = CrispWebhooks.layer({ secret: Redacted.make(SECRET), websiteKey: Redacted.make(WEBSITE_KEY), maxBodyBytes: 512 })
  const Server = HttpRouter.empty.pipe(
    HttpRouter.all("/crisp", CrispWebhooks.handler),
    HttpServer.serve(),
    Layer.provideMerge(NodeHttpServer.layer(() => http.createServer(), { port: 0, host: "127.0.0.1" }))
  )

  it.scopedLive("405, 413 (declared and counted), 400s, 401s, 503, and a malformed event — over real HTTP", () =>
    Effect.gen(function*() {
      yield* Effect.gen(function*() {
        // The program builds its server (as Layer.launch would) inside the provided layers.
        const context = yield* Layer.build(Server)
        const address = Context.get(context, HttpServer.HttpServer).address
        const url = address._tag === "TcpAddress" ? `http://127.0.0.1:${address.port}/crisp` : ""
        const signed = (body: string) => post(url, { body, headers: signedHeaders(body) })

        const malformed = envelope("message:send", { ...messageSend("hi"), fingerprint: EMAIL })
        // Nobody subscribes yet: 503.
        expect((yield* signed(malformed)).status).toBe(503)
        const seen = yield* Queue.unbounded<string>()
        yield* Effect.forkScoped(CrispEvents.all.pipe(Stream.runForEach((event) => Queue.offer(seen, event._tag))))
        let status = 503
        while (status === 503) {
          status = (yield* signed(malformed)).status
          if (status === 503) yield* Effect.sleep("2 millis")
        }
        expect(status).toBe(200)
        expect(yield* Queue.take(seen)).toBe("Malformed")

        const replies = [
          yield* post(url, { method: "GET" }),
          yield* post(url, { body: "x".repeat(600), headers: signedHeaders("x".repeat(600)) }),
          yield* post(url, { body: `{"email":"${EMAIL}",` + "x".repeat(600), chunks: 4 }),
          yield* signed(`not json ${EMAIL}`),
          yield* signed(`["${EMAIL}"]`),
          yield* signed(`{"event":1,"data":{"email":"${EMAIL}"}}`),
          yield* signed(`{"event":"message:send","data":"${EMAIL}"}`),
          yield* post(url, { body: malformed, headers: signedHeaders(malformed, { secret: "wrong" }) }),
          yield* post(url, { body: malformed, headers: signedHeaders(malformed, { timestamp: Date.now() - 3_600_000 }) }),
          yield* post(url, { body: malformed, headers: { ...signedHeaders(malformed), "x-crisp-signature": "zz" } }),
          yield* post(url, { body: malformed, headers: { ...signedHeaders(malformed), "x-crisp-request-timestamp": "" } }),
          yield* post(url, { body: malformed }),
          yield* post(`${url}?key=wrong`, { body: malformed })
        ]
        expect(replies.map((r) => r.status)).toEqual([405, 413, 413, 400, 400, 400, 400, 401, 401, 401, 401, 401, 401])
      }).pipe(Effect.provide(withJsonLogs(Hooks)))

      const warnings = entries().filter((entry) => entry.logLevel === "WARN")
      const reasons = warnings.map((entry) => entry.annotations["crisp.webhook.reason"]).filter((r) => r !== undefined)
      // Overloaded (nobody subscribed) first, as often as it took the subscription to start.
      expect(reasons[0]).toBe("Overloaded")
      expect(reasons.filter((reason) => reason !== "Overloaded")).toEqual([
        "MethodNotAllowed",
        "TooLarge",
        "TooLarge",
        "NotJson",
        "NotObject",
        "EventNotString",
        "DataNotObject",
        "Mismatch",
        "Stale",
        "MalformedSignature",
        "MissingHeader",
        "MissingKey",
        "WrongKey"
      ])
      expect(find("WARN", "Content-Length is over 512 bytes")).toHaveLength(1)
      expect(find("WARN", "the body is over 512 bytes")).toHaveLength(1)
      expect(find("WARN", `malformed "message:send" event (at fingerprint: expected number, got string`)).toHaveLength(1)
      expect(lines.join("\n")).not.toContain("jane.doe")
    }))

  it.live("a shutdown that cannot wait for a delivery still being read says so", () =>
    Effect.gen(function*() {
      const runtime = ManagedRuntime.make(withJsonLogs(CrispWebhooks.layer({ secret: Redacted.make(SECRET), enqueueTimeout: "20 millis" })))
      const handler = yield* Effect.promise(() => runtime.runPromise(CrispWebhooks.webHandler))
      // A client that sends the start of a body and then nothing.
      const stalled = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode(`{"event":"message:send",`))
      })
      const pending = handler(new Request("https://hooks.example.com/crisp", { method: "POST", body: stalled, duplex: "half" } as RequestInit))
      yield* Effect.sleep("20 millis")
      yield* Effect.promise(() => runtime.dispose())
      expect(find("WARN", "effect-crisp: 1 web hook deliveries were still in flight at shutdown")).toHaveLength(1)
      void pending.catch(() => undefined)
    }))

  it.live("the fetch handler from webHandler logs through the runtime that asked for it", () =>
    Effect.gen(function*() {
      const runtime = ManagedRuntime.make(withJsonLogs(Hooks))
      const handler = yield* Effect.promise(() => runtime.runPromise(CrispWebhooks.webHandler))
      const big = yield* Effect.promise(() =>
        handler(new Request("https://hooks.example.com/crisp", { method: "POST", body: "x".repeat(600), headers: { "content-length": "600" } }))
      )
      const forged = yield* Effect.promise(() =>
        handler(new Request("https://hooks.example.com/crisp", { method: "POST", body: "{}", headers: signedHeaders("{}", { secret: "x" }) }))
      )
      yield* Effect.promise(() => runtime.dispose())
      expect([big.status, forged.status]).toEqual([413, 401])
      expect(find("WARN", "Crisp web hook refused (413 TooLarge)")).toHaveLength(1)
      expect(find("WARN", "Crisp web hook signature refused")).toHaveLength(1)
    }))
})

describe("REST: the library's lines reach a Logger merged next to CrispHttp", () => {
  it.scopedLive("retries (debug) and a POST interrupted in flight that got no answer (warning)", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(Loopback.sequence(Loopback.failure(503, "unavailable"), Loopback.envelope({ session_id: "s" })))
      yield* Crisp.getConversation(Crisp.ids).pipe(Effect.provide(withJsonLogs(Crisp.layer(server))))
      expect(find("DEBUG", "effect-crisp: retrying after CrispApiError")).toHaveLength(1)

      yield* server.setHandler(Loopback.always({ ...Loopback.envelope({}), delayMs: 2_000 }))
      yield* server.clear
      const call = yield* Effect.fork(
        Crisp.sendMessage({ ...Crisp.ids, body: { type: "text", content: EMAIL } }).pipe(
          // Long enough that the interruption surely lands while the request is in flight.
          Effect.provide(withJsonLogs(Crisp.layer(server, { timeout: "500 millis", retry: false })))
        )
      )
      while ((yield* server.requests).length === 0) yield* Effect.sleep("2 millis")
      yield* Fiber.interrupt(call)
      expect(find("WARN", "was in flight when interrupted and failed")).toHaveLength(1)
      expect(lines.join("\n")).not.toContain("jane.doe")
    }))
})
