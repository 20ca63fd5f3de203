/**
 * Realtime test support: a real socket.io@4.8 server on 127.0.0.1 (random port,
 * custom path), a raw Engine.IO server (plain `ws`) for frames socket.io would never
 * send, log capture, and the RTM layer wired with millisecond delays.
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer, Logger, Queue, Redacted, type Scope } from "effect"
import { Server, type Socket as IoSocket } from "socket.io"
import { WebSocketServer, type WebSocket as RawSocket } from "ws"
import * as CrispHttp from "../../src/CrispHttp.js"
import * as CrispRtm from "../../src/realtime/CrispRtm.js"
import { IDENTIFIER, KEY } from "../support/crisp.js"

export { IDENTIFIER, KEY }

export const RTM_PATH = "/crisp-rtm/"

export interface Authentication {
  readonly socket: IoSocket
  readonly payload: unknown
}

export interface RtmServer {
  /** `http://127.0.0.1:<port>/crisp-rtm/`: what `socket.app` would hold. */
  readonly url: string
  readonly port: number
  readonly io: Server
  /** Every `authentication` received, in order. */
  readonly auths: Queue.Queue<Authentication>
  /** Every `socket:bind` received. */
  readonly binds: Array<unknown>
  /** Reasons of server-side disconnects, in order. */
  readonly disconnects: Array<string>
  /** Number of Socket.IO connections accepted so far. */
  readonly connections: () => number
  /** Open Engine.IO sessions right now. */
  readonly openNow: () => number
  /** Emits to every authenticated socket. */
  readonly emit: (name: string, data: unknown) => void
}

export interface RtmServerOptions {
  readonly pingInterval?: number
  readonly pingTimeout?: number
  /** Called for each `authentication`; default: join the "authed" room. */
  readonly onAuth?: (socket: IoSocket, payload: unknown) => void
  /** socket.io middleware: refuse the connect (sent as `44`). */
  readonly refuseConnect?: string
}

const listen = (server: Http.Server) =>
  Effect.async<number>((resume) => {
    server.listen(0, "127.0.0.1", () => resume(Effect.succeed((server.address() as AddressInfo).port)))
  })

export const makeServer = (options: RtmServerOptions = {}): Effect.Effect<RtmServer, never, Scope.Scope> =>
  Effect.gen(function*() {
    const auths = yield* Queue.unbounded<Authentication>()
    const binds: Array<unknown> = []
    const disconnects: Array<string> = []
    let connections = 0
    const http = Http.createServer()
    const io = new Server(http, {
      path: RTM_PATH,
      transports: ["websocket"],
      serveClient: false,
      pingInterval: options.pingInterval ?? 25_000,
      pingTimeout: options.pingTimeout ?? 20_000
    })
    if (options.refuseConnect !== undefined) {
      const message = options.refuseConnect
      io.use((_socket, next) => next(new Error(message)))
    }
    io.on("connection", (socket) => {
      connections++
      socket.on("authentication", (payload: unknown) => {
        if (options.onAuth) options.onAuth(socket, payload)
        else void socket.join("authed")
        Queue.unsafeOffer(auths, { socket, payload })
      })
      socket.on("socket:bind", (payload: unknown) => {
        binds.push(payload)
      })
      socket.on("disconnect", (reason) => {
        disconnects.push(reason)
      })
    })
    const port = yield* listen(http)
    yield* Effect.addFinalizer(() =>
      Effect.async<void>((resume) => {
        io.close(() => resume(Effect.void))
      })
    )
    return {
      url: `http://127.0.0.1:${port}${RTM_PATH}`,
      port,
      io,
      auths,
      binds,
      disconnects,
      connections: () => connections,
      openNow: () => io.engine.clientsCount,
      emit: (name, data) => {
        io.to("authed").emit(name, data)
      }
    } satisfies RtmServer
  })

/** A raw Engine.IO v4 server speaking just enough protocol; the test drives the frames. */
export interface RawServer {
  readonly url: string
  /** Each accepted socket, after the client's `40` was answered. */
  readonly sockets: Queue.Queue<RawSocket>
  /** Text frames received from clients, in order. */
  readonly received: Array<string>
  readonly connections: () => number
}

export const makeRawServer = (options: {
  readonly pingInterval: number
  readonly pingTimeout: number
  /** Send pings every pingInterval (default false: silent, to test the ping timeout). */
  readonly ping?: boolean
}): Effect.Effect<RawServer, never, Scope.Scope> =>
  Effect.gen(function*() {
    const sockets = yield* Queue.unbounded<RawSocket>()
    const received: Array<string> = []
    let connections = 0
    const http = Http.createServer()
    const wss = new WebSocketServer({ server: http, path: RTM_PATH })
    const timers = new Set<ReturnType<typeof setInterval>>()
    wss.on("connection", (ws) => {
      connections++
      ws.send(
        `0${
          JSON.stringify({
            sid: `engine-${connections}`,
            upgrades: [],
            pingInterval: options.pingInterval,
            pingTimeout: options.pingTimeout,
            maxPayload: 1_000_000
          })
        }`
      )
      if (options.ping === true) {
        const timer = setInterval(() => ws.send("2"), options.pingInterval)
        timers.add(timer)
        ws.on("close", () => {
          clearInterval(timer)
          timers.delete(timer)
        })
      }
      ws.on("message", (data, isBinary) => {
        const text = isBinary ? "<binary>" : data.toString()
        received.push(text)
        if (text === "40") {
          ws.send(`40{"sid":"io-${connections}"}`)
          Queue.unsafeOffer(sockets, ws)
        }
      })
    })
    const port = yield* listen(http)
    yield* Effect.addFinalizer(() =>
      Effect.async<void>((resume) => {
        for (const timer of timers) clearInterval(timer)
        for (const client of wss.clients) client.terminate()
        wss.close(() => http.close(() => resume(Effect.void)))
      })
    )
    return { url: `http://127.0.0.1:${port}${RTM_PATH}`, sockets, received, connections: () => connections }
  })

/** Fast reconnects for tests. */
export const fastReconnect = { initialDelay: "5 millis", maxDelay: "20 millis" } as const

/** `CrispHttp` whose REST base is `restUrl` (discovery) — the RTM layer reads credentials and tier from it. */
export const httpLayer = (restUrl = "http://127.0.0.1:9/v1/", tier: CrispHttp.Tier = "plugin") =>
  CrispHttp.layer({
    identifier: IDENTIFIER,
    key: Redacted.make(KEY),
    tier,
    restUrl,
    timeout: "2 seconds",
    retry: false
  }).pipe(Layer.provide(FetchHttpClient.layer))

/** Every log line, as `LEVEL message annotations`. */
export const captureLogs = () => {
  const lines: Array<string> = []
  const logger = Logger.make(({ annotations, logLevel, message }) => {
    const text = Array.isArray(message) ? message.map(String).join(" ") : String(message)
    const notes = [...annotations].map(([k, v]) => `${k}=${String(v)}`).join(" ")
    lines.push(`${logLevel.label} ${text} ${notes}`)
  })
  return { lines, layer: Logger.replace(Logger.defaultLogger, logger) }
}

/** The RTM layer over `server`, with CrispHttp credentials. */
export const rtmLayer = (options: CrispRtm.Options, restUrl?: string) =>
  CrispRtm.layer({ reconnect: fastReconnect, handshakeTimeout: "2 seconds", ...options }).pipe(
    Layer.provideMerge(httpLayer(restUrl))
  )
