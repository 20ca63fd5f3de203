/**
 * Analytics of a website: counts and values over time (conversations, ratings,
 * response times, …), as Crisp's analytics dashboard computes them.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteAnalytics } from "effect-crisp"
 *
 * const perDay = WebsiteAnalytics.generate("website-id", {
 *   metric: "conversation",
 *   type: "conversation",
 *   date: { from: "2026-03-01T00:00:00.000Z", to: "2026-03-31T23:59:59.999Z", split: "day", timezone: "UTC" }
 * }).pipe(Effect.map((points) => points.map((p) => [p.period, p.value] as const)))
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { routes } from "../internal/rest/route.js"
import { AnalyticsPoint, AnalyticsQuery } from "../schemas/Analytics.js"

const route = routes("WebsiteAnalytics")

/**
 * Generates analytics for a website and answers their points. The query is sent
 * as it is: its documented parts are typed (`metric`, `type` and the `date`
 * period are required; `aggregator`, `split_by`, `filter`, `if`/`then`,
 * `raw_export` are optional), any other field passes through. A query missing a
 * required part fails with `CrispInvalidRequest` before anything is sent.
 *
 * Crisp reference: Generate Analytics (`POST website/{website_id}/analytics/generate`).
 *
 * @example
 * ```ts
 * import { WebsiteAnalytics } from "effect-crisp"
 *
 * // The metric and type names are listed in Crisp's reference.
 * const points = WebsiteAnalytics.generate("website-id", {
 *   metric: "conversation",
 *   type: "conversation",
 *   date: { from: "2026-03-01T00:00:00.000Z", to: "2026-03-08T00:00:00.000Z", split: "day", timezone: "Europe/Paris" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category analytics
 */
export const generate = route("generate", {
  method: "POST",
  path: "website/{website_id}/analytics/generate",
  label: "Generate Analytics",
  ref: "#generate-analytics",
  official: "website.generateAnalytics",
  input: AnalyticsQuery,
  response: Schema.Array(AnalyticsPoint)
})
