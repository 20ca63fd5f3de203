/**
 * The helpdesk of a website (Crisp's knowledge base): the helpdesk itself, its
 * locales, the page tree of each locale and content type, history, feedback,
 * redirections, settings and domain.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteHelpdesk.<function>`. Paged lists have a `Stream` form (`streamX` for
 * `listX`).
 *
 * **Page paths.** The tree routes (`...Tree...`) take a page path such as
 * `getting-started/billing`: the slugs from the top of the locale's tree down to
 * the page, joined by `/`. It is sent as several path segments
 * (`.../tree/path/en/articles/getting-started/billing`), as Crisp's own client
 * sends it, each slug URL-encoded on its own: a space, `?`, `#`, `%` or a
 * non-ASCII letter stays inside its slug. A path with an empty slug (a leading,
 * trailing or doubled `/`) or a `.`/`..` slug fails with `CrispInvalidRequest`
 * before anything is sent.
 *
 * **Content types.** `contentType` is one of `"articles"`, `"guides"`,
 * `"references"`, `"news"` (`Schemas.HelpdeskContentType`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const publish = (websiteId: string) =>
 *   Effect.gen(function* () {
 *     yield* WebsiteHelpdesk.createTreePath(websiteId, "en", "articles", "getting-started/billing")
 *     yield* WebsiteHelpdesk.saveTreeContent(websiteId, "en", "articles", "getting-started/billing", {
 *       content: "# Billing\n\nInvoices are sent monthly."
 *     })
 *     yield* WebsiteHelpdesk.updateTreeMetadata(websiteId, "en", "articles", "getting-started/billing", {
 *       title: "Billing", state: { published: true }
 *     })
 *   })
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { pages, routes } from "../internal/rest/route.js"
import {
  Helpdesk,
  HelpdeskDomain,
  HelpdeskDomainChange,
  HelpdeskDomainSetupFlow,
  HelpdeskDomainSetupQuery,
  HelpdeskExternalImport,
  HelpdeskFeedbackQuery,
  HelpdeskHistoryChange,
  HelpdeskHistoryChangeCancel,
  HelpdeskHistoryChangesQuery,
  HelpdeskInitialize,
  HelpdeskLocale,
  HelpdeskLocaleAdd,
  HelpdeskLocaleFeedbackItem,
  HelpdeskLocaleFeedbackRatings,
  HelpdeskPage,
  HelpdeskRedirection,
  HelpdeskRedirectionAdd,
  HelpdeskRedirectionNew,
  HelpdeskRemove,
  HelpdeskSettings,
  HelpdeskTreeContent,
  HelpdeskTreeContentSave,
  HelpdeskTreeEntry,
  HelpdeskTreeListQuery,
  HelpdeskTreeMetadata,
  HelpdeskTreePage,
  HelpdeskTreePathUpdate
} from "../schemas/Helpdesk.js"

const route = routes("WebsiteHelpdesk")

const LOCALES = { kind: "collection", name: "helpdesk_locales", id: "locale" } as const
const REDIRECTIONS = { kind: "collection", name: "helpdesk_redirections", id: "redirection_id" } as const

// ---------------------------------------------------------------------------
// The helpdesk
// ---------------------------------------------------------------------------

/**
 * Tells whether the website has a helpdesk: `true`, or `false` on a 404.
 *
 * Crisp reference: Check If Helpdesk Exists (`HEAD website/{website_id}/helpdesk`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const exists = WebsiteHelpdesk.checkExists("website-id")
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const checkExists = route("checkExists", {
  method: "HEAD",
  path: "website/{website_id}/helpdesk",
  label: "Check If Helpdesk Exists",
  ref: "#check-if-helpdesk-exists",
  official: "website.checkHelpdeskExists",
  fake: { kind: "document" }
})

/**
 * Gets the website's helpdesk: its name and public URL. A website without a
 * helpdesk fails with `CrispNotFound`.
 *
 * Crisp reference: Resolve Helpdesk (`GET website/{website_id}/helpdesk`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const url = WebsiteHelpdesk.resolve("website-id").pipe(Effect.map((helpdesk) => helpdesk.url))
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const resolve = route("resolve", {
  method: "GET",
  path: "website/{website_id}/helpdesk",
  label: "Resolve Helpdesk",
  ref: "#resolve-helpdesk",
  official: "website.resolveHelpdesk",
  response: Helpdesk,
  fake: { kind: "document" }
})

/**
 * Creates the website's helpdesk with a name and a basic sub-domain.
 *
 * Crisp reference: Initialize Helpdesk (`POST website/{website_id}/helpdesk`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const create = WebsiteHelpdesk.initialize("website-id", { name: "Acme Help", domain_basic: "acme" })
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const initialize = route("initialize", {
  method: "POST",
  path: "website/{website_id}/helpdesk",
  label: "Initialize Helpdesk",
  ref: "#initialize-helpdesk",
  official: "website.initializeHelpdesk",
  input: HelpdeskInitialize,
  fake: { kind: "document" }
})

/**
 * Deletes the website's helpdesk, confirmed by `verify` (a `DELETE` with a JSON
 * body; the secret is `Redacted` and never shows in errors).
 *
 * Crisp reference: Delete Helpdesk (`DELETE website/{website_id}/helpdesk`).
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const remove = WebsiteHelpdesk.deleteHelpdesk("website-id", {
 *   verify: { method: "password", secret: Redacted.make("account-password") }
 * })
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const deleteHelpdesk = route("deleteHelpdesk", {
  method: "DELETE",
  path: "website/{website_id}/helpdesk",
  label: "Delete Helpdesk",
  ref: "#delete-helpdesk",
  official: "website.deleteHelpdesk",
  input: HelpdeskRemove,
  fake: { kind: "document" }
})

// ---------------------------------------------------------------------------
// Locales
// ---------------------------------------------------------------------------

/**
 * Lists one page of the helpdesk's locales (pages count from 1). For every
 * locale, use {@link streamLocales}.
 *
 * Crisp reference: List Helpdesk Locales (`GET website/{website_id}/helpdesk/locales/{page_number}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const codes = WebsiteHelpdesk.listLocales("website-id", 1).pipe(
 *   Effect.map((locales) => locales.map((locale) => locale.locale))
 * )
 * ```
 *
 * @since 0.2.0
 * @category locales
 */
export const listLocales = route("listLocales", {
  method: "GET",
  path: "website/{website_id}/helpdesk/locales/{page_number}",
  label: "List Helpdesk Locales",
  ref: "#list-helpdesk-locales",
  official: "website.listHelpdeskLocales",
  response: Schema.Array(HelpdeskLocale),
  paged: {},
  fake: { ...LOCALES, op: "list" }
})

/**
 * Every locale of the helpdesk as a `Stream`, page after page, until an empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const all = WebsiteHelpdesk.streamLocales("website-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamLocales = pages(listLocales, "streamLocales")

/**
 * Adds a locale (`"fr"`, `"de"`, …) to the helpdesk.
 *
 * Crisp reference: Add Helpdesk Locale (`POST website/{website_id}/helpdesk/locale`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const french = WebsiteHelpdesk.addLocale("website-id", { locale: "fr" })
 * ```
 *
 * @since 0.2.0
 * @category locales
 */
export const addLocale = route("addLocale", {
  method: "POST",
  path: "website/{website_id}/helpdesk/locale",
  label: "Add Helpdesk Locale",
  ref: "#add-helpdesk-locale",
  official: "website.addHelpdeskLocale",
  input: HelpdeskLocaleAdd,
  fake: { ...LOCALES, op: "create" }
})

/**
 * Tells whether the helpdesk has a locale: `true`, or `false` on a 404.
 *
 * Crisp reference: Check If Helpdesk Locale Exists (`HEAD website/{website_id}/helpdesk/locale/{locale}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const hasFrench = WebsiteHelpdesk.checkLocaleExists("website-id", "fr")
 * ```
 *
 * @since 0.2.0
 * @category locales
 */
export const checkLocaleExists = route("checkLocaleExists", {
  method: "HEAD",
  path: "website/{website_id}/helpdesk/locale/{locale}",
  label: "Check If Helpdesk Locale Exists",
  ref: "#check-if-helpdesk-locale-exists",
  official: "website.checkHelpdeskLocaleExists",
  fake: { ...LOCALES, op: "exists" }
})

/**
 * Gets one locale of the helpdesk, with its URL and statistics. An unknown
 * locale fails with `CrispNotFound`.
 *
 * Crisp reference: Resolve Helpdesk Locale (`GET website/{website_id}/helpdesk/locale/{locale}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const french = WebsiteHelpdesk.resolveLocale("website-id", "fr")
 * ```
 *
 * @since 0.2.0
 * @category locales
 */
export const resolveLocale = route("resolveLocale", {
  method: "GET",
  path: "website/{website_id}/helpdesk/locale/{locale}",
  label: "Resolve Helpdesk Locale",
  ref: "#resolve-helpdesk-locale",
  official: "website.resolveHelpdeskLocale",
  response: HelpdeskLocale,
  fake: { ...LOCALES, op: "get" }
})

/**
 * Removes a locale from the helpdesk, with its pages.
 *
 * Crisp reference: Delete Helpdesk Locale (`DELETE website/{website_id}/helpdesk/locale/{locale}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const drop = WebsiteHelpdesk.deleteLocale("website-id", "fr")
 * ```
 *
 * @since 0.2.0
 * @category locales
 */
export const deleteLocale = route("deleteLocale", {
  method: "DELETE",
  path: "website/{website_id}/helpdesk/locale/{locale}",
  label: "Delete Helpdesk Locale",
  ref: "#delete-helpdesk-locale",
  official: "website.deleteHelpdeskLocale",
  fake: { kind: "custom" }
})

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

/**
 * Lists one page of a locale's published pages of a content type, each with
 * its `tree_path`. For every page, use {@link streamPages}.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "List Helpdesk Pages" (`GET
 * website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const titles = WebsiteHelpdesk.listPages("website-id", "en", "articles", 1).pipe(
 *   Effect.map((list) => list.map((page) => page.title))
 * )
 * ```
 *
 * @since 0.2.0
 * @category pages
 */
export const listPages = route("listPages", {
  method: "GET",
  path: "website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}",
  label: "List Helpdesk Pages",
  official: "website.listHelpdeskPages",
  response: Schema.Array(HelpdeskPage),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every published page of a locale and content type as a `Stream`, page after
 * page, until an empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const all = WebsiteHelpdesk.streamPages("website-id", "en", "guides").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamPages = pages(listPages, "streamPages")

/**
 * Gets a published page by its entity id. An unknown id fails with `CrispNotFound`.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Resolve Helpdesk Page Entity" (`GET
 * website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const page = WebsiteHelpdesk.resolvePageEntity("website-id", "en", "articles", "entity-id")
 * ```
 *
 * @since 0.2.0
 * @category pages
 */
export const resolvePageEntity = route("resolvePageEntity", {
  method: "GET",
  path: "website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}",
  label: "Resolve Helpdesk Page Entity",
  official: "website.resolveHelpdeskPageEntity",
  response: HelpdeskPage,
  fake: { kind: "custom" }
})

// ---------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------

/**
 * Lists one page of a locale's tree of a content type: entries with their slug,
 * title, state and children. `query.sub_path` lists below a page path;
 * `search_title` and the date filters narrow it. For every entry, use
 * {@link streamTree}.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "List Helpdesk Tree" (`GET
 * website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const slugs = WebsiteHelpdesk.listTree("website-id", "en", "articles", 1, { sub_path: "getting-started" }).pipe(
 *   Effect.map((entries) => entries.map((entry) => entry.slug))
 * )
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const listTree = route("listTree", {
  method: "GET",
  path: "website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}",
  label: "List Helpdesk Tree",
  official: "website.listHelpdeskTree",
  input: HelpdeskTreeListQuery,
  response: Schema.Array(HelpdeskTreeEntry),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every entry of a locale's tree of a content type as a `Stream`, page after
 * page, until an empty page; takes the same query options as {@link listTree}.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const drafts = WebsiteHelpdesk.streamTree("website-id", "en", "articles").pipe(
 *   Stream.filter((entry) => entry.state?.published !== true),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamTree = pages(listTree, "streamTree")

/**
 * Creates an entry at a page path in a locale's tree (an article, guide,
 * reference or news item, empty and unpublished). The path is sent as several
 * segments, each URL-encoded (see the module notes); a bad path fails with
 * `CrispInvalidRequest` before anything is sent.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Create Helpdesk Tree Path" (`POST
 * website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const create = WebsiteHelpdesk.createTreePath("website-id", "en", "articles", "getting-started/billing")
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const createTreePath = route("createTreePath", {
  method: "POST",
  path: "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{...path}",
  label: "Create Helpdesk Tree Path",
  official: "website.createHelpdeskTreePath",
  fake: { kind: "custom" }
})

/**
 * Gets the tree entry at a page path: its slug, title, state and children. An
 * unknown path fails with `CrispNotFound`.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Resolve Helpdesk Tree Path" (`GET
 * website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const published = WebsiteHelpdesk.resolveTreePath("website-id", "en", "articles", "getting-started/billing").pipe(
 *   Effect.map((entry) => entry.state?.published === true)
 * )
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const resolveTreePath = route("resolveTreePath", {
  method: "GET",
  path: "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{...path}",
  label: "Resolve Helpdesk Tree Path",
  official: "website.resolveHelpdeskTreePath",
  response: HelpdeskTreeEntry,
  fake: { kind: "custom" }
})

/**
 * Acts on the tree entry at a page path: `action`, with `path.to` to move it or
 * `position` to reorder it.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Update Helpdesk Tree Path" (`PATCH
 * website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const move = WebsiteHelpdesk.updateTreePath("website-id", "en", "articles", "billing", {
 *   action: "move", path: { to: "getting-started/billing" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const updateTreePath = route("updateTreePath", {
  method: "PATCH",
  path: "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{...path}",
  label: "Update Helpdesk Tree Path",
  official: "website.updateHelpdeskTreePath",
  input: HelpdeskTreePathUpdate,
  fake: { kind: "custom" }
})

/**
 * Deletes the tree entry at a page path, with the entries below it.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Delete Helpdesk Tree Path" (`DELETE
 * website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const remove = WebsiteHelpdesk.deleteTreePath("website-id", "en", "articles", "getting-started/billing")
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const deleteTreePath = route("deleteTreePath", {
  method: "DELETE",
  path: "website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{...path}",
  label: "Delete Helpdesk Tree Path",
  official: "website.deleteHelpdeskTreePath",
  fake: { kind: "custom" }
})

/**
 * Gets the content (the text, e.g. Markdown) of the tree entry at a page path.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Resolve Helpdesk Tree Content" (`GET
 * website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const text = WebsiteHelpdesk.resolveTreeContent("website-id", "en", "articles", "getting-started/billing").pipe(
 *   Effect.map((entry) => entry.content ?? "")
 * )
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const resolveTreeContent = route("resolveTreeContent", {
  method: "GET",
  path: "website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{...path}",
  label: "Resolve Helpdesk Tree Content",
  official: "website.resolveHelpdeskTreeContent",
  response: HelpdeskTreeContent,
  fake: { kind: "custom" }
})

/**
 * Replaces the content of the tree entry at a page path.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Save Helpdesk Tree Content" (`PUT
 * website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const save = WebsiteHelpdesk.saveTreeContent("website-id", "en", "articles", "getting-started/billing", {
 *   content: "# Billing\n\nInvoices are sent monthly."
 * })
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const saveTreeContent = route("saveTreeContent", {
  method: "PUT",
  path: "website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{...path}",
  label: "Save Helpdesk Tree Content",
  official: "website.saveHelpdeskTreeContent",
  input: HelpdeskTreeContentSave,
  fake: { kind: "custom" }
})

/**
 * Gets the metadata of the tree entry at a page path: title, description,
 * state (published, hidden, featured), author, color, image.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Resolve Helpdesk Tree Metadata" (`GET
 * website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const title = WebsiteHelpdesk.resolveTreeMetadata("website-id", "en", "articles", "getting-started/billing").pipe(
 *   Effect.map((metadata) => metadata.title)
 * )
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const resolveTreeMetadata = route("resolveTreeMetadata", {
  method: "GET",
  path: "website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{...path}",
  label: "Resolve Helpdesk Tree Metadata",
  official: "website.resolveHelpdeskTreeMetadata",
  response: HelpdeskTreeMetadata,
  fake: { kind: "custom" }
})

/**
 * Changes the metadata of the tree entry at a page path (only the fields
 * given). Publishing an entry is `{ state: { published: true } }`.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Update Helpdesk Tree Metadata" (`PATCH
 * website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const publish = WebsiteHelpdesk.updateTreeMetadata("website-id", "en", "articles", "getting-started/billing", {
 *   title: "Billing", state: { published: true }
 * })
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const updateTreeMetadata = route("updateTreeMetadata", {
  method: "PATCH",
  path: "website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{...path}",
  label: "Update Helpdesk Tree Metadata",
  official: "website.updateHelpdeskTreeMetadata",
  input: HelpdeskTreeMetadata,
  fake: { kind: "custom" }
})

/**
 * Gets the public page of the tree entry at a page path: its title and URL.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Resolve Helpdesk Tree Page" (`GET
 * website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{path}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const link = WebsiteHelpdesk.resolveTreePage("website-id", "en", "articles", "getting-started/billing").pipe(
 *   Effect.map((page) => page.url)
 * )
 * ```
 *
 * @since 0.2.0
 * @category tree
 */
export const resolveTreePage = route("resolveTreePage", {
  method: "GET",
  path: "website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{...path}",
  label: "Resolve Helpdesk Tree Page",
  official: "website.resolveHelpdeskTreePage",
  response: HelpdeskTreePage,
  fake: { kind: "custom" }
})

// ---------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------

/**
 * Lists one page of the helpdesk's history of changes, newest first; `query`
 * narrows it to a locale, a content type or a tree path. For every change, use
 * {@link streamHistoryChanges}.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "List Helpdesk History Changes" (`GET
 * website/{website_id}/helpdesk/history/changes/{page_number}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const billing = WebsiteHelpdesk.listHistoryChanges("website-id", 1, { filter_tree_path: "getting-started/billing" })
 * ```
 *
 * @since 0.2.0
 * @category history
 */
export const listHistoryChanges = route("listHistoryChanges", {
  method: "GET",
  path: "website/{website_id}/helpdesk/history/changes/{page_number}",
  label: "List Helpdesk History Changes",
  official: "website.listHelpdeskHistoryChanges",
  input: HelpdeskHistoryChangesQuery,
  response: Schema.Array(HelpdeskHistoryChange),
  paged: {},
  fake: { kind: "default" }
})

/**
 * Every change of the helpdesk's history as a `Stream`, page after page, until
 * an empty page; takes the same query options as {@link listHistoryChanges}.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const recent = WebsiteHelpdesk.streamHistoryChanges("website-id", { filter_locale: "en" }).pipe(
 *   Stream.take(50),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamHistoryChanges = pages(listHistoryChanges, "streamHistoryChanges")

/**
 * Gets one change of the helpdesk's history, with the files it touched.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Resolve Helpdesk History Change" (`GET
 * website/{website_id}/helpdesk/history/change/{change_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const change = WebsiteHelpdesk.resolveHistoryChange("website-id", "change-id")
 * ```
 *
 * @since 0.2.0
 * @category history
 */
export const resolveHistoryChange = route("resolveHistoryChange", {
  method: "GET",
  path: "website/{website_id}/helpdesk/history/change/{change_id}",
  label: "Resolve Helpdesk History Change",
  official: "website.resolveHelpdeskHistoryChange",
  response: HelpdeskHistoryChange,
  fake: { kind: "default" }
})

/**
 * Cancels a change of the helpdesk's history with an `action` (a `DELETE` with
 * a JSON body).
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Cancel Helpdesk History Change" (`DELETE
 * website/{website_id}/helpdesk/history/change/{change_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const revert = WebsiteHelpdesk.cancelHistoryChange("website-id", "change-id", { action: "revert" })
 * ```
 *
 * @since 0.2.0
 * @category history
 */
export const cancelHistoryChange = route("cancelHistoryChange", {
  method: "DELETE",
  path: "website/{website_id}/helpdesk/history/change/{change_id}",
  label: "Cancel Helpdesk History Change",
  official: "website.cancelHelpdeskHistoryChange",
  input: HelpdeskHistoryChangeCancel,
  fake: { kind: "default" }
})

/**
 * Asks Crisp to rebuild the public pages of a locale and content type.
 *
 * Crisp reference: no link (crisp-api's README does not list it); crisp-api 11.3.0
 * labels it "Request Helpdesk Content Refresh" (`POST
 * website/{website_id}/helpdesk/refresh/{locale}/{content_type}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const refresh = WebsiteHelpdesk.requestContentRefresh("website-id", "en", "articles")
 * ```
 *
 * @since 0.2.0
 * @category history
 */
export const requestContentRefresh = route("requestContentRefresh", {
  method: "POST",
  path: "website/{website_id}/helpdesk/refresh/{locale}/{content_type}",
  label: "Request Helpdesk Content Refresh",
  official: "website.requestHelpdeskContentRefresh",
  fake: { kind: "default" }
})

// ---------------------------------------------------------------------------
// Feedback, import, export
// ---------------------------------------------------------------------------

/**
 * Counts how readers rated a locale's content of a content type (helpful,
 * unhelpful), optionally in a date range.
 *
 * Crisp reference: Map Helpdesk Locale Feedback Ratings (`GET
 * website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const helpful = WebsiteHelpdesk.mapLocaleFeedbackRatings("website-id", "en", "articles").pipe(
 *   Effect.map((map) => map.ratings?.helpful ?? 0)
 * )
 * ```
 *
 * @since 0.2.0
 * @category feedback
 */
export const mapLocaleFeedbackRatings = route("mapLocaleFeedbackRatings", {
  method: "GET",
  path: "website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}",
  label: "Map Helpdesk Locale Feedback Ratings",
  ref: "#map-helpdesk-locale-feedback-ratings",
  official: "website.mapHelpdeskLocaleFeedbackRatings",
  input: HelpdeskFeedbackQuery,
  response: HelpdeskLocaleFeedbackRatings,
  fake: { kind: "default" }
})

/**
 * Lists one page of readers' feedback on a locale's content of a content type,
 * optionally in a date range. For every item, use {@link streamLocaleFeedbacks}.
 *
 * Crisp reference: List Helpdesk Locale Feedbacks (`GET
 * website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const feedback = WebsiteHelpdesk.listLocaleFeedbacks("website-id", "en", "articles", 1, {
 *   filter_date_start: "2026-01-01T00:00:00Z"
 * })
 * ```
 *
 * @since 0.2.0
 * @category feedback
 */
export const listLocaleFeedbacks = route("listLocaleFeedbacks", {
  method: "GET",
  path: "website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}",
  label: "List Helpdesk Locale Feedbacks",
  ref: "#list-helpdesk-locale-feedbacks",
  official: "website.listHelpdeskLocaleFeedbacks",
  input: HelpdeskFeedbackQuery,
  response: Schema.Array(HelpdeskLocaleFeedbackItem),
  paged: {},
  fake: { kind: "default" }
})

/**
 * Every feedback item on a locale's content of a content type as a `Stream`,
 * page after page, until an empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const unhelpful = WebsiteHelpdesk.streamLocaleFeedbacks("website-id", "en", "articles").pipe(
 *   Stream.filter((item) => item.rating === "unhelpful"),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamLocaleFeedbacks = pages(listLocaleFeedbacks, "streamLocaleFeedbacks")

/**
 * Imports another helpdesk (by its URL) into a locale and content type; Crisp
 * runs the import in the background.
 *
 * Crisp reference: Import External Helpdesk To Locale (`POST
 * website/{website_id}/helpdesk/import/{locale}/{content_type}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const importing = WebsiteHelpdesk.importExternalToLocale("website-id", "en", "articles", {
 *   helpdesk_url: "https://help.example.com"
 * })
 * ```
 *
 * @since 0.2.0
 * @category feedback
 */
export const importExternalToLocale = route("importExternalToLocale", {
  method: "POST",
  path: "website/{website_id}/helpdesk/import/{locale}/{content_type}",
  label: "Import External Helpdesk To Locale",
  ref: "#import-external-helpdesk-to-locale",
  official: "website.importExternalHelpdeskToLocale",
  input: HelpdeskExternalImport,
  fake: { kind: "default" }
})

/**
 * Asks Crisp to export a locale's content of a content type; Crisp prepares the
 * export in the background.
 *
 * Crisp reference: Export Helpdesk Locale Articles (`POST
 * website/{website_id}/helpdesk/export/{locale}/{content_type}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const exporting = WebsiteHelpdesk.exportLocaleArticles("website-id", "en", "articles")
 * ```
 *
 * @since 0.2.0
 * @category feedback
 */
export const exportLocaleArticles = route("exportLocaleArticles", {
  method: "POST",
  path: "website/{website_id}/helpdesk/export/{locale}/{content_type}",
  label: "Export Helpdesk Locale Articles",
  ref: "#export-helpdesk-locale-articles",
  official: "website.exportHelpdeskLocaleArticles",
  fake: { kind: "default" }
})

// ---------------------------------------------------------------------------
// Redirections
// ---------------------------------------------------------------------------

/**
 * Lists one page of the helpdesk's redirections. For every redirection, use
 * {@link streamRedirections}.
 *
 * Crisp reference: List Helpdesk Redirections (`GET website/{website_id}/helpdesk/redirections/{page_number}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const redirections = WebsiteHelpdesk.listRedirections("website-id", 1)
 * ```
 *
 * @since 0.2.0
 * @category redirections
 */
export const listRedirections = route("listRedirections", {
  method: "GET",
  path: "website/{website_id}/helpdesk/redirections/{page_number}",
  label: "List Helpdesk Redirections",
  ref: "#list-helpdesk-redirections",
  official: "website.listHelpdeskRedirections",
  response: Schema.Array(HelpdeskRedirection),
  paged: {},
  fake: { ...REDIRECTIONS, op: "list" }
})

/**
 * Every redirection of the helpdesk as a `Stream`, page after page, until an
 * empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const all = WebsiteHelpdesk.streamRedirections("website-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamRedirections = pages(listRedirections, "streamRedirections")

/**
 * Adds a redirection from an old helpdesk path to a target, and answers its
 * `redirection_id` when Crisp gives it.
 *
 * Crisp reference: Add Helpdesk Redirection (`POST website/{website_id}/helpdesk/redirection`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const add = WebsiteHelpdesk.addRedirection("website-id", { path: "/old-billing", target: "/en/article/billing" })
 * ```
 *
 * @since 0.2.0
 * @category redirections
 */
export const addRedirection = route("addRedirection", {
  method: "POST",
  path: "website/{website_id}/helpdesk/redirection",
  label: "Add Helpdesk Redirection",
  ref: "#add-helpdesk-redirection",
  official: "website.addHelpdeskRedirection",
  input: HelpdeskRedirectionAdd,
  response: HelpdeskRedirectionNew,
  fake: { ...REDIRECTIONS, op: "create" }
})

/**
 * Tells whether a redirection exists: `true`, or `false` on a 404.
 *
 * Crisp reference: Check If Helpdesk Redirection Exists (`HEAD
 * website/{website_id}/helpdesk/redirection/{redirection_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const exists = WebsiteHelpdesk.checkRedirectionExists("website-id", "redirection-id")
 * ```
 *
 * @since 0.2.0
 * @category redirections
 */
export const checkRedirectionExists = route("checkRedirectionExists", {
  method: "HEAD",
  path: "website/{website_id}/helpdesk/redirection/{redirection_id}",
  label: "Check If Helpdesk Redirection Exists",
  ref: "#check-if-helpdesk-redirection-exists",
  official: "website.checkHelpdeskRedirectionExists",
  fake: { ...REDIRECTIONS, op: "exists" }
})

/**
 * Gets one redirection. An unknown id fails with `CrispNotFound`.
 *
 * Crisp reference: Resolve Helpdesk Redirection (`GET
 * website/{website_id}/helpdesk/redirection/{redirection_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const redirection = WebsiteHelpdesk.resolveRedirection("website-id", "redirection-id")
 * ```
 *
 * @since 0.2.0
 * @category redirections
 */
export const resolveRedirection = route("resolveRedirection", {
  method: "GET",
  path: "website/{website_id}/helpdesk/redirection/{redirection_id}",
  label: "Resolve Helpdesk Redirection",
  ref: "#resolve-helpdesk-redirection",
  official: "website.resolveHelpdeskRedirection",
  response: HelpdeskRedirection,
  fake: { ...REDIRECTIONS, op: "get" }
})

/**
 * Removes a redirection.
 *
 * Crisp reference: Delete Helpdesk Redirection (`DELETE
 * website/{website_id}/helpdesk/redirection/{redirection_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const remove = WebsiteHelpdesk.deleteRedirection("website-id", "redirection-id")
 * ```
 *
 * @since 0.2.0
 * @category redirections
 */
export const deleteRedirection = route("deleteRedirection", {
  method: "DELETE",
  path: "website/{website_id}/helpdesk/redirection/{redirection_id}",
  label: "Delete Helpdesk Redirection",
  ref: "#delete-helpdesk-redirection",
  official: "website.deleteHelpdeskRedirection",
  fake: { ...REDIRECTIONS, op: "delete" }
})

// ---------------------------------------------------------------------------
// Settings and domain
// ---------------------------------------------------------------------------

/**
 * Gets the helpdesk's settings. The access password and JWT secret come back
 * `Redacted`.
 *
 * Crisp reference: Resolve Helpdesk Settings (`GET website/{website_id}/helpdesk/settings`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const chatbox = WebsiteHelpdesk.resolveSettings("website-id").pipe(
 *   Effect.map((settings) => settings.behavior?.show_chatbox === true)
 * )
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const resolveSettings = route("resolveSettings", {
  method: "GET",
  path: "website/{website_id}/helpdesk/settings",
  label: "Resolve Helpdesk Settings",
  ref: "#resolve-helpdesk-settings",
  official: "website.resolveHelpdeskSettings",
  response: HelpdeskSettings,
  fake: { kind: "document" }
})

/**
 * Changes the helpdesk's settings (only the fields given). A secret is passed
 * `Redacted` and sent as its value.
 *
 * Crisp reference: Save Helpdesk Settings (`PATCH website/{website_id}/helpdesk/settings`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const save = WebsiteHelpdesk.saveSettings("website-id", {
 *   name: "Acme Help", behavior: { show_chatbox: true, ask_feedback: true }
 * })
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const saveSettings = route("saveSettings", {
  method: "PATCH",
  path: "website/{website_id}/helpdesk/settings",
  label: "Save Helpdesk Settings",
  ref: "#save-helpdesk-settings",
  official: "website.saveHelpdeskSettings",
  input: HelpdeskSettings,
  fake: { kind: "document" }
})

/**
 * Gets the helpdesk's domains: root, basic sub-domain, custom domain and
 * whether it is verified.
 *
 * Crisp reference: Resolve Helpdesk Domain (`GET website/{website_id}/helpdesk/domain`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const domain = WebsiteHelpdesk.resolveDomain("website-id")
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const resolveDomain = route("resolveDomain", {
  method: "GET",
  path: "website/{website_id}/helpdesk/domain",
  label: "Resolve Helpdesk Domain",
  ref: "#resolve-helpdesk-domain",
  official: "website.resolveHelpdeskDomain",
  response: HelpdeskDomain,
  fake: { kind: "document" }
})

/**
 * Asks for a new basic sub-domain or custom domain for the helpdesk.
 *
 * Crisp reference: Request Helpdesk Domain Change (`PATCH website/{website_id}/helpdesk/domain`).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const change = WebsiteHelpdesk.requestDomainChange("website-id", { custom: "help.acme.example" })
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const requestDomainChange = route("requestDomainChange", {
  method: "PATCH",
  path: "website/{website_id}/helpdesk/domain",
  label: "Request Helpdesk Domain Change",
  ref: "#request-helpdesk-domain-change",
  official: "website.requestHelpdeskDomainChange",
  input: HelpdeskDomainChange,
  fake: { kind: "document" }
})

/**
 * Gets the DNS records to create for a custom helpdesk domain.
 *
 * Crisp reference: Generate Helpdesk Domain Setup Flow (`GET website/{website_id}/helpdesk/domain/setup`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const records = WebsiteHelpdesk.generateDomainSetupFlow("website-id", { custom: "help.acme.example" }).pipe(
 *   Effect.map((flow) => flow.setup?.records ?? [])
 * )
 * ```
 *
 * @since 0.2.0
 * @category settings
 */
export const generateDomainSetupFlow = route("generateDomainSetupFlow", {
  method: "GET",
  path: "website/{website_id}/helpdesk/domain/setup",
  label: "Generate Helpdesk Domain Setup Flow",
  ref: "#generate-helpdesk-domain-setup-flow",
  official: "website.generateHelpdeskDomainSetupFlow",
  input: HelpdeskDomainSetupQuery,
  response: HelpdeskDomainSetupFlow,
  fake: { kind: "default" }
})
