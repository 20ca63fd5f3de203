/**
 * Walks every row of every route table:
 * - the row is the official method it names (verb and path as Crisp's official
 *   client has them, from test/fixtures/reference.json) and its function is
 *   exported under its key;
 * - the function puts the row on the wire: verb, encoded path, query and JSON
 *   body, checked on a real loopback server, with only field names the reference
 *   knows;
 * - a fully populated answer decodes: the official type's sample where the
 *   official client types the method, else the row's own Schema sample;
 * - FakeCrisp has a route for it (never 501 `fake_not_implemented`).
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as Api from "../../src/index.js"
import { encodeQuery } from "../../src/internal/http/query.js"
import type { Route } from "../../src/internal/rest/route.js"
import { sample } from "../../src/internal/rest/sample.js"
import * as FakeCrisp from "../../src/testing/FakeCrisp.js"
import reference from "../fixtures/reference.json" with { type: "json" }
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

interface Reference {
  readonly official: string
  readonly method: string
  readonly path: string
  readonly query: ReadonlyArray<string>
  readonly body: ReadonlyArray<string> | null
  readonly label: string | null
  readonly ref: string | null
  readonly sample: unknown
}

type Fn = ((...args: ReadonlyArray<unknown>) => unknown) & {
  readonly route: Route
  readonly call: (...args: ReadonlyArray<unknown>) => Effect.Effect<unknown, Api.CrispError, Api.CrispHttp.CrispHttp>
}

const references = new Map((reference as ReadonlyArray<Reference>).map((r) => [r.official, r]))

const rows: ReadonlyArray<{ readonly exported: string; readonly fn: Fn }> = Object.entries(Api).flatMap(([group, module]) =>
  typeof module === "object" && module !== null
    ? Object.entries(module).flatMap(([name, value]) =>
      typeof value === "function" && "route" in value ? [{ exported: `${group}.${name}`, fn: value as Fn }] : []
    )
    : []
)

/** A path value per placeholder: one with a space, a slash and a non-ASCII letter. */
const valueOf = (param: string, index: number): string | number => (param === "page_number" ? 2 : `${param} ${index}/é`)

const argsOf = (route: Route) => {
  const path = route.params.map(valueOf)
  const wire = route.input === undefined ? undefined : sample(route.input)
  const input = route.input === undefined ? undefined : Schema.decodeUnknownSync(route.input)(wire)
  return { path, wire, input }
}

/** The template filled as the wire must show it: `{name}` one encoded segment, `{...name}` one per `/`-separated part. */
const snakeCase = (name: string) => name.replace(/ID$/, "_id").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase()

const filled = (template: string, values: ReadonlyArray<string | number>) => {
  let i = 0
  return template.replace(/\{(\.\.\.)?\w+\}/g, (_, many: string | undefined) => {
    const value = String(values[i++])
    return many === undefined ? encodeURIComponent(value) : value.split("/").map(encodeURIComponent).join("/")
  })
}

/** The template as the reference writes it (`{...path}` is the reference's `{path}`). */
const asReference = (template: string) => template.replace(/\{\.\.\.(\w+)\}/g, "{$1}")

describe("route tables", () => {
  it("each function is exported under its row's key, and no route has two functions", () => {
    const seen = new Map<string, string>()
    for (const { exported, fn } of rows) {
      expect(exported).toBe(fn.route.name)
      const route = `${fn.route.method} ${fn.route.path} ${fn.route.official ?? ""}`
      expect(seen.get(route), `${exported} and ${seen.get(route)} share ${route}`).toBeUndefined()
      seen.set(route, exported)
    }
    expect(rows.length).toBeGreaterThan(0)
  })

  it("each row that names an official method has its verb, path, label and anchor", () => {
    for (const { fn } of rows) {
      const { official } = fn.route
      if (official === undefined) continue
      const ref = references.get(official)
      expect(ref, `${fn.route.name}: ${official} is not a method of the official client`).toBeDefined()
      expect(`${fn.route.method} ${asReference(fn.route.path)}`, fn.route.name).toBe(`${ref!.method} ${ref!.path}`)
      if (ref!.label !== null) expect(fn.route.label, fn.route.name).toBe(ref!.label)
      if (ref!.ref !== null) expect(fn.route.ref, fn.route.name).toBe(ref!.ref)
    }
  })

  it("no official method is claimed by two rows", () => {
    const claimed = rows.flatMap(({ fn }) => (fn.route.official === undefined ? [] : [fn.route.official]))
    expect(claimed.length).toBe(new Set(claimed).size)
  })

  it.scopedLive("each row goes on the wire as declared and a fully populated answer decodes", () =>
    Effect.gen(function*() {
      let answer: unknown = {}
      const server = yield* Loopback.make(() => Loopback.envelope(answer))
      const undecoded: Array<string> = []
      for (const { fn } of rows) {
        const { route } = fn
        const { input, path, wire } = argsOf(route)
        const ref = route.official === undefined ? undefined : references.get(route.official)
        answer = route.response === undefined ? {} : ref?.sample ?? sample(route.response)
        const result = yield* fn.call(...path, input).pipe(
          Effect.provide(Support.layer(server, { retry: false })),
          Effect.either
        )
        if (result._tag === "Left") undecoded.push(`${route.name}: ${result.left.message}`)
        const requests = yield* server.requests
        const sent = requests[requests.length - 1]!
        const url = new URL(sent.url, server.origin)
        expect(sent.method, route.name).toBe(route.method)
        expect(url.pathname, route.name).toBe(`/v1/${filled(route.path, path)}`)
        if (route.inputIn === "query") {
          const expected = new URL(encodeQuery(wire as Record<string, unknown> | undefined) || "?", server.origin)
          expect(Object.fromEntries(url.searchParams), route.name).toEqual(Object.fromEntries(expected.searchParams))
          if (ref !== undefined && ref.query.length > 0) {
            for (const key of url.searchParams.keys()) expect(ref.query, `${route.name} query ${key}`).toContain(key)
          }
        } else {
          const body = sent.body === "" ? undefined : JSON.parse(sent.body)
          expect(body, route.name).toEqual(wire ?? (route.method === "DELETE" ? undefined : {}))
          if (ref?.body !== null && ref?.body !== undefined && ref.body.length > 0 && typeof body === "object" && body !== null) {
            // The official types spell a few wire names in camelCase (`userID`); Crisp's wire is snake_case.
            const known = [...ref.body, ...ref.body.map(snakeCase)]
            for (const key of Object.keys(body)) expect(known, `${route.name} body ${key}`).toContain(key)
          }
        }
      }
      expect(undecoded).toEqual([])
    }))

  it.scoped("FakeCrisp answers every row (never 501), and accepts every input the client sends (never 400)", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const authorization = "Basic " + btoa(`${FakeCrisp.DEFAULT_PLUGIN_TOKEN.identifier}:${FakeCrisp.DEFAULT_PLUGIN_TOKEN.key}`)
      for (const { fn } of rows) {
        const { route } = fn
        const { path, wire } = argsOf(route)
        const inQuery = route.inputIn === "query"
        const query = inQuery && wire !== undefined
          ? Object.fromEntries(new URL(encodeQuery(wire as Record<string, unknown>) || "?", "http://x").searchParams)
          : {}
        const response = yield* fake.handle({
          method: route.method,
          path: filled(route.path, path),
          query,
          headers: { authorization, "x-crisp-tier": "plugin", "content-type": "application/json" },
          body: inQuery || wire === undefined ? undefined : JSON.stringify(wire)
        })
        const status = "status" in response ? response.status : 0
        expect(status, `${route.name}: ${"body" in response ? response.body : ""}`).not.toBe(501)
        expect(status, `${route.name}: ${"body" in response ? response.body : ""}`).not.toBe(400)
      }
    }))
})
