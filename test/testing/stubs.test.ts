/**
 * Stubs by function name and the request log by function name, through the
 * in-process test layer as a user writes them.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { WebsiteConversations } from "../../src/index.js"
import * as CrispTest from "../../src/testing/CrispTest.js"

const W = "website-1"

describe("FakeCrisp stubs", () => {
  it.effect("a stub answers instead of the fake, by function name, and is decoded like Crisp's answer", () =>
    Effect.gen(function*() {
      const one = yield* WebsiteConversations.getOne(W, "session-stubbed")
      expect(one).toEqual({ session_id: "session-stubbed", website_id: W, state: "resolved" })
    }).pipe(Effect.provide(CrispTest.layer({
      stubs: {
        "WebsiteConversations.getOne": (request) => ({
          data: { session_id: request.params.session_id, website_id: request.params.website_id, state: "resolved" }
        })
      }
    }))))

  it.effect("a failure stub gives the typed error of its status", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(WebsiteConversations.getOne(W, "any"))
      expect(error._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer({
      stubs: { "WebsiteConversations.getOne": { status: 404, reason: "session_not_found" } }
    }))))

  it.effect("stubs set later replace the fake's answer; requestsFor reads back what one function sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const { session_id } = yield* WebsiteConversations.create(W)
      yield* control.stub("WebsiteConversations.getMeta", { data: { nickname: "Stubbed" } })
      expect((yield* WebsiteConversations.getMeta(W, session_id)).nickname).toBe("Stubbed")
      yield* WebsiteConversations.setState(W, session_id, "resolved")
      const sent = yield* control.requestsFor("WebsiteConversations.setState")
      expect(sent.map((r) => [r.method, r.body])).toEqual([["PATCH", JSON.stringify({ state: "resolved" })]])
      expect(yield* control.requestsFor("WebsiteConversations.getMeta")).toHaveLength(1)
      yield* control.clearStubs
      expect((yield* WebsiteConversations.getMeta(W, session_id)).nickname).not.toBe("Stubbed")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("a stub for a name no function has is refused", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const exit = yield* Effect.exit(control.stub("WebsiteConversations.noSuchThing", { data: {} }))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(String(exit)).toContain("noSuchThing")
      const exit2 = yield* Effect.exit(control.requestsFor("Nope.nothing"))
      expect(Exit.isFailure(exit2)).toBe(true)
    }).pipe(Effect.provide(CrispTest.layer())))
})
