/**
 * WebsiteConversations through its public functions, over real loopback HTTP,
 * against FakeCrisp.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Option, Stream } from "effect"
import { type Schemas, WebsiteConversations } from "../../src/index.js"
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
