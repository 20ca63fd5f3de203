/**
 * The typed errors of Web Hook verification and reception.
 *
 * Both are `Schema.TaggedError`s: real `Error`s with a readable `message`, catchable by
 * tag. Neither ever holds the hook secret or the website key, nor the request body: they
 * carry a reason code, the header concerned and numbers (such as how old a timestamp was).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Signature } from "effect-crisp/webhooks"
 *
 * const checked = Signature.verify({ body: "{}", timestamp: "1", signature: "00", secret: "s" }).pipe(
 *   Effect.catchTag("CrispWebhookSignatureError", (error) => Effect.logWarning(error.message))
 * )
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Why a signature check failed.
 *
 * - `MissingSecret`: no (or an empty) secret was configured;
 * - `MissingHeader`: `X-Crisp-Signature` or `X-Crisp-Request-Timestamp` is absent or empty;
 * - `MalformedSignature`: the signature is not 64 hex characters;
 * - `MalformedTimestamp`: the timestamp is not a non-negative integer;
 * - `Mismatch`: the HMAC matches neither the raw body nor its re-serialised JSON;
 * - `Stale` / `Future`: the timestamp is outside the tolerance window.
 *
 * @example
 * ```ts
 * import type { SignatureFailure } from "effect-crisp/webhooks"
 *
 * const retryable = (reason: SignatureFailure) => reason === "Stale" || reason === "Future"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const SignatureFailure = Schema.Literal(
  "MissingSecret",
  "MissingHeader",
  "MalformedSignature",
  "MalformedTimestamp",
  "Mismatch",
  "Stale",
  "Future"
)

/**
 * The reason codes as a type.
 *
 * @example
 * ```ts
 * import type { SignatureFailure } from "effect-crisp/webhooks"
 *
 * const reason: SignatureFailure = "Mismatch"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type SignatureFailure = typeof SignatureFailure.Type

/**
 * A Web Hook delivery failed its signature check. Answered `401` by the receivers.
 *
 * @example
 * ```ts
 * import { CrispWebhookSignatureError } from "effect-crisp/webhooks"
 *
 * const error = new CrispWebhookSignatureError({ reason: "MissingHeader", header: "X-Crisp-Signature" })
 * console.log(error.message) // "Crisp web hook signature refused: missing header X-Crisp-Signature"
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispWebhookSignatureError extends Schema.TaggedError<CrispWebhookSignatureError>(
  "effect-crisp/CrispWebhookSignatureError"
)("CrispWebhookSignatureError", {
  reason: SignatureFailure,
  /** The header concerned, for `MissingHeader`, `MalformedSignature` and `MalformedTimestamp`. */
  header: Schema.optional(Schema.String),
  /** For `Stale` / `Future`: how far the timestamp is from now, in milliseconds (always positive). */
  skewMillis: Schema.optional(Schema.Number),
  /** For `Stale` / `Future`: the tolerance in milliseconds. */
  toleranceMillis: Schema.optional(Schema.Number)
}) {
  override get message(): string {
    const prefix = "Crisp web hook signature refused: "
    switch (this.reason) {
      case "MissingSecret":
        return prefix + "no signing secret configured"
      case "MissingHeader":
        return prefix + `missing header ${this.header ?? "?"}`
      case "MalformedSignature":
        return prefix + `${this.header ?? "signature"} is not a 64-character hex HMAC-SHA256`
      case "MalformedTimestamp":
        return prefix + `${this.header ?? "timestamp"} is not a non-negative integer`
      case "Mismatch":
        return prefix + "the signature matches neither the raw body nor its re-serialised JSON"
      case "Stale":
      case "Future":
        return prefix + `timestamp is ${seconds(this.skewMillis)} s ${this.reason === "Stale" ? "old" : "in the future"}, ` +
          `beyond the ${seconds(this.toleranceMillis)} s tolerance`
    }
  }
}

const seconds = (millis: number | undefined): string =>
  millis === undefined ? "?" : String(Math.round(millis / 100) / 10)

/**
 * Why a delivery was refused before (or instead of) its signature check.
 *
 * - `MethodNotAllowed` (405): not a POST;
 * - `TooLarge` (413): the body is over `maxBodyBytes` (by `Content-Length` or counted);
 * - `NotJson`, `NotObject`, `EventNotString`, `DataNotObject` (400): the body is not a
 *   Crisp hook envelope `{event: string, data: object, ...}`;
 * - `MissingKey`, `WrongKey` (401): a website hook without the right `?key=`;
 * - `Unreadable` (400): the request body could not be read to its end;
 * - `Overloaded` (503): the event hub refused the event (it is full); Crisp will retry.
 *
 * @example
 * ```ts
 * import type { RequestFailure } from "effect-crisp/webhooks"
 *
 * const isBadBody = (reason: RequestFailure) => reason === "NotJson" || reason === "NotObject"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const RequestFailure = Schema.Literal(
  "MethodNotAllowed",
  "TooLarge",
  "NotJson",
  "NotObject",
  "EventNotString",
  "DataNotObject",
  "MissingKey",
  "WrongKey",
  "Unreadable",
  "Overloaded"
)

/**
 * The reason codes as a type.
 *
 * @example
 * ```ts
 * import type { RequestFailure } from "effect-crisp/webhooks"
 *
 * const reason: RequestFailure = "TooLarge"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type RequestFailure = typeof RequestFailure.Type

/**
 * A Web Hook delivery was refused for a reason other than its signature. `status` is
 * the HTTP status the receivers answer with.
 *
 * @example
 * ```ts
 * import { CrispWebhookRequestError } from "effect-crisp/webhooks"
 *
 * const error = new CrispWebhookRequestError({ reason: "TooLarge", status: 413, detail: "over 1048576 bytes" })
 * console.log(error.message) // "Crisp web hook refused (413 TooLarge): over 1048576 bytes"
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispWebhookRequestError extends Schema.TaggedError<CrispWebhookRequestError>(
  "effect-crisp/CrispWebhookRequestError"
)("CrispWebhookRequestError", {
  reason: RequestFailure,
  status: Schema.Number,
  /** A short human explanation, never containing the body or a secret. */
  detail: Schema.String
}) {
  override get message(): string {
    return `Crisp web hook refused (${this.status} ${this.reason}): ${this.detail}`
  }
}
