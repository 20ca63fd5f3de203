/**
 * Plugin routes: the plugin's own connection (`plugin/connect/...`), its
 * settings per website (saved, merged, read back, announced with
 * `plugin:settings:saved`).
 *
 * Choices where Crisp's documentation is silent: a plugin token's `plugin_id` is
 * the token's identifier; a plugin token reads and writes its own plugin's
 * settings only (403 for another plugin's); the connected websites of a plugin
 * are the websites its token may act on, 20 a page.
 */
import type { PluginConnectWebsitesSinceQuery, PluginSettings } from "../../../schemas/Plugin.js"
import { clone, deepMerge, type JsonRecord } from "../json.js"
import { fail, type Handlers, isReply, ok, type Reply, type RouteContext } from "../router.js"
import { pageNumber, slicePage, withWebsite } from "./common.js"

/** A plugin's saved settings for one website. */
interface SavedSettings {
  readonly settings: JsonRecord
  readonly saved_at: number
}

const PAGE_SIZE = 20

const settingsKey = (websiteId: string, pluginId: string) => `plugin-settings\u0000${websiteId}\u0000${pluginId}`

const savedSettings = (ctx: RouteContext, websiteId: string, pluginId: string): SavedSettings | undefined =>
  ctx.store.documents.get(settingsKey(websiteId, pluginId)) as SavedSettings | undefined

/** The plugin a token belongs to (see the choices above). */
const pluginIdOf = (ctx: RouteContext): string => ctx.principal?.token.identifier ?? ""

/** Runs `f` with the website and plugin of the path; a plugin token may only touch its own plugin. */
const withPlugin = (ctx: RouteContext, f: (websiteId: string, pluginId: string) => Reply): Reply =>
  withWebsite(ctx, (website) => {
    const pluginId = ctx.params.plugin_id ?? ""
    const token = ctx.principal?.token
    if (token?.tier === "plugin" && token.identifier !== pluginId) {
      return fail(403, "not_allowed", "a plugin token may only use its own plugin's settings")
    }
    return f(website.website_id, pluginId)
  })

const getSettings = (ctx: RouteContext): Reply =>
  withPlugin(ctx, (websiteId, pluginId) =>
    ok({
      plugin_id: pluginId,
      website_id: websiteId,
      schema: {},
      settings: clone(savedSettings(ctx, websiteId, pluginId)?.settings ?? {})
    }))

/** Stores the settings and announces them, as Crisp does when a plugin's settings are saved. */
const store = (ctx: RouteContext, websiteId: string, pluginId: string, settings: JsonRecord): Reply => {
  const saved: SavedSettings = { settings: clone(settings), saved_at: ctx.now }
  ctx.store.documents.set(settingsKey(websiteId, pluginId), saved)
  ctx.store.emit("plugin:settings:saved", { website_id: websiteId, plugin_id: pluginId, settings: clone(settings) }, ctx.now)
  return ok()
}

const saveSettings = (ctx: RouteContext): Reply =>
  withPlugin(ctx, (websiteId, pluginId) => store(ctx, websiteId, pluginId, ctx.input as PluginSettings))

const updateSettings = (ctx: RouteContext): Reply =>
  withPlugin(ctx, (websiteId, pluginId) =>
    store(
      ctx,
      websiteId,
      pluginId,
      deepMerge(savedSettings(ctx, websiteId, pluginId)?.settings ?? {}, ctx.input as PluginSettings)
    ))

/** The websites the plugin is connected to: those its token may act on. */
const connectedWebsites = (ctx: RouteContext) => {
  const allowed = ctx.principal?.token.websites
  return [...ctx.store.websites.values()]
    .filter((w) => allowed === undefined || allowed.includes(w.website_id))
    .sort((a, b) => a.created_at - b.created_at || a.website_id.localeCompare(b.website_id))
}

const connectWebsites = (ctx: RouteContext, since: number | undefined): ReadonlyArray<JsonRecord> => {
  const query = (ctx.input ?? {}) as PluginConnectWebsitesSinceQuery
  const pluginId = pluginIdOf(ctx)
  return connectedWebsites(ctx).flatMap((website) => {
    const saved = savedSettings(ctx, website.website_id, pluginId)
    if (query.filter_configured === 1 && saved === undefined) return []
    if (since !== undefined && (saved === undefined || saved.saved_at < since)) return []
    return [{
      website_id: website.website_id,
      settings: clone(saved?.settings ?? {}),
      ...(query.include_plan === 1 ? { plan: { id: "plan-free", name: "Free", trialing: false } } : {})
    }]
  })
}

const listAllWebsites = (ctx: RouteContext): Reply => {
  const page = pageNumber(ctx.params.page_number)
  if (isReply(page)) return page
  return ok(slicePage(connectWebsites(ctx, undefined), page, PAGE_SIZE))
}

/** The connected websites whose settings were saved since `date_since` (every one without it). */
const listWebsitesSince = (ctx: RouteContext): Reply => {
  const raw = ((ctx.input ?? {}) as PluginConnectWebsitesSinceQuery).date_since
  const since = raw === undefined ? undefined : Date.parse(raw)
  if (since !== undefined && Number.isNaN(since)) return fail(400, "invalid_data", "query date_since must be a date")
  return ok(connectWebsites(ctx, since))
}

/** The plugin rows, by function name. */
export const handlers: Handlers = {
  "PluginConnect.getAccount": { auth: "connect", handle: (ctx) => ok({ plugin_id: pluginIdOf(ctx) }) },
  "PluginConnect.checkSessionValidity": { auth: "connect", handle: () => ok() },
  "PluginConnect.listAllWebsites": { auth: "connect", handle: listAllWebsites },
  "PluginConnect.listWebsitesSince": { auth: "connect", handle: listWebsitesSince },
  "PluginSubscription.getSettings": getSettings,
  "PluginSubscription.saveSettings": saveSettings,
  "PluginSubscription.updateSettings": updateSettings
}
