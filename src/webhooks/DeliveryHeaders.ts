/**
 * Reads the headers of a Crisp Web Hook delivery, case-insensitively, from a fetch
 * `Headers`, a plain record (Effect's platform `Headers`), or node's `IncomingHttpHeaders`.
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const read = DeliveryHeaders.read({ "X-Crisp-Signature": "ab12…", "x-crisp-request-timestamp": "1700000000000" })
 * // read.signature === "ab12…", read.timestamp === "1700000000000"
 * ```
 *
 * @since 0.1.0
 */

/**
 * Header carrying the delivery timestamp that is signed with the body.
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const timestamp = (headers: Headers) => headers.get(DeliveryHeaders.TIMESTAMP)
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const TIMESTAMP = "X-Crisp-Request-Timestamp"

/**
 * Header carrying the lowercase hex HMAC-SHA256 (plugin hooks only).
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const signature = (headers: Headers) => headers.get(DeliveryHeaders.SIGNATURE)
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const SIGNATURE = "X-Crisp-Signature"

/**
 * Header carrying which delivery attempt this is (1 for the first).
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const attempt = (headers: Headers) => Number(headers.get(DeliveryHeaders.ATTEMPT_COUNT) ?? "1")
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const ATTEMPT_COUNT = "X-Delivery-Attempt-Count"

/**
 * Header carrying how many attempts Crisp makes at most.
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const limit = (headers: Headers) => headers.get(DeliveryHeaders.ATTEMPT_LIMIT)
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const ATTEMPT_LIMIT = "X-Delivery-Attempt-Limit"

/**
 * Header naming the hook's origin, e.g. `"plugin/rtm <id> production"`.
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const origin = (headers: Headers) => headers.get(DeliveryHeaders.HOOK_ORIGIN)
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const HOOK_ORIGIN = "X-Crisp-Hook-Origin"

/**
 * Anything that holds request headers: a fetch `Headers`, a plain record whose keys
 * may have any case (Effect platform `Headers`, node `IncomingHttpHeaders`).
 *
 * @example
 * ```ts
 * import type { IncomingHttpHeaders } from "node:http"
 * import type { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const fromNode = (headers: IncomingHttpHeaders): DeliveryHeaders.HeadersInput => headers
 * const fromFetch = (headers: Headers): DeliveryHeaders.HeadersInput => headers
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type HeadersInput =
  | { readonly get: (name: string) => string | null }
  | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/**
 * The delivery headers that were present. Integers that do not parse are left out.
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const read: DeliveryHeaders.Read = DeliveryHeaders.read({ "X-Delivery-Attempt-Count": "2" })
 * // read.attempt === 2
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Read {
  readonly timestamp?: string
  readonly signature?: string
  readonly attempt?: number
  readonly attemptLimit?: number
  readonly origin?: string
}

const first = (value: string | ReadonlyArray<string> | undefined | null): string | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value === "string") return value
  return value[0]
}

const isGetter = (headers: HeadersInput): headers is { readonly get: (name: string) => string | null } =>
  typeof (headers as { readonly get?: unknown }).get === "function"

/**
 * One header's value, case-insensitively (the first value when repeated).
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * DeliveryHeaders.get(new Headers({ "x-crisp-signature": "ab" }), "X-Crisp-Signature") // "ab"
 * ```
 *
 * @since 0.1.0
 * @category getters
 */
export const get = (headers: HeadersInput, name: string): string | undefined => {
  if (isGetter(headers)) return first(headers.get(name))
  const lower = name.toLowerCase()
  const direct = first(headers[lower])
  if (direct !== undefined) return direct
  for (const key in headers) {
    if (key.length === lower.length && key.toLowerCase() === lower) {
      const value = first(headers[key])
      if (value !== undefined) return value
    }
  }
  return undefined
}

const integer = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (!/^\d{1,9}$/.test(trimmed)) return undefined
  return Number(trimmed)
}

const nonEmpty = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  return trimmed === "" ? undefined : trimmed
}

/**
 * Reads every Crisp delivery header at once.
 *
 * @example
 * ```ts
 * import { DeliveryHeaders } from "effect-crisp/webhooks"
 *
 * const { timestamp, signature, attempt, attemptLimit } = DeliveryHeaders.read(new Headers({
 *   "X-Crisp-Request-Timestamp": "1700000000000",
 *   "X-Crisp-Signature": "9f…",
 *   "X-Delivery-Attempt-Count": "1",
 *   "X-Delivery-Attempt-Limit": "3"
 * }))
 * ```
 *
 * @since 0.1.0
 * @category getters
 */
export const read = (headers: HeadersInput): Read => {
  const result: {
    timestamp?: string
    signature?: string
    attempt?: number
    attemptLimit?: number
    origin?: string
  } = {}
  const timestamp = nonEmpty(get(headers, TIMESTAMP))
  if (timestamp !== undefined) result.timestamp = timestamp
  const signature = nonEmpty(get(headers, SIGNATURE))
  if (signature !== undefined) result.signature = signature
  const attempt = integer(get(headers, ATTEMPT_COUNT))
  if (attempt !== undefined) result.attempt = attempt
  const attemptLimit = integer(get(headers, ATTEMPT_LIMIT))
  if (attemptLimit !== undefined) result.attemptLimit = attemptLimit
  const origin = nonEmpty(get(headers, HOOK_ORIGIN))
  if (origin !== undefined) result.origin = origin
  return result
}
