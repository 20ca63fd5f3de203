/**
 * Field helpers shared by the domain Schemas (internal: not re-exported).
 *
 * Responses are decoded leniently: unknown fields are ignored (the default of
 * `Schema.Struct`), a missing field is fine, and a JSON `null` counts as a
 * missing value. A field that is present with another type still fails, and the
 * failure names the field.
 */
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

const optionals = new WeakMap<Schema.Schema.All, Schema.optionalWith<Schema.Schema.All, { nullable: true }>>()

type Optional = new(ast: Schema.PropertySignature.AST, from: Schema.Schema.All) => Schema.optionalWith<Schema.Schema.All, { nullable: true }>

/**
 * The class of what `Schema.optionalWith` returns (Effect does not export it), when a
 * sample is what {@link optional} builds by hand: its AST a property-signature
 * transformation, and `from` the inner Schema. Otherwise `undefined`, and
 * `optional` calls `Schema.optionalWith` itself.
 */
const OptionalClass: Optional | undefined = (() => {
  const sample = Schema.optionalWith(Schema.Unknown, { nullable: true })
  return sample.from === Schema.Unknown && sample.ast instanceof Schema.PropertySignatureTransformation
    ? Object.getPrototypeOf(sample).constructor as Optional
    : undefined
})()

const dropNull = Option.filter(Predicate.isNotNull)

/**
 * An optional response field: missing, `undefined` or `null` give no value; any
 * other value must match `schema`. The same property signature as
 * `Schema.optionalWith(schema, { nullable: true })`, built from its AST: the
 * public constructor makes four Schema classes along the way, and the domain
 * Schemas ask for a few hundred distinct ones at import (built this way,
 * `import("effect-crisp")` costs ~40 ms of CPU less). One per inner Schema,
 * shared by every Struct using it.
 */
export const optional = <S extends Schema.Schema.All>(schema: S): Schema.optionalWith<S, { nullable: true }> => {
  const found = optionals.get(schema)
  if (found !== undefined) return found as Schema.optionalWith<S, { nullable: true }>
  const made = OptionalClass === undefined ? Schema.optionalWith(schema, { nullable: true }) : new OptionalClass(
    new Schema.PropertySignatureTransformation(
      new Schema.FromPropertySignature(AST.Union.make([schema.ast, AST.null, AST.undefinedKeyword]), true, true, {}, undefined),
      new Schema.ToPropertySignature(AST.Union.make([AST.typeAST(schema.ast), AST.undefinedKeyword]), true, true, {}, undefined),
      dropNull,
      identity
    ),
    schema
  )
  optionals.set(schema, made)
  return made as Schema.optionalWith<S, { nullable: true }>
}

/**
 * A response whose `data` may be absent: `undefined` or `null` decode as `{}`.
 * Used by write routes that answer with a small object, or with nothing.
 */
export const orEmpty = <A extends object, I extends object>(
  schema: Schema.Schema<A, I>
): Schema.Schema<A, I | null | undefined> =>
  Schema.transform(Schema.NullishOr(schema), Schema.typeSchema(schema), {
    strict: true,
    decode: (value) => value ?? ({} as A),
    encode: (value) => value
  })

/** A JSON scalar as Crisp stores it in custom data: string, number or boolean. */
export const Scalar = Schema.Union(Schema.String, Schema.Number, Schema.Boolean)

/** Free-form custom data: a record of scalars. */
export const ScalarRecord = Schema.Record({ key: Schema.String, value: Scalar })

/**
 * A response object whose fields Crisp's facts spell two ways (the official types
 * say `userID`, `websiteID`, `firstName`; the wire and the Go client say
 * `user_id`, `website_id`, `first_name`): before decoding, each alias present on
 * the wire is copied to its snake_case name when that one is missing. `aliases`
 * maps the other spelling to the field's name: `{ userID: "user_id" }`.
 */
export const withAliases = <A, I, R>(
  schema: Schema.Schema<A, I, R>,
  aliases: Readonly<Record<string, string>>
): Schema.Schema<A, I, R> => {
  const entries = Object.entries(aliases)
  return Schema.transform(Schema.Unknown, schema, {
    strict: false,
    decode: (input) => {
      if (typeof input !== "object" || input === null || Array.isArray(input)) return input
      let out: Record<string, unknown> | undefined
      for (const [alias, name] of entries) {
        const record = input as Record<string, unknown>
        if (record[alias] !== undefined && record[name] === undefined) {
          out ??= { ...record }
          out[name] = record[alias]
        }
      }
      return out ?? input
    },
    encode: (value) => value
  }) as unknown as Schema.Schema<A, I, R>
}
