/**
 * A plugin's subscriptions: which websites use which plugins, the plugin's
 * settings for each website, usage billing, and payloads and events the plugin
 * sends to a website.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `PluginSubscription.<function>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginSubscription } from "effect-crisp"
 *
 * const enable = (websiteId: string, pluginId: string) =>
 *   PluginSubscription.updateSettings(websiteId, pluginId, { enabled: true }).pipe(
 *     Effect.zipRight(PluginSubscription.getSettings(websiteId, pluginId)),
 *     Effect.map((subscription) => subscription.settings)
 *   )
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { routes } from "../internal/rest/route.js"
import {
  PluginChannelForward,
  PluginEventDispatch,
  PluginSettings,
  PluginSubscribe,
  PluginSubscription,
  PluginSubscriptionSettings,
  PluginUsageReport
} from "../schemas/Plugin.js"

const route = routes("PluginSubscription")

const subscriptions = { kind: "collection", name: "plugin_subscriptions", id: "plugin_id" } as const

/**
 * Lists the active plugin subscriptions of every website the token can see
 * (`GET plugins/subscription`). Not to be confused with the plan subscriptions
 * of the same name (`plans/subscription`).
 *
 * Crisp reference: List All Active Subscriptions.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginSubscription } from "effect-crisp"
 *
 * const pluginIds = PluginSubscription.listAllActiveSubscriptions().pipe(
 *   Effect.map((subscriptions) => subscriptions.map((s) => s.id))
 * )
 * ```
 *
 * @since 0.2.0
 * @category subscriptions
 */
export const listAllActiveSubscriptions = route("listAllActiveSubscriptions", {
  method: "GET",
  path: "plugins/subscription",
  label: "List All Active Subscriptions",
  ref: "#list-all-active-subscriptions",
  official: "plugin.listAllActiveSubscriptions",
  response: Schema.Array(PluginSubscription),
  fake: { kind: "default" }
})

/**
 * Lists the plugins a website is subscribed to (`GET plugins/subscription/{website_id}`).
 *
 * Crisp reference: List Subscriptions For A Website.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const subscriptions = PluginSubscription.listForWebsite("website-id")
 * ```
 *
 * @since 0.2.0
 * @category subscriptions
 */
export const listForWebsite = route("listForWebsite", {
  method: "GET",
  path: "plugins/subscription/{website_id}",
  label: "List Subscriptions For A Website",
  ref: "#list-subscriptions-for-a-website",
  official: "plugin.listSubscriptionsForWebsite",
  response: Schema.Array(PluginSubscription),
  fake: { ...subscriptions, op: "list" }
})

/**
 * Gets one subscription of a website (`GET
 * plugins/subscription/{website_id}/{plugin_id}`). A plugin the website is not
 * subscribed to fails with `CrispNotFound`.
 *
 * Crisp reference: Get Subscription Details.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginSubscription } from "effect-crisp"
 *
 * const active = PluginSubscription.getDetails("website-id", "plugin-id").pipe(
 *   Effect.map((subscription) => subscription.active === true),
 *   Effect.catchTag("CrispNotFound", () => Effect.succeed(false))
 * )
 * ```
 *
 * @since 0.2.0
 * @category subscriptions
 */
export const getDetails = route("getDetails", {
  method: "GET",
  path: "plugins/subscription/{website_id}/{plugin_id}",
  label: "Get Subscription Details",
  ref: "#get-subscription-details",
  official: "plugin.getSubscriptionDetails",
  response: PluginSubscription,
  fake: { ...subscriptions, op: "get" }
})

/**
 * Subscribes a website to a plugin (`POST plugins/subscription/{website_id}`
 * with `{ plugin_id }`).
 *
 * Crisp reference: Subscribe Website To Plugin.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const subscribe = PluginSubscription.subscribeWebsite("website-id", { plugin_id: "plugin-id" })
 * ```
 *
 * @since 0.2.0
 * @category subscriptions
 */
export const subscribeWebsite = route("subscribeWebsite", {
  method: "POST",
  path: "plugins/subscription/{website_id}",
  label: "Subscribe Website To Plugin",
  ref: "#subscribe-website-to-plugin",
  official: "plugin.subscribeWebsiteToPlugin",
  input: PluginSubscribe,
  fake: { ...subscriptions, op: "create" }
})

/**
 * Unsubscribes a website from a plugin (`DELETE
 * plugins/subscription/{website_id}/{plugin_id}`).
 *
 * Crisp reference: Unsubscribe Plugin From Website.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const unsubscribe = PluginSubscription.unsubscribeWebsite("website-id", "plugin-id")
 * ```
 *
 * @since 0.2.0
 * @category subscriptions
 */
export const unsubscribeWebsite = route("unsubscribeWebsite", {
  method: "DELETE",
  path: "plugins/subscription/{website_id}/{plugin_id}",
  label: "Unsubscribe Plugin From Website",
  ref: "#unsubscribe-plugin-from-website",
  official: "plugin.unsubscribePluginFromWebsite",
  fake: { ...subscriptions, op: "delete" }
})

/**
 * Gets a plugin's settings for a website (`GET
 * plugins/subscription/{website_id}/{plugin_id}/settings`): the saved
 * `settings`, their `schema`, the settings form and callback URLs, and the
 * website's plugin `token` (`Redacted`).
 *
 * Crisp reference: Get Subscription Settings.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginSubscription } from "effect-crisp"
 *
 * const settings = PluginSubscription.getSettings("website-id", "plugin-id").pipe(
 *   Effect.map((subscription) => subscription.settings ?? {})
 * )
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const getSettings = route("getSettings", {
  method: "GET",
  path: "plugins/subscription/{website_id}/{plugin_id}/settings",
  label: "Get Subscription Settings",
  ref: "#get-subscription-settings",
  official: "plugin.getSubscriptionSettings",
  response: PluginSubscriptionSettings,
  fake: { kind: "custom" }
})

/**
 * Replaces a plugin's settings for a website (`PUT
 * plugins/subscription/{website_id}/{plugin_id}/settings`): the object is sent
 * as it is. Crisp then publishes `plugin:settings:saved`.
 *
 * Crisp reference: Save Subscription Settings.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const save = PluginSubscription.saveSettings("website-id", "plugin-id", { greeting: "Hello!", enabled: true })
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const saveSettings = route("saveSettings", {
  method: "PUT",
  path: "plugins/subscription/{website_id}/{plugin_id}/settings",
  label: "Save Subscription Settings",
  ref: "#save-subscription-settings",
  official: "plugin.saveSubscriptionSettings",
  input: PluginSettings,
  fake: { kind: "custom" }
})

/**
 * Changes some of a plugin's settings for a website (`PATCH
 * plugins/subscription/{website_id}/{plugin_id}/settings`): the object is sent
 * as it is and merged into the saved settings (the keys it does not name stay).
 *
 * Crisp reference: Update Subscription Settings.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const disable = PluginSubscription.updateSettings("website-id", "plugin-id", { enabled: false })
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const updateSettings = route("updateSettings", {
  method: "PATCH",
  path: "plugins/subscription/{website_id}/{plugin_id}/settings",
  label: "Update Subscription Settings",
  ref: "#update-subscription-settings",
  official: "plugin.updateSubscriptionSettings",
  input: PluginSettings,
  fake: { kind: "custom" }
})

/**
 * Gets the usage a plugin has reported for billing on a website (`GET
 * plugins/subscription/{website_id}/{plugin_id}/bill/usage`). Crisp's types
 * do not describe the answer: it is passed through as `unknown` JSON.
 *
 * Crisp reference: Get Plugin Usage Bills.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const bills = PluginSubscription.getUsageBills("website-id", "plugin-id")
 * ```
 *
 * @since 0.2.0
 * @category billing
 */
export const getUsageBills = route("getUsageBills", {
  method: "GET",
  path: "plugins/subscription/{website_id}/{plugin_id}/bill/usage",
  label: "Get Plugin Usage Bills",
  ref: "#get-plugin-usage-bills",
  official: "plugin.getPluginUsageBills",
  response: Schema.Unknown,
  fake: { kind: "default" }
})

/**
 * Reports usage to bill to a website (`POST
 * plugins/subscription/{website_id}/{plugin_id}/bill/usage`): the object is
 * sent as it is. Not retried on a 5xx (a retried POST could bill twice).
 *
 * Crisp reference: Report Plugin Usage To Bill.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const report = PluginSubscription.reportUsageToBill("website-id", "plugin-id", { name: "messages", units: 120 })
 * ```
 *
 * @since 0.2.0
 * @category billing
 */
export const reportUsageToBill = route("reportUsageToBill", {
  method: "POST",
  path: "plugins/subscription/{website_id}/{plugin_id}/bill/usage",
  label: "Report Plugin Usage To Bill",
  ref: "#report-plugin-usage-to-bill",
  official: "plugin.reportPluginUsageToBill",
  input: PluginUsageReport
})

/**
 * Gets the plugin's attestation of provenance for a website (`GET
 * plugins/subscription/{website_id}/{plugin_id}/attest/provenance`). Crisp's
 * types do not describe the answer: it is passed through as `unknown` JSON.
 *
 * Crisp reference: Get Plugin Attest Provenance.
 *
 * @example
 * ```ts
 * import { PluginSubscription } from "effect-crisp"
 *
 * const provenance = PluginSubscription.getAttestProvenance("website-id", "plugin-id")
 * ```
 *
 * @since 0.2.0
 * @category subscriptions
 */
export const getAttestProvenance = route("getAttestProvenance", {
  method: "GET",
  path: "plugins/subscription/{website_id}/{plugin_id}/attest/provenance",
  label: "Get Plugin Attest Provenance",
  ref: "#get-plugin-attest-provenance",
  official: "plugin.getPluginAttestProvenance",
  response: Schema.Unknown,
  fake: { kind: "default" }
})

/**
 * Forwards a payload to the plugin's channel on a website (`POST
 * plugins/subscription/{website_id}/{plugin_id}/channel` with `{ namespace,
 * identifier, payload }`).
 *
 * Crisp reference: Forward Plugin Payload To Channel.
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
 * @category events
 */
export const forwardPayloadToChannel = route("forwardPayloadToChannel", {
  method: "POST",
  path: "plugins/subscription/{website_id}/{plugin_id}/channel",
  label: "Forward Plugin Payload To Channel",
  ref: "#forward-plugin-payload-to-channel",
  official: "plugin.forwardPluginPayloadToChannel",
  input: PluginChannelForward
})

/**
 * Dispatches a plugin event on a website (`POST
 * plugins/subscription/{website_id}/{plugin_id}/event` with `{ name, data }`).
 *
 * Crisp reference: Dispatch Plugin Event.
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
 * @category events
 */
export const dispatchEvent = route("dispatchEvent", {
  method: "POST",
  path: "plugins/subscription/{website_id}/{plugin_id}/event",
  label: "Dispatch Plugin Event",
  ref: "#dispatch-plugin-event",
  official: "plugin.dispatchPluginEvent",
  input: PluginEventDispatch
})
