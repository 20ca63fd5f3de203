/**
 * WebsiteHelpdesk on the wire, over a real loopback server: page paths of several
 * segments (slashes, spaces, `?`, `#`, `%`, non-ASCII letters), the paths refused
 * before sending, bodies of DELETE routes, secrets, HEAD checks, query options,
 * Streams, and answers decoded (the recursive tree).
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Redacted, Stream } from "effect"
import { type CrispError, type CrispHttp, WebsiteHelpdesk } from "../../src/index.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const W = "website-1"

const { withServer } = Support

const answered = Loopback.always(Loopback.envelope({}))

/** A page path with a slash between slugs, spaces, `&`, `?`, `#`, `%` and non-ASCII letters. */
const PAGE = "démarrage rapide/facturation & TVA/Über?#100%"
/** The same, as it must reach Crisp: three segments, each percent-encoded (written by hand). */
const PAGE_ON_WIRE = "d%C3%A9marrage%20rapide/facturation%20%26%20TVA/%C3%9Cber%3F%23100%25"

describe("page paths are sent as several segments, each encoded", () => {
  const tree = `/v1/website/${W}/helpdesk/tree`
  const cases: ReadonlyArray<
    readonly [string, Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>, string, string, unknown]
  > = [
    ["createTreePath", WebsiteHelpdesk.createTreePath(W, "fr", "articles", PAGE), "POST", `${tree}/path/fr/articles/${PAGE_ON_WIRE}`, {}],
    ["resolveTreePath", WebsiteHelpdesk.resolveTreePath(W, "fr", "articles", PAGE), "GET", `${tree}/path/fr/articles/${PAGE_ON_WIRE}`, undefined],
    [
      "updateTreePath",
      WebsiteHelpdesk.updateTreePath(W, "fr", "guides", PAGE, { action: "move", path: { to: "a/b" } }),
      "PATCH",
      `${tree}/path/fr/guides/${PAGE_ON_WIRE}`,
      { action: "move", path: { to: "a/b" } }
    ],
    ["deleteTreePath", WebsiteHelpdesk.deleteTreePath(W, "fr", "news", PAGE), "DELETE", `${tree}/path/fr/news/${PAGE_ON_WIRE}`, undefined],
    [
      "resolveTreeContent",
      WebsiteHelpdesk.resolveTreeContent(W, "fr", "articles", PAGE),
      "GET",
      `${tree}/content/fr/articles/${PAGE_ON_WIRE}`,
      undefined
    ],
    [
      "saveTreeContent",
      WebsiteHelpdesk.saveTreeContent(W, "fr", "articles", PAGE, { content: "# Facturation" }),
      "PUT",
      `${tree}/content/fr/articles/${PAGE_ON_WIRE}`,
      { content: "# Facturation" }
    ],
    [
      "resolveTreeMetadata",
      WebsiteHelpdesk.resolveTreeMetadata(W, "fr", "references", PAGE),
      "GET",
      `${tree}/metadata/fr/references/${PAGE_ON_WIRE}`,
      undefined
    ],
    [
      "updateTreeMetadata",
      WebsiteHelpdesk.updateTreeMetadata(W, "fr", "articles", PAGE, { state: { published: true } }),
      "PATCH",
      `${tree}/metadata/fr/articles/${PAGE_ON_WIRE}`,
      { state: { published: true } }
    ],
    ["resolveTreePage", WebsiteHelpdesk.resolveTreePage(W, "fr", "articles", PAGE), "GET", `${tree}/page/fr/articles/${PAGE_ON_WIRE}`, undefined]
  ]
  for (const [name, call, method, url, body] of cases) {
    it.live(name, () =>
      withServer(answered, (server) =>
        Effect.gen(function*() {
          yield* call
          const [request, ...more] = yield* server.requests
          expect(more).toEqual([])
          expect(request!.method).toBe(method)
          expect(request!.url).toBe(url)
          if (body === undefined) expect(request!.body).toBe("")
          else expect(JSON.parse(request!.body)).toEqual(body)
        })))
  }

  it.live("a one-slug path is one segment; the other placeholders still keep a / inside their segment", () =>
    withServer(answered, (server) =>
      Effect.gen(function*() {
        yield* WebsiteHelpdesk.resolveTreeContent(W, "pt/BR", "articles", "billing")
        yield* WebsiteHelpdesk.resolveLocale(W, "pt/BR")
        const [tree, locale] = yield* server.requests
        expect(tree!.url).toBe(`/v1/website/${W}/helpdesk/tree/content/pt%2FBR/articles/billing`)
        expect(locale!.url).toBe(`/v1/website/${W}/helpdesk/locale/pt%2FBR`)
      })))

  const refused: ReadonlyArray<readonly [string, unknown, string]> = [
    ["an empty path", "", "path must not be empty"],
    ["a leading slash", "/billing", "path segment 1 of 2 must not be empty"],
    ["a trailing slash", "billing/", "path segment 2 of 2 must not be empty"],
    ["a doubled slash", "getting-started//billing", "path segment 2 of 3 must not be empty"],
    ["a .. slug", "getting-started/../billing", "path segment 2 of 3 must not be \"..\""],
    ["a . slug", "./billing", "path segment 1 of 2 must not be \".\""],
    ["a number", 42, "path must be a string, got number"],
    ["undefined", undefined, "path must be a string, got undefined"]
  ]
  for (const [name, path, issue] of refused) {
    it.live(`${name} is refused with CrispInvalidRequest and nothing is sent`, () =>
      withServer(answered, (server) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(WebsiteHelpdesk.resolveTreePath(W, "en", "articles", path as string))
          expect(error._tag).toBe("CrispInvalidRequest")
          if (error._tag !== "CrispInvalidRequest") return
          expect(error.issue).toContain(issue)
          expect(error.path).toBe("website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{...path}")
          expect(yield* server.requests).toEqual([])
        })))
  }
})

describe("bodies, queries and answers", () => {
  it.live("deleteHelpdesk sends its verify body on a DELETE, the secret as its value", () =>
    withServer(answered, (server) =>
      Effect.gen(function*() {
        yield* WebsiteHelpdesk.deleteHelpdesk(W, { verify: { method: "password", secret: Redacted.make("pw-9f8e") } })
        yield* WebsiteHelpdesk.cancelHistoryChange(W, "change-1", { action: "revert" })
        const [remove, cancel] = yield* server.requests
        expect(remove!.method).toBe("DELETE")
        expect(remove!.url).toBe(`/v1/website/${W}/helpdesk`)
        expect(JSON.parse(remove!.body)).toEqual({ verify: { method: "password", secret: "pw-9f8e" } })
        expect(cancel!.method).toBe("DELETE")
        expect(cancel!.url).toBe(`/v1/website/${W}/helpdesk/history/change/change-1`)
        expect(JSON.parse(cancel!.body)).toEqual({ action: "revert" })
      })))

  it.live("a refused deleteHelpdesk body does not show its secret", () =>
    withServer(answered, (server) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(
          WebsiteHelpdesk.deleteHelpdesk(W, { verify: { method: "", secret: Redacted.make("pw-visible-3c") } })
        )
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(error.message).toContain("method")
        expect(JSON.stringify(error)).not.toContain("pw-visible-3c")
        expect(String(error)).not.toContain("pw-visible-3c")
        expect(yield* server.requests).toEqual([])
      })))

  const badInput: ReadonlyArray<readonly [string, Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>, string]> = [
    ["initialize without a name", WebsiteHelpdesk.initialize(W, { name: "", domain_basic: "acme" }), "name"],
    ["addLocale without a locale", WebsiteHelpdesk.addLocale(W, {} as never), "locale"],
    ["updateTreePath without an action", WebsiteHelpdesk.updateTreePath(W, "en", "articles", "a", {} as never), "action"],
    ["saveTreeContent with a number", WebsiteHelpdesk.saveTreeContent(W, "en", "articles", "a", { content: 1 } as never), "content"],
    [
      "importExternalToLocale without helpdesk_url",
      WebsiteHelpdesk.importExternalToLocale(W, "en", "articles", { detect_locales: true } as never),
      "helpdesk_url"
    ],
    ["addRedirection without target", WebsiteHelpdesk.addRedirection(W, { path: "/old" } as never), "target"],
    [
      "saveSettings with a string switch",
      WebsiteHelpdesk.saveSettings(W, { behavior: { show_chatbox: "yes" } } as never),
      "show_chatbox"
    ],
    ["listTree on page 0", WebsiteHelpdesk.listTree(W, "en", "articles", 0), "page_number"]
  ]
  for (const [name, call, field] of badInput) {
    it.live(`${name} fails with CrispInvalidRequest and sends nothing`, () =>
      withServer(answered, (server) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(call)
          expect(error._tag).toBe("CrispInvalidRequest")
          expect(error.message).toContain(field)
          expect(yield* server.requests).toEqual([])
        })))
  }

  it.live("HEAD checks: 200 is true, 404 is false", () =>
    withServer(Loopback.sequence({ status: 200 }, { status: 404 }, { status: 404 }), (server) =>
      Effect.gen(function*() {
        expect(yield* WebsiteHelpdesk.checkLocaleExists(W, "fr")).toBe(true)
        expect(yield* WebsiteHelpdesk.checkRedirectionExists(W, "redirection-1")).toBe(false)
        expect(yield* WebsiteHelpdesk.checkExists(W)).toBe(false)
        const requests = yield* server.requests
        expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
          `HEAD /v1/website/${W}/helpdesk/locale/fr`,
          `HEAD /v1/website/${W}/helpdesk/redirection/redirection-1`,
          `HEAD /v1/website/${W}/helpdesk`
        ])
      })))

  it.live("query options go in the query string with their wire names", () =>
    withServer(Loopback.always(Loopback.envelope([])), (server) =>
      Effect.gen(function*() {
        yield* WebsiteHelpdesk.listTree(W, "en", "articles", 2, { sub_path: "getting-started/billing", search_title: "é x" })
        yield* WebsiteHelpdesk.listHistoryChanges(W, 1, { filter_locale: "fr", filter_tree_path: "a/b" })
        yield* WebsiteHelpdesk.listLocaleFeedbacks(W, "en", "guides", 3, { filter_date_start: "2026-01-01T00:00:00Z" })
        const requests = yield* server.requests
        const urls = requests.map((r) => new URL(r.url, server.origin))
        expect(urls.map((u) => u.pathname)).toEqual([
          `/v1/website/${W}/helpdesk/tree/list/en/articles/2`,
          `/v1/website/${W}/helpdesk/history/changes/1`,
          `/v1/website/${W}/helpdesk/feedback/list/en/guides/3`
        ])
        expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ sub_path: "getting-started/billing", search_title: "é x" })
        expect(Object.fromEntries(urls[1]!.searchParams)).toEqual({ filter_locale: "fr", filter_tree_path: "a/b" })
        expect(Object.fromEntries(urls[2]!.searchParams)).toEqual({ filter_date_start: "2026-01-01T00:00:00Z" })
      })))

  it.live("streamTree walks pages with the same query until an empty page", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope([{ slug: "a" }, { slug: "b" }]),
        Loopback.envelope([{ slug: "c" }]),
        Loopback.envelope([])
      ),
      (server) =>
        Effect.gen(function*() {
          const entries = yield* Stream.runCollect(WebsiteHelpdesk.streamTree(W, "en", "articles", { sub_path: "x" }))
          expect(Chunk.toArray(entries).map((e) => e.slug)).toEqual(["a", "b", "c"])
          const requests = yield* server.requests
          expect(requests.map((r) => r.url)).toEqual([1, 2, 3].map((page) =>
            `/v1/website/${W}/helpdesk/tree/list/en/articles/${page}?sub_path=x`
          ))
        })
    ))

  it.live("tree entries decode with their children; a wrong type deep in the tree names the field", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope({
          type: "category",
          slug: "getting-started",
          state: { published: true, hidden: null },
          children: [{ slug: "billing", children: [{ slug: "invoices", title: "Invoices", children: null }] }]
        }),
        Loopback.envelope({ slug: "getting-started", children: [{ slug: "billing", children: [{ slug: 7 }] }] })
      ),
      () =>
        Effect.gen(function*() {
          const entry = yield* WebsiteHelpdesk.resolveTreePath(W, "en", "articles", "getting-started")
          expect(entry).toEqual({
            type: "category",
            slug: "getting-started",
            state: { published: true },
            children: [{ slug: "billing", children: [{ slug: "invoices", title: "Invoices" }] }]
          })
          const error = yield* Effect.flip(WebsiteHelpdesk.resolveTreePath(W, "en", "articles", "getting-started"))
          expect(error._tag).toBe("CrispDecodeError")
          expect(error.message).toContain("at children.0.children.0.slug: expected string, got number")
        })
    ))

  it.live("helpdesk settings secrets come back Redacted and do not show", () =>
    withServer(
      Loopback.always(Loopback.envelope({ name: "Acme", access: { restrict_mode: "password", password: "pw-d41d", jwt_secret: "jwt-8f00" } })),
      () =>
        Effect.gen(function*() {
          const settings = yield* WebsiteHelpdesk.resolveSettings(W)
          expect(settings.name).toBe("Acme")
          expect(Redacted.value(settings.access!.password!)).toBe("pw-d41d")
          expect(Redacted.value(settings.access!.jwt_secret!)).toBe("jwt-8f00")
          expect(JSON.stringify(settings)).not.toContain("pw-d41d")
          expect(String(settings.access!.jwt_secret)).not.toContain("jwt-8f00")
        })
    ))

  it.live("addRedirection answers the new id, or {} when Crisp sends no data", () =>
    withServer(Loopback.sequence(Loopback.envelope({ redirection_id: "r-1" }), Loopback.envelope(undefined)), (server) =>
      Effect.gen(function*() {
        expect(yield* WebsiteHelpdesk.addRedirection(W, { path: "/old", target: "/new" })).toEqual({ redirection_id: "r-1" })
        expect(yield* WebsiteHelpdesk.addRedirection(W, { path: "/old", target: "/new" })).toEqual({})
        const [first] = yield* server.requests
        expect(JSON.parse(first!.body)).toEqual({ path: "/old", target: "/new" })
      })))
})
