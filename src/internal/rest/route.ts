/**
 * Route tables: one row per REST method, and the function derived from it.
 *
 * A row is data — verb, path template, input and response Schemas, paging, the
 * fake's kind of route, the reference label. `routes(group)` returns the row
 * builder of a resource group; each row becomes a free function
 * `(...pathArgs, input?) => Effect<A, CrispError, CrispHttp>` that carries its row
 * as `.route`. Everything else (span names, list Streams, wire tests, docs rows,
 * the fake's routing and validation) reads the rows; nothing is declared twice.
 *
 * Per row, at module load: the template is parsed and the encoders and decoder are
 * built. Per call: the path is filled (each value URL-encoded into one segment;
 * a `{...name}` placeholder into one or more, see `path.ts`),
 * the input encoded (bad input fails with `CrispInvalidRequest` before any
 * request), the request sent, `data` decoded, inside a span named `Group.key`
 * when a tracer is installed.
 */
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { Effect, Either, type ParseResult, Schema, Stream } from "effect"
import { CrispDecodeError, type CrispError, CrispInvalidRequest } from "../../CrispError.js"
import { CrispHttp, type CrispRequest } from "../http/service.js"
import { withSpanIfTraced } from "../http/span.js"
import { formatIssue } from "../schemaIssue.js"
import { paginate } from "./paginate.js"
import { parseTemplate, PathProblem } from "./path.js"

/** Placeholders whose values are numbers on Crisp's side: page numbers and message fingerprints. */
type NumericParam = "page_number" | "fingerprint"

/**
 * The path placeholders of a template, in order, as argument types (see
 * `NumericParam`; a `{...name}` placeholder of several segments is a string).
 */
export type PathArgs<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? [Name extends NumericParam ? number : string, ...PathArgs<Rest>]
  : []

/** The input argument: none, optional (when `{}` is a valid input) or required. */
export type InputArgs<In> = [In] extends [never] ? [] : {} extends In ? [input?: In | undefined] : [input: In]

/** The template without its `{page_number}` segment. */
export type WithoutPage<P extends string> = P extends `${infer Head}/{page_number}${infer Tail}` ? `${Head}${Tail}` : P

/**
 * How the in-memory fake answers a row (see `internal/testing/table.ts`):
 * - `document`: one JSON object at the filled path (or `at`): GET reads it (a
 *   deterministic sample of the response Schema until written), PUT replaces it,
 *   PATCH merges into it, DELETE clears it;
 * - `collection`: items of a named collection, keyed by the `id` placeholder
 *   (and by the other placeholders, e.g. the website): `list` pages them, `get`,
 *   `exists`, `update`, `delete` address one, `create` adds the body (the id taken
 *   from the body's `id` field, or generated, and answered in `data`);
 * - `default`: the request is validated and answered with a deterministic sample
 *   of the response Schema (nothing is stored);
 * - `custom`: a hand-written handler, where Crisp has behaviour (messages emit
 *   events, sessions authenticate, …).
 */
export type FakeRoute =
  | { readonly kind: "document"; readonly at?: string }
  | {
    readonly kind: "collection"
    readonly name: string
    readonly op: "list" | "get" | "exists" | "create" | "update" | "delete"
    readonly id: string
  }
  | { readonly kind: "default" }
  | { readonly kind: "custom" }

/** A row as written in a table. */
export interface RouteSpec<P extends string, In, InI, A, AI> {
  readonly method: HttpMethod
  /** Path template below the base URL: `"website/{website_id}/conversation/{session_id}"`. */
  readonly path: P
  /** Crisp's reference label, e.g. `"Get Conversation Participants"`. */
  readonly label: string
  /** The reference anchor, e.g. `"#get-conversation-participants"`. */
  readonly ref?: string
  /** The method of Crisp's official Node client, `"<service>.<method>"`, when it has one. */
  readonly official?: string
  /**
   * The input object: the JSON body (POST/PUT/PATCH/DELETE) or the query options
   * (GET/HEAD), with wire field names. See `inputIn` for the exceptions.
   */
  readonly input?: Schema.Schema<In, InI>
  /** Where `input` goes, when not where the verb says. */
  readonly inputIn?: "query" | "body"
  /** Decodes the envelope's `data`. Without it the result is `void` (`boolean` for HEAD). */
  readonly response?: Schema.Schema<A, AI>
  /**
   * A paged list (`{page_number}` in the path). `perPage`: the largest `per_page`
   * the route allows, which its Stream asks for; omit it where the route takes no
   * `per_page` (the Stream then stops at the first empty page).
   */
  readonly paged?: { readonly perPage?: number }
  /** How the fake answers it. Default: `document` for reads/writes of one object, else `default`. */
  readonly fake?: FakeRoute
}

/** A row as the derived function carries it (types erased). */
export interface Route {
  readonly group: string
  readonly key: string
  /** `Group.key`: the span name and the name in docs and stubs. */
  readonly name: string
  readonly method: HttpMethod
  readonly path: string
  readonly params: ReadonlyArray<string>
  readonly label: string
  readonly ref: string | undefined
  readonly official: string | undefined
  readonly input: Schema.Schema<unknown, unknown> | undefined
  readonly inputIn: "query" | "body"
  readonly response: Schema.Schema<unknown, unknown> | undefined
  readonly paged: { readonly perPage?: number } | undefined
  readonly fake: FakeRoute
}

/** The result type of a row: HEAD checks are booleans; no response Schema is `void`. */
export type Result<M, A> = M extends "HEAD" ? boolean : A

/** A function derived from a row. `call` is the canonical form `(...pathArgs, input?)`. */
export interface RouteFn<Args extends ReadonlyArray<unknown>, A, P extends string = string, In = never> {
  (...args: Args): Effect.Effect<A, CrispError, CrispHttp>
  readonly route: Route
  readonly call: (...args: ReadonlyArray<unknown>) => Effect.Effect<A, CrispError, CrispHttp>
  /** Phantom: the template and the input type, for `pages`. */
  readonly _P?: P
  readonly _In?: In
}

const hasBody = (method: HttpMethod) => method === "POST" || method === "PUT" || method === "PATCH" || method === "DELETE"

// Reads and writes of one object are a stored document (a DELETE without an answer clears it).
const defaultFake = (method: HttpMethod, response: unknown): FakeRoute =>
  method === "GET" || method === "PUT" || method === "PATCH" || (method === "DELETE" && response === undefined)
    ? { kind: "document" }
    : { kind: "default" }

const make = (route: Route): (...args: ReadonlyArray<unknown>) => Effect.Effect<unknown, CrispError, CrispHttp> => {
  const template = parseTemplate(route.path)
  const encode = route.input === undefined ? undefined : Schema.encodeUnknownEither(route.input)
  const decode = route.response === undefined ? undefined : Schema.decodeUnknownEither(route.response)
  const { method, params } = route
  const placeholders = params.length
  const inQuery = route.inputIn === "query"
  // POST/PUT/PATCH always carry a JSON body (`{}` when there is no input), DELETE only with input.
  const emptyBody = method === "POST" || method === "PUT" || method === "PATCH" ? {} : undefined
  const pageIndex = params.indexOf("page_number")
  const spanOptions = {
    kind: "client" as const,
    attributes: { "http.request.method": method, "crisp.route": template.template },
    captureStackTrace: false
  }
  const invalid = (issue: string) => Effect.fail(new CrispInvalidRequest({ method, path: template.template, issue }))

  const call = (args: ReadonlyArray<unknown>): Effect.Effect<unknown, CrispError, CrispHttp> => {
    if (pageIndex >= 0) {
      const page = args[pageIndex]
      if (!(typeof page === "number" && Number.isInteger(page) && page >= 1)) {
        return invalid(`page_number must be an integer of at least 1, got ${typeof page === "number" ? page : typeof page}`)
      }
    }
    const values: Record<string, unknown> = {}
    for (let i = 0; i < placeholders; i++) values[params[i]!] = args[i]
    const path = template.fill(values as Record<string, string>)
    if (path instanceof PathProblem) return invalid(path.issue)
    const raw = args[placeholders]
    let input: unknown
    if (encode !== undefined && raw !== undefined) {
      const encoded = encode(raw)
      if (Either.isLeft(encoded)) return invalid(`${inQuery ? "query" : "body"} ${formatIssue(encoded.left)}`)
      input = encoded.right
    }
    const request = inQuery
      ? { method, path, query: input as Readonly<Record<string, unknown>> | undefined }
      : { method, path, body: input ?? emptyBody }
    return exchange(request, decode)
  }
  return (...args) => withSpanIfTraced(call(args), route.name, spanOptions)
}

/**
 * Sends one request and decodes the envelope's `data` with `decode` (`void`
 * without one, `boolean` for HEAD): what every row and `CrispHttp.request` share.
 */
export const exchange = (
  request: CrispRequest,
  decode: ((u: unknown) => Either.Either<unknown, ParseResult.ParseError>) | undefined
): Effect.Effect<unknown, CrispError, CrispHttp> => {
  const sent = Effect.flatMap(CrispHttp, (http) => http.send(request))
  if (decode === undefined) return request.method === "HEAD" ? sent : Effect.asVoid(sent)
  return Effect.flatMap(sent, (data) => {
    const decoded = decode(data)
    return Either.isRight(decoded)
      ? Effect.succeed(decoded.right)
      : Effect.fail(new CrispDecodeError({ method: request.method, path: request.path, issue: formatIssue(decoded.left) }))
  })
}

const attach = <F extends (...args: never) => unknown>(
  fn: F,
  route: Route,
  call: RouteFn<never, unknown>["call"],
  oldSignature = false
) => Object.assign(fn, oldSignature ? { route, call, oldSignature } : { route, call })

/**
 * The row builder of a resource group: `routes("WebsiteConversations")` returns
 * `(key, row) => function`, where `key` is the function's exported name.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { routes } from "effect-crisp/internal/rest/route"
 *
 * const route = routes("WebsiteConversations")
 * export const getParticipants = route("getParticipants", {
 *   method: "GET",
 *   path: "website/{website_id}/conversation/{session_id}/participants",
 *   label: "Get Conversation Participants",
 *   response: Schema.Struct({ participants: Schema.optional(Schema.Array(Schema.Struct({ target: Schema.String }))) })
 * })
 * // getParticipants("website-id", "session-id"): Effect<{ participants?: … }, CrispError, CrispHttp>
 * ```
 */
export const routes = (group: string) =>
<
  const P extends string,
  const M extends HttpMethod,
  In = never,
  InI = never,
  A = void,
  AI = never
>(
  key: string,
  spec: RouteSpec<P, In, InI, A, AI> & { readonly method: M }
): RouteFn<[...PathArgs<P>, ...InputArgs<In>], Result<M, A>, P, In> => {
  const route: Route = {
    group,
    key,
    name: `${group}.${key}`,
    method: spec.method,
    path: parseTemplate(spec.path).template,
    params: [...spec.path.matchAll(/\{(?:\.\.\.)?(\w+)\}/g)].map((m) => m[1]!),
    label: spec.label,
    ref: spec.ref,
    official: spec.official,
    input: spec.input as Schema.Schema<unknown, unknown> | undefined,
    inputIn: spec.inputIn ?? (hasBody(spec.method) ? "body" : "query"),
    response: spec.response as Schema.Schema<unknown, unknown> | undefined,
    paged: spec.paged,
    fake: spec.fake ?? defaultFake(spec.method, spec.response)
  }
  // Compiled on the first call, then kept: compiling 229 rows' Schemas at import
  // time would make every program start slower with each module it imports.
  let compiled: ReturnType<typeof make> | undefined
  const call = (...args: ReadonlyArray<unknown>) => (compiled ??= make(route))(...args)
  return attach(call, route, call) as never
}

/**
 * Gives a row the signature the old client had (e.g. `setState(websiteId,
 * sessionId, state)` for the body `{ state }`): `toCall` maps the old arguments to
 * the canonical ones. The function keeps the row; no second function exists for
 * the route.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { routes, withSignature } from "effect-crisp/internal/rest/route"
 *
 * const State = Schema.Literal("pending", "unresolved", "resolved")
 * const route = routes("WebsiteConversations")
 * export const setState = withSignature(
 *   route("setState", {
 *     method: "PATCH",
 *     path: "website/{website_id}/conversation/{session_id}/state",
 *     label: "Change Conversation State",
 *     input: Schema.Struct({ state: State })
 *   }),
 *   (websiteId: string, sessionId: string, state: typeof State.Type) => [websiteId, sessionId, { state }]
 * )
 * ```
 */
export const withSignature = <Args extends ReadonlyArray<unknown>, A, P extends string, In, F extends ReadonlyArray<unknown>>(
  fn: RouteFn<Args, A, P, In>,
  toCall: (...args: F) => Readonly<Args>
): RouteFn<F, A, P, In> =>
  attach((...args: F) => fn(...toCall(...args)), fn.route, fn.call, true) as never

type Element<A> = A extends ReadonlyArray<infer E> ? E : never

/**
 * The `Stream` form of a paged list: every item, page after page, asking for the
 * row's largest `per_page` (unless the input sets one), fetching a page only when
 * the consumer wants more, and stopping after a short or empty page. Its span is
 * `Group.<key>` with the list's key, and it takes the list's arguments without
 * the page number.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { pages, routes } from "effect-crisp/internal/rest/route"
 *
 * const route = routes("WebsiteConversations")
 * export const listPages = route("listPages", {
 *   method: "GET",
 *   path: "website/{website_id}/conversation/{session_id}/pages/{page_number}",
 *   label: "List Conversation Pages",
 *   response: Schema.Array(Schema.Struct({ url: Schema.optional(Schema.String) })),
 *   paged: {}
 * })
 * export const streamPages = pages(listPages, "streamPages")
 * ```
 */
export const pages = <Args extends ReadonlyArray<unknown>, A extends ReadonlyArray<unknown>, P extends string, In>(
  list: RouteFn<Args, A, P, In>,
  key: string
): (...args: [...PathArgs<WithoutPage<P>>, ...InputArgs<In>]) => Stream.Stream<Element<A>, CrispError, CrispHttp> => {
  const { route } = list
  const pageIndex = route.params.indexOf("page_number")
  const perPage = route.paged?.perPage
  const name = `${route.group}.${key}`
  const stream = (...args: ReadonlyArray<unknown>) => {
    const before = args.slice(0, pageIndex)
    const after = args.slice(pageIndex, route.params.length - 1)
    const input = args[route.params.length - 1] as Record<string, unknown> | undefined
    const requested = (input?.["per_page"] as number | undefined) ?? perPage
    const query = perPage === undefined ? input : { ...input, per_page: requested }
    return paginate(
      (page) => list.call(...before, page, ...after, query) as Effect.Effect<ReadonlyArray<Element<A>>, CrispError, CrispHttp>,
      requested === undefined ? {} : { pageSize: requested }
    ).pipe(Stream.withSpan(name))
  }
  // `pagesOf` links the Stream to its list, for the docs.
  return Object.assign(stream, { pagesOf: route }) as never
}

/** The rows of a module's exports (functions carrying `.route`), in export order. */
export const rowsOf = (module: Readonly<Record<string, unknown>>): ReadonlyArray<Route> =>
  Object.values(module).flatMap((value) =>
    typeof value === "function" && "route" in value && "call" in value ? [(value as unknown as { route: Route }).route] : []
  )
