import { Headers } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Cause, type Duration, Effect, Exit, Redacted } from "effect"
import { inspect } from "node:util"
import * as CrispHttp from "../../src/CrispHttp.js"
import type { CrispError } from "../../src/CrispError.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { captureLogs, logFailure, recordingTracer, renderSpans } from "../support/observe.js"

const { getConversation, ids, sendMessage } = Support


// What must never show up: the key, and the Authorization value that carries it.
const AUTH_VALUE = Buffer.from(`${Support.IDENTIFIER}:${Support.KEY}`).toString("base64")
const forbidden = [Support.KEY, AUTH_VALUE, AUTH_VALUE.slice(0, 24)]

const expectClean = (label: string, text: string) => {
  for (const secret of forbidden) expect(text.includes(secret), `${label} contains a secret:\n${text}`).toBe(false)
}

/** Every rendering of an error a user or a log pipeline might produce. */
const renderings = (error: CrispError): Record<string, string> => ({
  message: error.message,
  string: String(error),
  inspect: inspect(error, { depth: 10, showHidden: true }),
  json: JSON.stringify(error),
  stack: error.stack ?? "",
  pretty: Cause.pretty(Cause.fail(error))
})

const cases: ReadonlyArray<{
  readonly label: string
  readonly reply: Loopback.Reply
  readonly tag: CrispError["_tag"]
  readonly timeout?: Duration.DurationInput
}> = [
  { label: "401", reply: Loopback.failure(401, "invalid_session"), tag: "CrispUnauthorized" },
  { label: "404", reply: Loopback.failure(404, "not_found"), tag: "CrispNotFound" },
  { label: "429 retried", reply: Loopback.failure(429, "rate_limited", { "retry-after": "0.005" }), tag: "CrispRateLimited" },
  { label: "503 retried", reply: Loopback.failure(503, "unavailable"), tag: "CrispApiError" },
  { label: "HTML 502", reply: { status: 502, body: "<html><body>Bad Gateway</body></html>" }, tag: "CrispApiError" },
  { label: "truncated JSON", reply: { status: 200, body: `{"error":false,"da` }, tag: "CrispDecodeError" },
  { label: "wrong field type", reply: Loopback.envelope({ session_id: 5 }), tag: "CrispDecodeError" },
  { label: "connection reset", reply: { destroy: "before-headers" }, tag: "CrispTransportError" },
  { label: "timeout", reply: { ...Loopback.envelope({}), delayMs: 1_000 }, tag: "CrispTransportError", timeout: "50 millis" }
]

Support.eachTransport((Crisp) => {
  describe("the key never leaks", () => {
    for (const c of cases) {
      it.scopedLive(`${c.label}: not in the error, the spans, or the debug logs`, () =>
        Effect.gen(function*() {
          const server = yield* Loopback.make(Loopback.always(c.reply))
          const recorder = recordingTracer()
          const logs = captureLogs()
          const exit = yield* getConversation(ids).pipe(
            logFailure,
            Effect.withSpan("app"),
            // platformSpans: the worst case, where request headers are recorded in a span too
            Effect.provide(Crisp.layer(server, { platformSpans: true, ...(c.timeout === undefined ? {} : { timeout: c.timeout }) })),
            Effect.provide(logs.layer),
            Effect.withTracer(recorder.tracer),
            Effect.exit
          )
          expect(Exit.isFailure(exit)).toBe(true)
          if (Exit.isSuccess(exit)) return
          const error = Cause.failureOption(exit.cause)
          expect(error._tag).toBe("Some")
          if (error._tag !== "Some") return
          expect(error.value._tag).toBe(c.tag)

          for (const [label, text] of Object.entries(renderings(error.value))) expectClean(label, text)
          expectClean("spans", renderSpans(recorder.spans))
          expectClean("logs", logs.lines.join("\n"))

          // The checks above looked at real output: the request did carry the key,
          // the spans did record request headers, and the failure was logged.
          const [request] = yield* server.requests
          expect(request?.headers["authorization"]).toBe(`Basic ${AUTH_VALUE}`)
          const httpSpan = recorder.spans.find((s) => s.attributes.has("http.request.header.x-crisp-tier"))
          expect(httpSpan).toBeDefined()
          expect(logs.lines.some((line) => line.includes("call failed"))).toBe(true)
          if (c.label.endsWith("retried")) {
            expect(logs.lines.filter((line) => line.includes("retrying")).length).toBe(Crisp.fastRetry.maxAttempts - 1)
          }
        }))
    }

    it.scopedLive("a body echoing nothing of ours: POST errors and invalid input are clean too", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.failure(500, "internal_error")))
        const logs = captureLogs()
        const apiError = yield* sendMessage({ ...ids, body: { type: "text", content: "hi" } }).pipe(
          logFailure,
          Effect.provide(Crisp.layer(server)),
          Effect.provide(logs.layer),
          Effect.flip
        )
        const invalid = yield* getConversation({ path: { website_id: "w1", session_id: ".." } }).pipe(
          logFailure,
          Effect.provide(Crisp.layer(server)),
          Effect.provide(logs.layer),
          Effect.flip
        )
        expect(invalid._tag).toBe("CrispInvalidRequest")
        for (const error of [apiError, invalid]) {
          for (const [label, text] of Object.entries(renderings(error))) expectClean(label, text)
        }
        expectClean("logs", logs.lines.join("\n"))
        expect(logs.lines.length).toBeGreaterThanOrEqual(2)
      }))

    it.scopedLive("spans never carry the Authorization value, even when the app un-redacts header names", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ session_id: "s1" })))
        const recorder = recordingTracer()
        yield* getConversation(ids).pipe(
          Effect.provide(Crisp.layer(server, { platformSpans: true })),
          Effect.locally(Headers.currentRedactedNames, ["x-my-own-secret"]),
          Effect.withTracer(recorder.tracer)
        )
        const text = renderSpans(recorder.spans)
        expect(text).toContain("http.request.header.x-crisp-tier=plugin")
        expectClean("spans", text)
      }))

    it.scopedLive("by default only our span is recorded: route template, no filled URL, no headers", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ session_id: "s1" })))
        const recorder = recordingTracer()
        yield* getConversation({ path: { website_id: "w1", session_id: "jane@example.com" } }).pipe(
          Effect.provide(Crisp.layer(server)),
          Effect.withTracer(recorder.tracer)
        )
        const text = renderSpans(recorder.spans)
        expect(recorder.spans.map((span) => span.name)).toEqual(["Test.getConversation"])
        expect(text).toContain("crisp.route=website/{website_id}/conversation/{session_id}")
        expect(text).not.toContain("jane")
        expect(text).not.toContain("http.request.header")
        expectClean("spans", text)
      }))

    it.scopedLive("the service itself prints the key as redacted", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make()
        const service = yield* Effect.provide(CrispHttp.CrispHttp, Crisp.layer(server))
        expect(Redacted.value(service.key)).toBe(Crisp.KEY)
        expectClean("inspect(service)", inspect(service, { depth: 10 }))
        expectClean("JSON.stringify(service)", JSON.stringify(service))
        expectClean("String(service.key)", String(service.key))
      }))
  })
})
