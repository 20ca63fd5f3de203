/**
 * The response Schemas of this group on their own: unknown fields ignored, null as
 * missing, a present field of the wrong type fails naming it.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either, ParseResult, Schema } from "effect"
import { Schemas } from "../../src/index.js"

const decode = <A, I>(schema: Schema.Schema<A, I>) => Schema.decodeUnknownEither(schema)
const firstPath = (result: Either.Either<unknown, ParseResult.ParseError>): string =>
  Either.isLeft(result) ? ParseResult.ArrayFormatter.formatErrorSync(result.left)[0]!.path.join(".") : "decoded"

describe("campaign Schemas", () => {
  it("a campaign decodes leniently: unknown fields dropped, null as missing, filters as lists or records", () => {
    const recipients = {
      segments: ["vip"],
      filter: [
        { model: "people", criterion: "segments", operator: "has", query: ["vip"] },
        { model: "people", criterion: "data.plan", operator: "eq", query: { value: "pro" } }
      ]
    }
    const result = decode(Schemas.Campaign)({
      campaign_id: "c1",
      name: null,
      created_at: 1_700_000_000_000,
      recipients,
      options: { tracking: true, future_option: 1 },
      a_future_field: "x"
    })
    expect(result).toEqual(Either.right({
      campaign_id: "c1",
      created_at: 1_700_000_000_000,
      recipients,
      options: { tracking: true }
    }))
  })

  it("a present field of the wrong type fails, naming it", () => {
    expect(firstPath(decode(Schemas.Campaign)({ running: "yes" }))).toBe("running")
    expect(firstPath(decode(Schemas.Campaign)({ statistics: { opened: "3" } }))).toBe("statistics.opened")
    expect(firstPath(decode(Schemas.CampaignRecipient)({ person: { nickname: 1 } }))).toBe("person.nickname")
    expect(firstPath(decode(Schemas.CampaignStatistic)({ profile: { person: { geolocation: { city: [] } } } })))
      .toBe("profile.person.geolocation.city")
    expect(firstPath(decode(Schemas.PlanSubscription)({ owner: { email: false } }))).toBe("owner.email")
    expect(firstPath(decode(Schemas.AnalyticsPoint)({ value: "4" }))).toBe("value")
  })

  it("create answers decode an absent answer as {}", () => {
    expect(decode(Schemas.CampaignNew)(null)).toEqual(Either.right({}))
    expect(decode(Schemas.CampaignTemplateNew)(undefined)).toEqual(Either.right({}))
    expect(decode(Schemas.CampaignNew)({ campaign_id: "c1" })).toEqual(Either.right({ campaign_id: "c1" }))
  })
})
