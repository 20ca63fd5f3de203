import { describe, expect, it } from "@effect/vitest"
import { inspect } from "node:util"
import { Chunk, Effect, Fiber, Layer, Logger, LogLevel, Option, Queue, Stream, Supervisor } from "effect"
import * as CrispHttp from "../../src/CrispHttp.js"
import { EventNames } from "../../src/realtime/CrispEvent.js"
import * as CrispEvents from "../../src/realtime/CrispEvents.js"
import * as CrispRtm from "../../src/realtime/CrispRtm.js"
import * as Loopback from "../support/loopback.js"
import { samples } from "./fixtures.js"
import { captureLogs, fastReconnect, httpLayer, IDENTIFIER, KEY, makeRawServer, makeServer, RTM_PATH, rtmLayer } from "./support.js"

/** Waits until the link reports `tag`. */
const awaitState = (tag: CrispRtm.ConnectionState["_tag"]) =>
  CrispRtm.state.pipe(Stream.filter((s) => s._tag === tag), Stream.runHead, Effect.map(Option.getOrThrow))

/** Starts collecting `stream` in the background; `n` elements. */
const collect = <A, E, R>(stream: Stream.Stream<A, E, R>, n: number) =>
  stream.pipe(Stream.take(n), Stream.runCollect, Effect.map(Chunk.toArray), Effect.fork)

const message = samples["message:send"] as Record<string, unknown>

describe("CrispRtm over a real socket.io server", () => {
  it.scopedLive("handshake: connects to the URL's path and authenticates with the exact payload", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        const fiber = yield* collect(CrispEvents.on("message:send"), 1)
        const auth = yield* Queue.take(server.auths)
        expect(auth.payload).toEqual({
          username: IDENTIFIER,
          password: KEY,
          tier: "plugin",
          events: [...EventNames]
        })
        expect((auth.payload as { events: Array<string> }).events).toHaveLength(82)
        expect(auth.socket.handshake.query.EIO).toBe("4")
        expect(auth.socket.handshake.query.transport).toBe("websocket")
        yield* awaitState("Connected")
        server.emit("message:send", message)
        expect(yield* Fiber.join(fiber)).toEqual([message])
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url + "?ignored=1#x" })))
    }))

  it.scopedLive("sends configured events, rooms and inboxes", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        const fiber = yield* collect(CrispEvents.all, 1)
        const auth = yield* Queue.take(server.auths)
        expect(auth.payload).toEqual({
          username: IDENTIFIER,
          password: KEY,
          tier: "plugin",
          events: ["message:send", "session:set_state"],
          rooms: ["website-1"],
          inboxes: ["inbox-1", "inbox-2"]
        })
        yield* Fiber.interrupt(fiber)
      }).pipe(Effect.provide(rtmLayer({
        rtmUrl: server.url,
        events: ["message:send", "session:set_state"],
        rooms: ["website-1"],
        inboxes: ["inbox-1", "inbox-2"]
      })))
    }))

  it.scopedLive("discovers the endpoint with GET {tier}/connect/endpoints and uses data.socket.app", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      const rest = yield* Loopback.make(Loopback.always(Loopback.envelope({
        socket: { app: server.url + "?region=eu", stream: "ignored" }
      })))
      yield* Effect.gen(function*() {
        const fiber = yield* collect(CrispEvents.on("message:send"), 1)
        const auth = yield* Queue.take(server.auths)
        expect((auth.payload as { tier: string }).tier).toBe("user")
        yield* awaitState("Connected")
        server.emit("message:send", message)
        expect(yield* Fiber.join(fiber)).toEqual([message])
      }).pipe(Effect.provide(
        CrispRtm.layer({ reconnect: fastReconnect }).pipe(Layer.provideMerge(httpLayer(`${rest.origin}/v1/`, "user")))
      ))
      const requests = yield* rest.requests
      expect(requests).toHaveLength(1)
      expect(requests[0]!.method).toBe("GET")
      expect(requests[0]!.url).toBe("/v1/user/connect/endpoints")
      expect(requests[0]!.headers["x-crisp-tier"]).toBe("user")
      expect(requests[0]!.headers.authorization).toBe(
        "Basic " + Buffer.from(`${IDENTIFIER}:${KEY}`).toString("base64")
      )
    }))

  it.scopedLive("delivers every one of the 82 event kinds, typed", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        const fiber = yield* collect(CrispEvents.all, EventNames.length)
        yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        for (const name of EventNames) server.emit(name, samples[name])
        const events = yield* Fiber.join(fiber)
        expect(events.map((e) => e._tag)).toEqual(EventNames.map(() => "Event"))
        expect(events.map((e) => e.name)).toEqual([...EventNames])
        for (const event of events) {
          expect(event.data).toEqual(samples[event.name as keyof typeof samples])
          expect(event.delivery).toEqual({ source: "rtm" })
        }
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })))
    }))

  it.scopedLive("filter, merge and throttle with ordinary Stream operators", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        const fromUsers = CrispEvents.on("message:send").pipe(
          Stream.filter((m) => m.from === "user"),
          Stream.map((m) => (m.type === "text" ? `user: ${m.content}` : "user: other"))
        )
        const states = CrispEvents.on("session:set_state").pipe(Stream.map((s) => `state: ${s.state}`))
        const merged = yield* collect(Stream.merge(fromUsers, states), 3)
        const throttled = yield* CrispEvents.on("website:update_visitors_count").pipe(
          Stream.rechunk(1),
          Stream.throttle({ cost: Chunk.size, units: 1, duration: "10 seconds", strategy: "enforce" }),
          Stream.map((e) => e.visitors_count),
          Stream.interruptAfter("400 millis"),
          Stream.runCollect,
          Effect.map(Chunk.toArray),
          Effect.fork
        )
        yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        yield* Effect.sleep("20 millis") // all five subscriptions are on the hub
        server.emit("message:send", { ...message, content: "one" })
        server.emit("message:send", { ...message, from: "operator", content: "not me" })
        server.emit("session:set_state", samples["session:set_state"])
        server.emit("message:send", { ...message, content: "two" })
        for (let i = 1; i <= 50; i++) server.emit("website:update_visitors_count", { website_id: "w", visitors_count: i })
        // Each source keeps its order; merge interleaves them freely.
        const mergedOut = yield* Fiber.join(merged)
        expect(mergedOut.filter((x) => x.startsWith("user"))).toEqual(["user: one", "user: two"])
        expect([...mergedOut].sort()).toEqual(["state: resolved", "user: one", "user: two"])
        // "enforce" lets the first element through and discards what exceeds the budget.
        expect(yield* Fiber.join(throttled)).toEqual([1])
        // Both subscriptions shared one socket.
        expect(server.connections()).toBe(1)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })))
    }))

  it.scopedLive("unknown names pass through; malformed payloads are surfaced and logged, never fatal", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      const logs = captureLogs()
      yield* Effect.gen(function*() {
        const all = yield* collect(CrispEvents.all, 3)
        const malformed = yield* collect(CrispEvents.malformed, 1)
        const unknown = yield* collect(CrispEvents.unknown, 1)
        yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        yield* Effect.sleep("20 millis")
        server.emit("message:send", { ...message, fingerprint: "s3cr3t-fingerprint" })
        server.emit("brand:new:event", { x: 1 })
        server.emit("message:send", message)
        const events = yield* Fiber.join(all)
        expect(events.map((e) => e._tag)).toEqual(["Malformed", "Unknown", "Event"])
        const [bad] = yield* Fiber.join(malformed)
        expect(bad!.name).toBe("message:send")
        expect(bad!.issue).toBe("at fingerprint: expected number, got string (18 chars)")
        const [unknown1] = yield* Fiber.join(unknown)
        expect(unknown1).toEqual({ _tag: "Unknown", name: "brand:new:event", data: { x: 1 }, delivery: { source: "rtm" } })
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })), Effect.provide(logs.layer))
      const warnings = logs.lines.filter((l) => l.startsWith("WARN"))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain("message:send")
      expect(warnings[0]).toContain("at fingerprint: expected number, got string (18 chars)")
      expect(logs.lines.join("\n")).not.toContain("s3cr3t-fingerprint")
    }))

  it.scopedLive("server disconnect → reconnect → authenticate again → events flow again", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        const states = yield* CrispRtm.state.pipe(
          Stream.map((s) => s._tag),
          Stream.changes,
          Stream.take(6),
          Stream.runCollect,
          Effect.fork
        )
        const received = yield* collect(CrispEvents.on("message:send"), 2)
        const first = yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        server.emit("message:send", { ...message, content: "before" })
        first.socket.disconnect(true)
        const second = yield* Queue.take(server.auths)
        expect(second.socket.id).not.toBe(first.socket.id)
        expect(second.payload).toEqual(first.payload)
        yield* awaitState("Connected")
        server.emit("message:send", { ...message, content: "after" })
        const got = yield* Fiber.join(received)
        expect(got.map((m) => (m as { content: unknown }).content)).toEqual(["before", "after"])
        expect(Chunk.toArray(yield* Fiber.join(states))).toEqual([
          "Idle",
          "Connecting",
          "Connected",
          "Disconnected",
          "Connecting",
          "Connected"
        ])
        expect(server.connections()).toBe(2)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })))
      expect(server.disconnects[0]).toBe("server namespace disconnect")
    }))

  it.scopedLive("a silent server is declared dead after pingInterval + pingTimeout, then reconnected", () =>
    Effect.gen(function*() {
      const raw = yield* makeRawServer({ pingInterval: 60, pingTimeout: 40 })
      yield* Effect.gen(function*() {
        const fiber = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        const firstSocket = yield* Queue.take(raw.sockets)
        const started = Date.now()
        const disconnected = yield* awaitState("Disconnected")
        const elapsed = Date.now() - started
        expect(disconnected._tag === "Disconnected" && disconnected.reason).toBe("no ping for 100 ms")
        expect(elapsed).toBeGreaterThanOrEqual(90)
        expect(elapsed).toBeLessThan(1000)
        yield* Queue.take(raw.sockets) // reconnected
        expect(raw.connections()).toBe(2)
        expect(firstSocket.readyState).not.toBe(1)
        yield* Fiber.interrupt(fiber)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: raw.url })))
    }))

  it.scopedLive("a server that pings keeps the link up (pong answered)", () =>
    Effect.gen(function*() {
      const raw = yield* makeRawServer({ pingInterval: 30, pingTimeout: 30, ping: true })
      yield* Effect.gen(function*() {
        const fiber = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        yield* Queue.take(raw.sockets)
        yield* Effect.sleep("300 millis")
        expect(raw.connections()).toBe(1)
        expect(raw.received.filter((f) => f === "3").length).toBeGreaterThanOrEqual(5)
        expect((yield* CrispRtm.CrispRtm.pipe(Effect.flatMap((r) => r.currentState)))._tag).toBe("Connected")
        yield* Fiber.interrupt(fiber)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: raw.url })))
    }))

  it.scopedLive("`unauthorized` fails the events stream with a typed error and does not loop", () =>
    Effect.gen(function*() {
      const server = yield* makeServer({
        onAuth: (socket) => {
          socket.emit("unauthorized", { message: "invalid token" })
        }
      })
      const logs = captureLogs()
      yield* Effect.gen(function*() {
        const error = yield* Effect.flip(CrispEvents.on("message:send").pipe(Stream.runDrain))
        expect(error._tag).toBe("CrispRealtimeUnauthorized")
        expect(error.stage).toBe("authentication")
        expect(error.reason).toBe("invalid token")
        const state = yield* awaitState("Unauthorized")
        expect(state._tag === "Unauthorized" && state.error.reason).toBe("invalid token")
        // A later subscriber fails at once, and nothing reconnects.
        const again = yield* Effect.flip(CrispEvents.all.pipe(Stream.runDrain))
        expect(again._tag).toBe("CrispRealtimeUnauthorized")
        yield* Effect.sleep("100 millis")
        expect(server.connections()).toBe(1)
        expect(error.message).not.toContain(KEY)
        expect(String(error)).not.toContain(KEY)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })), Effect.provide(logs.layer))
      expect(logs.lines.some((l) => l.startsWith("ERROR") && l.includes("invalid token"))).toBe(true)
      expect(logs.lines.join("\n")).not.toContain(KEY)
    }))

  it.scopedLive("a refused Socket.IO connect (44) is CrispRealtimeUnauthorized too", () =>
    Effect.gen(function*() {
      const server = yield* makeServer({ refuseConnect: "bad credentials" })
      yield* Effect.gen(function*() {
        const error = yield* Effect.flip(CrispEvents.all.pipe(Stream.runDrain))
        expect(error).toMatchObject({ _tag: "CrispRealtimeUnauthorized", stage: "connect", reason: "bad credentials" })
        yield* Effect.sleep("50 millis")
        expect(server.auths.unsafeSize().pipe(Option.getOrElse(() => -1))).toBe(0)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })))
    }))

  it.scopedLive("a 401 on endpoint discovery is CrispRealtimeUnauthorized; other failures are retried then rediscovered", () =>
    Effect.gen(function*() {
      const refused = yield* Loopback.make(Loopback.always(Loopback.failure(401, "invalid_session")))
      const error = yield* Effect.flip(CrispEvents.all.pipe(
        Stream.runDrain,
        Effect.provide(CrispRtm.layer({ reconnect: fastReconnect }).pipe(Layer.provideMerge(httpLayer(`${refused.origin}/v1/`))))
      ))
      expect(error).toMatchObject({ _tag: "CrispRealtimeUnauthorized", stage: "discovery" })

      // Discovery answers a dead URL twice, then the live one: after 2 failed connects
      // the URL is discovered again.
      const server = yield* makeServer()
      const dead = yield* Loopback.closedPort
      const rest = yield* Loopback.make(Loopback.sequence(
        Loopback.failure(500, "server_error"),
        Loopback.envelope({ socket: { app: `http://127.0.0.1:${dead}${RTM_PATH}` } }),
        Loopback.envelope({ socket: { app: server.url } })
      ))
      yield* Effect.gen(function*() {
        const fiber = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        yield* Queue.take(server.auths)
        yield* Fiber.interrupt(fiber)
      }).pipe(Effect.provide(
        CrispRtm.layer({ reconnect: fastReconnect, rediscoverAfter: 2 }).pipe(Layer.provideMerge(httpLayer(`${rest.origin}/v1/`)))
      ))
      expect((yield* rest.requests).map((r) => r.url)).toEqual([
        "/v1/plugin/connect/endpoints",
        "/v1/plugin/connect/endpoints",
        "/v1/plugin/connect/endpoints"
      ])
    }))

  it.scopedLive("unreadable frames are logged and skipped: not JSON, unknown type, binary; a 1 MB event arrives whole", () =>
    Effect.gen(function*() {
      const raw = yield* makeRawServer({ pingInterval: 10_000, pingTimeout: 10_000 })
      const logs = captureLogs()
      yield* Effect.gen(function*() {
        const received = yield* collect(CrispEvents.all, 2)
        const socket = yield* Queue.take(raw.sockets)
        yield* awaitState("Connected")
        const big = { ...message, content: "x".repeat(1024 * 1024) }
        socket.send('42["message:send",{not json')
        socket.send("9hello")
        socket.send("47[]")
        socket.send(Buffer.from([0x04, 0x02, 0xff]))
        socket.send(`42${JSON.stringify(["message:send", big])}`)
        socket.send(`42${JSON.stringify(["message:send", message])}`)
        const events = yield* Fiber.join(received)
        expect(events.map((e) => e._tag)).toEqual(["Event", "Event"])
        expect((events[0]!.data as { content: string }).content).toHaveLength(1024 * 1024)
        expect(events[1]!.data).toEqual(message)
        expect(raw.connections()).toBe(1)
        // The authentication went out as a proper event frame.
        const authFrame = raw.received.find((f) => f.startsWith('42["authentication"'))
        expect(authFrame).toBeDefined()
        expect(JSON.parse(authFrame!.slice(2))[1].password).toBe(KEY)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: raw.url })), Effect.provide(logs.layer))
      const warnings = logs.lines.filter((l) => l.startsWith("WARN"))
      expect(warnings).toHaveLength(4)
      expect(warnings[0]).toContain("event packet is not JSON")
      expect(warnings[1]).toContain('unknown Engine.IO packet type "9"')
      expect(warnings[2]).toContain('unknown Socket.IO packet type "7"')
      expect(warnings[3]).toContain("binary frame (3 bytes)")
    }))

  it.scopedLive("rebind emits socket:bind at most once per interval", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        expect(yield* CrispRtm.rebind).toBe("disconnected")
        const fiber = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        expect(yield* CrispRtm.rebind).toBe("sent")
        expect(yield* CrispRtm.rebind).toBe("throttled")
        yield* Effect.sleep("150 millis")
        expect(yield* CrispRtm.rebind).toBe("sent")
        yield* Effect.sleep("50 millis")
        expect(server.binds).toEqual([{}, {}])
        yield* Fiber.interrupt(fiber)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url, rebindInterval: "100 millis" })))
    }))

  it.scopedLive("connects lazily, shares one socket, and closes it with 41 when the last subscriber leaves", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        yield* Effect.sleep("100 millis")
        expect(server.connections()).toBe(0)
        expect((yield* CrispRtm.CrispRtm.pipe(Effect.flatMap((r) => r.currentState)))._tag).toBe("Idle")
        const a = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        const b = yield* Effect.fork(CrispEvents.on("message:send").pipe(Stream.runDrain))
        const c = yield* Effect.fork(CrispEvents.malformed.pipe(Stream.runDrain))
        yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        yield* Effect.sleep("50 millis")
        expect(server.connections()).toBe(1)
        yield* Fiber.interrupt(a)
        yield* Fiber.interrupt(b)
        expect(server.openNow()).toBe(1)
        yield* Fiber.interrupt(c)
        yield* awaitState("Idle")
        yield* Effect.sleep("50 millis")
        expect(server.openNow()).toBe(0)
        expect(server.disconnects).toEqual(["client namespace disconnect"])
        // A new subscriber connects again.
        const d = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        yield* Queue.take(server.auths)
        expect(server.connections()).toBe(2)
        yield* Fiber.interrupt(d)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })))
    }))

  it.scopedLive("survives 200 forced disconnects in a row; closing the scope sends 41 and leaves no fiber or socket", () =>
    Effect.gen(function*() {
      let auths = 0
      const server = yield* makeServer({
        onAuth: (socket) => {
          auths++
          if (auths <= 200) socket.disconnect(true)
          else void socket.join("authed")
        }
      })
      const baseline = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "Timeout").length
      const supervisor = yield* Supervisor.track
      yield* Effect.gen(function*() {
        const received = yield* collect(CrispEvents.on("message:send"), 1)
        while (auths <= 200) yield* Effect.sleep("20 millis")
        yield* awaitState("Connected")
        server.emit("message:send", message)
        expect(yield* Fiber.join(received)).toEqual([message])
        expect(server.connections()).toBe(201)
        expect(server.openNow()).toBe(1)
        // Keep one subscriber so that closing the layer's scope is what ends the link.
        yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        yield* Effect.sleep("20 millis")
      }).pipe(
        Effect.provide(rtmLayer({ rtmUrl: server.url, reconnect: { initialDelay: "1 millis", maxDelay: "2 millis" } })),
        Effect.supervised(supervisor),
        Effect.provide(Logger.minimumLogLevel(LogLevel.Warning)) // not 200 "reconnecting" lines
      )
      yield* Effect.sleep("100 millis")
      expect(server.openNow()).toBe(0)
      expect(server.disconnects.slice(0, 200).every((r) => r === "server namespace disconnect")).toBe(true)
      expect(server.disconnects[200]).toBe("client namespace disconnect")
      const alive = (yield* supervisor.value).filter((f) => f.unsafePoll() === null)
      expect(alive).toEqual([])
      const after = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "Timeout").length
      expect(after).toBeLessThanOrEqual(baseline)
    }), { timeout: 20_000 })

  it.scopedLive("100,000 events at a stuck subscriber: memory stays bounded (sliding buffer), others get everything", () =>
    Effect.gen(function*() {
      const total = 100_000
      const server = yield* makeServer()
      yield* Effect.gen(function*() {
        const rtm = yield* CrispRtm.CrispRtm
        // The stuck subscriber takes one chunk and never asks for more.
        yield* Effect.fork(CrispEvents.on("website:update_visitors_count").pipe(Stream.mapEffect(() => Effect.never), Stream.runDrain))
        const fast = yield* Effect.fork(CrispEvents.on("website:update_visitors_count").pipe(
          Stream.takeUntil((e) => e.visitors_count === total),
          Stream.runCount
        ))
        yield* Queue.take(server.auths)
        yield* awaitState("Connected")
        yield* Effect.sleep("20 millis")
        for (let i = 1; i <= total; i++) server.emit("website:update_visitors_count", { website_id: "w", visitors_count: i })
        expect(yield* Fiber.join(fast)).toBe(total)
        const dropped = yield* rtm.dropped
        // The stuck subscriber holds at most one chunk (≤ capacity) plus a full buffer (capacity).
        expect(dropped).toBeGreaterThanOrEqual(total - 2 * 4096)
        expect(dropped).toBeLessThan(total - 4096)
      }).pipe(Effect.provide(rtmLayer({ rtmUrl: server.url })))
    }), { timeout: 20_000 })

  it.scopedLive("reconnects with capped, jittered exponential backoff", () =>
    Effect.gen(function*() {
      const dead = yield* Loopback.closedPort
      yield* Effect.gen(function*() {
        const fiber = yield* Effect.fork(CrispEvents.all.pipe(Stream.runDrain))
        const delays = yield* CrispRtm.state.pipe(
          Stream.filterMap((s) => (s._tag === "Disconnected" ? Option.some(s) : Option.none())),
          Stream.take(5),
          Stream.runCollect,
          Effect.map(Chunk.toArray)
        )
        yield* Fiber.interrupt(fiber)
        const retry = delays.map((d) => d.retryInMillis)
        // delay n = jitter(50–100 %) × min(40, 10 × 2^n)
        const bounds = [[5, 10], [10, 20], [20, 40], [20, 40], [20, 40]]
        retry.forEach((ms, i) => {
          expect(ms).toBeGreaterThanOrEqual(bounds[i]![0]!)
          expect(ms).toBeLessThanOrEqual(bounds[i]![1]!)
        })
        expect(delays.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5])
        expect(delays[0]!.reason).toMatch(/ECONNREFUSED|socket|open/i)
      }).pipe(Effect.provide(rtmLayer({
        rtmUrl: `http://127.0.0.1:${dead}${RTM_PATH}`,
        reconnect: { initialDelay: "10 millis", maxDelay: "40 millis", factor: 2 }
      })))
    }))

  it.scopedLive("a REST-only program never opens the socket; no log or state carries the key", () =>
    Effect.gen(function*() {
      const server = yield* makeServer()
      const rest = yield* Loopback.make(Loopback.always(Loopback.envelope({ ok: true })))
      const logs = captureLogs()
      yield* Effect.gen(function*() {
        const data = yield* CrispHttp.request({ method: "GET", path: "website/w1" })
        expect(data).toEqual({ ok: true })
        yield* Effect.sleep("100 millis")
        expect(server.connections()).toBe(0)
        // Now subscribe, get refused, and look at everything observable.
        server.io.use((_socket, next) => next(new Error("nope")))
        const error = yield* Effect.flip(CrispEvents.all.pipe(Stream.runDrain))
        const state = yield* CrispRtm.CrispRtm.pipe(Effect.flatMap((r) => r.currentState))
        for (const text of [String(error), JSON.stringify(error), error.message, JSON.stringify(state), inspect(state)]) {
          expect(text).not.toContain(KEY)
        }
      }).pipe(
        Effect.provide(rtmLayer({ rtmUrl: server.url }, `${rest.origin}/v1/`)),
        Effect.provide(Logger.minimumLogLevel(LogLevel.All)),
        Effect.provide(logs.layer)
      )
      expect(logs.lines.length).toBeGreaterThan(0)
      expect(logs.lines.join("\n")).not.toContain(KEY)
      expect((yield* rest.requests).map((r) => r.url)).toEqual(["/v1/website/w1"])
    }))
})

