/**
 * REST answers, by property: whatever the status and the body — arbitrary text or bytes,
 * arbitrary JSON, envelopes whose `data` is a valid Crisp value or one with a node
 * replaced — reading the body and decoding `data` with the endpoint's Schema gives a
 * value or a typed error, never a throw (which the HTTP layer would turn into a
 * defect). Errors copy no value: a marker placed in the body appears in no error,
 * except in the excerpt of a body that is not JSON at all.
 *
 * These run the same steps the HTTP layer runs between the socket and the caller
 * (`readBody`, then `Schema.decodeUnknownEither` and `formatIssue`) without a socket, so
 * that thousands of cases take well under a second.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, type ParseResult, Schema } from "effect"
import { isCrispError } from "../../src/CrispError.js"
import { readBody } from "../../src/internal/http/response.js"
import { formatIssue } from "../../src/internal/schemaIssue.js"
import * as Schemas from "../../src/schemas/index.js"
import { around, holdsPersonal, json, personal, SEED, text } from "./arbitraries.js"

const info = { method: "GET", path: "website/w1/conversation/s1" }

const names = ["Conversation", "ConversationMessage", "PeopleProfile", "WebsiteSettings"] as const
type Name = typeof names[number]
const decoders: Record<Name, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>> = {
  Conversation: Schema.decodeUnknownEither(Schemas.Conversation),
  ConversationMessage: Schema.decodeUnknownEither(Schemas.ConversationMessage),
  PeopleProfile: Schema.decodeUnknownEither(Schemas.PeopleProfile),
  WebsiteSettings: Schema.decodeUnknownEither(Schemas.WebsiteSettings)
}

const status = fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 420, 429, 500, 502, 503)

const values: Record<Name, fc.Arbitrary<{ readonly value: unknown; readonly valid: boolean }>> = {
  Conversation: around(Schemas.Conversation),
  ConversationMessage: around(Schemas.ConversationMessage),
  PeopleProfile: around(Schemas.PeopleProfile),
  WebsiteSettings: around(Schemas.WebsiteSettings)
}

/** A body: any text, or an envelope around a (perhaps broken) Crisp value. */
const body = (name: Name) =>
  fc.oneof(
    text.map((t) => ({ text: t, valid: false })),
    fc.tuple(values[name], fc.oneof(fc.constant(false), fc.boolean(), json), fc.oneof(fc.constant("resolved"), json, personal))
      .map(([data, error, reason]) => ({
        text: JSON.stringify({ error, reason, data: data.value }),
        valid: data.valid && error === false
      }))
  )

const rendered = (error: unknown) => `${String(error)}\n${JSON.stringify(error)}`

const input = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), status, body(name)))

describe("REST answers, by property", () => {
  it.prop("any status and body give a value or a typed error, and no error holds a value", [input], ([[name, code, input]]) => {
    const read = readBody(info, code, input.text, undefined)
    if (!read.ok) {
      expect(isCrispError(read.error)).toBe(true)
      const excerpt = "excerpt" in read.error ? read.error.excerpt : undefined
      if (excerpt !== undefined) {
        // Only a body that is not JSON at all is excerpted, and briefly.
        expect(/^\s*[[{"]/.test(input.text)).toBe(false)
        expect(excerpt.length).toBeLessThanOrEqual(201)
      } else {
        expect(holdsPersonal(rendered(read.error))).toBe(false)
      }
      return
    }
    const decoded = decoders[name](read.data)
    if (Either.isRight(decoded)) return
    // A valid Crisp value in a 2xx envelope always decodes.
    expect(input.valid && code >= 200 && code < 300).toBe(false)
    const issue = formatIssue(decoded.left)
    expect(typeof issue).toBe("string")
    expect(issue.length).toBeLessThan(300)
    expect(holdsPersonal(issue)).toBe(false)
  }, { fastCheck: { seed: SEED, numRuns: 3_000 } })
})
