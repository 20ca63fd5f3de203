/**
 * Batch operations on many conversations or people of a website at once:
 * resolve, read, remove, report, block, route, move to an inbox, set data and
 * segments.
 *
 * Three routes (`PATCH .../batch/remove`, `.../batch/data`, `.../batch/segments`)
 * serve both conversations and people; Crisp tells them apart by the body, and
 * here each is its own function (`removeConversations` / `removePeople`, …).
 *
 * A batch must name at least one target and at most `Schemas.MAX_BATCH_ITEMS`
 * (100) ids: an empty or larger batch fails with `CrispInvalidRequest` before
 * anything is sent. Every function returns `Effect<void, CrispError, CrispHttp>`;
 * its span is named `WebsiteBatch.<function>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const tidy = (websiteId: string, sessions: ReadonlyArray<string>) =>
 *   WebsiteBatch.resolveConversations(websiteId, { sessions }).pipe(
 *     Effect.catchTag("CrispInvalidRequest", (e) => Effect.logWarning(e.issue))
 *   )
 * ```
 *
 * @since 0.2.0
 */
import { routes } from "../internal/rest/route.js"
import {
  BatchBlock,
  BatchConversations,
  BatchConversationsData,
  BatchConversationsSegments,
  BatchInbox,
  BatchPeopleData,
  BatchPeopleRemove,
  BatchPeopleSegments,
  BatchReport,
  BatchRouting
} from "../schemas/Batch.js"

const route = routes("WebsiteBatch")

const BATCH = "website/{website_id}/batch"
// The fake answers the batches without behaviour of their own with nothing.
const plain = { kind: "default" } as const
const custom = { kind: "custom" } as const

/**
 * Resolves many conversations: the `sessions` listed, or those of `inbox_id`.
 *
 * Crisp reference: Batch Resolve Conversations (`PATCH website/{website_id}/batch/resolve`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const resolve = WebsiteBatch.resolveConversations("website-id", { sessions: ["session_1", "session_2"] })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const resolveConversations = route("resolveConversations", {
  method: "PATCH",
  path: `${BATCH}/resolve`,
  label: "Batch Resolve Conversations",
  ref: "#batch-resolve-items",
  official: "website.batchResolveConversations",
  input: BatchConversations,
  fake: custom
})

/**
 * Unresolves (reopens) many conversations: the `sessions` listed, or those of `inbox_id`.
 *
 * Crisp reference: Batch Unresolve Conversations (`PATCH website/{website_id}/batch/unresolve`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const reopen = WebsiteBatch.unresolveConversations("website-id", { sessions: ["session_1"] })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const unresolveConversations = route("unresolveConversations", {
  method: "PATCH",
  path: `${BATCH}/unresolve`,
  label: "Batch Unresolve Conversations",
  ref: "#batch-unresolve-items",
  official: "website.batchUnresolveConversations",
  input: BatchConversations,
  fake: custom
})

/**
 * Marks many conversations as read: the `sessions` listed, or those of `inbox_id`.
 *
 * Crisp reference: Batch Read Conversations (`PATCH website/{website_id}/batch/read`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const read = WebsiteBatch.readConversations("website-id", { inbox_id: "inbox-1" })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const readConversations = route("readConversations", {
  method: "PATCH",
  path: `${BATCH}/read`,
  label: "Batch Read Conversations",
  ref: "#batch-read-items",
  official: "website.batchReadConversations",
  input: BatchConversations,
  fake: plain
})

/**
 * Marks many conversations as unread: the `sessions` listed, or those of `inbox_id`.
 *
 * Crisp reference: Batch Unread Conversations (`PATCH website/{website_id}/batch/unread`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const unread = WebsiteBatch.unreadConversations("website-id", { sessions: ["session_1"] })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const unreadConversations = route("unreadConversations", {
  method: "PATCH",
  path: `${BATCH}/unread`,
  label: "Batch Unread Conversations",
  ref: "#batch-unread-items",
  official: "website.batchUnreadConversations",
  input: BatchConversations,
  fake: plain
})

/**
 * Removes many conversations: the `sessions` listed, or those of `inbox_id`. The
 * people variant of this route is {@link removePeople}.
 *
 * Crisp reference: Batch Remove Conversations (`PATCH website/{website_id}/batch/remove`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const remove = WebsiteBatch.removeConversations("website-id", { sessions: ["session_1", "session_2"] })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const removeConversations = route("removeConversations", {
  method: "PATCH",
  path: `${BATCH}/remove`,
  label: "Batch Remove Conversations",
  ref: "#batch-remove-items",
  official: "website.batchRemoveConversations",
  input: BatchConversations,
  fake: custom
})

/**
 * Removes many people profiles: the `profiles` listed, or those a `search`
 * finds. The conversations variant of this route is {@link removeConversations}.
 *
 * Crisp reference: Batch Remove People (`PATCH website/{website_id}/batch/remove`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const remove = WebsiteBatch.removePeople("website-id", { people: { profiles: ["people-1", "people-2"] } })
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const removePeople = route("removePeople", {
  method: "PATCH",
  path: `${BATCH}/remove`,
  label: "Batch Remove People",
  ref: "#batch-remove-items",
  official: "website.batchRemovePeople",
  input: BatchPeopleRemove,
  fake: plain
})

/**
 * Reports many conversations (e.g. as spam) with one `flag`.
 *
 * Crisp reference: Batch Report Conversations (`POST website/{website_id}/batch/report`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const report = WebsiteBatch.reportConversations("website-id", { sessions: ["session_1"], flag: "spam" })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const reportConversations = route("reportConversations", {
  method: "POST",
  path: `${BATCH}/report`,
  label: "Batch Report Conversations",
  ref: "#batch-report-items",
  official: "website.batchReportConversations",
  input: BatchReport
})

/**
 * Blocks (`blocked: true`) or unblocks the visitors of many conversations.
 *
 * Crisp reference: Batch Block Conversations (`PATCH website/{website_id}/batch/block`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const block = WebsiteBatch.blockConversations("website-id", { sessions: ["session_1"], blocked: true })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const blockConversations = route("blockConversations", {
  method: "PATCH",
  path: `${BATCH}/block`,
  label: "Batch Block Conversations",
  ref: "#batch-block-items",
  official: "website.batchBlockConversations",
  input: BatchBlock,
  fake: plain
})

/**
 * Assigns many conversations to one operator (`assigned: null` unassigns them).
 *
 * Crisp reference: Batch Routing Conversations (`PATCH website/{website_id}/batch/routing`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const assign = WebsiteBatch.routingConversations("website-id", {
 *   sessions: ["session_1"], assigned: { user_id: "operator-1" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const routingConversations = route("routingConversations", {
  method: "PATCH",
  path: `${BATCH}/routing`,
  label: "Batch Routing Conversations",
  ref: "#batch-routing-items",
  official: "website.batchRoutingConversations",
  input: BatchRouting,
  fake: plain
})

/**
 * Moves many conversations to one inbox (`inbox_id: null` takes them out of any inbox).
 *
 * Crisp reference: Batch Inbox Conversations (`PATCH website/{website_id}/batch/inbox`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const move = WebsiteBatch.inboxConversations("website-id", { sessions: ["session_1"], inbox_id: "inbox-1" })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const inboxConversations = route("inboxConversations", {
  method: "PATCH",
  path: `${BATCH}/inbox`,
  label: "Batch Inbox Conversations",
  ref: "#batch-inbox-items",
  official: "website.batchInboxConversations",
  input: BatchInbox,
  fake: plain
})

/**
 * Sets custom data (string, number or boolean values) on many conversations. The
 * people variant of this route is {@link updatePeopleData}.
 *
 * Crisp reference: Batch Update Conversations Data (`PATCH website/{website_id}/batch/data`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const tag = WebsiteBatch.updateConversationsData("website-id", { sessions: ["session_1"], data: { plan: "pro" } })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const updateConversationsData = route("updateConversationsData", {
  method: "PATCH",
  path: `${BATCH}/data`,
  label: "Batch Update Conversations Data",
  ref: "#batch-data-items",
  official: "website.batchUpdateConversationsData",
  input: BatchConversationsData,
  fake: plain
})

/**
 * Sets custom data on many people profiles: the `profiles` listed, or those a
 * `search` finds. The conversations variant of this route is
 * {@link updateConversationsData}.
 *
 * Crisp reference: Batch Update People Data (`PATCH website/{website_id}/batch/data`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const tag = WebsiteBatch.updatePeopleData("website-id", { people: { profiles: ["people-1"] }, data: { plan: "pro" } })
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const updatePeopleData = route("updatePeopleData", {
  method: "PATCH",
  path: `${BATCH}/data`,
  label: "Batch Update People Data",
  ref: "#batch-data-items",
  official: "website.batchUpdatePeopleData",
  input: BatchPeopleData,
  fake: plain
})

/**
 * Sets the segments of many conversations. The people variant of this route is
 * {@link updatePeopleSegments}.
 *
 * Crisp reference: Batch Update Conversations Segments (`PATCH website/{website_id}/batch/segments`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const segment = WebsiteBatch.updateConversationsSegments("website-id", { sessions: ["session_1"], segments: ["vip"] })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const updateConversationsSegments = route("updateConversationsSegments", {
  method: "PATCH",
  path: `${BATCH}/segments`,
  label: "Batch Update Conversations Segments",
  ref: "#batch-segments-items",
  official: "website.batchUpdateConversationsSegments",
  input: BatchConversationsSegments,
  fake: plain
})

/**
 * Sets the segments of many people profiles: the `profiles` listed, or those a
 * `search` finds. The conversations variant of this route is
 * {@link updateConversationsSegments}.
 *
 * Crisp reference: Batch Update People Segments (`PATCH website/{website_id}/batch/segments`).
 *
 * @example
 * ```ts
 * import { WebsiteBatch } from "effect-crisp"
 *
 * const segment = WebsiteBatch.updatePeopleSegments("website-id", {
 *   people: { profiles: ["people-1"] }, segments: ["customer"]
 * })
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const updatePeopleSegments = route("updatePeopleSegments", {
  method: "PATCH",
  path: `${BATCH}/segments`,
  label: "Batch Update People Segments",
  ref: "#batch-segments-items",
  official: "website.batchUpdatePeopleSegments",
  input: BatchPeopleSegments,
  fake: plain
})
