/**
 * Turns one HTTP request into the in-memory Crisp's answer: injected faults,
 * rate limits, routing, authentication, the daily quota, body parsing, then the
 * route's handler. Synchronous: time is passed in by the caller.
 */
import {
  checkFault,
  checkLimitOptions,
  DailyQuota,
  type Fault,
  FaultQueue,
  type LimitOptions,
  TokenBucket
} from "./limits.js"
import { peopleRoutes } from "./routes/people.js"
import { websiteRoutes } from "./routes/website.js"
import { HANDLERS } from "./handlers.js"
import { tableRoutes } from "./table.js"
import { fail, invalid, matchRoute, type Principal, type Reply, type Route, unauthorized } from "./router.js"
import type { FakeStore } from "./store.js"

/** An HTTP request as the fake sees it. */
export interface FakeRequest {
  /** The verb, e.g. `"GET"` (case-insensitive). */
  readonly method: string
  /** The path below the base URL, still URL-encoded: `"website/w1/conversations/1"`. */
  readonly path: string
  /** Decoded query parameters. */
  readonly query: Readonly<Record<string, string>>
  /** Headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  /** The raw body, `undefined` when none was sent. */
  readonly body: string | undefined
}

/** The fake's answer: a response, or a connection to drop without answering. */
export type FakeResponse =
  | { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly drop: true }

/** An answer and how long to wait before giving it. */
export interface Decision {
  readonly response: FakeResponse
  readonly delayMillis: number
}

/** One handled request, as logged. */
export interface LoggedRequest {
  readonly method: string
  /** As received (still encoded), without a leading slash. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** Headers without `authorization`. */
  readonly headers: Readonly<Record<string, string>>
  /** The raw body, with `password` and `secret` fields of a JSON body redacted. */
  readonly body: string | undefined
  /** The status answered, or `"drop"`. */
  readonly status: number | "drop"
  /** When it was handled, epoch milliseconds. */
  readonly timestamp: number
}

/** The table's rows, then the few routes Crisp has that no row covers (RTM discovery, …). */
const ROUTES: ReadonlyArray<Route> = [...tableRoutes(HANDLERS), ...peopleRoutes, ...websiteRoutes]

const BODY_VERBS = new Set(["POST", "PUT", "PATCH", "DELETE"])

const JSON_HEADERS: Readonly<Record<string, string>> = { "content-type": "application/json; charset=utf-8" }

const DEFAULT_REASON: Record<number, string> = {
  400: "invalid_data",
  401: "invalid_session",
  403: "not_allowed",
  404: "not_found",
  405: "not_allowed",
  420: "rate_limited",
  429: "rate_limited"
}

const reasonFor = (status: number): string =>
  DEFAULT_REASON[status] ?? (status >= 500 ? "server_error" : status >= 400 ? "error" : "resolved")

const decodeBasic = (header: string | undefined): { identifier: string; key: string } | undefined => {
  if (header === undefined) return undefined
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  if (!match) return undefined
  let text: string
  try {
    const binary = atob(match[1]!)
    text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
  const colon = text.indexOf(":")
  if (colon < 0) return undefined
  return { identifier: text.slice(0, colon), key: text.slice(colon + 1) }
}

const SECRET_FIELDS = new Set(["password", "secret"])

const redactValue = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactValue)
  if (typeof value !== "object" || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? "<redacted>" : redactValue(v)])
  )
}

/** The body as logged: `password` and `secret` fields of a JSON body are redacted. */
const redactBody = (body: string | undefined): string | undefined => {
  if (body === undefined || !/"(password|secret)"/.test(body)) return body
  try {
    return JSON.stringify(redactValue(JSON.parse(body)))
  } catch {
    return body
  }
}

const timingSafeEqual = (a: string, b: string): boolean => {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}

/** The request-handling part of the fake. */
export class Engine {
  readonly faults = new FaultQueue()
  private bucket: TokenBucket | undefined
  private quota: DailyQuota | undefined
  private limitStatus: 429 | 420 = 429
  private retryAfter = false
  log: Array<LoggedRequest> = []

  constructor(readonly store: FakeStore) {}

  /** Sets (or, with `{}`, clears) the rate limits. Answers why options are refused. */
  limit(options: LimitOptions): string | undefined {
    const problem = checkLimitOptions(options)
    if (problem !== undefined) return problem
    this.bucket = options.perSecond === undefined
      ? undefined
      : new TokenBucket(options.perSecond, options.burst ?? Math.max(1, options.perSecond))
    this.quota = options.dailyQuota === undefined ? undefined : new DailyQuota(options.dailyQuota)
    this.limitStatus = options.status ?? 429
    this.retryAfter = options.retryAfter ?? false
    return undefined
  }

  inject(fault: Fault): string | undefined {
    const problem = checkFault(fault)
    if (problem === undefined) this.faults.add(fault)
    return problem
  }

  /** The token matching credentials and tier, if any. */
  authenticate(identifier: string, key: string, tier: string): Principal | undefined {
    const token = this.store.tokens.get(identifier)
    if (token === undefined || !timingSafeEqual(token.key, key) || token.tier !== tier) return undefined
    const account = token.user_id === undefined ? undefined : this.store.accountById(token.user_id)
    if (token.tier === "user" && account === undefined) return undefined
    return { token, account }
  }

  decide(request: FakeRequest, now: number): Decision {
    const method = request.method.toUpperCase()
    const path = request.path.replace(/^\/+/, "")
    const fault = this.faults.take(method, path)
    let decision: Decision
    if (fault !== undefined && fault.status === undefined && fault.drop !== true) {
      decision = { response: this.process(request, method, path, now), delayMillis: fault.delayMillis ?? 0 }
    } else if (fault !== undefined) {
      if (fault.processed === true) this.process(request, method, path, now)
      decision = {
        response: fault.drop === true ? { drop: true } : faultResponse(fault, method),
        delayMillis: fault.delayMillis ?? 0
      }
    } else {
      decision = { response: this.process(request, method, path, now), delayMillis: 0 }
    }
    const { authorization: _secret, ...headers } = request.headers
    this.log.push({
      method,
      path,
      query: { ...request.query },
      headers,
      body: redactBody(request.body),
      status: "drop" in decision.response ? "drop" : decision.response.status,
      timestamp: now
    })
    return decision
  }

  private process(request: FakeRequest, method: string, path: string, now: number): FakeResponse {
    let reply: Reply
    try {
      reply = this.reply(request, method, path, now)
    } catch (error) {
      reply = fail(500, "internal_error", `the fake failed: ${error instanceof Error ? error.message : String(error)}`)
    }
    const headers = { ...JSON_HEADERS, ...reply.headers }
    if (method === "HEAD") return { status: reply.status, headers, body: "" }
    const error = reply.status >= 400
    return {
      status: reply.status,
      headers,
      body: JSON.stringify({ error, reason: reply.reason, data: reply.data ?? {} })
    }
  }

  private refused(status: number, reason: string, retryAfterSeconds: number, withRetryAfter: boolean): Reply {
    return fail(
      status,
      reason,
      undefined,
      withRetryAfter ? { "retry-after": String(retryAfterSeconds) } : undefined
    )
  }

  private reply(request: FakeRequest, method: string, path: string, now: number): Reply {
    if (this.bucket !== undefined) {
      const refused = this.bucket.take(now)
      if (refused !== undefined) {
        return this.refused(this.limitStatus, "rate_limited", refused.retryAfterSeconds, this.retryAfter)
      }
    }

    let segments: Array<string>
    try {
      segments = path.split("/").map((s) => decodeURIComponent(s))
    } catch {
      return invalid("the path is not valid URL encoding")
    }
    const match = matchRoute(ROUTES, method, segments)
    // Not "not found": a test that reaches a route the fake lacks must not read as a 404 of Crisp's.
    if (match._tag === "NotFound") return fail(501, "fake_not_implemented", `the fake does not know ${method} /${path}`)
    if (match._tag === "MethodNotAllowed") {
      return fail(501, "fake_not_implemented", `the fake does not know ${method} /${path}`, { allow: match.allow.join(", ") })
    }
    const { route, params } = match

    let principal: Principal | undefined
    if (route.auth !== "none") {
      const credentials = decodeBasic(request.headers.authorization)
      if (credentials === undefined) return unauthorized("missing or malformed Basic authorization")
      const tier = (request.headers["x-crisp-tier"] ?? "user").trim().toLowerCase()
      principal = this.authenticate(credentials.identifier, credentials.key, tier)
      if (principal === undefined) return unauthorized("unknown token, wrong key, or X-Crisp-Tier not the token's tier")
      if (route.auth === "user" && principal.token.tier !== "user") return unauthorized("this route needs a user session")
      if (route.auth === "connect" && principal.token.tier !== segments[0]) {
        return unauthorized(`this route is for the ${segments[0]} tier`)
      }
      const websites = principal.token.websites
      if (websites !== undefined && params.website_id !== undefined && !websites.includes(params.website_id)) {
        return fail(403, "not_allowed", "this token is not allowed on that website")
      }
      if (this.quota !== undefined && principal.token.tier === "plugin") {
        const refused = this.quota.take(principal.token.identifier, now)
        if (refused !== undefined) {
          return this.refused(429, "quota_exceeded", refused.retryAfterSeconds, this.retryAfter)
        }
      }
    }

    let body: unknown
    if (BODY_VERBS.has(method) && request.body !== undefined && request.body.trim() !== "") {
      try {
        body = JSON.parse(request.body)
      } catch {
        return invalid("the body is not JSON")
      }
    }

    return route.handle({ store: this.store, now, method, params, query: request.query, body, principal })
  }
}

const faultResponse = (fault: Fault, method: string): FakeResponse => {
  const status = fault.status ?? 500
  let body = fault.body
  let contentType: string
  if (body === undefined) {
    body = JSON.stringify({ error: true, reason: reasonFor(status), data: {} })
    contentType = JSON_HEADERS["content-type"]!
  } else {
    contentType = /^\s*[[{]/.test(body) ? JSON_HEADERS["content-type"]! : "text/html; charset=utf-8"
  }
  const headers: Record<string, string> = { "content-type": contentType }
  for (const [name, value] of Object.entries(fault.headers ?? {})) headers[name.toLowerCase()] = value
  return { status, headers, body: method === "HEAD" ? "" : body }
}
