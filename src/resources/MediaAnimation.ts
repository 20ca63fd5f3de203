/**
 * Animation medias (GIFs) to send in conversations, found by a search.
 *
 * Crisp answers {@link list} over the realtime channel, not in the REST
 * response: the results arrive as the event `media:animation:listed`, whose `id`
 * is the request's `list_id`. {@link listAndWait} does both steps: it listens on
 * `CrispEvents`, sends the request, and answers the matching event.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MediaAnimation } from "effect-crisp"
 *
 * const gifs = MediaAnimation.listAndWait(1, { list_id: 7, search_query: { text: "thank you" } }).pipe(
 *   Effect.map((listed) => listed.results.map((r) => r.url))
 * )
 * ```
 *
 * @since 0.2.0
 */
import type { Duration, Effect } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { withSpanIfTraced } from "../internal/http/span.js"
import { sendAndAwait } from "../internal/realtime/awaitEvent.js"
import { routes } from "../internal/rest/route.js"
import type { Payload } from "../realtime/CrispEvent.js"
import type { CrispEvents } from "../realtime/CrispEvents.js"
import type { CrispEventTimeout, CrispRealtimeUnauthorized } from "../realtime/CrispRealtimeError.js"
import { MediaAnimationQuery } from "../schemas/Media.js"

const route = routes("MediaAnimation")

/**
 * Searches animation medias, one page at a time (pages count from 1). The call
 * answers nothing: the results arrive on `CrispEvents` as
 * `media:animation:listed`, whose `id` is the request's `list_id`. To get them in
 * one step, use {@link listAndWait}.
 *
 * Crisp reference: List Animation Medias (`GET media/animation/list/{page_number}`).
 *
 * @example
 * ```ts
 * import { MediaAnimation } from "effect-crisp"
 *
 * const search = MediaAnimation.list(1, { list_id: 7, search_query: { text: "hello" } })
 * ```
 *
 * @since 0.2.0
 * @category media
 */
export const list = route("list", {
  method: "GET",
  path: "media/animation/list/{page_number}",
  label: "List Animation Medias",
  ref: "#list-animation-medias",
  official: "media.listAnimationMedias",
  input: MediaAnimationQuery,
  fake: { kind: "custom" }
})

/**
 * The answer to an animation search (the payload of `media:animation:listed`):
 * the request's `list_id` as `id`, and the `results` (`type`, `url`).
 *
 * @example
 * ```ts
 * import type { MediaAnimation } from "effect-crisp"
 *
 * const urls = (listed: MediaAnimation.AnimationsListed) => listed.results.map((r) => r.url)
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export type AnimationsListed = Payload<"media:animation:listed">

/**
 * Options of {@link listAndWait}.
 *
 * @example
 * ```ts
 * import type { MediaAnimation } from "effect-crisp"
 *
 * const options: MediaAnimation.WaitOptions = { timeout: "3 seconds" }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface WaitOptions {
  /** How long to wait for the event once the request was accepted. Default: 10 seconds. */
  readonly timeout?: Duration.DurationInput
}

/**
 * Searches animation medias and waits for the results: subscribes to
 * `media:animation:listed` on `CrispEvents` first (so a fast answer is not
 * missed), sends the request, and answers the first event whose `id` is the
 * query's `list_id`. Fails with `CrispEventTimeout` when none arrives within
 * `timeout` (default 10 seconds) after the request was accepted, and with the
 * request's `CrispError` when it was refused. Use a different `list_id` for each
 * search in flight. As for `BucketURL.generateAndWait`, with `CrispRtm` the socket
 * must be up before the request (keep a subscription open).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MediaAnimation } from "effect-crisp"
 *
 * const first = MediaAnimation.listAndWait(1, { list_id: 1, search_query: { text: "welcome" } }, { timeout: "3 seconds" })
 *   .pipe(Effect.map((listed) => listed.results[0]?.url))
 * ```
 *
 * @since 0.2.0
 * @category media
 */
export const listAndWait = (
  page: number,
  query: MediaAnimationQuery,
  options: WaitOptions = {}
): Effect.Effect<AnimationsListed, CrispError | CrispEventTimeout | CrispRealtimeUnauthorized, CrispHttp | CrispEvents> =>
  withSpanIfTraced(
    sendAndAwait({
      event: "media:animation:listed",
      requestId: String(query.list_id),
      matches: (listed) => listed.id === query.list_id,
      send: list(page, query),
      timeout: options.timeout ?? "10 seconds"
    }),
    "MediaAnimation.listAndWait",
    { kind: "client", captureStackTrace: false }
  )
