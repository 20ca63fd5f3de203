/**
 * Inboxes of a website: list, create, check, read, save, delete, reorder.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>` (or a `Stream`); its
 * span is named `WebsiteInbox.<function>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const billing = WebsiteInbox.create("website-id", { name: "Billing", emoji: "💳" }).pipe(
 *   Effect.flatMap(({ inbox_id }) => WebsiteInbox.get("website-id", inbox_id ?? ""))
 * )
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { pages, routes } from "../internal/rest/route.js"
import { Inbox, InboxInput, InboxNew, InboxOrders } from "../schemas/Inbox.js"

const route = routes("WebsiteInbox")

const inboxes = { kind: "collection", name: "inboxes", id: "inbox_id" } as const

/**
 * Lists one page of a website's inboxes (`GET
 * website/{website_id}/inboxes/list/{page_number}`). Pages count from 1; for
 * every inbox use {@link stream}.
 *
 * Crisp reference: List Inboxes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const names = WebsiteInbox.list("website-id", 1).pipe(Effect.map((page) => page.map((inbox) => inbox.name)))
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const list = route("list", {
  method: "GET",
  path: "website/{website_id}/inboxes/list/{page_number}",
  label: "List Inboxes",
  ref: "#list-website-inboxes",
  official: "website.listInboxes",
  response: Schema.Array(Inbox),
  paged: {},
  fake: { ...inboxes, op: "list" }
})

/**
 * Every inbox of a website as a `Stream`, page after page (Crisp takes no page
 * size here: the Stream stops at the first empty page).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const all = WebsiteInbox.stream("website-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const stream = pages(list, "stream")

/**
 * Sets the order of several inboxes at once (`PATCH
 * website/{website_id}/inboxes/batch/order` with `{ orders: [{ inbox_id, order }] }`).
 *
 * Crisp reference: Batch Order Inboxes.
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
 * @category inboxes
 */
export const batchOrder = route("batchOrder", {
  method: "PATCH",
  path: "website/{website_id}/inboxes/batch/order",
  label: "Batch Order Inboxes",
  ref: "#batch-order-website-inboxes",
  official: "website.batchOrderInboxes",
  input: InboxOrders,
  fake: { kind: "custom" }
})

/**
 * Creates an inbox (`POST website/{website_id}/inbox`) and answers its `inbox_id`.
 * Not retried on a 5xx (a retried POST could create it twice).
 *
 * Crisp reference: Create A New Inbox.
 *
 * @example
 * ```ts
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const create = WebsiteInbox.create("website-id", {
 *   name: "France", conditions: [{ model: "session", criterion: "country", operator: "eq", query: ["FR"] }]
 * })
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const create = route("create", {
  method: "POST",
  path: "website/{website_id}/inbox",
  label: "Create A New Inbox",
  ref: "#create-a-new-website-inbox",
  official: "website.createNewInbox",
  input: InboxInput,
  response: InboxNew,
  fake: { ...inboxes, op: "create" }
})

/**
 * Checks whether an inbox exists (`HEAD website/{website_id}/inbox/{inbox_id}`):
 * `true` when it does, `false` when Crisp answers 404.
 *
 * Crisp reference: Check If Inbox Exists.
 *
 * @example
 * ```ts
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const exists = WebsiteInbox.checkExists("website-id", "inbox-id")
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const checkExists = route("checkExists", {
  method: "HEAD",
  path: "website/{website_id}/inbox/{inbox_id}",
  label: "Check If Inbox Exists",
  ref: "#check-if-website-inbox-exists",
  official: "website.checkInboxExists",
  fake: { ...inboxes, op: "exists" }
})

/**
 * Gets an inbox (`GET website/{website_id}/inbox/{inbox_id}`). An unknown inbox
 * fails with `CrispNotFound`.
 *
 * Crisp reference: Get Inbox.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const operators = WebsiteInbox.get("website-id", "inbox-id").pipe(Effect.map((inbox) => inbox.operators ?? []))
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const get = route("get", {
  method: "GET",
  path: "website/{website_id}/inbox/{inbox_id}",
  label: "Get Inbox",
  ref: "#get-website-inbox",
  official: "website.getInbox",
  response: Inbox,
  fake: { ...inboxes, op: "get" }
})

/**
 * Saves an inbox (`PUT website/{website_id}/inbox/{inbox_id}`): the fields given
 * replace the inbox's.
 *
 * Crisp reference: Save Inbox.
 *
 * @example
 * ```ts
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const rename = WebsiteInbox.save("website-id", "inbox-id", { name: "Billing & invoices", emoji: "💳" })
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
export const save = route("save", {
  method: "PUT",
  path: "website/{website_id}/inbox/{inbox_id}",
  label: "Save Inbox",
  ref: "#save-website-inbox",
  official: "website.saveInbox",
  input: InboxInput,
  fake: { ...inboxes, op: "update" }
})

/**
 * Deletes an inbox (`DELETE website/{website_id}/inbox/{inbox_id}`).
 *
 * Crisp reference: Delete Inbox.
 *
 * @example
 * ```ts
 * import { WebsiteInbox } from "effect-crisp"
 *
 * const remove = WebsiteInbox.delete("website-id", "inbox-id")
 * ```
 *
 * @since 0.2.0
 * @category inboxes
 */
const delete_ = route("delete", {
  method: "DELETE",
  path: "website/{website_id}/inbox/{inbox_id}",
  label: "Delete Inbox",
  ref: "#delete-website-inbox",
  official: "website.deleteInbox",
  fake: { ...inboxes, op: "delete" }
})

export {
  /**
   * Deletes an inbox (`DELETE website/{website_id}/inbox/{inbox_id}`).
   *
   * Crisp reference: Delete Inbox.
   *
   * @example
   * ```ts
   * import { WebsiteInbox } from "effect-crisp"
   *
   * const remove = WebsiteInbox.delete("website-id", "inbox-id")
   * ```
   *
   * @since 0.2.0
   * @category inboxes
   */
  delete_ as delete
}
