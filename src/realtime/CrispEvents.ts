/**
 * `CrispEvents`: one hot `Stream` of typed Crisp events, whatever their source (the
 * RTM socket with `CrispRtm.layer`, Web Hooks, or a test layer). Subscribe with
 * {@link on} and shape with ordinary `Stream` operators.
 *
 * A malformed payload is never dropped and never ends a stream: it appears in
 * {@link all} and {@link malformed} as a `"Malformed"` event, and the hub logs a
 * warning naming the event and the problem (never the payload). Events with names
 * this version does not know appear in {@link unknown}.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const userMessages = CrispEvents.on("message:send").pipe(
 *   Stream.filter((message) => message.from === "user"),
 *   Stream.runForEach((message) => Effect.log(`${message.session_id}: ${message.type}`))
 * )
 * ```
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, type Scope, Stream } from "effect"
import type { CrispEvent, EventName, KnownEvent, MalformedEvent, Payload, UnknownEvent } from "./CrispEvent.js"
import type { CrispRealtimeUnauthorized } from "./CrispRealtimeError.js"
import * as internal from "../internal/realtime/events.js"
import { type EventHub, type HubOptions, makeHub } from "../internal/realtime/EventHub.js"

export { CrispRealtimeUnauthorized } from "./CrispRealtimeError.js"
export { type EventHub, type HubOptions, makeHub, type Strategy } from "../internal/realtime/EventHub.js"

/**
 * The service: one hot stream of every event. Each subscription sees the events
 * published after it started. Only the RTM source can fail it (with
 * `CrispRealtimeUnauthorized`, when Crisp refuses the credentials); other sources
 * never fail.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import type { CrispEvents } from "effect-crisp/realtime"
 *
 * const none: CrispEvents.Service = { events: Stream.empty }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Service extends internal.Service {}

/**
 * The events source.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const events = Effect.map(CrispEvents.CrispEvents, (service) => service.events)
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export const CrispEvents: typeof internal.CrispEvents = internal.CrispEvents
export type CrispEvents = internal.CrispEvents

/**
 * Every event: known, unknown and malformed.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const names = CrispEvents.all.pipe(Stream.map((event) => event.name))
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const all: Stream.Stream<CrispEvent, CrispRealtimeUnauthorized, CrispEvents> = internal.all

const select = internal.select

/**
 * The payloads of one event, typed by its name.
 *
 * @example
 * ```ts
 * import { Option, Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const texts = CrispEvents.on("message:send").pipe(
 *   Stream.filterMap((m) => (m.type === "text" ? Option.some(m.content) : Option.none()))
 * )
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const on: <N extends EventName>(name: N) => Stream.Stream<Payload<N>, CrispRealtimeUnauthorized, CrispEvents> =
  internal.on

/**
 * The whole events (payload and `delivery`) of one or more names.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const retried = CrispEvents.events("message:send", "message:received").pipe(
 *   Stream.filter((event) => (event.delivery?.attempt ?? 1) > 1)
 * )
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const events = <const Names extends ReadonlyArray<EventName>>(
  ...names: Names
): Stream.Stream<KnownEvent<Names[number]>, CrispRealtimeUnauthorized, CrispEvents> => {
  const wanted = new Set<string>(names)
  return select((event) =>
    event._tag === "Event" && wanted.has(event.name) ? event as KnownEvent<Names[number]> : undefined
  )
}

/**
 * Known events whose payload failed its Schema.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const report = CrispEvents.malformed.pipe(
 *   Stream.runForEach((event) => Effect.logWarning(`${event.name}: ${event.issue}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const malformed: Stream.Stream<MalformedEvent, CrispRealtimeUnauthorized, CrispEvents> = select((event) =>
  event._tag === "Malformed" ? event : undefined
)

/**
 * Events whose name this version does not know, with their raw data.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const newNames = CrispEvents.unknown.pipe(Stream.map((event) => event.name))
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const unknown: Stream.Stream<UnknownEvent, CrispRealtimeUnauthorized, CrispEvents> = select((event) =>
  event._tag === "Unknown" ? event : undefined
)

/**
 * A layer providing `CrispEvents` from a fresh hub, together with the hub itself
 * (to publish into it), for tests and custom sources.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvent, CrispEvents } from "effect-crisp/realtime"
 *
 * const program = Effect.gen(function*() {
 *   const hub = yield* CrispEvents.Hub
 *   yield* hub.publish(CrispEvent.decode("campaign:dispatched", { website_id: "w", campaign_id: "c" }))
 * }).pipe(Effect.provide(CrispEvents.layerHub()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHub = (options?: HubOptions): Layer.Layer<CrispEvents | Hub> =>
  Layer.scopedContext(Effect.map(makeHub(options), (hub) => Context.make(Hub, hub).pipe(Context.add(CrispEvents, hub.service))))

/**
 * The hub behind {@link layerHub}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispEvent, CrispEvents } from "effect-crisp/realtime"
 *
 * const publish = Effect.flatMap(CrispEvents.Hub, (hub) =>
 *   hub.publish(CrispEvent.decode("campaign:dispatched", { website_id: "w", campaign_id: "c" })))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class Hub extends Context.Tag("effect-crisp/CrispEvents/Hub")<Hub, EventHub>() {}

/**
 * Builds the service from any hub (see `makeHub`), running `onSubscribe` in each
 * subscription's scope once it is subscribed.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const service = Effect.map(CrispEvents.makeHub(), (hub) => CrispEvents.fromHub(hub))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromHub = (hub: EventHub, onSubscribe?: Effect.Effect<void, never, Scope.Scope>): Service =>
  onSubscribe === undefined ? hub.service : hub.serviceWith(onSubscribe)
