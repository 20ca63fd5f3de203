import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as CrispHttp from "../../src/CrispHttp.js"
import { endpoint } from "../support/endpoint.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const Profile = Schema.Struct({
  email: Schema.String,
  nickname: Schema.optional(Schema.String),
  created_at: Schema.DateFromNumber
})

const getProfile = endpoint({
  name: "Test.getProfile",
  method: "GET",
  path: "website/{website_id}/people/profile/{people_id}",
  response: Profile
})

const removeProfile = endpoint({
  name: "Test.removeProfile",
  method: "DELETE",
  path: "website/{website_id}/people/profile/{people_id}"
})

const profileExists = endpoint({
  name: "Test.profileExists",
  method: "HEAD",
  path: "website/{website_id}/people/profile/{people_id}",
  response: Schema.Boolean
})

const ids = { path: { website_id: "w1", people_id: "p1" } }

Support.eachTransport((Crisp) => {
  describe("CrispHttp envelope decoding", () => {
    it.scopedLive("`data` is returned, decoded by the endpoint's Schema; unknown fields are ignored", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(
          Loopback.always(Loopback.envelope({ email: "jane@example.com", created_at: 1700000000000, extra: [1, 2] }))
        )
        const profile = yield* getProfile(ids).pipe(Effect.provide(Crisp.layer(server)))
        expect(profile.email).toBe("jane@example.com")
        expect(profile.nickname).toBeUndefined()
        expect(profile.created_at).toBeInstanceOf(Date)
        expect(profile.created_at.toISOString()).toBe("2023-11-14T22:13:20.000Z")
      }))

    it.scopedLive("CrispHttp.request decodes `data` with the given Schema, or returns it as is", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope([{ session_id: "s1" }, { session_id: "s2" }])))
        const typed = yield* CrispHttp.request({
          method: "GET",
          path: "website/w1/visitors/list/1",
          response: Schema.Array(Schema.Struct({ session_id: Schema.String }))
        }).pipe(Effect.provide(Crisp.layer(server)))
        expect(typed.map((v) => v.session_id)).toEqual(["s1", "s2"])
        const raw = yield* CrispHttp.request({ method: "GET", path: "website/w1/visitors/list/1" }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        expect(raw).toEqual([{ session_id: "s1" }, { session_id: "s2" }])
      }))

    it.scopedLive("a field of the wrong type is a CrispDecodeError naming the field", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(
          Loopback.always(Loopback.envelope({ email: 42, created_at: 1700000000000 }))
        )
        const error = yield* getProfile(ids).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error._tag).toBe("CrispDecodeError")
        if (error._tag !== "CrispDecodeError") return
        expect(error.issue).toContain("email")
        expect(error.method).toBe("GET")
        expect(error.path).toBe("website/w1/people/profile/p1")
        expect(error.message).toContain("email")
      }))

    it.scopedLive("`error: true` in a 200 is a CrispApiError with Crisp's reason", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(
          Loopback.always({ status: 200, body: { error: true, reason: "website_not_found", data: {} } })
        )
        const error = yield* getProfile(ids).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error._tag).toBe("CrispApiError")
        if (error._tag !== "CrispApiError") return
        expect(error.status).toBe(200)
        expect(error.reason).toBe("website_not_found")
        expect(error.message).toContain("website_not_found")
        // Not retried: the request was answered.
        expect(yield* server.requests).toHaveLength(1)
      }))

    for (const reply of [
      { label: "an empty 200", status: 200, body: "" },
      { label: "a 204", status: 204 },
      { label: "a 200 with data the void endpoint ignores", status: 200, body: { error: false, reason: "deleted", data: { x: 1 } } }
    ]) {
      it.scopedLive(`${reply.label} is fine for an endpoint that returns nothing`, () =>
        Effect.gen(function*() {
          const server = yield* Loopback.make(Loopback.always(reply))
          const result = yield* removeProfile(ids).pipe(Effect.provide(Crisp.layer(server)))
          expect(result).toBeUndefined()
          const [request] = yield* server.requests
          expect(request?.method).toBe("DELETE")
        }))
    }

    it.scopedLive("an empty 200 for an endpoint that expects data is a CrispDecodeError", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ status: 200, body: "" }))
        const error = yield* getProfile(ids).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error._tag).toBe("CrispDecodeError")
      }))

  it.scopedLive("a JSON body that is not an envelope object is a CrispDecodeError naming its kind, without an excerpt", () =>
      Effect.gen(function*() {
      const server = yield* Loopback.make(Loopback.always({ status: 200, body: `["jane.doe@example.com",2,3]` }))
        const error = yield* getProfile(ids).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error._tag).toBe("CrispDecodeError")
        if (error._tag !== "CrispDecodeError") return
        expect(error.status).toBe(200)
      expect(error.excerpt).toBeUndefined()
      expect(error.issue).toBe("the body is JSON (array (3 items)), not a Crisp envelope")
      expect(error.message).not.toContain("jane.doe")
      }))

    it.scopedLive("HEAD: 200 is true, 404 is false, 401 is CrispUnauthorized", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence({ status: 200 }, { status: 404 }, { status: 401 }))
        const run = profileExists(ids).pipe(Effect.provide(Crisp.layer(server, { retry: false })))
        expect(yield* run).toBe(true)
        expect(yield* run).toBe(false)
        const error = yield* Effect.flip(run)
        expect(error._tag).toBe("CrispUnauthorized")
        const requests = yield* server.requests
        expect(requests.map((r) => r.method)).toEqual(["HEAD", "HEAD", "HEAD"])
        expect(requests[0]?.url).toBe("/v1/website/w1/people/profile/p1")
      }))

    it.scopedLive("HEAD through CrispHttp.request returns a boolean too", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence({ status: 200 }, { status: 404 }))
        const run = CrispHttp.request({ method: "HEAD", path: "website/w1", response: Schema.Boolean }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        expect(yield* run).toBe(true)
        expect(yield* run).toBe(false)
      }))
  })
})
