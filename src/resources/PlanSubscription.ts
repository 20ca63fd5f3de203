/**
 * Plan subscriptions: which Crisp plan each website is on, subscribing and
 * unsubscribing, the billing period and coupons.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `PlanSubscription.<function>`. Plugin subscriptions (`/plugins/subscription`)
 * are another module.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PlanSubscription } from "effect-crisp"
 *
 * const planName = PlanSubscription.getForWebsite("website-id").pipe(Effect.map((s) => s.name))
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { routes } from "../internal/rest/route.js"
import {
  PlanBillPeriodChange,
  PlanCoupon,
  PlanCouponCode,
  PlanSubscribe,
  PlanSubscription as Subscription
} from "../schemas/Plan.js"

const route = routes("PlanSubscription")

const SUBSCRIPTION = "plans/subscription/{website_id}"

/**
 * Lists the active plan subscriptions of every website the account can see.
 *
 * Crisp reference: List All Active Plan Subscriptions (`GET plans/subscription`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PlanSubscription } from "effect-crisp"
 *
 * const websites = PlanSubscription.listAllActiveSubscriptions().pipe(
 *   Effect.map((subscriptions) => subscriptions.map((s) => s.website?.domain))
 * )
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const listAllActiveSubscriptions = route("listAllActiveSubscriptions", {
  method: "GET",
  path: "plans/subscription",
  label: "List All Active Plan Subscriptions",
  ref: "#list-all-active-plan-subscriptions",
  official: "plan.listAllActiveSubscriptions",
  response: Schema.Array(Subscription)
})

/**
 * Gets the plan subscription of a website.
 *
 * Crisp reference: Get Plan Subscription For A Website (`GET plans/subscription/{website_id}`).
 *
 * @example
 * ```ts
 * import { PlanSubscription } from "effect-crisp"
 *
 * const subscription = PlanSubscription.getForWebsite("website-id")
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const getForWebsite = route("getForWebsite", {
  method: "GET",
  path: SUBSCRIPTION,
  label: "Get Plan Subscription For A Website",
  ref: "#get-plan-subscription-for-a-website",
  official: "plan.getPlanSubscriptionForWebsite",
  response: Subscription
})

/**
 * Subscribes a website to a plan (`{ plan_id }`).
 *
 * Crisp reference: Subscribe Website To Plan (`POST plans/subscription/{website_id}`).
 *
 * @example
 * ```ts
 * import { PlanSubscription } from "effect-crisp"
 *
 * const subscribe = PlanSubscription.subscribeWebsite("website-id", { plan_id: "plan-id" })
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const subscribeWebsite = route("subscribeWebsite", {
  method: "POST",
  path: SUBSCRIPTION,
  label: "Subscribe Website To Plan",
  ref: "#subscribe-website-to-plan",
  official: "plan.subscribeWebsiteToPlan",
  input: PlanSubscribe
})

/**
 * Unsubscribes a website from its plan.
 *
 * Crisp reference: Unsubscribe Plan From Website (`DELETE plans/subscription/{website_id}`).
 *
 * @example
 * ```ts
 * import { PlanSubscription } from "effect-crisp"
 *
 * const unsubscribe = PlanSubscription.unsubscribeWebsite("website-id")
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const unsubscribeWebsite = route("unsubscribeWebsite", {
  method: "DELETE",
  path: SUBSCRIPTION,
  label: "Unsubscribe Plan From Website",
  ref: "#unsubscribe-plan-from-website",
  official: "plan.unsubscribePlanFromWebsite"
})

/**
 * Changes how often a website's plan is billed (`{ period: "monthly" | "yearly" }`);
 * another period fails with `CrispInvalidRequest` before anything is sent.
 *
 * Crisp reference: Change Bill Period For Website Plan Subscription (`PATCH plans/subscription/{website_id}/bill/period`).
 *
 * @example
 * ```ts
 * import { PlanSubscription } from "effect-crisp"
 *
 * const yearly = PlanSubscription.changeBillPeriod("website-id", { period: "yearly" })
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const changeBillPeriod = route("changeBillPeriod", {
  method: "PATCH",
  path: `${SUBSCRIPTION}/bill/period`,
  label: "Change Bill Period For Website Plan Subscription",
  ref: "#change-bill-period-for-website-plan-subscription",
  official: "plan.changeBillPeriodForWebsitePlanSubscription",
  input: PlanBillPeriodChange,
  fake: { kind: "default" }
})

/**
 * Checks whether a coupon can be redeemed on a website's plan, and answers the
 * coupon (its rebate, trial days, limit and expiry).
 *
 * Crisp reference: Check Coupon Availability For Website Plan Subscription (`GET plans/subscription/{website_id}/coupon`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PlanSubscription } from "effect-crisp"
 *
 * const rebate = PlanSubscription.checkCouponAvailability("website-id", { code: "SPRING" }).pipe(
 *   Effect.map((coupon) => coupon.policy?.rebate_percent ?? 0)
 * )
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const checkCouponAvailability = route("checkCouponAvailability", {
  method: "GET",
  path: `${SUBSCRIPTION}/coupon`,
  label: "Check Coupon Availability For Website Plan Subscription",
  ref: "#check-coupon-availability-for-website-plan-subscription",
  official: "plan.checkCouponAvailabilityForWebsitePlanSubscription",
  input: PlanCouponCode,
  response: PlanCoupon
})

/**
 * Redeems a coupon on a website's plan.
 *
 * Crisp reference: Redeem Coupon For Website Plan Subscription (`PATCH plans/subscription/{website_id}/coupon`).
 *
 * @example
 * ```ts
 * import { PlanSubscription } from "effect-crisp"
 *
 * const redeem = PlanSubscription.redeemCoupon("website-id", { code: "SPRING" })
 * ```
 *
 * @since 0.2.0
 * @category plans
 */
export const redeemCoupon = route("redeemCoupon", {
  method: "PATCH",
  path: `${SUBSCRIPTION}/coupon`,
  label: "Redeem Coupon For Website Plan Subscription",
  ref: "#redeem-coupon-for-website-plan-subscription",
  official: "plan.redeemCouponForWebsitePlanSubscription",
  input: PlanCouponCode,
  fake: { kind: "default" }
})
