/**
 * Operators (team members) of a website: list, get, invite, change, remove;
 * the operators active lately; an email to the operators.
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
import { Schema } from "effect"
import { routes } from "../internal/rest/route.js"
import {
  Operator,
  OperatorEmail,
  OperatorInvite,
  OperatorLastActive,
  OperatorListEntry,
  OperatorUpdate
} from "../schemas/Operator.js"

const route = routes("WebsiteOperators")

/**
 * Lists a website's operators (`GET website/{website_id}/operators/list`): each
 * entry is `{ type, details }`.
 *
 * Crisp reference: List Website Operators.
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
export const getList = route("getList", {
  method: "GET",
  path: "website/{website_id}/operators/list",
  label: "List Website Operators",
  ref: "#list-website-operators",
  official: "website.listWebsiteOperators",
  response: Schema.Array(OperatorListEntry),
  fake: { kind: "custom" }
})

/**
 * Gets one operator (`GET website/{website_id}/operator/{user_id}`). An operator
 * who is not on the website fails with `CrispNotFound`.
 *
 * Crisp reference: Get A Website Operator.
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
export const getOne = route("getOne", {
  method: "GET",
  path: "website/{website_id}/operator/{user_id}",
  label: "Get A Website Operator",
  ref: "#get-a-website-operator",
  official: "website.getWebsiteOperator",
  response: Operator,
  fake: { kind: "custom" }
})

/**
 * Unlinks an operator from a website (`DELETE website/{website_id}/operator/{user_id}`).
 *
 * Crisp reference: Unlink Operator From Website.
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
export const deleteOne = route("deleteOne", {
  method: "DELETE",
  path: "website/{website_id}/operator/{user_id}",
  label: "Unlink Operator From Website",
  ref: "#unlink-operator-from-website",
  official: "website.unlinkOperatorFromWebsite",
  fake: { kind: "custom" }
})

/**
 * Invites an operator (`POST website/{website_id}/operator` with `{ email, role, verify? }`).
 *
 * Crisp reference: Invite A Website Operator.
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
export const createOne = route("createOne", {
  method: "POST",
  path: "website/{website_id}/operator",
  label: "Invite A Website Operator",
  ref: "#invite-a-website-operator",
  official: "website.inviteWebsiteOperator",
  input: OperatorInvite,
  fake: { kind: "custom" }
})

/**
 * Changes an operator's role and/or title (`PATCH
 * website/{website_id}/operator/{user_id}`).
 *
 * Crisp reference: Change Operator Membership.
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
export const updateOne = route("updateOne", {
  method: "PATCH",
  path: "website/{website_id}/operator/{user_id}",
  label: "Change Operator Membership",
  ref: "#change-operator-membership",
  official: "website.changeOperatorMembership",
  input: OperatorUpdate,
  fake: { kind: "custom" }
})

/**
 * Lists the operators active lately on a website (`GET
 * website/{website_id}/operators/active`), with the time of their last activity.
 *
 * Crisp reference: List Last Active Website Operators.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const nicknames = WebsiteOperators.listLastActive("website-id").pipe(
 *   Effect.map((operators) => operators.map((o) => o.nickname))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operators
 */
export const listLastActive = route("listLastActive", {
  method: "GET",
  path: "website/{website_id}/operators/active",
  label: "List Last Active Website Operators",
  ref: "#list-last-active-website-operators",
  official: "website.listLastActiveWebsiteOperators",
  response: Schema.Array(OperatorLastActive),
  fake: { kind: "custom" }
})

/**
 * Empties the list of operators active lately (`DELETE
 * website/{website_id}/operators/active`).
 *
 * Crisp reference: Flush Last Active Website Operators.
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const flush = WebsiteOperators.flushLastActive("website-id")
 * ```
 *
 * @since 0.2.0
 * @category operators
 */
export const flushLastActive = route("flushLastActive", {
  method: "DELETE",
  path: "website/{website_id}/operators/active",
  label: "Flush Last Active Website Operators",
  ref: "#flush-last-active-website-operators",
  official: "website.flushLastActiveWebsiteOperators",
  fake: { kind: "custom" }
})

/**
 * Sends an email to a website's operators (`POST
 * website/{website_id}/operators/email`): a `subject` and a `message`, to the
 * `recipient` group or to one operator (`user_id`), with an optional link button.
 * Not retried on a 5xx (a retried POST could send it twice).
 *
 * Crisp reference: Send Email To Website Operators.
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const notify = WebsiteOperators.sendEmail("website-id", {
 *   recipient: "owners", subject: "Weekly report", message: "Your report is ready."
 * })
 * ```
 *
 * @since 0.2.0
 * @category operators
 */
export const sendEmail = route("sendEmail", {
  method: "POST",
  path: "website/{website_id}/operators/email",
  label: "Send Email To Website Operators",
  ref: "#send-email-to-website-operators",
  official: "website.sendEmailToWebsiteOperators",
  input: OperatorEmail
})
