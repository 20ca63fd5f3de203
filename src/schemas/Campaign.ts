/**
 * Campaigns (one-shot and automated emails or chat messages to people) and their
 * templates, recipients and statistics.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional, orEmpty } from "./fields.js"

// The official types say the filter `query` is a record; Crisp's other clients send
// an array of values. Both decode.
const FilterQuery = Schema.Union(
  Schema.Array(Schema.Unknown),
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)

/**
 * One criterion choosing people: `{ model, criterion, operator, query }`, as a
 * campaign's recipients filter or its automation's `assert_filter`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const inFrance: Schemas.CampaignFilter = {
 *   model: "people", criterion: "geolocation.country", operator: "eq", query: ["FR"]
 * }
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignFilter = Schema.Struct({
  model: optional(Schema.String),
  criterion: optional(Schema.String),
  operator: optional(Schema.String),
  query: optional(FilterQuery)
})

export interface CampaignFilter extends Schema.Schema.Type<typeof CampaignFilter> {}

const excerptFields = {
  campaign_id: optional(Schema.String),
  type: optional(Schema.String),
  format: optional(Schema.String),
  name: optional(Schema.String),
  subject: optional(Schema.String),
  tag: optional(Schema.String),
  ready: optional(Schema.Boolean),
  dispatched: optional(Schema.Boolean),
  running: optional(Schema.Boolean),
  progress: optional(Schema.Number),
  targets: optional(Schema.Number),
  reached: optional(Schema.Number),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number),
  dispatched_at: optional(Schema.Number)
}

/**
 * A campaign as listed: identity, kind, state (`ready`, `dispatched`, `running`,
 * `progress` in percent) and counts (`targets`, `reached`). Timestamps are
 * milliseconds since the epoch.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const isLive = (campaign: Schemas.CampaignExcerpt) => campaign.dispatched === true && campaign.running === true
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignExcerpt = Schema.Struct(excerptFields)

export interface CampaignExcerpt extends Schema.Schema.Type<typeof CampaignExcerpt> {}

/**
 * Who a campaign goes to: `type` (how recipients are chosen), `segments`, a list
 * of `people` ids, or a `filter`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const vips: Schemas.CampaignRecipients = { segments: ["vip"] }
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignRecipients = Schema.Struct({
  type: optional(Schema.String),
  segments: optional(Schema.Array(Schema.String)),
  people: optional(Schema.Array(Schema.String)),
  filter: optional(Schema.Array(CampaignFilter))
})

export interface CampaignRecipients extends Schema.Schema.Type<typeof CampaignRecipients> {}

/**
 * A full campaign: the {@link CampaignExcerpt} fields plus its `sender`,
 * `recipients`, automation `flow`, `message`, delivery `options` and
 * `statistics`. It is also the body of `WebsiteCampaign.save` (replace) and
 * `WebsiteCampaign.update` (only the fields given).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const draft: Schemas.Campaign = {
 *   name: "Spring news",
 *   subject: "What's new",
 *   message: "Hello! Here is what changed this spring.",
 *   recipients: { segments: ["newsletter"] },
 *   options: { deliver_to_email: true, tracking: true }
 * }
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const Campaign = Schema.Struct({
  ...excerptFields,
  sender: optional(Schema.Struct({ user_id: optional(Schema.String) })),
  recipients: optional(CampaignRecipients),
  flow: optional(Schema.Struct({
    launch_event: optional(Schema.String),
    assert_filter: optional(Schema.Array(CampaignFilter)),
    assert_delay: optional(Schema.Number),
    deliver_once: optional(Schema.Boolean),
    deliver_delay: optional(Schema.Number)
  })),
  message: optional(Schema.String),
  options: optional(Schema.Struct({
    deliver_to_chatbox: optional(Schema.Boolean),
    deliver_to_email: optional(Schema.Boolean),
    sender_name_website: optional(Schema.Boolean),
    sender_email_reply: optional(Schema.Boolean),
    tracking: optional(Schema.Boolean)
  })),
  statistics: optional(Schema.Struct({
    opened: optional(Schema.Number),
    clicked: optional(Schema.Number),
    unsubscribed: optional(Schema.Number)
  }))
})

export interface Campaign extends Schema.Schema.Type<typeof Campaign> {}

/**
 * The body of `WebsiteCampaign.create`: the campaign's `type` and `name`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.CampaignCreate = { type: "one-shot", name: "Spring news" }
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignCreate = Schema.Struct({ type: Schema.String, name: Schema.String })

export interface CampaignCreate extends Schema.Schema.Type<typeof CampaignCreate> {}

/**
 * What `WebsiteCampaign.create` answers: the new `campaign_id` (an absent answer
 * decodes as `{}`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const created: Schemas.CampaignNew = { campaign_id: "campaign-1" }
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignNew = orEmpty(Schema.Struct({ campaign_id: optional(Schema.String) }))

export type CampaignNew = typeof CampaignNew.Type

const templateExcerptFields = {
  template_id: optional(Schema.String),
  type: optional(Schema.String),
  name: optional(Schema.String),
  format: optional(Schema.String),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number)
}

/**
 * A campaign template as listed (without its content).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const names = (templates: ReadonlyArray<Schemas.CampaignTemplateExcerpt>) => templates.map((t) => t.name)
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const CampaignTemplateExcerpt = Schema.Struct(templateExcerptFields)

export interface CampaignTemplateExcerpt extends Schema.Schema.Type<typeof CampaignTemplateExcerpt> {}

/**
 * A campaign template with its `content`. Also the body of
 * `WebsiteCampaign.saveTemplate` and `WebsiteCampaign.updateTemplate`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const template: Schemas.CampaignTemplate = { name: "Monthly", format: "markdown", content: "# Hello" }
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const CampaignTemplate = Schema.Struct({ ...templateExcerptFields, content: optional(Schema.String) })

export interface CampaignTemplate extends Schema.Schema.Type<typeof CampaignTemplate> {}

/**
 * The body of `WebsiteCampaign.createTemplate`: the template's `format` and `name`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.CampaignTemplateCreate = { format: "markdown", name: "Monthly" }
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const CampaignTemplateCreate = Schema.Struct({ format: Schema.String, name: Schema.String })

export interface CampaignTemplateCreate extends Schema.Schema.Type<typeof CampaignTemplateCreate> {}

/**
 * What `WebsiteCampaign.createTemplate` answers: the new `template_id` (an absent
 * answer decodes as `{}`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const created: Schemas.CampaignTemplateNew = { template_id: "template-1" }
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const CampaignTemplateNew = orEmpty(Schema.Struct({ template_id: optional(Schema.String) }))

export type CampaignTemplateNew = typeof CampaignTemplateNew.Type

const Person = {
  nickname: optional(Schema.String),
  avatar: optional(Schema.String)
}

/**
 * One recipient of a campaign: the person's id, email, nickname and avatar, and
 * whether they are subscribed to emails.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const reachable = (r: Schemas.CampaignRecipient) => r.subscribed !== false && r.email !== undefined
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignRecipient = Schema.Struct({
  people_id: optional(Schema.String),
  email: optional(Schema.String),
  person: optional(Schema.Struct(Person)),
  subscribed: optional(Schema.Boolean)
})

export interface CampaignRecipient extends Schema.Schema.Type<typeof CampaignRecipient> {}

/**
 * One statistic of a campaign (an open, a click, an unsubscription, …): its
 * `type`, the person it concerns, free-form `data` and timestamps.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const who = (s: Schemas.CampaignStatistic) => s.profile?.email ?? s.profile?.people_id
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const CampaignStatistic = Schema.Struct({
  type: optional(Schema.String),
  profile: optional(Schema.Struct({
    people_id: optional(Schema.String),
    email: optional(Schema.String),
    person: optional(Schema.Struct({
      ...Person,
      geolocation: optional(Schema.Struct({
        country: optional(Schema.String),
        region: optional(Schema.String),
        city: optional(Schema.String),
        coordinates: optional(Schema.Struct({
          latitude: optional(Schema.Number),
          longitude: optional(Schema.Number)
        }))
      }))
    }))
  })),
  data: optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number)
})

export interface CampaignStatistic extends Schema.Schema.Type<typeof CampaignStatistic> {}
