/**
 * Requests Crisp answers over the realtime channel: a bucket URL request
 * publishes `bucket:url:<namespace>:generated` with the request's `id` and a
 * signed URL; an animation search publishes `media:animation:listed` with the
 * request's `list_id` and a few results. The URLs point at a host that does not
 * resolve (`.invalid`): nothing is ever uploaded or downloaded.
 */
import type { BucketUrlRequest } from "../../../schemas/Bucket.js"
import type { MediaAnimationQuery } from "../../../schemas/Media.js"
import { type Handlers, ok } from "../router.js"

const STORAGE = "https://storage.fake-crisp.invalid"

/** The size limit the fake's signed URLs announce: 10 MiB. */
const SIZE_LIMIT = 10 * 1024 * 1024

/** Results per page of an animation search. */
const ANIMATIONS_PER_PAGE = 2

/** The hand-written bucket and media handlers, by function name. */
export const handlers: Handlers = {
  "BucketURL.generate": (ctx) => {
    const request = ctx.input as BucketUrlRequest
    const name = request.file?.name ?? "file"
    const path = `${request.namespace}/${encodeURIComponent(request.id)}/${encodeURIComponent(name)}`
    ctx.store.emit(`bucket:url:${request.namespace}:generated`, {
      from: ctx.principal?.token.tier ?? "plugin",
      id: request.id,
      identifier: ctx.principal?.token.identifier ?? "",
      resource: { type: request.resource?.type ?? "", id: request.resource?.id ?? "" },
      policy: { size_limit: SIZE_LIMIT },
      type: request.file?.type ?? "application/octet-stream",
      url: {
        resource: `${STORAGE}/${path}`,
        signed: `${STORAGE}/${path}?expires=${ctx.now + 3_600_000}&signature=fake-${ctx.store.nextSeq()}`
      }
    }, ctx.now)
    return ok()
  },
  "MediaAnimation.list": (ctx) => {
    const query = ctx.input as MediaAnimationQuery
    const page = Number(ctx.params.page_number ?? "1")
    ctx.store.emit("media:animation:listed", {
      id: query.list_id,
      identifier: ctx.principal?.token.identifier ?? "",
      results: Array.from({ length: ANIMATIONS_PER_PAGE }, (_, i) => ({
        type: "image/gif",
        url: `${STORAGE}/animation/${page}-${i + 1}.gif`
      }))
    }, ctx.now)
    return ok()
  }
}
