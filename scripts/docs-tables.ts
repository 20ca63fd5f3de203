/**
 * Writes the generated parts of the docs from the route tables:
 * - docs/rest.md, below its `<!-- rows -->` marker: one table per module, one row
 *   per function (with its Crisp reference label and link, verb and route, input,
 *   Stream form);
 * - docs/migrating.md, below its `<!-- methods -->` marker: one row per method of
 *   Crisp's official client (test/fixtures/reference.json), mapped to its function.
 *
 *   npx tsx scripts/docs-tables.ts          (npm run docs:tables)
 *   npx tsx scripts/docs-tables.ts --check  (fails when the docs are stale)
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { Either, Schema } from "effect"
import * as Api from "../src/index.js"
import type { Route } from "../src/internal/rest/route.js"
import reference from "../test/fixtures/reference.json" with { type: "json" }

const REFERENCE_BASE = "https://docs.crisp.chat/references/rest-api/v1/"
const root = Path.join(import.meta.dirname, "..")

interface Row {
  readonly route: Route
  readonly oldSignature: boolean
  readonly stream: string | undefined
}

const modules = Object.entries(Api).flatMap(([group, module]) => {
  if (typeof module !== "object" || module === null) return []
  const values = Object.entries(module as Record<string, unknown>)
  const streams = new Map<string, string>()
  for (const [name, value] of values) {
    const of = (value as { pagesOf?: Route } | null)?.pagesOf
    if (typeof value === "function" && of !== undefined) streams.set(of.name, `${group}.${name}`)
  }
  const rows: Array<Row> = values.flatMap(([, value]) =>
    typeof value === "function" && "route" in value
      ? [{
        route: (value as { route: Route }).route,
        oldSignature: "oldSignature" in value,
        stream: streams.get((value as { route: Route }).route.name)
      }]
      : []
  )
  return rows.length === 0 ? [] : [{ group, rows }]
})

const cell = (text: string) => text.replace(/\|/g, "\\|")

const signature = (row: Row) => {
  if (row.oldSignature) return `${row.route.name}(…)`
  const { input: schema } = row.route
  const optional = schema !== undefined && Either.isRight(Schema.decodeUnknownEither(schema)({}))
  const input = schema === undefined ? [] : [`${row.route.inputIn === "query" ? "query" : "body"}${optional ? "?" : ""}`]
  return `${row.route.name}(${[...row.route.params, ...input].join(", ")})`
}

const restRows = modules.map(({ group, rows }) => [
  `### ${group}`,
  "",
  "| Function | Crisp reference | Route | Returns |",
  "|---|---|---|---|",
  ...rows.map((row) => {
    const r = row.route
    const label = r.ref === undefined ? r.label : `[${r.label}](${REFERENCE_BASE}${r.ref})`
    const returns = r.method === "HEAD" ? "`boolean`" : r.response === undefined ? "`void`" : "decoded `data`"
    const notes = [row.oldSignature ? "the old client's arguments (see its TSDoc)" : "", row.stream ? `Stream: \`${row.stream}\`` : ""]
      .filter((n) => n !== "").join("; ")
    return `| \`${cell(signature(row))}\`${notes === "" ? "" : ` — ${notes}`} | ${cell(label)} | \`${r.method} ${cell(r.path)}\` | ${returns} |`
  }),
  ""
].join("\n")).join("\n")

const byOfficial = new Map(modules.flatMap(({ rows }) => rows.flatMap((row) => row.route.official === undefined ? [] : [[row.route.official, row] as const])))
const methodRows = [
  "| `crisp-api` 11 | effect-crisp | Crisp reference |",
  "|---|---|---|",
  ...(reference as ReadonlyArray<{ official: string; label: string | null; ref: string | null }>).map((ref) => {
    const row = byOfficial.get(ref.official)
    const target = row === undefined ? "not yet: `CrispHttp.request`" : `\`${row.route.name}\``
    const name = ref.label ?? row?.route.label ?? ref.official
    const label = ref.ref === null ? name : `[${name}](${REFERENCE_BASE}${ref.ref})`
    return `| \`CrispClient.${ref.official}\` | ${target} | ${cell(label)} |`
  }),
  ""
].join("\n")

const rewrite = (file: string, marker: string, body: string) => {
  const path = Path.join(root, file)
  const text = Fs.readFileSync(path, "utf8")
  const at = text.indexOf(marker)
  if (at < 0) throw new Error(`${file} has no ${marker} marker`)
  const next = text.slice(0, at + marker.length) + "\n\n" + body
  if (process.argv.includes("--check")) {
    if (next !== text) {
      console.error(`${file} is stale: run npm run docs:tables`)
      process.exitCode = 1
    }
  } else {
    Fs.writeFileSync(path, next)
  }
}

rewrite("docs/rest.md", "<!-- rows: generated from the route tables by npm run docs:tables -->", restRows)
rewrite("docs/migrating.md", "<!-- methods: generated from the route tables by npm run docs:tables -->", methodRows)
const mapped = (reference as ReadonlyArray<{ official: string }>).filter((r) => byOfficial.has(r.official)).length
console.log(`${modules.reduce((n, m) => n + m.rows.length, 0)} functions in ${modules.length} modules; ${mapped} of ${reference.length} official methods mapped`)
