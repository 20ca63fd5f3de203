/**
 * The one in-process hub every events source publishes into (the RTM socket, Web
 * Hooks, the in-memory test layer) and every subscriber reads from.
 *
 * Each subscription has its own bounded backlog (the events it has not read yet),
 * so a slow subscriber cannot make memory grow without bound. A subscriber is woken
 * once for all the events published before it runs, and reads them as one chunk:
 * a socket read carrying 100 events costs one wake-up, not 100. What happens when a
 * subscriber lags `capacity` events behind is the strategy:
 *
 * - `"sliding"` (default): the oldest event that the lagging subscriber has not read
 *   yet is discarded to make room. The publisher never waits and subscribers that
 *   keep up lose nothing: only the slow one misses the oldest events. This is the
 *   right default for a socket, which cannot be paused: the alternative would be to
 *   buffer without limit somewhere else.
 * - `"dropping"`: the new event is discarded for every subscriber while the buffer is
 *   full (`publish` answers `false`). Keeps the oldest events.
 * - `"suspend"`: `publish` waits until the slowest subscriber makes room. Useful for
 *   Web Hooks (the HTTP answer waits, and Crisp retries later); the RTM layer does not
 *   offer it, since a socket cannot be paused.
 *
 * Every discarded event is counted (`dropped`) and reported with a warning log at
 * most once per 10 seconds; a malformed event is published like any other, with a
 * warning log naming the event and the issue (never its payload).
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvent } from "effect-crisp/realtime"
 * import * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const hub = yield* EventHub.makeHub({ capacity: 1024, strategy: "sliding" })
 *   const events = yield* hub.subscribe
 *   yield* hub.publish(CrispEvent.decode("website:users:available", { website_id: "w", available: true }))
 *   return yield* Stream.runHead(events)
 * }))
 * ```
 *
 * @since 0.1.0
 */
import { Chunk, Effect, Option, Runtime, type Scope, Stream } from "effect"
import type { CrispEvent } from "../../realtime/CrispEvent.js"
import type { Service } from "../../realtime/CrispEvents.js"
import type { CrispRealtimeUnauthorized } from "../../realtime/CrispRealtimeError.js"

/**
 * What a full buffer does; see the module documentation.
 *
 * @example
 * ```ts
 * import type * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * const strategy: EventHub.Strategy = "sliding"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Strategy = "dropping" | "sliding" | "suspend"

/**
 * Options of {@link makeHub}.
 *
 * @example
 * ```ts
 * import type * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * const options: EventHub.HubOptions = { capacity: 1024, strategy: "dropping" }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface HubOptions {
  /** How many events a subscriber may lag behind. Default {@link DEFAULT_CAPACITY}. */
  readonly capacity?: number
  /** Default {@link DEFAULT_STRATEGY}. */
  readonly strategy?: Strategy
}

/**
 * Default capacity: 4096 events. Enough to absorb a burst (a busy website's RTM
 * traffic is tens of events per second; a subscriber doing one REST call per event
 * falls behind by seconds, not thousands) while capping the memory held for a stuck
 * subscriber at a few megabytes (payloads are typically under 1 KB).
 *
 * @example
 * ```ts
 * import * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * const twice = EventHub.makeHub({ capacity: 2 * EventHub.DEFAULT_CAPACITY })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_CAPACITY = 4096

/**
 * Default strategy: `"sliding"` (see the module documentation for why).
 *
 * @example
 * ```ts
 * import * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * EventHub.DEFAULT_STRATEGY // "sliding"
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_STRATEGY: Strategy = "sliding"

/**
 * A hub: publish on one side, `subscribe` or `service` on the other.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispEvent } from "effect-crisp/realtime"
 * import * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const hub: EventHub.EventHub = yield* EventHub.makeHub()
 *   hub.unsafePublish(CrispEvent.decode("website:users:available", { website_id: "w", available: true }))
 * }))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface EventHub {
  /**
   * Publishes one event to every current subscriber. `false` when the event was
   * discarded (`"dropping"` strategy, buffer full). With `"suspend"`, waits for room.
   */
  readonly publish: (event: CrispEvent) => Effect.Effect<boolean>
  /**
   * The synchronous form of `publish`, for callback-style adapters. With
   * `"suspend"` it cannot wait: a full buffer discards the event (counted) and
   * answers `false`.
   */
  readonly unsafePublish: (event: CrispEvent) => boolean
  /**
   * Publishes a batch synchronously, in order, with the same strategy semantics as
   * `unsafePublish`. Answers how many events were discarded.
   */
  readonly unsafePublishAll: (events: ReadonlyArray<CrispEvent>) => number
  /**
   * Ends every current and future subscription with `error` (the RTM layer uses it
   * for `unauthorized`). Answers `false` if the hub had already failed.
   */
  readonly fail: (error: CrispRealtimeUnauthorized) => Effect.Effect<boolean>
  /** Subscribes now; events published after this returns are delivered to the stream. */
  readonly subscribe: Effect.Effect<Stream.Stream<CrispEvent, CrispRealtimeUnauthorized>, never, Scope.Scope>
  /** The `CrispEvents` service reading from this hub. */
  readonly service: Service
  /**
   * The `CrispEvents` service reading from this hub, running `onSubscribe` in each
   * subscription's scope right after it subscribed (the RTM layer connects lazily
   * this way).
   */
  readonly serviceWith: (onSubscribe: Effect.Effect<void, never, Scope.Scope>) => Service
  /** How many events were discarded so far because a subscriber lagged. */
  readonly dropped: Effect.Effect<number>
  /**
   * How many subscriptions are open now. A source that can ask its sender to try
   * again (web hooks answer 503) uses it not to accept events nobody would see;
   * tests use it to wait until a forked consumer listens.
   */
  readonly subscribers: Effect.Effect<number>
  readonly capacity: number
  readonly strategy: Strategy
}

const DROP_LOG_INTERVAL_MS = 10_000

/**
 * One subscription's unread events, oldest first: `buffer[head..]`. Taking reads
 * the whole backlog at once; sliding advances `head` instead of shifting the array.
 */
interface Subscription {
  buffer: Array<CrispEvent | undefined>
  head: number
  /** The subscriber's pull, parked while its backlog is empty. */
  taker: ((pull: Effect.Effect<Chunk.Chunk<CrispEvent>, Option.Option<CrispRealtimeUnauthorized>>) => void) | undefined
}

const backlog = (sub: Subscription): number => sub.buffer.length - sub.head

/** A publisher parked by the `"suspend"` strategy until every subscriber has room. */
interface Parked {
  readonly event: CrispEvent
  readonly resume: (accepted: Effect.Effect<boolean>) => void
}

/**
 * Creates a hub that lives as long as the enclosing scope; closing it ends every
 * subscription (after the events already buffered for it).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as EventHub from "effect-crisp/internal/realtime/EventHub"
 *
 * const hub = EventHub.makeHub({ strategy: "suspend" }) // Effect<EventHub, never, Scope>
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeHub = (options: HubOptions = {}): Effect.Effect<EventHub, never, Scope.Scope> =>
  Effect.gen(function*() {
    const capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_CAPACITY))
    const strategy = options.strategy ?? DEFAULT_STRATEGY
    const runSync = Runtime.runSync(yield* Effect.runtime<never>())

    // Each subscription has its own bounded backlog (what it has not read yet); a
    // publish appends to every backlog and wakes the subscribers that wait. A
    // subscriber is woken once however many events arrive before it runs: its pull
    // then takes the whole backlog as one chunk.
    const subscriptions = new Set<Subscription>()
    const parked: Array<Parked> = []
    /** `undefined` while open; then `"closed"` (scope closed) or the failure. */
    let ended: "closed" | CrispRealtimeUnauthorized | undefined

    let dropped = 0
    let lastDropLog = 0
    const noteDrop = (): void => {
      dropped++
      const now = Date.now()
      if (now - lastDropLog >= DROP_LOG_INTERVAL_MS) {
        lastDropLog = now
        runSync(Effect.logWarning(
          `effect-crisp: a realtime subscriber is ${capacity} events behind; events are being discarded (${strategy} strategy, ${dropped} so far)`
        ))
      }
    }
    const warnMalformed = (event: CrispEvent): void => {
      if (event._tag === "Malformed") {
        runSync(Effect.logWarning(`effect-crisp: malformed "${event.name}" event (${event.issue}); delivered as Malformed`)
          .pipe(Effect.annotateLogs({ "crisp.event": event.name, "crisp.issue": event.issue })))
      }
    }

    const someoneIsFull = (): boolean => {
      for (const sub of subscriptions) if (backlog(sub) >= capacity) return true
      return false
    }

    const wake = (sub: Subscription): void => {
      const taker = sub.taker
      if (taker !== undefined) {
        sub.taker = undefined
        // The pull reads the backlog when the subscriber runs, so that the events
        // published until then travel in the same chunk.
        taker(pull(sub))
      }
    }

    /** Appends to every backlog; `false` if the strategy refused the event. */
    const offer = (event: CrispEvent): boolean => {
      if (ended !== undefined) return false
      if (strategy !== "sliding" && someoneIsFull()) return false
      let slid = false
      for (const sub of subscriptions) {
        sub.buffer.push(event)
        if (backlog(sub) > capacity) {
          sub.buffer[sub.head++] = undefined
          slid = true
          if (sub.head > 1024 && sub.head * 2 > sub.buffer.length) {
            sub.buffer = sub.buffer.slice(sub.head)
            sub.head = 0
          }
        }
        wake(sub)
      }
      if (slid) noteDrop()
      return true
    }

    /** Moves parked publishers' events in while every subscriber has room (FIFO). */
    const unpark = (): void => {
      while (parked.length > 0 && (ended !== undefined || !someoneIsFull())) {
        const next = parked.shift()!
        next.resume(Effect.succeed(offer(next.event)))
      }
    }

    const takeAll = (sub: Subscription): Chunk.Chunk<CrispEvent> => {
      const events = (sub.head === 0 ? sub.buffer : sub.buffer.slice(sub.head)) as Array<CrispEvent>
      sub.buffer = []
      sub.head = 0
      if (parked.length > 0) unpark()
      return Chunk.unsafeFromArray(events)
    }

    const pull = (sub: Subscription): Effect.Effect<Chunk.Chunk<CrispEvent>, Option.Option<CrispRealtimeUnauthorized>> =>
      Effect.suspend(() => {
        if (backlog(sub) > 0) return Effect.succeed(takeAll(sub))
        if (ended === "closed") return Effect.fail(Option.none())
        if (ended !== undefined) return Effect.fail(Option.some(ended))
        return Effect.async<Chunk.Chunk<CrispEvent>, Option.Option<CrispRealtimeUnauthorized>>((resume) => {
          sub.taker = resume
          return Effect.sync(() => {
            sub.taker = undefined
          })
        })
      })

    const end = (reason: "closed" | CrispRealtimeUnauthorized): boolean => {
      if (ended !== undefined) return false
      ended = reason
      for (const sub of subscriptions) wake(sub)
      unpark()
      return true
    }
    yield* Effect.addFinalizer(() => Effect.sync(() => end("closed")))

    const publish = (event: CrispEvent): Effect.Effect<boolean> =>
      Effect.suspend(() => {
        warnMalformed(event)
        if (parked.length === 0 && offer(event)) return Effect.succeed(true)
        if (strategy === "suspend" && ended === undefined) {
          return Effect.async<boolean>((resume) => {
            const entry: Parked = { event, resume }
            parked.push(entry)
            return Effect.sync(() => {
              const at = parked.indexOf(entry)
              if (at >= 0) parked.splice(at, 1)
            })
          })
        }
        if (ended === undefined) noteDrop()
        return Effect.succeed(false)
      })

    const unsafePublish = (event: CrispEvent): boolean => {
      warnMalformed(event)
      // With `"suspend"` this cannot wait: a full buffer (or publishers already
      // waiting, which go first) discards the event.
      if (parked.length === 0 && offer(event)) return true
      if (ended === undefined) noteDrop()
      return false
    }

    const unsafePublishAll = (events: ReadonlyArray<CrispEvent>): number => {
      const before = dropped
      for (let i = 0; i < events.length; i++) unsafePublish(events[i]!)
      return dropped - before
    }

    const subscribe: Effect.Effect<Stream.Stream<CrispEvent, CrispRealtimeUnauthorized>, never, Scope.Scope> = Effect
      .suspend(() => {
        if (ended !== undefined) return Effect.succeed(ended === "closed" ? Stream.empty : Stream.fail(ended))
        return Effect.map(
          Effect.acquireRelease(
            Effect.sync((): Subscription => {
              const sub: Subscription = { buffer: [], head: 0, taker: undefined }
              subscriptions.add(sub)
              return sub
            }),
            (sub) =>
              Effect.sync(() => {
                subscriptions.delete(sub)
                if (parked.length > 0) unpark()
              })
          ),
          (sub) => Stream.repeatEffectChunkOption(pull(sub))
        )
      })

    const serviceWith = (onSubscribe: Effect.Effect<void, never, Scope.Scope>): Service => ({
      events: Stream.unwrapScoped(Effect.tap(subscribe, () => onSubscribe))
    })

    return {
      publish,
      unsafePublish,
      unsafePublishAll,
      fail: (error) => Effect.sync(() => end(error)),
      subscribe,
      service: serviceWith(Effect.void),
      serviceWith,
      dropped: Effect.sync(() => dropped),
      subscribers: Effect.sync(() => subscriptions.size),
      capacity,
      strategy
    } satisfies EventHub
  })
