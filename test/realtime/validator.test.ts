import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { EventNames, Payloads } from "../../src/realtime/CrispEvent.js"
import { compile } from "../../src/internal/realtime/validator.js"
import { samples } from "./fixtures.js"

/** A small deterministic PRNG, so failures reproduce. */
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}

const oddValues: ReadonlyArray<unknown> = [
  undefined, null, 0, -1.5, Number.NaN, "", "text", true, false, [], [1, "a"], {}, { nested: { x: 1 } }, "start", "online",
  "text", "file", "note", "healthy", "success"
]

/** Every path to a value inside `value`. */
const paths = (value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> => {
  const out: Array<Array<string | number>> = [prefix]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  }
  return out
}

const mutate = (value: unknown, path: ReadonlyArray<string | number>, replacement: unknown, remove: boolean): unknown => {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    if (remove && rest.length === 0) copy.splice(head as number, 1)
    else copy[head as number] = mutate(copy[head as number], rest, replacement, remove)
    return copy
  }
  const copy = { ...(value as Record<string, unknown>) }
  if (remove && rest.length === 0) delete copy[head as string]
  else copy[head as string] = mutate(copy[head as string], rest, replacement, remove)
  return copy
}

describe("compiled payload validators", () => {
  it("agree with Schema.is on valid payloads and on thousands of mutations", () => {
    const random = rng(42)
    let checked = 0
    let rejected = 0
    for (const name of EventNames) {
      const schema = Payloads[name] as Schema.Schema.AnyNoContext
      const reference = Schema.is(schema)
      const fast = compile(schema.ast)
      const sample = samples[name]
      expect({ name, ok: fast(sample) }).toEqual({ name, ok: true })
      for (const path of paths(sample)) {
        for (let k = 0; k < 6; k++) {
          const replacement = oddValues[Math.floor(random() * oddValues.length)]
          const variant = mutate(sample, path, replacement, k === 0)
          const expected = reference(variant)
          const actual = fast(variant)
          if (actual !== expected) expect.fail(`${name} at ${path.join(".")}: Schema.is says ${expected}`)
          checked++
          if (!expected) rejected++
        }
        // Extra properties are ignored.
        const extra = mutate(sample, [...path, "zz_extra"], 1, false)
        expect(fast(extra)).toBe(reference(extra))
      }
    }
    expect(checked).toBeGreaterThan(3000)
    expect(rejected).toBeGreaterThan(1000)
  })

  it("handles each kind of node like Schema.is", () => {
    const cases: ReadonlyArray<[Schema.Schema.AnyNoContext, ReadonlyArray<unknown>]> = [
      [Schema.Struct({}), [{}, [], 0, "", null, undefined]],
      [Schema.Struct({ a: Schema.optional(Schema.String) }), [{}, { a: undefined }, { a: 1 }, [], Object.create({ a: 1 })]],
      [Schema.Struct({ a: Schema.String }), [{ a: "x" }, Object.create({ a: "x" }), { a: undefined }, {}]],
      [Schema.Struct({ constructor: Schema.optional(Schema.String) }), [{}, { constructor: "x" }, { constructor: 1 }]],
      [Schema.Record({ key: Schema.String, value: Schema.Number }), [{}, { a: 1 }, { a: "1" }, [], null]],
      [Schema.Array(Schema.NullOr(Schema.String)), [[], [null, "a"], [1], {}, "abc"]],
      [Schema.Union(Schema.String, Schema.Struct({ id: Schema.String })), ["x", { id: "a" }, { id: 1 }, 1]],
      [Schema.Literal("a", "b"), ["a", "b", "c", null]],
      [Schema.Int, [1, 1.5, "1"]] // a refinement: handled by the fallback
    ]
    for (const [schema, inputs] of cases) {
      const reference = Schema.is(schema)
      const fast = compile(schema.ast)
      for (const input of inputs) expect({ input, result: fast(input) }).toEqual({ input, result: reference(input) })
    }
  })
})
