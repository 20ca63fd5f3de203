import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Redacted, TestClock } from "effect"
import { createHmac } from "node:crypto"
import { inspect } from "node:util"
import { DeliveryHeaders, Signature } from "../../src/webhooks.js"
import { CrispWebhookSignatureError } from "../../src/webhooks/WebhookError.js"
import { constantTimeEqual, hexToBytes } from "../../src/internal/webhooks/bytes.js"
import * as Hmac from "../../src/internal/webhooks/hmac.js"

const SECRET = "crisp-hook-secret-DO-NOT-LEAK"
const NOW = 1_700_000_000_000

const hmacHex = (secret: string, text: string | Buffer) => createHmac("sha256", secret).update(text).digest("hex")

/** Fails with the error, or dies if verification succeeded. */
const refused = (options: Signature.VerifyOptions) =>
  Effect.flatMap(Effect.either(Signature.verify(options)), (result) =>
    Either.isLeft(result) ? Effect.succeed(result.left) : Effect.dieMessage("verification unexpectedly succeeded"))

const atNow = <A, E>(effect: Effect.Effect<A, E>) => Effect.zipRight(TestClock.setTime(NOW), effect)

describe("Signature known answers", () => {
  it.effect("sign matches an HMAC-SHA256 computed by hand with node:crypto", () =>
    Effect.gen(function*() {
      const body = "{\"website_id\":\"w1\",\"event\":\"message:send\",\"data\":{\"content\":\"Hey :)\"},\"timestamp\":1506985696616}"
      const signed = yield* Signature.sign({ body, secret: "crisp-hook-secret", timestamp: "1506985696616" })
      // Value computed independently (Python hmac) for this exact input.
      expect(signed.signature).toBe("28f3cd28d0bc32b1b96fd63b1d50328b6c35d6f40435210bfab4e5f816145591")
      expect(signed.signature).toBe(hmacHex("crisp-hook-secret", `[1506985696616;${body}]`))
      expect(signed.headers).toEqual({
        "Content-Type": "application/json",
        "X-Crisp-Request-Timestamp": "1506985696616",
        "X-Crisp-Signature": "28f3cd28d0bc32b1b96fd63b1d50328b6c35d6f40435210bfab4e5f816145591"
      })
    }))

  it.effect("both HMAC backends (node:crypto and WebCrypto) give the same answer", () =>
    Effect.gen(function*() {
      const expected = "d3a775dff8040054517a4cfd8469240d3eb7d260dcf81a6ffad5c55a242ed37a" // HMAC("key", "[1;x]")
      const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex")
      expect(hex(yield* Hmac.webCrypto.mac("key", "[1;", "x"))).toBe(expected)
      expect(hex(yield* Hmac.webCrypto.mac("key", "[1;", new TextEncoder().encode("x")))).toBe(expected)
      expect(Hmac.node).toBeDefined()
      expect(hex(yield* Hmac.node!.mac("key", "[1;", "x"))).toBe(expected)
      expect(hex(Hmac.node!.macSync!("key", "[1;", new TextEncoder().encode("x")))).toBe(expected)
      // A long secret (> 64 bytes, hashed first by HMAC) and unicode.
      const long = "ключ-".repeat(30)
      const body = "{\"a\":\"é 🎉\"}"
      const text = `[1700000000000;${body}]`
      expect(hex(yield* Hmac.webCrypto.mac(long, "[1700000000000;", body))).toBe(hmacHex(long, text))
      expect(hex(yield* Hmac.node!.mac(long, "[1700000000000;", body))).toBe(hmacHex(long, text))
      expect(hex(yield* Hmac.node!.mac(long, "[1700000000000;", Buffer.from(body)))).toBe(hmacHex(long, text))
    }))

  it.effect("verify works on the WebCrypto backend too", () =>
    Effect.gen(function*() {
      const previous = Hmac.backend()
      Hmac.useBackend(Hmac.webCrypto)
      try {
        const body = "{\"event\":\"x\",\"data\":{}}"
        const signature = hmacHex(SECRET, `[${NOW};${body}]`)
        yield* Signature.verify({ body, timestamp: String(NOW), signature, secret: SECRET })
        const error = yield* refused({ body: body + " ", timestamp: String(NOW), signature: "0".repeat(64), secret: SECRET })
        expect(error.reason).toBe("Mismatch")
        const signed = yield* Signature.sign({ body, secret: SECRET, timestamp: NOW })
        expect(signed.signature).toBe(signature)
        // The second try (re-serialised JSON) on the asynchronous path, with a bytes body.
        const raw = "{ \"event\": \"x\", \"data\": {\"s\": \"\\/\"} }"
        const overReserialised = hmacHex(SECRET, `[${NOW};${JSON.stringify(JSON.parse(raw))}]`)
        yield* Signature.verify({ body: Buffer.from(raw), timestamp: NOW, signature: overReserialised, secret: SECRET })
        expect(Hmac.backend().name).toBe("webcrypto")
      } finally {
        Hmac.useBackend(previous)
      }
    }).pipe(atNow))
})

describe("Signature.verify", () => {
  const body = "{\"website_id\":\"w1\",\"event\":\"message:send\",\"data\":{\"session_id\":\"s1\"},\"timestamp\":1}"
  const good = hmacHex(SECRET, `[${NOW};${body}]`)

  it.effect("accepts a valid delivery as a string, as bytes, with a Redacted secret", () =>
    Effect.gen(function*() {
      yield* Signature.verify({ body, timestamp: String(NOW), signature: good, secret: SECRET })
      yield* Signature.verify({ body: new TextEncoder().encode(body), timestamp: NOW, signature: good, secret: SECRET })
      yield* Signature.verify({ body, timestamp: String(NOW), signature: good.toUpperCase(), secret: Redacted.make(SECRET) })
    }).pipe(atNow))

  it.effect("refuses a forged signature (another secret) and a tampered body", () =>
    Effect.gen(function*() {
      const forged = yield* refused({
        body,
        timestamp: String(NOW),
        signature: hmacHex("another-secret", `[${NOW};${body}]`),
        secret: SECRET
      })
      expect(forged.reason).toBe("Mismatch")
      const tampered = yield* refused({
        body: body.replace("s1", "s2"),
        timestamp: String(NOW),
        signature: good,
        secret: SECRET
      })
      expect(tampered.reason).toBe("Mismatch")
      // The signature covers the timestamp: the same MAC with another timestamp fails.
      const moved = yield* refused({ body, timestamp: String(NOW + 1), signature: good, secret: SECRET })
      expect(moved.reason).toBe("Mismatch")
      // Last byte flipped.
      const flipped = good.slice(0, 63) + (good[63] === "0" ? "1" : "0")
      expect((yield* refused({ body, timestamp: String(NOW), signature: flipped, secret: SECRET })).reason).toBe("Mismatch")
    }).pipe(atNow))

  it.effect("refuses missing headers, naming the header", () =>
    Effect.gen(function*() {
      const noSig = yield* refused({ body, timestamp: String(NOW), signature: undefined, secret: SECRET })
      expect(noSig).toBeInstanceOf(CrispWebhookSignatureError)
      expect(noSig.reason).toBe("MissingHeader")
      expect(noSig.header).toBe("X-Crisp-Signature")
      expect(noSig.message).toBe("Crisp web hook signature refused: missing header X-Crisp-Signature")
      const emptySig = yield* refused({ body, timestamp: String(NOW), signature: "", secret: SECRET })
      expect(emptySig.header).toBe("X-Crisp-Signature")
      const noTs = yield* refused({ body, timestamp: undefined, signature: good, secret: SECRET })
      expect(noTs.reason).toBe("MissingHeader")
      expect(noTs.header).toBe("X-Crisp-Request-Timestamp")
    }).pipe(atNow))

  it.effect("refuses malformed signatures and timestamps", () =>
    Effect.gen(function*() {
      for (const signature of [good.slice(0, 63), good + "0", "sha256=" + good, "z".repeat(64), good.slice(0, 62) + "é0"]) {
        const error = yield* refused({ body, timestamp: String(NOW), signature, secret: SECRET })
        expect(error.reason).toBe("MalformedSignature")
      }
      for (const timestamp of ["12.5", "abc", "-1", " 1700000000000", "1e12", "12345678901234567"]) {
        const error = yield* refused({ body, timestamp, signature: good, secret: SECRET })
        expect(error.reason).toBe("MalformedTimestamp")
        expect(error.header).toBe("X-Crisp-Request-Timestamp")
      }
    }).pipe(atNow))

  it.effect("refuses an empty secret", () =>
    Effect.gen(function*() {
      const error = yield* refused({ body, timestamp: String(NOW), signature: good, secret: "" })
      expect(error.reason).toBe("MissingSecret")
    }).pipe(atNow))

  it.effect("refuses stale and future timestamps, with the default 5 minute window", () =>
    Effect.gen(function*() {
      const at = (ts: number) => ({ body, timestamp: String(ts), signature: hmacHex(SECRET, `[${ts};${body}]`), secret: SECRET })
      // Exactly at the edges: accepted.
      yield* Signature.verify(at(NOW - 300_000))
      yield* Signature.verify(at(NOW + 300_000))
      const stale = yield* refused(at(NOW - 300_001))
      expect(stale.reason).toBe("Stale")
      expect(stale.skewMillis).toBe(300_001)
      expect(stale.toleranceMillis).toBe(300_000)
      expect(stale.message).toBe("Crisp web hook signature refused: timestamp is 300 s old, beyond the 300 s tolerance")
      const future = yield* refused(at(NOW + 301_000))
      expect(future.reason).toBe("Future")
      expect(future.message).toBe("Crisp web hook signature refused: timestamp is 301 s in the future, beyond the 300 s tolerance")
    }).pipe(atNow))

  it.effect("the window is configurable and can be switched off; the TestClock drives it", () =>
    Effect.gen(function*() {
      const options = { body, timestamp: String(NOW), signature: good, secret: SECRET }
      yield* TestClock.adjust("61 seconds")
      expect((yield* refused({ ...options, tolerance: "1 minute" })).reason).toBe("Stale")
      yield* Signature.verify({ ...options, tolerance: "2 minutes" })
      yield* Signature.verify(options)
      yield* TestClock.adjust("1 day")
      expect((yield* refused(options)).reason).toBe("Stale")
      yield* Signature.verify({ ...options, tolerance: false })
    }).pipe(atNow))

  it.effect("reads a timestamp in seconds (<= 1e11) as seconds, and in milliseconds above", () =>
    Effect.gen(function*() {
      const seconds = String(NOW / 1000)
      const signature = hmacHex(SECRET, `[${seconds};${body}]`)
      yield* Signature.verify({ body, timestamp: seconds, signature, secret: SECRET })
      yield* TestClock.adjust("301 seconds")
      expect((yield* refused({ body, timestamp: seconds, signature, secret: SECRET })).reason).toBe("Stale")
      expect(Signature.timestampMillis("1506985696616")).toBe(1506985696616)
      expect(Signature.timestampMillis("1506985696")).toBe(1506985696000)
      expect(Signature.timestampMillis(100_000_000_000)).toBe(100_000_000_000_000)
      expect(Signature.timestampMillis(100_000_000_001)).toBe(100_000_000_001)
      expect(Signature.timestampMillis("x")).toBeUndefined()
    }).pipe(atNow))

  it.effect("raw body first: bytes that JSON.stringify would change still verify", () =>
    Effect.gen(function*() {
      // Escapes and spacing that a re-serialisation rewrites: \/ , \u00e9, spaces, emoji.
      const raw = "{ \"event\": \"message:send\", \"data\": {\"content\": \"caf\\u00e9 \\/ ok 🎉\"} }"
      expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw)
      const signature = hmacHex(SECRET, `[${NOW};${raw}]`)
      yield* Signature.verify({ body: raw, timestamp: String(NOW), signature, secret: SECRET })
      yield* Signature.verify({ body: Buffer.from(raw, "utf8"), timestamp: String(NOW), signature, secret: SECRET })
    }).pipe(atNow))

  it.effect("then the re-serialised JSON: a signature over JSON.stringify(JSON.parse(body)) verifies", () =>
    Effect.gen(function*() {
      const raw = "{\"event\":\"message:send\",\"data\":{\"content\":\"caf\\u00e9 \\/ ok\"}}"
      const reserialised = "{\"event\":\"message:send\",\"data\":{\"content\":\"café / ok\"}}"
      expect(JSON.stringify(JSON.parse(raw))).toBe(reserialised)
      const signature = hmacHex(SECRET, `[${NOW};${reserialised}]`)
      yield* Signature.verify({ body: raw, timestamp: String(NOW), signature, secret: SECRET })
      yield* Signature.verify({ body: new TextEncoder().encode(raw), timestamp: String(NOW), signature, secret: SECRET })
      // Neither form: refused.
      const other = hmacHex(SECRET, `[${NOW};${reserialised} ]`)
      expect((yield* refused({ body: raw, timestamp: String(NOW), signature: other, secret: SECRET })).reason)
        .toBe("Mismatch")
      // Not JSON and not the raw bytes: refused (no crash).
      expect((yield* refused({ body: "not json {", timestamp: String(NOW), signature: other, secret: SECRET })).reason)
        .toBe("Mismatch")
    }).pipe(atNow))

  it.effect("the secret never appears in an error's message, string, JSON or inspect output", () =>
    Effect.gen(function*() {
      const errors = [
        yield* refused({ body, timestamp: String(NOW), signature: "0".repeat(64), secret: Redacted.make(SECRET) }),
        yield* refused({ body, timestamp: String(NOW - 10 * 60_000), signature: good, secret: SECRET }),
        yield* refused({ body, timestamp: "x", signature: good, secret: SECRET }),
        yield* refused({ body, timestamp: String(NOW), signature: "nope", secret: SECRET })
      ]
      for (const error of errors) {
        for (const text of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? ""]) {
          expect(text).not.toContain(SECRET)
          expect(text).not.toContain("DO-NOT-LEAK")
        }
      }
    }).pipe(atNow))

  it.effect("verifyHeaders reads the headers case-insensitively", () =>
    Effect.gen(function*() {
      yield* Signature.verifyHeaders({
        body,
        headers: new Headers({ "X-CRISP-REQUEST-TIMESTAMP": String(NOW), "x-crisp-signature": good }),
        secret: SECRET
      })
      yield* Signature.verifyHeaders({
        body,
        headers: { "X-Crisp-Request-Timestamp": String(NOW), "X-Crisp-Signature": good },
        secret: SECRET
      })
      const error = yield* Effect.flip(Signature.verifyHeaders({ body, headers: {}, secret: SECRET }))
      expect(error.reason).toBe("MissingHeader")
    }).pipe(atNow))
})

describe("Signature.sign", () => {
  it.effect("defaults the timestamp to now in milliseconds and signs objects as JSON", () =>
    Effect.gen(function*() {
      const payload = { website_id: "w1", event: "message:send", data: { content: "é" } }
      const signed = yield* Signature.sign({ body: payload, secret: SECRET, attempt: 2, attemptLimit: 5 })
      expect(signed.timestamp).toBe(String(NOW))
      expect(signed.body).toBe("{\"website_id\":\"w1\",\"event\":\"message:send\",\"data\":{\"content\":\"é\"}}")
      expect(signed.signature).toBe(hmacHex(SECRET, `[${NOW};${signed.body as string}]`))
      expect(signed.headers["X-Delivery-Attempt-Count"]).toBe("2")
      expect(signed.headers["X-Delivery-Attempt-Limit"]).toBe("5")
      yield* Signature.verifyHeaders({ body: signed.body, headers: signed.headers, secret: SECRET })
    }).pipe(atNow))

  it.effect("signs bytes as they are", () =>
    Effect.gen(function*() {
      const bytes = Buffer.from("{\"a\":\"\\/\"}", "utf8")
      const signed = yield* Signature.sign({ body: bytes, secret: SECRET, timestamp: 5 })
      expect(signed.body).toBe(bytes)
      expect(signed.signature).toBe(hmacHex(SECRET, Buffer.concat([Buffer.from("[5;"), bytes, Buffer.from("]")])))
    }))
})

describe("DeliveryHeaders", () => {
  it("reads from fetch Headers, mixed-case records and node IncomingHttpHeaders", () => {
    const expected = { timestamp: "1700000000000", signature: "ab", attempt: 2, attemptLimit: 3, origin: "plugin/rtm x production" }
    expect(DeliveryHeaders.read(new Headers({
      "x-crisp-request-timestamp": "1700000000000",
      "X-Crisp-Signature": "ab",
      "X-Delivery-Attempt-Count": "2",
      "x-delivery-attempt-limit": "3",
      "X-Crisp-Hook-Origin": "plugin/rtm x production"
    }))).toEqual(expected)
    expect(DeliveryHeaders.read({
      "X-CRISP-REQUEST-TIMESTAMP": "1700000000000",
      "x-Crisp-signature": "ab",
      "X-Delivery-Attempt-Count": "2",
      "X-Delivery-Attempt-Limit": "3",
      "x-crisp-hook-origin": "plugin/rtm x production"
    })).toEqual(expected)
    // node: lower-case keys, repeated headers as arrays (the first wins).
    expect(DeliveryHeaders.read({
      "x-crisp-request-timestamp": ["1700000000000", "1"],
      "x-crisp-signature": "ab",
      "x-delivery-attempt-count": "2",
      "x-delivery-attempt-limit": "3",
      "x-crisp-hook-origin": "plugin/rtm x production",
      "set-cookie": ["a=b"]
    })).toEqual(expected)
  })

  it("leaves out absent, empty and unparsable values", () => {
    expect(DeliveryHeaders.read({})).toEqual({})
    expect(DeliveryHeaders.read({
      "x-crisp-signature": "  ",
      "x-delivery-attempt-count": "two",
      "x-delivery-attempt-limit": "-1"
    })).toEqual({})
    expect(DeliveryHeaders.get({ Get: "x" }, "get")).toBe("x")
  })
})

describe("byte helpers", () => {
  it("constant-time equality: equal, one bit off at either end, length mismatch", () => {
    const a = new Uint8Array([1, 2, 3, 4])
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 4]))).toBe(true)
    expect(constantTimeEqual(a, new Uint8Array([0, 2, 3, 4]))).toBe(false)
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 5]))).toBe(false)
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3]))).toBe(false)
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true)
  })

  it("hex decoding accepts either case and nothing else", () => {
    expect(Array.from(hexToBytes("00ff7Fa0", 4)!)).toEqual([0, 255, 127, 160])
    expect(hexToBytes("00ff7f", 4)).toBeUndefined()
    expect(hexToBytes("00ff7fg0", 4)).toBeUndefined()
    expect(hexToBytes("00ff7f\u0100", 4)).toBeUndefined()
  })
})
