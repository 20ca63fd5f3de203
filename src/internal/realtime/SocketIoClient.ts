/**
 * A minimal Socket.IO v5 client (WebSocket transport only) over `@effect/platform`'s
 * `Socket`: it opens the socket, performs the Engine.IO / Socket.IO handshake,
 * answers heartbeats, declares the link dead when no ping arrives within
 * `pingInterval + pingTimeout`, and hands every event to a synchronous callback.
 *
 * One {@link run} is one connection: it never succeeds, it fails with a
 * {@link SocketIoError} saying why the link ended (a clean close included), and
 * interrupting it sends `41`, then closes the socket. Reconnecting is the caller's
 * job (see `CrispRtm`).
 *
 * The WebSocket comes from `Socket.WebSocketConstructor`; {@link layerWebSocketConstructor}
 * provides one backed by `isomorphic-ws` (Node 20 has no global `WebSocket`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as SocketIoClient from "effect-crisp/internal/realtime/SocketIoClient"
 *
 * const connection = SocketIoClient.run({
 *   url: "ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket",
 *   onConnect: (session) => session.emit("hello", { from: "effect" }),
 *   onEvent: (name, data) => console.log(name, data)
 * }).pipe(Effect.provide(SocketIoClient.layerWebSocketConstructor))
 * ```
 *
 * @since 0.1.0
 */
import * as Socket from "@effect/platform/Socket"
import { Data, Deferred, Duration, Effect, Fiber, Layer } from "effect"
import WS from "isomorphic-ws"
import * as EngineIo from "./EngineIo.js"

/**
 * Why a connection ended (or never started).
 *
 * - `Open`: the WebSocket could not be opened.
 * - `HandshakeTimeout`: no Engine.IO open packet or Socket.IO connect answer in time.
 * - `ConnectError`: the server refused the Socket.IO connect (`44`).
 * - `PingTimeout`: no ping within `pingInterval + pingTimeout`.
 * - `ServerDisconnect`: the server sent `41` (Socket.IO) or `1` (Engine.IO).
 * - `Closed`: the WebSocket closed (`code` says how; 1006 is an abnormal drop).
 * - `Protocol`: the server broke the protocol (for example a bad open packet).
 * - `Write`: a frame could not be sent.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as SocketIoClient from "effect-crisp/internal/realtime/SocketIoClient"
 *
 * const once = SocketIoClient.run({ url: "ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket", onEvent: () => {} })
 * const why = once.pipe(Effect.catchTag("SocketIoError", (e) => Effect.succeed(e.reason)))
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class SocketIoError extends Data.TaggedError("SocketIoError")<{
  readonly reason: "Open" | "HandshakeTimeout" | "ConnectError" | "PingTimeout" | "ServerDisconnect" | "Closed" | "Protocol" | "Write"
  readonly detail: string
  readonly code?: number
}> {
  override get message(): string {
    return `Socket.IO connection ended (${this.reason}${this.code === undefined ? "" : ` ${this.code}`}): ${this.detail}`
  }
}

/**
 * An established connection, as seen by `onConnect`.
 *
 * @example
 * ```ts
 * import * as SocketIoClient from "effect-crisp/internal/realtime/SocketIoClient"
 *
 * const onConnect = (session: SocketIoClient.Session) => session.emit("hello", { sid: session.sid })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Session {
  /** The Socket.IO session id (from `40{"sid":…}`). */
  readonly sid: string
  /** The Engine.IO session id (from the open packet). */
  readonly engineSid: string
  readonly pingInterval: number
  readonly pingTimeout: number
  /** Sends `42["name",data]`. */
  readonly emit: (name: string, data: unknown) => Effect.Effect<void, SocketIoError>
}

/**
 * Options of {@link run}.
 *
 * @example
 * ```ts
 * import type * as SocketIoClient from "effect-crisp/internal/realtime/SocketIoClient"
 *
 * const options: SocketIoClient.RunOptions<never, never> = {
 *   url: "ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket",
 *   handshakeTimeout: "5 seconds",
 *   onEvent: (name) => console.log(name)
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions<E, R> {
  /** A `ws:`/`wss:` URL with `EIO=4&transport=websocket` (see `EngineIo.websocketUrl`). */
  readonly url: string
  /** Time allowed for the WebSocket to open and the handshake to finish. Default 10 seconds. */
  readonly handshakeTimeout?: Duration.DurationInput
  /** Runs once the Socket.IO connect succeeded; a failure ends the connection. */
  readonly onConnect?: (session: Session) => Effect.Effect<void, E, R>
  /**
   * Called synchronously for every event, in order. Keep it fast. An effect it
   * returns (a warning to log, say) runs in a fiber of the connection.
   */
  readonly onEvent: (name: string, data: unknown) => Effect.Effect<void> | void
  /** Called for every frame that could not be read; the connection goes on. */
  readonly onInvalidFrame?: (reason: string) => Effect.Effect<void> | void
}

const closeDetail = (code: number, reason: string | undefined) =>
  code === 1006 ? "connection dropped (1006)" : `socket closed with code ${code}${reason ? ` (${reason})` : ""}`

const fromSocketError = (error: Socket.SocketError): SocketIoError => {
  if (error.reason === "Close") {
    return new SocketIoError({ reason: "Closed", code: error.code, detail: closeDetail(error.code, error.closeReason) })
  }
  if (error.reason === "Open" || error.reason === "OpenTimeout") {
    return new SocketIoError({ reason: "Open", detail: error.reason === "OpenTimeout" ? "open timed out" : describeCause(error.cause) })
  }
  return new SocketIoError({ reason: error.reason === "Write" ? "Write" : "Closed", detail: describeCause(error.cause) })
}

const describeCause = (cause: unknown): string => {
  if (cause instanceof Error) return cause.message
  if (typeof cause === "object" && cause !== null) {
    const inner = (cause as { error?: unknown; message?: unknown })
    if (inner.error instanceof Error) return inner.error.message
    if (typeof inner.message === "string" && inner.message !== "") return inner.message
    return "socket error"
  }
  return String(cause)
}

type OpenPacket = Extract<EngineIo.Packet, { _tag: "Open" }>
type ConnectPacket = Extract<EngineIo.Packet, { _tag: "Connect" }>

/**
 * Runs one connection until it ends. See the module documentation.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as SocketIoClient from "effect-crisp/internal/realtime/SocketIoClient"
 *
 * const once = SocketIoClient.run({ url: "ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket", onEvent: () => {} })
 * // Effect<never, SocketIoError, Socket.WebSocketConstructor>
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const run = <E = never, R = never>(
  options: RunOptions<E, R>
): Effect.Effect<never, SocketIoError | E, R | Socket.WebSocketConstructor> =>
  Effect.scoped(Effect.gen(function*() {
    const handshakeTimeout = Duration.decode(options.handshakeTimeout ?? "10 seconds")
    const socket = yield* Socket.makeWebSocket(options.url, {
      closeCodeIsError: () => true,
      openTimeout: handshakeTimeout
    })
    const write = yield* socket.writer
    const opened = yield* Deferred.make<OpenPacket, SocketIoError>()
    const connected = yield* Deferred.make<ConnectPacket, SocketIoError>()
    const ended = yield* Deferred.make<never, SocketIoError>()
    const onEvent = options.onEvent
    const onInvalid = options.onInvalidFrame
    let lastPing = Date.now()
    let socketOpen = false
    let sessionUp = false

    const end = (error: SocketIoError) => Deferred.unsafeDone(ended, Effect.fail(error))

    const deliver = (name: string, data: unknown): Effect.Effect<void> | void => {
      try {
        return onEvent(name, data)
      } catch (error) {
        return onInvalid === undefined
          ? undefined
          : onInvalid(`event handler failed: ${error instanceof Error ? error.message : "thrown value"}`)
      }
    }

    const handler = (frame: string | Uint8Array): Effect.Effect<void> | void => {
      if (typeof frame === "string") {
        // Hot path: a plain event frame, delivered without building a packet.
        const event = EngineIo.fastEvent(frame)
        if (event !== undefined) return deliver(event[0], event[1])
      }
      const packet = typeof frame === "string" ? EngineIo.decode(frame) : EngineIo.decodeBinary(frame)
      switch (packet._tag) {
        case "Event":
          return deliver(packet.name, packet.data)
        case "Ping":
          lastPing = Date.now()
          return Effect.ignore(write(EngineIo.encodePong(packet.data)))
        case "Open":
          socketOpen = true
          lastPing = Date.now()
          Deferred.unsafeDone(opened, Effect.succeed(packet))
          return
        case "Connect":
          Deferred.unsafeDone(connected, Effect.succeed(packet))
          return
        case "ConnectError":
          end(new SocketIoError({ reason: "ConnectError", detail: packet.message }))
          return
        case "Disconnect":
          end(new SocketIoError({ reason: "ServerDisconnect", detail: "the server disconnected the client (41)" }))
          return
        case "Close":
          end(new SocketIoError({ reason: "ServerDisconnect", detail: "the server closed the Engine.IO session (1)" }))
          return
        case "Invalid":
          return onInvalid === undefined ? undefined : onInvalid(packet.reason)
        default:
          return
      }
    }

    const runFiber = yield* socket.runRaw(handler).pipe(
      Effect.mapError(fromSocketError),
      Effect.zipRight(Effect.fail(new SocketIoError({ reason: "Closed", code: 1000, detail: "socket closed" }))),
      Effect.ensuring(Effect.sync(() => {
        socketOpen = false
      })),
      Effect.forkScoped
    )
    // Added after the fork, so it runs before the socket fiber is interrupted: the
    // socket is still open when `41` is written.
    yield* Effect.addFinalizer(() =>
      sessionUp && socketOpen
        ? write(EngineIo.encodeDisconnect()).pipe(Effect.timeout("1 second"), Effect.ignore)
        : Effect.void
    )

    const linkEnded = Effect.raceFirst(Fiber.join(runFiber), Deferred.await(ended))

    const handshake = Effect.gen(function*() {
      const open = yield* Deferred.await(opened)
      yield* write(EngineIo.encodeConnect()).pipe(Effect.mapError(fromSocketError))
      const connect = yield* Deferred.await(connected)
      return { open, connect }
    }).pipe(
      Effect.timeoutFail({
        duration: handshakeTimeout,
        onTimeout: () =>
          new SocketIoError({ reason: "HandshakeTimeout", detail: `no handshake within ${Duration.format(handshakeTimeout)}` })
      })
    )

    const { connect, open } = yield* Effect.raceFirst(handshake, linkEnded)
    sessionUp = true
    lastPing = Date.now()
    const silence = open.pingInterval + open.pingTimeout

    const watchdog: Effect.Effect<never, SocketIoError> = Effect.suspend(() => {
      const wait = lastPing + silence - Date.now()
      return wait <= 0
        ? Effect.fail(new SocketIoError({ reason: "PingTimeout", detail: `no ping for ${silence} ms` }))
        : Effect.flatMap(Effect.sleep(wait), () => watchdog)
    })

    const session: Session = {
      sid: connect.sid ?? open.sid,
      engineSid: open.sid,
      pingInterval: open.pingInterval,
      pingTimeout: open.pingTimeout,
      emit: (name, data) => Effect.mapError(write(EngineIo.encodeEvent(name, data)), fromSocketError)
    }
    const afterConnect = options.onConnect === undefined
      ? Effect.never
      : Effect.zipRight(options.onConnect(session), Effect.never)

    return yield* Effect.raceFirst(afterConnect, Effect.raceFirst(linkEnded, watchdog))
  }))

/**
 * `Socket.WebSocketConstructor` backed by `isomorphic-ws` (the `ws` package on
 * Node, the global `WebSocket` in browsers).
 *
 * @example
 * ```ts
 * import * as SocketIoClient from "effect-crisp/internal/realtime/SocketIoClient"
 *
 * const layer = SocketIoClient.layerWebSocketConstructor
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWebSocketConstructor: Layer.Layer<Socket.WebSocketConstructor> = Layer.succeed(
  Socket.WebSocketConstructor,
  (url, protocols) => new WS(url, protocols) as unknown as globalThis.WebSocket
)
