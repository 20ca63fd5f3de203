/**
 * The endpoint the HTTP benchmarks call: a declaration with a 5-field response
 * Schema, as a resource module has it.
 */
import { Schema } from "effect"
import { endpoint } from "../src/internal/rest/endpoint.js"

const Website = Schema.Struct({
  website_id: Schema.String,
  name: Schema.String,
  domain: Schema.optional(Schema.String),
  logo: Schema.optional(Schema.NullOr(Schema.String)),
  created_at: Schema.optional(Schema.Number)
})

export const getWebsite = endpoint({
  name: "Website.getWebsite",
  method: "GET",
  path: "website/{website_id}",
  response: Website
})
