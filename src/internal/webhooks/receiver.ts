/** The receiver behind `CrispWebhooks.layer`: one `receive` shared by the HTTP adapters. */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Cause, Clock, Data, Deferred, Duration, Effect, FiberRef, Redacted, Runtime, type Scope, Stream } from "effect"
import { type CrispEvent, decode, type Delivery } from "../../realtime/CrispEvent.js"
import type { EventHub } from "../realtime/EventHub.js"
import * as DeliveryHeaders from "../../webhooks/DeliveryHeaders.js"
import { CrispWebhookRequestError, CrispWebhookSignatureError } from "../../webhooks/WebhookError.js"
import { collect, declaredTooLarge, TooLarge } from "./body.js"
import { bytesToHex, utf8Decoder, utf8Encoder } from "./bytes.js"
import { sha256 } from "./hmac.js"
import * as Memo from "./memo.js"
import { timestampMillis, toleranceMillis, verifyWith } from "./verify.js"
import { withSpanIfTraced } from "../http/span.js"

/** What became of one delivery. */
export type Outcome = Data.TaggedEnum<{
  /** Verified, decoded and taken by the subscribers: answered 200. */
  Delivered: { readonly status: 200; readonly event: CrispEvent }
  /** Verified, but already delivered within the window: answered 200, not enqueued again. */
  Duplicate: { readonly status: 200 }
  /** Refused: answered with `status`. */
  Rejected: {
    readonly status: number
    readonly error: CrispWebhookSignatureError | CrispWebhookRequestError
  }
}>

export const Outcome = Data.taggedEnum<Outcome>()

/** What `receive` needs of a request. */
export interface ReceiveInput {
  /** The raw body, as text or bytes. */
  readonly body: string | Uint8Array
  readonly headers: DeliveryHeaders.HeadersInput
  /** The request URL (absolute, or a path with its query): needed for website hooks' `?key=`. */
  readonly url?: string | URL | undefined
  /** The HTTP method, when known: anything but POST is refused with 405. */
  readonly method?: string | undefined
}

export interface ReceiverOptions {
  readonly secret?: Redacted.Redacted<string> | undefined
  readonly websiteKey?: Redacted.Redacted<string> | undefined
  readonly tolerance?: Duration.DurationInput | false | undefined
  readonly maxBodyBytes?: number | undefined
  readonly enqueueTimeout?: Duration.DurationInput | undefined
  readonly duplicates?: number | false | undefined
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
export const DEFAULT_ENQUEUE_TIMEOUT: Duration.Duration = Duration.seconds(5)
export const DEFAULT_DUPLICATES = 10_000

const requestError = (reason: CrispWebhookRequestError["reason"], status: number, detail: string) =>
  new CrispWebhookRequestError({ reason, status, detail })

const rejected = (error: CrispWebhookSignatureError | CrispWebhookRequestError) =>
  Outcome.Rejected({ status: error._tag === "CrispWebhookSignatureError" ? 401 : error.status, error })

/** Fixed work for a given expected key: the time does not depend on where the keys differ. */
const keyMatches = (provided: string, expected: Uint8Array): boolean => {
  const bytes = utf8Encoder.encode(provided)
  let diff = bytes.length ^ expected.length
  for (let i = 0; i < expected.length; i++) diff |= (bytes[i] ?? 0) ^ expected[i]!
  return diff === 0
}

const queryKey = (url: string | URL | undefined): string | undefined => {
  if (url === undefined) return undefined
  try {
    return (typeof url === "string" ? new URL(url, "http://localhost") : url).searchParams.get("key") ?? undefined
  } catch {
    return undefined
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The envelope `{event, data, website_id?, timestamp?}`, or why it is not one. */
const parseEnvelope = (
  body: string | Uint8Array
): { readonly ok: true; readonly value: Record<string, unknown> & { event: string; data: Record<string, unknown> } } | {
  readonly ok: false
  readonly error: CrispWebhookRequestError
} => {
  let parsed: unknown
  try {
    parsed = JSON.parse(typeof body === "string" ? body : utf8Decoder.decode(body))
  } catch {
    return { ok: false, error: requestError("NotJson", 400, "the body is not JSON") }
  }
  if (!isRecord(parsed)) return { ok: false, error: requestError("NotObject", 400, "the body is not a JSON object") }
  if (typeof parsed.event !== "string") {
    return { ok: false, error: requestError("EventNotString", 400, "`event` is missing or not a string") }
  }
  if (!isRecord(parsed.data)) {
    return { ok: false, error: requestError("DataNotObject", 400, "`data` is missing or not an object") }
  }
  return { ok: true, value: parsed as Record<string, unknown> & { event: string; data: Record<string, unknown> } }
}

const deliveryOf = (
  envelope: Record<string, unknown> & { data: Record<string, unknown> },
  headers: DeliveryHeaders.Read,
  headerMillis: number | undefined
): Delivery => {
  const delivery: { -readonly [K in keyof Delivery]: Delivery[K] } = { source: "webhook" }
  if (headers.attempt !== undefined) delivery.attempt = headers.attempt
  if (headers.attemptLimit !== undefined) delivery.attemptLimit = headers.attemptLimit
  const websiteId = typeof envelope.website_id === "string"
    ? envelope.website_id
    : typeof envelope.data.website_id === "string"
    ? envelope.data.website_id
    : undefined
  if (websiteId !== undefined) delivery.websiteId = websiteId
  const timestamp = typeof envelope.timestamp === "number" && Number.isFinite(envelope.timestamp)
    ? envelope.timestamp
    : headerMillis
  if (timestamp !== undefined) delivery.timestamp = timestamp
  return delivery
}

/** The receiver: `receive` and its HTTP forms. */
export interface Receiver {
  readonly receive: (input: ReceiveInput) => Effect.Effect<Outcome>
  readonly httpApp: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>
  readonly handleWeb: (request: Request) => Effect.Effect<Response>
  readonly toWebHandler: (request: Request) => Promise<Response>
}

const RESPONSE_HEADERS = { "cache-control": "no-store" }

const answer = (outcome: Outcome): { readonly status: number; readonly body: string; readonly headers: Record<string, string> } => {
  switch (outcome._tag) {
    case "Delivered":
      return { status: 200, body: "{\"ok\":true}", headers: RESPONSE_HEADERS }
    case "Duplicate":
      return { status: 200, body: "{\"ok\":true,\"duplicate\":true}", headers: RESPONSE_HEADERS }
    case "Rejected": {
      const headers: Record<string, string> = { ...RESPONSE_HEADERS }
      if (outcome.status === 405) headers["allow"] = "POST"
      if (outcome.status === 503) headers["retry-after"] = "1"
      return { status: outcome.status, body: JSON.stringify({ ok: false, error: outcome.error.reason }), headers }
    }
  }
}

const failed = Outcome.Rejected({
  status: 503,
  error: requestError("Overloaded", 503, "the receiver failed (the error is logged)")
})

const shuttingDown = Outcome.Rejected({
  status: 503,
  error: requestError("Overloaded", 503, "the receiver is shutting down; retry later")
})

/** An HTTP method as it may be shown: a short token, else nothing of it. */
const methodName = (method: string): string => (/^[A-Za-z]{1,16}$/.test(method) ? method.toUpperCase() : "this method")

const SPAN_OPTIONS = { kind: "server" as const, captureStackTrace: false }

/** Logs a refusal as a warning (reason and status, never the body) and notes the outcome on the span. */
const observed = <R>(self: Effect.Effect<Outcome, never, R>): Effect.Effect<Outcome, never, R> =>
  self.pipe(
    Effect.tap((outcome) =>
      outcome._tag === "Rejected"
        ? Effect.logWarning(outcome.error.message).pipe(
          Effect.annotateLogs({ "crisp.webhook.status": outcome.status, "crisp.webhook.reason": outcome.error.reason })
        )
        : Effect.void
    ),
    Effect.tap((outcome) =>
      Effect.annotateCurrentSpan({
        "crisp.webhook.outcome": outcome._tag,
        "http.response.status_code": outcome.status,
        ...(outcome._tag === "Delivered" ? { "crisp.event": outcome.event.name } : {})
      })
    ),
    // A span only when the program installed a tracer (see `withSpanIfTraced`).
    (self) => withSpanIfTraced(self, "CrispWebhooks.receive", SPAN_OPTIONS)
  )

export const make = (
  options: ReceiverOptions,
  hub: EventHub
): Effect.Effect<Receiver, never, Scope.Scope> =>
  Effect.gen(function*() {
    const secret = options.secret === undefined ? undefined : Redacted.value(options.secret)
    const websiteKey = options.websiteKey === undefined ? undefined : utf8Encoder.encode(Redacted.value(options.websiteKey))
    if ((secret === undefined || secret === "") && (websiteKey === undefined || websiteKey.length === 0)) {
      return yield* Effect.dieMessage(
        "CrispWebhooks.layer: set `secret` (signed plugin hooks) or `websiteKey` (website hooks' ?key=)"
      )
    }
    const tolerance = toleranceMillis(options.tolerance)
    const memoWindow = tolerance ?? Duration.toMillis(Duration.minutes(5))
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    /** Why a body could not be collected: over the limit (413) or a broken stream (400). */
    const unreadable = (error: unknown) =>
      error instanceof TooLarge
        ? requestError("TooLarge", 413, `the body is over ${maxBodyBytes} bytes`)
        : requestError("Unreadable", 400, "the body could not be read")
    const enqueueTimeout = Duration.decode(options.enqueueTimeout ?? DEFAULT_ENQUEUE_TIMEOUT)
    const memo = options.duplicates === false ? undefined : yield* Memo.make(options.duplicates ?? DEFAULT_DUPLICATES)
    const runtime = yield* Effect.runtime<never>()

    // Shutdown: once the layer's scope closes, new deliveries are answered 503 (Crisp
    // delivers them again later) and the ones in flight are given time to finish.
    let draining = false
    let inFlight = 0
    const idle = yield* Deferred.make<void>()
    // The loggers of the deliveries, for the one line logged at shutdown: a finalizer
    // may run in a fiber without them (`ManagedRuntime.dispose` runs it in its own).
    let loggers = yield* FiberRef.get(FiberRef.currentLoggers)
    let minimumLevel = yield* FiberRef.get(FiberRef.currentMinimumLogLevel)
    const admitted = <R>(self: Effect.Effect<Outcome, never, R>): Effect.Effect<Outcome, never, R> =>
      Effect.withFiberRuntime((fiber) => {
        if (draining) return Effect.succeed(shuttingDown)
        inFlight++
        loggers = fiber.getFiberRef(FiberRef.currentLoggers)
        minimumLevel = fiber.getFiberRef(FiberRef.currentMinimumLogLevel)
        return Effect.ensuring(
          self,
          Effect.sync(() => {
            if (--inFlight === 0 && draining) Deferred.unsafeDone(idle, Effect.void)
          })
        )
      })
    yield* Effect.addFinalizer(() =>
      Effect.suspend(() => {
        draining = true
        if (inFlight === 0) return Effect.void
        // A delivery waiting for its event to be taken ends within `enqueueTimeout`;
        // past that, what is left is a body still being read (a slow client).
        const grace = Duration.sum(enqueueTimeout, Duration.millis(250))
        // Finalizers run uninterruptibly: the wait must be made interruptible, or the
        // timeout could not end it.
        return Effect.timeoutOption(Effect.interruptible(Deferred.await(idle)), grace).pipe(
          Effect.flatMap((done) =>
            done._tag === "Some"
              ? Effect.void
              : Effect.logWarning(`effect-crisp: ${inFlight} web hook deliveries were still in flight at shutdown`).pipe(
                Effect.locally(FiberRef.currentLoggers, loggers),
                Effect.locally(FiberRef.currentMinimumLogLevel, minimumLevel)
              )
          )
        )
      })
    )

    /** Authenticates; answers the memo key of the delivery (if it has one) and the header timestamp. */
    const authenticate = (
      input: ReceiveInput,
      headers: DeliveryHeaders.Read
    ): Effect.Effect<
      { readonly memoKey: Effect.Effect<string | undefined>; readonly millis: number | undefined },
      CrispWebhookSignatureError | CrispWebhookRequestError
    > => {
      if (secret !== undefined && secret !== "" && (headers.signature !== undefined || websiteKey === undefined)) {
        return Effect.map(
          verifyWith(secret, input.body, headers.timestamp, headers.signature, tolerance),
          (parsed) => ({
            memoKey: Effect.succeed(`s:${parsed.text}:${headers.signature!.toLowerCase()}`),
            millis: parsed.millis
          })
        )
      }
      const provided = queryKey(input.url)
      if (provided === undefined) {
        return Effect.fail(requestError("MissingKey", 401, "the `key` query parameter is missing"))
      }
      if (!keyMatches(provided, websiteKey!)) {
        return Effect.fail(requestError("WrongKey", 401, "the `key` query parameter is wrong"))
      }
      // Website hooks are not signed: a repeat is recognised by its timestamp and body digest.
      const millis = headers.timestamp === undefined ? undefined : timestampMillis(headers.timestamp)
      return Effect.succeed({
        memoKey: millis === undefined ? Effect.succeed(undefined) : Effect.map(
          sha256(typeof input.body === "string" ? utf8Encoder.encode(input.body) : Uint8Array.from(input.body)),
          (digest) => `b:${headers.timestamp}:${bytesToHex(digest)}`
        ),
        millis
      })
    }

    /**
     * Hands the event to the subscribers; `true` once they took it, `false` (and the
     * event withdrawn) when they did not within `enqueueTimeout`.
     */
    const enqueue = (event: CrispEvent): Effect.Effect<boolean> => hub.deliver(event, enqueueTimeout)

    const notPost = (method: string) =>
      rejected(requestError("MethodNotAllowed", 405, `${methodName(method)} is not allowed; Crisp POSTs its hooks`))

    const accept = (input: ReceiveInput): Effect.Effect<Outcome> =>
      Effect.gen(function*() {
        if (input.method !== undefined && input.method.toUpperCase() !== "POST") return notPost(input.method)
        const size = typeof input.body === "string" ? utf8Encoder.encode(input.body).length : input.body.length
        if (size > maxBodyBytes) return rejected(requestError("TooLarge", 413, `the body is over ${maxBodyBytes} bytes`))
        const headers = DeliveryHeaders.read(input.headers)
        const auth = yield* Effect.either(authenticate(input, headers))
        if (auth._tag === "Left") return rejected(auth.left)
        const envelope = parseEnvelope(input.body)
        if (!envelope.ok) return rejected(envelope.error)
        const key = memo === undefined ? undefined : yield* auth.right.memoKey
        if (key !== undefined && memo !== undefined) {
          const now = yield* Clock.currentTimeMillis
          const expiresAt = Math.max(now, auth.right.millis ?? now) + memoWindow
          if (!(yield* memo.claim(key, now, expiresAt))) return Outcome.Duplicate({ status: 200 })
        }
        const event = decode(envelope.value.event, envelope.value.data, deliveryOf(envelope.value, headers, auth.right.millis))
        const release = key === undefined || memo === undefined ? Effect.void : memo.release(key)
        // Nobody listening (the bot has not started yet, or has stopped): a 200 would
        // lose the event, a 503 makes Crisp deliver it again later.
        if ((yield* hub.subscribers) === 0) {
          yield* release
          return rejected(requestError("Overloaded", 503, "no subscriber is listening for events yet; retry later"))
        }
        const enqueued = yield* Effect.onInterrupt(enqueue(event), () => release)
        if (!enqueued) {
          yield* release
          const stopped = (yield* hub.subscribers) === 0
          return rejected(requestError(
            "Overloaded",
            503,
            stopped
              ? "the subscriber stopped before it took the event; retry later"
              : "the subscribers did not take the event in time; retry later"
          ))
        }
        return Outcome.Delivered({ status: 200, event })
      })

    const receive = (input: ReceiveInput): Effect.Effect<Outcome> => observed(admitted(accept(input)))

    const tooLargeDeclared = () => rejected(requestError("TooLarge", 413, `Content-Length is over ${maxBodyBytes} bytes`))

    const httpApp: Receiver["httpApp"] = Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      if (request.method !== "POST") return notPost(request.method)
      if (declaredTooLarge(request.headers["content-length"], maxBodyBytes)) return tooLargeDeclared()
      // Drain up to another `maxBodyBytes` so the 413 reaches a client still sending; beyond, cut.
      const body = yield* Effect.either(collect(request.stream, maxBodyBytes, maxBodyBytes))
      if (body._tag === "Left") return rejected(unreadable(body.left))
      return yield* accept({ body: body.right, headers: request.headers, url: request.url, method: "POST" })
    }).pipe(
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause) ? Effect.interrupt : Effect.as(Effect.logError(cause), failed)
      ),
      admitted,
      observed,
      Effect.map((outcome) => {
        const { body, headers, status } = answer(outcome)
        return HttpServerResponse.text(body, { status, headers, contentType: "application/json" })
      })
    )

    const handleWeb = (request: Request): Effect.Effect<Response> =>
      Effect.gen(function*() {
        if (request.method.toUpperCase() !== "POST") return notPost(request.method)
        if (declaredTooLarge(request.headers.get("content-length"), maxBodyBytes)) return tooLargeDeclared()
        const source = request.body
        const body = source === null
          ? { _tag: "Right" as const, right: new Uint8Array(0) }
          : yield* Effect.either(collect(
            Stream.fromReadableStream({ evaluate: () => source, onError: () => "Unreadable" as const }),
            maxBodyBytes
          ))
        if (body._tag === "Left") return rejected(unreadable(body.left))
        return yield* accept({ body: body.right, headers: request.headers, url: request.url, method: "POST" })
      }).pipe(
        Effect.catchAllCause((cause) => Effect.as(Effect.logError(cause), failed)),
        admitted,
        observed,
        Effect.map((outcome) => {
          const { body, headers, status } = answer(outcome)
          return new Response(body, { status, headers: { ...headers, "content-type": "application/json" } })
        })
      )

    const runPromise = Runtime.runPromise(runtime)
    const toWebHandler = (request: Request): Promise<Response> => runPromise(handleWeb(request))

    return { receive, httpApp, handleWeb, toWebHandler }
  })
