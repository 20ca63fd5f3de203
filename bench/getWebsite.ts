/**
 * The endpoint the HTTP benchmarks call: a declaration with a 5-field response
 * Schema, as a resource module has it.
 */
import { Schema } from "effect"
import { routes } from "../src/internal/rest/route.js"

const Website = Schema.Struct({
  website_id: Schema.String,
  name: Schema.String,
  domain: Schema.optional(Schema.String),
  logo: Schema.optional(Schema.NullOr(Schema.String)),
  created_at: Schema.optional(Schema.Number)
})

const getWebsiteRow = routes("Website")("getWebsite", {
  method: "GET",
  path: "website/{website_id}",
  label: "Get A Website",
  response: Website
})

/** Called as the benchmarks always called it: `getWebsite({ path: { website_id } })`. */
export const getWebsite = (input: { readonly path: { readonly website_id: string } }) => getWebsiteRow(input.path.website_id)
