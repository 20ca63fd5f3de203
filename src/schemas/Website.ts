/**
 * Websites (Crisp workspaces).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

/**
 * A website as `Website.create` and `Website.get` answer it.
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
 * @category websites
 */
export const Website = Schema.Struct({
  website_id: optional(Schema.String),
  name: optional(Schema.String),
  domain: optional(Schema.String),
  logo: optional(Schema.String),
  verified: optional(Schema.Boolean),
  institutional: optional(Schema.Boolean)
})

export interface Website extends Schema.Schema.Type<typeof Website> {}

/**
 * The body of `Website.create`: a `name` and a `domain`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.WebsiteCreate = { name: "Acme", domain: "acme.example" }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const WebsiteCreate = Schema.Struct({
  name: Schema.NonEmptyTrimmedString,
  domain: Schema.NonEmptyTrimmedString
})

export interface WebsiteCreate extends Schema.Schema.Type<typeof WebsiteCreate> {}

/**
 * How a website deletion is confirmed: `{ method, secret }`, e.g. the account
 * password. The secret is `Redacted`.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const verify: Schemas.WebsiteRemoveVerify = { method: "password", secret: Redacted.make("hunter2") }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const WebsiteRemoveVerify = Schema.Struct({
  method: Schema.Literal("password", "token", "google"),
  secret: Schema.Redacted(Schema.String)
})

export interface WebsiteRemoveVerify extends Schema.Schema.Type<typeof WebsiteRemoveVerify> {}

/**
 * The body of `Website.delete`: nothing, or `{ verify }`, which Crisp asks for
 * (`{}` counts as nothing).
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Website } from "effect-crisp"
 *
 * Website.delete("website-id", { method: "password", secret: Redacted.make("hunter2") })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const WebsiteDelete = Schema.UndefinedOr(Schema.Struct({ verify: Schema.optional(WebsiteRemoveVerify) }))

/**
 * The query of `Website.checkExists`: the `domain` to look for.
 *
 * @example
 * ```ts
 * import { Website } from "effect-crisp"
 *
 * const taken = Website.checkExists({ domain: "acme.example" })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const WebsiteExistsQuery = Schema.Struct({
  domain: Schema.NonEmptyTrimmedString
})

export interface WebsiteExistsQuery extends Schema.Schema.Type<typeof WebsiteExistsQuery> {}
