/**
 * PlanSubscription on the wire (real loopback HTTP): bodies and query as Crisp
 * reads them, answers decoded, bad input refused before anything is sent.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { PlanSubscription } from "../../src/index.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const W = "website-1"
const subscription = {
  id: "plan-unlimited",
  name: "Unlimited",
  price: 95,
  trialing: false,
  bill_period: "yearly",
  website: { id: W, name: "Acme", domain: "acme.test" },
  owner: { user_id: "user-1", email: "owner@acme.test", first_name: "Ada" }
}

describe("PlanSubscription", () => {
  it.scopedLive("every call goes out as Crisp reads it and its answer decodes", () =>
    Effect.gen(function*() {
      const answers = [[subscription], subscription, {}, {}, {}, { code: "SPRING", policy: { rebate_percent: 20 } }, {}]
      const server = yield* Loopback.make((_, i) => Loopback.envelope(answers[i]))
      const results = yield* Effect.all([
        PlanSubscription.listAllActiveSubscriptions(),
        PlanSubscription.getForWebsite(W),
        PlanSubscription.subscribeWebsite(W, { plan_id: "plan-unlimited" }),
        PlanSubscription.unsubscribeWebsite(W),
        PlanSubscription.changeBillPeriod(W, { period: "monthly" }),
        PlanSubscription.checkCouponAvailability(W, { code: "SPRING" }),
        PlanSubscription.redeemCoupon(W, { code: "SPRING" })
      ]).pipe(Effect.provide(Support.layer(server, { retry: false })))
      expect(results).toEqual([
        [subscription],
        subscription,
        undefined,
        undefined,
        undefined,
        { code: "SPRING", policy: { rebate_percent: 20 } },
        undefined
      ])
      const sent = (yield* server.requests).map((r) => [r.method, r.url, r.body === "" ? undefined : JSON.parse(r.body)])
      expect(sent).toEqual([
        ["GET", "/v1/plans/subscription", undefined],
        ["GET", `/v1/plans/subscription/${W}`, undefined],
        ["POST", `/v1/plans/subscription/${W}`, { plan_id: "plan-unlimited" }],
        ["DELETE", `/v1/plans/subscription/${W}`, undefined],
        ["PATCH", `/v1/plans/subscription/${W}/bill/period`, { period: "monthly" }],
        ["GET", `/v1/plans/subscription/${W}/coupon?code=SPRING`, undefined],
        ["PATCH", `/v1/plans/subscription/${W}/coupon`, { code: "SPRING" }]
      ])
    }))

  it.scopedLive("a bill period other than monthly or yearly, an empty coupon code or plan id is refused unsent", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(() => Loopback.envelope({}))
      const refused = [
        [PlanSubscription.changeBillPeriod(W, { period: "weekly" as never }), "period"],
        [PlanSubscription.checkCouponAvailability(W, { code: "" }), "code"],
        [PlanSubscription.redeemCoupon(W, { code: "" }), "code"],
        [PlanSubscription.subscribeWebsite(W, { plan_id: "" }), "plan_id"]
      ] as const
      for (const [call, field] of refused) {
        const error = yield* Effect.flip(call.pipe(Effect.provide(Support.layer(server, { retry: false }))))
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(error.message).toContain(`at ${field}:`)
      }
      expect(yield* server.requests).toEqual([])
    }))

  it.scopedLive("an answer with a bill period Crisp's types do not have is a CrispDecodeError naming the field", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(() => Loopback.envelope({ ...subscription, bill_period: "weekly" }))
      const error = yield* Effect.flip(PlanSubscription.getForWebsite(W).pipe(Effect.provide(Support.layer(server, { retry: false }))))
      expect(error._tag).toBe("CrispDecodeError")
      expect(error.message).toContain("bill_period")
    }))
})
