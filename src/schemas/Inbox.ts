/**
 * Inboxes of a website: named views that route conversations to operators and
 * teams by conditions.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

const strings = optional(Schema.Array(Schema.String))

/**
 * An inbox: its `inbox_id`, `name`, `emoji` and `order`, who works in it
 * (`operators`, `teams`, `team_operators`), the `conditions` that route
 * conversations into it, and when it was created and updated (milliseconds).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const name = WebsiteInbox.get("website-id", "inbox-id").pipe(Effect.map((inbox) => inbox.name))
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const Inbox = Schema.Struct({
  inbox_id: optional(Schema.String),
  name: optional(Schema.String),
  emoji: optional(Schema.String),
  order: optional(Schema.Number),
  operators: strings,
  teams: strings,
  team_operators: strings,
  conditions: optional(Schema.Array(Schema.Struct({
    model: optional(Schema.String),
    criterion: optional(Schema.String),
    operator: optional(Schema.String),
    query: strings
  }))),
  operator: optional(Schema.String),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number)
})

export interface Inbox extends Schema.Schema.Type<typeof Inbox> {}

/**
 * What `WebsiteInbox.create` answers: the new inbox's `inbox_id`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const inboxId = WebsiteInbox.create("website-id", { name: "Billing" }).pipe(Effect.map((created) => created.inbox_id))
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const InboxNew = Schema.Struct({
  inbox_id: optional(Schema.String)
})

export interface InboxNew extends Schema.Schema.Type<typeof InboxNew> {}

/**
 * One routing condition of an inbox: a `criterion` of the session `model`
 * compared with `operator` (`eq`, `neq`, `gte`, `lte`, `gt`, `lt`) to `query`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const fromFrance: Schemas.InboxCondition = { model: "session", criterion: "country", operator: "eq", query: ["FR"] }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const InboxCondition = Schema.Struct({
  model: Schema.optional(Schema.Literal("session")),
  criterion: Schema.optional(Schema.String),
  operator: Schema.optional(Schema.Literal("eq", "neq", "gte", "lte", "gt", "lt")),
  query: Schema.optional(Schema.Array(Schema.String))
})

export interface InboxCondition extends Schema.Schema.Type<typeof InboxCondition> {}

/**
 * The body of `WebsiteInbox.create` and `WebsiteInbox.save`: the inbox's fields
 * (the timestamps are Crisp's and are not sent).
 *
 * @example
 * ```ts
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const create = WebsiteInbox.create("website-id", {
 *   name: "Billing", emoji: "💳", operators: ["operator-id"],
 *   conditions: [{ model: "session", criterion: "segments", operator: "eq", query: ["billing"] }]
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const InboxInput = Schema.Struct({
  inbox_id: Schema.optional(Schema.NonEmptyTrimmedString),
  name: Schema.optional(Schema.String),
  emoji: Schema.optional(Schema.String),
  order: Schema.optional(Schema.Number),
  operators: Schema.optional(Schema.Array(Schema.String)),
  teams: Schema.optional(Schema.Array(Schema.String)),
  team_operators: Schema.optional(Schema.Array(Schema.String)),
  conditions: Schema.optional(Schema.Array(InboxCondition)),
  operator: Schema.optional(Schema.String)
})

export interface InboxInput extends Schema.Schema.Type<typeof InboxInput> {}

/**
 * The body of `WebsiteInbox.batchOrder`: the new `order` of each inbox.
 *
 * @example
 * ```ts
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const reorder = WebsiteInbox.batchOrder("website-id", {
 *   orders: [{ inbox_id: "inbox-a", order: 1 }, { inbox_id: "inbox-b", order: 2 }]
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const InboxOrders = Schema.Struct({
  orders: Schema.Array(Schema.Struct({
    inbox_id: Schema.NonEmptyTrimmedString,
    order: Schema.Number
  }))
})

export interface InboxOrders extends Schema.Schema.Type<typeof InboxOrders> {}
