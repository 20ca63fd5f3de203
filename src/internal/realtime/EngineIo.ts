/**
 * A pure codec for the text frames of Engine.IO v4 carrying Socket.IO v5 packets —
 * the framing Crisp's RTM endpoint speaks over a WebSocket. Nothing here does I/O,
 * and nothing throws: a frame that cannot be read decodes to an `"Invalid"` packet
 * saying why.
 *
 * | frame | packet |
 * |---|---|
 * | `0{"sid":…,"pingInterval":…,"pingTimeout":…}` | `Open` |
 * | `1` | `Close` (Engine.IO) |
 * | `2` / `3` | `Ping` / `Pong` |
 * | `40`, `40{"sid":…}` | `Connect` (client request / server answer) |
 * | `41` | `Disconnect` |
 * | `42["name",data]` | `Event` |
 * | `44{"message":…}` | `ConnectError` |
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.decode('42["message:send",{"content":"hi"}]')
 * // { _tag: "Event", namespace: "/", ackId: undefined, name: "message:send", data: { content: "hi" } }
 * EngineIo.encodeEvent("authentication", { tier: "plugin" }) // '42["authentication",{"tier":"plugin"}]'
 * ```
 *
 * @since 0.1.0
 */

/**
 * A decoded frame.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * const packet: EngineIo.Packet = EngineIo.decode("2")
 * if (packet._tag === "Ping") console.log("answer with", EngineIo.encodePong(packet.data))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Packet =
  | {
    readonly _tag: "Open"
    readonly sid: string
    readonly pingInterval: number
    readonly pingTimeout: number
    readonly maxPayload: number | undefined
  }
  | { readonly _tag: "Close" }
  | { readonly _tag: "Ping"; readonly data: string }
  | { readonly _tag: "Pong"; readonly data: string }
  | { readonly _tag: "Upgrade" }
  | { readonly _tag: "Noop" }
  | { readonly _tag: "Connect"; readonly namespace: string; readonly sid: string | undefined }
  | { readonly _tag: "Disconnect"; readonly namespace: string }
  | {
    readonly _tag: "Event"
    readonly namespace: string
    readonly ackId: number | undefined
    readonly name: string
    readonly data: unknown
  }
  | { readonly _tag: "Ack"; readonly namespace: string; readonly ackId: number; readonly args: ReadonlyArray<unknown> }
  | { readonly _tag: "ConnectError"; readonly namespace: string; readonly message: string; readonly data: unknown }
  | { readonly _tag: "Invalid"; readonly reason: string }

const invalid = (reason: string): Packet => ({ _tag: "Invalid", reason })

const CLOSE: Packet = { _tag: "Close" }
const UPGRADE: Packet = { _tag: "Upgrade" }
const NOOP: Packet = { _tag: "Noop" }
const PING: Packet = { _tag: "Ping", data: "" }
const PONG: Packet = { _tag: "Pong", data: "" }

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const decodeOpen = (body: string): Packet => {
  const json = parseJson(body)
  if (!json.ok) return invalid("open packet is not JSON")
  const v = json.value
  if (!isRecord(v) || typeof v.sid !== "string") return invalid("open packet has no sid")
  if (typeof v.pingInterval !== "number" || typeof v.pingTimeout !== "number") {
    return invalid("open packet has no pingInterval/pingTimeout")
  }
  return {
    _tag: "Open",
    sid: v.sid,
    pingInterval: v.pingInterval,
    pingTimeout: v.pingTimeout,
    maxPayload: typeof v.maxPayload === "number" ? v.maxPayload : undefined
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57

/** Socket.IO v5 packet inside an Engine.IO message (`4…`); `text` starts at the Socket.IO type. */
const decodeSocketIo = (text: string): Packet => {
  const type = text.charCodeAt(1) - 48
  let i = 2
  // Fast path: `42[...]`, an event on the main namespace without an ack id.
  if (type === 2 && text.charCodeAt(2) === 91 /* [ */) return decodeEventBody(text.slice(2), "/", undefined)
  if (type === 5 || type === 6) return invalid("binary packets are not supported")
  if (!(type >= 0 && type <= 4)) return invalid(`unknown Socket.IO packet type ${JSON.stringify(text.charAt(1))}`)
  let namespace = "/"
  if (text.charCodeAt(i) === 47 /* / */) {
    const comma = text.indexOf(",", i)
    if (comma === -1) {
      namespace = text.slice(i)
      i = text.length
    } else {
      namespace = text.slice(i, comma)
      i = comma + 1
    }
  }
  let ackId: number | undefined
  const ackStart = i
  while (i < text.length && isDigit(text.charCodeAt(i))) i++
  if (i > ackStart) ackId = Number(text.slice(ackStart, i))
  const body = text.slice(i)
  switch (type) {
    case 0: {
      if (body.length === 0) return { _tag: "Connect", namespace, sid: undefined }
      const json = parseJson(body)
      if (!json.ok) return invalid("connect packet is not JSON")
      const sid = isRecord(json.value) && typeof json.value.sid === "string" ? json.value.sid : undefined
      return { _tag: "Connect", namespace, sid }
    }
    case 1:
      return { _tag: "Disconnect", namespace }
    case 2:
      return decodeEventBody(body, namespace, ackId)
    case 3: {
      if (ackId === undefined) return invalid("ack packet without id")
      const json = parseJson(body)
      if (!json.ok || !Array.isArray(json.value)) return invalid("ack packet is not a JSON array")
      return { _tag: "Ack", namespace, ackId, args: json.value }
    }
    default: {
      // 4: connect error
      if (body.length === 0) return { _tag: "ConnectError", namespace, message: "connection refused", data: undefined }
      const json = parseJson(body)
      if (!json.ok) return invalid("connect error packet is not JSON")
      const v = json.value
      if (typeof v === "string") return { _tag: "ConnectError", namespace, message: v, data: undefined }
      const message = isRecord(v) && typeof v.message === "string" ? v.message : "connection refused"
      return { _tag: "ConnectError", namespace, message, data: isRecord(v) ? v.data : undefined }
    }
  }
}

const decodeEventBody = (body: string, namespace: string, ackId: number | undefined): Packet => {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return invalid("event packet is not JSON")
  }
  if (!Array.isArray(value) || typeof value[0] !== "string") {
    return invalid("event packet is not an array starting with a name")
  }
  return { _tag: "Event", namespace, ackId, name: value[0], data: value[1] }
}

/**
 * Decodes one text frame. Never throws.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.decode("2") // { _tag: "Ping", data: "" }
 * EngineIo.decode("9") // { _tag: "Invalid", reason: "unknown Engine.IO packet type \"9\"" }
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (frame: string): Packet => {
  if (typeof frame !== "string") return invalid("frame is not text")
  if (frame.length === 0) return invalid("empty frame")
  switch (frame.charCodeAt(0)) {
    case 52: // 4: message
      return frame.length < 2 ? invalid("empty message packet") : decodeSocketIo(frame)
    case 50: // 2
      return frame.length === 1 ? PING : { _tag: "Ping", data: frame.slice(1) }
    case 51: // 3
      return frame.length === 1 ? PONG : { _tag: "Pong", data: frame.slice(1) }
    case 48: // 0
      return decodeOpen(frame.slice(1))
    case 49: // 1
      return CLOSE
    case 53: // 5
      return UPGRADE
    case 54: // 6
      return NOOP
    default:
      return invalid(`unknown Engine.IO packet type ${JSON.stringify(frame.charAt(0))}`)
  }
}

/**
 * The hot path for the commonest frame: when `frame` is an event on the main
 * namespace without an ack id (`42["name",data]`), answers the parsed array
 * (`[name, data, …]`, `name` a string) without building a packet; otherwise
 * `undefined` — use {@link decode} for everything else, which also explains why a
 * frame is invalid.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.fastEvent('42["message:send",{"content":"hi"}]') // ["message:send", { content: "hi" }]
 * EngineIo.fastEvent("2") // undefined
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const fastEvent = (frame: string): readonly [string, ...Array<unknown>] | undefined => {
  if (frame.charCodeAt(0) !== 52 || frame.charCodeAt(1) !== 50 || frame.charCodeAt(2) !== 91) return undefined
  let value: unknown
  try {
    value = JSON.parse(frame.slice(2))
  } catch {
    return undefined
  }
  return Array.isArray(value) && typeof value[0] === "string" ? value as [string, ...Array<unknown>] : undefined
}

/**
 * The packet for a binary frame: this protocol subset carries no binary data.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.decodeBinary(new Uint8Array([1, 2, 3])) // { _tag: "Invalid", reason: "binary frame (3 bytes) is not supported" }
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeBinary = (frame: Uint8Array): Packet => invalid(`binary frame (${frame.byteLength} bytes) is not supported`)

/**
 * The Socket.IO connect request: `40` (main namespace), optionally with an auth
 * payload.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.encodeConnect() // "40"
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeConnect = (namespace = "/", auth?: unknown): string =>
  "40" + (namespace === "/" ? "" : namespace + ",") + (auth === undefined ? "" : JSON.stringify(auth))

/**
 * An event frame: `42["name",data]`.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.encodeEvent("socket:bind", {}) // '42["socket:bind",{}]'
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeEvent = (name: string, data: unknown, namespace = "/"): string =>
  "42" + (namespace === "/" ? "" : namespace + ",") + JSON.stringify(data === undefined ? [name] : [name, data])

/**
 * The Socket.IO disconnect frame, `41`.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.encodeDisconnect() // "41"
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeDisconnect = (namespace = "/"): string => "41" + (namespace === "/" ? "" : namespace + ",")

/**
 * The heartbeat answer to a ping (`2` → `3`, `2probe` → `3probe`).
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.encodePong() // "3"
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodePong = (data = ""): string => "3" + data

/**
 * The WebSocket URL for a Socket.IO endpoint: the origin and pathname of `endpoint`
 * (query and hash dropped, `http(s)` mapped to `ws(s)`, a trailing slash added, as
 * Socket.IO does with its `path` option), with `EIO=4&transport=websocket`.
 * `undefined` when `endpoint` is not an absolute URL.
 *
 * @example
 * ```ts
 * import * as EngineIo from "effect-crisp/internal/realtime/EngineIo"
 *
 * EngineIo.websocketUrl("https://relay.example.com/p") // "wss://relay.example.com/p/?EIO=4&transport=websocket"
 * EngineIo.websocketUrl("not a url") // undefined
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const websocketUrl = (endpoint: string): string | undefined => {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return undefined
  }
  const protocol = url.protocol === "https:" || url.protocol === "wss:"
    ? "wss:"
    : url.protocol === "http:" || url.protocol === "ws:"
    ? "ws:"
    : undefined
  if (protocol === undefined) return undefined
  const path = url.pathname.endsWith("/") ? url.pathname : url.pathname + "/"
  return `${protocol}//${url.host}${path}?EIO=4&transport=websocket`
}
