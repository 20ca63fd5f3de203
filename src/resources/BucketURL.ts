/**
 * Bucket URLs: signed URLs to upload a file (an attachment, an avatar, a
 * campaign image, …) to Crisp's storage.
 *
 * Crisp answers {@link generate} over the realtime channel, not in the REST
 * response: the URL arrives as the event `bucket:url:<namespace>:generated`
 * carrying the request's `id`. {@link generateAndWait} does both steps: it
 * listens on `CrispEvents`, sends the request, and answers the matching event.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { BucketURL } from "effect-crisp"
 *
 * const uploadUrl = BucketURL.generateAndWait(
 *   { namespace: "upload", file: { name: "invoice.pdf", type: "application/pdf" } },
 *   { timeout: "5 seconds" }
 * ).pipe(Effect.map((generated) => generated.url.signed))
 * ```
 *
 * @since 0.2.0
 */
import { type Duration, Effect } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { withSpanIfTraced } from "../internal/http/span.js"
import { sendAndAwait } from "../internal/realtime/awaitEvent.js"
import { routes } from "../internal/rest/route.js"
import type { Payload } from "../realtime/CrispEvent.js"
import type { CrispEvents } from "../realtime/CrispEvents.js"
import type { CrispEventTimeout, CrispRealtimeUnauthorized } from "../realtime/CrispRealtimeError.js"
import { type BucketUrlNamespace, BucketUrlRequest } from "../schemas/Bucket.js"

const route = routes("BucketURL")

/**
 * Asks Crisp for a signed upload URL. The call answers nothing: the URL arrives
 * on `CrispEvents` as `bucket:url:<namespace>:generated`, whose `id` is the
 * request's. To get it in one step, use {@link generateAndWait}. A request
 * without `namespace` or `id` fails with `CrispInvalidRequest` before anything is sent.
 *
 * Crisp reference: Generate Bucket URL (`POST bucket/url/generate`).
 *
 * @example
 * ```ts
 * import { BucketURL } from "effect-crisp"
 *
 * const ask = BucketURL.generate({
 *   namespace: "avatar", id: "avatar-1", file: { name: "me.png", type: "image/png" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category bucket
 */
export const generate = route("generate", {
  method: "POST",
  path: "bucket/url/generate",
  label: "Generate Bucket URL",
  ref: "#bucket-url",
  official: "bucket.generateBucketURL",
  input: BucketUrlRequest,
  fake: { kind: "custom" }
})

/**
 * The answer to a bucket URL request (the payload of
 * `bucket:url:<namespace>:generated`): `url.signed` to upload to, `url.resource`
 * where the file will be served, the `policy` (`size_limit` in bytes), and the
 * request's `id`.
 *
 * @example
 * ```ts
 * import type { BucketURL } from "effect-crisp"
 *
 * const target = (generated: BucketURL.GeneratedUrl) => generated.url.signed
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export type GeneratedUrl = Payload<"bucket:url:upload:generated">

/**
 * The request of {@link generateAndWait}: as for {@link generate}, but the `id`
 * may be left out (a random one is made).
 *
 * @example
 * ```ts
 * import type { BucketURL } from "effect-crisp"
 *
 * const request: BucketURL.GenerateRequest = { namespace: "upload", file: { name: "a.txt", type: "text/plain" } }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface GenerateRequest extends Omit<BucketUrlRequest, "id"> {
  readonly id?: string
}

/**
 * Options of {@link generateAndWait}.
 *
 * @example
 * ```ts
 * import type { BucketURL } from "effect-crisp"
 *
 * const options: BucketURL.WaitOptions = { timeout: "5 seconds" }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface WaitOptions {
  /** How long to wait for the event once the request was accepted. Default: 10 seconds. */
  readonly timeout?: Duration.DurationInput
}

const eventOf = (namespace: BucketUrlNamespace) => `bucket:url:${namespace}:generated` as const
const DEFAULT_TIMEOUT = "10 seconds"
const SPAN = { kind: "client", captureStackTrace: false } as const

/**
 * Asks for a signed upload URL and waits for it: subscribes to
 * `bucket:url:<namespace>:generated` on `CrispEvents` first (so a fast answer is
 * not missed), sends the request, and answers the first event carrying the
 * request's `id`. Fails with `CrispEventTimeout` when none arrives within
 * `timeout` (default 10 seconds) after the request was accepted, and with the
 * request's `CrispError` when it was refused.
 *
 * The events come from whatever provides `CrispEvents`: `CrispRtm.layer` or
 * `CrispTest.layer()`. `CrispRtm` connects on the first subscription, and an
 * answer that comes before its socket is authenticated is not seen: in a program
 * that uses the RTM only for this, keep one subscription open (e.g. a forked
 * `Stream.runDrain(CrispEvents.all)`) so the socket is up before the request.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { BucketURL } from "effect-crisp"
 *
 * const avatarUrl = BucketURL.generateAndWait({
 *   namespace: "avatar", file: { name: "me.png", type: "image/png" }
 * }).pipe(Effect.map((generated) => generated.url.signed))
 * ```
 *
 * @since 0.2.0
 * @category bucket
 */
export const generateAndWait = (
  request: GenerateRequest,
  options: WaitOptions = {}
): Effect.Effect<GeneratedUrl, CrispError | CrispEventTimeout | CrispRealtimeUnauthorized, CrispHttp | CrispEvents> =>
  withSpanIfTraced(
    Effect.suspend(() => {
      const id = request.id ?? globalThis.crypto.randomUUID()
      return sendAndAwait({
        event: eventOf(request.namespace),
        requestId: id,
        matches: (generated) => generated.id === id,
        send: generate({ ...request, id }),
        timeout: options.timeout ?? DEFAULT_TIMEOUT
      })
    }),
    "BucketURL.generateAndWait",
    SPAN
  )
