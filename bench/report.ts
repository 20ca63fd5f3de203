/**
 * Writing benchmark results into docs/benchmarks.md without touching the prose
 * around them: each bench owns either a generated block (replaced on every run)
 * or a section it appends its runs to.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"

const DOC = new URL("../docs/benchmarks.md", import.meta.url)

const read = (): string => (existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n")

const write = (text: string): void => {
  writeFileSync(DOC, text.endsWith("\n") ? text : text + "\n")
  process.stderr.write(`wrote ${DOC.pathname}\n`)
}

/** Where the section under `heading` ends (the next "## " heading, or the end). */
const sectionEnd = (doc: string, heading: string): number => {
  const after = doc.indexOf("\n## ", doc.indexOf(heading) + heading.length)
  return after === -1 ? doc.length : after + 1
}

/**
 * Replaces the block between `<!-- bench/<bench>: generated from here -->` and
 * `<!-- … generated up to here -->`. Without the markers, the block goes at the end
 * of the section under `heading` (created at the end of the file when missing).
 */
export const replaceGeneratedBlock = (bench: string, heading: string, block: string): void => {
  const start = `<!-- ${bench}: generated from here -->`
  const end = `<!-- ${bench}: generated up to here -->`
  const marked = `${start}\n${block.trimEnd()}\n${end}`
  const doc = read()
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from !== -1 && to > from) return write(doc.slice(0, from) + marked + doc.slice(to + end.length))
  if (!doc.includes(heading)) return write(`${doc.trimEnd()}\n\n${heading}\n\n${marked}\n`)
  const at = sectionEnd(doc, heading)
  write(`${doc.slice(0, at).trimEnd()}\n\n${marked}\n${at < doc.length ? "\n" : ""}${doc.slice(at)}`)
}

/** Appends `text` at the end of the section under `heading` (created with `intro` when missing). */
export const appendToSection = (heading: string, intro: string, text: string): void => {
  const doc = read()
  if (!doc.includes(heading)) return write(`${doc.trimEnd()}\n\n${heading}\n\n${intro.trimEnd()}\n\n${text.trimEnd()}\n`)
  const at = sectionEnd(doc, heading)
  write(`${doc.slice(0, at).trimEnd()}\n\n${text.trimEnd()}\n${at < doc.length ? "\n" : ""}${doc.slice(at)}`)
}
