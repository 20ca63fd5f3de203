/**
 * Filter search criteria, shared by the conversation and people list routes.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * One filter criterion: `{ model, criterion, operator, query }`. Sent JSON-encoded
 * in the `search_query` (conversations) or `search_filter` (people) query
 * parameter.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const byEmail: Schemas.FilterSearchQuery = {
 *   model: "people", criterion: "email", operator: "eq", query: ["jane@example.com"]
 * }
 * ```
 *
 * @since 0.1.0
 * @category search
 */
export const FilterSearchQuery = Schema.Struct({
  model: Schema.String,
  criterion: Schema.String,
  operator: Schema.String,
  query: Schema.Array(Schema.String)
})

export interface FilterSearchQuery extends Schema.Schema.Type<typeof FilterSearchQuery> {}

/**
 * How several criteria combine: `"and"` or `"or"`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const all: Schemas.SearchOperator = "and"
 * ```
 *
 * @since 0.1.0
 * @category search
 */
export const SearchOperator = Schema.Literal("and", "or")

export type SearchOperator = typeof SearchOperator.Type

/**
 * Crisp's `0 | 1` query flags.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const on: Schemas.Flag = 1
 * ```
 *
 * @since 0.1.0
 * @category search
 */
export const Flag = Schema.Literal(0, 1)

export type Flag = typeof Flag.Type

/**
 * A page size Crisp accepts on the routes that take `per_page`: an integer from
 * 20 to 50 (documented range; the default is 20).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const largest: Schemas.PerPage = 50
 * ```
 *
 * @since 0.1.0
 * @category search
 */
export const PerPage = Schema.Int.pipe(Schema.between(20, 50))

/**
 * The type {@link PerPage} decodes to: a number (checked to be an integer from 20 to 50).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const pageSize: Schemas.PerPage = 30
 * ```
 *
 * @since 0.1.0
 * @category search
 */
export type PerPage = typeof PerPage.Type

/**
 * The largest `per_page` Crisp allows; the pagination streams ask for it.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * console.log(Schemas.MAX_PER_PAGE) // 50
 * ```
 *
 * @since 0.1.0
 * @category search
 */
export const MAX_PER_PAGE = 50
