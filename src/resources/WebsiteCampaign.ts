/**
 * Campaigns of a website: create, edit, target, dispatch, pause and resume them;
 * their templates, tags, recipients and statistics.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteCampaign.<function>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const launch = (websiteId: string) =>
 *   Effect.gen(function*() {
 *     const { campaign_id } = yield* WebsiteCampaign.create(websiteId, { type: "one-shot", name: "Spring news" })
 *     if (campaign_id === undefined) return
 *     yield* WebsiteCampaign.update(websiteId, campaign_id, {
 *       subject: "What's new", message: "Hello!", recipients: { segments: ["newsletter"] }
 *     })
 *     yield* WebsiteCampaign.dispatch(websiteId, campaign_id)
 *   })
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { pages, routes } from "../internal/rest/route.js"
import {
  Campaign,
  CampaignCreate,
  CampaignExcerpt,
  CampaignNew,
  CampaignRecipient,
  CampaignStatistic,
  CampaignTemplate,
  CampaignTemplateCreate,
  CampaignTemplateExcerpt,
  CampaignTemplateNew
} from "../schemas/Campaign.js"

const route = routes("WebsiteCampaign")

const CAMPAIGN = "website/{website_id}/campaign/{campaign_id}"
const TEMPLATE = "website/{website_id}/campaigns/template/{template_id}"
const campaigns = { name: "campaigns", id: "campaign_id" } as const
const templates = { name: "campaign_templates", id: "template_id" } as const

/**
 * Lists one page of a website's campaigns. Pages count from 1; for every
 * campaign, page after page, use {@link stream}.
 *
 * Crisp reference: List Campaigns (`GET website/{website_id}/campaigns/list/{page_number}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const running = WebsiteCampaign.list("website-id", 1).pipe(
 *   Effect.map((page) => page.filter((c) => c.running === true))
 * )
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const list = route("list", {
  method: "GET",
  path: "website/{website_id}/campaigns/list/{page_number}",
  label: "List Campaigns",
  ref: "#list-campaigns",
  official: "website.listCampaigns",
  response: Schema.Array(CampaignExcerpt),
  paged: {},
  fake: { kind: "collection", op: "list", ...campaigns }
})

/**
 * Every campaign of a website as a `Stream`, page after page, fetching a page
 * only when the consumer wants more and stopping at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const names = WebsiteCampaign.stream("website-id").pipe(Stream.map((c) => c.name), Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const stream = pages(list, "stream")

/**
 * Lists the tags used by a website's campaigns.
 *
 * Crisp reference: List Campaign Tags (`GET website/{website_id}/campaigns/tags`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const tags = WebsiteCampaign.listTags("website-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const listTags = route("listTags", {
  method: "GET",
  path: "website/{website_id}/campaigns/tags",
  label: "List Campaign Tags",
  ref: "#list-campaign-tags",
  official: "website.listCampaignTags",
  response: Schema.Array(Schema.String)
})

/**
 * Lists one page of a website's campaign templates (without their content); for
 * all of them use {@link streamTemplates}.
 *
 * Crisp reference: List Campaign Templates (`GET website/{website_id}/campaigns/templates/{page_number}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const firstPage = WebsiteCampaign.listTemplates("website-id", 1)
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const listTemplates = route("listTemplates", {
  method: "GET",
  path: "website/{website_id}/campaigns/templates/{page_number}",
  label: "List Campaign Templates",
  ref: "#list-campaign-templates",
  official: "website.listCampaignTemplates",
  response: Schema.Array(CampaignTemplateExcerpt),
  paged: {},
  fake: { kind: "collection", op: "list", ...templates }
})

/**
 * Every campaign template of a website as a `Stream`, page after page, stopping
 * at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const all = Stream.runCollect(WebsiteCampaign.streamTemplates("website-id"))
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamTemplates = pages(listTemplates, "streamTemplates")

/**
 * Creates a campaign template from its `format` and `name`, and answers its
 * `template_id`.
 *
 * Crisp reference: Create A New Campaign Template (`POST website/{website_id}/campaigns/template`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const created = WebsiteCampaign.createTemplate("website-id", { format: "markdown", name: "Monthly" })
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const createTemplate = route("createTemplate", {
  method: "POST",
  path: "website/{website_id}/campaigns/template",
  label: "Create A New Campaign Template",
  ref: "#create-a-new-campaign-template",
  official: "website.createNewCampaignTemplate",
  input: CampaignTemplateCreate,
  response: CampaignTemplateNew,
  fake: { kind: "collection", op: "create", ...templates }
})

/**
 * Whether a campaign template exists: `true`, or `false` when Crisp answers 404.
 *
 * Crisp reference: Check If Campaign Template Exists (`HEAD .../campaigns/template/{template_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const exists = WebsiteCampaign.checkTemplateExists("website-id", "template-id")
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const checkTemplateExists = route("checkTemplateExists", {
  method: "HEAD",
  path: TEMPLATE,
  label: "Check If Campaign Template Exists",
  ref: "#check-if-campaign-template-exists",
  official: "website.checkCampaignTemplateExists",
  fake: { kind: "collection", op: "exists", ...templates }
})

/**
 * Gets a campaign template with its content. An unknown template fails with
 * `CrispNotFound`.
 *
 * Crisp reference: Get A Campaign Template (`GET .../campaigns/template/{template_id}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const content = WebsiteCampaign.getTemplate("website-id", "template-id").pipe(Effect.map((t) => t.content))
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const getTemplate = route("getTemplate", {
  method: "GET",
  path: TEMPLATE,
  label: "Get A Campaign Template",
  ref: "#get-a-campaign-template",
  official: "website.getCampaignTemplate",
  response: CampaignTemplate,
  fake: { kind: "collection", op: "get", ...templates }
})

/**
 * Saves a campaign template, replacing it with the template given.
 *
 * Crisp reference: Save A Campaign Template (`PUT .../campaigns/template/{template_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const save = WebsiteCampaign.saveTemplate("website-id", "template-id", {
 *   name: "Monthly", format: "markdown", content: "# This month"
 * })
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const saveTemplate = route("saveTemplate", {
  method: "PUT",
  path: TEMPLATE,
  label: "Save A Campaign Template",
  ref: "#save-a-campaign-template",
  official: "website.saveCampaignTemplate",
  input: CampaignTemplate,
  fake: { kind: "custom" }
})

/**
 * Updates a campaign template: only the fields given change.
 *
 * Crisp reference: Update A Campaign Template (`PATCH .../campaigns/template/{template_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const rename = WebsiteCampaign.updateTemplate("website-id", "template-id", { name: "Monthly digest" })
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const updateTemplate = route("updateTemplate", {
  method: "PATCH",
  path: TEMPLATE,
  label: "Update A Campaign Template",
  ref: "#update-a-campaign-template",
  official: "website.updateCampaignTemplate",
  input: CampaignTemplate,
  fake: { kind: "collection", op: "update", ...templates }
})

/**
 * Removes a campaign template.
 *
 * Crisp reference: Remove A Campaign Template (`DELETE .../campaigns/template/{template_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const remove = WebsiteCampaign.removeTemplate("website-id", "template-id")
 * ```
 *
 * @since 0.2.0
 * @category campaign templates
 */
export const removeTemplate = route("removeTemplate", {
  method: "DELETE",
  path: TEMPLATE,
  label: "Remove A Campaign Template",
  ref: "#remove-a-campaign-template",
  official: "website.removeCampaignTemplate",
  fake: { kind: "collection", op: "delete", ...templates }
})

/**
 * Creates a campaign from its `type` and `name`, and answers its `campaign_id`.
 * The campaign starts as a draft: fill it with {@link update}, then {@link dispatch} it.
 *
 * Crisp reference: Create A New Campaign (`POST website/{website_id}/campaign`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const id = WebsiteCampaign.create("website-id", { type: "one-shot", name: "Spring news" }).pipe(
 *   Effect.map((created) => created.campaign_id)
 * )
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const create = route("create", {
  method: "POST",
  path: "website/{website_id}/campaign",
  label: "Create A New Campaign",
  ref: "#create-a-new-campaign",
  official: "website.createNewCampaign",
  input: CampaignCreate,
  response: CampaignNew,
  fake: { kind: "collection", op: "create", ...campaigns }
})

/**
 * Whether a campaign exists: `true`, or `false` when Crisp answers 404.
 *
 * Crisp reference: Check If Campaign Exists (`HEAD website/{website_id}/campaign/{campaign_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const exists = WebsiteCampaign.checkExists("website-id", "campaign-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const checkExists = route("checkExists", {
  method: "HEAD",
  path: CAMPAIGN,
  label: "Check If Campaign Exists",
  ref: "#check-if-campaign-exists",
  official: "website.checkCampaignExists",
  fake: { kind: "collection", op: "exists", ...campaigns }
})

/**
 * Gets a campaign: its content, recipients, flow, options, state and statistics.
 * An unknown campaign fails with `CrispNotFound`.
 *
 * Crisp reference: Get A Campaign (`GET website/{website_id}/campaign/{campaign_id}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const opened = WebsiteCampaign.get("website-id", "campaign-id").pipe(
 *   Effect.map((c) => c.statistics?.opened ?? 0)
 * )
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const get = route("get", {
  method: "GET",
  path: CAMPAIGN,
  label: "Get A Campaign",
  ref: "#get-a-campaign",
  official: "website.getCampaign",
  response: Campaign,
  fake: { kind: "collection", op: "get", ...campaigns }
})

/**
 * Saves a campaign, replacing it with the campaign given.
 *
 * Crisp reference: Save A Campaign (`PUT website/{website_id}/campaign/{campaign_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const save = WebsiteCampaign.save("website-id", "campaign-id", {
 *   name: "Spring news", subject: "What's new", message: "Hello!", recipients: { segments: ["newsletter"] }
 * })
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const save = route("save", {
  method: "PUT",
  path: CAMPAIGN,
  label: "Save A Campaign",
  ref: "#save-a-campaign",
  official: "website.saveCampaign",
  input: Campaign,
  fake: { kind: "custom" }
})

/**
 * Updates a campaign: only the fields given change (e.g. its `recipients`, to add
 * people or segments before dispatching).
 *
 * Crisp reference: Update A Campaign (`PATCH website/{website_id}/campaign/{campaign_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const target = WebsiteCampaign.update("website-id", "campaign-id", {
 *   recipients: { people: ["people-1", "people-2"] }
 * })
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const update = route("update", {
  method: "PATCH",
  path: CAMPAIGN,
  label: "Update A Campaign",
  ref: "#update-a-campaign",
  official: "website.updateCampaign",
  input: Campaign,
  fake: { kind: "collection", op: "update", ...campaigns }
})

/**
 * Removes a campaign.
 *
 * Crisp reference: Remove A Campaign (`DELETE website/{website_id}/campaign/{campaign_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const remove = WebsiteCampaign.remove("website-id", "campaign-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const remove = route("remove", {
  method: "DELETE",
  path: CAMPAIGN,
  label: "Remove A Campaign",
  ref: "#remove-a-campaign",
  official: "website.removeCampaign",
  fake: { kind: "collection", op: "delete", ...campaigns }
})

/**
 * Dispatches a campaign to its recipients. Progress arrives as the realtime
 * events `campaign:dispatched`, `campaign:progress` and `campaign:running`.
 *
 * Crisp reference: Dispatch A Campaign (`POST .../campaign/{campaign_id}/dispatch`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const send = WebsiteCampaign.dispatch("website-id", "campaign-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const dispatch = route("dispatch", {
  method: "POST",
  path: `${CAMPAIGN}/dispatch`,
  label: "Dispatch A Campaign",
  ref: "#dispatch-a-campaign",
  official: "website.dispatchCampaign",
  fake: { kind: "custom" }
})

/**
 * Resumes a paused campaign.
 *
 * Crisp reference: Resume A Campaign (`POST .../campaign/{campaign_id}/resume`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const resume = WebsiteCampaign.resume("website-id", "campaign-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const resume = route("resume", {
  method: "POST",
  path: `${CAMPAIGN}/resume`,
  label: "Resume A Campaign",
  ref: "#resume-a-campaign",
  official: "website.resumeCampaign",
  fake: { kind: "custom" }
})

/**
 * Pauses a running campaign.
 *
 * Crisp reference: Pause A Campaign (`POST .../campaign/{campaign_id}/pause`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const pause = WebsiteCampaign.pause("website-id", "campaign-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const pause = route("pause", {
  method: "POST",
  path: `${CAMPAIGN}/pause`,
  label: "Pause A Campaign",
  ref: "#pause-a-campaign",
  official: "website.pauseCampaign",
  fake: { kind: "custom" }
})

/**
 * Sends a test of a campaign, without dispatching it to its recipients.
 *
 * Crisp reference: Test A Campaign (`POST .../campaign/{campaign_id}/test`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const preview = WebsiteCampaign.test("website-id", "campaign-id")
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const test = route("test", {
  method: "POST",
  path: `${CAMPAIGN}/test`,
  label: "Test A Campaign",
  ref: "#test-a-campaign",
  official: "website.testCampaign"
})

/**
 * Lists one page of a campaign's recipients (the people it goes to, with their
 * email and subscription); for all of them use {@link streamRecipients}.
 *
 * Crisp reference: List Campaign Recipients (`GET .../campaign/{campaign_id}/recipients/{page_number}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const emails = WebsiteCampaign.listRecipients("website-id", "campaign-id", 1).pipe(
 *   Effect.map((page) => page.flatMap((r) => (r.email === undefined ? [] : [r.email])))
 * )
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const listRecipients = route("listRecipients", {
  method: "GET",
  path: `${CAMPAIGN}/recipients/{page_number}`,
  label: "List Campaign Recipients",
  ref: "#list-campaign-recipients",
  official: "website.listCampaignRecipients",
  response: Schema.Array(CampaignRecipient),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every recipient of a campaign as a `Stream`, page after page, stopping at the
 * first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const count = WebsiteCampaign.streamRecipients("website-id", "campaign-id").pipe(Stream.runCount)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamRecipients = pages(listRecipients, "streamRecipients")

/**
 * Lists one page of a campaign's statistics of one `action` (e.g. `"opened"`,
 * `"clicked"`, `"unsubscribed"`, as in the campaign's `statistics`); for all of
 * them use {@link streamStatistics}.
 *
 * Crisp reference: List Campaign Statistics (`GET .../campaign/{campaign_id}/statistics/{action}/{page_number}`).
 *
 * @example
 * ```ts
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const clicks = WebsiteCampaign.listStatistics("website-id", "campaign-id", "clicked", 1)
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const listStatistics = route("listStatistics", {
  method: "GET",
  path: `${CAMPAIGN}/statistics/{action}/{page_number}`,
  label: "List Campaign Statistics",
  ref: "#list-campaign-statistics",
  official: "website.listCampaignStatistics",
  response: Schema.Array(CampaignStatistic),
  paged: {}
})

/**
 * Every statistic of one `action` of a campaign as a `Stream`, page after page,
 * stopping at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteCampaign } from "effect-crisp"
 *
 * const opens = WebsiteCampaign.streamStatistics("website-id", "campaign-id", "opened").pipe(Stream.runCount)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamStatistics = pages(listStatistics, "streamStatistics")
