/**
 * WebsitePeople through its public functions, over real loopback HTTP, against
 * FakeCrisp.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Stream } from "effect"
import { WebsitePeople } from "../../src/index.js"
import { CrispSimulator, CrispTest, FakeCrisp } from "../../src/testing.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { start, WEBSITE } from "./harness.js"

describe("a people round trip", () => {
  it.scopedLive("create, get by id and email, exists, update, save, events, data, segments, remove", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const { people_id } = yield* WebsitePeople.createNewPeopleProfile(WEBSITE, {
          email: "jane@example.com",
          person: { nickname: "Jane Doe", phone: "+33 1 00 00 00 00" },
          segments: ["lead"]
        })
        expect(people_id.length).toBeGreaterThan(0)

        const byId = yield* WebsitePeople.getPeopleProfile(WEBSITE, people_id)
        const byEmail = yield* WebsitePeople.getPeopleProfile(WEBSITE, "jane@example.com")
        expect(byId.people_id).toBe(people_id)
        expect(byId.email).toBe("jane@example.com")
        expect(byId.person?.nickname).toBe("Jane Doe")
        expect(byId.segments).toEqual(["lead"])
        expect(byEmail).toEqual(byId)

        expect(yield* WebsitePeople.checkPeopleProfileExists(WEBSITE, people_id)).toBe(true)
        expect(yield* WebsitePeople.checkPeopleProfileExists(WEBSITE, "jane@example.com")).toBe(true)
        expect(yield* WebsitePeople.checkPeopleProfileExists(WEBSITE, "nobody@example.com")).toBe(false)

        const found = yield* WebsitePeople.findByEmail(WEBSITE, "jane@example.com")
        expect(found.map((p) => p.people_id)).toEqual([people_id])
        expect(yield* WebsitePeople.findByEmail(WEBSITE, "nobody@example.com")).toEqual([])

        // PATCH merges
        yield* WebsitePeople.updatePeopleProfile(WEBSITE, people_id, { person: { nickname: "Jane D." }, notepad: "VIP" })
        const updated = yield* WebsitePeople.getPeopleProfile(WEBSITE, people_id)
        expect(updated.person?.nickname).toBe("Jane D.")
        expect(updated.person?.phone).toBe("+33 1 00 00 00 00")
        expect(updated.notepad).toBe("VIP")
        expect(updated.segments).toEqual(["lead"])

        // PUT replaces
        yield* WebsitePeople.savePeopleProfile(WEBSITE, "jane@example.com", {
          email: "jane@example.com",
          person: { nickname: "Jane" },
          segments: ["customer", "vip"]
        })
        const saved = yield* WebsitePeople.getPeopleProfile(WEBSITE, people_id)
        expect(saved.person).toEqual({ nickname: "Jane" })
        expect(saved.notepad).toBeUndefined()
        expect(saved.segments).toEqual(["customer", "vip"])

        expect((yield* WebsitePeople.findBySegments(WEBSITE, ["customer", "vip"])).map((p) => p.people_id))
          .toEqual([people_id])
        expect(yield* WebsitePeople.findBySegments(WEBSITE, ["customer", "lead"])).toEqual([])

        // events
        yield* WebsitePeople.addPeopleEvent(WEBSITE, people_id, { text: "Signed up", color: "green" })
        yield* WebsitePeople.addPeopleEvent(WEBSITE, people_id, { text: "Upgraded", data: { plan: "pro" } })
        const events = yield* WebsitePeople.listPeopleEvent(WEBSITE, people_id)
        expect(events.map((e) => e.text)).toEqual(["Upgraded", "Signed up"])
        expect(events[0]!.data).toEqual({ plan: "pro" })
        expect(events[1]!.color).toBe("green")
        expect(typeof events[0]!.timestamp).toBe("number")

        // data (PUT replaces)
        yield* WebsitePeople.updatePeopleData(WEBSITE, people_id, { data: { plan: "pro", seats: 5, trial: false } })
        expect(yield* WebsitePeople.getPeopleData(WEBSITE, people_id)).toEqual({ data: { plan: "pro", seats: 5, trial: false } })
        yield* WebsitePeople.updatePeopleData(WEBSITE, people_id, { data: { seats: 6 } })
        expect(yield* WebsitePeople.getPeopleData(WEBSITE, people_id)).toEqual({ data: { seats: 6 } })

        // segments, website-wide
        yield* WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "john@example.com", segments: ["vip"] })
        expect(yield* WebsitePeople.listPeopleSegments(WEBSITE)).toEqual([
          { segment: "vip", count: 2 },
          { segment: "customer", count: 1 }
        ])

        // remove
        yield* WebsitePeople.removePeopleProfile(WEBSITE, people_id)
        expect(yield* WebsitePeople.checkPeopleProfileExists(WEBSITE, people_id)).toBe(false)
        const gone = yield* Effect.flip(WebsitePeople.getPeopleProfile(WEBSITE, people_id))
        expect(gone._tag).toBe("CrispNotFound")
      }).pipe(Effect.provide(h.plugin))
    }))

  it.scopedLive("an email with reserved characters stays one path segment", () =>
    Effect.gen(function*() {
      const h = yield* start({ people: [{ website_id: WEBSITE, email: "a/b?c#d@example.com", person: { nickname: "Odd" } }] })
      const profile = yield* WebsitePeople.getPeopleProfile(WEBSITE, "a/b?c#d@example.com").pipe(Effect.provide(h.plugin))
      expect(profile.person?.nickname).toBe("Odd")
      expect((yield* h.fake.requests)[0]!.path).toBe(`website/${WEBSITE}/people/profile/a%2Fb%3Fc%23d%40example.com`)
    }))

  it.scopedLive("creating a second profile with the same email is a CrispApiError 409", () =>
    Effect.gen(function*() {
      const h = yield* start({ people: [{ website_id: WEBSITE, email: "jane@example.com" }] })
      const error = yield* Effect.flip(
        WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "jane@example.com" }).pipe(Effect.provide(h.plugin))
      )
      expect(error._tag).toBe("CrispApiError")
      if (error._tag === "CrispApiError") {
        expect(error.status).toBe(409)
        expect(error.reason).toBe("people_exists")
      }
    }))
})

describe("people pagination", () => {
  const people = (count: number) => ({
    people: Array.from({ length: count }, (_, i) => ({
      website_id: WEBSITE,
      email: `person${String(i).padStart(3, "0")}@example.com`,
      created_at: 1_700_000_000_000 + i * 1000
    }))
  })

  it.scopedLive("streamPeopleProfiles walks 120 profiles in 3 pages of 50", () =>
    Effect.gen(function*() {
      const h = yield* start(people(120))
      const all = yield* WebsitePeople.streamPeopleProfiles(WEBSITE).pipe(Stream.runCollect, Effect.provide(h.plugin))
      const emails = Chunk.toReadonlyArray(all).map((p) => p.email)
      expect(emails.length).toBe(120)
      expect(new Set(emails).size).toBe(120)
      expect(emails[0]).toBe("person119@example.com")
      const log = yield* h.fake.requests
      expect(log.map((r) => [r.path, r.query.per_page])).toEqual([
        [`website/${WEBSITE}/people/profiles/1`, "50"],
        [`website/${WEBSITE}/people/profiles/2`, "50"],
        [`website/${WEBSITE}/people/profiles/3`, "50"]
      ])
    }))

  it.scopedLive("streamPeopleProfiles with a search and Stream.take makes one request", () =>
    Effect.gen(function*() {
      const h = yield* start(people(120))
      const some = yield* WebsitePeople.streamPeopleProfiles(WEBSITE, { search_text: "person1", sort_order: "ascending" }).pipe(
        Stream.take(5),
        Stream.runCollect,
        Effect.provide(h.plugin)
      )
      // "person1" is in person100..person119 only; oldest first
      expect(Chunk.toReadonlyArray(some).map((p) => p.email)).toEqual([
        "person100@example.com",
        "person101@example.com",
        "person102@example.com",
        "person103@example.com",
        "person104@example.com"
      ])
      const log = yield* h.fake.requests
      expect(log.map((r) => r.query)).toEqual([{ per_page: "50", search_text: "person1", sort_order: "ascending" }])
    }))

  it.scopedLive("streamPeopleEvents and streamPeopleConversations walk to the first empty page", () =>
    Effect.gen(function*() {
      const h = yield* start({
        people: [{
          website_id: WEBSITE,
          email: "jane@example.com",
          people_id: "people-jane",
          events: Array.from({ length: 45 }, (_, i) => ({ text: `event ${i}`, timestamp: 1000 + i }))
        }],
        conversations: Array.from({ length: 25 }, (_, i) => ({
          website_id: WEBSITE,
          session_id: `session_${String(i).padStart(2, "0")}`,
          people_id: "people-jane",
          updated_at: 2000 + i
        }))
      })
      yield* Effect.gen(function*() {
        const events = yield* WebsitePeople.streamPeopleEvents(WEBSITE, "people-jane").pipe(Stream.runCollect)
        expect(Chunk.toReadonlyArray(events).map((e) => e.text)).toEqual(
          Array.from({ length: 45 }, (_, i) => `event ${44 - i}`)
        )
        const sessions = yield* WebsitePeople.streamPeopleConversations(WEBSITE, "jane@example.com").pipe(Stream.runCollect)
        expect(Chunk.toReadonlyArray(sessions)).toEqual(
          Array.from({ length: 25 }, (_, i) => `session_${String(24 - i).padStart(2, "0")}`)
        )
        expect(yield* WebsitePeople.listPeopleConversations(WEBSITE, "people-jane", 2)).toEqual([
          "session_04", "session_03", "session_02", "session_01", "session_00"
        ])
      }).pipe(Effect.provide(h.plugin))
      // 45 events at 20 a page: 20, 20, 5, then an empty page. 25 sessions: 20, 5, empty. Then page 2 alone.
      expect(yield* h.seen).toEqual([
        `GET website/${WEBSITE}/people/events/people-jane/list/1`,
        `GET website/${WEBSITE}/people/events/people-jane/list/2`,
        `GET website/${WEBSITE}/people/events/people-jane/list/3`,
        `GET website/${WEBSITE}/people/events/people-jane/list/4`,
        `GET website/${WEBSITE}/people/conversations/jane%40example.com/list/1`,
        `GET website/${WEBSITE}/people/conversations/jane%40example.com/list/2`,
        `GET website/${WEBSITE}/people/conversations/jane%40example.com/list/3`,
        `GET website/${WEBSITE}/people/conversations/people-jane/list/2`
      ])
    }))
})

describe("the people routes added in 0.2.0, on the wire", () => {
  const sent = (server: Loopback.Loopback) =>
    Effect.map(server.requests, (requests) =>
      requests.map((r) => {
        const url = new URL(r.url, server.origin)
        return [r.method, url.pathname.slice("/v1/".length), r.body === "" ? undefined : JSON.parse(r.body)]
      }))

  it.live("updateData is the PATCH and sends either body form as given; updatePeopleData stays the PUT", () =>
    Support.withServer(Loopback.always(Loopback.envelope({})), (server) =>
      Effect.gen(function*() {
        yield* WebsitePeople.updateData(WEBSITE, "jane@example.com", { data: { plan: "pro" } })
        yield* WebsitePeople.updateData(WEBSITE, "jane@example.com", { seats: 6, trial: false })
        yield* WebsitePeople.updatePeopleData(WEBSITE, "jane@example.com", { data: { seats: 6 } })
        expect(yield* sent(server)).toEqual([
          ["PATCH", `website/${WEBSITE}/people/data/jane%40example.com`, { data: { plan: "pro" } }],
          ["PATCH", `website/${WEBSITE}/people/data/jane%40example.com`, { seats: 6, trial: false }],
          ["PUT", `website/${WEBSITE}/people/data/jane%40example.com`, { data: { seats: 6 } }]
        ])
      })))

  it.live("suggestions: lists by page, deletes with a body; subscription; export and import", () =>
    Support.withServer(
      (request) => (request.method === "GET" ? Loopback.envelope(request.url.includes("/stats") ? { total: 3 } : []) : Loopback.envelope({})),
      (server) =>
        Effect.gen(function*() {
          expect(yield* WebsitePeople.getStatistics(WEBSITE)).toEqual({ total: 3 })
          yield* WebsitePeople.listSuggestedDataKeys(WEBSITE, 2)
          yield* WebsitePeople.listSuggestedEvents(WEBSITE, 1)
          yield* WebsitePeople.deleteSuggestedSegment(WEBSITE, { segment: "vip" })
          yield* WebsitePeople.deleteSuggestedDataKey(WEBSITE, { key: "plan" })
          yield* WebsitePeople.deleteSuggestedEvent(WEBSITE, { text: "Signed up" })
          yield* WebsitePeople.listCampaigns(WEBSITE, "people-1", 3)
          yield* WebsitePeople.updateSubscriptionStatus(WEBSITE, "people-1", { email: false })
          yield* WebsitePeople.exportProfiles(WEBSITE)
          yield* WebsitePeople.importProfiles(WEBSITE, { url: "https://example.com/c.csv", mapping: [{ column: 0, field: "email" }] })
          expect(yield* sent(server)).toEqual([
            ["GET", `website/${WEBSITE}/people/stats`, undefined],
            ["GET", `website/${WEBSITE}/people/suggest/data/2`, undefined],
            ["GET", `website/${WEBSITE}/people/suggest/events/1`, undefined],
            ["DELETE", `website/${WEBSITE}/people/suggest/segment`, { segment: "vip" }],
            ["DELETE", `website/${WEBSITE}/people/suggest/data`, { key: "plan" }],
            ["DELETE", `website/${WEBSITE}/people/suggest/event`, { text: "Signed up" }],
            ["GET", `website/${WEBSITE}/people/campaigns/people-1/list/3`, undefined],
            ["PATCH", `website/${WEBSITE}/people/subscription/people-1`, { email: false }],
            ["POST", `website/${WEBSITE}/people/export/profiles`, {}],
            ["POST", `website/${WEBSITE}/people/import/profiles`, { url: "https://example.com/c.csv", mapping: [{ column: 0, field: "email" }] }]
          ])
        })
    ))

  it.live("streamPeopleSegments and streamCampaigns walk to the first empty page", () =>
    Support.withServer(
      Loopback.sequence(
        Loopback.envelope([{ segment: "vip", count: 2 }]),
        Loopback.envelope([]),
        Loopback.envelope([{ campaign_id: "c1" }, { campaign_id: "c2" }]),
        Loopback.envelope([])
      ),
      (server) =>
        Effect.gen(function*() {
          const segments = yield* WebsitePeople.streamPeopleSegments(WEBSITE).pipe(Stream.runCollect)
          const campaigns = yield* WebsitePeople.streamCampaigns(WEBSITE, "people-1").pipe(Stream.runCollect)
          expect(Chunk.toReadonlyArray(segments)).toEqual([{ segment: "vip", count: 2 }])
          expect(Chunk.toReadonlyArray(campaigns).map((c) => c.campaign_id)).toEqual(["c1", "c2"])
          expect((yield* sent(server)).map(([, path]) => path)).toEqual([
            `website/${WEBSITE}/people/suggest/segments/1`,
            `website/${WEBSITE}/people/suggest/segments/2`,
            `website/${WEBSITE}/people/campaigns/people-1/list/1`,
            `website/${WEBSITE}/people/campaigns/people-1/list/2`
          ])
        })
    ))

  const refused = [
    ["people data with an object value", WebsitePeople.updateData(WEBSITE, "p", { plan: { tier: 1 } } as never), "body"],
    ["a subscription without a boolean", WebsitePeople.updateSubscriptionStatus(WEBSITE, "p", {} as never), "email"],
    ["an empty suggested segment", WebsitePeople.deleteSuggestedSegment(WEBSITE, { segment: "" }), "segment"],
    ["an import without mapping", WebsitePeople.importProfiles(WEBSITE, { url: "https://example.com/c.csv" } as never), "mapping"],
    ["an import with no column", WebsitePeople.importProfiles(WEBSITE, { url: "https://example.com/c.csv", mapping: [] }), "mapping"],
    ["a campaigns page of 0", WebsitePeople.listCampaigns(WEBSITE, "p", 0), "page_number"]
  ] as const
  for (const [name, call, field] of refused) {
    it.live(`${name} is refused before sending`, () => Support.refusedBeforeSending(call, field))
  }
})

describe("a sync walks every people profile", () => {
  const emails = Array.from({ length: 120 }, (_, i) => `contact${String(i).padStart(3, "0")}@example.com`)

  /** What a sync job does: walk every profile once, keyed by people id. */
  const syncAll = Effect.gen(function*() {
    const seen = new Map<string, number>()
    yield* WebsitePeople.streamPeopleProfiles(WEBSITE).pipe(
      Stream.runForEach((profile) =>
        Effect.sync(() => seen.set(profile.people_id ?? "(none)", (seen.get(profile.people_id ?? "(none)") ?? 0) + 1))
      )
    )
    return seen
  })

  it.effect("through CrispTest.layer: 120 profiles created, then streamed, each seen exactly once", () =>
    Effect.gen(function*() {
      const created = new Set<string>()
      for (const email of emails) {
        const { people_id } = yield* WebsitePeople.createNewPeopleProfile(WEBSITE, { email, segments: ["imported"] })
        created.add(people_id)
      }
      expect(created.size).toBe(120)
      const control = yield* CrispTest.Control
      yield* control.clearRequests
      const seen = yield* syncAll
      expect([...seen.keys()].sort()).toEqual([...created].sort())
      expect([...seen.values()].every((n) => n === 1)).toBe(true)
      expect((yield* control.requests).map((r) => `${r.method} ${r.path} ${r.query.per_page}`)).toEqual([
        `GET website/${WEBSITE}/people/profiles/1 50`,
        `GET website/${WEBSITE}/people/profiles/2 50`,
        `GET website/${WEBSITE}/people/profiles/3 50`
      ])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.live("through CrispSimulator (fetch over loopback): 120 seeded profiles, each seen exactly once", () =>
    Effect.gen(function*() {
      const seen = yield* syncAll
      expect(seen.size).toBe(120)
      expect([...seen.values()].every((n) => n === 1)).toBe(true)
      const fake = yield* FakeCrisp.FakeCrisp
      const byId = new Map((yield* Effect.forEach(seen.keys(), (id) => WebsitePeople.getPeopleProfile(WEBSITE, id))).map((p) => [p.email, p]))
      expect([...byId.keys()].sort()).toEqual(emails)
      expect((yield* fake.requests).filter((r) => r.path.includes("/people/profiles/")).length).toBe(3)
    }).pipe(Effect.provide(CrispSimulator.layer({
      seed: { people: emails.map((email, i) => ({ website_id: WEBSITE, email, created_at: 1_700_000_000_000 + i })) }
    }))))
})

describe("people state through CrispTest.layer", () => {
  it.effect("data: updateData merges, updatePeopleData replaces, either body form", () =>
    Effect.gen(function*() {
      const { people_id } = yield* WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "jane@example.com" })
      yield* WebsitePeople.updatePeopleData(WEBSITE, people_id, { data: { plan: "free", seats: 1 } })
      yield* WebsitePeople.updateData(WEBSITE, people_id, { data: { plan: "pro" } })
      yield* WebsitePeople.updateData(WEBSITE, "jane@example.com", { trial: false })
      expect(yield* WebsitePeople.getPeopleData(WEBSITE, people_id)).toEqual({ data: { plan: "pro", seats: 1, trial: false } })
      yield* WebsitePeople.updatePeopleData(WEBSITE, people_id, { seats: 9 })
      expect(yield* WebsitePeople.getPeopleData(WEBSITE, people_id)).toEqual({ data: { seats: 9 } })
      const missing = yield* Effect.flip(WebsitePeople.updateData(WEBSITE, "nobody@example.com", { plan: "pro" }))
      expect(missing._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("statistics and suggestions follow the profiles; a deleted suggestion stays out of the list", () =>
    Effect.gen(function*() {
      const jane = yield* WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "jane@example.com", segments: ["vip", "eu"] })
      const john = yield* WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "john@example.com", segments: ["vip"] })
      yield* WebsitePeople.updatePeopleData(WEBSITE, jane.people_id, { data: { plan: "pro", seats: 2 } })
      yield* WebsitePeople.updatePeopleData(WEBSITE, john.people_id, { data: { plan: "free" } })
      yield* WebsitePeople.addPeopleEvent(WEBSITE, jane.people_id, { text: "Signed up" })
      yield* WebsitePeople.addPeopleEvent(WEBSITE, john.people_id, { text: "Signed up" })
      yield* WebsitePeople.addPeopleEvent(WEBSITE, john.people_id, { text: "Paid" })

      expect(yield* WebsitePeople.getStatistics(WEBSITE)).toEqual({ total: 2 })
      const all = <A, E, R>(stream: Stream.Stream<A, E, R>) => Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)
      expect(yield* all(WebsitePeople.streamPeopleSegments(WEBSITE))).toEqual([{ segment: "vip", count: 2 }, { segment: "eu", count: 1 }])
      expect(yield* all(WebsitePeople.streamSuggestedDataKeys(WEBSITE))).toEqual([{ key: "plan", count: 2 }, { key: "seats", count: 1 }])
      expect(yield* all(WebsitePeople.streamSuggestedEvents(WEBSITE))).toEqual([{ text: "Signed up", count: 2 }, { text: "Paid", count: 1 }])

      yield* WebsitePeople.deleteSuggestedSegment(WEBSITE, { segment: "eu" })
      yield* WebsitePeople.deleteSuggestedDataKey(WEBSITE, { key: "seats" })
      yield* WebsitePeople.deleteSuggestedEvent(WEBSITE, { text: "Paid" })
      expect(yield* WebsitePeople.listPeopleSegments(WEBSITE)).toEqual([{ segment: "vip", count: 2 }])
      expect(yield* WebsitePeople.listSuggestedDataKeys(WEBSITE, 1)).toEqual([{ key: "plan", count: 2 }])
      expect(yield* WebsitePeople.listSuggestedEvents(WEBSITE, 1)).toEqual([{ text: "Signed up", count: 2 }])
      // The profiles keep what they had.
      expect((yield* WebsitePeople.getPeopleProfile(WEBSITE, jane.people_id)).segments).toEqual(["vip", "eu"])

      yield* WebsitePeople.removePeopleProfile(WEBSITE, john.people_id)
      expect(yield* WebsitePeople.getStatistics(WEBSITE)).toEqual({ total: 1 })
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("the email subscription is on until turned off; campaigns are empty; unknown profiles are CrispNotFound", () =>
    Effect.gen(function*() {
      const { people_id } = yield* WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "jane@example.com" })
      expect(yield* WebsitePeople.getSubscriptionStatus(WEBSITE, people_id)).toEqual({ email: true })
      yield* WebsitePeople.updateSubscriptionStatus(WEBSITE, "jane@example.com", { email: false })
      expect(yield* WebsitePeople.getSubscriptionStatus(WEBSITE, people_id)).toEqual({ email: false })
      expect(Chunk.toReadonlyArray(yield* Stream.runCollect(WebsitePeople.streamCampaigns(WEBSITE, people_id)))).toEqual([])
      for (const call of [
        WebsitePeople.getSubscriptionStatus(WEBSITE, "ghost"),
        WebsitePeople.updateSubscriptionStatus(WEBSITE, "ghost", { email: true }),
        WebsitePeople.listCampaigns(WEBSITE, "ghost", 1)
      ]) {
        expect((yield* Effect.flip(call))._tag).toBe("CrispNotFound")
      }
    }).pipe(Effect.provide(CrispTest.layer())))
})
