/**
 * Bucket URLs: signed URLs to upload a file to Crisp's storage. The request goes
 * over REST; the URL comes back as a realtime event,
 * `bucket:url:<namespace>:generated`, carrying the request's `id`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"

/**
 * What a bucket URL is for; it names the event the URL arrives with
 * (`bucket:url:upload:generated`, …).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const namespace: Schemas.BucketUrlNamespace = "upload"
 * ```
 *
 * @since 0.2.0
 * @category bucket
 */
export const BucketUrlNamespace = Schema.Literal(
  "upload",
  "avatar",
  "website",
  "campaign",
  "helpdesk",
  "status",
  "processing"
)

export type BucketUrlNamespace = typeof BucketUrlNamespace.Type

/**
 * The body of `BucketURL.generate`: the `namespace`, the request `id` (any string
 * of yours; the event carrying the URL repeats it), the `file` to upload (name
 * and MIME type) and optionally the `resource` it belongs to.
 *
 * `namespace` and `id` are required here although Crisp's types mark them
 * optional: without a namespace there is no event to wait for, and without an id
 * the answer cannot be matched to its request.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const request: Schemas.BucketUrlRequest = {
 *   namespace: "upload", id: "upload-1", file: { name: "invoice.pdf", type: "application/pdf" }
 * }
 * ```
 *
 * @since 0.2.0
 * @category bucket
 */
export const BucketUrlRequest = Schema.Struct({
  namespace: BucketUrlNamespace,
  id: Schema.NonEmptyString,
  file: Schema.optional(Schema.Struct({ name: Schema.optional(Schema.String), type: Schema.optional(Schema.String) })),
  resource: Schema.optional(Schema.Struct({ type: Schema.optional(Schema.String), id: Schema.optional(Schema.String) }))
})

export interface BucketUrlRequest extends Schema.Schema.Type<typeof BucketUrlRequest> {}
