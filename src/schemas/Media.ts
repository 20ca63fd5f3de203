/**
 * Media: animations (GIFs) to send in conversations. The search goes over REST;
 * the results come back as the realtime event `media:animation:listed`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"

/**
 * The query of `MediaAnimation.list`: your `list_id`, a number of your choosing
 * that the `media:animation:listed` event carrying the results repeats as its
 * `id` (a number there, so a number here, as in Crisp's Go client), and the
 * `search_query` object (sent JSON-encoded in the query string).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * // search_query: the search object as Crisp's reference describes it.
 * const query: Schemas.MediaAnimationQuery = { list_id: 42, search_query: { text: "thank you" } }
 * ```
 *
 * @since 0.2.0
 * @category media
 */
export const MediaAnimationQuery = Schema.Struct({
  list_id: Schema.Int,
  search_query: Schema.Record({ key: Schema.String, value: Schema.Unknown })
})

export interface MediaAnimationQuery extends Schema.Schema.Type<typeof MediaAnimationQuery> {}
