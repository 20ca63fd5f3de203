/**
 * WebsiteConversations through its public functions, over real loopback HTTP,
 * against FakeCrisp.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Option, Stream } from "effect"
import { type Schemas, WebsiteConversations } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import { CrispSimulator, CrispTest } from "../../src/testing.js"
import { start, WEBSITE } from "./harness.js"

const conversationsSeed = (count: number) => ({
  conversations: Array.from({ length: count }, (_, i) => ({
    website_id: WEBSITE,
    session_id: `session_${String(i).padStart(3, "0")}`,
    // distinct updated_at so the order is defined: newest first
    updated_at: 1_700_000_000_000 + i * 1000
  }))
})

describe("a conversation's life", () => {
  it.scopedLive("create, send every content type, read the messages back", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const created = yield* WebsiteConversations.create(WEBSITE)
        expect(created.session_id).toMatch(/^session_/)
        const session = created.session_id

        const op = { from: "operator", origin: "chat" } as const
        const sent: ReadonlyArray<Schemas.MessageNew> = [
          { ...op, type: "text", content: "Hello, how can I help?" },
          { ...op, type: "note", content: "Private note", mentions: [] },
          { ...op, type: "file", content: { name: "invoice.pdf", url: "https://files.test/invoice.pdf", type: "application/pdf" } },
          { ...op, type: "animation", content: { url: "https://files.test/hi.gif", type: "image/gif" } },
          { ...op, type: "audio", content: { url: "https://files.test/v.webm", type: "audio/webm", duration: 4 } },
          {
            ...op,
            type: "picker",
            content: { id: "rate", text: "Happy?", choices: [{ value: "yes", label: "Yes", selected: false }] }
          },
          { ...op, type: "field", content: { id: "phone", text: "Your phone?", explain: "+33 6…" } },
          {
            ...op,
            type: "carousel",
            content: {
              text: "Plans",
              targets: [{ title: "Pro", description: "Teams", actions: [{ label: "Buy", url: "https://shop.test/pro" }] }]
            }
          },
          { ...op, type: "event", content: { namespace: "state:resolved" } },
          { type: "text", content: "Thanks!", from: "user", origin: "chat" }
        ]
        const fingerprints: Array<number | undefined> = []
        for (const message of sent) fingerprints.push((yield* WebsiteConversations.sendMessage(WEBSITE, session, message)).fingerprint)
        expect(fingerprints.every((f) => typeof f === "number")).toBe(true)
        expect(new Set(fingerprints).size).toBe(sent.length)

        const messages = yield* WebsiteConversations.getMessages(WEBSITE, session)
        expect(messages.map((m) => [m.type, m.from, m.content])).toEqual(sent.map((m) => [m.type, m.from, m.content]))
        expect(messages.map((m) => m.fingerprint)).toEqual(fingerprints)
        const text = messages[0]!
        if (text.type !== "text") throw new Error("first message should be text")
        expect(text.content).toBe("Hello, how can I help?")
        expect(text.session_id).toBe(session)
        expect(text.website_id).toBe(WEBSITE)
      }).pipe(Effect.provide(h.plugin))
    }))

  it.scopedLive("messages are paged by timestamp_before", () =>
    Effect.gen(function*() {
      const h = yield* start({
        conversations: [{
          website_id: WEBSITE,
          session_id: "session_long",
          messages: Array.from({ length: 25 }, (_, i) => ({ from: "user" as const, content: `m${i}`, timestamp: 1000 + i }))
        }]
      })
      yield* Effect.gen(function*() {
        const latest = yield* WebsiteConversations.getMessages(WEBSITE, "session_long")
        expect(latest.map((m) => m.content)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 5}`))
        const older = yield* WebsiteConversations.getMessages(WEBSITE, "session_long", {
          timestamp_before: latest[0]!.timestamp!
        })
        expect(older.map((m) => m.content)).toEqual(["m0", "m1", "m2", "m3", "m4"])
      }).pipe(Effect.provide(h.plugin))
    }))

  it.scopedLive("meta, state, routing, block, read, initiate, delete", () =>
    Effect.gen(function*() {
      const h = yield* start({
        conversations: [{
          website_id: WEBSITE,
          session_id: "session_1",
          messages: [{ from: "user", content: "Hi", fingerprint: 501 }, { from: "user", content: "Anyone?", fingerprint: 502 }]
        }]
      })
      yield* Effect.gen(function*() {
        yield* WebsiteConversations.updateMeta(WEBSITE, "session_1", {
          nickname: "Jane",
          email: "jane@example.com",
          data: { plan: "pro", seats: 3 },
          segments: ["vip"]
        })
        const meta = yield* WebsiteConversations.getMeta(WEBSITE, "session_1")
        expect(meta.nickname).toBe("Jane")
        expect(meta.email).toBe("jane@example.com")
        expect(meta.data).toEqual({ plan: "pro", seats: 3 })
        expect(meta.segments).toEqual(["vip"])

        yield* WebsiteConversations.setState(WEBSITE, "session_1", "resolved")
        expect((yield* WebsiteConversations.getOne(WEBSITE, "session_1")).state).toBe("resolved")
        yield* WebsiteConversations.setState(WEBSITE, "session_1", "pending")
        expect((yield* WebsiteConversations.getOne(WEBSITE, "session_1")).state).toBe("pending")

        yield* WebsiteConversations.setRouting(WEBSITE, "session_1", { assigned: { user_id: "user-1" } })
        expect(yield* WebsiteConversations.getRouting(WEBSITE, "session_1")).toEqual({ assigned: { user_id: "user-1" } })

        yield* WebsiteConversations.setBlock(WEBSITE, "session_1", true)
        expect((yield* WebsiteConversations.getOne(WEBSITE, "session_1")).is_blocked).toBe(true)
        yield* WebsiteConversations.setBlock(WEBSITE, "session_1", false)
        expect((yield* WebsiteConversations.getOne(WEBSITE, "session_1")).is_blocked).toBe(false)

        yield* WebsiteConversations.acknowledgeMessages(WEBSITE, "session_1", "operator", "chat", [501, 502])
        const stored = Option.getOrThrow(yield* h.fake.conversation(WEBSITE, "session_1"))
        expect(stored.messages.map((m) => [m.fingerprint, m.read])).toEqual([[501, "chat"], [502, "chat"]])
        const events = (yield* h.fake.publishedEvents).map((e) => e.name)
        expect(events).toContain("message:acknowledge:read:send")

        yield* WebsiteConversations.initiateOne(WEBSITE, "session_1")

        yield* WebsiteConversations.deleteOne(WEBSITE, "session_1")
        const gone = yield* Effect.flip(WebsiteConversations.getOne(WEBSITE, "session_1"))
        expect(gone._tag).toBe("CrispNotFound")
        expect(Option.isNone(yield* h.fake.conversation(WEBSITE, "session_1"))).toBe(true)
      }).pipe(Effect.provide(h.plugin))
    }))
})

describe("pagination", () => {
  it.scopedLive("stream walks 120 conversations in 3 pages of 50 and stops on the short page", () =>
    Effect.gen(function*() {
      const h = yield* start(conversationsSeed(120))
      const all = yield* WebsiteConversations.stream(WEBSITE).pipe(Stream.runCollect, Effect.provide(h.plugin))
      expect(Chunk.size(all)).toBe(120)
      const ids = Chunk.toReadonlyArray(all).map((c) => c.session_id)
      expect(new Set(ids).size).toBe(120)
      // newest first: the last seeded conversation comes first
      expect(ids[0]).toBe("session_119")
      expect(ids[119]).toBe("session_000")
      const log = yield* h.fake.requests
      expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET website/${WEBSITE}/conversations/1`,
        `GET website/${WEBSITE}/conversations/2`,
        `GET website/${WEBSITE}/conversations/3`
      ])
      expect(log.map((r) => r.query.per_page)).toEqual(["50", "50", "50"])
    }))

  it.scopedLive("a full last page costs one more request, answered empty", () =>
    Effect.gen(function*() {
      const h = yield* start(conversationsSeed(100))
      const all = yield* WebsiteConversations.stream(WEBSITE).pipe(Stream.runCollect, Effect.provide(h.plugin))
      expect(Chunk.size(all)).toBe(100)
      expect((yield* h.fake.requests).map((r) => r.path)).toEqual([
        `website/${WEBSITE}/conversations/1`,
        `website/${WEBSITE}/conversations/2`,
        `website/${WEBSITE}/conversations/3`
      ])
    }))

  it.scopedLive("Stream.take stops fetching when the consumer has enough", () =>
    Effect.gen(function*() {
      const h = yield* start(conversationsSeed(120))
      const ten = yield* WebsiteConversations.stream(WEBSITE).pipe(Stream.take(10), Stream.runCollect, Effect.provide(h.plugin))
      expect(Chunk.size(ten)).toBe(10)
      expect((yield* h.fake.requests).length).toBe(1)

      yield* h.fake.clearRequests
      const sixty = yield* WebsiteConversations.stream(WEBSITE).pipe(Stream.take(60), Stream.runCollect, Effect.provide(h.plugin))
      expect(Chunk.size(sixty)).toBe(60)
      expect((yield* h.fake.requests).length).toBe(2)
    }))

  it.scopedLive("the caller's per_page and filters are kept, and the page size follows per_page", () =>
    Effect.gen(function*() {
      const h = yield* start(conversationsSeed(45))
      const all = yield* WebsiteConversations.stream(WEBSITE, { per_page: 20, include_empty: 1 }).pipe(
        Stream.runCollect,
        Effect.provide(h.plugin)
      )
      expect(Chunk.size(all)).toBe(45)
      const log = yield* h.fake.requests
      expect(log.map((r) => r.query)).toEqual([
        { per_page: "20", include_empty: "1" },
        { per_page: "20", include_empty: "1" },
        { per_page: "20", include_empty: "1" }
      ])
    }))

  it.scopedLive("getList defaults to page 1 and reads page 3", () =>
    Effect.gen(function*() {
      const h = yield* start(conversationsSeed(45))
      yield* Effect.gen(function*() {
        expect((yield* WebsiteConversations.getList(WEBSITE)).length).toBe(20)
        expect((yield* WebsiteConversations.getList(WEBSITE, 3)).length).toBe(5)
        expect(yield* WebsiteConversations.getList(WEBSITE, 4)).toEqual([])
      }).pipe(Effect.provide(h.plugin))
      expect(yield* h.seen).toEqual([
        `GET website/${WEBSITE}/conversations/1`,
        `GET website/${WEBSITE}/conversations/3`,
        `GET website/${WEBSITE}/conversations/4`
      ])
    }))
})

/**
 * A bot as a user would write it: when a visitor asks to copy someone in, it adds
 * them as a participant, leaves a note for the team and resolves the conversation.
 */
const copyInBot = CrispEvents.on("message:send").pipe(
  Stream.filterMap((m) =>
    typeof m.content === "string" && m.content.startsWith("Please copy ")
      ? Option.some({ ...m, email: m.content.slice("Please copy ".length) })
      : Option.none()
  ),
  Stream.take(1),
  Stream.runForEach((m) =>
    Effect.gen(function*() {
      const { email } = m
      const { participants } = yield* WebsiteConversations.getParticipants(m.website_id, m.session_id)
      yield* WebsiteConversations.saveParticipants(m.website_id, m.session_id, {
        participants: [...(participants ?? []), { type: "email", target: email }]
      })
      yield* WebsiteConversations.sendMessage(m.website_id, m.session_id, {
        type: "note", content: `Copied ${email} in at the visitor's request`, from: "operator", origin: "chat"
      })
      yield* WebsiteConversations.setState(m.website_id, m.session_id, "resolved")
    })
  )
)

/** What the bot leaves behind, read back through the public functions. */
const readBack = (sessionId: string) =>
  Effect.gen(function*() {
    const participants = yield* WebsiteConversations.getParticipants(WEBSITE, sessionId)
    const messages = yield* WebsiteConversations.getMessages(WEBSITE, sessionId)
    const state = yield* WebsiteConversations.getState(WEBSITE, sessionId)
    return { participants, messages, state }
  })

const expectWrappedUp = (back: Effect.Effect.Success<ReturnType<typeof readBack>>) => {
  expect(back.participants).toEqual({ participants: [{ type: "email", target: "jane@example.com" }] })
  expect(back.messages.map((m) => [m.type, m.from, m.content])).toEqual([
    ["text", "user", "Please copy jane@example.com"],
    ["note", "operator", "Copied jane@example.com in at the visitor's request"]
  ])
  expect(back.state).toEqual({ state: "resolved" })
}

describe("a bot adds a participant and a note and resolves the conversation", () => {
  it.effect("through CrispTest.layer()", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const events = yield* Effect.fork(Stream.runCollect(CrispEvents.all.pipe(
        Stream.filter((e) => e._tag === "Event" && e.name.startsWith("session:set_")),
        Stream.take(2)
      )))
      const bot = yield* Effect.fork(copyInBot)
      yield* control.awaitListening(2)
      expect(yield* WebsiteConversations.getParticipants(WEBSITE, "session-cc").pipe(Effect.flip)).toMatchObject({
        _tag: "CrispNotFound"
      })
      yield* control.visitorSends(WEBSITE, "session-cc", "Please copy jane@example.com")
      yield* Fiber.join(bot)
      expectWrappedUp(yield* readBack("session-cc"))
      expect((yield* WebsiteConversations.getOne(WEBSITE, "session-cc")).state).toBe("resolved")
      const announced = Chunk.toReadonlyArray(yield* Fiber.join(events))
      expect(announced.map((e) => e._tag === "Event" ? [e.name, e.data] : [])).toEqual([
        ["session:set_participants", expect.objectContaining({
          session_id: "session-cc",
          participants: [{ type: "email", target: "jane@example.com" }]
        })],
        ["session:set_state", expect.objectContaining({ session_id: "session-cc", state: "resolved" })]
      ])
      expect((yield* control.requests).map((r) => `${r.method} ${r.path}`)).toEqual([
        "GET website/website-1/conversation/session-cc/participants",
        "GET website/website-1/conversation/session-cc/participants",
        "PUT website/website-1/conversation/session-cc/participants",
        "POST website/website-1/conversation/session-cc/message",
        "PATCH website/website-1/conversation/session-cc/state",
        "GET website/website-1/conversation/session-cc/participants",
        "GET website/website-1/conversation/session-cc/messages",
        "GET website/website-1/conversation/session-cc/state",
        "GET website/website-1/conversation/session-cc"
      ])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.live("through CrispSimulator (real loopback HTTP, events over the RTM socket)", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const events = yield* Effect.fork(Stream.runCollect(CrispEvents.on("session:set_participants").pipe(Stream.take(1))))
      const bot = yield* Effect.fork(copyInBot)
      yield* control.awaitListening()
      yield* control.visitorSends(WEBSITE, "session-sim", "Please copy jane@example.com")
      yield* Fiber.join(bot)
      expectWrappedUp(yield* readBack("session-sim"))
      const [announced] = Chunk.toReadonlyArray(yield* Fiber.join(events))
      expect(announced!.participants).toEqual([{ type: "email", target: "jane@example.com" }])
    }).pipe(Effect.provide(CrispSimulator.layer({ rtm: { reconnect: { initialDelay: "5 millis", maxDelay: "20 millis" } } }))))
})

describe("one message at a time, on the fake", () => {
  it.effect("get, edit and remove a message by fingerprint; each change is announced", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.visitorSends(WEBSITE, "session-m", "Hello")
      const { fingerprint } = yield* WebsiteConversations.sendMessage(WEBSITE, "session-m", {
        type: "text", content: "Your order ships on Tuesday.", from: "operator", origin: "chat"
      })
      const id = fingerprint!
      const sent = yield* WebsiteConversations.getMessage(WEBSITE, "session-m", id)
      expect([sent.type, sent.content, sent.edited]).toEqual(["text", "Your order ships on Tuesday.", false])

      yield* WebsiteConversations.updateMessage(WEBSITE, "session-m", id, { content: "Your order ships on Monday." })
      const edited = yield* WebsiteConversations.getMessage(WEBSITE, "session-m", id)
      expect([edited.content, edited.edited]).toEqual(["Your order ships on Monday.", true])

      const wrongShape = yield* Effect.flip(WebsiteConversations.updateMessage(WEBSITE, "session-m", id, {
        content: { namespace: "state:resolved" }
      }))
      expect(wrongShape._tag === "CrispApiError" && wrongShape.status).toBe(400)

      yield* WebsiteConversations.removeMessage(WEBSITE, "session-m", id)
      expect((yield* Effect.flip(WebsiteConversations.getMessage(WEBSITE, "session-m", id)))._tag).toBe("CrispNotFound")
      expect((yield* Effect.flip(WebsiteConversations.removeMessage(WEBSITE, "session-m", id)))._tag).toBe("CrispNotFound")
      expect((yield* WebsiteConversations.getMessages(WEBSITE, "session-m")).map((m) => m.content)).toEqual(["Hello"])

      const published = (yield* control.publishedEvents).filter((e) => e.name === "message:updated" || e.name === "message:removed")
      expect(published.map((e) => [e.name, e.data.fingerprint, e.data.content])).toEqual([
        ["message:updated", fingerprint, "Your order ships on Monday."],
        ["message:removed", fingerprint, undefined]
      ])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("checkExists, getState and getBlockStatus follow the conversation", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      expect(yield* WebsiteConversations.checkExists(WEBSITE, "session-x")).toBe(false)
      yield* control.visitorSends(WEBSITE, "session-x", "Hi")
      expect(yield* WebsiteConversations.checkExists(WEBSITE, "session-x")).toBe(true)
      expect(yield* WebsiteConversations.getState(WEBSITE, "session-x")).toEqual({ state: "pending" })
      expect(yield* WebsiteConversations.getBlockStatus(WEBSITE, "session-x")).toEqual({ blocked: false })
      yield* WebsiteConversations.setBlock(WEBSITE, "session-x", true)
      yield* WebsiteConversations.setState(WEBSITE, "session-x", "unresolved")
      expect(yield* WebsiteConversations.getBlockStatus(WEBSITE, "session-x")).toEqual({ blocked: true })
      expect(yield* WebsiteConversations.getState(WEBSITE, "session-x")).toEqual({ state: "unresolved" })
      yield* WebsiteConversations.deleteOne(WEBSITE, "session-x")
      expect(yield* WebsiteConversations.checkExists(WEBSITE, "session-x")).toBe(false)
      expect((yield* Effect.flip(WebsiteConversations.getState(WEBSITE, "session-x")))._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("the paged lists the fake does not model are empty, so their Streams end", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.visitorSends(WEBSITE, "session-l", "Hi")
      const counts = yield* Effect.all([
        Stream.runCount(WebsiteConversations.streamPages(WEBSITE, "session-l")),
        Stream.runCount(WebsiteConversations.streamEvents(WEBSITE, "session-l")),
        Stream.runCount(WebsiteConversations.streamFiles(WEBSITE, "session-l")),
        Stream.runCount(WebsiteConversations.streamSpams(WEBSITE)),
        Stream.runCount(WebsiteConversations.streamSuggestedSegments(WEBSITE)),
        Stream.runCount(WebsiteConversations.streamSuggestedDataKeys(WEBSITE))
      ])
      expect(counts).toEqual([0, 0, 0, 0, 0, 0])
      expect((yield* Effect.flip(WebsiteConversations.resolveSpamContent(WEBSITE, "spam-1")))._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer())))
})
