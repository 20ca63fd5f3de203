/**
 * Crisp's RTM (realtime) WebSocket as a `CrispEvents` layer.
 *
 * - **Lazy**: nothing connects until the first subscriber subscribes to
 *   `CrispEvents` (a REST-only program never opens a socket); the socket closes
 *   (after sending `41`) when the last subscriber leaves or the layer's scope closes.
 * - **Shared**: every subscriber reads the same socket through one bounded hub.
 * - **Discovery**: the URL comes from `GET {tier}/connect/endpoints` → `data.socket.app`
 *   through `CrispHttp` (or from `rtmUrl`); the socket connects to that URL's origin
 *   and pathname with `?EIO=4&transport=websocket`.
 * - **Authentication**: after the Socket.IO connect, emits `authentication`
 *   `{username, password, tier, events, rooms?, inboxes?}`. The key stays `Redacted`
 *   until that frame is written and is never logged.
 * - **Resilience**: any end of the link — close, 1006 drop, error, `41`, no ping
 *   within `pingInterval + pingTimeout` — reconnects with capped exponential backoff
 *   and jitter, and authenticates again; the URL is discovered again after
 *   `rediscoverAfter` failed connects in a row.
 * - **Refusal**: `unauthorized` (or a `44` connect error, or a 401/403 on discovery)
 *   stops the connection for good: the events stream fails with
 *   `CrispRealtimeUnauthorized` and {@link state} shows `Unauthorized`.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer, Redacted, Stream } from "effect"
 * import { CrispHttp } from "effect-crisp"
 * import { CrispEvents, CrispRtm } from "effect-crisp/realtime"
 *
 * const Live = CrispRtm.layer().pipe(
 *   Layer.provideMerge(CrispHttp.layer({ identifier: "id", key: Redacted.make("key"), tier: "plugin" })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * const program = CrispEvents.on("message:send").pipe(
 *   Stream.runForEach((message) => Effect.log(message.session_id)),
 *   Effect.provide(Live)
 * )
 * ```
 *
 * @since 0.1.0
 */
import type * as Socket from "@effect/platform/Socket"
import {
  Config,
  Context,
  Deferred,
  Duration,
  Effect,
  Either,
  Layer,
  Option,
  RcRef,
  Redacted,
  Schedule,
  Schema,
  type Scope,
  Stream,
  SubscriptionRef
} from "effect"
import type { ConfigError } from "effect/ConfigError"
import * as CrispHttp from "../CrispHttp.js"
import { decode, type Delivery, type EventName, EventNames } from "./CrispEvent.js"
import { CrispEvents, type Service as EventsService } from "./CrispEvents.js"
import { CrispRealtimeUnauthorized } from "./CrispRealtimeError.js"
import * as EngineIo from "../internal/realtime/EngineIo.js"
import { makeHub } from "../internal/realtime/EventHub.js"
import * as SocketIoClient from "../internal/realtime/SocketIoClient.js"

/**
 * Options of {@link layer}. Every field is optional.
 *
 * @example
 * ```ts
 * import type { CrispRtm } from "effect-crisp/realtime"
 *
 * const options: CrispRtm.Options = { events: ["message:send"], rooms: ["website-id"], rebindInterval: "5 seconds" }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The RTM endpoint URL; skips discovery. `http(s)` and `ws(s)` URLs are accepted. */
  readonly rtmUrl?: string
  /** Events to subscribe to (the `events` of `authentication`). Default: all of `EventNames`. */
  readonly events?: ReadonlyArray<EventName>
  /** Website IDs to restrict events to (`rooms`). */
  readonly rooms?: ReadonlyArray<string>
  /** Inbox IDs to restrict events to (`inboxes`). */
  readonly inboxes?: ReadonlyArray<string>
  /**
   * Reconnection backoff: the delay before attempt `n` is
   * `min(maxDelay, initialDelay × factor^n)`, then jittered to 50–100 % of that.
   * Defaults: 1 second, 10 seconds, 2. A successful connection resets it.
   */
  readonly reconnect?: {
    readonly initialDelay?: Duration.DurationInput
    readonly maxDelay?: Duration.DurationInput
    readonly factor?: number
  }
  /** Failed connects in a row after which the URL is discovered again. Default 3. */
  readonly rediscoverAfter?: number
  /** Time allowed for the WebSocket to open and the Socket.IO handshake. Default 10 seconds. */
  readonly handshakeTimeout?: Duration.DurationInput
  /** Minimum time between two `socket:bind` emits of {@link rebind}. Default 2.5 seconds. */
  readonly rebindInterval?: Duration.DurationInput
  /**
   * The hub between the socket and the subscribers (see `EventHub`). A socket
   * cannot be paused, so only the discarding strategies are offered. Default
   * 4096 events, `"sliding"`.
   */
  readonly buffer?: {
    readonly capacity?: number
    readonly strategy?: "sliding" | "dropping"
  }
}

/**
 * The state of the link.
 *
 * - `Idle`: no subscriber, no socket.
 * - `Connecting`: discovering the endpoint or handshaking (`attempt` counts from 1
 *   since the last successful connection).
 * - `Connected`: authenticated and receiving events.
 * - `Disconnected`: the link ended (`reason`); the next attempt starts in
 *   `retryInMillis`.
 * - `Unauthorized`: Crisp refused the credentials; no more attempts.
 *
 * @example
 * ```ts
 * import type { CrispRtm } from "effect-crisp/realtime"
 *
 * const describe = (s: CrispRtm.ConnectionState) => (s._tag === "Disconnected" ? `down: ${s.reason}` : s._tag)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type ConnectionState =
  | { readonly _tag: "Idle" }
  | { readonly _tag: "Connecting"; readonly attempt: number }
  | { readonly _tag: "Connected"; readonly sid: string; readonly url: string }
  | {
    readonly _tag: "Disconnected"
    readonly reason: string
    readonly attempt: number
    readonly retryInMillis: number
  }
  | { readonly _tag: "Unauthorized"; readonly error: CrispRealtimeUnauthorized }

/**
 * What {@link rebind} did: `"sent"`, `"throttled"` (the previous `socket:bind` is
 * younger than `rebindInterval`; nothing sent), or `"disconnected"` (no live
 * connection; the next one authenticates afresh, which has the same effect).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const rebound = CrispRtm.rebind.pipe(Effect.map((result: CrispRtm.RebindResult) => result === "sent"))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type RebindResult = "sent" | "throttled" | "disconnected"

/**
 * The link's controls.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const lost = Effect.flatMap(CrispRtm.CrispRtm, (rtm: CrispRtm.Service) => rtm.dropped)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The current state, then every change. */
  readonly state: Stream.Stream<ConnectionState>
  readonly currentState: Effect.Effect<ConnectionState>
  /** Emits `socket:bind` (for example after the token gained websites), at most once per `rebindInterval`. */
  readonly rebind: Effect.Effect<RebindResult>
  /** How many events were discarded so far because a subscriber lagged more than the buffer's capacity. */
  readonly dropped: Effect.Effect<number>
}

/**
 * The RTM link's controls, provided by {@link layer} next to `CrispEvents`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const now = Effect.flatMap(CrispRtm.CrispRtm, (rtm) => rtm.currentState)
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class CrispRtm extends Context.Tag("effect-crisp/CrispRtm")<CrispRtm, Service>() {}

/**
 * The link's state: the current one first, then every change.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const watch = CrispRtm.state.pipe(Stream.runForEach((s) => Effect.log(`RTM: ${s._tag}`)))
 * ```
 *
 * @since 0.1.0
 * @category accessors
 */
export const state: Stream.Stream<ConnectionState, never, CrispRtm> = Stream.unwrap(
  Effect.map(CrispRtm, (rtm) => rtm.state)
)

/**
 * Emits `socket:bind`, at most once per `rebindInterval` (2.5 s by default).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const afterNewWebsite = CrispRtm.rebind.pipe(Effect.tap((result) => Effect.log(`rebind: ${result}`)))
 * ```
 *
 * @since 0.1.0
 * @category accessors
 */
export const rebind: Effect.Effect<RebindResult, never, CrispRtm> = Effect.flatMap(CrispRtm, (rtm) => rtm.rebind)

const Endpoints = Schema.Struct({ socket: Schema.Struct({ app: Schema.String }) })

const RTM_DELIVERY: Delivery = { source: "rtm" }

/** A failure that is worth another attempt. */
class Retryable {
  constructor(readonly reason: string) {}
}

const describeRefusal = (data: unknown): string => {
  const text = typeof data === "string"
    ? data
    : typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string"
    ? (data as { message: string }).message
    : "unauthorized"
  return text.length > 200 ? text.slice(0, 200) + "…" : text
}

const discover = (tier: CrispHttp.Tier): Effect.Effect<string, CrispRealtimeUnauthorized | Retryable, CrispHttp.CrispHttp> =>
  CrispHttp.request({
    method: "GET",
    path: `${tier}/connect/endpoints`,
    response: Endpoints,
    spanName: "CrispRtm.discover"
  }).pipe(
    Effect.map((data) => data.socket.app),
    Effect.catchAll((error) =>
      error._tag === "CrispUnauthorized"
        ? Effect.fail(new CrispRealtimeUnauthorized({ stage: "discovery", reason: error.message }))
        : Effect.fail(new Retryable(`endpoint discovery failed: ${error.message}`))
    )
  )

/**
 * Builds both services in the current scope. The WebSocket comes from
 * `Socket.WebSocketConstructor`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const services = CrispRtm.make({ rtmUrl: "wss://relay.example.com/" })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<
  { readonly events: EventsService; readonly rtm: Service },
  never,
  CrispHttp.CrispHttp | Socket.WebSocketConstructor | Scope.Scope
> =>
  Effect.gen(function*() {
    const http = yield* CrispHttp.CrispHttp
    const context = yield* Effect.context<CrispHttp.CrispHttp | Socket.WebSocketConstructor>()
    const hub = yield* makeHub(options.buffer ?? {})
    const stateRef = yield* SubscriptionRef.make<ConnectionState>({ _tag: "Idle" })
    const setState = (next: ConnectionState) => SubscriptionRef.set(stateRef, next)

    const initialDelay = Duration.decode(options.reconnect?.initialDelay ?? "1 second")
    const maxDelay = Duration.decode(options.reconnect?.maxDelay ?? "10 seconds")
    const factor = options.reconnect?.factor ?? 2
    const rediscoverAfter = Math.max(1, options.rediscoverAfter ?? 3)
    const handshakeTimeout = options.handshakeTimeout ?? "10 seconds"
    const rebindMillis = Duration.toMillis(options.rebindInterval ?? "2.5 seconds")
    const subscribed: ReadonlyArray<string> = options.events ?? EventNames

    // Mutable link state, touched only by the connection fiber and `rebind`.
    let pendingReason = ""
    let attempt = 0
    let terminated = false
    let session: SocketIoClient.Session | undefined
    let lastRebind = Number.NEGATIVE_INFINITY

    const backoff = Schedule.exponential(initialDelay, factor).pipe(
      Schedule.modifyDelay((delay) => Duration.min(delay, maxDelay)),
      Schedule.jitteredWith({ min: 0.5, max: 1 }),
      Schedule.delays,
      Schedule.tapOutput((delay) =>
        setState({ _tag: "Disconnected", reason: pendingReason, attempt, retryInMillis: Duration.toMillis(delay) })
      )
    )

    const authentication = () => {
      const payload: Record<string, unknown> = {
        username: http.identifier,
        password: Redacted.value(http.key),
        tier: http.tier,
        events: subscribed
      }
      if (options.rooms !== undefined) payload.rooms = options.rooms
      if (options.inboxes !== undefined) payload.inboxes = options.inboxes
      return payload
    }

    const connectOnce = (endpoint: string, refused: Deferred.Deferred<never, CrispRealtimeUnauthorized>) => {
      const url = EngineIo.websocketUrl(endpoint)
      if (url === undefined) return Effect.fail(new Retryable(`the RTM endpoint is not a ws/http URL`))
      return SocketIoClient.run({
        url,
        handshakeTimeout,
        onConnect: (s) =>
          Effect.suspend(() => s.emit("authentication", authentication())).pipe(
            Effect.zipRight(Effect.sync(() => {
              session = s
              attempt = 0
            })),
            Effect.zipRight(setState({ _tag: "Connected", sid: s.sid, url: endpoint }))
          ),
        onEvent: (name, data) => {
          if (name === "unauthorized") {
            Deferred.unsafeDone(
              refused,
              Effect.fail(new CrispRealtimeUnauthorized({ stage: "authentication", reason: describeRefusal(data) }))
            )
          } else if (name !== "authenticated") {
            // Subscribers are woken once per socket read, however many events it held.
            hub.unsafePublish(decode(name, data, RTM_DELIVERY))
            // A warning (malformed payload, discarded events) is logged in this
            // connection's fiber, which descends from the subscriber's: its logger.
            return hub.takeWarnings()
          }
        },
        onInvalidFrame: (reason) => Effect.logWarning(`effect-crisp: unreadable RTM frame ignored (${reason})`)
      }).pipe(
        Effect.catchAll((error) =>
          error.reason === "ConnectError"
            ? Effect.fail(new CrispRealtimeUnauthorized({ stage: "connect", reason: describeRefusal(error.detail) }))
            : Effect.fail(new Retryable(error.detail))
        )
      )
    }

    const connectionLoop = Effect.gen(function*() {
      const driver = yield* Schedule.driver(backoff)
      let endpoint = options.rtmUrl
      let failedConnects = 0
      while (!terminated) {
        attempt++
        yield* setState({ _tag: "Connecting", attempt })
        const refused = yield* Deferred.make<never, CrispRealtimeUnauthorized>()
        const wasConnected = () => session !== undefined
        const once = Effect.gen(function*() {
          if (endpoint === undefined) endpoint = yield* discover(http.tier)
          return yield* connectOnce(endpoint, refused)
        }).pipe(
          // A bug must not silently stop the link: log it and reconnect.
          Effect.catchAllDefect((defect) =>
            Effect.zipRight(
              Effect.logError("effect-crisp: unexpected error in the RTM connection", defect),
              Effect.fail(new Retryable("unexpected error"))
            )
          )
        )
        const result = yield* Effect.either(Effect.raceFirst(once, Deferred.await(refused)))
        const connected = wasConnected()
        session = undefined
        // An `unauthorized` event may race with the server closing the socket.
        const refusal = yield* Deferred.poll(refused)
        let error: CrispRealtimeUnauthorized | Retryable = Either.isLeft(result) ? result.left : new Retryable("ended")
        if (Option.isSome(refusal)) {
          const exit = yield* Effect.either(refusal.value)
          if (Either.isLeft(exit)) error = exit.left
        }
        if (error instanceof CrispRealtimeUnauthorized) {
          terminated = true
          yield* Effect.logError(`effect-crisp: ${error.message}`)
          yield* setState({ _tag: "Unauthorized", error })
          yield* hub.fail(error)
          return
        }
        pendingReason = error.reason
        if (connected) {
          failedConnects = 0
          yield* driver.reset
          yield* Effect.logInfo(`effect-crisp: RTM link ended (${error.reason}); reconnecting`)
        } else {
          failedConnects++
          if (failedConnects % rediscoverAfter === 0) {
            // Every `rediscoverAfter` failed connects in a row: say so, and ask for
            // the endpoint again (unless it was given).
            if (options.rtmUrl === undefined) endpoint = undefined
            yield* Effect.logWarning(
              `effect-crisp: RTM cannot connect (${failedConnects} attempts in a row; last: ${error.reason})`
            )
          } else {
            yield* Effect.logDebug(`effect-crisp: RTM connect failed (${error.reason}); retrying`)
          }
        }
        yield* Effect.ignore(driver.next(undefined))
      }
    })

    const connection = yield* RcRef.make({
      acquire: Effect.gen(function*() {
        yield* Effect.addFinalizer(() =>
          Effect.suspend(() => {
            session = undefined
            return terminated ? Effect.void : setState({ _tag: "Idle" })
          })
        )
        if (terminated) return
        yield* Effect.forkScoped(Effect.provide(connectionLoop, context))
      })
    })

    const events = hub.serviceWith(Effect.asVoid(RcRef.get(connection)))

    const rtm: Service = {
      state: stateRef.changes,
      currentState: SubscriptionRef.get(stateRef),
      rebind: Effect.suspend((): Effect.Effect<RebindResult> => {
        const current = session
        if (current === undefined) return Effect.succeed("disconnected")
        const now = Date.now()
        if (now - lastRebind < rebindMillis) return Effect.succeed("throttled")
        lastRebind = now
        return current.emit("socket:bind", {}).pipe(
          Effect.as("sent" as const),
          Effect.orElseSucceed(() => "disconnected" as const)
        )
      }),
      dropped: hub.dropped
    }
    return { events, rtm }
  })

/**
 * `CrispEvents` and `CrispRtm` over Crisp's RTM socket, with `isomorphic-ws` as the
 * WebSocket. Requires `CrispHttp` (credentials, tier, endpoint discovery).
 *
 * @example
 * ```ts
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const RtmLive = CrispRtm.layer({ events: ["message:send"], reconnect: { maxDelay: "30 seconds" } })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<CrispEvents | CrispRtm, never, CrispHttp.CrispHttp> =>
  layerCustom(options).pipe(Layer.provide(SocketIoClient.layerWebSocketConstructor))

/**
 * Like {@link layer}, but the WebSocket comes from `Socket.WebSocketConstructor`
 * in the context (a browser's global one, a proxy-aware one, a test double).
 *
 * @example
 * ```ts
 * import { Socket } from "@effect/platform"
 * import { Layer } from "effect"
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const RtmBrowser = CrispRtm.layerCustom().pipe(Layer.provide(Socket.layerWebSocketConstructorGlobal))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerCustom = (
  options: Options = {}
): Layer.Layer<CrispEvents | CrispRtm, never, CrispHttp.CrispHttp | Socket.WebSocketConstructor> =>
  Layer.scopedContext(
    Effect.map(make(options), ({ events, rtm }) => Context.make(CrispEvents, events).pipe(Context.add(CrispRtm, rtm)))
  )

/**
 * {@link layer} with `rtmUrl` read from `CRISP_RTM_URL` when it is set.
 *
 * @example
 * ```ts
 * import { CrispRtm } from "effect-crisp/realtime"
 *
 * const RtmLive = CrispRtm.layerConfig({ events: ["message:send"] })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Options = {}
): Layer.Layer<CrispEvents | CrispRtm, ConfigError, CrispHttp.CrispHttp> =>
  Layer.unwrapEffect(
    Effect.map(Config.option(Config.string("CRISP_RTM_URL")), (url) =>
      layer(Option.isSome(url) && overrides.rtmUrl === undefined ? { ...overrides, rtmUrl: url.value } : overrides))
  )
