/**
 * Helpers shared by the route handlers: page numbers, page sizes, 0/1 flags,
 * lookups that answer 404, and Crisp's filter search.
 */
import { Schema } from "effect"
import { getPath, isRecord, type JsonRecord } from "../json.js"
import type { ConversationRecord, WebsiteRecord } from "../model.js"
import { invalid, notFound, type Reply, type RouteContext } from "../router.js"

/** A 1-based page number from a path segment. */
export const pageNumber = (raw: string | undefined): number | Reply => {
  if (raw === undefined) return 1
  if (!/^[1-9]\d{0,8}$/.test(raw)) return invalid(`page number must be a whole number from 1, got ${JSON.stringify(raw)}`)
  return Number(raw)
}

/** `per_page` between 20 and 50 (Crisp's documented bounds), default 20. */
export const perPage = (raw: string | undefined): number | Reply => {
  if (raw === undefined) return 20
  if (!/^\d+$/.test(raw)) return invalid(`per_page must be a whole number, got ${JSON.stringify(raw)}`)
  const n = Number(raw)
  if (n < 20 || n > 50) return invalid(`per_page must be between 20 and 50, got ${n}`)
  return n
}

/** One page of a list; a page past the end is empty. */
export const slicePage = <A>(items: ReadonlyArray<A>, page: number, size: number): ReadonlyArray<A> =>
  items.slice((page - 1) * size, page * size)

/** A `0`/`1` query flag (`true`/`false` accepted too). */
export const flag = (query: Readonly<Record<string, string>>, name: string): boolean | Reply => {
  const raw = query[name]
  if (raw === undefined || raw === "" || raw === "0" || raw === "false") return false
  if (raw === "1" || raw === "true") return true
  return invalid(`${name} must be 0 or 1, got ${JSON.stringify(raw)}`)
}

/** A timestamp query parameter (epoch milliseconds). */
export const timestamp = (query: Readonly<Record<string, string>>, name: string): number | undefined | Reply => {
  const raw = query[name]
  if (raw === undefined || raw === "") return undefined
  if (!/^\d+$/.test(raw)) return invalid(`${name} must be a timestamp in milliseconds, got ${JSON.stringify(raw)}`)
  return Number(raw)
}

/** Runs `f` with the website of the path, or answers 404. */
export const withWebsite = (ctx: RouteContext, f: (website: WebsiteRecord) => Reply): Reply => {
  const website = ctx.store.websites.get(ctx.params.website_id ?? "")
  return website === undefined ? notFound("website") : f(website)
}

/** Runs `f` with the conversation of the path, or answers 404. */
export const withConversation = (ctx: RouteContext, f: (conversation: ConversationRecord) => Reply): Reply =>
  withWebsite(ctx, (website) => {
    const conversation = ctx.store.conversation(website.website_id, ctx.params.session_id ?? "")
    return conversation === undefined ? notFound("conversation") : f(conversation)
  })

// ---------------------------------------------------------------------------
// Filter search: [{ model, criterion, operator, query: [...] }]
// ---------------------------------------------------------------------------

const FilterSchema = Schema.Array(Schema.Struct({
  model: Schema.optional(Schema.String),
  criterion: Schema.String,
  operator: Schema.Literal("eq", "neq", "gt", "gte", "lt", "lte", "has", "hasnot", "hasnt"),
  query: Schema.Array(Schema.Union(Schema.String, Schema.Number, Schema.Boolean))
}))

/** One filter of a filter search. */
export type Filter = typeof FilterSchema.Type[number]

const decodeFilters = Schema.decodeUnknownEither(Schema.parseJson(FilterSchema))

/** Parses a `search_filter` / filter `search_query` parameter (a JSON array). */
export const parseFilters = (name: string, raw: string): ReadonlyArray<Filter> | Reply => {
  const decoded = decodeFilters(raw)
  if (decoded._tag === "Left") return invalid(`${name} must be a JSON array of {criterion, operator, query}`)
  return decoded.right
}

/** `and` (default) or `or`. */
export const searchOperator = (raw: string | undefined): "and" | "or" | Reply =>
  raw === undefined || raw === "" || raw === "and" ? "and" : raw === "or" ? "or" : invalid(`search_operator must be and or or, got ${JSON.stringify(raw)}`)

const lower = (u: unknown) => (typeof u === "string" ? u.toLowerCase() : u)

const compare = (value: unknown, operator: Filter["operator"], wanted: string | number | boolean): boolean => {
  switch (operator) {
    case "eq":
      return lower(value) === lower(wanted) || (typeof value === "number" && String(value) === String(wanted))
    case "neq":
      return !compare(value, "eq", wanted)
    case "has":
      return typeof value === "string" && value.toLowerCase().includes(String(wanted).toLowerCase())
    case "hasnot":
    case "hasnt":
      return !compare(value, "has", wanted)
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const a = Number(value)
      const b = Number(wanted)
      if (typeof value !== "number" && typeof value !== "string") return false
      if (Number.isNaN(a) || Number.isNaN(b)) return false
      return operator === "gt" ? a > b : operator === "gte" ? a >= b : operator === "lt" ? a < b : a <= b
    }
  }
}

const matchesOne = (record: JsonRecord, filter: Filter): boolean => {
  const value = getPath(record, filter.criterion)
  const negative = filter.operator === "neq" || filter.operator === "hasnot" || filter.operator === "hasnt"
  const test = (wanted: string | number | boolean) =>
    Array.isArray(value)
      ? (negative ? value.every((v) => compare(v, filter.operator, wanted)) : value.some((v) => compare(v, filter.operator, wanted)))
      : compare(value, filter.operator, wanted)
  if (filter.query.length === 0) return true
  return negative ? filter.query.every(test) : filter.query.some(test)
}

/** Whether a wire record passes a filter search. */
export const matchesFilters = (record: JsonRecord, filters: ReadonlyArray<Filter>, operator: "and" | "or"): boolean =>
  filters.length === 0 ||
  (operator === "and" ? filters.every((f) => matchesOne(record, f)) : filters.some((f) => matchesOne(record, f)))

/** Whether any string field of a record contains `text` (case-insensitive). */
export const containsText = (values: ReadonlyArray<unknown>, text: string): boolean => {
  const wanted = text.toLowerCase()
  return values.some((v) => typeof v === "string" && v.toLowerCase().includes(wanted))
}

/** Whether the parsed body is a JSON object; answers 400 otherwise. */
export const objectBody = (body: unknown): JsonRecord | Reply =>
  isRecord(body) ? body : invalid("body must be a JSON object")
