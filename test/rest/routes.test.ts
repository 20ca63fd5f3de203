/**
 * What each of the 42 public functions puts on the wire — verb, path, query, body —
 * checked on a real loopback server against the routes written by hand from
 * seed-methods.json (correct_path where the seed was buggy) and endpoints.json.
 * Also: the crafted answers FakeCrisp cannot give (a field of the wrong type), bad
 * input refused before any request, HEAD 404 → false, span names.
 */
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, Redacted, Stream } from "effect"
import {
  type CrispError,
  type CrispHttp,
  UserProfile,
  UserSession,
  Website,
  WebsiteConversations,
  WebsiteOperators,
  WebsitePeople,
  WebsiteSettings
} from "../../src/index.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { recordingTracer } from "../support/observe.js"

interface Expected {
  readonly method: string
  /** Path below `/v1/`, as sent (encoded). */
  readonly path: string
  /** Query parameters; JSON-looking values are compared parsed. */
  readonly query?: Readonly<Record<string, unknown>>
  /** The JSON body, or `undefined` for none. */
  readonly body?: unknown
}

interface Case {
  readonly name: string
  readonly call: Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>
  readonly expected: Expected
  /** `data` of the answer. */
  readonly data?: unknown
}

const W = "website-1"
const S = "session_abc"
const P = "jane@example.com"
const P_ENCODED = "jane%40example.com"
const O = "operator-7"
const conversation = { session_id: S, website_id: W }

const cases: ReadonlyArray<Case> = [
  // WebsiteConversations (14)
  {
    name: "getList",
    call: WebsiteConversations.getList(W, 2),
    expected: { method: "GET", path: `website/${W}/conversations/2` },
    data: [conversation]
  },
  {
    name: "getList without page",
    call: WebsiteConversations.getList(W),
    expected: { method: "GET", path: `website/${W}/conversations/1` },
    data: []
  },
  {
    name: "getList with filters",
    call: WebsiteConversations.getList(W, 1, { per_page: 30, filter_unread: 1 }),
    expected: { method: "GET", path: `website/${W}/conversations/1`, query: { per_page: "30", filter_unread: "1" } },
    data: []
  },
  {
    name: "getOne",
    call: WebsiteConversations.getOne(W, S),
    expected: { method: "GET", path: `website/${W}/conversation/${S}` },
    data: conversation
  },
  {
    name: "getMeta",
    call: WebsiteConversations.getMeta(W, S),
    expected: { method: "GET", path: `website/${W}/conversation/${S}/meta` },
    data: { email: "x@y.test" }
  },
  {
    name: "updateMeta",
    call: WebsiteConversations.updateMeta(W, S, { nickname: "Jane", data: { plan: "pro" } }),
    expected: {
      method: "PATCH",
      path: `website/${W}/conversation/${S}/meta`,
      body: { nickname: "Jane", data: { plan: "pro" } }
    }
  },
  {
    name: "getMessages",
    call: WebsiteConversations.getMessages(W, S, { timestamp_before: 1700000000000 }),
    expected: {
      method: "GET",
      path: `website/${W}/conversation/${S}/messages`,
      query: { timestamp_before: "1700000000000" }
    },
    data: []
  },
  {
    name: "create",
    call: WebsiteConversations.create(W),
    expected: { method: "POST", path: `website/${W}/conversation`, body: {} },
    data: { session_id: S }
  },
  {
    name: "initiateOne",
    call: WebsiteConversations.initiateOne(W, S),
    expected: { method: "POST", path: `website/${W}/conversation/${S}/initiate`, body: {} }
  },
  {
    name: "sendMessage",
    call: WebsiteConversations.sendMessage(W, S, { type: "text", content: "Hi", from: "operator", origin: "chat" }),
    expected: {
      method: "POST",
      path: `website/${W}/conversation/${S}/message`,
      body: { type: "text", content: "Hi", from: "operator", origin: "chat" }
    },
    data: { fingerprint: 123 }
  },
  {
    name: "setState",
    call: WebsiteConversations.setState(W, S, "resolved"),
    expected: { method: "PATCH", path: `website/${W}/conversation/${S}/state`, body: { state: "resolved" } }
  },
  {
    name: "getRouting",
    call: WebsiteConversations.getRouting(W, S),
    expected: { method: "GET", path: `website/${W}/conversation/${S}/routing` },
    data: { assigned: { user_id: O } }
  },
  {
    name: "setRouting",
    call: WebsiteConversations.setRouting(W, S, { assigned: { user_id: O } }),
    expected: {
      method: "PATCH",
      path: `website/${W}/conversation/${S}/routing`,
      body: { assigned: { user_id: O } }
    }
  },
  {
    name: "setBlock",
    call: WebsiteConversations.setBlock(W, S, true),
    expected: { method: "PATCH", path: `website/${W}/conversation/${S}/block`, body: { blocked: true } }
  },
  {
    name: "deleteOne (singular route, not the seed's plural)",
    call: WebsiteConversations.deleteOne(W, S),
    expected: { method: "DELETE", path: `website/${W}/conversation/${S}` }
  },
  {
    name: "acknowledgeMessages (REST, not a socket emit)",
    call: WebsiteConversations.acknowledgeMessages(W, S, "operator", "chat", [11, 12]),
    expected: {
      method: "PATCH",
      path: `website/${W}/conversation/${S}/read`,
      body: { from: "operator", origin: "chat", fingerprints: [11, 12] }
    }
  },
  // WebsitePeople (15)
  {
    name: "findByEmail",
    call: WebsitePeople.findByEmail(W, P),
    expected: {
      method: "GET",
      path: `website/${W}/people/profiles/1`,
      query: { search_filter: [{ model: "people", criterion: "email", operator: "eq", query: [P] }] }
    },
    data: []
  },
  {
    name: "findBySegments",
    call: WebsitePeople.findBySegments(W, ["vip", "customer"]),
    expected: {
      method: "GET",
      path: `website/${W}/people/profiles/1`,
      query: {
        search_filter: [
          { model: "people", criterion: "segments", operator: "eq", query: ["vip"] },
          { model: "people", criterion: "segments", operator: "eq", query: ["customer"] }
        ],
        search_operator: "and"
      }
    },
    data: []
  },
  {
    name: "createNewPeopleProfile",
    call: WebsitePeople.createNewPeopleProfile(W, { email: P, person: { nickname: "Jane" } }),
    expected: {
      method: "POST",
      path: `website/${W}/people/profile`,
      body: { email: P, person: { nickname: "Jane" } }
    },
    data: { people_id: "people-1" }
  },
  {
    name: "checkPeopleProfileExists (with the profile segment the seed forgot)",
    call: WebsitePeople.checkPeopleProfileExists(W, P),
    expected: { method: "HEAD", path: `website/${W}/people/profile/${P_ENCODED}` }
  },
  {
    name: "getPeopleProfile",
    call: WebsitePeople.getPeopleProfile(W, P),
    expected: { method: "GET", path: `website/${W}/people/profile/${P_ENCODED}` },
    data: { people_id: "people-1", email: P }
  },
  {
    name: "listPeopleProfiles",
    call: WebsitePeople.listPeopleProfiles(W, 3, { per_page: 50, search_text: "acme" }),
    expected: { method: "GET", path: `website/${W}/people/profiles/3`, query: { per_page: "50", search_text: "acme" } },
    data: []
  },
  {
    name: "listPeopleProfiles without page",
    call: WebsitePeople.listPeopleProfiles(W),
    expected: { method: "GET", path: `website/${W}/people/profiles/1` },
    data: []
  },
  {
    name: "removePeopleProfile",
    call: WebsitePeople.removePeopleProfile(W, "people-1"),
    expected: { method: "DELETE", path: `website/${W}/people/profile/people-1` }
  },
  {
    name: "savePeopleProfile",
    call: WebsitePeople.savePeopleProfile(W, "people-1", { email: P, segments: ["a"] }),
    expected: { method: "PUT", path: `website/${W}/people/profile/people-1`, body: { email: P, segments: ["a"] } }
  },
  {
    name: "updatePeopleProfile",
    call: WebsitePeople.updatePeopleProfile(W, "people-1", { notepad: "VIP" }),
    expected: { method: "PATCH", path: `website/${W}/people/profile/people-1`, body: { notepad: "VIP" } }
  },
  {
    name: "listPeopleSegments",
    call: WebsitePeople.listPeopleSegments(W),
    expected: { method: "GET", path: `website/${W}/people/suggest/segments/1` },
    data: [{ segment: "vip", count: 2 }]
  },
  {
    name: "addPeopleEvent",
    call: WebsitePeople.addPeopleEvent(W, "people-1", { text: "Signed up", color: "green" }),
    expected: { method: "POST", path: `website/${W}/people/events/people-1`, body: { text: "Signed up", color: "green" } }
  },
  {
    name: "listPeopleEvent",
    call: WebsitePeople.listPeopleEvent(W, "people-1", 2),
    expected: { method: "GET", path: `website/${W}/people/events/people-1/list/2` },
    data: [{ text: "Signed up" }]
  },
  {
    name: "getPeopleData",
    call: WebsitePeople.getPeopleData(W, "people-1"),
    expected: { method: "GET", path: `website/${W}/people/data/people-1` },
    data: { data: { plan: "pro" } }
  },
  {
    name: "updatePeopleData (PUT, as the seed)",
    call: WebsitePeople.updatePeopleData(W, "people-1", { data: { plan: "pro", seats: 5 } }),
    expected: { method: "PUT", path: `website/${W}/people/data/people-1`, body: { data: { plan: "pro", seats: 5 } } }
  },
  {
    name: "listPeopleConversations (plural segment)",
    call: WebsitePeople.listPeopleConversations(W, "people-1"),
    expected: { method: "GET", path: `website/${W}/people/conversations/people-1/list/1` },
    data: [S]
  },
  // Website (2)
  {
    name: "Website.create",
    call: Website.create({ name: "Acme", domain: "acme.example" }),
    expected: { method: "POST", path: "website", body: { name: "Acme", domain: "acme.example" } },
    data: { website_id: "website-2", name: "Acme", domain: "acme.example" }
  },
  {
    name: "Website.delete without verify",
    call: Website.delete(W),
    expected: { method: "DELETE", path: `website/${W}` }
  },
  {
    name: "Website.delete with verify",
    call: Website.delete(W, { method: "password", secret: Redacted.make("hunter2") }),
    expected: { method: "DELETE", path: `website/${W}`, body: { verify: { method: "password", secret: "hunter2" } } }
  },
  // WebsiteSettings (2)
  {
    name: "WebsiteSettings.get",
    call: WebsiteSettings.get(W),
    expected: { method: "GET", path: `website/${W}/settings` },
    data: { website_id: W, name: "Acme" }
  },
  {
    name: "WebsiteSettings.update",
    call: WebsiteSettings.update(W, { chatbox: { color_theme: "red" } }),
    expected: { method: "PATCH", path: `website/${W}/settings`, body: { chatbox: { color_theme: "red" } } }
  },
  // WebsiteOperators (5)
  {
    name: "WebsiteOperators.getList (operators/list, not the seed's operator)",
    call: WebsiteOperators.getList(W),
    expected: { method: "GET", path: `website/${W}/operators/list` },
    data: [{ type: "operator", details: { user_id: O } }]
  },
  {
    name: "WebsiteOperators.getOne",
    call: WebsiteOperators.getOne(W, O),
    expected: { method: "GET", path: `website/${W}/operator/${O}` },
    data: { user_id: O }
  },
  {
    name: "WebsiteOperators.deleteOne",
    call: WebsiteOperators.deleteOne(W, O),
    expected: { method: "DELETE", path: `website/${W}/operator/${O}` }
  },
  {
    name: "WebsiteOperators.createOne",
    call: WebsiteOperators.createOne(W, { email: "new@example.com", role: "member" }),
    expected: { method: "POST", path: `website/${W}/operator`, body: { email: "new@example.com", role: "member" } }
  },
  {
    name: "WebsiteOperators.updateOne (with a body, unlike the seed)",
    call: WebsiteOperators.updateOne(W, O, { role: "owner", title: "Lead" }),
    expected: { method: "PATCH", path: `website/${W}/operator/${O}`, body: { role: "owner", title: "Lead" } }
  },
  // UserSession (3), UserProfile (1)
  {
    name: "UserSession.loginWithEmail",
    call: UserSession.loginWithEmail("me@example.com", Redacted.make("pw-123")),
    expected: { method: "POST", path: "user/session/login", body: { email: "me@example.com", password: "pw-123" } },
    data: { identifier: "session-id", key: "session-key" }
  },
  {
    name: "UserSession.recoverPassword",
    call: UserSession.recoverPassword("me@example.com"),
    expected: { method: "POST", path: "user/session/recover", body: { email: "me@example.com" } }
  },
  {
    name: "UserSession.logout",
    call: UserSession.logout(),
    expected: { method: "POST", path: "user/session/logout", body: {} }
  },
  {
    name: "UserProfile.get",
    call: UserProfile.get(),
    expected: { method: "GET", path: "user/account/profile" },
    data: { first_name: "Ada" }
  }
]

const parseQueryValue = (value: string): unknown => {
  if (value.startsWith("[") || value.startsWith("{")) return JSON.parse(value)
  return value
}

/** A loopback server and a CrispHttp layer on it, for one test. */
const withServer = <A, E>(
  handler: Loopback.Handler,
  use: (server: Loopback.Loopback) => Effect.Effect<A, E, CrispHttp.CrispHttp>
) =>
  Effect.gen(function*() {
    const server = yield* Loopback.make(handler)
    return yield* use(server).pipe(Effect.provide(Support.layer(server, { retry: false })))
  }).pipe(Effect.scoped)

describe("routes of the 42 seed methods", () => {
  it("covers every seed method", () => {
    const names = new Set(cases.map((c) => c.name.split(" ")[0]))
    // 14 + 15 + 2 + 2 + 5 + 3 + 1 = 42 distinct functions (some have two cases).
    expect(names.size).toBe(42)
  })

  for (const c of cases) {
    it.live(c.name, () =>
      withServer(
        () => (c.expected.method === "HEAD" ? { status: 200 } : Loopback.envelope(c.data)),
        (server) =>
          Effect.gen(function*() {
            yield* c.call
            const [request, ...more] = yield* server.requests
            expect(more).toEqual([])
            const url = new URL(request!.url, server.origin)
            expect(request!.method).toBe(c.expected.method)
            expect(url.pathname).toBe(`/v1/${c.expected.path}`)
            const query: Record<string, unknown> = {}
            url.searchParams.forEach((value, key) => { query[key] = parseQueryValue(value) })
            expect(query).toEqual(c.expected.query ?? {})
            if (c.expected.body === undefined) {
              expect(request!.body).toBe("")
              expect(request!.headers["content-type"]).toBeUndefined()
            } else {
              expect(JSON.parse(request!.body)).toEqual(c.expected.body)
              expect(request!.headers["content-type"]).toMatch(/^application\/json/)
            }
          })
      ))
  }
})

describe("answers", () => {
  it.live("HEAD: 200 is true, 404 is false", () =>
    withServer(Loopback.sequence({ status: 200 }, { status: 404 }), () =>
      Effect.gen(function*() {
        expect(yield* WebsitePeople.checkPeopleProfileExists(W, "people-1")).toBe(true)
        expect(yield* WebsitePeople.checkPeopleProfileExists(W, "people-2")).toBe(false)
      })))

  it.live("a field of the wrong type is a CrispDecodeError naming the field", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope({ session_id: S, website_id: W, meta: { email: 42 } }),
        Loopback.envelope([conversation, { session_id: 5, website_id: W }]),
        Loopback.envelope([{ type: "text", content: { not: "a string" }, from: "user" }]),
        Loopback.envelope({ chatbox: { file_transfer: "yes" } })
      ),
      () =>
        Effect.gen(function*() {
          const one = yield* Effect.flip(WebsiteConversations.getOne(W, S))
          expect(one._tag).toBe("CrispDecodeError")
          expect(one.message).toContain("at meta.email: expected string, got number")
          expect(one.message).toContain(`GET /website/${W}/conversation/${S}`)

          const list = yield* Effect.flip(WebsiteConversations.getList(W, 1))
          expect(list._tag).toBe("CrispDecodeError")
          expect(list.message).toContain("at 1.session_id: expected string, got number")

          const messages = yield* Effect.flip(WebsiteConversations.getMessages(W, S))
          expect(messages._tag).toBe("CrispDecodeError")
          expect(messages.message).toContain("at 0.content: expected string")

          const settings = yield* Effect.flip(WebsiteSettings.get(W))
          expect(settings._tag).toBe("CrispDecodeError")
          expect(settings.message).toContain("at chatbox.file_transfer: expected boolean, got string (3 chars)")
        })
    ))

  it.live("unknown fields, missing fields and nulls in answers are fine", () =>
    withServer(
      Loopback.always(
        Loopback.envelope({ session_id: S, website_id: W, state: null, brand_new_field: [1, 2], meta: { email: null } })
      ),
      () =>
        Effect.gen(function*() {
          expect(yield* WebsiteConversations.getOne(W, S)).toEqual({ session_id: S, website_id: W, meta: {} })
        })
    ))

  it.live("the session key from a login is Redacted and turns into a user-tier layer", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(Loopback.sequence(
        Loopback.envelope({ identifier: "session-identifier", key: "session-secret-key" }),
        Loopback.envelope({ first_name: "Ada" })
      ))
      const keys = yield* UserSession.loginWithEmail("me@example.com", "pw").pipe(
        Effect.provide(Support.layer(server, { retry: false }))
      )
      expect(Redacted.isRedacted(keys.key)).toBe(true)
      expect(String(keys.key)).not.toContain("session-secret-key")
      const userLayer = UserSession.layer(keys, { restUrl: Support.restUrl(server), retry: false }).pipe(
        Layer.provide(FetchHttpClient.layer)
      )
      const me = yield* UserProfile.get().pipe(Effect.provide(userLayer))
      expect(me.first_name).toBe("Ada")
      const [, profileRequest] = yield* server.requests
      expect(profileRequest!.headers["x-crisp-tier"]).toBe("user")
      expect(profileRequest!.headers.authorization).toBe(
        "Basic " + Buffer.from("session-identifier:session-secret-key").toString("base64")
      )
    }).pipe(Effect.scoped))
})

describe("bad input fails with CrispInvalidRequest and sends nothing", () => {
  const refused: ReadonlyArray<readonly [string, Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>, string]> = [
    ["an unknown state", WebsiteConversations.setState(W, S, "closed" as never), "state"],
    [
      "a message of an unknown type",
      WebsiteConversations.sendMessage(W, S, { type: "video", content: "x", from: "operator", origin: "chat" } as never),
      "body"
    ],
    [
      "a file message without url",
      WebsiteConversations.sendMessage(W, S, {
        type: "file", from: "operator", origin: "chat", content: { name: "a.pdf", type: "application/pdf" }
      } as never),
      "url"
    ],
    ["page 0", WebsiteConversations.getList(W, 0), "page_number"],
    ["page 1.5", WebsitePeople.listPeopleProfiles(W, 1.5), "page_number"],
    ["page NaN", WebsitePeople.listPeopleEvent(W, "p", Number.NaN), "page_number"],
    ["per_page 10", WebsiteConversations.getList(W, 1, { per_page: 10 }), "per_page"],
    ["no segments", WebsitePeople.findBySegments(W, []), "search_filter"],
    ["an empty email", WebsitePeople.findByEmail(W, ""), "search_filter"],
    ["a profile without email", WebsitePeople.createNewPeopleProfile(W, {} as never), "email"],
    ["an operator role that does not exist", WebsiteOperators.createOne(W, { email: "a@b.test", role: "admin" as never }), "role"],
    ["an empty website id", WebsiteConversations.getOne("", S), "website_id"],
    ["a dot-dot session id", WebsiteConversations.getOne(W, ".."), "session_id"],
    ["an empty password", UserSession.loginWithEmail("me@example.com", ""), "password"]
  ]
  for (const [name, call, field] of refused) {
    it.live(name, () =>
      withServer(Loopback.always(Loopback.envelope({})), (server) =>
        Effect.gen(function*() {
          const exit = yield* Effect.exit(call)
          expect(Exit.isFailure(exit)).toBe(true)
          const error = yield* Effect.flip(call)
          expect(error._tag).toBe("CrispInvalidRequest")
          expect(error.message).toContain(field)
          expect(yield* server.requests).toEqual([])
        })))
  }

  it.live("the login password never shows in the error", () =>
    withServer(Loopback.always(Loopback.envelope({})), () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(UserSession.loginWithEmail("", Redacted.make("pw-visible-9")))
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(error.message).toContain("email")
        expect(JSON.stringify(error)).not.toContain("pw-visible-9")
        expect(String(error)).not.toContain("pw-visible-9")
      })))
})

describe("spans", () => {
  it.live("each call is a span named Module.method; streams add their own", () =>
    Effect.gen(function*() {
      const recorder = recordingTracer()
      const server = yield* Loopback.make(Loopback.sequence(
        Loopback.envelope({ people_id: "people-1" }),
        Loopback.envelope([])
      ))
      yield* Effect.gen(function*() {
        yield* WebsitePeople.getPeopleProfile(W, "people-1")
        yield* Stream.runDrain(WebsiteConversations.stream(W))
      }).pipe(Effect.provide(Support.layer(server, { retry: false })), Effect.withTracer(recorder.tracer))
      const names = recorder.spans.map((span) => span.name)
      expect(names).toContain("WebsitePeople.getPeopleProfile")
      expect(names).toContain("WebsiteConversations.getList")
      expect(names).toContain("WebsiteConversations.stream")
    }).pipe(Effect.scoped))
})
