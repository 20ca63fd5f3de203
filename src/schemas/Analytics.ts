/**
 * Website analytics: the query of `WebsiteAnalytics.generate` and the points it
 * answers.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

const Hours = Schema.Struct({ hour_from: Schema.String, hour_to: Schema.String })

/**
 * The period of an analytics query: `from` and `to` (dates as Crisp reads them,
 * e.g. ISO 8601), the `split` of the points (per hour, day, …), the `timezone`,
 * and optionally the opening `days` (per weekday, `hour_from`/`hour_to`) to count.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const march: Schemas.AnalyticsDate = {
 *   from: "2026-03-01T00:00:00.000Z", to: "2026-03-31T23:59:59.999Z", split: "day", timezone: "Europe/Paris"
 * }
 * ```
 *
 * @since 0.2.0
 * @category analytics
 */
export const AnalyticsDate = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  split: Schema.optional(Schema.String),
  timezone: Schema.optional(Schema.String),
  days: Schema.optional(Schema.Struct({
    monday: Schema.optional(Hours),
    tuesday: Schema.optional(Hours),
    wednesday: Schema.optional(Hours),
    thursday: Schema.optional(Hours),
    friday: Schema.optional(Hours),
    saturday: Schema.optional(Hours),
    sunday: Schema.optional(Hours)
  }))
})

export interface AnalyticsDate extends Schema.Schema.Type<typeof AnalyticsDate> {}

/**
 * The query of `WebsiteAnalytics.generate`, passed to Crisp as it is. The parts
 * Crisp documents are typed — the `metric` and its `type`, the `date` period, an
 * `aggregator`, a `split_by` dimension, a `filter`, the `if`/`then` conditional
 * parts and `raw_export`; any other field is sent unchanged.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * // The metric and type names are listed in Crisp's reference (Generate Analytics).
 * const query: Schemas.AnalyticsQuery = {
 *   metric: "conversation",
 *   type: "conversation",
 *   date: { from: "2026-03-01T00:00:00.000Z", to: "2026-03-31T23:59:59.999Z", split: "day", timezone: "UTC" }
 * }
 * ```
 *
 * @since 0.2.0
 * @category analytics
 */
export const AnalyticsQuery = Schema.Struct(
  {
    metric: Schema.String,
    type: Schema.String,
    date: AnalyticsDate,
    aggregator: Schema.optional(Schema.String),
    split_by: Schema.optional(Schema.String),
    filter: Schema.optional(Schema.Unknown),
    if: Schema.optional(Schema.Struct({ metric: Schema.String, split_by: Schema.String })),
    then: Schema.optional(Schema.Struct({ type: Schema.optional(Schema.String), filter: Schema.optional(Schema.Unknown) })),
    raw_export: Schema.optional(Schema.Boolean)
  },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)

export interface AnalyticsQuery extends Schema.Schema.Type<typeof AnalyticsQuery> {}

/**
 * One point of an analytics answer: its `period`, `value` and `split_by` group,
 * with hit counts.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const total = (points: ReadonlyArray<Schemas.AnalyticsPoint>) => points.reduce((sum, p) => sum + (p.value ?? 0), 0)
 * ```
 *
 * @since 0.2.0
 * @category analytics
 */
export const AnalyticsPoint = Schema.Struct({
  period: optional(Schema.String),
  value: optional(Schema.Number),
  split_by: optional(Schema.String),
  hits: optional(Schema.Number),
  unique_hits: optional(Schema.Number),
  sum_value: optional(Schema.Number),
  sum_hits: optional(Schema.Number)
})

export interface AnalyticsPoint extends Schema.Schema.Type<typeof AnalyticsPoint> {}
