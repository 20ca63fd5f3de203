/**
 * PluginConnect and PluginSubscription as a plugin uses them: its settings per
 * website saved, merged and read back (with `plugin:settings:saved`), through the
 * in-process test layer and through the simulator's real HTTP and socket; the
 * websites it is connected to; its subscriptions; bad input and secrets.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Redacted, Stream } from "effect"
import { inspect } from "node:util"
import { PluginConnect, PluginSubscription } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import { CrispSimulator, CrispTest } from "../../src/testing.js"

const W = "website-1"

const pluginId = PluginConnect.getAccount().pipe(Effect.map((account) => account.plugin_id ?? ""))

/** Saves, merges and reads back a plugin's settings; answers the `plugin:settings:saved` events seen. */
const settingsRoundTrip = Effect.gen(function*() {
  const control = yield* CrispTest.Control
  const id = yield* pluginId
  expect(id).not.toBe("")
  const events = yield* Effect.fork(Stream.runCollect(CrispEvents.on("plugin:settings:saved").pipe(Stream.take(2))))
  yield* control.awaitListening()

  const before = yield* PluginSubscription.getSettings(W, id)
  expect(before.settings).toEqual({})

  const saved = { greeting: "Hello!", enabled: true, hours: { from: 9, to: 17 }, tags: ["a", "b"] }
  yield* PluginSubscription.saveSettings(W, id, saved)
  const read = yield* PluginSubscription.getSettings(W, id)
  expect(read.plugin_id).toBe(id)
  expect(read.website_id).toBe(W)
  expect(read.settings).toEqual(saved)

  yield* PluginSubscription.updateSettings(W, id, { enabled: false, hours: { to: 18 } })
  const merged = yield* PluginSubscription.getSettings(W, id)
  expect(merged.settings).toEqual({ greeting: "Hello!", enabled: false, hours: { from: 9, to: 18 }, tags: ["a", "b"] })

  // PUT replaces: keys it does not name are gone
  yield* PluginSubscription.saveSettings(W, id, { greeting: "Only this" })
  expect((yield* PluginSubscription.getSettings(W, id)).settings).toEqual({ greeting: "Only this" })

  return Chunk.toReadonlyArray(yield* Fiber.join(events)).map((e) => [e.website_id, e.plugin_id, e.settings])
})

describe("a plugin's settings", () => {
  it.effect("saved, merged and read back through CrispTest.layer, each save announced", () =>
    Effect.gen(function*() {
      const events = yield* settingsRoundTrip
      const id = yield* pluginId
      expect(events).toEqual([
        [W, id, { greeting: "Hello!", enabled: true, hours: { from: 9, to: 17 }, tags: ["a", "b"] }],
        [W, id, { greeting: "Hello!", enabled: false, hours: { from: 9, to: 18 }, tags: ["a", "b"] }]
      ])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.live("saved, merged and read back through CrispSimulator (HTTP), announced over the RTM socket", () =>
    Effect.gen(function*() {
      const events = yield* settingsRoundTrip
      expect(events.map(([, , settings]) => (settings as { enabled: boolean }).enabled)).toEqual([true, false])
    }).pipe(Effect.provide(CrispSimulator.layer({ rtm: { reconnect: { initialDelay: "5 millis", maxDelay: "20 millis" } } }))))

  it.effect("the settings are per website and per plugin; another plugin's are refused to a plugin token", () =>
    Effect.gen(function*() {
      const id = yield* pluginId
      yield* PluginSubscription.saveSettings(W, id, { n: 1 })
      yield* PluginSubscription.saveSettings("website-2", id, { n: 2 })
      expect((yield* PluginSubscription.getSettings(W, id)).settings).toEqual({ n: 1 })
      expect((yield* PluginSubscription.getSettings("website-2", id)).settings).toEqual({ n: 2 })
      const other = yield* Effect.flip(PluginSubscription.saveSettings(W, "another-plugin", { n: 3 }))
      expect(other._tag === "CrispUnauthorized" && other.status).toBe(403)
      const missing = yield* Effect.flip(PluginSubscription.getSettings("no-such-website", id))
      expect(missing._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer({ websites: [{ website_id: "website-2" }] }))))

  it.effect("settings that are not a JSON object are refused before anything is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const id = yield* pluginId
      const sentBefore = (yield* control.requests).length
      for (const bad of [["a", "list"], "text", 42, null]) {
        const error = yield* Effect.flip(PluginSubscription.saveSettings(W, id, bad as never))
        expect(error._tag).toBe("CrispInvalidRequest")
        const patch = yield* Effect.flip(PluginSubscription.updateSettings(W, id, bad as never))
        expect(patch._tag).toBe("CrispInvalidRequest")
      }
      const empty = yield* Effect.flip(PluginSubscription.getSettings("", id))
      expect(empty._tag).toBe("CrispInvalidRequest")
      expect((yield* control.requests).length).toBe(sentBefore)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("the website's plugin token in an answer is Redacted; a wrong field type names the field", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.stub("PluginSubscription.getSettings", {
        data: { plugin_id: "p", website_id: W, token: "tok-secret-1234", settings: { a: 1 } }
      })
      const read = yield* PluginSubscription.getSettings(W, "p")
      expect(Redacted.isRedacted(read.token)).toBe(true)
      expect(Redacted.value(read.token!)).toBe("tok-secret-1234")
      expect(inspect(read, { depth: 5 })).not.toContain("tok-secret-1234")
      expect(JSON.stringify(read)).not.toContain("tok-secret-1234")

      yield* control.stub("PluginSubscription.getSettings", { data: { settings: ["not", "an", "object"] } })
      const error = yield* Effect.flip(PluginSubscription.getSettings(W, "p"))
      expect(error._tag).toBe("CrispDecodeError")
      expect(error.message).toContain("settings")
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("the plugin's connection", () => {
  it.effect("account, session, connected websites page by page and as a Stream, websites since", () =>
    Effect.gen(function*() {
      const id = yield* pluginId
      expect(id).toBe("plugin-identifier")
      expect(yield* PluginConnect.checkSessionValidity()).toBe(true)
      expect((yield* PluginConnect.getEndpoints()).socket?.app).toMatch(/^ws|^http/)

      const all = yield* PluginConnect.listAllWebsites(1)
      expect(all.map((w) => w.website_id).sort()).toEqual(["website-1", "website-2", "website-3"])
      expect(yield* PluginConnect.listAllWebsites(2)).toEqual([])

      yield* PluginSubscription.saveSettings("website-2", id, { configured: true })
      const configured = yield* PluginConnect.listAllWebsites(1, { filter_configured: 1, include_plan: 1 })
      expect(configured.map((w) => [w.website_id, w.settings, w.plan?.name !== undefined])).toEqual([
        ["website-2", { configured: true }, true]
      ])
      const streamed = yield* Stream.runCollect(PluginConnect.streamAllWebsites({ filter_configured: 0 }))
      expect(Chunk.size(streamed)).toBe(3)

      const since = yield* PluginConnect.listWebsitesSince({ date_since: new Date(0).toISOString() })
      expect(since.map((w) => w.website_id)).toEqual(["website-2"])
      const future = yield* PluginConnect.listWebsitesSince({ date_since: "2999-01-01T00:00:00Z" })
      expect(future).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer({ websites: [{ website_id: "website-2" }, { website_id: "website-3" }] }))))

  it.effect("a Stream of connected websites walks pages of 20 and stops at the empty one", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const ids = yield* Stream.runCollect(PluginConnect.streamAllWebsites().pipe(Stream.map((w) => w.website_id)))
      expect(Chunk.size(ids)).toBe(45)
      const pages = (yield* control.requestsFor("PluginConnect.listAllWebsites")).map((r) => r.path)
      expect(pages).toEqual([1, 2, 3, 4].map((n) => `plugin/connect/websites/all/${n}`))
    }).pipe(Effect.provide(CrispTest.layer({
      websites: Array.from({ length: 44 }, (_, i) => ({ website_id: `site-${String(i).padStart(2, "0")}` }))
    }))))

  it.effect("a token limited to some websites is connected to those only", () =>
    Effect.gen(function*() {
      const websites = yield* PluginConnect.listAllWebsites(1)
      expect(websites.map((w) => w.website_id)).toEqual(["website-2"])
    }).pipe(Effect.provide(CrispTest.layer({
      websites: [{ website_id: "website-2" }],
      tokens: [{ identifier: "limited", key: "limited-key", tier: "plugin", websites: ["website-2"] }]
    }, { http: { identifier: "limited", key: Redacted.make("limited-key") } }))))

  it.effect("bad query options are refused before anything is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const errors = yield* Effect.all([
        Effect.flip(PluginConnect.listAllWebsites(0)),
        Effect.flip(PluginConnect.listAllWebsites(1, { filter_configured: true as never })),
        Effect.flip(PluginConnect.listWebsitesSince({ date_since: "" }))
      ])
      expect(errors.map((e) => e._tag)).toEqual(["CrispInvalidRequest", "CrispInvalidRequest", "CrispInvalidRequest"])
      expect(yield* control.requests).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("subscriptions", () => {
  it.effect("subscribe a website, list and read it, unsubscribe", () =>
    Effect.gen(function*() {
      expect(yield* PluginSubscription.listForWebsite(W)).toEqual([])
      yield* PluginSubscription.subscribeWebsite(W, { plugin_id: "plugin-a" })
      yield* PluginSubscription.subscribeWebsite(W, { plugin_id: "plugin-b" })
      expect((yield* PluginSubscription.listForWebsite(W)).length).toBe(2)
      yield* PluginSubscription.getDetails(W, "plugin-a")
      yield* PluginSubscription.unsubscribeWebsite(W, "plugin-a")
      expect((yield* Effect.flip(PluginSubscription.getDetails(W, "plugin-a")))._tag).toBe("CrispNotFound")
      expect((yield* PluginSubscription.listForWebsite(W)).length).toBe(1)
      const bad = yield* Effect.flip(PluginSubscription.subscribeWebsite(W, { plugin_id: "" }))
      expect(bad._tag).toBe("CrispInvalidRequest")
    }).pipe(Effect.provide(CrispTest.layer())))
})
