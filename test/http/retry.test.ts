import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import * as CrispHttp from "../../src/CrispHttp.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const { getConversation, ids, sendMessage } = Support

const message = { ...ids, body: { type: "text", content: "hello" } }
const ok = Loopback.envelope({ session_id: "s1" })
const unavailable = Loopback.failure(503, "unavailable")

const call = (method: HttpMethod) =>
  CrispHttp.request({ method, path: "website/{w}/thing", params: { w: "w1" }, ...(method === "POST" || method === "PATCH" ? { body: { a: 1 } } : {}) })

/** Milliseconds between the first and second request the server received. */
const gap = (requests: ReadonlyArray<Loopback.RecordedRequest>) => (requests[1]?.at ?? Number.NaN) - (requests[0]?.at ?? Number.NaN)

Support.eachTransport((Crisp) => {
  describe("CrispHttp retries: rate limits", () => {
    it.scopedLive("429 with Retry-After: 1 then 200 succeeds, having waited about one second", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(Loopback.failure(429, "rate_limited", { "retry-after": "1" }), ok))
        const result = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server)))
        expect(result).toEqual({ session_id: "s1" })
        const requests = yield* server.requests
        expect(requests).toHaveLength(2)
        expect(gap(requests)).toBeGreaterThanOrEqual(990)
        expect(gap(requests)).toBeLessThan(1_500)
      }))

    it.scopedLive("a fractional Retry-After (0.15 s) is honoured instead of the backoff", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(Loopback.failure(429, "rate_limited", { "retry-after": "0.15" }), ok))
        yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server)))
        const requests = yield* server.requests
        expect(requests).toHaveLength(2)
        // The backoff alone would be ~5 ms.
        expect(gap(requests)).toBeGreaterThanOrEqual(145)
        expect(gap(requests)).toBeLessThan(600)
      }))

    it.scopedLive("Retry-After as an HTTP date is honoured", () =>
      Effect.gen(function*() {
        let expectedWait = Number.NaN
        const server = yield* Loopback.make((_request, index) => {
          if (index > 0) return ok
          // An HTTP date has whole seconds: pick the next whole second at least 400 ms away.
          const now = Date.now()
          const target = Math.ceil((now + 400) / 1000) * 1000
          expectedWait = target - now
          return Loopback.failure(429, "rate_limited", { "retry-after": new Date(target).toUTCString() })
        })
        yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server)))
        const requests = yield* server.requests
        expect(requests).toHaveLength(2)
        expect(expectedWait).toBeGreaterThanOrEqual(400)
        expect(gap(requests)).toBeGreaterThanOrEqual(expectedWait - 50)
        expect(gap(requests)).toBeLessThan(expectedWait + 500)
      }))

    it.scopedLive("429 without Retry-After is retried with the (millisecond) backoff", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(Loopback.failure(429, "rate_limited"), ok))
        yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server)))
        const requests = yield* server.requests
        expect(requests).toHaveLength(2)
        expect(gap(requests)).toBeLessThan(200)
      }))

    it.scopedLive("429 is retried for a POST: the request was refused, not performed", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(
          Loopback.sequence(Loopback.failure(429, "rate_limited", { "retry-after": "0.01" }), Loopback.envelope({}))
        )
        yield* sendMessage(message).pipe(Effect.provide(Crisp.layer(server)))
        const requests = yield* server.requests
        expect(requests.map((r) => r.method)).toEqual(["POST", "POST"])
        expect(requests.map((r) => JSON.parse(r.body))).toEqual([message.body, message.body])
      }))

    it.scopedLive("420 is retried like 429", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(Loopback.failure(420, "rate_limited"), Loopback.envelope({})))
        yield* sendMessage(message).pipe(Effect.provide(Crisp.layer(server)))
        expect(yield* server.requests).toHaveLength(2)
      }))

    it.scopedLive("a Retry-After longer than maxRetryAfter fails at once with CrispRateLimited", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.failure(429, "rate_limited", { "retry-after": "3600" })))
        const started = performance.now()
        const error = yield* getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { retry: { ...Crisp.fastRetry, maxRetryAfter: "5 seconds" } })),
          Effect.flip
        )
        expect(error).toMatchObject({ _tag: "CrispRateLimited", retryAfterMillis: 3_600_000 })
        expect(yield* server.requests).toHaveLength(1)
        expect(performance.now() - started).toBeLessThan(1_000)
      }))

    it.scopedLive("rate limits forever: the attempts are bounded and the last CrispRateLimited is returned", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.failure(429, "rate_limited", { "retry-after": "0.01" })))
        const error = yield* sendMessage(message).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error._tag).toBe("CrispRateLimited")
        expect(yield* server.requests).toHaveLength(Crisp.fastRetry.maxAttempts)
      }))
  })

  describe("CrispHttp retries: server errors and network failures", () => {
    it.scopedLive("a POST answered 503 is sent exactly once", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(unavailable, Loopback.envelope({})))
        const error = yield* sendMessage(message).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect(error).toMatchObject({ _tag: "CrispApiError", status: 503 })
        yield* Effect.sleep("50 millis") // a late retry would show up here
        expect(yield* server.requests).toHaveLength(1)
      }))

    it.scopedLive("a GET answered 503 is retried up to maxAttempts, then fails with the 503", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(unavailable))
        const error = yield* getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { retry: { ...Crisp.fastRetry, maxAttempts: 4 } })),
          Effect.flip
        )
        expect(error).toMatchObject({ _tag: "CrispApiError", status: 503 })
        yield* Effect.sleep("50 millis")
        const requests = yield* server.requests
        expect(requests).toHaveLength(4)
        expect(requests.every((r) => r.method === "GET" && r.url === "/v1/website/w1/conversation/s1")).toBe(true)
      }))

    it.scopedLive("a GET answered 503 then 200 succeeds", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(unavailable, Loopback.failure(502, "bad_gateway"), ok))
        const result = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server)))
        expect(result).toEqual({ session_id: "s1" })
        expect(yield* server.requests).toHaveLength(3)
      }))

    for (const [method, expected] of [["HEAD", 3], ["PUT", 3], ["DELETE", 3], ["PATCH", 1], ["POST", 1]] as const) {
      it.scopedLive(`a ${method} answered 503 is sent ${expected} time(s)`, () =>
        Effect.gen(function*() {
          const server = yield* Loopback.make(Loopback.always(unavailable))
          yield* Effect.flip(call(method).pipe(Effect.provide(Crisp.layer(server))))
          yield* Effect.sleep("30 millis")
          const requests = yield* server.requests
          expect(requests).toHaveLength(expected)
          expect(requests.every((r) => r.method === method)).toBe(true)
        }))
    }

    it.scopedLive("4xx other than 420/429 are never retried", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(
          Loopback.failure(400, "invalid_data"),
          Loopback.failure(404, "not_found"),
          Loopback.failure(409, "conflict"),
          ok
        ))
        const run = getConversation(ids).pipe(Effect.provide(Crisp.layer(server)), Effect.flip)
        expect((yield* run)._tag).toBe("CrispApiError")
        expect((yield* run)._tag).toBe("CrispNotFound")
        expect((yield* run)._tag).toBe("CrispApiError")
        expect(yield* server.requests).toHaveLength(3)
      }))

    it.scopedLive("a connection reset is retried for a GET and not for a POST", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ destroy: "before-headers" }))
        const layer = Crisp.layer(server)
        const getError = yield* getConversation(ids).pipe(Effect.provide(layer), Effect.flip)
        expect(getError).toMatchObject({ _tag: "CrispTransportError", kind: "network" })
        expect((yield* server.requests).length).toBe(Crisp.fastRetry.maxAttempts)
        yield* server.clear
        const postError = yield* sendMessage(message).pipe(Effect.provide(layer), Effect.flip)
        expect(postError).toMatchObject({ _tag: "CrispTransportError", kind: "network" })
        yield* Effect.sleep("30 millis")
        expect((yield* server.requests).length).toBe(1)
      }))

    it.scopedLive("a reset GET that then succeeds returns the data", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence({ destroy: "before-headers" }, ok))
        expect(yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server)))).toEqual({ session_id: "s1" })
        expect(yield* server.requests).toHaveLength(2)
      }))

    it.scopedLive("timeouts are per attempt: a GET times out maxAttempts times", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ ...ok, delayMs: 1_000 }))
        const started = performance.now()
        const error = yield* getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { timeout: "60 millis" })),
          Effect.flip
        )
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "timeout" })
        expect(yield* server.requests).toHaveLength(Crisp.fastRetry.maxAttempts)
        expect(performance.now() - started).toBeLessThan(900)
      }))

    it.scopedLive("without Retry-After the waits grow exponentially (±20% jitter), capped by maxDelay", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(unavailable))
        yield* Effect.flip(getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { retry: { maxAttempts: 5, baseDelay: "40 millis", maxDelay: "100 millis" } }))
        ))
        const at = (yield* server.requests).map((r) => r.at)
        expect(at).toHaveLength(5)
        const gaps = at.slice(1).map((t, i) => t - at[i]!)
        // Expected waits: 40, 80, 160→100 (cap), 320→100 (cap), each ±20% before the cap, plus latency.
        expect(gaps[0]).toBeGreaterThanOrEqual(29)
        expect(gaps[0]).toBeLessThan(75)
        expect(gaps[1]).toBeGreaterThanOrEqual(60)
        expect(gaps[1]).toBeLessThan(130)
      // Uncapped, the last wait would be at least 256 ms: below that, the cap held
      // (the margin above 120 ms absorbs a loaded machine's scheduling delays).
      for (const capped of [gaps[2]!, gaps[3]!]) expect(capped).toBeGreaterThanOrEqual(92)
      expect(gaps[3]).toBeLessThan(250)
      }))

    it.scopedLive("retries stop once maxElapsed has passed", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ ...unavailable, delayMs: 40 }))
        const error = yield* getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { retry: { ...Crisp.fastRetry, maxAttempts: 50, maxElapsed: "100 millis" } })),
          Effect.flip
        )
        expect(error).toMatchObject({ _tag: "CrispApiError", status: 503 })
        const count = (yield* server.requests).length
        expect(count).toBeGreaterThanOrEqual(2)
        expect(count).toBeLessThanOrEqual(5)
      }))
  })

  describe("CrispHttp retry configuration", () => {
    it.scopedLive("retry: false on the layer sends a GET answered 503 once", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(unavailable))
        yield* Effect.flip(getConversation(ids).pipe(Effect.provide(Crisp.layer(server, { retry: false }))))
        yield* Effect.sleep("30 millis")
        expect(yield* server.requests).toHaveLength(1)
      }))

    it.scopedLive("retry: false on the layer also stops 429 retries", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence(Loopback.failure(429, "rate_limited", { "retry-after": "0" }), ok))
        const error = yield* Effect.flip(getConversation(ids).pipe(Effect.provide(Crisp.layer(server, { retry: false }))))
        expect(error._tag).toBe("CrispRateLimited")
        expect(yield* server.requests).toHaveLength(1)
      }))

    it.scopedLive("withRequestOptions({ retry: false }) turns retries off for one call only", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(unavailable))
        const layer = Crisp.layer(server)
        yield* Effect.flip(getConversation(ids).pipe(CrispHttp.withRequestOptions({ retry: false }), Effect.provide(layer)))
        expect(yield* server.requests).toHaveLength(1)
        yield* server.clear
        yield* Effect.flip(getConversation(ids).pipe(Effect.provide(layer)))
        expect(yield* server.requests).toHaveLength(Crisp.fastRetry.maxAttempts)
      }))

    it.scopedLive("withRequestOptions can raise maxAttempts for one call", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(unavailable))
        yield* Effect.flip(getConversation(ids).pipe(
          CrispHttp.withRequestOptions({ retry: { ...Crisp.fastRetry, maxAttempts: 5 } }),
          Effect.provide(Crisp.layer(server, { retry: false }))
        ))
        expect(yield* server.requests).toHaveLength(5)
      }))

    it.scopedLive("nested withRequestOptions: the inner one wins, the outer fills the rest", () =>
      Effect.gen(function*() {
        const other = yield* Loopback.make(Loopback.always(unavailable))
        const server = yield* Loopback.make(Loopback.always(ok))
        yield* Effect.flip(getConversation(ids).pipe(
          CrispHttp.withRequestOptions({ retry: { ...Crisp.fastRetry, maxAttempts: 2 } }),
          CrispHttp.withRequestOptions({ restUrl: Crisp.restUrl(other), retry: false }),
          Effect.provide(Crisp.layer(server))
        ))
        expect(yield* other.requests).toHaveLength(2)
        expect(yield* server.requests).toHaveLength(0)
      }))

    it.scopedLive("withRequestOptions({ timeout }) overrides the layer's timeout for one call", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ ...ok, delayMs: 300 }))
        const layer = Crisp.layer(server, { retry: false, timeout: "2 seconds" })
        const error = yield* Effect.flip(
          getConversation(ids).pipe(CrispHttp.withRequestOptions({ timeout: "50 millis" }), Effect.provide(layer))
        )
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "timeout" })
        expect(yield* getConversation(ids).pipe(Effect.provide(layer))).toEqual({ session_id: "s1" })
      }))

    it.scopedLive("withRequestOptions({ restUrl }) sends one call elsewhere", () =>
      Effect.gen(function*() {
        const main = yield* Loopback.make(Loopback.always(ok))
        const other = yield* Loopback.make(Loopback.always(Loopback.envelope({ session_id: "other" })))
        const layer = Crisp.layer(main)
        const elsewhere = yield* getConversation(ids).pipe(
          CrispHttp.withRequestOptions({ restUrl: `${other.origin}/v2` }),
          Effect.provide(layer)
        )
        expect(elsewhere).toEqual({ session_id: "other" })
        expect((yield* other.requests)[0]?.url).toBe("/v2/website/w1/conversation/s1")
        expect(yield* main.requests).toHaveLength(0)
      }))
  })
})
