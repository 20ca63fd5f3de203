import { describe, expect, it } from "@effect/vitest"
import * as EngineIo from "../../src/internal/realtime/EngineIo.js"

describe("EngineIo codec", () => {
  it("decodes the open packet", () => {
    expect(EngineIo.decode('0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}'))
      .toEqual({ _tag: "Open", sid: "abc", pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 })
  })

  it("decodes heartbeats and Engine.IO control packets", () => {
    expect(EngineIo.decode("2")).toEqual({ _tag: "Ping", data: "" })
    expect(EngineIo.decode("2probe")).toEqual({ _tag: "Ping", data: "probe" })
    expect(EngineIo.decode("3")).toEqual({ _tag: "Pong", data: "" })
    expect(EngineIo.decode("1")).toEqual({ _tag: "Close" })
    expect(EngineIo.decode("5")).toEqual({ _tag: "Upgrade" })
    expect(EngineIo.decode("6")).toEqual({ _tag: "Noop" })
  })

  it("decodes Socket.IO connect, disconnect and connect errors", () => {
    expect(EngineIo.decode("40")).toEqual({ _tag: "Connect", namespace: "/", sid: undefined })
    expect(EngineIo.decode('40{"sid":"xyz"}')).toEqual({ _tag: "Connect", namespace: "/", sid: "xyz" })
    expect(EngineIo.decode('40/admin,{"sid":"n1"}')).toEqual({ _tag: "Connect", namespace: "/admin", sid: "n1" })
    expect(EngineIo.decode("41")).toEqual({ _tag: "Disconnect", namespace: "/" })
    expect(EngineIo.decode("41/admin,")).toEqual({ _tag: "Disconnect", namespace: "/admin" })
    expect(EngineIo.decode('44{"message":"Not authorized","data":{"code":1}}'))
      .toEqual({ _tag: "ConnectError", namespace: "/", message: "Not authorized", data: { code: 1 } })
    expect(EngineIo.decode('44"legacy message"'))
      .toEqual({ _tag: "ConnectError", namespace: "/", message: "legacy message", data: undefined })
  })

  it("decodes events, with namespace and ack id", () => {
    expect(EngineIo.decode('42["message:send",{"content":"hi","fingerprint":1}]'))
      .toEqual({ _tag: "Event", namespace: "/", ackId: undefined, name: "message:send", data: { content: "hi", fingerprint: 1 } })
    expect(EngineIo.decode('42/admin,12["x",1]'))
      .toEqual({ _tag: "Event", namespace: "/admin", ackId: 12, name: "x", data: 1 })
    expect(EngineIo.decode('4217["x"]')).toEqual({ _tag: "Event", namespace: "/", ackId: 17, name: "x", data: undefined })
    expect(EngineIo.decode('437[true]')).toEqual({ _tag: "Ack", namespace: "/", ackId: 7, args: [true] })
  })

  it("turns bad frames into Invalid packets, never throwing", () => {
    expect(EngineIo.decode("")).toEqual({ _tag: "Invalid", reason: "empty frame" })
    expect(EngineIo.decode("9")).toEqual({ _tag: "Invalid", reason: 'unknown Engine.IO packet type "9"' })
    expect(EngineIo.decode("4")).toEqual({ _tag: "Invalid", reason: "empty message packet" })
    expect(EngineIo.decode("47[]")).toEqual({ _tag: "Invalid", reason: 'unknown Socket.IO packet type "7"' })
    expect(EngineIo.decode('42["a",')).toEqual({ _tag: "Invalid", reason: "event packet is not JSON" })
    expect(EngineIo.decode('42{"a":1}')).toEqual({ _tag: "Invalid", reason: "event packet is not an array starting with a name" })
    expect(EngineIo.decode("42[1,2]")).toEqual({ _tag: "Invalid", reason: "event packet is not an array starting with a name" })
    expect(EngineIo.decode("42")).toEqual({ _tag: "Invalid", reason: "event packet is not JSON" })
    expect(EngineIo.decode('451-["a",{"_placeholder":true,"num":0}]'))
      .toEqual({ _tag: "Invalid", reason: "binary packets are not supported" })
    expect(EngineIo.decode("0{oops")).toEqual({ _tag: "Invalid", reason: "open packet is not JSON" })
    expect(EngineIo.decode('0{"sid":1}')).toEqual({ _tag: "Invalid", reason: "open packet has no sid" })
    expect(EngineIo.decode('0{"sid":"a"}')).toEqual({ _tag: "Invalid", reason: "open packet has no pingInterval/pingTimeout" })
    expect(EngineIo.decode("40{nope")).toEqual({ _tag: "Invalid", reason: "connect packet is not JSON" })
    expect(EngineIo.decode("43[]")).toEqual({ _tag: "Invalid", reason: "ack packet without id" })
    expect(EngineIo.decode(42 as unknown as string)).toEqual({ _tag: "Invalid", reason: "frame is not text" })
    expect(EngineIo.decodeBinary(new Uint8Array(5))).toEqual({ _tag: "Invalid", reason: "binary frame (5 bytes) is not supported" })
  })

  it("encodes the frames a client sends", () => {
    expect(EngineIo.encodeConnect()).toBe("40")
    expect(EngineIo.encodeConnect("/admin", { token: "t" })).toBe('40/admin,{"token":"t"}')
    expect(EngineIo.encodeEvent("authentication", { tier: "plugin", events: ["a"] }))
      .toBe('42["authentication",{"tier":"plugin","events":["a"]}]')
    expect(EngineIo.encodeEvent("socket:bind", {})).toBe('42["socket:bind",{}]')
    expect(EngineIo.encodeEvent("x", undefined)).toBe('42["x"]')
    expect(EngineIo.encodeDisconnect()).toBe("41")
    expect(EngineIo.encodePong()).toBe("3")
    expect(EngineIo.encodePong("probe")).toBe("3probe")
  })

  it("round-trips events through encode and decode", () => {
    const data = { content: "é \u2028 \"quoted\"", n: [1, 2, { deep: null }] }
    expect(EngineIo.decode(EngineIo.encodeEvent("message:send", data)))
      .toEqual({ _tag: "Event", namespace: "/", ackId: undefined, name: "message:send", data })
  })

  it("builds the WebSocket URL from the endpoint's origin and pathname", () => {
    expect(EngineIo.websocketUrl("https://relay.crisp.example/p/?x=1#h"))
      .toBe("wss://relay.crisp.example/p/?EIO=4&transport=websocket")
    expect(EngineIo.websocketUrl("http://127.0.0.1:8080/rtm")).toBe("ws://127.0.0.1:8080/rtm/?EIO=4&transport=websocket")
    expect(EngineIo.websocketUrl("wss://relay.crisp.example")).toBe("wss://relay.crisp.example/?EIO=4&transport=websocket")
    expect(EngineIo.websocketUrl("not a url")).toBeUndefined()
    expect(EngineIo.websocketUrl("ftp://x/")).toBeUndefined()
  })

  it("fastEvent answers plain event frames only", () => {
    expect(EngineIo.fastEvent('42["message:send",{"a":1}]')).toEqual(["message:send", { a: 1 }])
    expect(EngineIo.fastEvent('42["x"]')).toEqual(["x"])
    for (const frame of ["2", "40", '42/admin,["x",1]', '421["x"]', '42["x",', "42[1]", '42{"a":1}', "", "4"]) {
      expect(EngineIo.fastEvent(frame)).toBeUndefined()
    }
  })
})

