/**
 * WebsiteHelpdesk round trips through `CrispTest.layer()`, as a user's test would
 * run them: publish an article in a locale and read it back; move and delete
 * pages; locales, redirections, settings and the helpdesk itself. One round trip
 * also goes over real loopback HTTP to the served fake.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Redacted, Stream } from "effect"
import { WebsiteHelpdesk } from "../../src/index.js"
import { CrispTest } from "../../src/testing.js"
import { start } from "./harness.js"

const W = "website-1"
const SECTION = "démarrage"
const ARTICLE = "démarrage/facturation et TVA"

describe("publishing a helpdesk article", () => {
  it.effect("create a locale, create an article, save its content, publish it, read it back", () =>
    Effect.gen(function*() {
      yield* WebsiteHelpdesk.addLocale(W, { locale: "fr" })
      expect(yield* WebsiteHelpdesk.checkLocaleExists(W, "fr")).toBe(true)
      expect((yield* WebsiteHelpdesk.listLocales(W, 1)).map((l) => l.locale)).toEqual(["fr"])

      yield* WebsiteHelpdesk.createTreePath(W, "fr", "articles", ARTICLE)
      yield* WebsiteHelpdesk.saveTreeContent(W, "fr", "articles", ARTICLE, { content: "# Facturation\n\nUne facture par mois." })

      // Saved but not published yet.
      expect((yield* WebsiteHelpdesk.resolveTreePath(W, "fr", "articles", ARTICLE)).state?.published).toBe(false)
      expect(yield* WebsiteHelpdesk.listPages(W, "fr", "articles", 1)).toEqual([])

      yield* WebsiteHelpdesk.updateTreeMetadata(W, "fr", "articles", ARTICLE, {
        title: "Facturation et TVA",
        description: "Comment vous êtes facturé",
        state: { published: true }
      })

      const content = yield* WebsiteHelpdesk.resolveTreeContent(W, "fr", "articles", ARTICLE)
      expect(content.content).toBe("# Facturation\n\nUne facture par mois.")
      const metadata = yield* WebsiteHelpdesk.resolveTreeMetadata(W, "fr", "articles", ARTICLE)
      expect(metadata.title).toBe("Facturation et TVA")
      expect(metadata.description).toBe("Comment vous êtes facturé")
      expect(metadata.state).toEqual({ published: true, hidden: false, featured: false })
      const entry = yield* WebsiteHelpdesk.resolveTreePath(W, "fr", "articles", ARTICLE)
      expect(entry).toEqual({
        slug: "facturation et TVA",
        title: "Facturation et TVA",
        state: { published: true, hidden: false, featured: false },
        children: []
      })
      expect((yield* WebsiteHelpdesk.resolveTreePage(W, "fr", "articles", ARTICLE)).title).toBe("Facturation et TVA")

      // The tree shows the article under its section; the page list shows it published.
      const tree = yield* WebsiteHelpdesk.listTree(W, "fr", "articles", 1)
      expect(tree.map((e) => [e.slug, e.children?.map((c) => [c.slug, c.title, c.state?.published])])).toEqual([
        [SECTION, [["facturation et TVA", "Facturation et TVA", true]]]
      ])
      const below = yield* WebsiteHelpdesk.listTree(W, "fr", "articles", 1, { sub_path: SECTION })
      expect(below.map((e) => e.slug)).toEqual(["facturation et TVA"])
      const listed = yield* WebsiteHelpdesk.listPages(W, "fr", "articles", 1)
      expect(listed.map((p) => [p.tree_path, p.title])).toEqual([[ARTICLE, "Facturation et TVA"]])
      const streamed = Chunk.toReadonlyArray(yield* Stream.runCollect(WebsiteHelpdesk.streamPages(W, "fr", "articles")))
      expect(streamed).toEqual(listed)
      expect(yield* WebsiteHelpdesk.resolvePageEntity(W, "fr", "articles", listed[0]!.entity_id!)).toEqual(listed[0])

      // Other content types of the locale stay empty.
      expect(yield* WebsiteHelpdesk.listTree(W, "fr", "guides", 1)).toEqual([])

      // On the wire the page path went as several encoded segments.
      const control = yield* CrispTest.Control
      const paths = (yield* control.requests).map((r) => `${r.method} ${r.path}`)
      expect(paths).toContain(
        "POST website/website-1/helpdesk/tree/path/fr/articles/d%C3%A9marrage/facturation%20et%20TVA"
      )
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("a tree route on a locale that was never added is a CrispNotFound", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(WebsiteHelpdesk.createTreePath(W, "de", "articles", "start"))
      expect(error._tag).toBe("CrispNotFound")
      const unknownPath = yield* WebsiteHelpdesk.addLocale(W, { locale: "de" }).pipe(
        Effect.zipRight(Effect.flip(WebsiteHelpdesk.resolveTreeContent(W, "de", "articles", "nowhere")))
      )
      expect(unknownPath._tag).toBe("CrispNotFound")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("moving a section takes its pages along; deleting removes what is below; deleting the locale drops its tree", () =>
    Effect.gen(function*() {
      yield* WebsiteHelpdesk.addLocale(W, { locale: "en" })
      yield* WebsiteHelpdesk.createTreePath(W, "en", "guides", "start/install")
      yield* WebsiteHelpdesk.saveTreeContent(W, "en", "guides", "start/install", { content: "npm i" })
      yield* WebsiteHelpdesk.updateTreePath(W, "en", "guides", "start", { action: "move", path: { to: "getting-started" } })

      expect((yield* WebsiteHelpdesk.resolveTreeContent(W, "en", "guides", "getting-started/install")).content).toBe("npm i")
      const gone = yield* Effect.flip(WebsiteHelpdesk.resolveTreePath(W, "en", "guides", "start/install"))
      expect(gone._tag).toBe("CrispNotFound")

      yield* WebsiteHelpdesk.deleteTreePath(W, "en", "guides", "getting-started")
      expect(yield* WebsiteHelpdesk.listTree(W, "en", "guides", 1)).toEqual([])
      const below = yield* Effect.flip(WebsiteHelpdesk.resolveTreeContent(W, "en", "guides", "getting-started/install"))
      expect(below._tag).toBe("CrispNotFound")

      yield* WebsiteHelpdesk.createTreePath(W, "en", "guides", "faq")
      yield* WebsiteHelpdesk.deleteLocale(W, "en")
      expect(yield* WebsiteHelpdesk.checkLocaleExists(W, "en")).toBe(false)
      yield* WebsiteHelpdesk.addLocale(W, { locale: "en" })
      expect(yield* WebsiteHelpdesk.listTree(W, "en", "guides", 1)).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("over loopback HTTP", () => {
  it.scopedLive("a page path with spaces, ?, #, % and non-ASCII slugs reaches the served fake and reads back", () =>
    Effect.gen(function*() {
      const h = yield* start()
      const path = "Über uns/100% sicher?/#1"
      yield* Effect.gen(function*() {
        yield* WebsiteHelpdesk.addLocale(W, { locale: "de" })
        yield* WebsiteHelpdesk.createTreePath(W, "de", "news", path)
        yield* WebsiteHelpdesk.saveTreeContent(W, "de", "news", path, { content: "Hallo" })
        expect((yield* WebsiteHelpdesk.resolveTreeContent(W, "de", "news", path)).content).toBe("Hallo")
        const tree = yield* WebsiteHelpdesk.listTree(W, "de", "news", 1)
        expect(tree.map((e) => [e.slug, e.children?.map((c) => [c.slug, c.children?.map((g) => g.slug)])])).toEqual([
          ["Über uns", [["100% sicher?", ["#1"]]]]
        ])
      }).pipe(Effect.provide(h.plugin))
      expect(yield* h.seen).toContain("PUT website/website-1/helpdesk/tree/content/de/news/%C3%9Cber%20uns/100%25%20sicher%3F/%231")
    }))
})

describe("the rest of the helpdesk", () => {
  it.effect("initialize, check, resolve and delete the helpdesk", () =>
    Effect.gen(function*() {
      expect(yield* WebsiteHelpdesk.checkExists(W)).toBe(false)
      yield* WebsiteHelpdesk.initialize(W, { name: "Acme Help", domain_basic: "acme" })
      expect(yield* WebsiteHelpdesk.checkExists(W)).toBe(true)
      expect((yield* WebsiteHelpdesk.resolve(W)).name).toBe("Acme Help")
      yield* WebsiteHelpdesk.deleteHelpdesk(W, { verify: { method: "password", secret: Redacted.make("pw") } })
      expect(yield* WebsiteHelpdesk.checkExists(W)).toBe(false)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("add, check, list, resolve and delete a redirection", () =>
    Effect.gen(function*() {
      const { redirection_id } = yield* WebsiteHelpdesk.addRedirection(W, { path: "/old-billing", target: "/fr/billing" })
      expect(redirection_id).toBeDefined()
      expect(yield* WebsiteHelpdesk.checkRedirectionExists(W, redirection_id!)).toBe(true)
      const one = yield* WebsiteHelpdesk.resolveRedirection(W, redirection_id!)
      expect([one.path, one.target]).toEqual(["/old-billing", "/fr/billing"])
      expect((yield* WebsiteHelpdesk.listRedirections(W, 1)).map((r) => r.redirection_id)).toEqual([redirection_id])
      yield* WebsiteHelpdesk.deleteRedirection(W, redirection_id!)
      expect(yield* WebsiteHelpdesk.checkRedirectionExists(W, redirection_id!)).toBe(false)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("settings: a save changes only the fields given; secrets read back Redacted", () =>
    Effect.gen(function*() {
      yield* WebsiteHelpdesk.saveSettings(W, { name: "Acme Help", behavior: { show_chatbox: true } })
      yield* WebsiteHelpdesk.saveSettings(W, {
        behavior: { ask_feedback: false },
        access: { restrict_mode: "password", password: Redacted.make("reader-pw") }
      })
      const settings = yield* WebsiteHelpdesk.resolveSettings(W)
      expect(settings.name).toBe("Acme Help")
      expect(settings.behavior?.show_chatbox).toBe(true)
      expect(settings.behavior?.ask_feedback).toBe(false)
      expect(Redacted.value(settings.access!.password!)).toBe("reader-pw")
    }).pipe(Effect.provide(CrispTest.layer())))
})
