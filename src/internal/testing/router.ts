/**
 * The route table of the in-memory Crisp: declarations of verb + path pattern +
 * who may call, matched against decoded path segments, and the replies handlers give.
 */
import { Either, ParseResult, Schema } from "effect"
import { formatIssue } from "../schemaIssue.js"
import type { AccountRecord, TokenRecord } from "./model.js"
import type { FakeStore } from "./store.js"

/**
 * Who may call a route:
 * - `"none"`: anyone, credentials are not read (login, password recovery);
 * - `"token"`: any valid token of any tier;
 * - `"user"`: a valid user-tier token (a session from login);
 * - `"connect"`: a valid token whose tier is the route's first segment.
 */
export type Auth = "none" | "token" | "user" | "connect"

/** The caller, once authenticated. */
export interface Principal {
  readonly token: TokenRecord
  readonly account?: AccountRecord | undefined
}

/** What a handler gets. */
export interface RouteContext {
  readonly store: FakeStore
  readonly now: number
  readonly method: string
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string>>
  /** The parsed JSON body, `undefined` when none was sent. */
  readonly body: unknown
  /**
   * The row's input (body or query) decoded with the client's own Schema, when the
   * route comes from a route table and has an input; `undefined` otherwise.
   */
  readonly input?: unknown
  readonly principal: Principal | undefined
}

/** What a handler answers: a status, Crisp's `reason`, and `data` for the envelope. */
export interface Reply {
  readonly status: number
  readonly reason: string
  readonly data: unknown
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** A declared route. */
export interface Route {
  readonly method: string
  readonly pattern: string
  readonly segments: ReadonlyArray<string | { readonly param: string }>
  readonly auth: Auth
  readonly handle: (ctx: RouteContext) => Reply
}

/** Declares a route; `pattern` uses `{name}` placeholders, e.g. `"website/{website_id}"`. */
export const route = (method: string, pattern: string, auth: Auth, handle: (ctx: RouteContext) => Reply): Route => ({
  method,
  pattern,
  auth,
  handle,
  segments: pattern.split("/").map((s) => {
    const m = /^\{(\w+)\}$/.exec(s)
    return m ? { param: m[1]! } : s
  })
})

/** The result of matching: a route and its parameters, or the verbs the path allows. */
export type Match =
  | { readonly _tag: "Found"; readonly route: Route; readonly params: Record<string, string> }
  | { readonly _tag: "MethodNotAllowed"; readonly allow: ReadonlyArray<string> }
  | { readonly _tag: "NotFound" }

/** Finds the route for a verb and decoded path segments. */
export const matchRoute = (routes: ReadonlyArray<Route>, method: string, segments: ReadonlyArray<string>): Match => {
  const allow: Array<string> = []
  for (const candidate of routes) {
    if (candidate.segments.length !== segments.length) continue
    const params: Record<string, string> = {}
    let ok = true
    for (let i = 0; i < segments.length; i++) {
      const expected = candidate.segments[i]!
      const actual = segments[i]!
      if (typeof expected === "string") {
        if (expected !== actual) {
          ok = false
          break
        }
      } else {
        if (actual === "") {
          ok = false
          break
        }
        params[expected.param] = actual
      }
    }
    if (!ok) continue
    if (candidate.method === method) return { _tag: "Found", route: candidate, params }
    allow.push(candidate.method)
  }
  return allow.length > 0 ? { _tag: "MethodNotAllowed", allow } : { _tag: "NotFound" }
}

// ---------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------

/** Success: `{error: false, reason: "resolved", data}`. */
export const ok = (data: unknown = {}): Reply => ({ status: 200, reason: "resolved", data })

/** Failure: `{error: true, reason, data: {}}`, with `data.message` saying why when given. */
export const fail = (status: number, reason: string, message?: string, headers?: Readonly<Record<string, string>>): Reply => ({
  status,
  reason,
  data: message === undefined ? {} : { message },
  headers
})

/** 400 `invalid_data`. */
export const invalid = (message: string): Reply => fail(400, "invalid_data", message)

/** 404 `not_found`. */
export const notFound = (what: string): Reply => fail(404, "not_found", `${what} not found`)

/** 401 `invalid_session`. */
export const unauthorized = (message: string): Reply => fail(401, "invalid_session", message)

/** Whether a handler's intermediate result is already a reply. */
export const isReply = (u: unknown): u is Reply =>
  typeof u === "object" && u !== null && "status" in u && "reason" in u && "data" in u

/**
 * A body decoder built once from a Schema: the decoded value, or a 400 naming
 * the first bad field.
 */
export const bodyDecoder = <A, I>(schema: Schema.Schema<A, I>, what = "body") => {
  const decode = Schema.decodeUnknownEither(schema, { errors: "first" })
  return (u: unknown): Either.Either<A, Reply> =>
    Either.mapLeft(decode(u), (error: ParseResult.ParseError) => invalid(`${what} ${formatIssue(error)}`))
}

/**
 * Hand-written handlers of route-table rows, keyed by the function's name
 * (`"WebsiteConversations.sendMessage"`): only where Crisp has behaviour the
 * generic document / collection / default routes do not give.
 */
export type Handlers = Readonly<Record<string, Handler>>

/** A hand-written handler, with who may call it when that is not any token (`auth: "token"`). */
export type Handler = ((ctx: RouteContext) => Reply) | { readonly auth: Auth; readonly handle: (ctx: RouteContext) => Reply }
