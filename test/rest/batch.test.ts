/**
 * WebsiteBatch: batches of conversations through CrispTest.layer() (removed
 * conversations are gone, resolved ones resolved, with their events); a batch
 * that is empty or over `Schemas.MAX_BATCH_ITEMS` ids is refused before anything
 * is sent; the routes shared by conversations and people put their own bodies on
 * the wire (real loopback HTTP).
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Stream } from "effect"
import { Schemas, WebsiteBatch, WebsiteConversations } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import { CrispTest } from "../../src/testing.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const W = "website-1"

const seed = {
  conversations: ["session_a", "session_b", "session_c"].map((session_id) => ({ website_id: W, session_id }))
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `session_${i}`)

describe("batches of conversations, in the in-memory Crisp", () => {
  it.effect("removing a batch: the conversations are gone, the others stay, each removal is announced", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const heard = yield* Effect.fork(Stream.runCollect(CrispEvents.on("session:removed").pipe(Stream.take(2))))
      yield* control.awaitListening()
      yield* WebsiteBatch.removeConversations(W, { sessions: ["session_a", "session_c", "session_unknown"] })

      for (const gone of ["session_a", "session_c"]) {
        const error = yield* Effect.flip(WebsiteConversations.getOne(W, gone))
        expect(error._tag).toBe("CrispNotFound")
      }
      expect((yield* WebsiteConversations.getOne(W, "session_b")).session_id).toBe("session_b")
      const left = yield* WebsiteConversations.getList(W, 1)
      expect(left.map((c) => c.session_id)).toEqual(["session_b"])
      const removed = Chunk.toReadonlyArray(yield* Fiber.join(heard))
      expect(removed.map((e) => e.session_id)).toEqual(["session_a", "session_c"])
    }).pipe(Effect.provide(CrispTest.layer(seed))))

  it.effect("resolving and reopening a batch sets each conversation's state", () =>
    Effect.gen(function*() {
      yield* WebsiteBatch.resolveConversations(W, { sessions: ["session_a", "session_b"] })
      const state = (session: string) => Effect.map(WebsiteConversations.getOne(W, session), (c) => c.state)
      expect([yield* state("session_a"), yield* state("session_b"), yield* state("session_c")])
        .toEqual(["resolved", "resolved", "pending"])
      yield* WebsiteBatch.unresolveConversations(W, { sessions: ["session_b"] })
      expect(yield* state("session_b")).toBe("unresolved")
    }).pipe(Effect.provide(CrispTest.layer(seed))))

  it.effect("a batch of exactly MAX_BATCH_ITEMS ids is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* WebsiteBatch.readConversations(W, { sessions: ids(Schemas.MAX_BATCH_ITEMS) })
      const sent = yield* control.requestsFor("WebsiteBatch.readConversations")
      expect(sent.map((r) => JSON.parse(r.body ?? "{}").sessions.length)).toEqual([100])
    }).pipe(Effect.provide(CrispTest.layer(seed))))
})

describe("a batch is refused before anything is sent", () => {
  const tooMany = ids(Schemas.MAX_BATCH_ITEMS + 1)

  it.effect("when it is empty or too large, with a CrispInvalidRequest saying what to fix", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const refused = [
        [WebsiteBatch.removeConversations(W, { sessions: [] }), "needs sessions (1 to 100 non-empty session ids) or an inbox_id"],
        [WebsiteBatch.removeConversations(W, { sessions: tooMany }), "needs sessions (1 to 100 non-empty session ids) or an inbox_id"],
        [WebsiteBatch.resolveConversations(W, {} as never), "needs sessions (1 to 100 non-empty session ids) or an inbox_id"],
        [WebsiteBatch.readConversations(W, { sessions: [""] }), "needs sessions (1 to 100 non-empty session ids) or an inbox_id"],
        [WebsiteBatch.reportConversations(W, { sessions: [], flag: "spam" }), "at sessions: must list at least one session id"],
        [
          WebsiteBatch.blockConversations(W, { sessions: tooMany, blocked: true }),
          "at sessions: must list at most 100 session ids per batch (split larger batches)"
        ],
        [WebsiteBatch.routingConversations(W, { sessions: [], assigned: null }), "at sessions: must list at least one session id"],
        [WebsiteBatch.inboxConversations(W, { sessions: tooMany, inbox_id: null }), "at sessions: must list at most 100"],
        [WebsiteBatch.updateConversationsData(W, { sessions: [], data: {} }), "at sessions: must list at least one session id"],
        [WebsiteBatch.updateConversationsSegments(W, { sessions: [], segments: [] }), "at sessions: must list at least one"],
        [WebsiteBatch.removePeople(W, { people: { profiles: [] } }), "at people: needs profiles (1 to 100 non-empty people ids) or a search"],
        [WebsiteBatch.removePeople(W, { people: { search: "" } }), "at people: needs profiles"],
        [WebsiteBatch.updatePeopleData(W, { people: { profiles: ids(101) }, data: {} }), "at people: needs profiles"],
        [WebsiteBatch.updatePeopleSegments(W, { people: {} as never, segments: [] }), "at people: needs profiles"]
      ] as const
      for (const [call, issue] of refused) {
        const error = yield* Effect.flip(call)
        expect(error._tag).toBe("CrispInvalidRequest")
        if (error._tag !== "CrispInvalidRequest") continue
        expect(error.issue).toContain(issue)
        expect(error.message).toMatch(/^Invalid input for (PATCH|POST) \/website\/\{website_id\}\/batch\//)
      }
      expect(yield* control.requests).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer(seed))))
})

describe("the routes conversations and people share", () => {
  it.scopedLive("put their own bodies on the same verb and path", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(() => Loopback.envelope({}))
      yield* Effect.gen(function*() {
        yield* WebsiteBatch.removeConversations(W, { sessions: ["session_a"] })
        yield* WebsiteBatch.removePeople(W, { people: { profiles: ["people-1"] } })
        yield* WebsiteBatch.updateConversationsData(W, { sessions: ["session_a"], data: { plan: "pro" } })
        yield* WebsiteBatch.updatePeopleData(W, { people: { search: "acme" }, data: { plan: "pro" } })
        yield* WebsiteBatch.updateConversationsSegments(W, { sessions: ["session_a"], segments: ["vip"] })
        yield* WebsiteBatch.updatePeopleSegments(W, { people: { profiles: ["people-1"] }, segments: ["vip"] })
      }).pipe(Effect.provide(Support.layer(server, { retry: false })))
      const sent = (yield* server.requests).map((r) => [r.method, r.url, JSON.parse(r.body)])
      expect(sent).toEqual([
        ["PATCH", `/v1/website/${W}/batch/remove`, { sessions: ["session_a"] }],
        ["PATCH", `/v1/website/${W}/batch/remove`, { people: { profiles: ["people-1"] } }],
        ["PATCH", `/v1/website/${W}/batch/data`, { sessions: ["session_a"], data: { plan: "pro" } }],
        ["PATCH", `/v1/website/${W}/batch/data`, { people: { search: "acme" }, data: { plan: "pro" } }],
        ["PATCH", `/v1/website/${W}/batch/segments`, { sessions: ["session_a"], segments: ["vip"] }],
        ["PATCH", `/v1/website/${W}/batch/segments`, { people: { profiles: ["people-1"] }, segments: ["vip"] }]
      ])
    }))
})
