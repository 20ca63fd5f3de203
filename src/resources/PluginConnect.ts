/**
 * A plugin's own connection to Crisp: which plugin the token belongs to,
 * whether its session is valid, which websites connected it, and where its
 * realtime socket lives. Call these with a plugin-tier token.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>` (or a `Stream`); its
 * span is named `PluginConnect.<function>`.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const configuredWebsites = PluginConnect.streamAllWebsites({ filter_configured: 1 }).pipe(
 *   Stream.map((website) => website.website_id),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { pages, routes } from "../internal/rest/route.js"
import { ConnectEndpoints } from "../schemas/Connect.js"
import {
  PluginConnectAccount,
  PluginConnectWebsite,
  PluginConnectWebsitesQuery,
  PluginConnectWebsitesSinceQuery
} from "../schemas/Plugin.js"

const route = routes("PluginConnect")

/**
 * Gets the plugin the current token belongs to (`GET plugin/connect/account`):
 * `{ plugin_id }`.
 *
 * Crisp reference: Get Connect Account.
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
 * @category connect
 */
export const getAccount = route("getAccount", {
  method: "GET",
  path: "plugin/connect/account",
  label: "Get Connect Account",
  ref: "#get-connect-account",
  official: "plugin.getConnectAccount",
  response: PluginConnectAccount,
  fake: { kind: "custom" }
})

/**
 * Checks that the current plugin token's session is valid (`HEAD
 * plugin/connect/session`): `true` when it is. A refused token fails with
 * `CrispUnauthorized`; `false` is Crisp's 404.
 *
 * Crisp reference: Check Connect Session Validity.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const valid = PluginConnect.checkSessionValidity().pipe(
 *   Effect.catchTag("CrispUnauthorized", () => Effect.succeed(false))
 * )
 * ```
 *
 * @since 0.2.0
 * @category connect
 */
export const checkSessionValidity = route("checkSessionValidity", {
  method: "HEAD",
  path: "plugin/connect/session",
  label: "Check Connect Session Validity",
  ref: "#check-connect-session-validity",
  official: "plugin.checkConnectSessionValidity",
  fake: { kind: "custom" }
})

/**
 * Lists one page of the websites that connected the plugin (`GET
 * plugin/connect/websites/all/{page_number}`), each with the plugin's token for
 * it and its subscription settings. `filter_configured: 1` keeps the websites
 * whose settings are saved; `include_plan: 1` adds their plan. Pages count from
 * 1; for every website use {@link streamAllWebsites}.
 *
 * Crisp reference: List All Connect Websites.
 *
 * @example
 * ```ts
 * import { PluginConnect } from "effect-crisp"
 *
 * const firstPage = PluginConnect.listAllWebsites(1, { filter_configured: 1, include_plan: 1 })
 * ```
 *
 * @since 0.2.0
 * @category connect
 */
export const listAllWebsites = route("listAllWebsites", {
  method: "GET",
  path: "plugin/connect/websites/all/{page_number}",
  label: "List All Connect Websites",
  ref: "#list-all-connect-websites",
  official: "plugin.listAllConnectWebsites",
  input: PluginConnectWebsitesQuery,
  response: Schema.Array(PluginConnectWebsite),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every website that connected the plugin, as a `Stream`, page after page
 * (Crisp takes no page size here: the Stream stops at the first empty page). It
 * fetches a page only when the consumer wants more.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const all = PluginConnect.streamAllWebsites().pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamAllWebsites = pages(listAllWebsites, "streamAllWebsites")

/**
 * Lists the websites whose connection to the plugin changed since a date (`GET
 * plugin/connect/websites/since`, `date_since` an ISO 8601 date); each entry
 * says how in `difference`.
 *
 * Crisp reference: List Connect Websites Since.
 *
 * @example
 * ```ts
 * import { PluginConnect } from "effect-crisp"
 *
 * const changes = PluginConnect.listWebsitesSince({ date_since: "2026-01-01T00:00:00Z", include_plan: 1 })
 * ```
 *
 * @since 0.2.0
 * @category connect
 */
export const listWebsitesSince = route("listWebsitesSince", {
  method: "GET",
  path: "plugin/connect/websites/since",
  label: "List Connect Websites Since",
  ref: "#list-connect-websites-since",
  official: "plugin.listConnectWebsitesSince",
  input: PluginConnectWebsitesSinceQuery,
  response: Schema.Array(PluginConnectWebsite),
  fake: { kind: "custom" }
})

/**
 * Gets the plugin's realtime endpoints (`GET plugin/connect/endpoints`):
 * `socket.app` is the socket.io URL. `CrispRtm` calls this by itself.
 *
 * Crisp reference: Get Connect Endpoints.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const socketUrl = PluginConnect.getEndpoints().pipe(Effect.map((endpoints) => endpoints.socket?.app))
 * ```
 *
 * @since 0.2.0
 * @category connect
 */
export const getEndpoints = route("getEndpoints", {
  method: "GET",
  path: "plugin/connect/endpoints",
  label: "Get Connect Endpoints",
  ref: "#get-connect-endpoints",
  official: "plugin.getConnectEndpoints",
  response: ConnectEndpoints,
  fake: { kind: "custom" }
})
