/**
 * Plugins: the plugin's own account and the websites that connected it
 * (`PluginConnect`), and a plugin's subscriptions — its per-website settings,
 * usage billing, channel forwards and events (`PluginSubscription`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"
import { Flag } from "./Search.js"

/** A free-form JSON object (settings, schemas, payloads). */
const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * The plugin a token belongs to: `{ plugin_id }`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const pluginId = PluginConnect.getAccount().pipe(Effect.map((account) => account.plugin_id))
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const PluginConnectAccount = Schema.Struct({
  plugin_id: optional(Schema.String)
})

export interface PluginConnectAccount extends Schema.Schema.Type<typeof PluginConnectAccount> {}

/**
 * A website that connected the plugin: its `website_id`, the plugin's token for
 * it (`Redacted`), its subscription `settings`, and its `plan` when asked for
 * with `include_plan: 1`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const configured = PluginConnect.listAllWebsites(1, { filter_configured: 1 }).pipe(
 *   Effect.map((websites) => websites.map((website) => website.website_id))
 * )
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const PluginConnectWebsite = Schema.Struct({
  website_id: optional(Schema.String),
  price: optional(Schema.Number),
  token: optional(Schema.Redacted(Schema.String)),
  settings: optional(JsonObject),
  plan: optional(Schema.Struct({
    id: optional(Schema.String),
    name: optional(Schema.String),
    trialing: optional(Schema.Boolean)
  })),
  difference: optional(Schema.String)
})

export interface PluginConnectWebsite extends Schema.Schema.Type<typeof PluginConnectWebsite> {}

/**
 * Query options of `PluginConnect.listAllWebsites`: `filter_configured: 1` keeps
 * the websites whose settings are saved, `include_plan: 1` adds each website's plan.
 *
 * @example
 * ```ts
 * import { PluginConnect } from "effect-crisp"
 *
 * const page = PluginConnect.listAllWebsites(1, { filter_configured: 1, include_plan: 1 })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const PluginConnectWebsitesQuery = Schema.Struct({
  filter_configured: Schema.optional(Flag),
  include_plan: Schema.optional(Flag)
})

export interface PluginConnectWebsitesQuery extends Schema.Schema.Type<typeof PluginConnectWebsitesQuery> {}

/** A date Crisp reads (ISO 8601, e.g. `"2026-01-01T00:00:00Z"`). */
const IsoDate = Schema.NonEmptyTrimmedString.pipe(
  Schema.filter((s) => !Number.isNaN(Date.parse(s)), {
    message: () => "must be an ISO 8601 date",
    arbitrary: () => (fc) => fc.date({ min: new Date(0), max: new Date(4102444800000) }).map((d) => d.toISOString())
  })
)

/**
 * Query options of `PluginConnect.listWebsitesSince`: `date_since` (an ISO 8601
 * date) plus the filters of {@link PluginConnectWebsitesQuery}.
 *
 * @example
 * ```ts
 * import { PluginConnect } from "effect-crisp"
 *
 * const recent = PluginConnect.listWebsitesSince({ date_since: "2026-01-01T00:00:00Z", filter_configured: 1 })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const PluginConnectWebsitesSinceQuery = Schema.Struct({
  date_since: Schema.optional(IsoDate),
  filter_configured: Schema.optional(Flag),
  include_plan: Schema.optional(Flag)
})

export interface PluginConnectWebsitesSinceQuery extends Schema.Schema.Type<typeof PluginConnectWebsitesSinceQuery> {}

/**
 * A plugin subscription: the plugin (`id`, `urn`, `name`, `summary`, links,
 * `plans`, `price`) and, for a website, whether it is `active` there and `since` when.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginSubscription } from "effect-crisp"
 *
 * const names = PluginSubscription.listForWebsite("website-id").pipe(
 *   Effect.map((subscriptions) => subscriptions.map((s) => s.name))
 * )
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const PluginSubscription = Schema.Struct({
  id: optional(Schema.String),
  urn: optional(Schema.String),
  type: optional(Schema.String),
  category: optional(Schema.String),
  name: optional(Schema.String),
  summary: optional(Schema.String),
  price: optional(Schema.Number),
  plans: optional(Schema.Array(Schema.Struct({
    id: optional(Schema.String),
    name: optional(Schema.String),
    price: optional(Schema.Number)
  }))),
  icon: optional(Schema.String),
  website_url: optional(Schema.String),
  contact_url: optional(Schema.String),
  terms_url: optional(Schema.String),
  privacy_url: optional(Schema.String),
  help_url: optional(Schema.String),
  video_url: optional(Schema.String),
  configurable: optional(Schema.Boolean),
  since: optional(Schema.String),
  active: optional(Schema.Boolean),
  website_id: optional(Schema.String),
  card_id: optional(Schema.String)
})

export interface PluginSubscription extends Schema.Schema.Type<typeof PluginSubscription> {}

/**
 * A subscription's settings as `PluginSubscription.getSettings` answers them:
 * the saved `settings` object, the settings `schema`, the form and callback
 * URLs, and the website's plugin `token` (`Redacted`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginSubscription } from "effect-crisp"
 *
 * const greeting = PluginSubscription.getSettings("website-id", "plugin-id").pipe(
 *   Effect.map((subscription) => subscription.settings?.["greeting"])
 * )
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const PluginSubscriptionSettings = Schema.Struct({
  plugin_id: optional(Schema.String),
  website_id: optional(Schema.String),
  token: optional(Schema.Redacted(Schema.String)),
  schema: optional(JsonObject),
  settings: optional(JsonObject),
  settings_form_url: optional(Schema.String),
  callback_url: optional(Schema.String)
})

export interface PluginSubscriptionSettings extends Schema.Schema.Type<typeof PluginSubscriptionSettings> {}

/**
 * A plugin's settings for one website, as the plugin saves them: a free-form
 * JSON object, sent as it is (`saveSettings` replaces, `updateSettings` merges).
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const save = PluginSubscription.saveSettings("website-id", "plugin-id", { greeting: "Hello!", enabled: true })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PluginSettings = JsonObject

export type PluginSettings = typeof PluginSettings.Type

/**
 * The body of `PluginSubscription.subscribeWebsite`: the plugin to subscribe the website to.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const subscribe = PluginSubscription.subscribeWebsite("website-id", { plugin_id: "plugin-id" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PluginSubscribe = Schema.Struct({
  plugin_id: Schema.NonEmptyTrimmedString
})

export interface PluginSubscribe extends Schema.Schema.Type<typeof PluginSubscribe> {}

/**
 * A usage report for usage-based billing: a free-form JSON object, sent as it is.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const report = PluginSubscription.reportUsageToBill("website-id", "plugin-id", { name: "messages", units: 120 })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PluginUsageReport = JsonObject

export type PluginUsageReport = typeof PluginUsageReport.Type

/**
 * The body of `PluginSubscription.forwardPayloadToChannel`: a `payload` for the
 * plugin's channel, addressed by `namespace` and `identifier`.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const forward = PluginSubscription.forwardPayloadToChannel("website-id", "plugin-id", {
 *   namespace: "orders", identifier: "order-42", payload: { status: "shipped" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PluginChannelForward = Schema.Struct({
  namespace: Schema.optional(Schema.String),
  identifier: Schema.optional(Schema.String),
  payload: Schema.optional(JsonObject)
})

export interface PluginChannelForward extends Schema.Schema.Type<typeof PluginChannelForward> {}

/**
 * The body of `PluginSubscription.dispatchEvent`: an event `name` and its `data`.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const dispatch = PluginSubscription.dispatchEvent("website-id", "plugin-id", {
 *   name: "order:shipped", data: { order_id: "42" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PluginEventDispatch = Schema.Struct({
  name: Schema.optional(Schema.String),
  data: Schema.optional(JsonObject)
})

export interface PluginEventDispatch extends Schema.Schema.Type<typeof PluginEventDispatch> {}
