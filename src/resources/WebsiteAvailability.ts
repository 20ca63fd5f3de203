/**
 * Availability of a website: whether visitors see its chatbox online or away,
 * and each operator's availability.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteAvailability.<method>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteAvailability } from "effect-crisp"
 *
 * const greeting = WebsiteAvailability.getStatus("website-id").pipe(
 *   Effect.map((a) => (a.status === "online" ? "We're here!" : "We'll answer by email."))
 * )
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { routes } from "../internal/rest/route.js"
import { AvailabilityOperator, AvailabilityStatus } from "../schemas/Availability.js"

const route = routes("WebsiteAvailability")

/**
 * Gets whether visitors see the chatbox as online or away (`GET
 * website/{website_id}/availability/status`).
 *
 * Crisp reference: Get Website Availability Status.
 *
 * @example
 * ```ts
 * import { WebsiteAvailability } from "effect-crisp"
 *
 * const status = WebsiteAvailability.getStatus("website-id")
 * ```
 *
 * @since 0.2.0
 * @category availability
 */
export const getStatus = route("getStatus", {
  method: "GET",
  path: "website/{website_id}/availability/status",
  label: "Get Website Availability Status",
  ref: "#get-website-availability-status",
  official: "website.getWebsiteAvailabilityStatus",
  response: AvailabilityStatus
})

/**
 * Lists the availability of every operator of the website (`GET
 * website/{website_id}/availability/operators`).
 *
 * Crisp reference: List Website Operator Availabilities.
 *
 * @example
 * ```ts
 * import { WebsiteAvailability } from "effect-crisp"
 *
 * const operators = WebsiteAvailability.listOperators("website-id")
 * ```
 *
 * @since 0.2.0
 * @category availability
 */
export const listOperators = route("listOperators", {
  method: "GET",
  path: "website/{website_id}/availability/operators",
  label: "List Website Operator Availabilities",
  ref: "#list-website-operator-availabilities",
  official: "website.listWebsiteOperatorAvailabilities",
  response: Schema.Array(AvailabilityOperator)
})
