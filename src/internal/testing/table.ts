/**
 * The fake's routes, derived from the client's route tables: every exported row
 * of every resource module becomes a fake route that checks its input with the
 * row's own Schema and answers by the row's `fake` kind — a user stub first, then
 * a hand-written handler (`custom`), a stored document, a collection, or a
 * deterministic sample of the response Schema.
 */
import { Either, Schema } from "effect"
import * as Api from "../../index.js"
import { parseTemplate } from "../rest/path.js"
import { type Route as Row, rowsOf } from "../rest/route.js"
import { sample } from "../rest/sample.js"
import { formatIssue } from "../schemaIssue.js"
import { clone, deepMerge, type JsonRecord } from "./json.js"
import { type Auth, fail, type Handlers, invalid, ok, type Reply, route, type Route, type RouteContext } from "./router.js"
import type { StubReply } from "./store.js"

/** Every row of the client, in module order. */
export const clientRows: ReadonlyArray<Row> = Object.values(Api).flatMap((module) =>
  typeof module === "object" && module !== null ? rowsOf(module as Record<string, unknown>) : []
)

const isObject = (u: unknown): u is JsonRecord => typeof u === "object" && u !== null && !Array.isArray(u)

/** A query value as the row's Schema expects it: the string, or its JSON reading. */
const queryDecoder = (schema: Schema.Schema<unknown, unknown>) => {
  const decode = Schema.decodeUnknownEither(schema, { errors: "first" })
  const fields = "fields" in schema ? (schema.fields as Schema.Struct.Fields) : undefined
  // Per field: does the string itself fit the field's wire type?
  const fieldDecoders = fields === undefined ? undefined : Object.fromEntries(
    Object.entries(fields).map(([k, f]) => {
      const check = Schema.decodeUnknownEither(Schema.encodedSchema(Schema.Struct({ [k]: f })))
      return [k, (text: string) => check({ [k]: text })]
    })
  )
  return (query: Readonly<Record<string, string>>) => {
    const wire: Record<string, unknown> = {}
    for (const [key, text] of Object.entries(query)) {
      let parsed: unknown = text
      try {
        parsed = JSON.parse(text)
      } catch {
        // not JSON: the string itself
      }
      const check = fieldDecoders?.[key]
      wire[key] = check !== undefined && Either.isRight(check(text)) ? text : parsed
    }
    return decode(wire)
  }
}

const answer = (stub: StubReply): Reply =>
  "status" in stub && stub.status >= 400
    ? fail(stub.status, stub.reason ?? "stubbed", undefined)
    : ok("data" in stub ? stub.data : {})

const notImplemented = (method: string, pattern: string, name: string): Reply =>
  fail(501, "fake_not_implemented", `the fake has no handler for ${name} (${method} ${pattern})`)

/** The generic answer of a row's `fake` kind. */
const generic = (row: Row): (ctx: RouteContext, key: string) => Reply => {
  const response = row.response === undefined ? undefined : sample(row.response)
  const written = response ?? {}
  const fake = row.fake
  switch (fake.kind) {
    case "custom":
      return () => notImplemented(row.method, row.path, row.name)
    case "default":
      return () => (row.method === "HEAD" ? ok() : ok(clone(written)))
    case "document": {
      const at = fake.at === undefined ? undefined : parseTemplate(fake.at)
      return (ctx, path) => {
        const key = at === undefined ? path : String(at.fill(ctx.params))
        const stored = ctx.store.documents.get(key)
        switch (ctx.method) {
          case "GET":
            return ok(clone(stored ?? response ?? {}))
          case "HEAD":
            return stored === undefined ? fail(404, "not_found", "nothing stored here") : ok()
          case "PUT":
          case "POST":
            ctx.store.documents.set(key, clone(ctx.body ?? {}))
            return ok(clone(written))
          case "PATCH":
            ctx.store.documents.set(
              key,
              isObject(ctx.body) ? deepMerge(isObject(stored) ? stored : isObject(response) ? response : {}, ctx.body) : clone(ctx.body)
            )
            return ok(clone(written))
          default:
            ctx.store.documents.delete(key)
            return ok(clone(written))
        }
      }
    }
    case "collection": {
      const { id, name, op } = fake
      const scope = row.params.filter((p) => p !== id && p !== "page_number")
      return (ctx) => {
        const key = [name, ...scope.map((p) => ctx.params[p])].join("\u0000")
        let items = ctx.store.collections.get(key)
        if (items === undefined) {
          items = new Map()
          ctx.store.collections.set(key, items)
        }
        const itemId = ctx.params[id]
        const missing = () => fail(404, "not_found", `${name} item not found`)
        switch (op) {
          case "list": {
            const page = Number(ctx.params.page_number ?? "1")
            const size = Number(ctx.query.per_page ?? row.paged?.perPage ?? 20)
            return ok([...items.values()].slice((page - 1) * size, page * size).map(clone))
          }
          case "get":
            return itemId !== undefined && items.has(itemId) ? ok(clone(items.get(itemId))) : missing()
          case "exists":
            return itemId !== undefined && items.has(itemId) ? ok() : missing()
          case "create": {
            const body = isObject(ctx.body) ? ctx.body : {}
            const given = body[id]
            const newId = typeof given === "string" || typeof given === "number"
              ? String(given)
              : `${id}-${ctx.store.nextSeq()}`
            items.set(newId, { ...clone(body), [id]: newId })
            return ok(isObject(response) ? { ...clone(response), [id]: newId } : clone(written))
          }
          case "update": {
            const current = itemId === undefined ? undefined : items.get(itemId)
            if (current === undefined || itemId === undefined) return missing()
            items.set(itemId, isObject(ctx.body) ? { ...deepMerge(current, ctx.body), [id]: itemId } : current)
            return ok(clone(written))
          }
          case "delete":
            return itemId !== undefined && items.delete(itemId) ? ok(clone(written)) : missing()
        }
      }
    }
  }
}

/**
 * The fake routes of every client row: stub, input check with the row's Schema,
 * then the row's handler (`handlers` are the hand-written ones, by function name).
 */
export const tableRoutes = (handlers: Handlers): ReadonlyArray<Route> => {
  const answerers = clientRows.map((row) => answerer(row, handlers))
  // Rows sharing a verb and a path (Crisp tells them apart by the body) are one fake
  // route: the first row whose input Schema accepts the request answers it.
  const shared = new Map<string, Array<Answerer>>()
  for (const one of answerers) {
    const key = `${one.row.method} ${one.row.path}`
    shared.set(key, [...(shared.get(key) ?? []), one])
  }
  return [...shared.values()].map((group) =>
    route(group[0]!.row.method, group[0]!.row.path, group[0]!.auth, (ctx) => {
      let refusal: Reply | undefined
      for (const one of group) {
        const reply = one.answer(ctx)
        if (!("refused" in reply)) return reply
        refusal ??= reply.refused
      }
      return refusal!
    })
  )
}

interface Answerer {
  readonly row: Row
  readonly auth: Auth
  /** The reply, or why the row's input Schema refused the request. */
  readonly answer: (ctx: RouteContext) => Reply | { readonly refused: Reply }
}

const answerer = (row: Row, handlers: Handlers): Answerer => {
  const custom = handlers[row.name]
  const handle = custom === undefined ? undefined : typeof custom === "function" ? custom : custom.handle
  const pattern = row.path
  const fallback = generic(row)
  const decodeBody = row.input === undefined || row.inputIn !== "body"
    ? undefined
    : Schema.decodeUnknownEither(row.input, { errors: "first" })
  const decodeQuery = row.input === undefined || row.inputIn !== "query" ? undefined : queryDecoder(row.input)
  const auth: Auth = custom !== undefined && typeof custom !== "function" ? custom.auth : "token"
  return {
    row,
    auth,
    answer: (ctx) => {
      const stub = ctx.store.stubs.get(row.name)
      if (stub !== undefined) {
        return answer(typeof stub === "function" ? stub({ params: ctx.params, query: ctx.query, body: ctx.body }) : stub)
      }
      let input: unknown
      if (decodeBody !== undefined) {
        const decoded = decodeBody(ctx.body ?? {})
        if (Either.isLeft(decoded)) return { refused: invalid(`body ${formatIssue(decoded.left)}`) }
        input = decoded.right
      } else if (decodeQuery !== undefined) {
        const decoded = decodeQuery(ctx.query)
        if (Either.isLeft(decoded)) return { refused: invalid(`query ${formatIssue(decoded.left)}`) }
        input = decoded.right
      }
      const withInput = { ...ctx, input }
      if (handle !== undefined) return handle(withInput)
      return fallback(withInput, fillPath(pattern, ctx.params))
    }
  }
}

const fillPath = (pattern: string, params: Readonly<Record<string, string>>) =>
  pattern.replace(/\{(?:\.\.\.)?(\w+)\}/g, (_, name: string) => params[name] ?? "")
