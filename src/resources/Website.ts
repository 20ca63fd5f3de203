/**
 * Websites: check, create, read, delete, and abort a deletion.
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
import { Website, WebsiteCreate, WebsiteDelete, WebsiteExistsQuery, type WebsiteRemoveVerify } from "../schemas/Website.js"

const route = routes("Website")

/**
 * Checks whether a website with a domain exists (`HEAD website?domain=…`):
 * `true` when it does, `false` when Crisp answers 404.
 *
 * Crisp reference: Check If Website Exists.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Website } from "effect-crisp"
 *
 * const free = Website.checkExists({ domain: "acme.example" }).pipe(Effect.map((exists) => !exists))
 * ```
 *
 * @since 0.2.0
 * @category websites
 */
export const checkExists = route("checkExists", {
  method: "HEAD",
  path: "website",
  label: "Check If Website Exists",
  ref: "#check-if-website-exists",
  official: "website.checkWebsiteExists",
  input: WebsiteExistsQuery,
  fake: { kind: "custom" }
})

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
 * Gets a website (`GET website/{website_id}`): its name, domain, logo and flags.
 * An unknown website fails with `CrispNotFound`.
 *
 * Crisp reference: Get A Website.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Website } from "effect-crisp"
 *
 * const domain = Website.get("website-id").pipe(Effect.map((website) => website.domain))
 * ```
 *
 * @since 0.2.0
 * @category websites
 */
export const get = route("get", {
  method: "GET",
  path: "website/{website_id}",
  label: "Get A Website",
  ref: "#get-a-website",
  official: "website.getWebsite",
  response: Website,
  fake: { kind: "custom" }
})

/**
 * Deletes a website (`DELETE website/{website_id}`). Crisp asks for
 * `{ verify: { method, secret } }`, sent when `verify` is given (the secret stays
 * `Redacted` until the body is encoded).
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

/**
 * Aborts the scheduled deletion of a website (`DELETE website/{website_id}/expunge`).
 *
 * Crisp reference: Abort Website Deletion.
 *
 * @example
 * ```ts
 * import { Website } from "effect-crisp"
 *
 * const keep = Website.abortDeletion("website-id")
 * ```
 *
 * @since 0.2.0
 * @category websites
 */
export const abortDeletion = route("abortDeletion", {
  method: "DELETE",
  path: "website/{website_id}/expunge",
  label: "Abort Website Deletion",
  ref: "#abort-website-deletion",
  official: "website.abortWebsiteDeletion",
  fake: { kind: "default" }
})
