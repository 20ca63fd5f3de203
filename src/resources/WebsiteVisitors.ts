/**
 * Visitors of a website (the people browsing it now): how many, who, where on
 * a map, and the counters of the block rules.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteVisitors.<method>`.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const onPricing = WebsiteVisitors.stream("website-id").pipe(
 *   Stream.filter((v) => v.last_page?.page_url?.includes("/pricing") === true),
 *   Stream.runCount
 * )
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { pages, routes } from "../internal/rest/route.js"
import {
  Visitor,
  VisitorCount,
  VisitorsBlockedInRule,
  VisitorsBlockedList,
  VisitorSessionToken,
  VisitorsMapPoint,
  VisitorsMapQuery
} from "../schemas/Visitor.js"

const route = routes("WebsiteVisitors")

/**
 * Counts the visitors on a website now (`GET website/{website_id}/visitors/count`).
 *
 * Crisp reference: Count Visitors.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const count = WebsiteVisitors.count("website-id")
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const count = route("count", {
  method: "GET",
  path: "website/{website_id}/visitors/count",
  label: "Count Visitors",
  ref: "#count-visitors",
  official: "website.countVisitors",
  response: VisitorCount
})

/**
 * Lists one page of the visitors on a website now (`GET
 * website/{website_id}/visitors/list/{page_number}`). Pages count from 1. For
 * all of them, use {@link stream}.
 *
 * Crisp reference: List Visitors.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const firstPage = WebsiteVisitors.list("website-id", 1)
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const list = route("list", {
  method: "GET",
  path: "website/{website_id}/visitors/list/{page_number}",
  label: "List Visitors",
  ref: "#list-visitors",
  official: "website.listVisitors",
  response: Schema.Array(Visitor),
  paged: {},
  fake: { kind: "collection", name: "visitors", op: "list", id: "session_id" }
})

/**
 * Every visitor on a website now, as a `Stream`, page after page. The route
 * takes no `per_page`, so the walk stops at the first empty page.
 *
 * @example
 * ```ts
 * import { Option, Stream } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const emails = WebsiteVisitors.stream("website-id").pipe(
 *   Stream.filterMap((v) => Option.fromNullable(v.email)),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const stream = pages(list, "stream")

/**
 * Where the visitors are, as points on a map (`GET
 * website/{website_id}/visitors/map`): the whole world without a query, or the
 * area around a center. A center without all of `center_longitude`,
 * `center_latitude` and `center_radius`, or out of range, fails with
 * `CrispInvalidRequest` before anything is sent.
 *
 * Crisp reference: Pinpoint Visitors On A Map.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const aroundParis = WebsiteVisitors.pinpointOnMap("website-id", {
 *   center_longitude: 2.35, center_latitude: 48.85, center_radius: 100
 * })
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const pinpointOnMap = route("pinpointOnMap", {
  method: "GET",
  path: "website/{website_id}/visitors/map",
  label: "Pinpoint Visitors On A Map",
  ref: "#pinpoint-visitors-on-a-map",
  official: "website.pinpointVisitorsOnMap",
  input: VisitorsMapQuery,
  response: Schema.Array(VisitorsMapPoint)
})

/**
 * Finds the session a visitor token belongs to (`GET
 * website/{website_id}/visitors/token/{token_id}`). An unknown token fails with
 * `CrispNotFound`.
 *
 * Crisp reference: Get Session Identifier From Token.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const session = WebsiteVisitors.getSessionIdentifierFromToken("website-id", "token-id")
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const getSessionIdentifierFromToken = route("getSessionIdentifierFromToken", {
  method: "GET",
  path: "website/{website_id}/visitors/token/{token_id}",
  label: "Get Session Identifier From Token",
  ref: "#get-session-identifier-from-token",
  official: "website.getSessionIdentifierFromToken",
  response: VisitorSessionToken
})

/**
 * Counts the visitors held back by each block rule (`GET
 * website/{website_id}/visitors/blocked`), as a list of counters.
 *
 * Crisp reference: Count Blocked Visitors.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const counters = WebsiteVisitors.countBlocked("website-id")
 * ```
 *
 * @since 0.2.0
 * @category block rules
 */
export const countBlocked = route("countBlocked", {
  method: "GET",
  path: "website/{website_id}/visitors/blocked",
  label: "Count Blocked Visitors",
  ref: "#count-blocked-visitors/",
  official: "website.countBlockedVisitors",
  response: VisitorsBlockedList,
  fake: { kind: "custom" }
})

/**
 * Counts the visitors held back by one block rule (`GET
 * website/{website_id}/visitors/blocked/{rule}`). The rule is sent as one path
 * segment, URL-encoded.
 *
 * Crisp reference: Count Blocked Visitors In Rule.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const byIp = WebsiteVisitors.countBlockedInRule("website-id", "ip_range")
 * ```
 *
 * @since 0.2.0
 * @category block rules
 */
export const countBlockedInRule = route("countBlockedInRule", {
  method: "GET",
  path: "website/{website_id}/visitors/blocked/{rule}",
  label: "Count Blocked Visitors In Rule",
  ref: "#count-blocked-visitors-in-rule",
  official: "website.countBlockedVisitorsInRule",
  response: VisitorsBlockedInRule,
  fake: { kind: "custom" }
})

/**
 * Clears the visitors held back by one block rule (`DELETE
 * website/{website_id}/visitors/blocked/{rule}`), so they may chat again.
 *
 * Crisp reference: Clear Blocked Visitors In Rule.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const unblock = WebsiteVisitors.clearBlockedInRule("website-id", "ip_range")
 * ```
 *
 * @since 0.2.0
 * @category block rules
 */
export const clearBlockedInRule = route("clearBlockedInRule", {
  method: "DELETE",
  path: "website/{website_id}/visitors/blocked/{rule}",
  label: "Clear Blocked Visitors In Rule",
  ref: "#clear-blocked-visitors-in-rule",
  official: "website.clearBlockedVisitorsInRule",
  fake: { kind: "custom" }
})
