import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const { getConversation, ids, sendMessage } = Support

const noRetry = { retry: false } as const

// Expected class per status, from the issue and DESIGN §4.
const table: ReadonlyArray<readonly [number, string, string]> = [
  [400, "CrispApiError", "invalid_data"],
  [401, "CrispUnauthorized", "invalid_session"],
  [402, "CrispApiError", "payment_required"],
  [403, "CrispUnauthorized", "not_allowed"],
  [404, "CrispNotFound", "conversation_not_found"],
  [409, "CrispApiError", "conflict"],
  [420, "CrispRateLimited", "rate_limited"],
  [422, "CrispApiError", "unprocessable"],
  [429, "CrispRateLimited", "quota_limited"],
  [500, "CrispApiError", "internal_error"],
  [502, "CrispApiError", "bad_gateway"],
  [503, "CrispApiError", "unavailable"]
]

Support.eachTransport((Crisp) => {
  describe("CrispHttp error classes", () => {
    for (const [status, tag, reason] of table) {
      it.scopedLive(`${status} with a Crisp envelope is ${tag} carrying status, reason, method and path`, () =>
        Effect.gen(function*() {
          const server = yield* Loopback.make(Loopback.always(Loopback.failure(status, reason)))
          const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
          expect(error._tag).toBe(tag)
          expect(error).toBeInstanceOf(Error)
          expect(error).toMatchObject({ status, reason, method: "GET", path: "website/w1/conversation/s1" })
          expect(error.message).toContain(String(status))
          expect(error.message).toContain(reason)
          expect(error.message).toContain("GET /website/w1/conversation/s1")
        }))
    }

    it.scopedLive("a status without a body still gives the right class and a synthetic reason", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.sequence({ status: 404 }, { status: 503 }, { status: 401 }))
        const run = getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(yield* run).toMatchObject({ _tag: "CrispNotFound", status: 404, reason: "not_found" })
        expect(yield* run).toMatchObject({ _tag: "CrispApiError", status: 503, reason: "server_error" })
        expect(yield* run).toMatchObject({ _tag: "CrispUnauthorized", status: 401, reason: "unauthorized" })
      }))

    it.scopedLive("a 429's Retry-After is carried as retryAfterMillis", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.failure(429, "rate_limited", { "retry-after": "7" })))
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error).toMatchObject({ _tag: "CrispRateLimited", status: 429, retryAfterMillis: 7000 })
        expect(error.message).toContain("7000 ms")
      }))

    it.scopedLive("an HTML 502 page is a CrispApiError with the status and a short excerpt", () =>
      Effect.gen(function*() {
        const page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n" +
          "<hr><center>nginx</center>\n" + "<!-- padding -->\n".repeat(40) + "</body>\n</html>\n"
        const server = yield* Loopback.make(
          Loopback.always({ status: 502, headers: { "content-type": "text/html" }, body: page })
        )
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error._tag).toBe("CrispApiError")
        if (error._tag !== "CrispApiError") return
        expect(error.status).toBe(502)
        expect(error.excerpt?.startsWith("<html> <head><title>502 Bad Gateway</title></head>")).toBe(true)
        // Short: the page is ~780 characters; the excerpt is capped well below that.
        expect(page.length).toBeGreaterThan(700)
        expect(error.excerpt?.length).toBeLessThanOrEqual(201)
        expect(error.message).toContain("502 Bad Gateway")
      }))

    it.scopedLive("an HTML 200 page is a CrispDecodeError with an excerpt", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(
          Loopback.always({ status: 200, headers: { "content-type": "text/html" }, body: "<html><body>Maintenance</body></html>" })
        )
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error._tag).toBe("CrispDecodeError")
        if (error._tag !== "CrispDecodeError") return
        expect(error.status).toBe(200)
        expect(error.issue).toContain("not JSON")
        expect(error.excerpt).toBe("<html><body>Maintenance</body></html>")
        expect(error.message).toContain("Maintenance")
      }))

  it.scopedLive("truncated JSON in a 200 is a CrispDecodeError with its length, and no excerpt (it is customer data)", () =>
      Effect.gen(function*() {
      const body = `{"error":false,"reason":"resolved","data":{"session_id":"s","email":"jane.doe@example.com`
      const server = yield* Loopback.make(Loopback.always({ status: 200, body }))
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error._tag).toBe("CrispDecodeError")
        if (error._tag !== "CrispDecodeError") return
      expect(error.excerpt).toBeUndefined()
      expect(error.issue).toBe(`the body is not valid JSON (${body.length} chars, cut short?)`)
      expect(JSON.stringify(error) + error.message).not.toContain("jane.doe")
      }))

  it.scopedLive("truncated JSON in a 500 is a CrispApiError with the status and no excerpt", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ status: 500, body: `{"error":true,"reas` }))
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
      expect(error).toMatchObject({ _tag: "CrispApiError", status: 500, reason: "server_error" })
      expect(error._tag === "CrispApiError" && error.excerpt).toBeUndefined()
    }))

  it.scopedLive("a reason that is not a code (a long or odd string) is not copied into the error", () =>
    Effect.gen(function*() {
      const reason = "Customer jane.doe@example.com is blocked"
      const server = yield* Loopback.make(Loopback.always({ status: 400, body: { error: true, reason, data: {} } }))
      const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
      expect(error).toMatchObject({ _tag: "CrispApiError", status: 400, reason: "http_error" })
      expect(error.message).not.toContain("jane.doe")
      }))

    it.scopedLive("a connection reset (socket destroyed before answering) is a network CrispTransportError", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ destroy: "before-headers" }))
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error).toMatchObject({
          _tag: "CrispTransportError",
          kind: "network",
          method: "GET",
          path: "website/w1/conversation/s1"
        })
        expect(error.message).toContain("network")
        expect(yield* server.requests).toHaveLength(1)
      }))

    it.scopedLive("a connection dropped in the middle of the body is a network CrispTransportError", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(
          Loopback.always({ ...Loopback.envelope({ session_id: "x".repeat(10_000) }), destroy: "after-headers" })
        )
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "network" })
      }))

    it.scopedLive("connection refused is a network CrispTransportError", () =>
      Effect.gen(function*() {
        const port = yield* Loopback.closedPort
        const server = { origin: `http://127.0.0.1:${port}` }
        const error = yield* getConversation(ids).pipe(Effect.provide(Crisp.layer(server, noRetry)), Effect.flip)
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "network" })
        expect(error.message).toContain("ECONNREFUSED")
      }))

    it.scopedLive("no answer within the timeout is a timeout CrispTransportError, after ~timeout", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always({ ...Loopback.envelope({ session_id: "s1" }), delayMs: 2_000 }))
        const started = performance.now()
        const error = yield* getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { retry: false, timeout: "100 millis" })),
          Effect.flip
        )
        const elapsed = performance.now() - started
        expect(error).toMatchObject({ _tag: "CrispTransportError", kind: "timeout", method: "GET" })
        expect(error.message).toContain("100")
        expect(elapsed).toBeGreaterThanOrEqual(95)
        expect(elapsed).toBeLessThan(1_000)
      }))

    it.scopedLive("the errors of a POST carry its method and path", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.failure(422, "invalid_data")))
        const error = yield* sendMessage({ ...ids, body: { type: "text", content: "hi" } }).pipe(
          Effect.provide(Crisp.layer(server)),
          Effect.flip
        )
        expect(error).toMatchObject({
          _tag: "CrispApiError",
          status: 422,
          method: "POST",
          path: "website/w1/conversation/s1/message"
        })
      }))
  })
})
