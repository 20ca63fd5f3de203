/**
 * The typed errors of every Crisp call.
 *
 * Each error is a `Schema.TaggedError` (so it is an `Error`, has a readable
 * `message`, and can be caught by tag with `Effect.catchTag`). None of them
 * carries a credential or a value from a response: they hold the HTTP method, the
 * request path, the status, Crisp's `reason` code, what was wrong (where and what
 * kind) and, for a body that is not JSON at all (a proxy's HTML page), a short excerpt.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const maybeConversation = WebsiteConversations.getOne("website-id", "session-id").pipe(
 *   Effect.catchTag("CrispNotFound", () => Effect.succeed(null))
 * )
 * ```
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const requestFields = {
  /** HTTP method of the request, e.g. `"GET"`. */
  method: Schema.String,
  /** Request path below the REST base URL, e.g. `"website/abc/conversations/1"`. */
  path: Schema.String
}

const responseFields = {
  ...requestFields,
  /** HTTP status code of the response. */
  status: Schema.Number,
  /** Crisp's `reason` string from the response envelope (or a synthetic one). */
  reason: Schema.String,
  /** The first 200 characters of a body that is not JSON at all (a proxy's HTML page); never of JSON. */
  excerpt: Schema.optional(Schema.String)
}

const describe = (e: {
  readonly method: string
  readonly path: string
  readonly status?: number
  readonly reason?: string
  readonly excerpt?: string | undefined
}, what: string): string =>
  `${what}${e.status === undefined ? "" : ` (${e.status}${e.reason ? ` ${e.reason}` : ""})`} on ${e.method} /${e.path}` +
  (e.excerpt ? `: ${JSON.stringify(e.excerpt)}` : "")

/**
 * The resource does not exist (HTTP 404).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteConversations.getOne("website-id", "session-id").pipe(
 *   Effect.catchTag("CrispNotFound", () => Effect.succeed(null))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispNotFound extends Schema.TaggedError<CrispNotFound>("effect-crisp/CrispNotFound")(
  "CrispNotFound",
  responseFields
) {
  override get message(): string {
    return describe(this, "Crisp resource not found")
  }
}

/**
 * The credentials were refused (HTTP 401) or lack a scope for this route (HTTP 403).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteSettings.get("website-id").pipe(
 *   Effect.catchTag("CrispUnauthorized", (e) => Effect.logError(`check the token and its scopes: ${e.message}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispUnauthorized extends Schema.TaggedError<CrispUnauthorized>("effect-crisp/CrispUnauthorized")(
  "CrispUnauthorized",
  responseFields
) {
  override get message(): string {
    return describe(this, "Crisp refused the credentials")
  }
}

/**
 * Crisp rate-limited the request (HTTP 429 or 420). The request was not performed.
 * `retryAfterMillis` is the server's `Retry-After`, when it sent one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteConversations.getList("website-id", 1).pipe(
 *   Effect.catchTag("CrispRateLimited", (e) => Effect.logWarning(`slow down, retry in ${e.retryAfterMillis ?? "?"} ms`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispRateLimited extends Schema.TaggedError<CrispRateLimited>("effect-crisp/CrispRateLimited")(
  "CrispRateLimited",
  { ...responseFields, retryAfterMillis: Schema.optional(Schema.Number) }
) {
  override get message(): string {
    return describe(this, "Crisp rate limit hit") +
      (this.retryAfterMillis === undefined ? "" : ` (retry after ${this.retryAfterMillis} ms)`)
  }
}

/**
 * Any other refusal: a non-2xx status, or a 2xx response whose envelope says
 * `error: true`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteConversations.setState("website-id", "session-id", "resolved").pipe(
 *   Effect.catchTag("CrispApiError", (e) => Effect.logError(`${e.status} ${e.reason}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispApiError extends Schema.TaggedError<CrispApiError>("effect-crisp/CrispApiError")(
  "CrispApiError",
  responseFields
) {
  override get message(): string {
    return describe(this, "Crisp API error")
  }
}

/**
 * The request did not complete: connection refused or reset, DNS failure, or the
 * per-attempt timeout elapsed.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteSettings.get("website-id").pipe(
 *   Effect.catchTag("CrispTransportError", (e) => Effect.logError(e.kind === "timeout" ? "Crisp is slow" : e.detail))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispTransportError extends Schema.TaggedError<CrispTransportError>("effect-crisp/CrispTransportError")(
  "CrispTransportError",
  {
    ...requestFields,
    /** `"timeout"` when the per-attempt timeout elapsed, else `"network"`. */
    kind: Schema.Literal("timeout", "network"),
    /** What the transport said, without request headers. */
    detail: Schema.String
  }
) {
  override get message(): string {
    return `Crisp request failed (${this.kind}: ${this.detail}) on ${this.method} /${this.path}`
  }
}

/**
 * A 2xx response could not be read: the body is not JSON, not a Crisp envelope, or
 * a field has the wrong type. `issue` names the field, what was expected and the kind
 * of what was found (`at meta.email: expected string, got number`), never the value.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteSettings.get("website-id").pipe(
 *   Effect.catchTag("CrispDecodeError", (e) => Effect.logError(`unexpected answer: ${e.issue}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispDecodeError extends Schema.TaggedError<CrispDecodeError>("effect-crisp/CrispDecodeError")(
  "CrispDecodeError",
  {
    ...requestFields,
    /** HTTP status, when the body itself could not be read. */
    status: Schema.optional(Schema.Number),
    /** What was wrong: the path of the offending field, what was expected, the kind found. */
    issue: Schema.String,
    /** The first 200 characters of a body that is not JSON at all; never of JSON. */
    excerpt: Schema.optional(Schema.String)
  }
) {
  override get message(): string {
    return `Crisp response could not be decoded on ${this.method} /${this.path}` +
      (this.status === undefined ? "" : ` (${this.status})`) + `: ${this.issue}` +
      (this.excerpt ? ` — body starts ${JSON.stringify(this.excerpt)}` : "")
  }
}

/**
 * The arguments of a call were refused before any request was sent (for example a
 * message without a `type`, or an unknown conversation state).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * // an empty id is refused before any request is sent
 * WebsiteConversations.getOne("website-id", "").pipe(
 *   Effect.catchTag("CrispInvalidRequest", (e) => Effect.logError(e.issue))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispInvalidRequest extends Schema.TaggedError<CrispInvalidRequest>("effect-crisp/CrispInvalidRequest")(
  "CrispInvalidRequest",
  {
    ...requestFields,
    /** What was wrong with the input, with the path of the offending field. */
    issue: Schema.String
  }
) {
  override get message(): string {
    return `Invalid input for ${this.method} /${this.path}: ${this.issue}`
  }
}

/**
 * Today's request allowance (the `daily` budget of `CrispHttp`) is spent. No
 * request was sent. `resetsAt` is the epoch millisecond at which it renews.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations, WebsiteSettings } from "effect-crisp"
 *
 * WebsiteConversations.getList("website-id", 1).pipe(
 *   Effect.catchTag("CrispQuotaExhausted", (e) => Effect.logWarning(`resume after ${new Date(e.resetsAt).toISOString()}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispQuotaExhausted extends Schema.TaggedError<CrispQuotaExhausted>("effect-crisp/CrispQuotaExhausted")(
  "CrispQuotaExhausted",
  {
    ...requestFields,
    /** The daily allowance that was configured. */
    allowance: Schema.Number,
    /** Epoch milliseconds at which the allowance renews (next UTC midnight). */
    resetsAt: Schema.Number
  }
) {
  override get message(): string {
    return `Daily request allowance of ${this.allowance} spent; ${this.method} /${this.path} not sent ` +
      `(renews at ${new Date(this.resetsAt).toISOString()})`
  }
}

/**
 * Every error a Crisp REST call can fail with.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { type CrispError, WebsiteSettings } from "effect-crisp"
 *
 * const describe = (error: CrispError) => `${error._tag}: ${error.message}`
 * const settings = WebsiteSettings.get("website-id").pipe(Effect.tapError((e) => Effect.logError(describe(e))))
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export type CrispError =
  | CrispNotFound
  | CrispUnauthorized
  | CrispRateLimited
  | CrispApiError
  | CrispTransportError
  | CrispDecodeError
  | CrispInvalidRequest
  | CrispQuotaExhausted

/**
 * Schema of the {@link CrispError} union, for serialising errors across process
 * boundaries.
 *
 * @since 0.1.0
 * @category errors
 */
export const CrispError = Schema.Union(
  CrispNotFound,
  CrispUnauthorized,
  CrispRateLimited,
  CrispApiError,
  CrispTransportError,
  CrispDecodeError,
  CrispInvalidRequest,
  CrispQuotaExhausted
)

/**
 * Whether a value is one of the {@link CrispError} classes.
 *
 * @example
 * ```ts
 * import { isCrispError } from "effect-crisp"
 *
 * const fromCrisp = (u: unknown) => isCrispError(u) ? u._tag : "something else"
 * ```
 *
 * @since 0.1.0
 * @category guards
 */
export const isCrispError = (u: unknown): u is CrispError => (crispErrorGuard ??= Schema.is(CrispError))(u)

// Compiled on first use: compiling it at import cost ~1 ms of every program's start.
let crispErrorGuard: ((u: unknown) => u is CrispError) | undefined
