/**
 * WebsiteCampaign as a user would drive it, through CrispTest.layer(): campaigns
 * and templates round-trip through the in-memory Crisp; dispatching, pausing and
 * resuming change the campaign and arrive as `campaign:*` events; the recipients
 * are the people the campaign targets.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Stream } from "effect"
import { WebsiteCampaign } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import { CrispTest } from "../../src/testing.js"

const W = "website-1"

const people = {
  people: [
    { website_id: W, people_id: "people-jane", email: "jane@example.com", person: { nickname: "Jane" }, segments: ["newsletter"] },
    { website_id: W, people_id: "people-joe", email: "joe@example.com", person: { nickname: "Joe" }, segments: ["newsletter", "vip"] },
    { website_id: W, people_id: "people-ann", email: "ann@example.com", person: { nickname: "Ann" }, segments: [] },
    { website_id: W, people_id: "people-bob", email: "bob@example.com", segments: ["churned"] }
  ]
}

describe("a campaign's life", () => {
  it.effect("create, add recipients, dispatch, pause, resume, remove", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const created = yield* WebsiteCampaign.create(W, { type: "one-shot", name: "Spring news" })
      const id = created.campaign_id
      expect(id).toEqual(expect.any(String))
      if (id === undefined) return

      // Recipients: the people listed (by id or email) and those of a segment, once each.
      yield* WebsiteCampaign.update(W, id, {
        subject: "What's new",
        message: "Hello!",
        recipients: { people: ["people-ann", "jane@example.com"], segments: ["newsletter"] }
      })
      const recipients = yield* WebsiteCampaign.listRecipients(W, id, 1)
      expect(recipients.map((r) => r.email).sort()).toEqual(["ann@example.com", "jane@example.com", "joe@example.com"])
      expect(recipients.find((r) => r.people_id === "people-joe")?.person?.nickname).toBe("Joe")
      expect(yield* WebsiteCampaign.listRecipients(W, id, 2)).toEqual([])
      const streamed = yield* Stream.runCollect(WebsiteCampaign.streamRecipients(W, id))
      expect(Chunk.size(streamed)).toBe(3)

      const before = yield* WebsiteCampaign.get(W, id)
      expect(before).toMatchObject({ campaign_id: id, type: "one-shot", name: "Spring news", subject: "What's new" })
      expect(before.dispatched).toBeUndefined()

      const heard = yield* Effect.fork(Stream.runCollect(
        CrispEvents.events("campaign:dispatched", "campaign:running").pipe(Stream.take(4))
      ))
      yield* control.awaitListening()
      yield* WebsiteCampaign.dispatch(W, id)
      const dispatched = yield* WebsiteCampaign.get(W, id)
      expect(dispatched).toMatchObject({ dispatched: true, running: true, targets: 3 })
      expect(dispatched.dispatched_at).toEqual(expect.any(Number))

      yield* WebsiteCampaign.pause(W, id)
      expect((yield* WebsiteCampaign.get(W, id)).running).toBe(false)
      yield* WebsiteCampaign.resume(W, id)
      expect((yield* WebsiteCampaign.get(W, id)).running).toBe(true)

      const events = Chunk.toReadonlyArray(yield* Fiber.join(heard))
      expect(events.map((e) => [e.name, e.data.campaign_id, "running" in e.data ? e.data.running : undefined])).toEqual([
        ["campaign:dispatched", id, undefined],
        ["campaign:running", id, true],
        ["campaign:running", id, false],
        ["campaign:running", id, true]
      ])

      const listed = yield* WebsiteCampaign.list(W, 1)
      expect(listed.map((c) => c.campaign_id)).toEqual([id])
      expect(yield* WebsiteCampaign.checkExists(W, id)).toBe(true)
      yield* WebsiteCampaign.remove(W, id)
      expect(yield* WebsiteCampaign.checkExists(W, id)).toBe(false)
      const gone = yield* Effect.flip(WebsiteCampaign.get(W, id))
      expect(gone._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer(people))))

  it.effect("save replaces the campaign; a website's campaigns stream page after page", () =>
    Effect.gen(function*() {
      const ids: Array<string> = []
      for (let i = 0; i < 23; i++) {
        const { campaign_id } = yield* WebsiteCampaign.create(W, { type: "automated", name: `Campaign ${i}` })
        ids.push(campaign_id!)
      }
      yield* WebsiteCampaign.update(W, ids[0]!, { subject: "Old subject" })
      yield* WebsiteCampaign.save(W, ids[0]!, { name: "Renamed", message: "New body" })
      expect(yield* WebsiteCampaign.get(W, ids[0]!)).toEqual({ campaign_id: ids[0], name: "Renamed", message: "New body" })
      const all = yield* Stream.runCollect(WebsiteCampaign.stream(W))
      expect(Chunk.toReadonlyArray(all).map((c) => c.campaign_id)).toEqual(ids)
      expect((yield* WebsiteCampaign.list(W, 2)).length).toBe(3)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("dispatching, pausing or listing the recipients of an unknown campaign is CrispNotFound", () =>
    Effect.gen(function*() {
      for (const call of [
        WebsiteCampaign.dispatch(W, "no-such-campaign"),
        WebsiteCampaign.pause(W, "no-such-campaign"),
        WebsiteCampaign.resume(W, "no-such-campaign"),
        WebsiteCampaign.listRecipients(W, "no-such-campaign", 1)
      ]) {
        const error = yield* Effect.flip(call)
        expect(error._tag).toBe("CrispNotFound")
      }
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("a campaign without a name or type is refused before anything is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const error = yield* Effect.flip(WebsiteCampaign.create(W, { type: "one-shot" } as never))
      expect(error._tag).toBe("CrispInvalidRequest")
      expect(error.message).toContain("name")
      expect(yield* control.requests).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("campaign templates", () => {
  it.effect("create, get, save, update, list, exists, remove", () =>
    Effect.gen(function*() {
      const { template_id } = yield* WebsiteCampaign.createTemplate(W, { format: "markdown", name: "Monthly" })
      expect(template_id).toEqual(expect.any(String))
      const id = template_id!
      expect(yield* WebsiteCampaign.getTemplate(W, id)).toMatchObject({ template_id: id, format: "markdown", name: "Monthly" })

      yield* WebsiteCampaign.saveTemplate(W, id, { name: "Monthly", content: "# March" })
      yield* WebsiteCampaign.updateTemplate(W, id, { name: "Monthly digest" })
      expect(yield* WebsiteCampaign.getTemplate(W, id)).toEqual({ template_id: id, name: "Monthly digest", content: "# March" })

      const listed = yield* Stream.runCollect(WebsiteCampaign.streamTemplates(W))
      expect(Chunk.toReadonlyArray(listed).map((t) => t.template_id)).toEqual([id])
      expect(yield* WebsiteCampaign.checkTemplateExists(W, id)).toBe(true)
      yield* WebsiteCampaign.removeTemplate(W, id)
      expect(yield* WebsiteCampaign.checkTemplateExists(W, id)).toBe(false)
      expect(yield* WebsiteCampaign.listTemplates(W, 1)).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))
})
