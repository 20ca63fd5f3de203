/** The steps of a signature check, shared by `Signature.verify` and the receiver. */
import { Clock, Duration, Effect, Redacted } from "effect"
import { SIGNATURE, TIMESTAMP } from "../../webhooks/DeliveryHeaders.js"
import { CrispWebhookSignatureError } from "../../webhooks/WebhookError.js"
import { constantTimeEqual, hexToBytes, utf8Decoder } from "./bytes.js"
import { backend } from "./hmac.js"

/** A hook secret, plain or redacted. */
export type Secret = string | Redacted.Redacted<string>

/** A body as received. */
export type Body = string | Uint8Array

export const DEFAULT_TOLERANCE: Duration.Duration = Duration.minutes(5)

export const MILLISECONDS_THRESHOLD = 1e11

export const revealed = (secret: Secret): string => (Redacted.isRedacted(secret) ? Redacted.value(secret) : secret)

export const fail = (fields: ConstructorParameters<typeof CrispWebhookSignatureError>[0]) =>
  Effect.fail(new CrispWebhookSignatureError(fields))

const TIMESTAMP_PATTERN = /^\d{1,16}$/

/** Milliseconds since the epoch from a header value in ms (> 1e11) or seconds; `undefined` if not an integer. */
export const timestampMillis = (timestamp: string | number): number | undefined => {
  const text = typeof timestamp === "number" ? String(timestamp) : timestamp
  if (!TIMESTAMP_PATTERN.test(text)) return undefined
  const value = Number(text)
  return value > MILLISECONDS_THRESHOLD ? value : value * 1000
}

/** Milliseconds of a tolerance option, or `undefined` when the check is off. */
export const toleranceMillis = (tolerance: Duration.DurationInput | false | undefined): number | undefined =>
  tolerance === false ? undefined : Duration.toMillis(tolerance === undefined ? DEFAULT_TOLERANCE : tolerance)

/** The JSON re-serialisation of a body, when it parses and differs from the raw text. */
const reserialised = (body: Body): string | undefined => {
  const text = typeof body === "string" ? body : utf8Decoder.decode(body)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  const again = JSON.stringify(parsed)
  return again === text ? undefined : again
}

const mismatch = () => new CrispWebhookSignatureError({ reason: "Mismatch" })

/**
 * The HMAC check proper: the raw body first, then its re-serialised JSON; constant-time
 * compares. Synchronous when the backend is (node:crypto), else one or two async MACs.
 */
export const checkMac = (
  secret: string,
  timestamp: string,
  body: Body,
  expected: Uint8Array
): Effect.Effect<void, CrispWebhookSignatureError> =>
  Effect.suspend(() => {
    const prefix = "[" + timestamp + ";"
    const current = backend()
    if (current.macSync !== undefined) {
      if (constantTimeEqual(current.macSync(secret, prefix, body), expected)) return Effect.void
      const again = reserialised(body)
      return again !== undefined && constantTimeEqual(current.macSync(secret, prefix, again), expected)
        ? Effect.void
        : Effect.fail(mismatch())
    }
    return Effect.flatMap(current.mac(secret, prefix, body), (raw) => {
      if (constantTimeEqual(raw, expected)) return Effect.void
      const again = reserialised(body)
      if (again === undefined) return Effect.fail(mismatch())
      return Effect.flatMap(
        current.mac(secret, prefix, again),
        (mac) => (constantTimeEqual(mac, expected) ? Effect.void : Effect.fail(mismatch()))
      )
    })
  })

/** A validated pair of headers. */
export interface ParsedHeaders {
  /** The timestamp text, exactly as signed. */
  readonly text: string
  readonly millis: number
  /** The 32 bytes of the signature. */
  readonly mac: Uint8Array
}

/** Validates the header values: present and well-formed (synchronous). */
export const parseHeaders = (
  timestamp: string | number | undefined,
  signature: string | undefined
): ParsedHeaders | CrispWebhookSignatureError => {
  if (signature === undefined || signature === "") {
    return new CrispWebhookSignatureError({ reason: "MissingHeader", header: SIGNATURE })
  }
  if (timestamp === undefined || timestamp === "") {
    return new CrispWebhookSignatureError({ reason: "MissingHeader", header: TIMESTAMP })
  }
  const mac = hexToBytes(signature, 32)
  if (mac === undefined) return new CrispWebhookSignatureError({ reason: "MalformedSignature", header: SIGNATURE })
  const text = typeof timestamp === "number" ? String(timestamp) : timestamp
  const millis = timestampMillis(text)
  if (millis === undefined) return new CrispWebhookSignatureError({ reason: "MalformedTimestamp", header: TIMESTAMP })
  return { text, millis, mac }
}

/** Why a timestamp is refused at `now`, or `undefined` when it is fresh (or the check is off). */
const staleness = (millis: number, now: number, tolerance: number | undefined) => {
  if (tolerance === undefined) return undefined
  const skew = now - millis
  if (skew > tolerance) return new CrispWebhookSignatureError({ reason: "Stale", skewMillis: skew, toleranceMillis: tolerance })
  if (-skew > tolerance) {
    return new CrispWebhookSignatureError({ reason: "Future", skewMillis: -skew, toleranceMillis: tolerance })
  }
  return undefined
}

/** The whole check, with the tolerance already in milliseconds: headers, freshness, then the MAC. */
export const verifyWith = (
  secret: string,
  body: Body,
  timestamp: string | number | undefined,
  signature: string | undefined,
  tolerance: number | undefined
): Effect.Effect<ParsedHeaders, CrispWebhookSignatureError> => {
  if (secret === "") return fail({ reason: "MissingSecret" })
  const parsed = parseHeaders(timestamp, signature)
  if (parsed instanceof CrispWebhookSignatureError) return Effect.fail(parsed)
  const check = Effect.as(checkMac(secret, parsed.text, body, parsed.mac), parsed)
  if (tolerance === undefined) return check
  return Effect.flatMap(Clock.currentTimeMillis, (now) => {
    const refused = staleness(parsed.millis, now, tolerance)
    return refused === undefined ? check : Effect.fail(refused)
  })
}
