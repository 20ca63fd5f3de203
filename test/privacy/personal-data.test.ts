/**
 * No customer data in errors, logs or spans. Every kind of bad input the library meets
 * — REST answers of the wrong shape, bodies that are not envelopes, event payloads of
 * the wrong type, Web Hook bodies — carries personal data here (an email, a name, a
 * message text), and none of it may appear in any rendering of the error
 * (`String`, `message`, `JSON.stringify`, `util.inspect`, `Cause.pretty`, the stack), in
 * a log line, or in a span. Errors say where and what kind: path, expected, found.
 */
import { describe, expect, it } from "@effect/vitest"
import { Cause, Context, Effect, Exit, Layer, Queue, Redacted, Schema } from "effect"
import { inspect } from "node:util"
import * as CrispHttp from "../../src/CrispHttp.js"
import * as CrispEvent from "../../src/realtime/CrispEvent.js"
import { makeHub } from "../../src/internal/realtime/EventHub.js"
import { CrispWebhooks } from "../../src/webhooks.js"
import * as Crisp from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { captureLogs, logFailure, recordingTracer, renderSpans } from "../support/observe.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { envelope, messageSend, probeSigned, SECRET, signedHeaders, subscribe } from "../webhooks/support.js"

const EMAIL = "jane.doe@example.com"
const NAME = "Jane Quincy Customer"
const TEXT = "my card number is 4242 4242 4242 4242"
const PERSONAL = [EMAIL, "jane.doe", NAME, "Quincy", TEXT, "4242"]

/** Every rendering of an error a user, a log pipeline or an error tracker might produce. */
const renderings = (error: unknown): Record<string, string> => ({
  string: String(error),
  message: error instanceof Error ? error.message : "",
  json: JSON.stringify(error) ?? "",
  inspect: inspect(error, { depth: 10, showHidden: true }),
  pretty: Cause.pretty(Cause.fail(error)),
  stack: error instanceof Error ? error.stack ?? "" : ""
})

const expectClean = (label: string, text: string) => {
  for (const value of PERSONAL) expect(text.includes(value), `${label} contains "${value}":\n${text.slice(0, 2_000)}`).toBe(false)
}

const expectCleanError = (label: string, error: unknown) => {
  for (const [how, text] of Object.entries(renderings(error))) expectClean(`${label} (${how})`, text)
}

/** Calls `call` against a server answering `reply`, with logs and spans recorded; answers the error. */
const failing = <A, E>(reply: Loopback.Reply, call: Effect.Effect<A, E, CrispHttp.CrispHttp>, options: Partial<CrispHttp.Options> = {}) =>
  Effect.gen(function*() {
    const server = yield* Loopback.make(Loopback.always(reply))
    const logs = captureLogs()
    const recorder = recordingTracer()
    const exit = yield* call.pipe(
      logFailure,
      Effect.withSpan("app"),
      Effect.provide(Crisp.layer(server, { retry: false, ...options })),
      Effect.provide(logs.layer),
      Effect.withTracer(recorder.tracer),
      Effect.exit
    )
    if (Exit.isSuccess(exit)) return yield* Effect.dieMessage("expected a failure")
    const failure = Cause.failureOption(exit.cause)
    if (failure._tag === "None") return yield* Effect.dieMessage(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
    // The checks below look at real output: the failure was logged and recorded.
    expect(logs.lines.some((line) => line.includes("call failed"))).toBe(true)
    expect(recorder.spans.length).toBeGreaterThan(0)
    return { error: failure.value, logs: logs.lines.join("\n"), spans: renderSpans(recorder.spans) }
  })

const decoded = <A, I>(schema: Schema.Schema<A, I>) =>
  CrispHttp.request({ method: "GET", path: "website/{website_id}/thing", params: { website_id: "w1" }, response: schema })

const Person = Schema.Struct({
  email: Schema.String,
  age: Schema.optional(Schema.Number),
  verified: Schema.optional(Schema.Boolean),
  segments: Schema.optional(Schema.Array(Schema.String)),
  data: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Number }))
})

describe("REST answers of the wrong shape", () => {
  const cases: ReadonlyArray<{ readonly label: string; readonly data: unknown; readonly issue: string }> = [
    { label: "an email where a number is expected", data: { email: "x", age: EMAIL }, issue: "at age: expected number, got string (20 chars)" },
    { label: "a name where a boolean is expected", data: { email: "x", verified: NAME }, issue: "at verified: expected boolean, got string (20 chars)" },
    { label: "an object holding an email where a string is expected", data: { email: { address: EMAIL } }, issue: "at email: expected string, got object" },
    { label: "a message text in an array of strings, at a number", data: { email: "x", segments: [TEXT, 7] }, issue: "at segments.1: expected string, got number" },
    {
      label: "an email as a string where an array is expected",
      data: { email: "x", segments: EMAIL },
      issue: "at segments: expected ReadonlyArray<string>, got string (20 chars)"
    },
    { label: "an email as a record key", data: { email: "x", data: { [EMAIL]: TEXT } }, issue: "at data.*: expected number, got string (37 chars)" },
    { label: "an email where the whole answer should be an object", data: EMAIL, issue: "expected object, got string (20 chars)" }
  ]
  for (const c of cases) {
    it.scopedLive(`${c.label}: CrispDecodeError names the place and the kind, not the value`, () =>
      Effect.gen(function*() {
        const { error, logs, spans } = yield* failing(Loopback.envelope(c.data), decoded(Person))
        expect(error).toMatchObject({ _tag: "CrispDecodeError", issue: c.issue })
        expectCleanError(c.label, error)
        expectClean("logs", logs)
        expectClean("spans", spans)
      }))
  }

  it.scopedLive("a 50 MB string of the wrong type gives an error of a few dozen characters", () =>
    Effect.gen(function*() {
      const big = "x".repeat(50 * 1024 * 1024)
      const { error } = yield* failing(
        Loopback.envelope({ email: "x", age: big }),
        decoded(Person),
        { timeout: "30 seconds" }
      )
      expect(error).toMatchObject({ _tag: "CrispDecodeError", issue: "at age: expected number, got string (52428800 chars)" })
      expect(JSON.stringify(error).length).toBeLessThan(300)
      expect(inspect(error, { showHidden: true }).length).toBeLessThan(3_000)
    }), { timeout: 60_000 })
})

describe("REST bodies that are not what they should be", () => {
  const cases: ReadonlyArray<{ readonly label: string; readonly reply: Loopback.Reply; readonly tag: string }> = [
    { label: "JSON that is not an envelope", reply: { status: 200, body: JSON.stringify([EMAIL, NAME]) }, tag: "CrispDecodeError" },
    { label: "a JSON string body", reply: { status: 200, body: JSON.stringify(TEXT) }, tag: "CrispDecodeError" },
    { label: "JSON cut short", reply: { status: 200, body: `{"error":false,"data":{"email":"${EMAIL}","nickname":"${NAME}` }, tag: "CrispDecodeError" },
    { label: "an error whose reason is not a code", reply: { status: 400, body: { error: true, reason: `no such user ${EMAIL}`, data: {} } }, tag: "CrispApiError" },
    {
      label: "an error envelope with customer data in data",
      reply: { status: 404, body: { error: true, reason: "not_found", data: { email: EMAIL, nickname: NAME } } },
      tag: "CrispNotFound"
    },
    { label: "a 2xx error envelope with data", reply: { status: 200, body: { error: true, reason: "invalid_data", data: { email: EMAIL, message: TEXT } } }, tag: "CrispApiError" },
    { label: "a 500 whose JSON is not an envelope", reply: { status: 500, body: JSON.stringify({ detail: TEXT, user: NAME }).slice(1) }, tag: "CrispApiError" },
    { label: "a 502 whose body is JSON cut short", reply: { status: 502, body: `{"user":"${NAME}","email":"${EMAIL}` }, tag: "CrispApiError" }
  ]
  for (const c of cases) {
    it.scopedLive(`${c.label}: ${c.tag} without the body`, () =>
      Effect.gen(function*() {
        const { error, logs, spans } = yield* failing(c.reply, decoded(Person))
        expect(error).toMatchObject({ _tag: c.tag })
        expectCleanError(c.label, error)
        expectClean("logs", logs)
        expectClean("spans", spans)
      }))
  }

  it.scopedLive("an HTML page (not JSON at all) is the one body excerpted, cut at 200 characters", () =>
    Effect.gen(function*() {
      const page = `<html><body><h1>502 Bad Gateway</h1>${"<p>nginx</p>".repeat(100)}</body></html>`
      const { error } = yield* failing({ status: 502, body: page }, decoded(Person))
      const excerpt = (error as { excerpt?: string }).excerpt ?? ""
      expect(excerpt.startsWith("<html><body><h1>502 Bad Gateway</h1>")).toBe(true)
      expect(excerpt.length).toBeLessThanOrEqual(201)
    }))

  it.scopedLive("retries of a 503 whose body holds customer data log nothing of it", () =>
    Effect.gen(function*() {
      const { error, logs } = yield* failing(
        { status: 503, body: { error: true, reason: "unavailable", data: { email: EMAIL } } },
        decoded(Person),
        { retry: Crisp.fastRetry }
      )
      expect(error).toMatchObject({ _tag: "CrispApiError", status: 503 })
      expect(logs).toContain("retrying")
      expectClean("logs", logs)
    }))
})

describe("arguments refused before sending", () => {
  it.scopedLive("a body of the wrong shape holding customer data: CrispInvalidRequest without it", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make()
      const logs = captureLogs()
      const error = yield* Crisp.sendMessage({ ...Crisp.ids, body: { type: "text", content: { email: EMAIL, text: TEXT } as never } }).pipe(
        logFailure,
        Effect.provide(Crisp.layer(server)),
        Effect.provide(logs.layer),
        Effect.flip
      )
      expect(error).toMatchObject({ _tag: "CrispInvalidRequest", issue: "body at content: expected string, got object" })
      expectCleanError("invalid request", error)
      expectClean("logs", logs.lines.join("\n"))
      expect(yield* server.requests).toEqual([])
    }))
})

describe("event payloads of the wrong type", () => {
  it.scoped("Malformed events and the hub's warning name the field and the kind only", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const hub = yield* makeHub()
      const payloads: ReadonlyArray<readonly [CrispEvent.EventName, unknown]> = [
        ["session:set_email", { website_id: "w", session_id: "s", email: { value: EMAIL } }],
        ["session:set_nickname", { website_id: "w", session_id: "s", nickname: [NAME] }],
        ["message:send", { website_id: "w", session_id: "s", type: "text", from: "user", origin: "chat", content: 4242, fingerprint: TEXT, timestamp: 1, user: {} }],
        ["people:profile:created", EMAIL]
      ]
      for (const [name, data] of payloads) {
        const event = CrispEvent.decode(name, data)
        expect(event._tag).toBe("Malformed")
        if (event._tag === "Malformed") expectClean(`issue of ${name}`, event.issue)
        yield* hub.publish(event)
      }
      const warnings = logs.lines.filter((line) => line.includes("malformed"))
      expect(warnings).toHaveLength(payloads.length)
      expectClean("logs", logs.lines.join("\n"))
    }).pipe(Effect.provide(logs.layer))
  })
})

describe("Web Hook bodies", () => {
  it.scopedLive("every refusal and a malformed event: the Outcome's error, the logs and the spans hold no body", () => {
    const logs = captureLogs()
    const recorder = recordingTracer()
    return Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({ secret: Redacted.make(SECRET), maxBodyBytes: 4096 }))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      const events = yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
      const bodies = [
        `not json, from ${EMAIL}`,
        JSON.stringify([EMAIL, NAME]),
        JSON.stringify({ event: { name: EMAIL }, data: {} }),
        JSON.stringify({ event: "message:send", data: TEXT }),
        JSON.stringify({ event: "message:send", data: { content: TEXT }, padding: NAME.repeat(300) }),
        envelope("message:send", { ...messageSend(TEXT), fingerprint: EMAIL })
      ]
      const outcomes = []
      for (const body of bodies) {
        outcomes.push(yield* hooks.receive({ body, headers: signedHeaders(body), method: "POST" }))
      }
      const forged = envelope("message:send", messageSend(TEXT))
      outcomes.push(yield* hooks.receive({ body: forged, headers: signedHeaders(forged, { secret: "wrong" }), method: "POST" }))
      expect(outcomes.map((o) => o._tag === "Rejected" ? `${o.status} ${o.error.reason}` : o._tag)).toEqual([
        "400 NotJson",
        "400 NotObject",
        "400 EventNotString",
        "400 DataNotObject",
        "413 TooLarge",
        "Delivered", // as a Malformed event, with a warning
        "401 Mismatch"
      ])
      const malformed = yield* Queue.take(events)
      expect(malformed._tag).toBe("Malformed")
      if (malformed._tag === "Malformed") expectClean("issue", malformed.issue)
      for (const outcome of outcomes) if (outcome._tag === "Rejected") expectCleanError(outcome.error.reason, outcome.error)
      // Six refusals and the malformed payload, each a warning (besides the 503s of the
      // probes sent while the subscription started); none holds a body.
      const warnings = logs.lines.filter((line) => line.includes("level=WARN") && !line.includes("no subscriber is listening"))
      expect(warnings).toHaveLength(7)
      expectClean("logs", logs.lines.join("\n"))
      expectClean("spans", renderSpans(recorder.spans))
      expect(recorder.spans.filter((span) => span.name === "CrispWebhooks.receive").length).toBeGreaterThanOrEqual(7)
    }).pipe(Effect.provide(logs.layer), Effect.withTracer(recorder.tracer))
  })
})
