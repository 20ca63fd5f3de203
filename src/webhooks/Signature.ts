/**
 * Signing and verifying Crisp Web Hook deliveries (plugin hooks).
 *
 * Crisp signs `[${timestamp};${body}]` with HMAC-SHA256 under the hook's signing secret
 * and sends the lowercase hex digest in `X-Crisp-Signature`, the timestamp in
 * `X-Crisp-Request-Timestamp`. {@link verify} checks the raw body first (what was sent,
 * byte for byte), then `JSON.stringify(JSON.parse(body))` (what Crisp's own client
 * signs), compares in constant time, and refuses timestamps outside a window. It uses
 * WebCrypto only, so it runs on Node 20, Deno, Bun and edge workers.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * const program = Effect.gen(function*() {
 *   const signed = yield* Signature.sign({ body: { event: "message:send", data: {} }, secret: "s3cret" })
 *   yield* Signature.verify({
 *     body: signed.body,
 *     timestamp: signed.timestamp,
 *     signature: signed.signature,
 *     secret: "s3cret"
 *   })
 * })
 * ```
 *
 * @since 0.1.0
 */
import { Clock, type Duration, Effect, type Redacted } from "effect"
import * as DeliveryHeaders from "./DeliveryHeaders.js"
import { bytesToHex } from "../internal/webhooks/bytes.js"
import { hmac } from "../internal/webhooks/hmac.js"
import * as internal from "../internal/webhooks/verify.js"
import type { CrispWebhookSignatureError } from "./WebhookError.js"

/**
 * A hook signing secret, plain or (preferably) `Redacted`.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { Signature } from "effect-crisp/webhooks"
 *
 * const secret: Signature.Secret = Redacted.make("hook-signing-secret")
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Secret = string | Redacted.Redacted<string>

/**
 * A delivery body as received: the raw text, or the raw bytes (read as UTF-8).
 *
 * @example
 * ```ts
 * import type { Signature } from "effect-crisp/webhooks"
 *
 * const asText: Signature.Body = "{\"event\":\"message:send\",\"data\":{}}"
 * const asBytes: Signature.Body = new TextEncoder().encode(asText)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Body = string | Uint8Array

/**
 * The default freshness window: 5 minutes either side of now.
 *
 * @example
 * ```ts
 * import { Duration } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * Duration.toMillis(Signature.DEFAULT_TOLERANCE) // 300000
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_TOLERANCE: Duration.Duration = internal.DEFAULT_TOLERANCE

/**
 * A header timestamp above this is in milliseconds (real Crisp), at or below it in
 * seconds: 1e11 seconds is the year 5138, 1e11 milliseconds is March 1973.
 *
 * @example
 * ```ts
 * import { Signature } from "effect-crisp/webhooks"
 *
 * const unit = (header: number) => (header > Signature.MILLISECONDS_THRESHOLD ? "ms" : "s")
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const MILLISECONDS_THRESHOLD: number = internal.MILLISECONDS_THRESHOLD

/**
 * Options of {@link verify}.
 *
 * @example
 * ```ts
 * import type { Signature } from "effect-crisp/webhooks"
 *
 * const options: Signature.VerifyOptions = {
 *   body: "{}",
 *   timestamp: "1700000000000",
 *   signature: "…",
 *   secret: "hook-signing-secret",
 *   tolerance: "2 minutes"
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface VerifyOptions {
  /** The body exactly as received. */
  readonly body: Body
  /** The `X-Crisp-Request-Timestamp` header value (milliseconds or seconds). */
  readonly timestamp: string | number | undefined
  /** The `X-Crisp-Signature` header value. */
  readonly signature: string | undefined
  readonly secret: Secret
  /** Freshness window either side of now; `false` switches the check off. Default 5 minutes. */
  readonly tolerance?: Duration.DurationInput | false | undefined
}

/**
 * Verifies one delivery. Succeeds with `void`, or fails with a
 * {@link CrispWebhookSignatureError} saying why (missing header, malformed signature or
 * timestamp, stale, future, mismatch). Uses the `Clock` service for "now", so the
 * `TestClock` drives it in tests.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * declare const rawBody: string
 * declare const headers: Headers
 *
 * const checked = Signature.verify({
 *   body: rawBody,
 *   timestamp: headers.get("x-crisp-request-timestamp") ?? undefined,
 *   signature: headers.get("x-crisp-signature") ?? undefined,
 *   secret: Redacted.make("hook-signing-secret"),
 *   tolerance: "2 minutes"
 * })
 * ```
 *
 * @since 0.1.0
 * @category verification
 */
export const verify = (options: VerifyOptions): Effect.Effect<void, CrispWebhookSignatureError> =>
  Effect.asVoid(internal.verifyWith(
    internal.revealed(options.secret),
    options.body,
    options.timestamp,
    options.signature,
    internal.toleranceMillis(options.tolerance)
  ))

/**
 * The timestamp in milliseconds since the epoch, from a header value in milliseconds
 * or seconds (see {@link MILLISECONDS_THRESHOLD}); `undefined` if it is not an integer.
 *
 * @example
 * ```ts
 * import { Signature } from "effect-crisp/webhooks"
 *
 * Signature.timestampMillis("1506985696616") // 1506985696616
 * Signature.timestampMillis("1506985696")    // 1506985696000
 * ```
 *
 * @since 0.1.0
 * @category utils
 */
export const timestampMillis: (timestamp: string | number) => number | undefined = internal.timestampMillis

/**
 * Options of {@link verifyHeaders}.
 *
 * @example
 * ```ts
 * import type { Signature } from "effect-crisp/webhooks"
 *
 * const options: Signature.VerifyHeadersOptions = {
 *   body: "{}",
 *   headers: { "x-crisp-request-timestamp": "1700000000000", "x-crisp-signature": "…" },
 *   secret: "hook-signing-secret"
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface VerifyHeadersOptions {
  readonly body: Body
  readonly headers: DeliveryHeaders.HeadersInput
  readonly secret: Secret
  readonly tolerance?: Duration.DurationInput | false | undefined
}

/**
 * {@link verify} with the timestamp and signature read from the request headers
 * (case-insensitively; fetch `Headers`, node's `IncomingHttpHeaders` or a record).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * const handle = (request: Request) =>
 *   Effect.gen(function*() {
 *     const body = yield* Effect.promise(() => request.text())
 *     yield* Signature.verifyHeaders({ body, headers: request.headers, secret: Redacted.make("s3cret") })
 *     return JSON.parse(body) as unknown
 *   })
 * ```
 *
 * @since 0.1.0
 * @category verification
 */
export const verifyHeaders = (options: VerifyHeadersOptions): Effect.Effect<void, CrispWebhookSignatureError> => {
  const read = DeliveryHeaders.read(options.headers)
  return verify({
    body: options.body,
    timestamp: read.timestamp,
    signature: read.signature,
    secret: options.secret,
    tolerance: options.tolerance
  })
}

/**
 * Options of {@link sign}.
 *
 * @example
 * ```ts
 * import type { Signature } from "effect-crisp/webhooks"
 *
 * const options: Signature.SignOptions = {
 *   body: { event: "message:send", data: { website_id: "w1" } },
 *   secret: "test-secret",
 *   timestamp: 1700000000000,
 *   attempt: 1
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface SignOptions {
  /** The body: text or bytes are signed as they are; any other value is `JSON.stringify`-ed first. */
  readonly body: Body | object
  readonly secret: Secret
  /** The timestamp to sign; default now (from `Clock`), in milliseconds as Crisp sends it. */
  readonly timestamp?: string | number
  /** Adds `X-Delivery-Attempt-Count`. */
  readonly attempt?: number
  /** Adds `X-Delivery-Attempt-Limit`. */
  readonly attemptLimit?: number
}

/**
 * A signed delivery, ready to POST.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * const request = Effect.map(
 *   Signature.sign({ body: "{}", secret: "test-secret" }),
 *   (signed: Signature.Signed) => new Request("http://localhost/crisp", { method: "POST", headers: signed.headers, body: signed.body })
 * )
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Signed<B extends string | Uint8Array<ArrayBuffer> = string | Uint8Array<ArrayBuffer>> {
  /** The body that was signed: a string when a string or an object was given, else the bytes. */
  readonly body: B
  readonly timestamp: string
  /** Lowercase hex HMAC-SHA256. */
  readonly signature: string
  /** `Content-Type`, `X-Crisp-Request-Timestamp`, `X-Crisp-Signature` (and attempt headers when asked). */
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Signs a delivery as Crisp does, for your tests: POST `body` with `headers` to your
 * endpoint and it verifies.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * const post = (url: string) =>
 *   Effect.gen(function*() {
 *     const signed = yield* Signature.sign({
 *       secret: "test-secret",
 *       body: { website_id: "w1", event: "message:send", data: { website_id: "w1", session_id: "s1" } }
 *     })
 *     return yield* Effect.promise(() => fetch(url, { method: "POST", headers: signed.headers, body: signed.body }))
 *   })
 * ```
 *
 * @since 0.1.0
 * @category signing
 */
export const sign: {
  (options: SignOptions & { readonly body: Uint8Array }): Effect.Effect<Signed<Uint8Array<ArrayBuffer>>>
  (options: SignOptions & { readonly body: string | object }): Effect.Effect<Signed<string>>
} = (options: SignOptions): Effect.Effect<Signed<never>> =>
  Effect.gen(function*() {
    // Bytes over a plain ArrayBuffer are kept as they are (fetch accepts them); others are copied.
    const body: string | Uint8Array<ArrayBuffer> = typeof options.body === "string"
      ? options.body
      : options.body instanceof Uint8Array
      ? (options.body.buffer instanceof ArrayBuffer ? options.body as Uint8Array<ArrayBuffer> : new Uint8Array(options.body))
      : JSON.stringify(options.body)
    const timestamp = options.timestamp === undefined
      ? String(yield* Clock.currentTimeMillis)
      : String(options.timestamp)
    const secret = internal.revealed(options.secret)
    if (secret === "") return yield* Effect.dieMessage("Signature.sign: the secret is empty")
    const mac = yield* hmac(secret, "[" + timestamp + ";", body)
    const signature = bytesToHex(mac)
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      [DeliveryHeaders.TIMESTAMP]: timestamp,
      [DeliveryHeaders.SIGNATURE]: signature
    }
    if (options.attempt !== undefined) headers[DeliveryHeaders.ATTEMPT_COUNT] = String(options.attempt)
    if (options.attemptLimit !== undefined) headers[DeliveryHeaders.ATTEMPT_LIMIT] = String(options.attemptLimit)
    return { body: body as never, timestamp, signature, headers }
  })
