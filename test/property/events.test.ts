/**
 * Event frames, by property: whatever text or bytes arrive on the RTM socket — frames of
 * every Engine.IO / Socket.IO type, events with known and unknown names and payloads
 * that are valid, broken or arbitrary, frames cut short — decoding gives a packet, and
 * an event gives `Event`, `Unknown` or `Malformed`; nothing throws (the socket's
 * handler would die). A valid payload is an `Event`; a `Malformed` one's issue copies
 * no value.
 */
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as EngineIo from "../../src/internal/realtime/EngineIo.js"
import { decode, type EventName, EventNames, Payloads } from "../../src/realtime/CrispEvent.js"
import { around, holdsPersonal, json, SEED, text } from "./arbitraries.js"

/** Names: known ones (most), a few unknown or hostile ones. */
const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EventNames) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "toString", "constructor", "")) }
)

const payloads = new Map(EventNames.map((event) => [event, around(Payloads[event], 8)] as const))

/** A payload for `event`: valid, with a node replaced, or arbitrary JSON. */
const payload = (event: string): fc.Arbitrary<{ readonly value: unknown; readonly valid: boolean }> => {
  const known = payloads.get(event as EventName)
  const arbitrary = json.map((value) => ({ value, valid: false }))
  return known === undefined ? arbitrary : fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary })
}

/** An event frame `42[name, data]`, sometimes with a namespace or an ack id. */
const eventFrame = name.chain((event) =>
  fc.tuple(fc.constant(event), payload(event), fc.constantFrom("42", "42/admin,", "4217", "42/x,3")).map(([n, data, prefix]) => ({
    frame: prefix + JSON.stringify([n, data.value]),
    name: n,
    valid: data.valid && prefix === "42"
  }))
)

const frame = fc.oneof(
  { weight: 4, arbitrary: eventFrame },
  { weight: 1, arbitrary: eventFrame.chain((e) => fc.nat(e.frame.length).map((at) => ({ ...e, frame: e.frame.slice(0, at), valid: false }))) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom("", "0", "1", "2", "3", "4", "40", "41", "43", "44", "45", "5", "6", "9"), text)
      .map(([prefix, rest]) => ({ frame: prefix + rest, name: undefined, valid: false }))
  }
)

describe("event frames, by property", () => {
  it.prop("any text frame decodes to a packet; its event to Event, Unknown or Malformed", [frame], ([input]) => {
    const fast = EngineIo.fastEvent(input.frame)
    const packet = EngineIo.decode(input.frame)
    expect(typeof packet._tag).toBe("string")
    if (fast !== undefined) {
      // The fast path and the full decoder agree.
      expect(packet._tag === "Event" && packet.namespace === "/" && packet.ackId === undefined).toBe(true)
      if (packet._tag === "Event") expect([packet.name, packet.data]).toEqual([fast[0], fast[1]])
    }
    if (packet._tag === "Invalid") expect(holdsPersonal(packet.reason)).toBe(false)
    if (packet._tag !== "Event") {
      expect(input.valid).toBe(false)
      return
    }
    const event = decode(packet.name, packet.data, { source: "rtm" })
    expect(["Event", "Unknown", "Malformed"]).toContain(event._tag)
    if (input.valid) expect(event._tag).toBe("Event")
    if (event._tag === "Malformed") {
      expect(event.issue.length).toBeLessThan(300)
      expect(holdsPersonal(event.issue)).toBe(false)
    }
  }, { fastCheck: { seed: SEED, numRuns: 3_000 } })

  it.prop("any binary frame is an Invalid packet", [fc.uint8Array({ maxLength: 256 })], ([bytes]) => {
    expect(EngineIo.decodeBinary(bytes)).toEqual({ _tag: "Invalid", reason: `binary frame (${bytes.byteLength} bytes) is not supported` })
  }, { fastCheck: { seed: SEED, numRuns: 500 } })
})
