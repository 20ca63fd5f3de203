/**
 * Websites: create and delete.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `Website.<method>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Website } from "effect-crisp"
 *
 * const websiteId = Website.create({ name: "Acme", domain: "acme.example" }).pipe(
 *   Effect.map((website) => website.website_id)
 * )
 * ```
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { endpoint } from "../internal/rest/endpoint.js"
import { Website, WebsiteCreate, WebsiteDelete, type WebsiteRemoveVerify } from "../schemas/Website.js"

const createEndpoint = endpoint({
  name: "Website.create",
  method: "POST",
  path: "website",
  body: WebsiteCreate,
  response: Website
})
const deleteEndpoint = endpoint({
  name: "Website.delete",
  method: "DELETE",
  path: "website/{website_id}",
  body: WebsiteDelete
})

/**
 * Creates a website (`POST website`) from a `name` and a `domain`, and answers it.
 * Crisp allows this route for user tokens only.
 *
 * @example
 * ```ts
 * import { Website } from "effect-crisp"
 *
 * const created = Website.create({ name: "Acme", domain: "acme.example" })
 * ```
 *
 * @since 0.1.0
 * @category websites
 */
export const create = (params: WebsiteCreate): Effect.Effect<Website, CrispError, CrispHttp> =>
  createEndpoint({ body: params })

/**
 * Deletes a website (`DELETE website/{website_id}`). The seed sent no body; the
 * current API asks for `{ verify: { method, secret } }`, sent when `verify` is
 * given (the secret stays `Redacted` until the body is encoded). The seed's README
 * mislabelled this method "Create User Account".
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Website } from "effect-crisp"
 *
 * const remove = Website.delete("website-id", { method: "password", secret: Redacted.make("hunter2") })
 * ```
 *
 * @since 0.1.0
 * @category websites
 */
const delete_ = (websiteId: string, verify?: WebsiteRemoveVerify): Effect.Effect<void, CrispError, CrispHttp> =>
  deleteEndpoint({ path: { website_id: websiteId }, body: verify === undefined ? undefined : { verify } })

export {
  /**
   * Deletes a website (`DELETE website/{website_id}`), with `{ verify }` when given.
   *
   * @example
   * ```ts
   * import { Redacted } from "effect"
   * import { Website } from "effect-crisp"
   *
   * const remove = Website.delete("website-id", { method: "password", secret: Redacted.make("hunter2") })
   * ```
   *
   * @since 0.1.0
   * @category websites
   */
  delete_ as delete
}
