/**
 * Website operators (the team members of a website).
 *
 * Field names — a decision. crisp-api 11.3.0 types operators and settings with
 * camelCase names (`userID`, `firstName`, `hasToken`, `websiteID`), but the REST API
 * speaks snake_case everywhere else, including about the same operators: the
 * routing body and answer carry `assigned.user_id`, messages `user.user_id`, the
 * old user profile `first_name`, websites `website_id`. The camelCase names are
 * typing mistakes of that client (its own `Conversation` uses `website_id`), so
 * these Schemas use snake_case: `user_id`, `first_name`, `last_name`, `has_token`,
 * `website_id`. Answers that spell them in camelCase decode too (`withAliases`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional, withAliases } from "./fields.js"

/**
 * An operator's role on a website.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const role: Schemas.OperatorRole = "member"
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const OperatorRole = Schema.Literal("owner", "member")

export type OperatorRole = typeof OperatorRole.Type

/**
 * An operator. When Crisp includes the operator's token `key`, it is decoded as
 * a `Redacted` so it cannot leak through logs.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const name = WebsiteOperators.getOne("website-id", "operator-id").pipe(
 *   Effect.map((operator) => `${operator.first_name ?? ""} ${operator.last_name ?? ""}`)
 * )
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const Operator = withAliases(
  Schema.Struct({
    user_id: optional(Schema.String),
    email: optional(Schema.String),
    avatar: optional(Schema.String),
    first_name: optional(Schema.String),
    last_name: optional(Schema.String),
    role: optional(Schema.String),
    title: optional(Schema.String),
    availability: optional(Schema.String),
    has_token: optional(Schema.Boolean),
    identifier: optional(Schema.String),
    key: optional(Schema.Redacted(Schema.String))
  }),
  { userID: "user_id", firstName: "first_name", lastName: "last_name", hasToken: "has_token" }
)

export interface Operator extends Schema.Schema.Type<typeof Operator> {}

/**
 * One entry of the operator list: `{ type, details }`, where `type` is
 * `"operator"` for members and `"invite"` for pending invitations.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const emails = WebsiteOperators.getList("website-id").pipe(
 *   Effect.map((list) => list.map((entry) => entry.details?.email))
 * )
 * ```
 *
 * @since 0.1.0
 * @category operators
 */
export const OperatorListEntry = Schema.Struct({
  type: optional(Schema.String),
  details: optional(Operator)
})

export interface OperatorListEntry extends Schema.Schema.Type<typeof OperatorListEntry> {}

/**
 * The body of `createOne` (invite an operator): `email`, `role`, and `verify`
 * (whether Crisp should ask you to confirm by password).
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * WebsiteOperators.createOne("website-id", { email: "new@example.com", role: "member" })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const OperatorInvite = Schema.Struct({
  email: Schema.NonEmptyTrimmedString,
  role: OperatorRole,
  verify: Schema.optional(Schema.Boolean)
})

export interface OperatorInvite extends Schema.Schema.Type<typeof OperatorInvite> {}

/**
 * The body of `updateOne`: the new `role` and/or `title`.
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * WebsiteOperators.updateOne("website-id", "operator-id", { role: "owner", title: "Head of support" })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const OperatorUpdate = Schema.Struct({
  role: Schema.optional(OperatorRole),
  title: Schema.optional(Schema.String)
})

export interface OperatorUpdate extends Schema.Schema.Type<typeof OperatorUpdate> {}

/**
 * An operator seen lately on the website (`WebsiteOperators.listLastActive`):
 * `user_id`, `nickname`, `avatar` and the `timestamp` of the last activity
 * (milliseconds). `userID` on the wire is read as `user_id` too.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const recent = WebsiteOperators.listLastActive("website-id").pipe(
 *   Effect.map((operators) => operators.map((o) => o.nickname))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operators
 */
export const OperatorLastActive = withAliases(
  Schema.Struct({
    user_id: optional(Schema.String),
    avatar: optional(Schema.String),
    nickname: optional(Schema.String),
    timestamp: optional(Schema.Number)
  }),
  { userID: "user_id" }
)

export interface OperatorLastActive extends Schema.Schema.Type<typeof OperatorLastActive> {}

/**
 * The body of `WebsiteOperators.sendEmail`: a `subject` and a `message` for the
 * website's operators — the `recipient` group, or one operator by `user_id` —
 * with an optional link button (`target: { label, url }`).
 *
 * @example
 * ```ts
 * import { WebsiteOperators } from "effect-crisp"
 *
 * const notify = WebsiteOperators.sendEmail("website-id", {
 *   recipient: "owners", subject: "Weekly report", message: "Your report is ready.",
 *   target: { label: "Open", url: "https://example.com/report" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const OperatorEmail = Schema.Struct({
  recipient: Schema.optional(Schema.String),
  user_id: Schema.optional(Schema.String),
  subject: Schema.optional(Schema.String),
  message: Schema.optional(Schema.String),
  target: Schema.optional(Schema.Struct({
    label: Schema.optional(Schema.String),
    url: Schema.optional(Schema.String)
  }))
})

export interface OperatorEmail extends Schema.Schema.Type<typeof OperatorEmail> {}
