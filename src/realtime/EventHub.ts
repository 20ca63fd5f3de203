/**
 * The one in-process hub every events source publishes into (the RTM socket, Web
 * Hooks, the in-memory test layer) and every subscriber reads from.
 *
 * It is a bounded `PubSub`, so a slow subscriber cannot make memory grow without
 * bound. What happens when a subscriber lags `capacity` events behind is the
 * strategy:
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
 * import { CrispEvent, EventHub } from "effect-crisp/realtime"
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
import { Effect, PubSub, Queue, Runtime, type Scope, Stream } from "effect"
import type { CrispEvent } from "./CrispEvent.js"
import type { Service } from "./CrispEvents.js"
import type { CrispRealtimeUnauthorized } from "./CrispRealtimeError.js"

/**
 * What a full buffer does; see the module documentation.
 *
 * @example
 * ```ts
 * import type { EventHub } from "effect-crisp/realtime"
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
 * import type { EventHub } from "effect-crisp/realtime"
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
 * import { EventHub } from "effect-crisp/realtime"
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
 * import { EventHub } from "effect-crisp/realtime"
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
 * import { CrispEvent, EventHub } from "effect-crisp/realtime"
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
   * `unsafePublish` (cheaper than one call per event: subscribers are woken once).
   * Answers how many events were discarded.
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
 * Creates a hub that lives as long as the enclosing scope; closing it ends every
 * subscription.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EventHub } from "effect-crisp/realtime"
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
    const pubsub = yield* (strategy === "sliding"
      ? PubSub.sliding<CrispEvent>(capacity)
      : strategy === "dropping"
      ? PubSub.dropping<CrispEvent>(capacity)
      : PubSub.bounded<CrispEvent>(capacity))
    yield* Effect.addFinalizer(() => PubSub.shutdown(pubsub))
    const runtime = yield* Effect.runtime<never>()
    const runSync = Runtime.runSync(runtime)

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

    const publish = (event: CrispEvent): Effect.Effect<boolean> =>
      Effect.suspend(() => {
        warnMalformed(event)
        if (Queue.unsafeOffer(pubsub, event)) return Effect.succeed(true)
        if (strategy === "suspend") return PubSub.publish(pubsub, event)
        noteDrop()
        return PubSub.publish(pubsub, event)
      })

    const unsafePublish = (event: CrispEvent): boolean => {
      warnMalformed(event)
      if (Queue.unsafeOffer(pubsub, event)) return true
      noteDrop()
      // Sliding and dropping complete synchronously: sliding makes room, dropping refuses.
      return strategy === "suspend" ? false : runSync(PubSub.publish(pubsub, event))
    }

    const unsafePublishAll = (events: ReadonlyArray<CrispEvent>): number => {
      for (let i = 0; i < events.length; i++) warnMalformed(events[i]!)
      let discarded = 0
      // One synchronous run: read the free room, publish. Sliding and dropping
      // complete synchronously whatever the size; a bounded ("suspend") hub only
      // takes what fits, since this cannot wait.
      Effect.runSyncExit(Effect.flatMap(PubSub.size(pubsub), (size) => {
        const free = Math.max(0, capacity - size)
        if (events.length <= free) return PubSub.publishAll(pubsub, events)
        discarded = events.length - free
        return PubSub.publishAll(pubsub, strategy === "suspend" ? events.slice(0, free) : events)
      }))
      for (let i = 0; i < discarded; i++) noteDrop()
      return discarded
    }

    // A failure shuts the PubSub down: every subscription's queue ends, and the
    // stream then fails with the error (cheaper than racing each pull against a
    // signal). Later subscriptions fail at once.
    let failedWith: CrispRealtimeUnauthorized | undefined
    const fail = (error: CrispRealtimeUnauthorized): Effect.Effect<boolean> =>
      Effect.suspend(() => {
        if (failedWith !== undefined) return Effect.succeed(false)
        failedWith = error
        return Effect.as(PubSub.shutdown(pubsub), true)
      })
    const afterEnd: Stream.Stream<never, CrispRealtimeUnauthorized> = Stream.suspend(() =>
      failedWith === undefined ? Stream.empty : Stream.fail(failedWith)
    )

    let subscribers = 0
    const subscribe: Effect.Effect<Stream.Stream<CrispEvent, CrispRealtimeUnauthorized>, never, Scope.Scope> = Effect
      .suspend(() =>
        failedWith !== undefined
          ? Effect.succeed(Stream.fail(failedWith))
          : Effect.flatMap(PubSub.subscribe(pubsub), (dequeue) =>
            Effect.as(
              Effect.acquireRelease(Effect.sync(() => subscribers++), () => Effect.sync(() => subscribers--)),
              Stream.concat(Stream.fromQueue(dequeue), afterEnd)
            ))
      )

    const serviceWith = (onSubscribe: Effect.Effect<void, never, Scope.Scope>): Service => ({
      events: Stream.unwrapScoped(Effect.tap(subscribe, () => onSubscribe))
    })

    return {
      publish,
      unsafePublish,
      unsafePublishAll,
      fail,
      subscribe,
      service: serviceWith(Effect.void),
      serviceWith,
      dropped: Effect.sync(() => dropped),
      subscribers: Effect.sync(() => subscribers),
      capacity,
      strategy
    } satisfies EventHub
  })
