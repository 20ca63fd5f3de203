/**
 * Deterministic, fully populated wire values for a Schema: every optional field
 * present, one element per array, the first member of a union. The fake answers
 * routes without modelled state with them; they always decode with the Schema they
 * were made from (where the walk cannot satisfy a refinement, a seeded `Arbitrary`
 * value is taken instead).
 */
import { Arbitrary, Either, FastCheck, Schema, SchemaAST } from "effect"

const MAX_DEPTH = 4

const walk = (ast: SchemaAST.AST, name: string, depth: number): unknown => {
  switch (ast._tag) {
    case "Literal":
      return ast.literal
    case "UniqueSymbol":
      return ast.symbol
    case "StringKeyword":
      return name === "" ? "sample" : `${name}-sample`
    case "NumberKeyword":
      return 1
    case "BigIntKeyword":
      return "1"
    case "BooleanKeyword":
      return true
    case "UndefinedKeyword":
    case "VoidKeyword":
    case "NeverKeyword":
      return undefined
    case "UnknownKeyword":
    case "AnyKeyword":
      return name === "" ? {} : `${name}-sample`
    case "ObjectKeyword":
      return {}
    case "Enums":
      return ast.enums[0]?.[1]
    case "TemplateLiteral":
      return ast.head + ast.spans.map((span) => (span.type._tag === "NumberKeyword" ? "1" : "x") + span.literal).join("")
    case "Union": {
      const member = ast.types.find((t) => t._tag !== "UndefinedKeyword" && !(t._tag === "Literal" && t.literal === null))
      return walk(member ?? ast.types[0]!, name, depth)
    }
    case "TupleType": {
      const out = ast.elements.map((e) => walk(e.type, name, depth + 1))
      if (ast.rest.length > 0 && depth < MAX_DEPTH) out.push(walk(ast.rest[0]!.type, name, depth + 1))
      return out
    }
    case "TypeLiteral": {
      const out: Record<string, unknown> = {}
      if (depth >= MAX_DEPTH) return out
      for (const field of ast.propertySignatures) {
        if (typeof field.name !== "string") continue
        const value = walk(field.type, field.name, depth + 1)
        if (value !== undefined) out[field.name] = value
      }
      return out
    }
    case "Refinement":
      return walk(ast.from, name, depth)
    case "Transformation":
      return walk(ast.from, name, depth)
    case "Suspend":
      return depth >= MAX_DEPTH ? undefined : walk(ast.f(), name, depth + 1)
    case "Declaration":
      return undefined
    case "SymbolKeyword":
      return undefined
  }
}

/**
 * A wire value (what Crisp would send) that `schema` decodes: fully populated
 * where the walk can, else a seeded `Arbitrary` value, encoded.
 */
export const sample = <A, I, R>(schema: Schema.Schema<A, I, R>): unknown => {
  const value = walk(schema.ast, "", 0)
  const decode = Schema.decodeUnknownEither(schema as Schema.Schema<A, I, never>)
  if (Either.isRight(decode(value))) return value
  const arbitrary = Arbitrary.make(Schema.typeSchema(schema as Schema.Schema<A, I, never>))
  const [typed] = FastCheck.sample(arbitrary, { seed: 42, numRuns: 1 })
  return Either.getOrElse(Schema.encodeEither(schema as Schema.Schema<A, I, never>)(typed as A), () => value)
}
