import { describe, expect, it } from "@effect/vitest"
import * as CrispEvent from "../../src/realtime/CrispEvent.js"
import { samples } from "./fixtures.js"

describe("CrispEvent names", () => {
  it("has the 82 typed names of crisp-api 11.3.0, widget:action:processed included", () => {
    expect(CrispEvent.EventNames).toHaveLength(82)
    expect(new Set(CrispEvent.EventNames).size).toBe(82)
    expect(Object.keys(CrispEvent.Payloads).sort()).toEqual([...CrispEvent.EventNames].sort())
    for (
      const name of [
        "session:update_availability",
        "session:sync:topic",
        "message:send",
        "message:received",
        "message:acknowledge:ignored",
        "spam:decision",
        "people:import:done",
        "identity:verify:request",
        "status:health:changed",
        "bucket:url:processing:generated",
        "plan:subscription:updated",
        "widget:action:processed"
      ] as const
    ) expect(CrispEvent.EventNames).toContain(name)
    // Removed since the old client, or only ever in its README.
    for (const name of ["billing:link:redirect", "service:translate:processed", "message:send/text"]) {
      expect(CrispEvent.isEventName(name)).toBe(false)
    }
  })
})

describe("CrispEvent.decode", () => {
  it("accepts a valid payload for every name", () => {
    for (const name of CrispEvent.EventNames) {
      const event = CrispEvent.decode(name, samples[name])
      expect({ name, tag: event._tag }).toEqual({ name, tag: "Event" })
    }
  })

  it("decodes the documented Web Hook message:send payload (numeric fingerprint, no inbox_id)", () => {
    const data = {
      website_id: "42286ab3-b29a-4fde-8538-da0ae501d825",
      session_id: "session_36ba3566-9651-4790-afc8-ffedbccc317f",
      type: "text",
      content: "Hey :)",
      from: "user",
      origin: "chat",
      stamped: true,
      timestamp: 1506985696616,
      fingerprint: 150698569649423,
      user: { nickname: "visitor07", user_id: "session_36ba3566-9651-4790-afc8-ffedbccc317f" }
    }
    const event = CrispEvent.decode("message:send", data, { source: "webhook", attempt: 2, attemptLimit: 5 })
    expect(event).toEqual({
      _tag: "Event",
      name: "message:send",
      data,
      delivery: { source: "webhook", attempt: 2, attemptLimit: 5 }
    })
    if (event._tag === "Event" && event.name === "message:send" && event.data.type === "text") {
      const content: string = event.data.content
      const fingerprint: number = event.data.fingerprint
      expect([content, fingerprint]).toEqual(["Hey :)", 150698569649423])
    } else {
      expect.fail("not narrowed to a text message")
    }
  })

  it("ignores unknown fields and accepts missing optional fields", () => {
    const event = CrispEvent.decode("people:profile:created", { website_id: "w", people_id: "p", brand_new: [1] })
    expect(event._tag).toBe("Event")
  })

  it("marks a wrong type as Malformed, naming the field but never the value", () => {
    const event = CrispEvent.decode("message:send", { ...(samples["message:send"] as object), fingerprint: "tok_SECRET" })
    expect(event._tag).toBe("Malformed")
    if (event._tag !== "Malformed") return
    expect(event.name).toBe("message:send")
    expect(event.issue).toBe("at fingerprint: expected number, got string (10 chars)")
    expect(event.issue).not.toContain("tok_SECRET")
    expect((event.data as { fingerprint: string }).fingerprint).toBe("tok_SECRET")
  })

  it("describes missing fields, bad discriminators, nested paths and non-objects", () => {
    const issue = (name: CrispEvent.EventName, data: unknown) => {
      const event = CrispEvent.decode(name, data)
      return event._tag === "Malformed" ? event.issue : `not malformed: ${event._tag}`
    }
    expect(issue("session:set_email", { website_id: "w", session_id: "s" })).toBe("at email: is missing")
    expect(issue("message:send", { ...(samples["message:send"] as object), type: "note" }))
      .toBe('at type: expected "text" | "file" | "animation" | "audio" | "picker" | "field" | "carousel", got string (4 chars)')
    expect(issue("session:set_state", { website_id: "w", session_id: "s", state: "closed" }))
      .toBe('at state: expected "pending" | "unresolved" | "resolved", got string (6 chars)')
    expect(issue("session:sync:geolocation", {
      website_id: "w",
      session_id: "s",
      geolocation: { coordinates: { latitude: "47.2" } }
    })).toBe("at geolocation.coordinates.latitude: expected number, got string (4 chars)")
    expect(issue("session:set_segments", { website_id: "w", session_id: "s", segments: ["a", 2] }))
      .toBe("at segments.1: expected string, got number")
    expect(issue("campaign:dispatched", null)).toContain("got null")
    expect(issue("campaign:dispatched", "text")).toContain("got string (4 chars)")
    expect(issue("campaign:dispatched", undefined)).toContain("got undefined")
    expect(issue("message:updated", { website_id: "w", session_id: "s", fingerprint: 1, content: 3 }))
      .toBe("at content: expected string | object, got number")
  })

  it("passes unknown names through, including Object.prototype names", () => {
    expect(CrispEvent.decode("brand:new", { a: 1 })).toEqual({ _tag: "Unknown", name: "brand:new", data: { a: 1 } })
    expect(CrispEvent.decode("toString", {})._tag).toBe("Unknown")
    expect(CrispEvent.decode("__proto__", {})._tag).toBe("Unknown")
    expect(CrispEvent.decode("constructor", {}, { source: "test" }))
      .toEqual({ _tag: "Unknown", name: "constructor", data: {}, delivery: { source: "test" } })
  })

  it("never throws, even on hostile data", () => {
    const hostile = {
      website_id: "w",
      get campaign_id(): string {
        throw new Error("boom")
      }
    }
    const event = CrispEvent.decode("campaign:dispatched", hostile)
    expect(event._tag).toBe("Malformed")
    const circular: Record<string, unknown> = { website_id: "w" }
    circular.campaign_id = circular
    expect(CrispEvent.decode("campaign:dispatched", circular)._tag).toBe("Malformed")
  })

  it("make builds a typed event without validation", () => {
    const event = CrispEvent.make("website:users:available", { website_id: "w", available: true })
    expect(event).toEqual({ _tag: "Event", name: "website:users:available", data: { website_id: "w", available: true } })
  })
})
