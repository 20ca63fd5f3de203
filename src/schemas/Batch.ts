/**
 * The bodies of the batch routes: one operation on many conversations (by
 * session id, or every conversation of an inbox) or many people (by profile id,
 * or a search).
 *
 * A batch is checked before anything is sent: it must name at least one target
 * and at most {@link MAX_BATCH_ITEMS} ids. An empty list would mean nothing to
 * Crisp at best, and "every item" at worst (Crisp's clients describe the resolve
 * and read routes as acting on "given (or all)" items).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { ScalarRecord } from "./fields.js"

/**
 * The most ids one batch call may list: 100. Crisp's reference gives no limit, so
 * this is ours: twice the largest page a list route returns (`per_page` 50), so a
 * page or two of results fits in one call, while a runaway list (every id of a
 * website) is refused before it is sent instead of going out as one huge request.
 * Split larger batches.
 *
 * @example
 * ```ts
 * import { Chunk } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const batches = (sessions: ReadonlyArray<string>) =>
 *   Chunk.chunksOf(Chunk.fromIterable(sessions), Schemas.MAX_BATCH_ITEMS)
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const MAX_BATCH_ITEMS = 100

const ids = (what: string) =>
  Schema.Array(Schema.NonEmptyString).pipe(
    Schema.minItems(1, { message: () => `must list at least one ${what} id` }),
    Schema.maxItems(MAX_BATCH_ITEMS, {
      message: () => `must list at most ${MAX_BATCH_ITEMS} ${what} ids per batch (split larger batches)`
    })
  )

/**
 * The `sessions` of a batch: 1 to {@link MAX_BATCH_ITEMS} conversation session ids.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const sessions: Schemas.BatchSessions = ["session_1", "session_2"]
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchSessions = ids("session")

export type BatchSessions = typeof BatchSessions.Type

/**
 * The `profiles` of a people batch: 1 to {@link MAX_BATCH_ITEMS} people ids.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const profiles: Schemas.BatchProfiles = ["people-1"]
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchProfiles = ids("profile")

export type BatchProfiles = typeof BatchProfiles.Type

/**
 * The conversations a resolve, unresolve, read, unread or remove batch acts on:
 * `sessions` (1 to {@link MAX_BATCH_ITEMS} ids), or `inbox_id` (the
 * conversations of that inbox), or both.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const some: Schemas.BatchConversations = { sessions: ["session_1", "session_2"] }
 * const inbox: Schemas.BatchConversations = { inbox_id: "inbox-1" }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchConversations = Schema.Union(
  Schema.Struct({ sessions: BatchSessions, inbox_id: Schema.optional(Schema.String) }),
  Schema.Struct({ inbox_id: Schema.NonEmptyString, sessions: Schema.optional(BatchSessions) })
).annotations({
  message: () => ({
    message: `needs sessions (1 to ${MAX_BATCH_ITEMS} non-empty session ids) or an inbox_id`,
    override: true
  })
})

export type BatchConversations = typeof BatchConversations.Type

/**
 * The people a people batch acts on: `profiles` (1 to {@link MAX_BATCH_ITEMS}
 * people ids) or a `search`, or both.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const some: Schemas.BatchPeople = { profiles: ["people-1", "people-2"] }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchPeople = Schema.Union(
  Schema.Struct({ profiles: BatchProfiles, search: Schema.optional(Schema.String) }),
  Schema.Struct({ search: Schema.NonEmptyString, profiles: Schema.optional(BatchProfiles) })
).annotations({
  message: () => ({
    message: `needs profiles (1 to ${MAX_BATCH_ITEMS} non-empty people ids) or a search`,
    override: true
  })
})

export type BatchPeople = typeof BatchPeople.Type

/**
 * The body of `WebsiteBatch.reportConversations`: the `sessions` and the report `flag`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchReport = { sessions: ["session_1"], flag: "spam" }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchReport = Schema.Struct({ sessions: BatchSessions, flag: Schema.String })

export interface BatchReport extends Schema.Schema.Type<typeof BatchReport> {}

/**
 * The body of `WebsiteBatch.blockConversations`: the `sessions` and whether to
 * block (`true`) or unblock them.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchBlock = { sessions: ["session_1"], blocked: true }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchBlock = Schema.Struct({ sessions: BatchSessions, blocked: Schema.Boolean })

export interface BatchBlock extends Schema.Schema.Type<typeof BatchBlock> {}

/**
 * The body of `WebsiteBatch.routingConversations`: the `sessions` and the operator
 * they are `assigned` to (`null` unassigns them).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchRouting = { sessions: ["session_1"], assigned: { user_id: "operator-1" } }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchRouting = Schema.Struct({
  sessions: BatchSessions,
  assigned: Schema.NullOr(Schema.Struct({ user_id: Schema.String }))
})

export interface BatchRouting extends Schema.Schema.Type<typeof BatchRouting> {}

/**
 * The body of `WebsiteBatch.inboxConversations`: the `sessions` and the inbox they
 * move to (`null`: out of any inbox).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchInbox = { sessions: ["session_1"], inbox_id: "inbox-1" }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchInbox = Schema.Struct({ sessions: BatchSessions, inbox_id: Schema.NullOr(Schema.String) })

export interface BatchInbox extends Schema.Schema.Type<typeof BatchInbox> {}

/**
 * The body of `WebsiteBatch.updateConversationsData`: the `sessions` and the custom
 * `data` (string, number or boolean values) to set on each.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchConversationsData = { sessions: ["session_1"], data: { plan: "pro" } }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchConversationsData = Schema.Struct({ sessions: BatchSessions, data: ScalarRecord })

export interface BatchConversationsData extends Schema.Schema.Type<typeof BatchConversationsData> {}

/**
 * The body of `WebsiteBatch.updateConversationsSegments`: the `sessions` and their
 * `segments`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchConversationsSegments = { sessions: ["session_1"], segments: ["vip"] }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchConversationsSegments = Schema.Struct({
  sessions: BatchSessions,
  segments: Schema.Array(Schema.String)
})

export interface BatchConversationsSegments extends Schema.Schema.Type<typeof BatchConversationsSegments> {}

/**
 * The body of `WebsiteBatch.removePeople`: the `people` to remove.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchPeopleRemove = { people: { profiles: ["people-1"] } }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchPeopleRemove = Schema.Struct({ people: BatchPeople })

export interface BatchPeopleRemove extends Schema.Schema.Type<typeof BatchPeopleRemove> {}

/**
 * The body of `WebsiteBatch.updatePeopleData`: the `people` and the custom `data`
 * to set on each profile.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchPeopleData = { people: { profiles: ["people-1"] }, data: { plan: "pro" } }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchPeopleData = Schema.Struct({ people: BatchPeople, data: ScalarRecord })

export interface BatchPeopleData extends Schema.Schema.Type<typeof BatchPeopleData> {}

/**
 * The body of `WebsiteBatch.updatePeopleSegments`: the `people` and their `segments`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.BatchPeopleSegments = { people: { search: "acme" }, segments: ["customer"] }
 * ```
 *
 * @since 0.2.0
 * @category batch
 */
export const BatchPeopleSegments = Schema.Struct({ people: BatchPeople, segments: Schema.Array(Schema.String) })

export interface BatchPeopleSegments extends Schema.Schema.Type<typeof BatchPeopleSegments> {}
