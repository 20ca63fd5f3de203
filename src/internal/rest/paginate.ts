/**
 * Page walking for Crisp's numbered pages (the page number is a path segment and
 * there is no "has more" flag).
 */
import { Chunk, Effect, Option, Stream } from "effect"

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** First page number. Crisp counts from 1. */
  readonly firstPage?: number
  /**
   * The page size the server was asked for, when known: a page shorter than this
   * is the last one and no further page is fetched. Without it, walking stops at
   * the first empty page.
   */
  readonly pageSize?: number
}

/**
 * A Stream of every item of every page, fetched lazily: a page is only requested
 * when the consumer wants more (so `Stream.take` stops the fetching).
 */
export const paginate = <A, E, R>(
  fetchPage: (page: number) => Effect.Effect<ReadonlyArray<A>, E, R>,
  options: PaginateOptions = {}
): Stream.Stream<A, E, R> =>
  Stream.paginateChunkEffect(options.firstPage ?? 1, (page) =>
    Effect.map(fetchPage(page), (items) => {
      const last = items.length === 0 || (options.pageSize !== undefined && items.length < options.pageSize)
      return [Chunk.fromIterable(items), last ? Option.none<number>() : Option.some(page + 1)] as const
    }))
