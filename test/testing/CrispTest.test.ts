import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Redacted, Stream, TestClock } from "effect"
import { CrispHttp, WebsiteConversations, WebsitePeople } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import { CrispTest } from "../../src/testing.js"

const W = "website-1"

describe("CrispTest.layer (in process, TestClock)", () => {
  it.effect("REST calls reach the in-memory Crisp and read back what the visitor wrote", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.visitorSends(W, "session-a", "Hello, anyone there?")
      yield* WebsiteConversations.sendMessage(W, "session-a", {
        type: "text", content: "Yes!", from: "operator", origin: "chat"
      })
      const messages = yield* WebsiteConversations.getMessages(W, "session-a")
      expect(messages.map((m) => [m.from, m.content])).toEqual([
        ["user", "Hello, anyone there?"],
        ["operator", "Yes!"]
      ])
      const transcript = yield* control.messages(W, "session-a")
      expect(transcript).toHaveLength(2)
      const log = yield* control.requests
      expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
        "POST website/website-1/conversation/session-a/message",
        "GET website/website-1/conversation/session-a/messages"
      ])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("state changes arrive as typed events on CrispEvents", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const received = yield* Effect.fork(Stream.runCollect(CrispEvents.all.pipe(Stream.take(4))))
      yield* control.awaitListening()
      yield* control.visitorSends(W, "session-b", "hi")
      yield* WebsiteConversations.sendMessage(W, "session-b", { type: "text", content: "hello", from: "operator", origin: "chat" })
      yield* WebsiteConversations.setState(W, "session-b", "resolved")
      yield* WebsitePeople.createNewPeopleProfile(W, { email: "jane@example.com", person: { nickname: "Jane" } })
      const events = Chunk.toReadonlyArray(yield* Fiber.join(received))
      expect(events.map((e) => [e._tag, e.name])).toEqual([
        ["Event", "message:send"],
        ["Event", "message:received"],
        ["Event", "session:set_state"],
        ["Event", "people:profile:created"]
      ])
      const first = events[0]!
      if (first._tag === "Event" && first.name === "message:send") {
        expect(first.data.content).toBe("hi")
        expect(first.data.session_id).toBe("session-b")
        expect(first.delivery?.source).toBe("test")
      } else {
        expect.fail("first event should be a typed message:send")
      }
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("a token limited to one website hears that website's events only", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const received = yield* Effect.fork(Stream.runCollect(CrispEvents.on("message:send").pipe(Stream.take(1))))
      yield* control.awaitListening()
      yield* control.visitorSends("website-2", "s", "not for this token")
      yield* control.visitorSends(W, "s", "for this token")
      const events = Chunk.toReadonlyArray(yield* Fiber.join(received))
      expect(events.map((m) => [m.website_id, m.content])).toEqual([[W, "for this token"]])
      const refused = yield* Effect.flip(WebsiteConversations.getList("website-2", 1))
      expect(refused._tag === "CrispUnauthorized" && refused.status).toBe(403)
    }).pipe(Effect.provide(CrispTest.layer(
      {
        websites: [{ website_id: "website-2" }],
        tokens: [{ identifier: "dev-identifier", key: "dev-key", tier: "plugin", websites: [W] }]
      },
      { http: { identifier: "dev-identifier", key: Redacted.make("dev-key"), retry: false } }
    ))))

  it.effect("emit sends any event; unknown names pass through as Unknown", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const received = yield* Effect.fork(Stream.runCollect(CrispEvents.all.pipe(Stream.take(2))))
      yield* control.awaitListening()
      yield* control.emit("website:users:available", { website_id: W, available: true })
      yield* control.emitRaw("brand:new:event", { website_id: W, answer: 42 })
      const [known, unknown] = Chunk.toReadonlyArray(yield* Fiber.join(received))
      expect(known).toMatchObject({ _tag: "Event", name: "website:users:available", data: { available: true } })
      expect(unknown).toMatchObject({ _tag: "Unknown", name: "brand:new:event", data: { answer: 42 } })
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("injected failures reach the program as typed errors", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.failNext(404)
      const notFound = yield* Effect.flip(WebsiteConversations.getOne(W, "nope"))
      expect(notFound._tag).toBe("CrispNotFound")
      // a dropped POST is a transport error and is not retried
      yield* control.dropNext({ method: "POST" })
      const dropped = yield* Effect.flip(WebsiteConversations.create(W))
      expect(dropped._tag).toBe("CrispTransportError")
      const posts = (yield* control.requests).filter((r) => r.method === "POST")
      expect(posts).toHaveLength(1)
      // a GET answered 503 twice succeeds on the third attempt
      yield* control.failNext(503, { times: 2 })
      const page = yield* WebsiteConversations.getList(W, 1)
      expect(Array.isArray(page)).toBe(true)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("an injected delay runs on the TestClock, so the per-attempt timeout can be tested instantly", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.delayNext(5_000)
      const fiber = yield* Effect.fork(Effect.flip(
        WebsiteConversations.getList(W, 1).pipe(CrispHttp.withRequestOptions({ timeout: "1 second", retry: false }))
      ))
      yield* TestClock.adjust("2 seconds")
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("CrispTransportError")
      expect(error._tag === "CrispTransportError" && error.kind).toBe("timeout")
    }).pipe(Effect.provide(CrispTest.layer())))
})
