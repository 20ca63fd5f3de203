import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { CrispTest } from "effect-crisp/testing"
import { bot, REPLY } from "../../examples/bot.js"

const W = "website-1"

/** Lets the forked bot and the event hub run until nothing is left to do. */
const settle = Effect.repeatN(Effect.yieldNow(), 200)

describe("examples/bot.ts on the in-memory test layer", () => {
  it.effect("answers each visitor message once, and ignores operator messages", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* Effect.fork(bot)
      yield* control.awaitListening()
      yield* control.visitorSends(W, "session-1", "Hello?")
      yield* control.visitorSends(W, "session-2", "Anyone?")
      yield* settle
      const one = yield* control.messages(W, "session-1")
      expect(one.map((m) => [m.from, m.content])).toEqual([["user", "Hello?"], ["operator", REPLY]])
      const two = yield* control.messages(W, "session-2")
      expect(two.map((m) => [m.from, m.content])).toEqual([["user", "Anyone?"], ["operator", REPLY]])
      // the bot's own replies (message:received) did not trigger more replies
      const sent = (yield* control.requests).filter((r) => r.method === "POST")
      expect(sent).toHaveLength(2)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("keeps going after a reply fails", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* Effect.fork(bot)
      yield* control.awaitListening()
      yield* control.failNext(400, { method: "POST" })
      yield* control.visitorSends(W, "session-1", "first")
      yield* settle
      yield* control.visitorSends(W, "session-1", "second")
      yield* settle
      const messages = yield* control.messages(W, "session-1")
      expect(messages.map((m) => m.content)).toEqual(["first", "second", REPLY])
    }).pipe(Effect.provide(CrispTest.layer())))
})
