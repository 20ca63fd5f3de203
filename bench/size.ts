/**
 * Bundle size and cold start benchmark (on demand, not part of CI):
 *
 *   npm run build && npx tsx bench/size.ts            # print the results
 *   npm run build && npx tsx bench/size.ts --write    # ...and write them into docs/benchmarks.md
 *
 * Environment: COLD_ROUNDS (fresh processes per variant, default 31).
 *
 * Bundles: small programs, each importing the package by name as a user would (the
 * built `dist/`, through package.json's `exports`), bundled by esbuild (minified,
 * ESM) for Node and for the browser, then gzip -9. Each effect-crisp program is
 * compared with a baseline program that does the same job with `effect` and
 * `@effect/platform` only, so the difference is what effect-crisp adds. esbuild's
 * metafile says which modules went in: a REST program must carry no realtime code
 * and no `ws`.
 *
 * Cold start: `node -e 'await import(...)'` as fresh processes, interleaved, for
 * COLD_ROUNDS rounds: the wall time from spawn to exit, and the CPU time the child
 * reports for itself just before it exits (user + system, bootstrap included),
 * which other work on a shared machine disturbs less. Ratios are paired: each
 * round's time over the baseline's in the same round, then the median over rounds
 * (the machine's drift between rounds cancels out); the verdicts use the CPU ratio.
 */
import { build, type Metafile } from "esbuild"
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus } from "node:os"
import { join, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { replaceGeneratedBlock } from "./report.js"

const WRITE = process.argv.includes("--write")
const COLD_ROUNDS = Number(process.env["COLD_ROUNDS"] ?? 31)

const root = fileURLToPath(new URL("..", import.meta.url))
const work = join(root, ".bench-out", "size")

// ---------------------------------------------------------------------------
// The programs.

const KEY_HEADERS = `{ authorization: "Basic aWQ6a2V5", "x-crisp-tier": "plugin", accept: "application/json" }`

/** One program per job; `base` names the baseline it is compared with. */
interface Program {
  readonly name: string
  readonly description: string
  readonly base?: string
  /** Module inputs that must not be in the bundle (matched against esbuild's input paths). */
  readonly forbidden?: ReadonlyArray<RegExp>
  readonly source: string
}

const REALTIME_AND_WS = [/\/realtime\//, /\/node_modules\/ws\//, /isomorphic-ws/, /\/EngineIo\./, /\/SocketIoClient\./, /\/CrispEvent\./]

const programs: ReadonlyArray<Program> = [
  {
    name: "base-rest",
    description: "baseline: `effect` + `@effect/platform` HttpClient over FetchHttpClient + a Schema decode",
    source: `
import { Effect, Schema } from "effect"
import * as HttpClient from "@effect/platform/HttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
const Settings = Schema.Struct({ website_id: Schema.String, name: Schema.optional(Schema.String) })
const program = Effect.gen(function*() {
  const client = yield* HttpClient.HttpClient
  const response = yield* client.get("https://api.crisp.chat/v1/website/w/settings", { headers: ${KEY_HEADERS} })
  const body = yield* response.json
  return yield* Schema.decodeUnknown(Settings)(body.data)
}).pipe(Effect.provide(FetchHttpClient.layer))
Effect.runPromise(program).then(console.log, console.error)
`
  },
  {
    name: "crisp-rest",
    description: "effect-crisp: `WebsiteSettings.get` over `Crisp.layer` (CrispTransport.layerFetch)",
    base: "base-rest",
    forbidden: REALTIME_AND_WS,
    source: `
import { Effect, Redacted } from "effect"
import { Crisp, WebsiteSettings } from "effect-crisp"
const program = WebsiteSettings.get("w").pipe(Effect.provide(Crisp.layer({ identifier: "id", key: Redacted.make("key") })))
Effect.runPromise(program).then(console.log, console.error)
`
  },
  {
    name: "crisp-rest-config",
    description: "effect-crisp: the same over `Crisp.layerConfig()` (`CRISP_*` configuration)",
    base: "base-rest",
    forbidden: REALTIME_AND_WS,
    source: `
import { Effect } from "effect"
import { Crisp, WebsiteSettings } from "effect-crisp"
const program = WebsiteSettings.get("w").pipe(Effect.provide(Crisp.layerConfig()))
Effect.runPromise(program).then(console.log, console.error)
`
  },
  {
    name: "crisp-rest-platform",
    description: "effect-crisp: the same over `CrispHttp.layer` + the platform's `FetchHttpClient.layer`",
    base: "base-rest",
    forbidden: REALTIME_AND_WS,
    source: `
import { Effect, Layer, Redacted } from "effect"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { CrispHttp, WebsiteSettings } from "effect-crisp"
const layer = CrispHttp.layer({ identifier: "id", key: Redacted.make("key") }).pipe(Layer.provide(FetchHttpClient.layer))
Effect.runPromise(WebsiteSettings.get("w").pipe(Effect.provide(layer))).then(console.log, console.error)
`
  },
  {
    name: "base-effect",
    description: "baseline: `effect` alone (an Effect run with a Redacted secret and the Clock)",
    source: `
import { Clock, Effect, Redacted } from "effect"
const secret = Redacted.make("hook-secret")
const program = Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sync(() => [now, Redacted.value(secret).length]))
Effect.runPromise(Effect.either(program)).then(console.log, console.error)
`
  },
  {
    name: "base-effect-schema",
    description: "baseline: `effect` with a `Schema.TaggedError` (what any Schema-based error brings in)",
    source: `
import { Clock, Effect, Redacted, Schema } from "effect"
class Failed extends Schema.TaggedError()("Failed", { reason: Schema.String }) {}
const secret = Redacted.make("hook-secret")
const program = Effect.flatMap(Clock.currentTimeMillis, (now) =>
  now > 0 ? Effect.fail(new Failed({ reason: String(Redacted.value(secret).length) })) : Effect.void)
Effect.runPromise(Effect.either(program)).then(console.log, console.error)
`
  },
  {
    name: "crisp-verify",
    description: "effect-crisp: `Signature.verify` from `effect-crisp/webhooks`",
    base: "base-effect",
    forbidden: [/@effect\/platform/, /msgpackr/, ...REALTIME_AND_WS.slice(1)],
    source: `
import { Effect, Redacted } from "effect"
import { Signature } from "effect-crisp/webhooks"
const program = Signature.verify({
  secret: Redacted.make("hook-secret"),
  body: '{"event":"message:send","data":{}}',
  timestamp: String(Date.now()),
  signature: "00"
})
Effect.runPromise(Effect.either(program)).then(console.log, console.error)
`
  }
]

/** The verify program once more, against the baseline that has Schema. */
const verifyAgainstSchema: Program = {
  ...programs.find((p) => p.name === "crisp-verify")!,
  name: "crisp-verify-vs-schema",
  description: "effect-crisp: the same `Signature.verify` program, against the Schema baseline",
  base: "base-effect-schema"
}

// ---------------------------------------------------------------------------
// Bundling.

interface Size {
  readonly program: Program
  readonly platform: "node" | "browser"
  readonly minified: number
  readonly gzip: number
  /** Inputs that matched `forbidden`. */
  readonly offending: ReadonlyArray<string>
  /** Bytes of effect-crisp's own modules in the output. */
  readonly ownBytes: number
}

const prepare = () => {
  if (!existsSync(join(root, "dist", "esm", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first")
  }
  rmSync(work, { recursive: true, force: true })
  mkdirSync(join(work, "node_modules"), { recursive: true })
  // The package by name, as an installed dependency: `exports` decides what resolves.
  symlinkSync(root, join(work, "node_modules", "effect-crisp"), "dir")
  // Its own tsconfig: esbuild would otherwise find the project's, whose `paths` point at src/.
  writeFileSync(join(work, "tsconfig.json"), "{}\n")
  for (const program of [...programs, verifyAgainstSchema]) writeFileSync(join(work, `${program.name}.mjs`), program.source)
}

/** An input of effect-crisp's own build (esbuild names inputs relative to the working directory). */
const isOwn = (input: string): boolean => resolve(work, input).startsWith(join(root, "dist") + sep)

const ownBytes = (metafile: Metafile): number => {
  let total = 0
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      if (isOwn(input)) total += info.bytesInOutput
    }
  }
  return total
}

const bundle = async (program: Program, platform: "node" | "browser"): Promise<Size> => {
  const result = await build({
    absWorkingDir: work,
    entryPoints: [join(work, `${program.name}.mjs`)],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "error",
    outfile: join(work, "out", `${program.name}.${platform}.js`)
  })
  const code = result.outputFiles[0]!.contents
  // Modules that put code in the output (the metafile lists tree-shaken ones too, at 0 bytes).
  const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).filter(([, info]) => info.bytesInOutput > 0).map(([input]) => input))
  const offending = inputs.filter((input) => (program.forbidden ?? []).some((pattern) => pattern.test(input)))
  return {
    program,
    platform,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    offending,
    ownBytes: ownBytes(result.metafile)
  }
}

// ---------------------------------------------------------------------------
// Cold start.

interface Cold {
  readonly name: string
  readonly description: string
  readonly base?: string
  readonly script: string
  /** Wall milliseconds, spawn to exit. */
  readonly times: Array<number>
  /** CPU milliseconds the child used (user + system). */
  readonly cpu: Array<number>
}

const coldVariants = (): ReadonlyArray<Cold> => [
  {
    name: "node",
    description: "`node` starting with nothing to import (the floor)",
    script: "",
    times: [],
    cpu: []
  },
  {
    name: "base-http",
    description: "baseline: `effect` + `@effect/platform/HttpClient` + `@effect/platform/FetchHttpClient`",
    script: `await Promise.all([import("effect"), import("@effect/platform/HttpClient"), import("@effect/platform/FetchHttpClient")])`,
    times: [],
    cpu: []
  },
  {
    name: "crisp",
    description: "`import(\"effect-crisp\")`",
    base: "base-http",
    script: `await import("effect-crisp")`,
    times: [],
    cpu: []
  },
  {
    name: "base-effect",
    description: "baseline: `import(\"effect\")`",
    script: `await import("effect")`,
    times: [],
    cpu: []
  },
  {
    name: "crisp-webhooks",
    description: "`import(\"effect-crisp/webhooks\")`",
    base: "base-effect",
    script: `await import("effect-crisp/webhooks")`,
    times: [],
    cpu: []
  },
  {
    name: "crisp-api",
    description: "reference: `import(\"crisp-api\")` (the official client)",
    base: "base-http",
    script: `await import("crisp-api")`,
    times: [],
    cpu: []
  }
]

const REPORT_CPU = `;{ const c = process.cpuUsage(); process.stdout.write(String((c.user + c.system) / 1000)) }`

const runCold = (variant: Cold): { readonly wall: number; readonly cpu: number } => {
  const started = performance.now()
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", variant.script + REPORT_CPU], {
    cwd: work,
    stdio: ["ignore", "pipe", "pipe"]
  })
  const wall = performance.now() - started
  if (result.status !== 0) throw new Error(`${variant.name} failed: ${result.stderr.toString()}`)
  return { wall, cpu: Number(result.stdout.toString()) }
}

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const coldStart = (): ReadonlyArray<Cold> => {
  const variants = coldVariants()
  // crisp-api resolves from the project's node_modules: run it from there.
  for (const variant of variants) runCold(variant) // warm the file system cache
  for (let round = 0; round < COLD_ROUNDS; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]!)
    for (const variant of order) {
      const { wall, cpu } = runCold(variant)
      variant.times.push(wall)
      variant.cpu.push(cpu)
    }
  }
  return variants
}

// ---------------------------------------------------------------------------
// Report.

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const signedKb = (bytes: number) => `${bytes < 0 ? "−" : "+"}${kb(Math.abs(bytes))}`

interface Verdict {
  readonly what: string
  readonly measured: string
  readonly target: string
  readonly met: boolean
}

const render = (sizes: ReadonlyArray<Size>, cold: ReadonlyArray<Cold>): string => {
  const size = (name: string, platform: Size["platform"]) => sizes.find((s) => s.program.name === name && s.platform === platform)!
  const lines: Array<string> = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${availableParallelism()} cores (\`nproc\`), ` +
      `${cpus()[0]?.model ?? "unknown"}, Node ${process.version}, by \`npx tsx bench/size.ts --write\` after ` +
      "`npm run build`. Bundles: esbuild, `bundle` + `minify`, ESM, then gzip -9; \"added\" is the program's " +
      "gzip size minus its baseline's on the same platform. Cold start: fresh `node` processes, interleaved, " +
      `${COLD_ROUNDS} rounds: wall time from spawn to exit, and the CPU time the child reports just before it ` +
      "exits (the verdicts use CPU: other jobs on a shared machine disturb it less); \"× baseline\" is paired, " +
      "the median over rounds of each round's ratio.",
    "",
    "### Bundles",
    "",
    "| program | platform | minified KB | gzip KB | added (gzip KB) | effect-crisp's own modules (minified KB) | realtime / ws / platform barrel in it |",
    "|---|---|---:|---:|---:|---:|---|"
  ]
  for (const s of sizes) {
    const base = s.program.base === undefined ? undefined : size(s.program.base, s.platform)
    lines.push(
      `| ${s.program.name}: ${s.program.description} | ${s.platform} | ${kb(s.minified)} | ${kb(s.gzip)} | ` +
        `${base === undefined ? "" : signedKb(s.gzip - base.gzip)} | ${s.ownBytes === 0 ? "" : kb(s.ownBytes)} | ` +
        `${s.program.forbidden === undefined ? "" : s.offending.length === 0 ? "none" : s.offending.join(", ")} |`
    )
  }
  lines.push(
    "",
    "### Cold start",
    "",
    "| import | wall median ms | wall min–max ms | wall × baseline | CPU median ms | CPU × baseline |",
    "|---|---:|---:|---:|---:|---:|"
  )
  const coldOf = (name: string) => cold.find((c) => c.name === name)!
  /** The median over rounds of `of`'s time over its baseline's in the same round. */
  const paired = (of: Cold, base: Cold, times: (c: Cold) => ReadonlyArray<number>) =>
    median(times(of).map((t, round) => t / times(base)[round]!))
  for (const c of cold) {
    const base = c.base === undefined ? undefined : coldOf(c.base)
    lines.push(
      `| ${c.description} | ${median(c.times).toFixed(0)} | ${Math.min(...c.times).toFixed(0)}–${Math.max(...c.times).toFixed(0)} | ` +
        `${base === undefined ? "" : `${paired(c, base, (x) => x.times).toFixed(2)}×`} | ${median(c.cpu).toFixed(0)} | ` +
        `${base === undefined ? "" : `${paired(c, base, (x) => x.cpu).toFixed(2)}×`} |`
    )
  }

  const added = (name: string, platform: Size["platform"]) => {
    const s = size(name, platform)
    return s.gzip - size(s.program.base!, platform).gzip
  }
  const ratio = (name: string) => paired(coldOf(name), coldOf(coldOf(name).base!), (c) => c.cpu)
  const wallRatio = (name: string) => paired(coldOf(name), coldOf(coldOf(name).base!), (c) => c.times)
  const restClean = ["crisp-rest", "crisp-rest-config"].every((n) => size(n, "node").offending.length === 0 && size(n, "browser").offending.length === 0)
  const restAdded = Math.max(added("crisp-rest", "node"), added("crisp-rest", "browser"), added("crisp-rest-config", "node"), added("crisp-rest-config", "browser"))
  const verifyAdded = Math.max(added("crisp-verify", "node"), added("crisp-verify", "browser"))
  const verifyOverSchema = Math.max(added("crisp-verify-vs-schema", "node"), added("crisp-verify-vs-schema", "browser"))
  const verdicts: ReadonlyArray<Verdict> = [
    {
      what: "REST-only bundle, beyond effect + FetchHttpClient + Schema (largest of `crisp-rest*` over `Crisp.layer*`, node and browser)",
      measured: `${signedKb(restAdded)} KB${restClean ? ", no realtime code nor ws" : ", **carries realtime code or ws**"}`,
      target: "≤ 30 KB, no realtime code or ws",
      met: restAdded <= 30 * 1024 && restClean
    },
    {
      what: "Web-Hook-verify-only bundle, beyond effect alone (beyond effect with Schema in parentheses)",
      measured: `${signedKb(verifyAdded)} KB (${signedKb(verifyOverSchema)} KB)`,
      target: "≤ 40 KB",
      met: verifyAdded <= 40 * 1024 && size("crisp-verify", "node").offending.length === 0
    },
    {
      what: "cold start `import(\"effect-crisp\")` over effect + platform HttpClient + FetchHttpClient (CPU; wall in parentheses)",
      measured: `${ratio("crisp").toFixed(2)}× (${wallRatio("crisp").toFixed(2)}×)`,
      target: "≤ 1.15×",
      met: ratio("crisp") <= 1.15
    },
    {
      what: "cold start `import(\"effect-crisp/webhooks\")` over `effect` alone (CPU; wall in parentheses)",
      measured: `${ratio("crisp-webhooks").toFixed(2)}× (${wallRatio("crisp-webhooks").toFixed(2)}×)`,
      target: "≤ 1.25×",
      met: ratio("crisp-webhooks") <= 1.25
    }
  ]
  lines.push("", "### Verdicts", "", "| target | measured | wanted | met |", "|---|---|---|---|")
  for (const v of verdicts) lines.push(`| ${v.what} | ${v.measured} | ${v.target} | ${v.met ? "yes" : "**no**"} |`)
  return lines.join("\n")
}

const main = async () => {
  prepare()
  const sizes: Array<Size> = []
  for (const program of [...programs, verifyAgainstSchema]) {
    for (const platform of ["node", "browser"] as const) sizes.push(await bundle(program, platform))
  }
  process.stderr.write("bundles done\n")
  const cold = coldStart()
  const table = render(sizes, cold)
  process.stdout.write(table + "\n")
  if (WRITE) replaceGeneratedBlock("bench/size.ts", "## Bundle size and cold start", table)
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exitCode = 1
})
