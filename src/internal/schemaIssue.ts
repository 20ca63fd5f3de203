/**
 * The one description of a Schema failure used everywhere (REST answers, realtime
 * payloads, Web Hook bodies, the fake's input checks): where the problem is and what
 * kind it is, never the value.
 *
 * A line reads `at data.email: expected string, got number`: the path of the first
 * problem, what the Schema expected (its own description, never data) and the kind of
 * what was found — its type, with the length of a string or an array. The path names
 * declared fields and array indexes; a key of a record (an index signature, whose keys
 * are data: a custom-data key, an email used as a key) is shown as `*`.
 *
 * Effect's own formatters (`TreeFormatter`, `ArrayFormatter`, `ParseError.message`)
 * print the offending value (`Expected string, actual "jane@example.com"`), which puts
 * customer data and arbitrarily large strings into errors and logs. They are not used.
 */
import { Option, type ParseResult, SchemaAST } from "effect"

/** What a value is, without the value: `string (12 chars)`, `array (3 items)`, `number`, `null`… */
export const kindOf = (u: unknown): string => {
  try {
    if (u === null) return "null"
    if (typeof u === "string") return `string (${u.length} ${u.length === 1 ? "char" : "chars"})`
    if (Array.isArray(u)) return `array (${u.length} ${u.length === 1 ? "item" : "items"})`
    return typeof u
  } catch {
    return "unreadable value"
  }
}

/** A Schema's name, short enough for one line (Schemas are code, never data). */
const shortName = (ast: SchemaAST.AST): string => {
  switch (ast._tag) {
    case "TypeLiteral":
      return "object"
    case "TupleType":
      return "array"
    case "Union":
      return [...new Set(ast.types.map(shortName))].join(" | ")
    case "Literal":
      return JSON.stringify(ast.literal) ?? String(ast.literal)
    case "StringKeyword":
      return "string"
    case "NumberKeyword":
      return "number"
    case "BooleanKeyword":
      return "boolean"
    case "UndefinedKeyword":
      return "undefined"
    case "Refinement":
    case "Transformation":
      return shortName(ast.from)
    default:
      return ast._tag
  }
}

const MAX_EXPECTED = 80

const expected = (ast: SchemaAST.AST): string => {
  let text: string
  try {
    text = String(ast)
  } catch {
    return shortName(ast)
  }
  return text.length <= MAX_EXPECTED ? text : shortName(ast)
}

/** Issues of union members that cannot be what the sender meant (`undefined`, `null`). */
const isNoise = (issue: ParseResult.ParseIssue): boolean =>
  issue._tag === "Type" &&
  (issue.ast._tag === "UndefinedKeyword" || (issue.ast._tag === "Literal" && issue.ast.literal === null))

/**
 * A path segment as shown: declared names, indexes and union discriminators as they
 * are; the key of a record (an index signature: the key is data) as `*`.
 */
const segment = (key: PropertyKey, parent: SchemaAST.AST | undefined): string => {
  if (typeof key === "number" || parent === undefined || parent._tag !== "TypeLiteral") return String(key)
  for (const ps of parent.propertySignatures) if (ps.name === key) return String(key)
  return "*"
}

const childrenOf = (issue: ParseResult.Composite): ReadonlyArray<ParseResult.ParseIssue> => {
  const all: ReadonlyArray<ParseResult.ParseIssue> = Array.isArray(issue.issues)
    ? issue.issues
    : [issue.issues as ParseResult.ParseIssue]
  const meaningful = all.filter((i) => !isNoise(i))
  return meaningful.length === 0 ? all : meaningful
}

const isLiteralish = (ast: SchemaAST.AST): boolean =>
  ast._tag === "Literal" || (ast._tag === "Union" && ast.types.every(isLiteralish))

/**
 * How far into a union member its first problem lies, and whether that problem is the
 * member's discriminator (a literal or a refinement on a direct field): the member
 * that failed deepest, past its discriminator, is the one the sender meant.
 */
const reach = (issue: ParseResult.ParseIssue): { readonly depth: number; readonly discriminator: boolean } => {
  let depth = 0
  let refined = false
  let current: ParseResult.ParseIssue | undefined = issue
  while (current !== undefined) {
    switch (current._tag) {
      case "Pointer":
        depth += Array.isArray(current.path) ? current.path.length : 1
        current = current.issue
        break
      case "Refinement":
        if (current.kind === "Predicate") refined = true
        current = current.issue
        break
      case "Transformation":
        current = current.issue
        break
      case "Composite":
        if (current.ast._tag === "Union" && childrenOf(current).length > 1) {
          return { depth, discriminator: false }
        }
        current = childrenOf(current)[0]
        break
      case "Type":
        return { depth, discriminator: depth === 1 && (refined || isLiteralish(current.ast)) }
      default:
        return { depth, discriminator: false }
    }
  }
  return { depth, discriminator: false }
}

/** The member of a failed union to describe, or `undefined` to describe the union as a whole. */
const likeliestMember = (members: ReadonlyArray<ParseResult.ParseIssue>): ParseResult.ParseIssue | undefined => {
  let best: ParseResult.ParseIssue | undefined
  let bestDepth = 0
  for (const member of members) {
    const { depth, discriminator } = reach(member)
    if (!discriminator && depth > bestDepth) {
      best = member
      bestDepth = depth
    }
  }
  return best
}

const at = (path: ReadonlyArray<string>, message: string) =>
  path.length === 0 ? message : `at ${path.join(".")}: ${message}`

const found = (ast: SchemaAST.AST, actual: unknown) => `expected ${expected(ast)}, got ${kindOf(actual)}`

/**
 * The message a Schema of ours attaches to a failure (`Schema.filter(…, { message })`,
 * `.annotations({ message })`): authored text such as "give all three or none".
 * Our message functions never quote the value; one that returns anything but a
 * string is ignored. `override` asks for the annotation to win over inner issues.
 */
const authored = (issue: ParseResult.ParseIssue, override: boolean): string | undefined => {
  if (!("ast" in issue)) return undefined
  const annotation = SchemaAST.getMessageAnnotation(issue.ast)
  if (Option.isNone(annotation)) return undefined
  try {
    const out: unknown = annotation.value(issue)
    if (typeof out === "string") return override ? undefined : out
    if (typeof out === "object" && out !== null && "message" in out && typeof out.message === "string") {
      const overrides = "override" in out && out.override === true
      return override && !overrides ? undefined : out.message
    }
  } catch {
    // a message that cannot be made: describe the issue instead
  }
  return undefined
}

const describe = (
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<string>,
  parent: SchemaAST.AST | undefined
): string => {
  const own = authored(issue, true)
  if (own !== undefined) return at(path, own)
  switch (issue._tag) {
    case "Pointer": {
      const keys = Array.isArray(issue.path) ? issue.path as ReadonlyArray<PropertyKey> : [issue.path as PropertyKey]
      return describe(issue.issue, [...path, ...keys.map((key) => segment(key, parent))], undefined)
    }
    case "Refinement": {
      const message = issue.kind === "Predicate" ? authored(issue, false) : undefined
      return message === undefined ? describe(issue.issue, path, undefined) : at(path, message)
    }
    case "Transformation":
      return describe(issue.issue, path, undefined)
    case "Composite": {
      const list = childrenOf(issue)
      if (issue.ast._tag === "Union" && list.length > 1) {
        // No member matched: describe the one that got furthest, or else the union.
        const member = likeliestMember(list)
        return member === undefined ? at(path, found(issue.ast, issue.actual)) : describe(member, path, issue.ast)
      }
      const first = list[0]
      return first === undefined ? at(path, found(issue.ast, issue.actual)) : describe(first, path, issue.ast)
    }
    case "Type":
      return at(path, authored(issue, false) ?? found(issue.ast, issue.actual))
    case "Missing":
      return at(path, "is missing")
    case "Unexpected":
      return at(path, "is not expected")
    case "Forbidden":
      return at(path, "could not be checked")
  }
}

/**
 * The first problem of a parse issue as one value-free line, e.g.
 * `at fingerprint: expected number, got string (9 chars)`.
 */
export const describeIssue = (issue: ParseResult.ParseIssue): string => {
  try {
    return describe(issue, [], undefined)
  } catch {
    return "did not match its Schema"
  }
}

/**
 * The first problem of a ParseError as one line naming the field and the kinds, never
 * the value: `at data.email: expected string, got number`.
 */
export const formatIssue = (error: ParseResult.ParseError): string => describeIssue(error.issue)
