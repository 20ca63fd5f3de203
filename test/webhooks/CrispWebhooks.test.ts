import { describe, expect, it } from "@effect/vitest"
import { Effect, Logger, Redacted } from "effect"
import { inspect } from "node:util"
import {
  envelope,
  messageSend,
  next,
  nothingMore,
  post,
  probeKeyed,
  SECRET,
  serve,
  signedHeaders,
  WEBSITE_KEY
} from "./support.js"

const secret = Redacted.make(SECRET)
const websiteKey = Redacted.make(WEBSITE_KEY)

const json = (text: string): unknown => JSON.parse(text)

describe("CrispWebhooks over a real HTTP server (HttpApp in an HttpRouter)", () => {
  it.scopedLive("a valid signed delivery: 200, then the decoded event with its delivery details", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      const body = envelope("message:send", messageSend("Hey :)"))
      const now = Date.now()
      const reply = yield* post(server.url, { body, headers: signedHeaders(body, { timestamp: now, attempt: 2, limit: 5 }) })
      expect(reply.status).toBe(200)
      expect(json(reply.body)).toEqual({ ok: true })
      expect(reply.headers["content-type"]).toContain("application/json")
      const event = yield* next(server.events)
      expect(event._tag).toBe("Event")
      expect(event.name).toBe("message:send")
      if (event._tag !== "Event" || event.name !== "message:send") return
      expect(event.data.content).toBe("Hey :)")
      expect(event.data.session_id).toBe("session_1")
      expect(event.data.fingerprint).toBe(163_000_000_000_001)
      expect(event.delivery).toEqual({
        source: "webhook",
        attempt: 2,
        attemptLimit: 5,
        websiteId: "website-1",
        timestamp: 1_700_000_000_123
      })
    }), { timeout: 10_000 })

  it.scopedLive("forged, tampered, stale, future and unsigned deliveries: 401 and nothing delivered", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      const body = envelope("message:send", messageSend("hello"))
      const cases: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
        ["Mismatch", signedHeaders(body, { secret: "someone-else" }), body],
        ["Mismatch", signedHeaders(body), body.replace("hello", "hellO")],
        ["Stale", signedHeaders(body, { timestamp: Date.now() - 6 * 60_000 }), body],
        ["Future", signedHeaders(body, { timestamp: Date.now() + 6 * 60_000 }), body],
        ["MissingHeader", { "content-type": "application/json" }, body],
        ["MissingHeader", { "x-crisp-signature": signedHeaders(body)["x-crisp-signature"]! }, body],
        ["MalformedSignature", { ...signedHeaders(body), "x-crisp-signature": "sha256=abc" }, body]
      ]
      for (const [reason, headers, sent] of cases) {
        const reply = yield* post(server.url, { body: sent, headers })
        expect(reply.status, reason).toBe(401)
        expect(json(reply.body)).toEqual({ ok: false, error: reason })
        expect(reply.body).not.toContain(SECRET)
      }
      expect(yield* nothingMore(server.events)).toBe(0)
    }), { timeout: 10_000 })

  it.scopedLive("bodies that are not hook envelopes: 400 with the reason", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      const cases: ReadonlyArray<readonly [string, string]> = [
        ["NotJson", "{\"event\": \"message:send\", "],
        ["NotJson", ""],
        ["NotObject", "[1,2,3]"],
        ["NotObject", "null"],
        ["EventNotString", JSON.stringify({ event: 42, data: {} })],
        ["EventNotString", JSON.stringify({ data: {} })],
        ["DataNotObject", JSON.stringify({ event: "message:send", data: "text" })],
        ["DataNotObject", JSON.stringify({ event: "message:send", data: null })],
        ["DataNotObject", JSON.stringify({ event: "message:send" })]
      ]
      for (const [reason, body] of cases) {
        const reply = yield* post(server.url, { body, headers: signedHeaders(body) })
        expect(reply.status, `${reason}: ${body}`).toBe(400)
        expect(json(reply.body)).toEqual({ ok: false, error: reason })
      }
      expect(yield* nothingMore(server.events)).toBe(0)
    }), { timeout: 10_000 })

  it.scopedLive("oversized bodies: 413 by Content-Length before reading, and by counting when chunked", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret, maxBodyBytes: 1024 })
      const big = envelope("message:send", messageSend("x".repeat(1000)))
      expect(Buffer.byteLength(big)).toBeGreaterThan(1024)
      expect(Buffer.byteLength(big)).toBeLessThan(2048)
      // Declared too large: refused from the header alone (the body is never sent in full).
      const declared = yield* post(server.url, {
        body: "{}",
        contentLength: 5000,
        headers: signedHeaders(big)
      }).pipe(Effect.timeout("2 seconds"))
      expect(declared.status).toBe(413)
      expect(json(declared.body)).toEqual({ ok: false, error: "TooLarge" })
      // No Content-Length (chunked): counted while reading.
      const chunked = yield* post(server.url, { body: big, chunks: 4, headers: signedHeaders(big) })
      expect(chunked.status).toBe(413)
      expect(chunked.headers["transfer-encoding"]).toBeUndefined()
      // Far over the limit without Content-Length: the reading stops (413 or the connection is cut).
      const huge = envelope("message:send", messageSend("x".repeat(200_000)))
      const cut = yield* Effect.either(post(server.url, { body: huge, chunks: 50, headers: signedHeaders(huge) }))
      if (cut._tag === "Right") expect(cut.right.status).toBe(413)
      // An honest Content-Length over the limit.
      const honest = yield* post(server.url, { body: big, headers: signedHeaders(big) })
      expect(honest.status).toBe(413)
      // Exactly at the limit is fine (padding inside the JSON, signed over the raw bytes).
      const base = envelope("website:users:available", { website_id: "website-1", available: true })
      const exact = base.slice(0, -1) + " ".repeat(1024 - Buffer.byteLength(base)) + "}"
      expect(Buffer.byteLength(exact)).toBe(1024)
      const ok = yield* post(server.url, { body: exact, chunks: 3, headers: signedHeaders(exact) })
      expect(ok.status).toBe(200)
      const event = yield* next(server.events)
      expect(event.name).toBe("website:users:available")
      expect(yield* nothingMore(server.events)).toBe(0)
    }), { timeout: 10_000 })

  it.scopedLive("unicode and \\/-escaped bodies: raw-signed and re-serialised-signed both verify", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      // Raw bytes with escapes and spacing JSON.stringify would rewrite.
      const raw = `{"website_id": "website-1", "event": "message:send", "data": ${
        JSON.stringify(messageSend("PLACEHOLDER"))
      }, "timestamp": 1700000000123}`.replace("PLACEHOLDER", "caf\\u00e9 \\/ d\\u00e9j\\u00e0 🎉 日本")
      expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw)
      const first = yield* post(server.url, { body: raw, headers: signedHeaders(raw) })
      expect(first.status).toBe(200)
      const one = yield* next(server.events)
      expect(one._tag === "Event" && one.name === "message:send" && one.data.content).toBe("café / déjà 🎉 日本")

      // Signed over the re-serialised form (what Crisp's own client computes).
      const raw2 = raw.replace("session_1", "session_2")
      const reserialised = JSON.stringify(JSON.parse(raw2))
      const headers = signedHeaders(reserialised)
      const second = yield* post(server.url, { body: raw2, headers })
      expect(second.status).toBe(200)
      const two = yield* next(server.events)
      expect(two._tag === "Event" && two.name === "message:send" && two.data.session_id).toBe("session_2")

      // Signed over neither: refused.
      const third = yield* post(server.url, { body: raw2 + " ", headers: signedHeaders(reserialised + " ") })
      expect(third.status).toBe(401)
    }), { timeout: 10_000 })

  it.scopedLive("a repeated delivery (same signature and timestamp) is answered 200 but delivered once", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      const body = envelope("message:send", messageSend("only once"))
      const headers = signedHeaders(body, { attempt: 1, limit: 3 })
      const first = yield* post(server.url, { body, headers })
      const again = yield* post(server.url, { body, headers: { ...headers, "x-delivery-attempt-count": "2" } })
      expect(first.status).toBe(200)
      expect(json(first.body)).toEqual({ ok: true })
      expect(again.status).toBe(200)
      expect(json(again.body)).toEqual({ ok: true, duplicate: true })
      // The same body signed at another time is a new delivery.
      const later = yield* post(server.url, { body, headers: signedHeaders(body, { timestamp: Date.now() + 1 }) })
      expect(json(later.body)).toEqual({ ok: true })
      // Concurrent repeats: exactly one is delivered.
      const burst = signedHeaders(body, { timestamp: Date.now() + 2 })
      const replies = yield* Effect.all(Array.from({ length: 8 }, () => post(server.url, { body, headers: burst })), {
        concurrency: "unbounded"
      })
      expect(replies.map((reply) => reply.status)).toEqual(Array(8).fill(200))
      expect(replies.filter((reply) => reply.body.includes("duplicate")).length).toBe(7)
      yield* next(server.events)
      yield* next(server.events)
      yield* next(server.events)
      expect(yield* nothingMore(server.events)).toBe(0)
    }), { timeout: 10_000 })

  it.scopedLive("unknown event names pass through as Unknown; bad payloads of known ones as Malformed", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      const unknown = envelope("brand:new:event", { anything: [1, 2] })
      expect((yield* post(server.url, { body: unknown, headers: signedHeaders(unknown) })).status).toBe(200)
      const first = yield* next(server.events)
      expect(first).toMatchObject({ _tag: "Unknown", name: "brand:new:event", data: { anything: [1, 2] } })
      const malformed = envelope("website:users:available", { website_id: "website-1", available: "yes" })
      expect((yield* post(server.url, { body: malformed, headers: signedHeaders(malformed) })).status).toBe(200)
      const second = yield* next(server.events)
      expect(second._tag).toBe("Malformed")
      expect(second.name).toBe("website:users:available")
    }), { timeout: 10_000 })

  it.scopedLive("anything but POST: 405 with Allow: POST", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret })
      for (const method of ["GET", "PUT", "DELETE"]) {
        const reply = yield* post(`${server.base}/any-method`, { method })
        expect(reply.status).toBe(405)
        expect(reply.headers["allow"]).toBe("POST")
        expect(json(reply.body)).toEqual({ ok: false, error: "MethodNotAllowed" })
      }
      const body = envelope("website:users:available", { website_id: "website-1", available: true })
      expect((yield* post(`${server.base}/any-method`, { body, headers: signedHeaders(body) })).status).toBe(200)
    }), { timeout: 10_000 })
})

describe("website hooks (unsigned, ?key= in the URL)", () => {
  it.scopedLive("the right key is accepted; a wrong or missing key gets 401", () =>
    Effect.gen(function*() {
      const server = yield* serve({ websiteKey }, probeKeyed)
      const body = envelope("message:send", messageSend("from a website hook"))
      const good = yield* post(`${server.url}?key=${encodeURIComponent(WEBSITE_KEY)}`, { body })
      expect(good.status).toBe(200)
      const event = yield* next(server.events)
      expect(event._tag === "Event" && event.name === "message:send" && event.data.content).toBe("from a website hook")
      for (const [url, reason] of [
        [`${server.url}?key=${encodeURIComponent(WEBSITE_KEY.slice(0, -1))}`, "WrongKey"],
        [`${server.url}?key=${encodeURIComponent(WEBSITE_KEY + "x")}`, "WrongKey"],
        [`${server.url}?key=`, "WrongKey"],
        [`${server.url}?other=${encodeURIComponent(WEBSITE_KEY)}`, "MissingKey"],
        [server.url, "MissingKey"]
      ] as const) {
        const reply = yield* post(url, { body })
        expect(reply.status, url).toBe(401)
        expect(json(reply.body)).toEqual({ ok: false, error: reason })
        expect(reply.body).not.toContain(WEBSITE_KEY)
      }
      expect(yield* nothingMore(server.events)).toBe(0)
    }), { timeout: 10_000 })

  it.scopedLive("a repeated website hook (same timestamp and body) is delivered once", () =>
    Effect.gen(function*() {
      const server = yield* serve({ websiteKey }, probeKeyed)
      const url = `${server.url}?key=${encodeURIComponent(WEBSITE_KEY)}`
      const body = envelope("message:send", messageSend("once"))
      const headers = { "x-crisp-request-timestamp": String(Date.now()) }
      expect(json((yield* post(url, { body, headers })).body)).toEqual({ ok: true })
      expect(json((yield* post(url, { body, headers })).body)).toEqual({ ok: true, duplicate: true })
      const other = body.replace("once", "twice")
      expect(json((yield* post(url, { body: other, headers })).body)).toEqual({ ok: true })
      yield* next(server.events)
      yield* next(server.events)
      expect(yield* nothingMore(server.events)).toBe(0)
    }), { timeout: 10_000 })

  it.scopedLive("with both a secret and a website key: signed deliveries need the signature, unsigned ones the key", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret, websiteKey })
      const keyed = `${server.url}?key=${encodeURIComponent(WEBSITE_KEY)}`
      const body = envelope("website:users:available", { website_id: "website-1", available: true })
      expect((yield* post(server.url, { body, headers: signedHeaders(body) })).status).toBe(200)
      expect((yield* post(keyed, { body: body.replace("true", "false") })).status).toBe(200)
      // A bad signature is not rescued by a good key.
      const forged = yield* post(keyed, { body, headers: signedHeaders(body, { secret: "wrong" }) })
      expect(forged.status).toBe(401)
      expect(json(forged.body)).toEqual({ ok: false, error: "Mismatch" })
      expect((yield* post(server.url, { body })).status).toBe(401)
    }), { timeout: 10_000 })
})

describe("secrets", () => {
  it.scopedLive("no response, outcome error, or inspect output contains the secret or the key", () =>
    Effect.gen(function*() {
      const server = yield* serve({ secret, websiteKey })
      const body = envelope("message:send", messageSend("x"))
      const logs: Array<string> = []
      const capture = Logger.replace(
        Logger.defaultLogger,
        Logger.make(({ annotations, message }) => logs.push(inspect({ message, annotations }, { depth: 10 })))
      )
      const outcomes = yield* Effect.all([
        server.hooks.receive({ body, headers: signedHeaders(body, { secret: "nope" }) }),
        server.hooks.receive({ body, headers: {}, url: "/crisp?key=nope" }),
        server.hooks.receive({ body, headers: {}, url: `/crisp?key=${WEBSITE_KEY}x` }),
        server.hooks.receive({ body, headers: signedHeaders(body, { timestamp: 1 }) })
      ]).pipe(Effect.provide(capture))
      // Every refusal is logged once, with its reason, and without a credential.
      expect(logs.length).toBe(4)
      expect(logs[0]).toContain("Mismatch")
      expect(logs[3]).toContain("Stale")
      for (const line of logs) {
        expect(line).not.toContain(SECRET)
        expect(line).not.toContain(WEBSITE_KEY)
      }
      for (const outcome of outcomes) {
        expect(outcome._tag).toBe("Rejected")
        for (const text of [inspect(outcome, { depth: 10 }), JSON.stringify(outcome), String(outcome)]) {
          expect(text).not.toContain(SECRET)
          expect(text).not.toContain(WEBSITE_KEY)
        }
      }
      for (const text of [inspect(server.hooks, { depth: 10 }), inspect(secret), JSON.stringify({ secret, websiteKey })]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(WEBSITE_KEY)
      }
    }), { timeout: 10_000 })
})
