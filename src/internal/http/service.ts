/**
 * The `CrispHttp` tag and the types of its service. It imports nothing else of the
 * project at run time, so the request path (`internal/rest/route.ts`) and the
 * layer (`CrispHttp.ts`) both depend on it without a circle.
 */
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { Context, type Effect, type Redacted } from "effect"
import type { CrispError } from "../../CrispError.js"
import type { BudgetState } from "./budget.js"

/**
 * The token tier: `"plugin"` for Marketplace plugin tokens, `"website"` for website
 * tokens, `"user"` for user session keys.
 *
 * @since 0.1.0
 * @category models
 */
export type Tier = "plugin" | "website" | "user"

/**
 * One request, ready to send: the path is already encoded and the body already
 * JSON-encodable.
 *
 * @since 0.1.0
 * @category models
 */
export interface CrispRequest {
  readonly method: HttpMethod
  /** Encoded path below the base URL, without a leading slash. */
  readonly path: string
  /** Query parameters; `undefined` values are skipped, objects JSON-encoded. */
  readonly query?: Readonly<Record<string, unknown>> | undefined
  /** A JSON-encodable body; `undefined` sends none. */
  readonly body?: unknown
}

/**
 * The service: credentials (for the realtime socket) and `send`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly identifier: string
  readonly key: Redacted.Redacted<string>
  readonly tier: Tier
  readonly restUrl: string
  /**
   * Sends one request with retries and returns the envelope's undecoded `data`
   * (`true`/`false` for HEAD: 404 is `false`).
   */
  readonly send: (request: CrispRequest) => Effect.Effect<unknown, CrispError>
  /** The request budget now: rate in force, requests left today. */
  readonly budget: Effect.Effect<BudgetState>
}

/**
 * The authenticated HTTP layer.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const tier = Effect.map(CrispHttp.CrispHttp, (http) => http.tier)
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class CrispHttp extends Context.Tag("effect-crisp/CrispHttp")<CrispHttp, Service>() {}
