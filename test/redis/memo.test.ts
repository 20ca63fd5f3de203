/** The Web Hook memo shared through a real redis-server by receivers that share nothing else. */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Context, type Duration, Effect, Layer, Logger, LogLevel, Queue, Redacted } from "effect"
import type { CrispEvent } from "../../src/realtime/CrispEvent.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { CrispRedis } from "../../src/redis.js"
import { CrispWebhooks } from "../../src/webhooks.js"
import { envelope, messageSend, probeSigned, SECRET, signedHeaders, subscribe } from "../webhooks/support.js"
import * as RedisServer from "./server.js"

interface Receiver {
  readonly hooks: CrispWebhooks.Service
  readonly events: Queue.Dequeue<CrispEvent> | undefined
}

/** One receiver "process": its own Web Hooks layer on its own Redis connection. */
const receiver = (
  url: string,
  options: { readonly listen?: boolean; readonly tolerance?: Duration.DurationInput } = {}
) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(
      CrispWebhooks.layer({
        secret: Redacted.make(SECRET),
        ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance })
      }).pipe(Layer.provideMerge(CrispRedis.layer({ url, commandTimeout: "1 second" })))
    ).pipe(Logger.withMinimumLogLevel(LogLevel.Error))
    const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
    const events = options.listen === false
      ? undefined
      : yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
    return { hooks, events } satisfies Receiver
  })

const delivery = (n: number, timestamp: number): CrispWebhooks.ReceiveInput => {
  const body = envelope("message:send", messageSend(`hello ${n}`, `session_${n}`))
  return { body, headers: signedHeaders(body, { timestamp }), method: "POST" }
}

const drain = (queue: Queue.Dequeue<CrispEvent> | undefined): Effect.Effect<ReadonlyArray<CrispEvent>> =>
  Effect.zipRight(
    Effect.sleep("50 millis"),
    queue === undefined ? Effect.succeed([]) : Effect.map(Queue.takeAll(queue), Chunk.toReadonlyArray)
  )

const sessions = (events: ReadonlyArray<CrispEvent>) =>
  events.map((event) => (event._tag === "Event" ? String((event.data as { session_id?: unknown }).session_id) : "?"))

/** Refusals and the outage are logged as warnings: keep the test output to failures. */
const quiet = <A, E, R>(self: Effect.Effect<A, E, R>) => Logger.withMinimumLogLevel(self, LogLevel.Error)

describe("Web Hook memo on Redis", () => {
  it.scopedLive("a delivery sent to two receivers is published by one of them, once", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const a = yield* receiver(redis.url)
      const b = yield* receiver(redis.url)
      const now = Date.now()
      const outcomes = yield* Effect.forEach(Array.from({ length: 30 }, (_, n) => n), (n) =>
        Effect.all([a.hooks.receive(delivery(n, now)), b.hooks.receive(delivery(n, now))], { concurrency: 2 }), {
        concurrency: 8
      })
      for (const pair of outcomes) {
        expect(pair.map((o) => o._tag).sort()).toEqual(["Delivered", "Duplicate"])
      }
      const published = [...(yield* drain(a.events)), ...(yield* drain(b.events))]
      expect(sessions(published).sort()).toEqual(Array.from({ length: 30 }, (_, n) => `session_${n}`).sort())
    }))

  it.scopedLive("a 503 releases the claim: the retry is delivered by the other receiver", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const deaf = yield* receiver(redis.url, { listen: false })
      const b = yield* receiver(redis.url)
      const input = delivery(1, Date.now())
      const hookKeys = () => redis.cli("--scan", "--pattern", "effect-crisp:hook:*").split("\n").filter((k) => k !== "")
      const before = hookKeys().length
      const refused = yield* deaf.hooks.receive(input)
      expect(refused).toMatchObject({ _tag: "Rejected", status: 503 })
      expect(hookKeys()).toHaveLength(before) // claimed, then released
      expect((yield* b.hooks.receive(input))._tag).toBe("Delivered")
      expect((yield* b.hooks.receive(input))._tag).toBe("Duplicate")
      expect(sessions(yield* drain(b.events))).toEqual(["session_1"])
    }).pipe(quiet))

  it.scopedLive("keys are <prefix>:hook:<sha-256>, kept for the tolerance window, with nothing of the delivery", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const a = yield* receiver(redis.url, { tolerance: "2 minutes" })
      const input = delivery(7, Date.now())
      expect((yield* a.hooks.receive(input))._tag).toBe("Delivered")
      const keys = redis.cli("--scan", "--pattern", "effect-crisp:hook:*").split("\n").filter((k) => /:\w{64}$/.test(k))
      expect(keys).toHaveLength(2) // the probe that proved the subscription, and this one
      for (const key of keys) {
        expect(key).toMatch(/^effect-crisp:hook:[0-9a-f]{64}$/)
        const ttl = Number(redis.cli("pttl", key))
        expect(ttl).toBeGreaterThan(110_000)
        expect(ttl).toBeLessThanOrEqual(121_000)
      }
      const signature = (input.headers as Record<string, string>)["x-crisp-signature"]!
      expect(keys.join(" ")).not.toContain(signature)
      expect(keys.join(" ")).not.toContain("session_7")
    }))

  it.scopedLive("while Redis is stopped, each receiver still recognises its own repeats", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make
      const a = yield* receiver(redis.url)
      yield* redis.stop
      const input = delivery(3, Date.now())
      expect((yield* a.hooks.receive(input))._tag).toBe("Delivered")
      expect((yield* a.hooks.receive(input))._tag).toBe("Duplicate")
      expect(sessions(yield* drain(a.events))).toEqual(["session_3"])
    }).pipe(quiet))
})
