/**
 * Helpdesk routes with behaviour: the page tree of a locale and content type.
 *
 * Locales are the generic collection `helpdesk_locales` (keyed by `locale`); the
 * helpdesk itself, its settings and domain are generic documents. The tree is
 * derived state and lives here: per website, locale and content type, one item
 * per page path, holding the entry's content and metadata. Publishing an entry
 * is a metadata change (`state.published`), which the tree, the page list and the
 * entry read back. Creating a path creates its missing ancestors, as a directory
 * would; deleting one deletes what is below it; a move takes the subtree along.
 * Tree routes on a locale that was never added answer 404.
 */
import { deepMerge, isRecord, type JsonRecord } from "../json.js"
import { type Handlers, invalid, isReply, notFound, ok, type Reply, type RouteContext } from "../router.js"
import { pageNumber, slicePage, withWebsite } from "./common.js"

/** Tree lists and page lists answer this many entries per page (the routes take no `per_page`). */
const PAGE_SIZE = 20

const DEFAULT_STATE = { published: false, hidden: false, featured: false }

/** One entry of the tree, as stored. */
interface TreeItem extends JsonRecord {
  readonly path: string
  readonly entity_id: string
  readonly content: string
  readonly metadata: JsonRecord
  readonly position?: number
}

// The generic collection's key: its name, then the row's other placeholders (see table.ts).
const key = (...parts: ReadonlyArray<string>) => parts.join("\u0000")

const localesOf = (ctx: RouteContext) => ctx.store.collections.get(key("helpdesk_locales", ctx.params.website_id ?? ""))

/** The tree of the route's website, locale and content type, created on first use. */
const treeOf = (ctx: RouteContext): Map<string, TreeItem> => {
  const name = key("helpdesk_tree", ctx.params.website_id ?? "", ctx.params.locale ?? "", ctx.params.content_type ?? "")
  let tree = ctx.store.collections.get(name)
  if (tree === undefined) {
    tree = new Map()
    ctx.store.collections.set(name, tree)
  }
  return tree as Map<string, TreeItem>
}

/** Runs `f` with the tree of the route's locale, or answers 404 for an unknown website or locale. */
const withTree = (ctx: RouteContext, f: (tree: Map<string, TreeItem>) => Reply): Reply =>
  withWebsite(ctx, () => (localesOf(ctx)?.has(ctx.params.locale ?? "") === true ? f(treeOf(ctx)) : notFound("helpdesk locale")))

/** Runs `f` with the entry at the route's page path, or answers 404. */
const withEntry = (ctx: RouteContext, f: (item: TreeItem, tree: Map<string, TreeItem>) => Reply): Reply =>
  withTree(ctx, (tree) => {
    const item = tree.get(ctx.params.path ?? "")
    return item === undefined ? notFound("helpdesk tree path") : f(item, tree)
  })

const stateOf = (item: TreeItem) => ({ ...DEFAULT_STATE, ...(isRecord(item.metadata.state) ? item.metadata.state : {}) })

const slugOf = (path: string) => path.slice(path.lastIndexOf("/") + 1)

const parentOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "")

const byPosition = (a: TreeItem, b: TreeItem) =>
  (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

const childrenOf = (tree: Map<string, TreeItem>, parent: string) =>
  [...tree.values()].filter((item) => parentOf(item.path) === parent).sort(byPosition)

const entryOf = (tree: Map<string, TreeItem>, item: TreeItem): JsonRecord => ({
  slug: slugOf(item.path),
  ...(typeof item.metadata.title === "string" ? { title: item.metadata.title } : {}),
  state: stateOf(item),
  children: childrenOf(tree, item.path).map((child) => entryOf(tree, child))
})

const urlOf = (ctx: RouteContext, path: string) =>
  `https://helpdesk.invalid/${ctx.params.locale}/${ctx.params.content_type}/${path.split("/").map(encodeURIComponent).join("/")}`

const pageOf = (ctx: RouteContext, item: TreeItem): JsonRecord => ({
  entity_id: item.entity_id,
  ...(typeof item.metadata.title === "string" ? { title: item.metadata.title } : {}),
  tree_path: item.path,
  url: urlOf(ctx, item.path)
})

const paged = (ctx: RouteContext, items: ReadonlyArray<JsonRecord>): Reply => {
  const page = pageNumber(ctx.params.page_number)
  return isReply(page) ? page : ok(slicePage(items, page, PAGE_SIZE))
}

const newItem = (ctx: RouteContext, path: string): TreeItem => ({
  path,
  entity_id: `entity-${ctx.store.nextSeq()}`,
  content: "",
  metadata: { format: "markdown", state: { ...DEFAULT_STATE } }
})

/** The entries at and below `path`. */
const subtree = (tree: Map<string, TreeItem>, path: string) =>
  [...tree.values()].filter((item) => item.path === path || item.path.startsWith(path + "/"))

// ---------------------------------------------------------------------------

const createTreePath = (ctx: RouteContext): Reply =>
  withTree(ctx, (tree) => {
    const slugs = (ctx.params.path ?? "").split("/")
    for (let i = 1; i <= slugs.length; i++) {
      const path = slugs.slice(0, i).join("/")
      if (!tree.has(path)) tree.set(path, newItem(ctx, path))
    }
    return ok()
  })

interface TreePathUpdate {
  readonly action: string
  readonly path?: { readonly to: string } | undefined
  readonly position?: number | undefined
}

const updateTreePath = (ctx: RouteContext): Reply =>
  withEntry(ctx, (item, tree) => {
    const update = ctx.input as TreePathUpdate
    if (update.position !== undefined) tree.set(item.path, { ...item, position: update.position })
    const to = update.path?.to
    if (to === undefined || to === item.path) return ok()
    if (to.split("/").some((slug) => slug === "" || slug === "." || slug === "..")) return invalid("path.to is not a page path")
    if (to.startsWith(item.path + "/")) return invalid("path.to is below the entry itself")
    if (tree.has(to)) return invalid("path.to is taken")
    for (const moved of subtree(tree, item.path)) {
      tree.delete(moved.path)
      const path = to + moved.path.slice(item.path.length)
      tree.set(path, { ...moved, path })
    }
    return ok()
  })

const deleteTreePath = (ctx: RouteContext): Reply =>
  withEntry(ctx, (item, tree) => {
    for (const removed of subtree(tree, item.path)) tree.delete(removed.path)
    return ok()
  })

const listTree = (ctx: RouteContext): Reply =>
  withTree(ctx, (tree) => {
    const query = (ctx.input ?? {}) as { readonly sub_path?: string; readonly search_title?: string }
    const below = query.sub_path ?? ""
    if (below !== "" && !tree.has(below)) return notFound("helpdesk tree path")
    const search = query.search_title?.toLowerCase()
    const entries = search === undefined
      ? childrenOf(tree, below)
      : subtree(tree, below).filter((item) =>
        item.path !== below && typeof item.metadata.title === "string" && item.metadata.title.toLowerCase().includes(search)
      ).sort(byPosition)
    return paged(ctx, entries.map((item) => entryOf(tree, item)))
  })

const listPages = (ctx: RouteContext): Reply =>
  withTree(ctx, (tree) =>
    paged(ctx, [...tree.values()].filter((item) => stateOf(item).published).sort(byPosition).map((item) => pageOf(ctx, item))))

const resolvePageEntity = (ctx: RouteContext): Reply =>
  withTree(ctx, (tree) => {
    const item = [...tree.values()].find((candidate) => candidate.entity_id === ctx.params.entity_id)
    return item === undefined || !stateOf(item).published ? notFound("helpdesk page") : ok(pageOf(ctx, item))
  })

const deleteLocale = (ctx: RouteContext): Reply =>
  withWebsite(ctx, () => {
    const locale = ctx.params.locale ?? ""
    if (localesOf(ctx)?.delete(locale) !== true) return notFound("helpdesk locale")
    const prefix = key("helpdesk_tree", ctx.params.website_id ?? "", locale, "")
    for (const name of [...ctx.store.collections.keys()]) if (name.startsWith(prefix)) ctx.store.collections.delete(name)
    return ok()
  })

/** Hand-written handlers of `WebsiteHelpdesk` rows. */
export const handlers: Handlers = {
  "WebsiteHelpdesk.deleteLocale": deleteLocale,
  "WebsiteHelpdesk.listPages": listPages,
  "WebsiteHelpdesk.resolvePageEntity": resolvePageEntity,
  "WebsiteHelpdesk.listTree": listTree,
  "WebsiteHelpdesk.createTreePath": createTreePath,
  "WebsiteHelpdesk.resolveTreePath": (ctx) => withEntry(ctx, (item, tree) => ok(entryOf(tree, item))),
  "WebsiteHelpdesk.updateTreePath": updateTreePath,
  "WebsiteHelpdesk.deleteTreePath": deleteTreePath,
  "WebsiteHelpdesk.resolveTreeContent": (ctx) => withEntry(ctx, (item) => ok({ content: item.content })),
  "WebsiteHelpdesk.saveTreeContent": (ctx) =>
    withEntry(ctx, (item, tree) => {
      tree.set(item.path, { ...item, content: (ctx.input as { readonly content: string }).content })
      return ok()
    }),
  "WebsiteHelpdesk.resolveTreeMetadata": (ctx) => withEntry(ctx, (item) => ok({ ...item.metadata, state: stateOf(item) })),
  "WebsiteHelpdesk.updateTreeMetadata": (ctx) =>
    withEntry(ctx, (item, tree) => {
      // The raw JSON body: the decoded input is the same object here (no transformations in its Schema).
      tree.set(item.path, { ...item, metadata: deepMerge(item.metadata, isRecord(ctx.body) ? ctx.body : {}) })
      return ok()
    }),
  "WebsiteHelpdesk.resolveTreePage": (ctx) => withEntry(ctx, (item) => ok({ title: item.metadata.title, url: urlOf(ctx, item.path) }))
}
