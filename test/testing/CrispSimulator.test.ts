import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Redacted, Stream } from "effect"
import { CrispHttp, WebsiteConversations } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import * as CrispRtm from "../../src/realtime/CrispRtm.js"
import { CrispSimulator, CrispTest } from "../../src/testing.js"

const W = "website-1"
const fast = { rtm: { reconnect: { initialDelay: "5 millis", maxDelay: "20 millis" } } } as const

/** Waits until the RTM socket is authenticated, so that events published next are received. */
const connected = Effect.flatMap(CrispTest.Control, (control) => control.awaitListening())

/** Subscribes, then waits for the socket: the events published afterwards are all seen. */
const collect = <A, E, R>(stream: Stream.Stream<A, E, R>, n: number) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(Stream.runCollect(Stream.take(stream, n)))
    yield* connected
    return fiber
  })

describe("CrispSimulator (real loopback HTTP + real socket.io)", () => {
  it.live("REST over fetch and events over the RTM socket, end to end", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const fiber = yield* collect(CrispEvents.on("message:send"), 2)
      yield* control.visitorSends(W, "s1", "first")
      yield* control.visitorSends(W, "s1", "second")
      const received = Chunk.toReadonlyArray(yield* Fiber.join(fiber))
      expect(received.map((m) => m.content)).toEqual(["first", "second"])
      yield* WebsiteConversations.sendMessage(W, "s1", { type: "text", content: "hello", from: "operator", origin: "chat" })
      const messages = yield* WebsiteConversations.getMessages(W, "s1")
      expect(messages.map((m) => m.content)).toEqual(["first", "second", "hello"])
    }).pipe(Effect.provide(CrispSimulator.layer(fast))))

  it.live("a server-side disconnect: the client reconnects, authenticates again, and events flow again", () =>
    Effect.gen(function*() {
      const simulator = yield* CrispSimulator.CrispSimulator
      const control = yield* CrispTest.Control
      const states = yield* Effect.fork(Stream.runCollect(CrispRtm.state.pipe(
        Stream.filter((s) => s._tag === "Connected"),
        Stream.take(2)
      )))
      const fiber = yield* collect(CrispEvents.on("message:send"), 2)
      yield* control.visitorSends(W, "s2", "before")
      yield* simulator.disconnectRtmClients
      // wait for the second Connected state, then for the re-authentication
      yield* Fiber.join(states)
      yield* connected
      yield* control.visitorSends(W, "s2", "after")
      const received = Chunk.toReadonlyArray(yield* Fiber.join(fiber))
      expect(received.map((m) => m.content)).toEqual(["before", "after"])
    }).pipe(Effect.provide(CrispSimulator.layer(fast))))

  it.live("wrong RTM credentials: unauthorized is a typed failure, REST says 401", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Stream.runDrain(CrispEvents.all))
      expect(error._tag).toBe("CrispRealtimeUnauthorized")
      const rest = yield* Effect.flip(WebsiteConversations.getList(W, 1))
      expect(rest._tag).toBe("CrispUnauthorized")
      expect(String(error)).not.toContain("wrong-key")
      expect(String(rest)).not.toContain("wrong-key")
    }).pipe(Effect.provide(CrispSimulator.layer({
      ...fast,
      http: { key: Redacted.make("wrong-key"), retry: false }
    }))))

  it.live("a token limited to one website: that website's events only, 403 on the others", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const fiber = yield* collect(CrispEvents.on("message:send"), 1)
      yield* control.visitorSends("website-2", "s1", "not for this token")
      yield* control.visitorSends(W, "s1", "for this token")
      const received = Chunk.toReadonlyArray(yield* Fiber.join(fiber))
      expect(received.map((m) => [m.website_id, m.content])).toEqual([[W, "for this token"]])
      expect((yield* WebsiteConversations.getList(W, 1)).length).toBe(1)
      const refused = yield* Effect.flip(WebsiteConversations.getList("website-2", 1))
      expect(refused._tag === "CrispUnauthorized" && refused.status).toBe(403)
    }).pipe(Effect.provide(CrispSimulator.layer({
      ...fast,
      seed: {
        websites: [{ website_id: "website-2" }],
        tokens: [{ identifier: "dev-identifier", key: "dev-key", tier: "plugin", websites: [W] }]
      },
      http: { identifier: "dev-identifier", key: Redacted.make("dev-key"), retry: false }
    }))))

  it.live("any client can be pointed at it: the simulator prints working credentials", () =>
    Effect.gen(function*() {
      const simulator = yield* CrispSimulator.CrispSimulator
      const auth = "Basic " + Buffer.from(`${simulator.identifier}:${simulator.key}`).toString("base64")
      const response = yield* Effect.promise(() =>
        fetch(`${simulator.restUrl}website/${W}/conversations/1`, {
          headers: { authorization: auth, "x-crisp-tier": simulator.tier }
        }))
      expect(response.status).toBe(200)
      const endpoints = yield* CrispHttp.request({ method: "GET", path: "plugin/connect/endpoints" })
      expect(endpoints).toMatchObject({ socket: { app: simulator.rtmUrl } })
    }).pipe(Effect.provide(CrispSimulator.layer(fast))))
})
