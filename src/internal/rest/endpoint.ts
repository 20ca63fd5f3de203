/**
 * The one generic way to declare a REST endpoint. A declaration is data — verb,
 * path template, query/body Schemas, response Schema — compiled once at module
 * load into a function that returns `Effect<A, CrispError, CrispHttp>`.
 */
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { Effect, Either, Schema } from "effect"
import { CrispDecodeError, type CrispError, CrispInvalidRequest } from "../../CrispError.js"
import { CrispHttp } from "../http/service.js"
import { parseTemplate, type PathParams, PathProblem, type PathValue } from "./path.js"
import { formatIssue } from "../schemaIssue.js"
import { withSpanIfTraced } from "../http/span.js"

/** A declaration. `Q` and `B` stay `never` when the endpoint takes no query or body. */
export interface EndpointSpec<P extends string, A, I, Q, QI, B, BI> {
  /** Span name: `Resource.method`, e.g. `"WebsitePeople.getPeopleProfile"`. */
  readonly name: string
  readonly method: HttpMethod
  /** Path template below the base URL: `"website/{website_id}/conversation/{session_id}"`. */
  readonly path: P
  readonly query?: Schema.Schema<Q, QI>
  readonly body?: Schema.Schema<B, BI>
  /** Decodes the envelope's `data`. Without it the result is `void` and `data` is ignored. */
  readonly response?: Schema.Schema<A, I>
}

/** The input of a declared endpoint: path values, and query and body when declared. */
export type EndpointInput<P extends string, Q, B> =
  & ([PathParams<P>] extends [never] ? {} : { readonly path: { readonly [K in PathParams<P>]: PathValue } })
  & ([Q] extends [never] ? {} : { readonly query?: Q | undefined })
  & ([B] extends [never] ? {} : { readonly body: B })

/** A declared endpoint. */
export type Endpoint<P extends string, A, Q, B> = (
  input: EndpointInput<P, Q, B>
) => Effect.Effect<A, CrispError, CrispHttp>

type AnyInput = {
  readonly path?: Readonly<Record<string, PathValue>>
  readonly query?: unknown
  readonly body?: unknown
}

/** `make()`'s function, made on the first call and reused after. */
const once = <I, O>(make: () => (input: I) => O): (input: I) => O => {
  let compiled: ((input: I) => O) | undefined
  return (input) => (compiled ??= make())(input)
}

/**
 * Declares an endpoint.
 *
 * @example
 * ```ts
 * const getOne = endpoint({
 *   name: "WebsiteConversations.getOne",
 *   method: "GET",
 *   path: "website/{website_id}/conversation/{session_id}",
 *   response: Conversation
 * })
 * getOne({ path: { website_id: "w", session_id: "s" } })
 * ```
 */
export const endpoint = <const P extends string, A = void, I = unknown, Q = never, QI = never, B = never, BI = never>(
  spec: EndpointSpec<P, A, I, Q, QI, B, BI>
): Endpoint<P, A, Q, B> => {
  const template = parseTemplate(spec.path)
  // Compiled on first use, then kept: compiling every endpoint's Schemas at module
  // load made importing the package slower with each resource module.
  const encodeQuery = spec.query === undefined ? undefined : once(() => Schema.encodeEither(spec.query!))
  const encodeBody = spec.body === undefined ? undefined : once(() => Schema.encodeEither(spec.body!))
  const decode = spec.response === undefined ? undefined : once(() => Schema.decodeUnknownEither(spec.response!))
  const method = spec.method
  const spanOptions = {
    kind: "client" as const,
    attributes: { "http.request.method": method, "crisp.route": template.template },
    // The captured call site would always be this file; skipping it saves an Error per call.
    captureStackTrace: false
  }
  const invalid = (issue: string) =>
    Effect.fail(new CrispInvalidRequest({ method, path: template.template, issue }))

  const call = (input: AnyInput): Effect.Effect<A, CrispError, CrispHttp> => {
    const path = template.fill(input.path)
    if (path instanceof PathProblem) return invalid(path.issue)
    let query: Readonly<Record<string, unknown>> | undefined
    if (encodeQuery !== undefined && input.query !== undefined) {
      const encoded = encodeQuery(input.query as Q)
      if (Either.isLeft(encoded)) return invalid(`query ${formatIssue(encoded.left)}`)
      query = encoded.right as Readonly<Record<string, unknown>>
    }
    let body: unknown
    if (encodeBody !== undefined) {
      const encoded = encodeBody(input.body as B)
      if (Either.isLeft(encoded)) return invalid(`body ${formatIssue(encoded.left)}`)
      body = encoded.right
    }
    const sent = Effect.flatMap(CrispHttp, (http) => http.send({ method, path, query, body }))
    if (decode === undefined) return Effect.asVoid(sent) as Effect.Effect<A, CrispError, CrispHttp>
    return Effect.flatMap(sent, (data) => {
      const decoded = decode(data)
      return Either.isRight(decoded)
        ? Effect.succeed(decoded.right)
        : Effect.fail(new CrispDecodeError({ method, path, issue: formatIssue(decoded.left) }))
    })
  }
  return ((input: AnyInput) => withSpanIfTraced(call(input), spec.name, spanOptions)) as Endpoint<P, A, Q, B>
}
