/**
 * Test endpoints declared as rows (`routes`), called with named path values:
 * `getConversation({ path: { website_id, session_id } })`. The HTTP tests use
 * them to exercise the request path without depending on one resource module.
 */
import type { HttpMethod } from "@effect/platform/HttpMethod"
import type { Effect, Schema } from "effect"
import type { CrispError } from "../../src/CrispError.js"
import type * as CrispHttp from "../../src/CrispHttp.js"
import { routes } from "../../src/internal/rest/route.js"

interface Spec<A, AI> {
  /** `Group.key`: the span name. */
  readonly name: string
  readonly method: HttpMethod
  readonly path: string
  readonly query?: Schema.Schema.AnyNoContext
  readonly body?: Schema.Schema.AnyNoContext
  readonly response?: Schema.Schema<A, AI>
}

interface Input {
  readonly path?: Readonly<Record<string, string | number>>
  readonly query?: unknown
  readonly body?: unknown
}

export const endpoint = <A = void, AI = never>(spec: Spec<A, AI>): (input?: Input) => Effect.Effect<A, CrispError, CrispHttp.CrispHttp> => {
  const [group, key] = spec.name.split(".") as [string, string]
  const row = routes(group)(key, {
    method: spec.method,
    path: spec.path,
    label: key,
    ...(spec.query !== undefined ? { input: spec.query, inputIn: "query" as const } : {}),
    ...(spec.body !== undefined ? { input: spec.body, inputIn: "body" as const } : {}),
    ...(spec.response !== undefined ? { response: spec.response } : {})
  })
  return (input = {}) =>
    row.call(...row.route.params.map((p) => input.path?.[p]), input.query ?? input.body) as Effect.Effect<
      A,
      CrispError,
      CrispHttp.CrispHttp
    >
}
