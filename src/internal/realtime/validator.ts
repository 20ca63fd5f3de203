/**
 * Compiles a Schema's AST into a plain JavaScript predicate that answers exactly
 * what `Schema.is(schema)` answers, for the subset of AST nodes the event payload
 * Schemas use (structs, records, arrays, unions, literals, keywords). Any other node
 * falls back to `Schema.is` for that node, so the result is always correct; the
 * subset is just fast (no ParseResult machinery, no allocation).
 *
 * The Schema stays the single source of truth: this only changes how it is checked.
 * test/realtime/validator.test.ts compares both answers over many payloads.
 */
import { Schema, SchemaAST } from "effect"

/** A compiled predicate. */
export type Validator = (u: unknown) => boolean

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const hasOwn = Object.prototype.hasOwnProperty

const fallback = (ast: SchemaAST.AST): Validator => Schema.is(Schema.make(ast))

/** A literal property every member of a union of structs carries, with distinct values. */
const discriminator = (types: ReadonlyArray<SchemaAST.AST>): string | undefined => {
  const first = types[0]
  if (first === undefined || first._tag !== "TypeLiteral") return undefined
  for (const ps of first.propertySignatures) {
    if (ps.isOptional || typeof ps.name !== "string" || ps.type._tag !== "Literal") continue
    const seen = new Set<unknown>()
    const ok = types.every((t) => {
      if (t._tag !== "TypeLiteral") return false
      const match = t.propertySignatures.find((p) => p.name === ps.name)
      if (match === undefined || match.isOptional || match.type._tag !== "Literal") return false
      if (seen.has(match.type.literal)) return false
      seen.add(match.type.literal)
      return true
    })
    if (ok) return ps.name
  }
  return undefined
}

// Field kinds checked inline in struct loops (a call per field through an array of
// closures is megamorphic and costs more than the check itself).
const OTHER = 0
const STRING = 1
const NUMBER = 2
const BOOLEAN = 3
const ANYTHING = 4
const STRING_OR_NULL = 5
const LITERAL = 6

const kindOf = (ast: SchemaAST.AST): number => {
  switch (ast._tag) {
    case "StringKeyword":
      return STRING
    case "NumberKeyword":
      return NUMBER
    case "BooleanKeyword":
      return BOOLEAN
    case "UnknownKeyword":
    case "AnyKeyword":
      return ANYTHING
    case "Literal":
      return LITERAL
    case "Union": {
      const [a, b] = ast.types
      if (ast.types.length === 2 && a !== undefined && b !== undefined) {
        const isNull = (t: SchemaAST.AST) => t._tag === "Literal" && t.literal === null
        if ((a._tag === "StringKeyword" && isNull(b)) || (b._tag === "StringKeyword" && isNull(a))) return STRING_OR_NULL
      }
      return OTHER
    }
    default:
      return OTHER
  }
}

/** The type a defined value must have: an optional field's `X | undefined` is `X`. */
const definedType = (ast: SchemaAST.AST): SchemaAST.AST => {
  if (ast._tag !== "Union") return ast
  const defined = ast.types.filter((t) => t._tag !== "UndefinedKeyword")
  return defined.length === 1 ? defined[0]! : defined.length === ast.types.length ? ast : SchemaAST.Union.make(defined)
}

/** Compiles `ast` (see the module documentation). */
export const compile = (ast: SchemaAST.AST): Validator => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UndefinedKeyword":
      return (u) => u === undefined
    case "UnknownKeyword":
    case "AnyKeyword":
      return () => true
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "TupleType": {
      // Only `Schema.Array(X)`: no fixed elements, one rest element.
      const item = ast.rest[0]
      if (ast.elements.length !== 0 || ast.rest.length !== 1 || item === undefined) return fallback(ast)
      const check = compile(item.type)
      return (u) => {
        if (!Array.isArray(u)) return false
        for (let i = 0; i < u.length; i++) if (!check(u[i])) return false
        return true
      }
    }
    case "TypeLiteral": {
      if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) {
        return (u) => u !== null && u !== undefined
      }
      if (ast.propertySignatures.some((ps) => typeof ps.name !== "string")) return fallback(ast)
      if (ast.indexSignatures.some((is) => is.parameter._tag !== "StringKeyword")) return fallback(ast)
      const names = ast.propertySignatures.map((ps) => ps.name as string)
      const optional = ast.propertySignatures.map((ps) => ps.isOptional)
      const checks = ast.propertySignatures.map((ps) => compile(ps.type))
      // An optional key whose type accepts `undefined` (`Schema.optional`) passes
      // when its value reads as undefined, whether the key is absent or not.
      const skipUndefined = checks.map((check, i) => optional[i] === true && check(undefined))
      // What a defined value is checked against, inline when it is a simple type.
      const valueTypes = ast.propertySignatures.map((ps, i) => (skipUndefined[i] ? definedType(ps.type) : ps.type))
      const kinds = valueTypes.map(kindOf)
      const literals = valueTypes.map((t) => (t._tag === "Literal" ? t.literal : undefined))
      const valueChecks = valueTypes.map((t, i) => (kinds[i] === OTHER ? compile(t) : checks[i]!))
      const values = ast.indexSignatures.map((is) => compile(is.type))
      const n = names.length
      // On a plain object (what JSON.parse makes) a defined value of a name that
      // Object.prototype does not carry is necessarily an own property.
      const plainSafe = names.every((name) => !(name in Object.prototype))
      const proto = Object.prototype
      return (u) => {
        if (!isObject(u)) return false
        const plain = plainSafe && Object.getPrototypeOf(u) === proto
        for (let i = 0; i < n; i++) {
          const name = names[i]!
          const value = u[name]
          if (value === undefined) {
            if (skipUndefined[i]) continue
            // `Schema.is` runs with `exact: true`: a required key must be an own property.
            if (!hasOwn.call(u, name)) {
              if (optional[i]) continue
              return false
            }
            if (!checks[i]!(value)) return false
            continue
          }
          if (!plain && !hasOwn.call(u, name)) {
            if (optional[i]) continue
            return false
          }
          switch (kinds[i]) {
            case STRING:
              if (typeof value !== "string") return false
              break
            case NUMBER:
              if (typeof value !== "number") return false
              break
            case BOOLEAN:
              if (typeof value !== "boolean") return false
              break
            case ANYTHING:
              break
            case STRING_OR_NULL:
              if (value !== null && typeof value !== "string") return false
              break
            case LITERAL:
              if (value !== literals[i]) return false
              break
            default:
              if (!valueChecks[i]!(value)) return false
          }
        }
        if (values.length > 0) {
          for (const key of Object.keys(u)) {
            const value = u[key]
            for (const check of values) if (!check(value)) return false
          }
        }
        return true
      }
    }
    case "Union": {
      const key = discriminator(ast.types)
      if (key !== undefined) {
        const byValue = new Map<unknown, Validator>()
        for (const member of ast.types as ReadonlyArray<SchemaAST.TypeLiteral>) {
          const ps = member.propertySignatures.find((p) => p.name === key)!
          byValue.set((ps.type as SchemaAST.Literal).literal, compile(member))
        }
        return (u) => {
          if (!isObject(u)) return false
          const check = byValue.get(u[key])
          return check !== undefined && check(u)
        }
      }
      const members = ast.types.map(compile)
      return (u) => {
        for (const check of members) if (check(u)) return true
        return false
      }
    }
    default:
      return fallback(ast)
  }
}
