/**
 * WebsiteVisitors, WebsiteAvailability and WebsiteVerify on a real loopback
 * server: what they send, how they read Crisp's answers where the facts disagree
 * (blocked counters), the map query checked before sending, the verify secret
 * kept `Redacted`.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Redacted, Stream } from "effect"
import { WebsiteAvailability, WebsiteVerify, WebsiteVisitors } from "../../src/index.js"
import { CrispTest } from "../../src/testing.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const W = "website-1"

const { withServer } = Support

const target = (server: Loopback.Loopback, request: Loopback.RecordedRequest) => {
  const url = new URL(request.url, server.origin)
  return { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams) }
}

describe("WebsiteVisitors", () => {
  it.live("count, the map without a center, a token", () =>
    withServer(
      (request) =>
        request.url.endsWith("/count")
          ? Loopback.envelope({ count: 12, active: 3, limited: false })
          : request.url.includes("/token/")
          ? Loopback.envelope({ session_id: "session_1" })
          : Loopback.envelope([{ visitors: { count: 2, session_ids: ["s1", "s2"] }, geolocation: { city: "Paris" } }]),
      (server) =>
        Effect.gen(function*() {
          expect(yield* WebsiteVisitors.count(W)).toEqual({ count: 12, active: 3, limited: false })
          const points = yield* WebsiteVisitors.pinpointOnMap(W)
          expect(points[0]?.visitors?.session_ids).toEqual(["s1", "s2"])
          expect(points[0]?.geolocation?.city).toBe("Paris")
          expect(yield* WebsiteVisitors.getSessionIdentifierFromToken(W, "tok/1")).toEqual({ session_id: "session_1" })
          const sent = (yield* server.requests).map((r) => target(server, r))
          expect(sent).toEqual([
            { method: "GET", path: `/v1/website/${W}/visitors/count`, query: {} },
            { method: "GET", path: `/v1/website/${W}/visitors/map`, query: {} },
            { method: "GET", path: `/v1/website/${W}/visitors/token/tok%2F1`, query: {} }
          ])
        })
    ))

  it.live("the map around a center sends the three numbers", () =>
    withServer(Loopback.always(Loopback.envelope([])), (server) =>
      Effect.gen(function*() {
        yield* WebsiteVisitors.pinpointOnMap(W, { center_longitude: 2.35, center_latitude: -48.5, center_radius: 100 })
        const [request] = yield* server.requests
        expect(target(server, request!).query).toEqual({
          center_longitude: "2.35",
          center_latitude: "-48.5",
          center_radius: "100"
        })
      })))

  const refused = [
    ["a center without radius", { center_longitude: 2.35, center_latitude: 48.85 }, "go together"],
    ["a latitude past the pole", { center_longitude: 0, center_latitude: 91, center_radius: 1 }, "center_latitude"],
    ["a longitude of NaN", { center_longitude: Number.NaN, center_latitude: 0, center_radius: 1 }, "center_longitude"],
    ["a radius of 0", { center_longitude: 0, center_latitude: 0, center_radius: 0 }, "center_radius"]
  ] as const
  for (const [name, query, field] of refused) {
    it.live(`the map refuses ${name} and sends nothing`, () =>
      Support.refusedBeforeSending(WebsiteVisitors.pinpointOnMap(W, query), field))
  }

  it.live("stream walks the visitor pages to the first empty one", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope([{ session_id: "a" }, { session_id: "b" }]),
        Loopback.envelope([{ session_id: "c" }]),
        Loopback.envelope([])
      ),
      (server) =>
        Effect.gen(function*() {
          const all = yield* WebsiteVisitors.stream(W).pipe(Stream.runCollect)
          expect(Chunk.toReadonlyArray(all).map((v) => v.session_id)).toEqual(["a", "b", "c"])
          expect((yield* server.requests).map((r) => target(server, r).path)).toEqual([
            `/v1/website/${W}/visitors/list/1`,
            `/v1/website/${W}/visitors/list/2`,
            `/v1/website/${W}/visitors/list/3`
          ])
        })
    ))

  it.live("countBlocked reads a list of counters, or one counter as a list of one", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope([{ rule: ["ip_range"], blocked: 3 }, { rule: ["country"], blocked: 1 }]),
        Loopback.envelope({ rule: ["ip_range"], blocked: 3 })
      ),
      () =>
        Effect.gen(function*() {
          expect(yield* WebsiteVisitors.countBlocked(W)).toEqual([
            { rule: ["ip_range"], blocked: 3 },
            { rule: ["country"], blocked: 1 }
          ])
          expect(yield* WebsiteVisitors.countBlocked(W)).toEqual([{ rule: ["ip_range"], blocked: 3 }])
        })
    ))

  it.live("countBlockedInRule reads a bare number or a counter; a wrong type is a CrispDecodeError", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope(7),
        Loopback.envelope({ rule: ["ip_range"], blocked: 2 }),
        Loopback.envelope({ blocked: "many" })
      ),
      (server) =>
        Effect.gen(function*() {
          expect(yield* WebsiteVisitors.countBlockedInRule(W, "ip_range")).toEqual({ blocked: 7 })
          expect(yield* WebsiteVisitors.countBlockedInRule(W, "ip_range")).toEqual({ rule: ["ip_range"], blocked: 2 })
          const error = yield* Effect.flip(WebsiteVisitors.countBlockedInRule(W, "ip_range"))
          expect(error._tag).toBe("CrispDecodeError")
          expect(error.message).toContain("at blocked: expected number")
          expect((yield* server.requests).map((r) => target(server, r).path)[0]).toBe(`/v1/website/${W}/visitors/blocked/ip_range`)
        })
    ))

  it.live("clearBlockedInRule keeps a rule with a slash in one segment", () =>
    withServer(Loopback.always(Loopback.envelope({})), (server) =>
      Effect.gen(function*() {
        yield* WebsiteVisitors.clearBlockedInRule(W, "a/b")
        const [request] = yield* server.requests
        expect(request!.method).toBe("DELETE")
        expect(target(server, request!).path).toBe(`/v1/website/${W}/visitors/blocked/a%2Fb`)
        expect(request!.body).toBe("")
      })))
})

describe("WebsiteAvailability", () => {
  it.live("getStatus and listOperators", () =>
    withServer(
      (request) =>
        request.url.endsWith("/status")
          ? Loopback.envelope({ status: "online", since: 1700000000000 })
          : Loopback.envelope([{ user_id: "user-1", type: "online", time: { for: 0, since: 1700000000000 } }]),
      (server) =>
        Effect.gen(function*() {
          expect(yield* WebsiteAvailability.getStatus(W)).toEqual({ status: "online", since: 1700000000000 })
          const operators = yield* WebsiteAvailability.listOperators(W)
          expect(operators.map((o) => [o.user_id, o.type, o.time?.since])).toEqual([["user-1", "online", 1700000000000]])
          expect((yield* server.requests).map((r) => `${r.method} ${target(server, r).path}`)).toEqual([
            `GET /v1/website/${W}/availability/status`,
            `GET /v1/website/${W}/availability/operators`
          ])
        })
    ))
})

describe("WebsiteVerify", () => {
  const SECRET = "verify-secret-4b1d"

  it.live("the key's secret is Redacted and never printed", () =>
    withServer(Loopback.always(Loopback.envelope({ secret: SECRET })), () =>
      Effect.gen(function*() {
        const key = yield* WebsiteVerify.getKey(W)
        expect(Redacted.isRedacted(key.secret)).toBe(true)
        expect(Redacted.value(key.secret!)).toBe(SECRET)
        expect(JSON.stringify(key)).not.toContain(SECRET)
        expect(String(key.secret)).not.toContain(SECRET)
      })))

  it.live("settings, update and roll put the right verbs on the wire", () =>
    withServer(Loopback.always(Loopback.envelope({ enabled: true })), (server) =>
      Effect.gen(function*() {
        expect(yield* WebsiteVerify.getSettings(W)).toEqual({ enabled: true })
        yield* WebsiteVerify.updateSettings(W, { enabled: false })
        yield* WebsiteVerify.rollKey(W)
        const sent = (yield* server.requests).map((r) => [r.method, target(server, r).path, r.body])
        expect(sent).toEqual([
          ["GET", `/v1/website/${W}/verify/settings`, ""],
          ["PATCH", `/v1/website/${W}/verify/settings`, JSON.stringify({ enabled: false })],
          ["POST", `/v1/website/${W}/verify/key`, "{}"]
        ])
      })))

  it.live("updateSettings without a boolean is refused before sending", () =>
    Support.refusedBeforeSending(WebsiteVerify.updateSettings(W, { enabled: "yes" } as never), "enabled"))
})

describe("through CrispTest.layer", () => {
  it.effect("rolling the verify key changes the key read back; settings read back what was saved", () =>
    Effect.gen(function*() {
      const first = yield* WebsiteVerify.getKey(W)
      const again = yield* WebsiteVerify.getKey(W)
      expect(Redacted.value(again.secret!)).toBe(Redacted.value(first.secret!))
      yield* WebsiteVerify.rollKey(W)
      const rolled = yield* WebsiteVerify.getKey(W)
      expect(Redacted.value(rolled.secret!)).not.toBe(Redacted.value(first.secret!))
      expect(Redacted.value(rolled.secret!).length).toBeGreaterThan(16)

      yield* WebsiteVerify.updateSettings(W, { enabled: true })
      expect(yield* WebsiteVerify.getSettings(W)).toEqual({ enabled: true })
      yield* WebsiteVerify.updateSettings(W, { enabled: false })
      expect(yield* WebsiteVerify.getSettings(W)).toEqual({ enabled: false })
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("nobody is blocked and no visitor is listed in the fake; an unknown website is CrispNotFound", () =>
    Effect.gen(function*() {
      expect(yield* WebsiteVisitors.countBlocked(W)).toEqual([])
      expect(yield* WebsiteVisitors.countBlockedInRule(W, "ip_range")).toEqual({ rule: ["ip_range"], blocked: 0 })
      yield* WebsiteVisitors.clearBlockedInRule(W, "ip_range")
      expect(Chunk.toReadonlyArray(yield* Stream.runCollect(WebsiteVisitors.stream(W)))).toEqual([])
      expect((yield* Effect.flip(WebsiteVisitors.countBlocked("website-nope")))._tag).toBe("CrispNotFound")
      expect((yield* Effect.flip(WebsiteVerify.rollKey("website-nope")))._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer())))
})
