import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as CrispHttp from "../../src/CrispHttp.js"
import { endpoint } from "../support/endpoint.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const getConversation = endpoint({
  name: "Test.getConversation",
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}"
})

const listPeople = endpoint({
  name: "Test.listPeople",
  method: "GET",
  path: "website/{website_id}/people/profiles/{page_number}",
  query: Schema.Struct({
    search_text: Schema.optional(Schema.String),
    search_filter: Schema.optional(Schema.Array(Schema.Struct({ model: Schema.String, criterion: Schema.String }))),
    sort: Schema.optional(Schema.Struct({ field: Schema.String, order: Schema.String })),
    per_page: Schema.optional(Schema.Number),
    include_empty: Schema.optional(Schema.Boolean)
  })
})

const answered = Loopback.always(Loopback.envelope({}))

Support.eachTransport((Crisp) => {
  describe("CrispHttp path encoding", () => {
    it.scopedLive("an id with / ? # stays one path segment", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        yield* getConversation({ path: { website_id: "w1", session_id: "a/b?c#d" } }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        const [request] = yield* server.requests
        expect(request?.url).toBe("/v1/website/w1/conversation/a%2Fb%3Fc%23d")
      }))

    it.scopedLive("spaces, percent signs and non-ASCII are percent-encoded; numbers are written as is", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        yield* getConversation({ path: { website_id: "é x%", session_id: "%2e%2e" } }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        yield* listPeople({ path: { website_id: "w1", page_number: 2 } }).pipe(Effect.provide(Crisp.layer(server)))
        const [first, second] = yield* server.requests
        expect(first?.url).toBe("/v1/website/%C3%A9%20x%25/conversation/%252e%252e")
        expect(second?.url).toBe("/v1/website/w1/people/profiles/2")
      }))

    it.scopedLive("CrispHttp.request encodes its params the same way", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        yield* CrispHttp.request({
          method: "GET",
          path: "website/{website_id}/visitors/list/{page_number}",
          params: { website_id: "a/b?c#d", page_number: 1 }
        }).pipe(Effect.provide(Crisp.layer(server)))
        const [request] = yield* server.requests
        expect(request?.url).toBe("/v1/website/a%2Fb%3Fc%23d/visitors/list/1")
      }))

    for (const bad of ["..", ".", ""]) {
      it.scopedLive(`an id ${JSON.stringify(bad)} is refused with CrispInvalidRequest and nothing is sent`, () =>
        Effect.gen(function*() {
          const server = yield* Loopback.make(answered)
          const error = yield* getConversation({ path: { website_id: "w1", session_id: bad } }).pipe(
            Effect.provide(Crisp.layer(server)),
            Effect.flip
          )
          expect(error._tag).toBe("CrispInvalidRequest")
          if (error._tag !== "CrispInvalidRequest") return
          expect(error.issue).toContain("session_id")
          expect(error.method).toBe("GET")
          expect(error.path).toBe("website/{website_id}/conversation/{session_id}")
          expect(yield* server.requests).toHaveLength(0)
        }))
    }

    it.scopedLive("a non-finite page number is refused before sending", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        const error = yield* listPeople({ path: { website_id: "w1", page_number: Number.NaN } }).pipe(
          Effect.provide(Crisp.layer(server)),
          Effect.flip
        )
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(error.message).toContain("page_number")
        expect(yield* server.requests).toHaveLength(0)
      }))

    it.scopedLive("`..` in CrispHttp.request params is refused too", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        const error = yield* CrispHttp.request({ method: "DELETE", path: "website/{w}", params: { w: ".." } }).pipe(
          Effect.provide(Crisp.layer(server)),
          Effect.flip
        )
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(yield* server.requests).toHaveLength(0)
      }))
  })

  describe("CrispHttp query encoding", () => {
    it.scopedLive("undefined is skipped, arrays and objects are JSON-encoded, the rest is text", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        yield* listPeople({
          path: { website_id: "w1", page_number: 1 },
          query: {
            search_text: "jane doe&co",
            search_filter: [{ model: "people", criterion: "segments" }],
            sort: { field: "nickname", order: "asc" },
            per_page: 20,
            include_empty: false
          }
        }).pipe(Effect.provide(Crisp.layer(server)))
        const [request] = yield* server.requests
        const url = new URL(request?.url ?? "", server.origin)
        expect(url.pathname).toBe("/v1/website/w1/people/profiles/1")
        expect([...url.searchParams.keys()]).toEqual(["search_text", "search_filter", "sort", "per_page", "include_empty"])
        expect(url.searchParams.get("search_text")).toBe("jane doe&co")
        expect(url.searchParams.get("search_filter")).toBe(`[{"model":"people","criterion":"segments"}]`)
        expect(url.searchParams.get("sort")).toBe(`{"field":"nickname","order":"asc"}`)
        expect(url.searchParams.get("per_page")).toBe("20")
        expect(url.searchParams.get("include_empty")).toBe("false")
        // Raw form, written by hand: every reserved character percent-encoded.
        expect(url.search).toBe(
          "?search_text=jane%20doe%26co" +
            "&search_filter=%5B%7B%22model%22%3A%22people%22%2C%22criterion%22%3A%22segments%22%7D%5D" +
            "&sort=%7B%22field%22%3A%22nickname%22%2C%22order%22%3A%22asc%22%7D" +
            "&per_page=20&include_empty=false"
        )
      }))

    it.scopedLive("a query whose values are all undefined adds no `?`", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        yield* listPeople({ path: { website_id: "w1", page_number: 1 }, query: { search_text: undefined } }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        const [request] = yield* server.requests
        expect(request?.url).toBe("/v1/website/w1/people/profiles/1")
      }))

    it.scopedLive("CrispHttp.request skips undefined and null and JSON-encodes objects", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        yield* CrispHttp.request({
          method: "GET",
          path: "website/{w}/visitors",
          params: { w: "w1" },
          query: { a: undefined, b: null, c: ["x", 1], d: 0 }
        }).pipe(Effect.provide(Crisp.layer(server)))
        const [request] = yield* server.requests
        expect(request?.url).toBe("/v1/website/w1/visitors?c=%5B%22x%22%2C1%5D&d=0")
      }))

    it.scopedLive("a query value of the wrong type is refused before sending", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(answered)
        const error = yield* listPeople({
          path: { website_id: "w1", page_number: 1 },
          query: { per_page: "twenty" as unknown as number }
        }).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(error.message).toContain("per_page")
        expect(yield* server.requests).toHaveLength(0)
      }))
  })
})
