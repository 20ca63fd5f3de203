/**
 * Plan subscriptions (a website's Crisp plan), their coupons and the bodies of
 * the plan routes.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

/**
 * How often a plan is billed: `"monthly"` or `"yearly"`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const period: Schemas.PlanBillPeriod = "yearly"
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const PlanBillPeriod = Schema.Literal("monthly", "yearly")

export type PlanBillPeriod = typeof PlanBillPeriod.Type

/**
 * A website's plan subscription: the plan (`id`, `name`, `price`), trial and
 * billing state, the website and its owner. Dates are strings as Crisp sends them.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const onTrial = (s: Schemas.PlanSubscription) => s.trialing === true ? s.trial_end_date : undefined
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const PlanSubscription = Schema.Struct({
  id: optional(Schema.String),
  name: optional(Schema.String),
  price: optional(Schema.Number),
  since: optional(Schema.String),
  trialing: optional(Schema.Boolean),
  trial_end: optional(Schema.String),
  trial_end_date: optional(Schema.String),
  bill_period: optional(PlanBillPeriod),
  bill_valid_until: optional(Schema.String),
  active: optional(Schema.Boolean),
  sandbox: optional(Schema.Boolean),
  website: optional(Schema.Struct({
    id: optional(Schema.String),
    name: optional(Schema.String),
    domain: optional(Schema.String),
    logo: optional(Schema.String)
  })),
  coupon_redeemed: optional(Schema.Boolean),
  card_id: optional(Schema.String),
  owner: optional(Schema.Struct({
    user_id: optional(Schema.String),
    email: optional(Schema.String),
    first_name: optional(Schema.String),
    last_name: optional(Schema.String)
  }))
})

export interface PlanSubscription extends Schema.Schema.Type<typeof PlanSubscription> {}

/**
 * A coupon, as `PlanSubscription.checkCouponAvailability` answers it: its `code`,
 * `policy` (rebate in percent, trial days), how often it can be redeemed and when
 * it expires.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const rebate = (c: Schemas.PlanCoupon) => c.policy?.rebate_percent ?? 0
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const PlanCoupon = Schema.Struct({
  code: optional(Schema.String),
  policy: optional(Schema.Struct({
    rebate_percent: optional(Schema.Number),
    trial_days: optional(Schema.Number)
  })),
  redeem_limit: optional(Schema.Number),
  expire_at: optional(Schema.String)
})

export interface PlanCoupon extends Schema.Schema.Type<typeof PlanCoupon> {}

/**
 * A coupon `code`: the query of `PlanSubscription.checkCouponAvailability` and the
 * body of `PlanSubscription.redeemCoupon`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const coupon: Schemas.PlanCouponCode = { code: "SPRING" }
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const PlanCouponCode = Schema.Struct({ code: Schema.NonEmptyString })

export interface PlanCouponCode extends Schema.Schema.Type<typeof PlanCouponCode> {}

/**
 * The body of `PlanSubscription.subscribeWebsite`: the `plan_id` to subscribe to.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.PlanSubscribe = { plan_id: "plan-1" }
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const PlanSubscribe = Schema.Struct({ plan_id: Schema.NonEmptyString })

export interface PlanSubscribe extends Schema.Schema.Type<typeof PlanSubscribe> {}

/**
 * The body of `PlanSubscription.changeBillPeriod`: the new `period`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.PlanBillPeriodChange = { period: "yearly" }
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const PlanBillPeriodChange = Schema.Struct({ period: PlanBillPeriod })

export interface PlanBillPeriodChange extends Schema.Schema.Type<typeof PlanBillPeriodChange> {}
