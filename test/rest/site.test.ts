/**
 * The website-level methods added beside the old client's: websites (get,
 * check, abort a deletion), operators active lately, inboxes and teams, the
 * website's RTM endpoints — round trips through the in-process test layer as a
 * user writes them, the decoding of camelCase answers, and bad input.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Stream, TestClock } from "effect"
import {
  Website,
  WebsiteConnect,
  WebsiteConversations,
  WebsiteInbox,
  WebsiteOperators,
  WebsiteSettings,
  WebsiteTeams
} from "../../src/index.js"
import { CrispTest } from "../../src/testing.js"

const W = "website-1"

describe("websites", () => {
  it.effect("get a website, check a domain, abort a deletion", () =>
    Effect.gen(function*() {
      const website = yield* Website.get(W)
      expect(website.website_id).toBe(W)
      expect(yield* Website.checkExists({ domain: website.domain! })).toBe(true)
      expect(yield* Website.checkExists({ domain: "nobody.example" })).toBe(false)
      expect((yield* Effect.flip(Website.get("no-such-website")))._tag).toBe("CrispNotFound")
      yield* Website.abortDeletion(W)
      const refused = yield* Effect.flip(Website.checkExists({ domain: "  " }))
      expect(refused._tag).toBe("CrispInvalidRequest")
      expect((yield* WebsiteConnect.getEndpoints(W)).socket?.app).toBeDefined()
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("camelCase answers decode under their snake_case names (websiteID, userID, firstName, hasToken)", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.stub("WebsiteSettings.get", { data: { websiteID: W, name: "Acme" } })
      expect((yield* WebsiteSettings.get(W)).website_id).toBe(W)
      yield* control.stub("WebsiteOperators.getOne", { data: { userID: "u1", firstName: "Ada", hasToken: true } })
      expect(yield* WebsiteOperators.getOne(W, "u1")).toMatchObject({ user_id: "u1", first_name: "Ada", has_token: true })
      yield* control.stub("WebsiteOperators.listLastActive", { data: [{ userID: "u2", timestamp: 5 }] })
      expect(yield* WebsiteOperators.listLastActive(W)).toEqual([{ user_id: "u2", timestamp: 5 }])
      yield* control.stub("WebsiteOperators.listLastActive", { data: [{ user_id: "u3", timestamp: "yesterday" }] })
      const error = yield* Effect.flip(WebsiteOperators.listLastActive(W))
      expect(error._tag).toBe("CrispDecodeError")
      expect(error.message).toContain("timestamp")
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("operators active lately", () => {
  it.effect("an operator's message puts them on the list, the latest first; a flush empties it", () =>
    Effect.gen(function*() {
      const reply = (sessionId: string, userId: string) =>
        WebsiteConversations.sendMessage(W, sessionId, {
          type: "text", content: "On it", from: "operator", origin: "chat", user: { user_id: userId }
        })
      const control = yield* CrispTest.Control
      yield* control.visitorSends(W, "session-1", "Help?")
      yield* control.visitorSends(W, "session-2", "Help!")
      yield* WebsiteOperators.createOne(W, { email: "max@example.com", role: "member" })
      const max = (yield* WebsiteOperators.getList(W)).find((o) => o.details?.email === "max@example.com")!.details!.user_id!

      expect(yield* WebsiteOperators.listLastActive(W)).toEqual([])
      yield* TestClock.setTime(1_000)
      yield* reply("session-1", "user-1")
      yield* TestClock.setTime(2_000)
      yield* reply("session-2", max)
      const active = yield* WebsiteOperators.listLastActive(W)
      expect(active.map((o) => [o.user_id, o.timestamp])).toEqual([[max, 2_000], ["user-1", 1_000]])
      expect(active[1]!.nickname).toBe("Olivia Operator")

      yield* TestClock.setTime(3_000)
      yield* WebsiteOperators.flushLastActive(W)
      expect(yield* WebsiteOperators.listLastActive(W)).toEqual([])
      yield* TestClock.setTime(4_000)
      yield* reply("session-1", "user-1")
      expect((yield* WebsiteOperators.listLastActive(W)).map((o) => o.user_id)).toEqual(["user-1"])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("an email to the operators sends its fields as given; a wrong type is refused first", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* WebsiteOperators.sendEmail(W, {
        recipient: "user", user_id: "user-1", subject: "Report", message: "Ready", target: { label: "Open", url: "https://example.com" }
      })
      const [sent] = yield* control.requestsFor("WebsiteOperators.sendEmail")
      expect(JSON.parse(sent!.body!)).toEqual({
        recipient: "user", user_id: "user-1", subject: "Report", message: "Ready", target: { label: "Open", url: "https://example.com" }
      })
      const error = yield* Effect.flip(WebsiteOperators.sendEmail(W, { subject: 42 } as never))
      expect(error._tag).toBe("CrispInvalidRequest")
      expect(error.message).toContain("subject")
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("inboxes", () => {
  it.effect("create, list, check, get, save, reorder, delete", () =>
    Effect.gen(function*() {
      const { inbox_id: billing } = yield* WebsiteInbox.create(W, {
        name: "Billing", emoji: "💳", order: 1,
        conditions: [{ model: "session", criterion: "segments", operator: "eq", query: ["billing"] }]
      })
      const { inbox_id: sales } = yield* WebsiteInbox.create(W, { name: "Sales", order: 2 })
      expect(billing).toBeDefined()
      expect(billing).not.toBe(sales)

      expect((yield* WebsiteInbox.list(W, 1)).map((i) => i.name)).toEqual(["Billing", "Sales"])
      expect(yield* WebsiteInbox.list(W, 2)).toEqual([])
      expect(yield* WebsiteInbox.checkExists(W, billing!)).toBe(true)
      const read = yield* WebsiteInbox.get(W, billing!)
      expect(read).toMatchObject({ inbox_id: billing, name: "Billing", emoji: "💳" })
      expect(read.conditions).toEqual([{ model: "session", criterion: "segments", operator: "eq", query: ["billing"] }])

      yield* WebsiteInbox.save(W, billing!, { name: "Billing & invoices", operators: ["user-1"] })
      expect(yield* WebsiteInbox.get(W, billing!)).toMatchObject({ name: "Billing & invoices", operators: ["user-1"] })

      yield* WebsiteInbox.batchOrder(W, { orders: [{ inbox_id: billing!, order: 2 }, { inbox_id: sales!, order: 1 }] })
      expect((yield* WebsiteInbox.get(W, billing!)).order).toBe(2)
      expect((yield* WebsiteInbox.get(W, sales!)).order).toBe(1)
      const unknown = yield* Effect.flip(WebsiteInbox.batchOrder(W, { orders: [{ inbox_id: "ghost", order: 1 }, { inbox_id: sales!, order: 9 }] }))
      expect(unknown._tag).toBe("CrispNotFound")
      expect((yield* WebsiteInbox.get(W, sales!)).order).toBe(1)

      const all = yield* Stream.runCollect(WebsiteInbox.stream(W))
      expect(Chunk.toReadonlyArray(all).map((i) => i.inbox_id)).toEqual([billing, sales])

      yield* WebsiteInbox.delete(W, billing!)
      expect(yield* WebsiteInbox.checkExists(W, billing!)).toBe(false)
      expect((yield* Effect.flip(WebsiteInbox.get(W, billing!)))._tag).toBe("CrispNotFound")
      expect((yield* Effect.flip(WebsiteInbox.delete(W, billing!)))._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("bad inboxes are refused before anything is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const errors = yield* Effect.all([
        Effect.flip(WebsiteInbox.create(W, { conditions: [{ operator: "like" as never }] })),
        Effect.flip(WebsiteInbox.create(W, { order: "first" as never })),
        Effect.flip(WebsiteInbox.batchOrder(W, { orders: [{ inbox_id: "", order: 1 }] })),
        Effect.flip(WebsiteInbox.batchOrder(W, {} as never)),
        Effect.flip(WebsiteInbox.list(W, 0)),
        Effect.flip(WebsiteInbox.get(W, ".."))
      ])
      expect(errors.map((e) => e._tag)).toEqual(Array.from({ length: 6 }, () => "CrispInvalidRequest"))
      expect(yield* control.requests).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("teams", () => {
  it.effect("create, list, check, get, save, delete; every team as a Stream", () =>
    Effect.gen(function*() {
      const created = yield* Effect.forEach(
        Array.from({ length: 25 }, (_, i) => `Team ${i}`),
        (name) => WebsiteTeams.create(W, { name, operators: ["user-1"] })
      )
      const first = created[0]!.team_id!
      expect(new Set(created.map((t) => t.team_id)).size).toBe(25)

      expect((yield* WebsiteTeams.list(W, 1)).length).toBe(20)
      expect((yield* WebsiteTeams.list(W, 2)).length).toBe(5)
      const all = yield* Stream.runCollect(WebsiteTeams.stream(W))
      expect(Chunk.size(all)).toBe(25)

      expect(yield* WebsiteTeams.checkExists(W, first)).toBe(true)
      expect(yield* WebsiteTeams.get(W, first)).toMatchObject({ team_id: first, name: "Team 0", operators: ["user-1"] })
      yield* WebsiteTeams.save(W, first, { name: "Night shift", emoji: "🌙" })
      expect(yield* WebsiteTeams.get(W, first)).toMatchObject({ name: "Night shift", emoji: "🌙" })
      yield* WebsiteTeams.delete(W, first)
      expect(yield* WebsiteTeams.checkExists(W, first)).toBe(false)
      expect((yield* Effect.flip(WebsiteTeams.save(W, first, { name: "Gone" })))._tag).toBe("CrispNotFound")

      // teams of another website are not these
      expect(yield* WebsiteTeams.list("website-2", 1)).toEqual([])
      const bad = yield* Effect.flip(WebsiteTeams.create(W, { operators: "user-1" as never }))
      expect(bad._tag).toBe("CrispInvalidRequest")
    }).pipe(Effect.provide(CrispTest.layer({ websites: [{ website_id: "website-2" }] }))))
})
