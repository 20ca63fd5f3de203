import { FetchHttpClient, HttpServer } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Fiber, Layer, Logger, LogLevel, Option, Redacted, Stream } from "effect"
import { bot, REPLY } from "../../examples/bot.js"
import * as CrispHttp from "../../src/CrispHttp.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { FakeCrisp, FakeCrispServer } from "../../src/testing.js"
import { Signature } from "../../src/webhooks.js"
import { post, SECRET, serverLayer } from "./support.js"

/**
 * The bot of examples/bot.ts, unchanged, on the web hook layer: a visitor writes in the
 * FakeCrisp, which (as Crisp would) POSTs a signed `message:send` hook to our server;
 * the bot replies over REST to the FakeCrisp served on loopback.
 */
describe("examples/bot.ts on the web hook layer", () => {
  it.scopedLive("replies to a visitor's message delivered as a signed web hook", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const { url: restUrl } = yield* FakeCrispServer.serve(fake)

      const hooks = yield* Layer.build(serverLayer({ secret: Redacted.make(SECRET) }))
        .pipe(Logger.withMinimumLogLevel(LogLevel.Error))
      const address = Context.get(hooks, HttpServer.HttpServer).address
      if (address._tag !== "TcpAddress") return yield* Effect.dieMessage("expected a TCP server")
      const hookUrl = `http://127.0.0.1:${address.port}/crisp`

      // Crisp's side: every event of the fake becomes a signed POST to our endpoint.
      const published = yield* fake.subscribe
      const statuses: Array<number> = []
      yield* Effect.forkScoped(Stream.runForEach(published, (event) =>
        Effect.gen(function*() {
          const signed = yield* Signature.sign({
            secret: SECRET,
            body: { website_id: event.data.website_id, event: event.name, data: event.data, timestamp: event.timestamp },
            attempt: 1,
            attemptLimit: 3
          })
          const reply = yield* post(hookUrl, { body: signed.body, headers: signed.headers })
          statuses.push(reply.status)
        }).pipe(Effect.orDie)))

      const Http = CrispHttp.layer({
        identifier: "plugin-identifier",
        key: Redacted.make("plugin-key"),
        tier: "plugin",
        restUrl
      }).pipe(Layer.provide(FetchHttpClient.layer))
      const running = yield* Effect.forkScoped(bot.pipe(
        Effect.provide(Http),
        Effect.provideService(CrispEvents, Context.get(hooks, CrispEvents))
      ))

      const botReplies = (sessionId: string) =>
        Effect.map(fake.conversation("website-1", sessionId), (conversation) =>
          Option.match(conversation, {
            onNone: () => [],
            onSome: (c) => c.messages.filter((m) => m.from === "operator")
          }))

      // The bot subscribes asynchronously: write (in throwaway sessions) until it answers once.
      for (let n = 0; ; n++) {
        if (n === 200) return yield* Effect.dieMessage("the bot never answered")
        yield* fake.visitorSends("website-1", `session_warmup_${n}`, "ping")
        yield* Effect.sleep("25 millis")
        if ((yield* botReplies(`session_warmup_${n}`)).length > 0) break
      }

      yield* fake.visitorSends("website-1", "session_real", "Hello, is anyone there?")
      let replies: ReadonlyArray<{ readonly content: unknown; readonly type: string }> = []
      for (let n = 0; n < 200 && replies.length === 0; n++) {
        yield* Effect.sleep("10 millis")
        replies = yield* botReplies("session_real")
      }
      expect(replies.length).toBe(1)
      expect(replies[0]!.type).toBe("text")
      expect(replies[0]!.content).toBe("I'm a bot")
      expect(REPLY).toBe("I'm a bot")
      // Its own reply comes back as a message:received hook and is not answered.
      yield* Effect.sleep("100 millis")
      expect((yield* botReplies("session_real")).length).toBe(1)
      expect(statuses.every((status) => status === 200)).toBe(true)
      expect(running.unsafePoll()).toBeNull()
      yield* Fiber.interrupt(running)
    }), { timeout: 20_000 })
})
