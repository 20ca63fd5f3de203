/**
 * The helpdesk (Crisp's knowledge base): the helpdesk itself, its locales, the
 * page tree of each locale and content type (articles, guides, references, news),
 * history, feedback, redirections, settings and domain; and the bodies and query
 * options of the helpdesk routes.
 *
 * Response Schemas follow crisp-api 11.3.0's types, leniently (every field
 * optional, `null` is a missing value, unknown fields ignored). Input Schemas are
 * checked before anything is sent.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional, orEmpty } from "./fields.js"

// ---------------------------------------------------------------------------
// Content types and the helpdesk itself
// ---------------------------------------------------------------------------

/**
 * The content types of a helpdesk locale: the `{content_type}` of the tree,
 * page, feedback, import and export routes.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const kind: Schemas.HelpdeskContentType = "articles"
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskContentType = Schema.Literal("articles", "guides", "references", "news")

export type HelpdeskContentType = typeof HelpdeskContentType.Type

/**
 * A helpdesk as `WebsiteHelpdesk.resolve` answers it: its `name` and public `url`.
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
export const Helpdesk = Schema.Struct({
  name: optional(Schema.String),
  url: optional(Schema.String)
})

export type Helpdesk = typeof Helpdesk.Type

/**
 * The body of `WebsiteHelpdesk.initialize`: the helpdesk's `name` and its basic
 * domain (the `<domain_basic>.help.crisp.chat` sub-domain).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskInitialize = { name: "Acme Help", domain_basic: "acme" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskInitialize = Schema.Struct({
  name: Schema.NonEmptyString,
  domain_basic: Schema.NonEmptyString
})

export type HelpdeskInitialize = typeof HelpdeskInitialize.Type

/**
 * The body of `WebsiteHelpdesk.deleteHelpdesk`: how the deletion is confirmed,
 * `{ verify: { method, secret } }`. The secret is `Redacted`.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskRemove = { verify: { method: "password", secret: Redacted.make("hunter2") } }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskRemove = Schema.Struct({
  verify: Schema.Struct({
    method: Schema.NonEmptyString,
    secret: Schema.Redacted(Schema.String)
  })
})

export type HelpdeskRemove = typeof HelpdeskRemove.Type

// ---------------------------------------------------------------------------
// Locales
// ---------------------------------------------------------------------------

const LocaleStatisticsContent = Schema.Struct({
  entries: optional(Schema.Number),
  groups: optional(Schema.Number)
})

/**
 * A helpdesk locale: its id, `locale` code, public `url`, and how many entries
 * and groups each content type holds.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const articles = WebsiteHelpdesk.resolveLocale("website-id", "en").pipe(
 *   Effect.map((locale) => locale.statistics?.articles?.entries ?? 0)
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskLocale = Schema.Struct({
  locale_id: optional(Schema.String),
  locale: optional(Schema.String),
  url: optional(Schema.String),
  statistics: optional(Schema.Struct({
    articles: optional(LocaleStatisticsContent),
    guides: optional(LocaleStatisticsContent),
    references: optional(LocaleStatisticsContent),
    news: optional(LocaleStatisticsContent)
  }))
})

export type HelpdeskLocale = typeof HelpdeskLocale.Type

/**
 * The body of `WebsiteHelpdesk.addLocale`: the `locale` code (`"en"`, `"fr"`, …).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskLocaleAdd = { locale: "fr" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskLocaleAdd = Schema.Struct({
  locale: Schema.NonEmptyString
})

export type HelpdeskLocaleAdd = typeof HelpdeskLocaleAdd.Type

// ---------------------------------------------------------------------------
// Pages and the tree
// ---------------------------------------------------------------------------

/**
 * A published helpdesk page, as `listPages` and `resolvePageEntity` answer it:
 * its entity id, title, `tree_path` (the page path the tree routes take) and `url`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const paths = WebsiteHelpdesk.listPages("website-id", "en", "articles", 1).pipe(
 *   Effect.map((pages) => pages.flatMap((page) => (page.tree_path === undefined ? [] : [page.tree_path])))
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskPage = Schema.Struct({
  entity_id: optional(Schema.String),
  title: optional(Schema.String),
  tree_path: optional(Schema.String),
  url: optional(Schema.String)
})

export type HelpdeskPage = typeof HelpdeskPage.Type

/**
 * Whether a tree entry is `published`, `hidden` or `featured`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const live: Schemas.HelpdeskTreeState = { published: true }
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskTreeState = Schema.Struct({
  published: optional(Schema.Boolean),
  hidden: optional(Schema.Boolean),
  featured: optional(Schema.Boolean)
})

export type HelpdeskTreeState = typeof HelpdeskTreeState.Type

const treeEntryFields = {
  type: optional(Schema.String),
  slug: optional(Schema.String),
  title: optional(Schema.String),
  state: optional(HelpdeskTreeState)
}

export interface HelpdeskTreeEntry extends Schema.Struct.Type<typeof treeEntryFields> {
  readonly children?: ReadonlyArray<HelpdeskTreeEntry> | undefined
}

/**
 * The JSON form of a {@link HelpdeskTreeEntry}, as Crisp sends it.
 *
 * @since 0.2.0
 * @category helpdesk
 */
export interface HelpdeskTreeEntryEncoded extends Schema.Struct.Encoded<typeof treeEntryFields> {
  readonly children?: ReadonlyArray<HelpdeskTreeEntryEncoded> | null | undefined
}

/**
 * An entry of a locale's page tree: its `type`, `slug` (its last path segment),
 * `title`, `state`, and `children` (entries below it, of the same shape).
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
 * @category helpdesk
 */
export const HelpdeskTreeEntry: Schema.Schema<HelpdeskTreeEntry, HelpdeskTreeEntryEncoded> = Schema.Struct({
  ...treeEntryFields,
  children: optional(Schema.Array(
    Schema.suspend((): Schema.Schema<HelpdeskTreeEntry, HelpdeskTreeEntryEncoded> => HelpdeskTreeEntry)
  ))
})

/**
 * Query options of `WebsiteHelpdesk.listTree`: the `sub_path` to list below, a
 * title search, and a date range.
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const billing = WebsiteHelpdesk.listTree("website-id", "en", "articles", 1, { sub_path: "getting-started" })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const HelpdeskTreeListQuery = Schema.Struct({
  sub_path: Schema.optional(Schema.String),
  search_title: Schema.optional(Schema.String),
  filter_date_start: Schema.optional(Schema.String),
  filter_date_end: Schema.optional(Schema.String)
})

export type HelpdeskTreeListQuery = typeof HelpdeskTreeListQuery.Type

/**
 * The body of `WebsiteHelpdesk.updateTreePath`: an `action` on a tree entry, with
 * the target path (`path.to`) or a `position` when the action needs one.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const move: Schemas.HelpdeskTreePathUpdate = { action: "move", path: { to: "billing/invoices" } }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskTreePathUpdate = Schema.Struct({
  action: Schema.NonEmptyString,
  path: Schema.optional(Schema.Struct({ to: Schema.NonEmptyString })),
  position: Schema.optional(Schema.Number)
})

export type HelpdeskTreePathUpdate = typeof HelpdeskTreePathUpdate.Type

/**
 * The content of a tree entry (`resolveTreeContent`): its text, e.g. Markdown.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const text = WebsiteHelpdesk.resolveTreeContent("website-id", "en", "articles", "billing").pipe(
 *   Effect.map((entry) => entry.content ?? "")
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskTreeContent = Schema.Struct({
  content: optional(Schema.String)
})

export type HelpdeskTreeContent = typeof HelpdeskTreeContent.Type

/**
 * The body of `WebsiteHelpdesk.saveTreeContent`: the entry's whole `content`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskTreeContentSave = { content: "# Billing\n\nInvoices are sent monthly." }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskTreeContentSave = Schema.Struct({
  content: Schema.String
})

export type HelpdeskTreeContentSave = typeof HelpdeskTreeContentSave.Type

const TreeMetadataAuthor = Schema.Struct({ user_id: optional(Schema.String) })

/**
 * The metadata of a tree entry: format, title, description, state (published,
 * hidden, featured), author, color, image. `resolveTreeMetadata` answers it and
 * `updateTreeMetadata` takes it (only the fields given change; publishing an
 * entry is `{ state: { published: true } }`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const title = WebsiteHelpdesk.resolveTreeMetadata("website-id", "en", "articles", "billing").pipe(
 *   Effect.map((metadata) => metadata.title)
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskTreeMetadata = Schema.Struct({
  format: optional(Schema.String),
  title: optional(Schema.String),
  description: optional(Schema.String),
  state: optional(HelpdeskTreeState),
  author: optional(TreeMetadataAuthor),
  color: optional(Schema.String),
  image: optional(Schema.String)
})

export type HelpdeskTreeMetadata = typeof HelpdeskTreeMetadata.Type

/**
 * The public page of a tree entry (`resolveTreePage`): its `title` and `url`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const link = WebsiteHelpdesk.resolveTreePage("website-id", "en", "articles", "billing").pipe(
 *   Effect.map((page) => page.url)
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskTreePage = Schema.Struct({
  title: optional(Schema.String),
  url: optional(Schema.String)
})

export type HelpdeskTreePage = typeof HelpdeskTreePage.Type

// ---------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------

/**
 * One change in the helpdesk's history: who made it, how many lines it
 * inserted and deleted, when, and the files (tree paths) it touched.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const authors = WebsiteHelpdesk.listHistoryChanges("website-id", 1).pipe(
 *   Effect.map((changes) => changes.map((change) => change.author?.name))
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskHistoryChange = Schema.Struct({
  change_id: optional(Schema.String),
  message: optional(Schema.String),
  author: optional(Schema.Struct({
    email: optional(Schema.String),
    name: optional(Schema.String)
  })),
  edits: optional(Schema.Struct({
    insertions: optional(Schema.Number),
    deletions: optional(Schema.Number)
  })),
  created_at: optional(Schema.Number),
  files: optional(Schema.Array(Schema.Struct({
    change: optional(Schema.String),
    path: optional(Schema.String),
    metadata: optional(HelpdeskTreeMetadata),
    content: optional(Schema.String)
  })))
})

export type HelpdeskHistoryChange = typeof HelpdeskHistoryChange.Type

/**
 * Query options of `WebsiteHelpdesk.listHistoryChanges`: only the changes of a
 * locale, a content type or a tree path.
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const french = WebsiteHelpdesk.listHistoryChanges("website-id", 1, { filter_locale: "fr" })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const HelpdeskHistoryChangesQuery = Schema.Struct({
  filter_locale: Schema.optional(Schema.String),
  filter_type: Schema.optional(Schema.String),
  filter_tree_path: Schema.optional(Schema.String)
})

export type HelpdeskHistoryChangesQuery = typeof HelpdeskHistoryChangesQuery.Type

/**
 * The body of `WebsiteHelpdesk.cancelHistoryChange`: the `action` to take.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskHistoryChangeCancel = { action: "revert" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskHistoryChangeCancel = Schema.Struct({
  action: Schema.NonEmptyString
})

export type HelpdeskHistoryChangeCancel = typeof HelpdeskHistoryChangeCancel.Type

// ---------------------------------------------------------------------------
// Feedback, import
// ---------------------------------------------------------------------------

/**
 * Query options of the feedback routes: a date range (`filter_date_start`,
 * `filter_date_end`, ISO 8601 dates).
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const january = WebsiteHelpdesk.mapLocaleFeedbackRatings("website-id", "en", "articles", {
 *   filter_date_start: "2026-01-01T00:00:00Z", filter_date_end: "2026-02-01T00:00:00Z"
 * })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const HelpdeskFeedbackQuery = Schema.Struct({
  filter_date_start: Schema.optional(Schema.String),
  filter_date_end: Schema.optional(Schema.String)
})

export type HelpdeskFeedbackQuery = typeof HelpdeskFeedbackQuery.Type

/**
 * How readers rated a locale's content: counts of `helpful` and `unhelpful`.
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
 * @category helpdesk
 */
export const HelpdeskLocaleFeedbackRatings = Schema.Struct({
  ratings: optional(Schema.Struct({
    helpful: optional(Schema.Number),
    unhelpful: optional(Schema.Number)
  }))
})

export type HelpdeskLocaleFeedbackRatings = typeof HelpdeskLocaleFeedbackRatings.Type

/**
 * One reader's feedback on a page: the rating, a comment, the page, and the
 * conversation session it came from.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const comments = WebsiteHelpdesk.listLocaleFeedbacks("website-id", "en", "articles", 1).pipe(
 *   Effect.map((items) => items.flatMap((item) => (item.comment === undefined ? [] : [item.comment])))
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskLocaleFeedbackItem = Schema.Struct({
  rating: optional(Schema.String),
  comment: optional(Schema.String),
  article: optional(Schema.Struct({
    article_id: optional(Schema.String),
    title: optional(Schema.String),
    url: optional(Schema.String)
  })),
  session: optional(Schema.Struct({
    session_id: optional(Schema.String),
    nickname: optional(Schema.String),
    email: optional(Schema.String),
    avatar: optional(Schema.String),
    geolocation: optional(Schema.Struct({
      country: optional(Schema.String),
      region: optional(Schema.String),
      city: optional(Schema.String),
      coordinates: optional(Schema.Struct({
        latitude: optional(Schema.Number),
        longitude: optional(Schema.Number)
      }))
    })),
    assigned: optional(Schema.Struct({ user_id: optional(Schema.String) }))
  })),
  created_at: optional(Schema.Number)
})

export type HelpdeskLocaleFeedbackItem = typeof HelpdeskLocaleFeedbackItem.Type

/**
 * The body of `WebsiteHelpdesk.importExternalToLocale`: the URL of another
 * helpdesk to import, and whether to detect its locales or import other ones.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskExternalImport = { helpdesk_url: "https://help.example.com", detect_locales: true }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskExternalImport = Schema.Struct({
  helpdesk_url: Schema.NonEmptyString,
  detect_locales: Schema.optional(Schema.Boolean),
  other_locales: Schema.optional(Schema.Array(Schema.String))
})

export type HelpdeskExternalImport = typeof HelpdeskExternalImport.Type

// ---------------------------------------------------------------------------
// Redirections
// ---------------------------------------------------------------------------

/**
 * A redirection from an old helpdesk `path` to a `target`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const target = WebsiteHelpdesk.resolveRedirection("website-id", "redirection-id").pipe(
 *   Effect.map((redirection) => redirection.target)
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskRedirection = Schema.Struct({
  redirection_id: optional(Schema.String),
  path: optional(Schema.String),
  target: optional(Schema.String),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number)
})

export type HelpdeskRedirection = typeof HelpdeskRedirection.Type

/**
 * The body of `WebsiteHelpdesk.addRedirection`: from `path` to `target`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskRedirectionAdd = { path: "/old-billing", target: "/en/article/billing" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskRedirectionAdd = Schema.Struct({
  path: Schema.NonEmptyString,
  target: Schema.NonEmptyString
})

export type HelpdeskRedirectionAdd = typeof HelpdeskRedirectionAdd.Type

/**
 * What `WebsiteHelpdesk.addRedirection` answers: the new `redirection_id` when
 * Crisp gives it (crisp-api types no answer; the Go client reads this one). No
 * `data` decodes as `{}`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const id = WebsiteHelpdesk.addRedirection("website-id", { path: "/old", target: "/new" }).pipe(
 *   Effect.map((added) => added.redirection_id)
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskRedirectionNew = orEmpty(Schema.Struct({
  redirection_id: optional(Schema.String)
}))

export type HelpdeskRedirectionNew = typeof HelpdeskRedirectionNew.Type

// ---------------------------------------------------------------------------
// Settings and domain
// ---------------------------------------------------------------------------

/**
 * The helpdesk's settings: name, appearance, localization, section names,
 * behaviour switches, services, included HTML and access. `resolveSettings`
 * answers it and `saveSettings` takes it (only the fields given change). The
 * access `password` and `jwt_secret` are `Redacted`, both ways.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const restricted = WebsiteHelpdesk.resolveSettings("website-id").pipe(
 *   Effect.map((settings) => settings.access?.restrict_mode)
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskSettings = Schema.Struct({
  name: optional(Schema.String),
  appearance: optional(Schema.Struct({
    color: optional(Schema.Struct({
      mode: optional(Schema.String),
      mode_changeable: optional(Schema.Boolean)
    })),
    logos: optional(Schema.Struct({
      favicon: optional(Schema.String),
      header: optional(Schema.String),
      footer: optional(Schema.String)
    })),
    banner: optional(Schema.String)
  })),
  localization: optional(Schema.Struct({
    writing_locale: optional(Schema.String),
    translated_automatic: optional(Schema.Boolean),
    translated_locales_readonly: optional(Schema.Boolean)
  })),
  section: optional(Schema.Struct({
    articles: optional(Schema.String),
    guides: optional(Schema.String),
    references: optional(Schema.String),
    news: optional(Schema.String)
  })),
  behavior: optional(Schema.Struct({
    frequently_read: optional(Schema.Boolean),
    show_category_images: optional(Schema.Boolean),
    show_chatbox: optional(Schema.Boolean),
    ask_feedback: optional(Schema.Boolean),
    report_incorrect: optional(Schema.Boolean),
    serve_markdown: optional(Schema.Boolean),
    agent_chat_bar: optional(Schema.Boolean),
    agent_copy_button: optional(Schema.Boolean),
    table_of_contents: optional(Schema.Boolean),
    locale_picker: optional(Schema.Boolean),
    refer_link: optional(Schema.Boolean),
    forbid_indexing: optional(Schema.Boolean),
    status_health_dead: optional(Schema.Boolean)
  })),
  service: optional(Schema.Struct({ mcp_server: optional(Schema.Boolean) })),
  include: optional(Schema.Struct({ html: optional(Schema.String) })),
  access: optional(Schema.Struct({
    restrict_mode: optional(Schema.String),
    password: optional(Schema.Redacted(Schema.String)),
    jwt_secret: optional(Schema.Redacted(Schema.String))
  }))
})

export type HelpdeskSettings = typeof HelpdeskSettings.Type

/**
 * The helpdesk's domains: the `root` domain, the `basic` sub-domain, a `custom`
 * domain and whether it is `verified`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const custom = WebsiteHelpdesk.resolveDomain("website-id").pipe(
 *   Effect.map((domain) => (domain.verified === true ? domain.custom : undefined))
 * )
 * ```
 *
 * @since 0.2.0
 * @category helpdesk
 */
export const HelpdeskDomain = Schema.Struct({
  root: optional(Schema.String),
  basic: optional(Schema.String),
  custom: optional(Schema.String),
  verified: optional(Schema.Boolean)
})

export type HelpdeskDomain = typeof HelpdeskDomain.Type

/**
 * The body of `WebsiteHelpdesk.requestDomainChange`: a new `basic` sub-domain, a
 * new `custom` domain, or both.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.HelpdeskDomainChange = { custom: "help.acme.example" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const HelpdeskDomainChange = Schema.Struct({
  basic: Schema.optional(Schema.String),
  custom: Schema.optional(Schema.String)
})

export type HelpdeskDomainChange = typeof HelpdeskDomainChange.Type

/**
 * Query options of `WebsiteHelpdesk.generateDomainSetupFlow`: the `custom`
 * domain to set up.
 *
 * @example
 * ```ts
 * import { WebsiteHelpdesk } from "effect-crisp"
 *
 * const flow = WebsiteHelpdesk.generateDomainSetupFlow("website-id", { custom: "help.acme.example" })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const HelpdeskDomainSetupQuery = Schema.Struct({
  custom: Schema.optional(Schema.String)
})

export type HelpdeskDomainSetupQuery = typeof HelpdeskDomainSetupQuery.Type

/**
 * The DNS records to create for a custom helpdesk domain, as
 * `generateDomainSetupFlow` answers them (crisp-api types no answer; the fields
 * are the ones the Go client reads).
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
 * @category helpdesk
 */
export const HelpdeskDomainSetupFlow = Schema.Struct({
  custom: optional(Schema.String),
  setup: optional(Schema.Struct({
    records: optional(Schema.Array(Schema.Struct({
      type: optional(Schema.String),
      query: optional(Schema.String),
      name: optional(Schema.String),
      value: optional(Schema.String)
    })))
  }))
})

export type HelpdeskDomainSetupFlow = typeof HelpdeskDomainSetupFlow.Type
