/**
 * Inputs for the property tests: arbitrary JSON and text, values drawn from the
 * library's own Schemas (`Arbitrary.make`), and those values with one node replaced by
 * something else — a "personal" marker string (which must then appear in no error), a
 * value of another type, or arbitrary JSON.
 */
import { Arbitrary, FastCheck as fc, Schema } from "effect"

/** Fixed seeds: a failure is reproducible; change them to explore further. */
export const SEED = 20_240_614

/** A string that stands for customer data: distinctive, so that any copy of it is found. */
export const personal: fc.Arbitrary<string> = fc.stringMatching(/^zqpii[a-z0-9]{4,10}@example\.com$/)

/** Whether a text holds a marker. */
export const holdsPersonal = (text: string): boolean => text.includes("zqpii")

/** Arbitrary JSON (depth-limited), with some markers in it. */
export const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string(),
    personal,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), personal), tie("value"), { maxKeys: 4 })
  )
})).value

/** Any text: unicode strings, lossy UTF-8 decodings of random bytes, JSON, JSON cut short. */
export const text: fc.Arbitrary<string> = fc.oneof(
  // Any code points, lone surrogates included (built from integers: fast-check's
  // full-unicode strings build a reverse map of every code point, ~1 s, to shrink).
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 64 }).map((points) => String.fromCodePoint(...points)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new TextDecoder().decode(bytes)),
  json.map((value) => JSON.stringify(value) ?? ""),
  fc.tuple(json, fc.nat()).map(([value, at]) => {
    const full = JSON.stringify(value) ?? ""
    return full.slice(0, full.length === 0 ? 0 : at % full.length)
  })
)

/** The nodes of a JSON-like tree, in pre-order. */
const nodeCount = (value: unknown): number => {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, item) => n + nodeCount(item), 0)
  if (typeof value === "object" && value !== null) {
    return 1 + Object.values(value).reduce((n: number, item) => n + nodeCount(item), 0)
  }
  return 1
}

/** `value` with its `index`-th node (pre-order, modulo the node count) replaced. */
export const replaceAt = (value: unknown, index: number, replacement: unknown): unknown => {
  let left = index % nodeCount(value)
  const walk = (node: unknown): unknown => {
    if (left === 0) {
      left = -1
      return replacement
    }
    left--
    if (Array.isArray(node)) return node.map(walk)
    if (typeof node === "object" && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]))
    }
    return node
  }
  return walk(value)
}

/** What replaces a node: a marker, a value of some other kind, or arbitrary JSON. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  personal,
  personal.map((marker) => ({ email: marker })),
  personal.map((marker) => [marker]),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  json
)

/**
 * Encoded values of `schema`: valid ones (`valid: true`: values of its type, encoded),
 * and ones with a node replaced. The valid values are a pool drawn once (seeded) from
 * `Arbitrary.make(schema)`: drawing a large Crisp object costs a millisecond, mutating
 * one costs microseconds, and thousands of cases must run in well under a second.
 */
export const around = (
  schema: Schema.Schema.AnyNoContext,
  poolSize = 64
): fc.Arbitrary<{ readonly value: unknown; readonly valid: boolean }> => {
  const encode = Schema.encodeSync(schema)
  const pool = fc.sample(Arbitrary.make(schema), { numRuns: poolSize, seed: SEED }).map((value): unknown => encode(value))
  const valid = fc.constantFrom(...pool)
  return fc.oneof(
    valid.map((value) => ({ value, valid: true })),
    fc.tuple(valid, fc.nat(), replacement).map(([value, at, other]) => ({ value: replaceAt(value, at, other), valid: false }))
  )
}
