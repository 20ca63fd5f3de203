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
import { kindOf } from "../schemaIssue.js"

/** What a response is checked against: which request it answered. */
export interface RequestInfo {
  readonly method: string
  readonly path: string
}

const EXCERPT_LENGTH = 200

/**
 * The first characters of a body, single-spaced, for error messages. Only for a body
 * that is not JSON at all (an HTML error page from a proxy): a JSON body may carry
 * customer data and is described by its kind instead.
 */
export const excerpt = (body: string): string => {
  const flat = body.replace(/\s+/g, " ").trim()
  return flat.length > EXCERPT_LENGTH ? flat.slice(0, EXCERPT_LENGTH) + "…" : flat
}

/**
 * Crisp's `reason` when it is one of its codes (`invalid_session`, `not_found`): a
 * short word. Anything else in that place is a response value, not a code, and is
 * not copied into errors.
 */
const reasonCode = (reason: unknown): string | undefined =>
  typeof reason === "string" && /^[A-Za-z0-9_.:-]{1,64}$/.test(reason) ? reason : undefined

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

/** Whether a body starts like a JSON object, array or string. */
const looksLikeJson = (text: string): boolean => /^\s*[[{"]/.test(text)

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Reads a response body. A 2xx gives the envelope's `data` (an empty body gives
 * `undefined`); `error: true` in a 2xx envelope and every non-2xx status give an
 * error. A body that is not JSON at all gives an error with an excerpt of it; JSON
 * that is broken or not an envelope is described by its kind and length only.
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
    // Broken JSON (a body cut short) is still customer data: no excerpt of it. A body
    // that is not JSON at all (a proxy's HTML page) gets one.
    if (looksLikeJson(text)) {
      return {
        ok: false,
        error: success
          ? new CrispDecodeError({ ...req, status, issue: `the body is not valid JSON (${text.length} chars, cut short?)` })
          : statusError(req, status, undefined, undefined, retryAfterMillis)
      }
    }
    return {
      ok: false,
      error: success
        ? new CrispDecodeError({ ...req, status, issue: "the body is not JSON", excerpt: excerpt(text) })
        : statusError(req, status, undefined, excerpt(text), retryAfterMillis)
    }
  }
  if (!isRecord(parsed)) {
    // JSON, but not an envelope: it may hold customer data, so only its kind is told.
    return {
      ok: false,
      error: success
        ? new CrispDecodeError({ ...req, status, issue: `the body is JSON (${kindOf(parsed)}), not a Crisp envelope` })
        : statusError(req, status, undefined, undefined, retryAfterMillis)
    }
  }
  const reason = reasonCode(parsed.reason)
  if (!success) return { ok: false, error: statusError(req, status, reason, undefined, retryAfterMillis) }
  if (parsed.error === true) {
    return { ok: false, error: new CrispApiError({ ...req, status, reason: reason ?? "error" }) }
  }
  return { ok: true, data: parsed.data }
}
