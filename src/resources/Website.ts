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
import { routes, withSignature } from "../internal/rest/route.js"
import { Website, WebsiteCreate, WebsiteDelete, type WebsiteRemoveVerify } from "../schemas/Website.js"

const route = routes("Website")

/**
 * Creates a website (`POST website`) from a `name` and a `domain`, and answers it.
 * Crisp allows this route for user tokens only.
 *
 * Crisp reference: Create Website.
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
export const create = route("create", {
  method: "POST",
  path: "website",
  label: "Create Website",
  ref: "#create-website",
  official: "website.createWebsite",
  input: WebsiteCreate,
  response: Website,
  fake: { kind: "custom" }
})

/**
 * Deletes a website (`DELETE website/{website_id}`). The seed sent no body; the
 * current API asks for `{ verify: { method, secret } }`, sent when `verify` is
 * given (the secret stays `Redacted` until the body is encoded). The seed's README
 * mislabelled this method "Create User Account".
 *
 * Crisp reference: Delete A Website.
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
const delete_ = withSignature(
  route("delete", {
    method: "DELETE",
    path: "website/{website_id}",
    label: "Delete A Website",
    ref: "#delete-a-website",
    official: "website.deleteWebsite",
    input: WebsiteDelete,
    fake: { kind: "custom" }
  }),
  (websiteId: string, verify?: WebsiteRemoveVerify) => [websiteId, verify === undefined ? undefined : { verify }]
)

export {
  /**
   * Deletes a website (`DELETE website/{website_id}`), with `{ verify }` when given.
   *
   * Crisp reference: Delete A Website.
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
