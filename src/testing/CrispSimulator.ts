/**
 * A Crisp you can run on your machine: one {@link FakeCrisp} served over real
 * loopback HTTP (the REST API under `/v1/`) and a real socket.io server (the RTM
 * API), with endpoint discovery, `authentication` checked against the fake's
 * tokens, and `unauthorized` for wrong ones. Integration tests and the demo run
 * the production layers (`CrispHttp` over `fetch`, `CrispRtm` over a WebSocket)
 * against it. Any client can use it — the official `crisp-api` package included —
 * by pointing its REST host at {@link Simulator.restUrl}.
 *
 * `socket.io` is an optional peer dependency, loaded only when a simulator starts.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 * import { CrispSimulator, CrispTest } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const control = yield* CrispTest.Control
 *   yield* control.visitorSends("website-1", "session-1", "hello")
 *   return yield* WebsiteConversations.getMessages("website-1", "session-1")
 * }).pipe(Effect.provide(CrispSimulator.layer()))
 * ```
 *
 * @since 0.1.0
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Context, Data, Effect, Layer, Redacted, type Scope, TestServices } from "effect"
import * as CrispHttp from "../CrispHttp.js"
import type { CrispEvents } from "../realtime/CrispEvents.js"
import * as CrispRtm from "../realtime/CrispRtm.js"
import { Control, makeControl } from "./CrispTest.js"
import * as FakeCrisp from "./FakeCrisp.js"
import * as FakeCrispServer from "./FakeCrispServer.js"

/**
 * A running simulator. Its credentials are the fake's own test tokens, printed on
 * purpose: they open nothing but this simulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Simulator {
  readonly fake: FakeCrisp.FakeCrisp
  /** REST base URL, e.g. `http://127.0.0.1:41234/v1/`. */
  readonly restUrl: string
  /** RTM URL as discovery returns it, e.g. `http://127.0.0.1:41235/rtm/`. */
  readonly rtmUrl: string
  /** A plugin token the simulator accepts. */
  readonly identifier: string
  readonly key: string
  readonly tier: CrispHttp.Tier
  /** Authenticated RTM sockets right now. */
  readonly rtmClients: Effect.Effect<number>
  /** Drops every RTM socket from the server side (clients are expected to reconnect). */
  readonly disconnectRtmClients: Effect.Effect<void>
}

/**
 * The running simulator of {@link layer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispSimulator } from "effect-crisp/testing"
 *
 * const urls = Effect.map(CrispSimulator.CrispSimulator, (s) => [s.restUrl, s.rtmUrl])
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class CrispSimulator extends Context.Tag("effect-crisp/testing/CrispSimulator")<CrispSimulator, Simulator>() {}

/**
 * The simulator could not start (socket.io missing, port in use).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispSimulator } from "effect-crisp/testing"
 *
 * const started = CrispSimulator.serve({ port: 8080 }).pipe(
 *   Effect.catchTag("CrispSimulatorError", (e) => Effect.die(e.message))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispSimulatorError extends Data.TaggedError("CrispSimulatorError")<{ readonly detail: string }> {
  override get message(): string {
    return `CrispSimulator: ${this.detail}`
  }
}

/**
 * Options of {@link serve} and {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly seed?: FakeCrisp.FakeCrispSeed
  /** Host to listen on. Default `127.0.0.1`. */
  readonly host?: string
  /** REST port; default a free one. */
  readonly port?: number
  /** RTM port; default a free one. */
  readonly rtmPort?: number
  /** Path of the socket.io endpoint. Default `/rtm/`. */
  readonly rtmPath?: string
  /** socket.io ping interval and timeout (ms). Defaults 25,000 and 20,000. */
  readonly pingInterval?: number
  readonly pingTimeout?: number
}

interface AuthenticationPayload {
  readonly username?: unknown
  readonly password?: unknown
  readonly tier?: unknown
  readonly events?: unknown
}

const listen = (server: Http.Server, port: number, host: string) =>
  Effect.async<number, CrispSimulatorError>((resume) => {
    const onError = (error: Error) => resume(Effect.fail(new CrispSimulatorError({ detail: error.message })))
    server.once("error", onError)
    server.listen(port, host, () => {
      server.off("error", onError)
      resume(Effect.succeed((server.address() as AddressInfo).port))
    })
  })

const loadSocketIo = Effect.tryPromise({
  try: () => import("socket.io"),
  catch: () =>
    new CrispSimulatorError({ detail: "the socket.io package is needed for the simulator: npm install --save-dev socket.io" })
})

/**
 * Starts a simulator for the life of the scope.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispSimulator } from "effect-crisp/testing"
 *
 * const printUrls = Effect.scoped(Effect.gen(function*() {
 *   const simulator = yield* CrispSimulator.serve({ port: 8080 })
 *   yield* Effect.log(simulator.restUrl, simulator.rtmUrl)
 *   yield* Effect.never
 * }))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (
  options: Options = {}
): Effect.Effect<Simulator, CrispSimulatorError | FakeCrisp.FakeCrispError, Scope.Scope> =>
  Effect.gen(function*() {
    const host = options.host ?? "127.0.0.1"
    const rtmPath = options.rtmPath ?? "/rtm/"
    const fake = yield* FakeCrisp.make(options.seed)
    const rest = yield* FakeCrispServer.serve(fake, { host, ...(options.port === undefined ? {} : { port: options.port }) })

    const { Server } = yield* loadSocketIo
    const http = Http.createServer()
    const io = new Server(http, {
      path: rtmPath,
      transports: ["websocket"],
      serveClient: false,
      pingInterval: options.pingInterval ?? 25_000,
      pingTimeout: options.pingTimeout ?? 20_000
    })
    let authenticated = 0
    io.on("connection", (socket) => {
      let unsubscribe: (() => void) | undefined
      socket.on("disconnect", () => {
        if (unsubscribe !== undefined) {
          unsubscribe()
          unsubscribe = undefined
          authenticated--
        }
      })
      socket.on("authentication", (raw: unknown) => {
        const payload: AuthenticationPayload = typeof raw === "object" && raw !== null ? raw : {}
        const { username, password, tier, events } = payload
        const valid = typeof username === "string" && typeof password === "string" && typeof tier === "string" &&
          Array.isArray(events) && fake.checkCredentials(username, password, tier)
        if (!valid) {
          socket.emit("unauthorized", { message: "invalid_session" })
          socket.disconnect(true)
          return
        }
        unsubscribe?.()
        if (unsubscribe === undefined) authenticated++
        const wanted = new Set(events.filter((e): e is string => typeof e === "string"))
        const websites = fake.tokenWebsites(username)
        unsubscribe = fake.onEvent((event) => {
          if (!wanted.has(event.name)) return
          if (websites !== undefined && !websites.includes(String(event.data["website_id"]))) return
          socket.emit(event.name, event.data)
        })
        socket.emit("authenticated", {})
      })
    })
    const rtmPort = yield* listen(http, options.rtmPort ?? 0, host)
    yield* Effect.addFinalizer(() =>
      Effect.async<void>((resume) => {
        io.close(() => resume(Effect.void))
        http.closeAllConnections()
      })
    )
    const rtmUrl = `http://${host}:${rtmPort}${rtmPath}`
    yield* fake.setRtmUrl(rtmUrl)

    return {
      fake,
      restUrl: rest.url,
      rtmUrl,
      identifier: FakeCrisp.DEFAULT_PLUGIN_TOKEN.identifier,
      key: FakeCrisp.DEFAULT_PLUGIN_TOKEN.key,
      tier: FakeCrisp.DEFAULT_PLUGIN_TOKEN.tier,
      rtmClients: Effect.sync(() => authenticated),
      disconnectRtmClients: Effect.sync(() => {
        io.disconnectSockets(true)
      })
    } satisfies Simulator
  })

/** Waits (on the live clock: the sockets are real) until an RTM socket is authenticated. */
const untilAuthenticated = (simulator: Simulator): Effect.Effect<void> =>
  Effect.flatMap(simulator.rtmClients, (n) =>
    n > 0 ? Effect.void : Effect.zipRight(Effect.sleep("5 millis"), untilAuthenticated(simulator))).pipe(
      TestServices.provideLive
    )

/**
 * Layer options: the simulator's, plus overrides for the production layers that
 * talk to it.
 *
 * @since 0.1.0
 * @category models
 */
export interface LayerOptions extends Options {
  readonly http?: Partial<CrispHttp.Options>
  readonly rtm?: CrispRtm.Options
}

/**
 * Starts a simulator and provides the production layers pointed at it —
 * `CrispHttp` over `fetch` and `CrispEvents` over the RTM socket — with the
 * simulator itself and the same `CrispTest.Control` as `CrispTest.layer`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteSettings } from "effect-crisp"
 * import { CrispSimulator } from "effect-crisp/testing"
 *
 * const settings = WebsiteSettings.get("website-1").pipe(Effect.provide(CrispSimulator.layer()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: LayerOptions = {}
): Layer.Layer<
  CrispHttp.CrispHttp | CrispEvents | CrispRtm.CrispRtm | Control | FakeCrisp.FakeCrisp | CrispSimulator,
  CrispSimulatorError | FakeCrisp.FakeCrispError
> => {
  const simulator = Layer.scoped(CrispSimulator, serve(options))
  const http = Layer.unwrapEffect(Effect.map(CrispSimulator, (s) =>
    CrispHttp.layer({
      identifier: s.identifier,
      key: Redacted.make(s.key),
      tier: s.tier,
      ...options.http,
      restUrl: s.restUrl
    }))).pipe(Layer.provide(FetchHttpClient.layer))
  const control = Layer.effectContext(Effect.map(CrispSimulator, (s) =>
    Context.make(Control, makeControl(s.fake, () => untilAuthenticated(s))).pipe(Context.add(FakeCrisp.FakeCrisp, s.fake))))
  return Layer.mergeAll(CrispRtm.layer(options.rtm).pipe(Layer.provideMerge(http)), control).pipe(
    Layer.provideMerge(simulator)
  )
}
