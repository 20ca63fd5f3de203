import { describe, expect, it } from "@effect/vitest"
import { Either, ParseResult, Schema } from "effect"
import { optional } from "../../src/schemas/fields.js"

/** Inner Schemas of every kind the domain Schemas use: scalars, literals, refinements, arrays, records, nested Structs with their own optional fields. */
const inners: ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext]> = [
  ["String", Schema.String],
  ["Literal", Schema.Literal("a", "b")],
  ["refinement", Schema.Int.pipe(Schema.between(1, 5))],
  ["Array", Schema.Array(Schema.String)],
  ["Record", Schema.Record({ key: Schema.String, value: Schema.Number })],
  ["nested Struct", Schema.Struct({ id: Schema.String, note: optional(Schema.String) })],
  ["transformation", Schema.NumberFromString]
]

const inputs: ReadonlyArray<unknown> = [
  {},
  { field: undefined },
  { field: null },
  { field: "a" },
  { field: 3 },
  { field: "12" },
  { field: ["x", "y"] },
  { field: { id: "i", note: null } },
  { field: { id: "i", note: 7 } },
  { field: { k: 1 } },
  { field: [1] }
]

const outcome = (result: Either.Either<unknown, ParseResult.ParseError>) =>
  Either.match(result, { onLeft: (error) => ({ error: ParseResult.TreeFormatter.formatErrorSync(error) }), onRight: (value) => ({ value }) })

describe("fields.optional", () => {
  for (const [name, inner] of inners) {
    it(`behaves as Schema.optionalWith(…, { nullable: true }) over ${name}`, () => {
      const ours = Schema.Struct({ field: optional(inner) })
      const effects = Schema.Struct({ field: Schema.optionalWith(inner, { nullable: true }) })
      expect(String(ours.ast)).toBe(String(effects.ast))
      expect(optional(inner).from).toBe(inner)
      for (const input of inputs) {
        const decoded = outcome(Schema.decodeUnknownEither(ours)(input))
        expect(decoded, JSON.stringify(input)).toEqual(outcome(Schema.decodeUnknownEither(effects)(input)))
        if ("value" in decoded) {
          expect(outcome(Schema.encodeEither(ours)(decoded.value as never))).toEqual(
            outcome(Schema.encodeEither(effects)(decoded.value as never))
          )
        }
      }
    })
  }

  it("keeps annotations on the property signature as Effect's does", () => {
    const annotated = optional(Schema.String).annotations({ description: "a note" })
    expect(annotated.from).toBe(Schema.String)
    expect(String(Schema.Struct({ note: annotated }).ast)).toBe(
      String(Schema.Struct({ note: Schema.optionalWith(Schema.String, { nullable: true }).annotations({ description: "a note" }) }).ast)
    )
  })

  it("is built once per inner Schema", () => {
    const inner = Schema.Array(Schema.Number)
    expect(optional(inner)).toBe(optional(inner))
  })
})
