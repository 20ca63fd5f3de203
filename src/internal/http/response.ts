/**
 * Turns an HTTP status and body into Crisp's `data`, or into the typed error the
 * status and envelope call for.
 */
import {
  CrispApiError,
  CrispDecodeError,
  type CrispError,
  CrispNotFound,
  CrispRateLimited,
  CrispUnauthorized
} from "../../CrispError.js"

/** What a response is checked against: which request it answered. */
export interface RequestInfo {
  readonly method: string
  readonly path: string
}

const EXCERPT_LENGTH = 200

/** The first characters of a body, single-spaced, for error messages. */
export const excerpt = (body: string): string => {
  const flat = body.replace(/\s+/g, " ").trim()
  return flat.length > EXCERPT_LENGTH ? flat.slice(0, EXCERPT_LENGTH) + "…" : flat
}

const reasonOf = (status: number): string =>
  status === 404 ? "not_found" :
  status === 401 || status === 403 ? "unauthorized" :
  status === 420 || status === 429 ? "rate_limited" :
  status >= 500 ? "server_error" : "http_error"

/**
 * Parses a `Retry-After` header (seconds, or an HTTP date) into milliseconds from
 * `now`. Unreadable or negative values give `undefined`.
 */
export const parseRetryAfter = (header: string | undefined, now: number): number | undefined => {
  if (header === undefined) return undefined
  const trimmed = header.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** The error for a non-2xx status, with Crisp's reason when the body carries one. */
export const statusError = (
  req: RequestInfo,
  status: number,
  reason: string | undefined,
  bodyExcerpt: string | undefined,
  retryAfterMillis: number | undefined
): CrispError => {
  const fields = {
    method: req.method,
    path: req.path,
    status,
    reason: reason ?? reasonOf(status),
    ...(bodyExcerpt === undefined ? {} : { excerpt: bodyExcerpt })
  }
  if (status === 404) return new CrispNotFound(fields)
  if (status === 401 || status === 403) return new CrispUnauthorized(fields)
  if (status === 420 || status === 429) {
    return new CrispRateLimited(retryAfterMillis === undefined ? fields : { ...fields, retryAfterMillis })
  }
  return new CrispApiError(fields)
}

/** Result of reading a body: Crisp's `data`, or an error. */
export type BodyResult = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: CrispError }

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Reads a response body. A 2xx gives the envelope's `data` (an empty body gives
 * `undefined`); `error: true` in a 2xx envelope and every non-2xx status give an
 * error; a body that is not a Crisp envelope gives an error with an excerpt.
 */
export const readBody = (
  req: RequestInfo,
  status: number,
  text: string,
  retryAfterMillis: number | undefined
): BodyResult => {
  const success = status >= 200 && status < 300
  if (text.length === 0 || /^\s*$/.test(text)) {
    return success
      ? { ok: true, data: undefined }
      : { ok: false, error: statusError(req, status, undefined, undefined, retryAfterMillis) }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return {
      ok: false,
      error: success
        ? new CrispDecodeError({ ...req, status, issue: "the body is not JSON", excerpt: excerpt(text) })
        : statusError(req, status, undefined, excerpt(text), retryAfterMillis)
    }
  }
  if (!isRecord(parsed)) {
    return {
      ok: false,
      error: success
        ? new CrispDecodeError({ ...req, status, issue: "the body is not a Crisp envelope", excerpt: excerpt(text) })
        : statusError(req, status, undefined, excerpt(text), retryAfterMillis)
    }
  }
  const reason = typeof parsed.reason === "string" ? parsed.reason : undefined
  if (!success) return { ok: false, error: statusError(req, status, reason, undefined, retryAfterMillis) }
  if (parsed.error === true) {
    return { ok: false, error: new CrispApiError({ ...req, status, reason: reason ?? "error" }) }
  }
  return { ok: true, data: parsed.data }
}
