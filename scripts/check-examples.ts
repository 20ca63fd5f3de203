/**
 * Type-checks every ```ts block under an `@example` tag of the TSDoc in src/, as
 * Effect's docgen does: each block becomes a module in .examples/ (importing the
 * package by name, `effect-crisp` → src/), and tsc checks them all at once. A
 * failure names the source file and line of the example.
 *
 *   npx tsx scripts/check-examples.ts     (npm run check:examples)
 */
import { execFileSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"

const root = Path.join(import.meta.dirname, "..")
const out = Path.join(root, ".examples")

const sources = (dir: string): Array<string> =>
  Fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = Path.join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : entry.name.endsWith(".ts") ? [path] : []
  })

interface Example {
  readonly file: string
  readonly line: number
  readonly code: string
}

const examplesOf = (file: string): Array<Example> => {
  const text = Fs.readFileSync(file, "utf8")
  const found: Array<Example> = []
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0].split("\n").map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ""))
    const start = text.slice(0, comment.index).split("\n").length
    let inExample = false
    let code: Array<string> | undefined
    let codeLine = 0
    lines.forEach((line, i) => {
      if (line.startsWith("@")) inExample = line.startsWith("@example")
      if (!inExample) return
      if (code === undefined && /^```(ts|typescript)\s*$/.test(line.trim())) {
        code = []
        codeLine = start + i + 1
      } else if (code !== undefined && line.trim() === "```") {
        found.push({ file, line: codeLine, code: code.join("\n") })
        code = undefined
      } else if (code !== undefined) {
        code.push(line)
      }
    })
  }
  return found
}

Fs.rmSync(out, { recursive: true, force: true })
Fs.mkdirSync(out)
const examples = sources(Path.join(root, "src")).flatMap(examplesOf)
const names = new Map<string, Example>()
examples.forEach((example, i) => {
  const name = `${Path.relative(root, example.file).replace(/[/\\.]/g, "_")}_${i}.ts`
  names.set(name, example)
  Fs.writeFileSync(Path.join(out, name), `${example.code}\n\nexport {}\n`)
})
Fs.writeFileSync(Path.join(out, "tsconfig.json"), JSON.stringify({
  extends: "../tsconfig.json",
  compilerOptions: {
    noUnusedLocals: false,
    noUnusedParameters: false,
    baseUrl: "..",
    paths: {
      "effect-crisp": ["./src/index.ts"],
      "effect-crisp/realtime": ["./src/realtime.ts"],
      "effect-crisp/webhooks": ["./src/webhooks.ts"],
      "effect-crisp/testing": ["./src/testing.ts"],
      "effect-crisp/*": ["./src/*.ts"]
    }
  },
  include: ["./*.ts"]
}, null, 2))

try {
  execFileSync(Path.join(root, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", Path.join(out, "tsconfig.json")], {
    encoding: "utf8",
    stdio: "pipe"
  })
  console.log(`${examples.length} examples type-check`)
} catch (error) {
  const output = String((error as { stdout?: string }).stdout ?? error)
  const failing = new Set<string>()
  for (const line of output.split("\n")) {
    const match = /^\.examples\/([^()]+)\((\d+),\d+\): (.*)$/.exec(line.trim()) ?? /^([^()/]+\.ts)\((\d+),\d+\): (.*)$/.exec(line.trim())
    const example = match === null ? undefined : names.get(Path.basename(match[1]!))
    if (match === null || example === undefined) {
      if (line.trim() !== "") console.error(line)
      continue
    }
    failing.add(`${example.file}:${example.line}`)
    console.error(`${Path.relative(root, example.file)}:${example.line + Number(match[2]) - 1}: ${match[3]}`)
  }
  console.error(`${failing.size} of ${examples.length} examples do not type-check`)
  process.exitCode = 1
}
