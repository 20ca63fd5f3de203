/**
 * Website, WebsiteSettings, WebsiteOperators, UserSession and UserProfile through
 * their public functions, and the error paths, over real loopback HTTP against
 * FakeCrisp.
 */
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted } from "effect"
import { inspect } from "node:util"
import {
  UserProfile,
  UserSession,
  Website,
  WebsiteConversations,
  WebsiteOperators,
  WebsitePeople,
  WebsiteSettings
} from "../../src/index.js"
import { ACCOUNT, start, WEBSITE } from "./harness.js"

describe("settings", () => {
  it.scopedLive("a patch changes only the fields given", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const before = yield* WebsiteSettings.get(WEBSITE)
        expect(before.website_id).toBe(WEBSITE)
        yield* WebsiteSettings.update(WEBSITE, {
          name: "Acme Support",
          chatbox: { color_theme: "red", welcome_message: "Hi there!" },
          emails: { rating: true }
        })
        const after = yield* WebsiteSettings.get(WEBSITE)
        expect(after.name).toBe("Acme Support")
        expect(after.domain).toBe(before.domain)
        expect(after.chatbox?.color_theme).toBe("red")
        expect(after.chatbox?.welcome_message).toBe("Hi there!")
        expect(after.emails?.rating).toBe(true)
        // untouched sections stay as they were
        expect(after.emails?.transcript).toBe(before.emails?.transcript)
        expect(after.chatbox?.file_transfer).toBe(before.chatbox?.file_transfer)
        expect(after.contact).toEqual(before.contact)
      }).pipe(Effect.provide(h.plugin))
    }))
})

describe("operators", () => {
  it.scopedLive("list, invite, get, change, remove", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const initial = yield* WebsiteOperators.getList(WEBSITE)
        expect(initial.map((o) => [o.type, o.details?.email, o.details?.role])).toEqual([
          ["operator", ACCOUNT.email, "owner"]
        ])
        expect(initial[0]!.details?.user_id).toBe(ACCOUNT.user_id)

        yield* WebsiteOperators.createOne(WEBSITE, { email: "agent@example.com", role: "member" })
        const list = yield* WebsiteOperators.getList(WEBSITE)
        expect(list.map((o) => o.details?.email)).toEqual([ACCOUNT.email, "agent@example.com"])
        const agentId = list[1]!.details!.user_id!

        const agent = yield* WebsiteOperators.getOne(WEBSITE, agentId)
        expect(agent.email).toBe("agent@example.com")
        expect(agent.role).toBe("member")

        yield* WebsiteOperators.updateOne(WEBSITE, agentId, { role: "owner", title: "Head of support" })
        const promoted = yield* WebsiteOperators.getOne(WEBSITE, agentId)
        expect(promoted.role).toBe("owner")
        expect(promoted.title).toBe("Head of support")

        yield* WebsiteOperators.deleteOne(WEBSITE, agentId)
        expect((yield* WebsiteOperators.getList(WEBSITE)).map((o) => o.details?.email)).toEqual([ACCOUNT.email])
        expect((yield* Effect.flip(WebsiteOperators.getOne(WEBSITE, agentId)))._tag).toBe("CrispNotFound")
      }).pipe(Effect.provide(h.plugin))
    }))
})

describe("user session", () => {
  it.scopedLive("login, use the keys, create and delete a website, logout", () =>
    Effect.gen(function*() {
      const h = yield* start()
      const keys = yield* UserSession.loginWithEmail(ACCOUNT.email, Redacted.make(ACCOUNT.password)).pipe(
        Effect.provide(h.plugin)
      )
      expect(keys.identifier.length).toBeGreaterThan(0)
      expect(Redacted.isRedacted(keys.key)).toBe(true)
      expect(inspect(keys)).not.toContain(Redacted.value(keys.key))

      // the fake never logs the password
      const [loginRequest] = yield* h.fake.requests
      expect(loginRequest!.body).not.toContain(ACCOUNT.password)

      const user = UserSession.layer(keys, { restUrl: h.url, retry: false })
      yield* Effect.gen(function*() {
        const me = yield* UserProfile.get()
        expect(me.email).toBe(ACCOUNT.email)
        expect(me.user_id).toBe(ACCOUNT.user_id)

        const website = yield* Website.create({ name: "Second site", domain: "second.example" })
        expect(website.name).toBe("Second site")
        expect(website.domain).toBe("second.example")
        const websiteId = website.website_id!
        expect(Option.isSome(yield* h.fake.website(websiteId))).toBe(true)

        yield* Website.delete(websiteId, { method: "password", secret: Redacted.make(ACCOUNT.password) })
        expect(Option.isNone(yield* h.fake.website(websiteId))).toBe(true)

        yield* UserSession.logout()
        const after = yield* Effect.flip(UserProfile.get())
        expect(after._tag).toBe("CrispUnauthorized")
      }).pipe(Effect.provide(user.pipe(Layer.provide(FetchHttpClient.layer))))
    }))

  it.scopedLive("a wrong password is CrispUnauthorized; recoverPassword succeeds", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const error = yield* Effect.flip(UserSession.loginWithEmail(ACCOUNT.email, "wrong-password"))
        expect(error._tag).toBe("CrispUnauthorized")
        expect(error.message).not.toContain("wrong-password")
        yield* UserSession.recoverPassword(ACCOUNT.email)
      }).pipe(Effect.provide(h.plugin))
      expect(yield* h.seen).toEqual(["POST user/session/login", "POST user/session/recover"])
    }))

  it.scopedLive("a plugin token cannot create websites (user tier only)", () =>
    Effect.gen(function*() {
      const h = yield* start()
      const error = yield* Effect.flip(Website.create({ name: "Nope", domain: "nope.example" }).pipe(Effect.provide(h.plugin)))
      expect(error._tag).toBe("CrispUnauthorized")
    }))
})

describe("error paths", () => {
  it.scopedLive("404 → CrispNotFound for an unknown website, session and profile", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const website = yield* Effect.flip(WebsiteSettings.get("no-such-website"))
        expect(website._tag).toBe("CrispNotFound")
        const session = yield* Effect.flip(WebsiteConversations.getMeta(WEBSITE, "session_missing"))
        expect(session._tag).toBe("CrispNotFound")
        if (session._tag === "CrispNotFound") {
          expect(session.status).toBe(404)
          expect(session.path).toBe(`website/${WEBSITE}/conversation/session_missing/meta`)
        }
        expect((yield* Effect.flip(WebsitePeople.removePeopleProfile(WEBSITE, "nobody")))._tag).toBe("CrispNotFound")
      }).pipe(Effect.provide(h.plugin))
    }))

  it.scopedLive("401 → CrispUnauthorized for a wrong key, and the key is nowhere in the error", () =>
    Effect.gen(function*() {
      const h = yield* start()
      const wrong = h.layer({ identifier: "plugin-identifier", key: Redacted.make("not-the-key-4242"), tier: "plugin" })
      const error = yield* Effect.flip(WebsiteConversations.getList(WEBSITE).pipe(Effect.provide(wrong)))
      expect(error._tag).toBe("CrispUnauthorized")
      if (error._tag === "CrispUnauthorized") expect(error.status).toBe(401)
      for (const shown of [error.message, String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]) {
        expect(shown).not.toContain("not-the-key-4242")
      }
    }))

  it.scopedLive("400 → CrispApiError when Crisp refuses a body the client let through", () =>
    Effect.gen(function*() {
      const h = yield* start()
      const error = yield* Effect.flip(
        WebsitePeople.createNewPeopleProfile(WEBSITE, { email: "not-an-email" }).pipe(Effect.provide(h.plugin))
      )
      expect(error._tag).toBe("CrispApiError")
      if (error._tag === "CrispApiError") {
        expect(error.status).toBe(400)
        expect(error.reason).toBe("invalid_data")
        expect(error.method).toBe("POST")
      }
    }))

  it.scopedLive("injected failures: 400, 429, an HTML 502, a dropped connection", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        yield* h.fake.failNext(400)
        const bad = yield* Effect.flip(WebsiteConversations.setState(WEBSITE, "session_x", "resolved"))
        expect(bad._tag).toBe("CrispApiError")

        yield* h.fake.failNext(429, { headers: { "retry-after": "3" } })
        const limited = yield* Effect.flip(WebsiteConversations.getList(WEBSITE))
        expect(limited._tag).toBe("CrispRateLimited")
        if (limited._tag === "CrispRateLimited") expect(limited.retryAfterMillis).toBe(3000)

        yield* h.fake.failNext(502, { body: "<html><body>Bad Gateway</body></html>", headers: { "content-type": "text/html" } })
        const gateway = yield* Effect.flip(WebsiteSettings.get(WEBSITE))
        expect(gateway._tag).toBe("CrispApiError")
        expect(gateway.message).toContain("Bad Gateway")

        yield* h.fake.dropNext()
        const dropped = yield* Effect.flip(WebsiteOperators.getList(WEBSITE))
        expect(dropped._tag).toBe("CrispTransportError")
      }).pipe(Effect.provide(h.plugin))
    }))

  it.scopedLive("a field of the wrong type in an answer → CrispDecodeError naming the field", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* h.fake.failNext(200, {
        body: JSON.stringify({ error: false, reason: "resolved", data: { people_id: "p", email: "x@y.test", segments: "vip" } })
      })
      const error = yield* Effect.flip(WebsitePeople.getPeopleProfile(WEBSITE, "p").pipe(Effect.provide(h.plugin)))
      expect(error._tag).toBe("CrispDecodeError")
      expect(error.message).toContain("at segments: expected ReadonlyArray<string>, got string (3 chars)")
      expect(error.message).not.toContain("vip")
    }))

  it.scopedLive("invalid input fails before any request reaches the fake", () =>
    Effect.gen(function*() {
      const h = yield* start()
      yield* Effect.gen(function*() {
        const errors = yield* Effect.all([
          Effect.flip(WebsiteConversations.setState(WEBSITE, "session_x", "archived" as never)),
          Effect.flip(WebsiteConversations.sendMessage(WEBSITE, "session_x", { type: "text", from: "operator", origin: "chat" } as never)),
          Effect.flip(WebsiteConversations.getList(WEBSITE, -1)),
          Effect.flip(WebsitePeople.listPeopleProfiles(WEBSITE, 1, { per_page: 100 })),
          Effect.flip(WebsiteSettings.update(WEBSITE, { chatbox: { file_transfer: "yes" } } as never)),
          Effect.flip(WebsiteOperators.updateOne(WEBSITE, "user-1", { role: "admin" } as never)),
          Effect.flip(Website.create({ name: "", domain: "x.example" }))
        ])
        expect(errors.map((e) => e._tag)).toEqual(Array.from({ length: 7 }, () => "CrispInvalidRequest"))
      }).pipe(Effect.provide(h.plugin))
      expect(yield* h.fake.requests).toEqual([])
    }))
})
