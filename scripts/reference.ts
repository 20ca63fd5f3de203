/**
 * Writes test/fixtures/reference.json from the Crisp facts in ../shared/crisp
 * (endpoints.json, models.json): per method of Crisp's official client, its verb,
 * path, query and body field names, reference label and anchor, and a fully
 * populated sample of the model it returns, built from the official types. The
 * route-table test checks every row against it.
 *
 *   npx tsx scripts/reference.ts [path/to/shared/crisp]
 */
import * as Fs from "node:fs"
import * as Path from "node:path"

interface Field { readonly name: string; readonly type: string; readonly optional?: boolean }
interface Model {
  readonly kind: string
  readonly fields?: ReadonlyArray<Field>
  readonly members?: ReadonlyArray<string>
  readonly enum?: ReadonlyArray<unknown>
  readonly type?: string
}
interface Endpoint {
  readonly service: string
  readonly method: string
  readonly resource: string
  readonly http: string
  readonly path: string
  readonly query: ReadonlyArray<{ readonly name: string }>
  readonly body_fields: ReadonlyArray<{ readonly name: string }> | null
  readonly returns: string | null
  readonly doc_label: string
  readonly doc_ref: string | null
}

const dir = process.argv[2] ?? Path.join(import.meta.dirname, "..", "..", "shared", "crisp")
const endpoints: ReadonlyArray<Endpoint> = JSON.parse(Fs.readFileSync(Path.join(dir, "endpoints.json"), "utf8"))
const models: Readonly<Record<string, Model>> = JSON.parse(Fs.readFileSync(Path.join(dir, "models.json"), "utf8")).models

/** Splits at `sep` outside brackets, braces, angle brackets and quotes. */
const splitTop = (text: string, sep: string): Array<string> => {
  const out: Array<string> = []
  let depth = 0
  let quote = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === "\"") quote = !quote
    if (quote) continue
    if (c === "{" || c === "[" || c === "<" || c === "(") depth++
    else if (c === "}" || c === "]" || c === ">" || c === ")") depth--
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  out.push(text.slice(start).trim())
  return out.filter((s) => s !== "")
}

const sampleType = (text: string, depth: number): unknown => {
  const t = text.trim()
  const union = splitTop(t, "|")
  if (union.length > 1) return sampleType(union.find((m) => m !== "null" && m !== "undefined") ?? union[0]!, depth)
  if (t.endsWith("[]")) return depth > 5 ? [] : [sampleType(t.slice(0, -2), depth + 1)]
  const array = /^(?:Readonly)?Array<(.*)>$/.exec(t)
  if (array) return depth > 5 ? [] : [sampleType(array[1]!, depth + 1)]
  if (t.startsWith("(") && t.endsWith(")")) return sampleType(t.slice(1, -1), depth)
  if (t === "string") return "text"
  if (t === "number") return 1
  if (t === "boolean") return true
  if (t === "null" || t === "never" || t === "undefined") return null
  if (t === "object" || t === "unknown" || t === "any" || t.startsWith("Record<")) return {}
  if (/^".*"$/.test(t)) return t.slice(1, -1)
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
  if (t.startsWith("{")) {
    const inner = t.slice(1, -1).trim()
    if (inner.startsWith("[")) return {}
    const out: Record<string, unknown> = {}
    for (const member of splitTop(inner, ";").flatMap((m) => splitTop(m, ","))) {
      const colon = member.indexOf(":")
      if (colon < 0) continue
      out[member.slice(0, colon).replace("?", "").trim()] = sampleType(member.slice(colon + 1), depth + 1)
    }
    return out
  }
  return sampleModel(t, depth)
}

const sampleModel = (name: string, depth: number): unknown => {
  const model = models[name]
  if (model === undefined || depth > 6) return {}
  if (model.fields !== undefined && model.fields.length > 0) {
    const out: Record<string, unknown> = Object.fromEntries(model.fields.map((f) => [f.name, sampleType(f.type, depth + 1)]))
    // A message's `type` and `content` are separate unions in the official types: keep the pair consistent.
    if (typeof out.content === "string" && typeof out.type === "string") out.type = "text"
    return out
  }
  if (model.enum !== undefined && model.enum.length > 0) return model.enum[0]
  if (model.members !== undefined && model.members.length > 0) return sampleType(model.members[0]!, depth)
  if (model.type !== undefined) return sampleType(model.type, depth)
  return {}
}

const returned = (returns: string | null): unknown => {
  if (returns === null) return null
  const inner = /^Promise<(.*)>$/.exec(returns)?.[1] ?? returns
  if (inner === "any" || inner === "void" || inner === "unknown") return null
  return sampleType(inner, 0)
}

const reference = endpoints.map((e) => ({
  official: `${e.service}.${e.method}`,
  resource: e.resource,
  method: e.http,
  path: e.path.replace(/^\/+/, ""),
  query: e.query.map((q) => q.name),
  body: e.body_fields?.map((f) => f.name) ?? null,
  label: e.doc_label,
  ref: e.doc_ref === null ? null : e.doc_ref.slice(e.doc_ref.indexOf("#")),
  sample: returned(e.returns)
}))

const out = Path.join(import.meta.dirname, "..", "test", "fixtures", "reference.json")
Fs.writeFileSync(out, JSON.stringify(reference, null, 1) + "\n")
console.log(`wrote ${reference.length} methods to ${Path.relative(process.cwd(), out)}`)
