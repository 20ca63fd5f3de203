/**
 * Page numbers of Crisp's list routes (internal).
 */
import { Effect } from "effect"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { type CrispError, CrispInvalidRequest } from "../../CrispError.js"

/**
 * Runs `use` with the page number when it is an integer of at least 1; otherwise
 * fails with `CrispInvalidRequest` and sends nothing. Pages count from 1: the
 * seed's list functions sent `/undefined` or `/0` when the page was left out.
 */
export const withPage = <A, R>(
  method: HttpMethod,
  route: string,
  page: number,
  use: (page: number) => Effect.Effect<A, CrispError, R>
): Effect.Effect<A, CrispError, R> =>
  Number.isInteger(page) && page >= 1
    ? use(page)
    : Effect.fail(new CrispInvalidRequest({
      method,
      path: route,
      issue: `page_number must be an integer of at least 1, got ${String(page)}`
    }))
