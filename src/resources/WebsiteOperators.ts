/**
 * Operators (team members) of a website: list, get, invite, change, remove.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteOperators.<method>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const owners = WebsiteOperators.getList("website-id").pipe(
 *   Effect.map((list) => list.filter((entry) => entry.details?.role === "owner"))
 * )
 * ```
 *
 * @since 0.1.0
 */
import { type Effect, Schema } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { endpoint } from "../internal/rest/endpoint.js"
import { Operator, OperatorInvite, OperatorListEntry, OperatorUpdate } from "../schemas/Operator.js"

const OPERATOR = "website/{website_id}/operator/{user_id}"

// The seed listed `GET website/{id}/operator`; the list route is `operators/list`.
const getListEndpoint = endpoint({
  name: "WebsiteOperators.getList",
  method: "GET",
  path: "website/{website_id}/operators/list",
  response: Schema.Array(OperatorListEntry)
})
const getOneEndpoint = endpoint({
  name: "WebsiteOperators.getOne",
  method: "GET",
  path: OPERATOR,
  response: Operator
})
const deleteOneEndpoint = endpoint({
  name: "WebsiteOperators.deleteOne",
  method: "DELETE",
  path: OPERATOR
})
const createOneEndpoint = endpoint({
  name: "WebsiteOperators.createOne",
  method: "POST",
  path: "website/{website_id}/operator",
  body: OperatorInvite
})
// The seed sent this PATCH with neither body nor credentials; both are sent here.
const updateOneEndpoint = endpoint({
  name: "WebsiteOperators.updateOne",
  method: "PATCH",
  path: OPERATOR,
  body: OperatorUpdate
})

/**
 * Lists a website's operators (`GET website/{website_id}/operators/list`): each
 * entry is `{ type, details }`.
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const operators = WebsiteOperators.getList("website-id")
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const getList = (websiteId: string): Effect.Effect<ReadonlyArray<OperatorListEntry>, CrispError, CrispHttp> =>
  getListEndpoint({ path: { website_id: websiteId } })

/**
 * Gets one operator (`GET website/{website_id}/operator/{user_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const operator = WebsiteOperators.getOne("website-id", "operator-id")
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const getOne = (websiteId: string, operatorId: string): Effect.Effect<Operator, CrispError, CrispHttp> =>
  getOneEndpoint({ path: { website_id: websiteId, user_id: operatorId } })

/**
 * Unlinks an operator from a website (`DELETE website/{website_id}/operator/{user_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const remove = WebsiteOperators.deleteOne("website-id", "operator-id")
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const deleteOne = (websiteId: string, operatorId: string): Effect.Effect<void, CrispError, CrispHttp> =>
  deleteOneEndpoint({ path: { website_id: websiteId, user_id: operatorId } })

/**
 * Invites an operator (`POST website/{website_id}/operator` with `{ email, role, verify? }`).
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const invite = WebsiteOperators.createOne("website-id", { email: "new@example.com", role: "member" })
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const createOne = (websiteId: string, params: OperatorInvite): Effect.Effect<void, CrispError, CrispHttp> =>
  createOneEndpoint({ path: { website_id: websiteId }, body: params })

/**
 * Changes an operator's role and/or title (`PATCH website/{website_id}/operator/{user_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const promote = WebsiteOperators.updateOne("website-id", "operator-id", { role: "owner" })
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const updateOne = (
  websiteId: string,
  operatorId: string,
  params: OperatorUpdate
): Effect.Effect<void, CrispError, CrispHttp> =>
  updateOneEndpoint({ path: { website_id: websiteId, user_id: operatorId }, body: params })
