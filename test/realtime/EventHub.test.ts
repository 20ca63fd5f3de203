import { describe, expect, it } from "@effect/vitest"
import { Chunk, Deferred, Effect, Exit, Fiber, Option, Scope, Stream } from "effect"
import * as CrispEvent from "../../src/realtime/CrispEvent.js"
import * as CrispEvents from "../../src/realtime/CrispEvents.js"
import { CrispRealtimeUnauthorized } from "../../src/realtime/CrispRealtimeError.js"
import { makeHub } from "../../src/internal/realtime/EventHub.js"
import { captureLogs } from "./support.js"

const visitors = (n: number) => CrispEvent.decode("website:update_visitors_count", { website_id: "w", visitors_count: n })
const count = (event: CrispEvent.CrispEvent) => (event.data as { visitors_count: number }).visitors_count

describe("EventHub", () => {
  it.scoped("sliding: a lagging subscriber loses the oldest events, publishers never wait", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 4, strategy: "sliding" })
      const events = yield* hub.subscribe
      for (let i = 1; i <= 10; i++) expect(yield* hub.publish(visitors(i))).toBe(true)
      const got = yield* events.pipe(Stream.take(4), Stream.runCollect)
      expect(Chunk.toArray(got).map(count)).toEqual([7, 8, 9, 10])
      expect(yield* hub.dropped).toBe(6)
    }))

  it.scoped("dropping: new events are refused while the buffer is full", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 4, strategy: "dropping" })
      const events = yield* hub.subscribe
      const accepted: Array<boolean> = []
      for (let i = 1; i <= 6; i++) accepted.push(yield* hub.publish(visitors(i)))
      expect(accepted).toEqual([true, true, true, true, false, false])
      expect(hub.unsafePublish(visitors(7))).toBe(false)
      const got = yield* events.pipe(Stream.take(4), Stream.runCollect)
      expect(Chunk.toArray(got).map(count)).toEqual([1, 2, 3, 4])
      expect(yield* hub.dropped).toBe(3)
    }))

  it.scopedLive("suspend: the publisher waits for the slowest subscriber", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 2, strategy: "suspend" })
      const events = yield* hub.subscribe
      yield* hub.publish(visitors(1))
      yield* hub.publish(visitors(2))
      const third = yield* Effect.fork(hub.publish(visitors(3)))
      yield* Effect.sleep("30 millis")
      expect(third.unsafePoll()).toBeNull()
      expect(hub.unsafePublish(visitors(99))).toBe(false)
      const got = yield* events.pipe(Stream.take(3), Stream.runCollect)
      expect(yield* Fiber.join(third)).toBe(true)
      expect(Chunk.toArray(got).map(count)).toEqual([1, 2, 3])
      // Only the synchronous publish, which cannot wait, discarded an event.
      expect(yield* hub.dropped).toBe(1)
    }))

  it.scoped("with no subscriber, events are discarded without buffering", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 2, strategy: "suspend" })
      for (let i = 0; i < 10; i++) expect(yield* hub.publish(visitors(i))).toBe(true)
      const events = yield* hub.subscribe
      yield* hub.publish(visitors(42))
      expect(Chunk.toArray(yield* events.pipe(Stream.take(1), Stream.runCollect)).map(count)).toEqual([42])
    }))

  it.scoped("fail ends current and later subscriptions with the typed error", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub()
      const events = yield* hub.subscribe
      const running = yield* Effect.fork(Stream.runDrain(events))
      const error = new CrispRealtimeUnauthorized({ stage: "authentication", reason: "invalid token" })
      expect(yield* hub.fail(error)).toBe(true)
      expect(yield* Effect.flip(Fiber.join(running))).toBe(error)
      expect(yield* Effect.flip(Stream.runDrain(hub.service.events))).toBe(error)
      expect(yield* hub.fail(error)).toBe(false)
    }))

  it.scoped("fail delivers what a subscriber had not read yet, then the error", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub()
      const events = yield* hub.subscribe
      yield* hub.publish(visitors(1))
      yield* hub.publish(visitors(2))
      const error = new CrispRealtimeUnauthorized({ stage: "authentication", reason: "invalid token" })
      yield* hub.fail(error)
      const seen: Array<number> = []
      const failure = yield* events.pipe(Stream.runForEach((e) => Effect.sync(() => seen.push(count(e)))), Effect.flip)
      expect(seen).toEqual([1, 2])
      expect(failure).toBe(error)
      expect(yield* hub.publish(visitors(3))).toBe(false)
    }))

  it.effect("closing the hub's scope ends its streams after their backlog", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const hub = yield* Scope.extend(makeHub(), scope)
      const events = yield* Scope.extend(hub.subscribe, scope)
      const waiting = yield* Effect.fork(Stream.runCollect(events))
      yield* hub.publish(visitors(1))
      yield* Scope.close(scope, Exit.void)
      expect(Chunk.toArray(yield* Fiber.join(waiting)).map(count)).toEqual([1])
      expect(hub.unsafePublish(visitors(2))).toBe(false)
    }))

  it.scoped("events published before the subscriber runs arrive as one chunk", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub()
      const events = yield* hub.subscribe
      const chunks = yield* Effect.fork(events.pipe(Stream.chunks, Stream.take(2), Stream.runCollect))
      yield* Effect.yieldNow()
      for (let i = 1; i <= 100; i++) hub.unsafePublish(visitors(i))
      yield* Effect.yieldNow()
      hub.unsafePublish(visitors(101))
      const sizes = Chunk.toArray(yield* Fiber.join(chunks)).map(Chunk.size)
      expect(sizes).toEqual([100, 1])
    }))

  it.scoped("sliding keeps the newest `capacity` events of a subscriber that never reads", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 8, strategy: "sliding" })
      const events = yield* hub.subscribe
      for (let i = 1; i <= 100_000; i++) hub.unsafePublish(visitors(i))
      const got = yield* events.pipe(Stream.take(8), Stream.runCollect)
      expect(Chunk.toArray(got).map(count)).toEqual([99_993, 99_994, 99_995, 99_996, 99_997, 99_998, 99_999, 100_000])
      expect(yield* hub.dropped).toBe(100_000 - 8)
    }))

  it.scopedLive("suspend: parked publishers go in first-come order; leaving makes room", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 1, strategy: "suspend" })
      const reader = yield* hub.subscribe
      const idle = yield* Scope.make()
      yield* Scope.extend(hub.subscribe, idle) // a subscriber that never reads
      yield* hub.publish(visitors(1))
      const second = yield* Effect.fork(hub.publish(visitors(2)))
      const third = yield* Effect.fork(hub.publish(visitors(3)))
      const given_up = yield* Effect.fork(hub.publish(visitors(99)))
      yield* Effect.sleep("10 millis")
      yield* Fiber.interrupt(given_up)
      expect(second.unsafePoll()).toBeNull()
      // The reader's taking is not enough while the idle subscriber is full...
      const first = yield* reader.pipe(Stream.take(1), Stream.runCollect)
      expect(Chunk.toArray(first).map(count)).toEqual([1])
      expect(second.unsafePoll()).toBeNull()
      // ...its leaving is.
      yield* Scope.close(idle, Exit.void)
      const rest = yield* reader.pipe(Stream.take(2), Stream.runCollect)
      expect(Chunk.toArray(rest).map(count)).toEqual([2, 3])
      expect([yield* Fiber.join(second), yield* Fiber.join(third)]).toEqual([true, true])
      expect(yield* hub.subscribers).toBe(1)
    }))

  it.scopedLive("logs each malformed event once, with its name and issue but not its data", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const hub = yield* makeHub()
      const a = yield* hub.subscribe
      const b = yield* hub.subscribe
      const bad = CrispEvent.decode("session:set_email", { website_id: "w", session_id: "s", email: { token: "tok_hidden" } })
      yield* hub.publish(bad)
      hub.unsafePublish(bad)
      const got = yield* Stream.zip(a, b).pipe(Stream.take(2), Stream.runCollect)
      expect(Chunk.toArray(got).map(([x, y]) => [x._tag, y._tag])).toEqual([["Malformed", "Malformed"], ["Malformed", "Malformed"]])
      const warnings = logs.lines.filter((l) => l.startsWith("WARN"))
      expect(warnings).toHaveLength(2)
      expect(warnings[0]).toContain('malformed "session:set_email" event (at email: expected string, got object)')
      expect(logs.lines.join("\n")).not.toContain("tok_hidden")
    }).pipe(Effect.provide(logs.layer))
  })

  it.scopedLive("the layerHub source feeds on/events/unknown/malformed", () =>
    Effect.gen(function*() {
      const hub = yield* CrispEvents.Hub
      const on = yield* Effect.fork(CrispEvents.on("campaign:dispatched").pipe(Stream.take(1), Stream.runCollect))
      const full = yield* Effect.fork(CrispEvents.events("campaign:dispatched", "campaign:running").pipe(Stream.take(2), Stream.runCollect))
      const unknown = yield* Effect.fork(CrispEvents.unknown.pipe(Stream.take(1), Stream.runCollect))
      yield* Effect.sleep("20 millis")
      yield* hub.publish(CrispEvent.decode("mystery", 1, { source: "test" }))
      yield* hub.publish(CrispEvent.decode("campaign:running", { website_id: "w", campaign_id: "c", running: true }))
      yield* hub.publish(CrispEvent.decode("campaign:dispatched", { website_id: "w", campaign_id: "c" }, { source: "test" }))
      expect(Chunk.toArray(yield* Fiber.join(on))).toEqual([{ website_id: "w", campaign_id: "c" }])
      expect(Chunk.toArray(yield* Fiber.join(full)).map((e) => e.name)).toEqual(["campaign:running", "campaign:dispatched"])
      expect(Chunk.toArray(yield* Fiber.join(unknown))).toEqual([
        { _tag: "Unknown", name: "mystery", data: 1, delivery: { source: "test" } }
      ])
    }).pipe(Effect.provide(CrispEvents.layerHub())))

  it.scoped("unsafePublishAll keeps order and applies each strategy to a batch", () =>
    Effect.gen(function*() {
      const batch = Array.from({ length: 10 }, (_, i) => visitors(i + 1))
      for (
        const [strategy, expected, discarded] of [
          ["sliding", [7, 8, 9, 10], 6],
          ["dropping", [1, 2, 3, 4], 6],
          ["suspend", [1, 2, 3, 4], 6]
        ] as const
      ) {
        const hub = yield* makeHub({ capacity: 4, strategy })
        const events = yield* hub.subscribe
        expect(hub.unsafePublishAll(batch)).toBe(discarded)
        const got = yield* events.pipe(Stream.take(4), Stream.runCollect)
        expect({ strategy, got: Chunk.toArray(got).map(count) }).toEqual({ strategy, got: expected })
        expect(yield* hub.dropped).toBe(discarded)
        // A batch that fits goes through whole.
        expect(hub.unsafePublishAll(batch.slice(0, 3))).toBe(0)
        const more = yield* events.pipe(Stream.take(3), Stream.runCollect)
        expect(Chunk.toArray(more).map(count)).toEqual([1, 2, 3])
      }
    }))

  it.scopedLive("deliver answers true once the subscriber took the event; each tracked event travels alone", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ strategy: "suspend" })
      const events = yield* hub.subscribe
      const chunks: Array<Array<number>> = []
      const gate = yield* Deferred.make<void>()
      // The reader waits at the gate before its first read.
      yield* Effect.forkScoped(Effect.zipRight(
        Deferred.await(gate),
        events.pipe(Stream.mapChunks((chunk) => {
          chunks.push(Chunk.toArray(chunk).map(count))
          return chunk
        }), Stream.runDrain)
      ))
      hub.unsafePublish(visitors(1))
      const first = yield* Effect.fork(hub.deliver(visitors(2), "1 second"))
      yield* Effect.sleep("5 millis")
      hub.unsafePublish(visitors(3))
      const second = yield* Effect.fork(hub.deliver(visitors(4), "1 second"))
      yield* Effect.sleep("20 millis")
      // Not taken yet: nobody has answered.
      expect(first.unsafePoll()).toBeNull()
      yield* Deferred.succeed(gate, void 0)
      expect([yield* Fiber.join(first), yield* Fiber.join(second)]).toEqual([true, true])
      expect(chunks).toEqual([[1, 2], [3, 4]])
    }))

  it.scopedLive("deliver: false without a subscriber, and false (withdrawn, never seen) when not taken in time", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ strategy: "suspend" })
      expect(yield* hub.deliver(visitors(0), "1 second")).toBe(false)
      const events = yield* hub.subscribe
      expect(yield* hub.deliver(visitors(1), "30 millis")).toBe(false)
      // The withdrawn event is skipped; the next one is read.
      const reader = yield* Effect.fork(events.pipe(Stream.take(1), Stream.runCollect))
      expect(yield* hub.deliver(visitors(2), "1 second")).toBe(true)
      expect(Chunk.toArray(yield* Fiber.join(reader)).map(count)).toEqual([2])
    }))

  it.scopedLive("deliver: interrupting it withdraws the event; a subscriber leaving without reading it answers false", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ strategy: "suspend" })
      const scope = yield* Scope.make()
      const events = yield* Scope.extend(hub.subscribe, scope)
      const interrupted = yield* Effect.fork(hub.deliver(visitors(1), "1 second"))
      yield* Effect.sleep("10 millis")
      yield* Fiber.interrupt(interrupted)
      // The interrupted one is gone from the backlog: the reader's first event is the next.
      const reader = yield* Effect.fork(events.pipe(Stream.take(1), Stream.runCollect))
      expect(yield* hub.deliver(visitors(2), "1 second")).toBe(true)
      expect(Chunk.toArray(yield* Fiber.join(reader)).map(count)).toEqual([2])
      const left = yield* Effect.fork(hub.deliver(visitors(3), "1 second"))
      yield* Effect.sleep("10 millis")
      yield* Scope.close(scope, Exit.void)
      expect(yield* Fiber.join(left)).toBe(false)
    }))

  it.scopedLive("deliver with two subscribers: true once both took it; a sliding backlog that drops it settles it", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ capacity: 1, strategy: "sliding" })
      const a = yield* hub.subscribe
      const b = yield* hub.subscribe
      const both = yield* Effect.fork(hub.deliver(visitors(1), "1 second"))
      const fromA = yield* a.pipe(Stream.take(1), Stream.runCollect)
      expect(Chunk.toArray(fromA).map(count)).toEqual([1])
      yield* Effect.sleep("10 millis")
      expect(both.unsafePoll()).toBeNull()
      yield* b.pipe(Stream.take(1), Stream.runDrain)
      expect(yield* Fiber.join(both)).toBe(true)
      // Slid out of both backlogs before anyone read it: nobody took it.
      const lost = yield* Effect.fork(hub.deliver(visitors(2), "1 second"))
      yield* Effect.sleep("10 millis")
      hub.unsafePublish(visitors(3))
      expect(yield* Fiber.join(lost)).toBe(false)
    }))

  it.scopedLive("warnings of the synchronous forms are logged in the reading program's fiber, with its logger", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      // The hub is made without the capturing logger...
      const hub = yield* makeHub({ capacity: 1, strategy: "sliding" })
      const events = yield* hub.subscribe
      const bad = CrispEvent.decode("session:set_email", { website_id: "w", session_id: "s", email: ["jane.doe@example.com"] })
      hub.unsafePublish(bad)
      hub.unsafePublish(visitors(1)) // slides `bad` out: one discarded
      expect(logs.lines).toEqual([])
      // ...and the reader, which has it, logs both warnings when it reads.
      const got = yield* events.pipe(Stream.take(1), Stream.runCollect, Effect.provide(logs.layer))
      expect(Chunk.toArray(got).map(count)).toEqual([1])
      expect(logs.lines.filter((line) => line.startsWith("WARN"))).toEqual([
        expect.stringContaining('malformed "session:set_email" event (at email: expected string, got array (1 item))'),
        expect.stringContaining("events are being discarded")
      ])
      expect(logs.lines.join("\n")).not.toContain("jane.doe")
      // takeWarnings hands them over as one effect, once.
      hub.unsafePublish(bad)
      const warnings = hub.takeWarnings()
      expect(warnings).toBeDefined()
      expect(hub.takeWarnings()).toBeUndefined()
      yield* Option.getOrThrow(Option.fromNullable(warnings)).pipe(Effect.provide(logs.layer))
      expect(logs.lines.filter((line) => line.startsWith("WARN"))).toHaveLength(3)
    })
  })

  it.scoped("warnings nobody logged yet are capped; the rest are counted in one line", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const hub = yield* makeHub()
      const bad = CrispEvent.decode("session:set_email", { website_id: "w", session_id: "s", email: 1 })
      for (let i = 0; i < 100; i++) hub.unsafePublish(bad)
      yield* Option.getOrThrow(Option.fromNullable(hub.takeWarnings()))
      const warnings = logs.lines.filter((line) => line.startsWith("WARN"))
      expect(warnings).toHaveLength(65)
      expect(warnings[64]).toContain("effect-crisp: 36 more realtime warnings were not logged")
    }).pipe(Effect.provide(logs.layer))
  })

  it.scopedLive("deliver under a backlog that never empties: 3,000 events, each taken once, all answered true", () =>
    Effect.gen(function*() {
      const hub = yield* makeHub({ strategy: "suspend" })
      const events = yield* hub.subscribe
      const reader = yield* Effect.fork(events.pipe(Stream.take(3_000), Stream.runCollect))
      const answers = yield* Effect.forEach(
        Array.from({ length: 3_000 }, (_, i) => i),
        (i) => hub.deliver(visitors(i), "5 seconds"),
        { concurrency: "unbounded" }
      )
      expect(answers.every((answer) => answer)).toBe(true)
      const read = Chunk.toArray(yield* Fiber.join(reader)).map(count)
      expect(read).toHaveLength(3_000)
      expect(new Set(read).size).toBe(3_000)
    }))
})
