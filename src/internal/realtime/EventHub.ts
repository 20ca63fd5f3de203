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
 * Warnings are logged in a fiber of the program that uses the hub, never through a
 * runtime captured when the hub was made, so that a `Logger` provided next to the
 * layers receives them: `publish` logs in the publishing fiber; the synchronous forms
 * keep their warnings until the next effectful step (a `publish`, a subscriber's read,
 * or {@link EventHub.takeWarnings}) logs them.
 *
 * {@link EventHub.deliver} is the acknowledged form of `publish`, for a source that
 * must know an event reached the program (Web Hooks answer 200 only then): it
 * answers once every subscriber took the event from its backlog (or left), and an
 * event it hands out travels alone in its chunk, so that it is taken only when the
 * subscriber's stream asks for the next element.
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
import { Chunk, Deferred, type Duration, Effect, FiberId, Option, type Scope, Stream } from "effect"
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
   * Publishes one event and waits until it reached the program: `true` once every
   * subscriber that was subscribed took it from its backlog (or left, one at least
   * having taken it); `false` when nobody took it — no subscriber, the strategy
   * refused it, or `within` elapsed first. An event refused this way is withdrawn from
   * every backlog, so that `false` means no subscriber will ever see it. With
   * `"suspend"`, the wait for room counts in `within`. Interrupting it withdraws the
   * event too, unless a subscriber already took it.
   */
  readonly deliver: (event: CrispEvent, within: Duration.DurationInput) => Effect.Effect<boolean>
  /**
   * The warnings the synchronous forms have not logged yet, as one effect to run in a
   * fiber of the program (the RTM socket returns it from its frame handler), or
   * `undefined` when there are none.
   */
  readonly takeWarnings: () => Effect.Effect<void> | undefined
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

/** Warnings kept for the next effectful step, at most; beyond, they are counted. */
const MAX_PENDING_WARNINGS = 64

/**
 * An event published with `deliver`: settled (`done`) once no backlog holds it any
 * more; `true` if a subscriber took it.
 */
class Tracked {
  /** How many backlogs still hold it. */
  holders = 0
  /** How many subscribers took it. */
  taken = 0
  /** Withdrawn (nobody took it in time): skipped by every backlog that still holds it. */
  withdrawn = false
  constructor(readonly event: CrispEvent, readonly done: Deferred.Deferred<boolean>) {}
}

type Entry = CrispEvent | Tracked

/**
 * One subscription's unread entries, oldest first: `buffer[head..]`. Taking reads
 * the whole backlog at once (up to and including the first tracked event); sliding
 * advances `head` instead of shifting the array.
 */
interface Subscription {
  buffer: Array<Entry | undefined>
  head: number
  /** How many tracked events the backlog holds (0 on the RTM path: nothing to scan). */
  tracked: number
  /** The subscriber's pull, parked while its backlog is empty. */
  taker: ((pull: Effect.Effect<Chunk.Chunk<CrispEvent>, Option.Option<CrispRealtimeUnauthorized>>) => void) | undefined
}

const backlog = (sub: Subscription): number => sub.buffer.length - sub.head

/** A publisher parked by the `"suspend"` strategy until every subscriber has room. */
interface Parked {
  readonly entry: Entry
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

    // Each subscription has its own bounded backlog (what it has not read yet); a
    // publish appends to every backlog and wakes the subscribers that wait. A
    // subscriber is woken once however many events arrive before it runs: its pull
    // then takes the whole backlog as one chunk.
    const subscriptions = new Set<Subscription>()
    const parked: Array<Parked> = []
    /** `undefined` while open; then `"closed"` (scope closed) or the failure. */
    let ended: "closed" | CrispRealtimeUnauthorized | undefined

    // Warnings wait here for the next effectful step (see the module documentation).
    let pending: Array<Effect.Effect<void>> = []
    let unlogged = 0
    const warn = (warning: Effect.Effect<void>): void => {
      if (pending.length < MAX_PENDING_WARNINGS) pending.push(warning)
      else unlogged++
    }
    const takeWarnings = (): Effect.Effect<void> | undefined => {
      if (pending.length === 0) return undefined
      const warnings = pending
      const skipped = unlogged
      pending = []
      unlogged = 0
      if (skipped > 0) {
        warnings.push(Effect.logWarning(`effect-crisp: ${skipped} more realtime warnings were not logged`))
      }
      return Effect.forEach(warnings, (warning) => warning, { discard: true })
    }
    const withWarnings = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> => {
      const warnings = takeWarnings()
      return warnings === undefined ? effect : Effect.zipRight(warnings, effect)
    }

    let dropped = 0
    let lastDropLog = 0
    const noteDrop = (): void => {
      dropped++
      const now = Date.now()
      if (now - lastDropLog >= DROP_LOG_INTERVAL_MS) {
        lastDropLog = now
        warn(Effect.logWarning(
          `effect-crisp: a realtime subscriber is ${capacity} events behind; events are being discarded (${strategy} strategy, ${dropped} so far)`
        ).pipe(Effect.annotateLogs({ "crisp.dropped": dropped })))
      }
    }
    const warnMalformed = (event: CrispEvent): void => {
      if (event._tag === "Malformed") {
        warn(
          Effect.logWarning(`effect-crisp: malformed "${event.name}" event (${event.issue}); delivered as Malformed`)
            .pipe(Effect.annotateLogs({ "crisp.event": event.name, "crisp.issue": event.issue }))
        )
      }
    }

    /** A tracked event left one more backlog; settles it when none holds it any more. */
    const release = (entry: Tracked, took: boolean): void => {
      entry.holders--
      if (took) entry.taken++
      if (entry.holders <= 0) Deferred.unsafeDone(entry.done, Effect.succeed(entry.taken > 0))
    }
    /** A backlog lets go of an entry without its subscriber having read it. */
    const discard = (sub: Subscription, entry: Entry | undefined): void => {
      if (entry instanceof Tracked) {
        sub.tracked--
        if (!entry.withdrawn) release(entry, false)
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
    const offer = (entry: Entry): boolean => {
      if (ended !== undefined) return false
      if (strategy !== "sliding" && someoneIsFull()) return false
      const tracked = entry instanceof Tracked ? entry : undefined
      if (tracked !== undefined) {
        tracked.holders = subscriptions.size
        if (tracked.holders === 0) Deferred.unsafeDone(tracked.done, Effect.succeed(false))
      }
      let slid = false
      for (const sub of subscriptions) {
        sub.buffer.push(entry)
        if (tracked !== undefined) sub.tracked++
        if (backlog(sub) > capacity) {
          const evicted = sub.buffer[sub.head]
          sub.buffer[sub.head++] = undefined
          slid = true
          if (sub.tracked > 0) discard(sub, evicted)
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
        next.resume(Effect.succeed(offer(next.entry)))
      }
    }

    /**
     * Takes what a backlog holds: everything, or, when it holds tracked events, up to
     * and including the first one (withdrawn ones are dropped on the way).
     */
    const takeAll = (sub: Subscription): Chunk.Chunk<CrispEvent> => {
      let events: Array<CrispEvent>
      if (sub.tracked === 0) {
        events = (sub.head === 0 ? sub.buffer : sub.buffer.slice(sub.head)) as Array<CrispEvent>
        sub.buffer = []
        sub.head = 0
      } else {
        events = []
        const buffer = sub.buffer
        let i = sub.head
        while (i < buffer.length) {
          const entry = buffer[i]!
          buffer[i++] = undefined
          if (!(entry instanceof Tracked)) {
            events.push(entry)
            continue
          }
          sub.tracked--
          if (entry.withdrawn) continue
          events.push(entry.event)
          release(entry, true)
          break
        }
        if (i >= buffer.length) {
          sub.buffer = []
          sub.head = 0
        } else if (i > 1024 && i * 2 > buffer.length) {
          // A backlog that never empties (one event per read): drop the read part.
          sub.buffer = buffer.slice(i)
          sub.head = 0
        } else {
          sub.head = i
        }
      }
      if (parked.length > 0) unpark()
      return Chunk.unsafeFromArray(events)
    }

    const pull = (sub: Subscription): Effect.Effect<Chunk.Chunk<CrispEvent>, Option.Option<CrispRealtimeUnauthorized>> =>
      Effect.suspend(() => {
        if (backlog(sub) > 0) {
          const chunk = takeAll(sub)
          // Only withdrawn events were left: nothing to read yet.
          if (chunk.length > 0) return withWarnings(Effect.succeed(chunk))
          return pull(sub)
        }
        if (ended === "closed") return withWarnings(Effect.fail(Option.none()))
        if (ended !== undefined) return withWarnings(Effect.fail(Option.some(ended)))
        const warnings = takeWarnings()
        const wait = Effect.async<Chunk.Chunk<CrispEvent>, Option.Option<CrispRealtimeUnauthorized>>((resume) => {
          sub.taker = resume
          return Effect.sync(() => {
            sub.taker = undefined
          })
        })
        return warnings === undefined ? wait : Effect.zipRight(warnings, wait)
      })

    const end = (reason: "closed" | CrispRealtimeUnauthorized): boolean => {
      if (ended !== undefined) return false
      ended = reason
      for (const sub of subscriptions) wake(sub)
      unpark()
      return true
    }
    yield* Effect.addFinalizer(() => Effect.sync(() => end("closed")))

    /** Offers an entry by the strategy: appended, refused, or (`"suspend"`) parked until there is room. */
    const place = (entry: Entry): Effect.Effect<boolean> => {
      if (parked.length === 0 && offer(entry)) return Effect.succeed(true)
      if (strategy === "suspend" && ended === undefined) {
        return Effect.async<boolean>((resume) => {
          const waiting: Parked = { entry, resume }
          parked.push(waiting)
          return Effect.sync(() => {
            const at = parked.indexOf(waiting)
            if (at >= 0) parked.splice(at, 1)
          })
        })
      }
      if (ended === undefined) noteDrop()
      return Effect.succeed(false)
    }

    const publish = (event: CrispEvent): Effect.Effect<boolean> =>
      Effect.suspend(() => {
        warnMalformed(event)
        return withWarnings(place(event))
      })

    /** Takes a tracked event back from every backlog, unless a subscriber already took it. */
    const withdraw = (entry: Tracked): void => {
      if (entry.taken > 0 || entry.withdrawn) return
      entry.withdrawn = true
      Deferred.unsafeDone(entry.done, Effect.succeed(false))
    }

    const deliver = (event: CrispEvent, within: Duration.DurationInput): Effect.Effect<boolean> =>
      Effect.suspend(() => {
        warnMalformed(event)
        const entry = new Tracked(event, Deferred.unsafeMake<boolean>(FiberId.none))
        // Placed when it runs (in the timeout's fiber), not now: the backlogs may change in between.
        const reached = Effect.flatMap(
          Effect.suspend(() => place(entry)),
          (accepted) => accepted ? Deferred.await(entry.done) : Effect.succeed(false)
        )
        return withWarnings(Effect.timeoutOption(reached, within)).pipe(
          Effect.map((answer) => {
            if (Option.isSome(answer)) return answer.value
            // Out of time: taken by someone all the same, or withdrawn from every backlog.
            if (entry.taken > 0) return true
            withdraw(entry)
            return false
          }),
          Effect.onInterrupt(() => Effect.sync(() => withdraw(entry)))
        )
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
              const sub: Subscription = { buffer: [], head: 0, tracked: 0, taker: undefined }
              subscriptions.add(sub)
              return sub
            }),
            (sub) =>
              Effect.sync(() => {
                subscriptions.delete(sub)
                // The tracked events it never read: it no longer holds them (what else
                // is buffered can still be read by a stream that outlives this).
                if (sub.tracked > 0) {
                  const kept: Array<Entry | undefined> = []
                  for (let i = sub.head; i < sub.buffer.length; i++) {
                    const entry = sub.buffer[i]
                    if (entry instanceof Tracked) discard(sub, entry)
                    else kept.push(entry)
                  }
                  sub.buffer = kept
                  sub.head = 0
                }
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
      deliver,
      takeWarnings,
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
