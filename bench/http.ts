/**
 * HTTP pipeline benchmark (on demand, not part of CI):
 *
 *   npx tsx bench/http.ts            # print the results
 *   npx tsx bench/http.ts --write    # ...and write them into docs/benchmarks.md ("## HTTP")
 *
 * Environment: N (requests per run, default 2000), ROUNDS (measured rounds,
 * default 15; one warm-up round comes first), CONCURRENCY (default 32).
 *
 * One loopback `node:http` server, in a child process so that it does not share
 * the event loop with the clients, answers every request with a small Crisp
 * envelope. Each variant performs N GETs sequentially, then N GETs with
 * CONCURRENCY in flight. Variants run interleaved, round after round, and the
 * median of the rounds is reported. Ratios are paired: each round's CPU over that
 * of the raw transport (or crisp-api) in the same round, the median of those; the
 * machine's drift from round to round then cancels out. The verdicts against the
 * targets of the lean transports use them.
 */
import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Crisp as OfficialCrisp } from "crisp-api"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { spawn } from "node:child_process"
import { cpus } from "node:os"
import { availableParallelism } from "node:os"
import { Agent } from "undici"
import * as CrispHttp from "../src/CrispHttp.js"
import * as CrispTransport from "../src/CrispTransport.js"
import * as NodeCrispTransport from "../src/node/CrispTransport.js"
import { getWebsite } from "./getWebsite.js"
import { replaceGeneratedBlock } from "./report.js"

const N = Number(process.env["N"] ?? 2_000)
const ROUNDS = Number(process.env["ROUNDS"] ?? 15)
const CONCURRENCY = Number(process.env["CONCURRENCY"] ?? 32)
const WRITE = process.argv.includes("--write")

const IDENTIFIER = "bench-identifier"
const KEY = "bench-key"
const WEBSITE_ID = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc"

// ---------------------------------------------------------------------------
// The server (plain JavaScript, run with `node -e` in a child process).

const SERVER_SOURCE = `
const http = require("node:http")
const body = JSON.stringify({
  error: false,
  reason: "resolved",
  data: {
    website_id: ${JSON.stringify(WEBSITE_ID)},
    name: "Acme Inc.",
    domain: "acme.example",
    logo: "https://image.crisp.chat/avatar/website/acme/120",
    created_at: 1700000000000
  }
})
const length = Buffer.byteLength(body)
let count = 0
const server = http.createServer((req, res) => {
  req.resume()
  req.on("end", () => {
    count++
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": length })
    res.end(body)
  })
})
server.keepAliveTimeout = 60000
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"))
process.on("SIGTERM", () => { process.stderr.write("served " + count + "\\n"); process.exit(0) })
`

const startServer = (): Promise<{ readonly origin: string; readonly stop: () => void }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", SERVER_SOURCE], { stdio: ["ignore", "pipe", "inherit"] })
    child.once("error", reject)
    child.stdout.once("data", (chunk: Buffer) => {
      resolve({ origin: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill("SIGTERM") })
    })
  })

// ---------------------------------------------------------------------------
// Variants.

/** The raw transports: global fetch, the undici 7 of NodeHttpClient, the project's undici 6. */
type Transport = "fetch" | "undici7" | "undici6"

interface Variant {
  readonly name: string
  /** The raw transport this variant runs on (its ratio is taken against it). */
  readonly transport: Transport
  /**
   * `raw`: the baseline transport; `bare`: the bare Effect HttpClient on it; `crisp`:
   * effect-crisp over a platform client; `lean`: effect-crisp over a CrispTransport client.
   */
  readonly role: "raw" | "bare" | "crisp" | "lean" | "other"
  /** One GET, resolving to the website's `name` (checked once before measuring). */
  readonly once: () => Promise<string>
  /** N GETs, `concurrency` in flight. */
  readonly run: (n: number, concurrency: number) => Promise<void>
}

const loop = async (n: number, concurrency: number, once: () => Promise<unknown>): Promise<void> => {
  if (concurrency <= 1) {
    for (let i = 0; i < n; i++) await once()
    return
  }
  let started = 0
  const worker = async () => {
    while (started < n) {
      started++
      await once()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

const rawVariant = (name: string, transport: Transport, once: () => Promise<string>): Variant => ({
  name,
  transport,
  role: "raw",
  once,
  run: (n, concurrency) => loop(n, concurrency, once)
})

/** A variant written as an Effect, run on a runtime that provides what it needs. */
const effectVariant = <R>(
  name: string,
  transport: Transport,
  role: "bare" | "crisp" | "lean",
  runtime: ManagedRuntime.ManagedRuntime<R, never>,
  once: Effect.Effect<string, unknown, R>
): Variant => ({
  name,
  transport,
  role,
  once: () => runtime.runPromise(once),
  run: (n, concurrency) => runtime.runPromise(concurrency <= 1 ? Effect.asVoid(Effect.repeatN(once, n - 1)) : workers(n, concurrency, once))
})

/**
 * N calls by `concurrency` fibers that each take the next call until none is left:
 * the same structure as {@link loop} for the promise variants (a fiber per call,
 * as `Effect.forEach` with a concurrency makes, would add its own cost to the row).
 */
const workers = <R>(n: number, concurrency: number, once: Effect.Effect<unknown, unknown, R>): Effect.Effect<void, unknown, R> => {
  let started = 0
  const worker = Effect.whileLoop({
    while: () => started < n,
    body: () => {
      started++
      return once
    },
    step: () => {}
  })
  return Effect.all(Array.from({ length: concurrency }, () => worker), { concurrency: "unbounded", discard: true })
}

interface Envelope {
  readonly error: boolean
  readonly data: { readonly name: string }
}

const nameOf = (text: string): string => (JSON.parse(text) as Envelope).data.name

const makeVariants = async (origin: string) => {
  const path = `/v1/website/${WEBSITE_ID}`
  const url = origin + path
  const headers = {
    authorization: "Basic " + Buffer.from(`${IDENTIFIER}:${KEY}`).toString("base64"),
    "x-crisp-tier": "plugin",
    "user-agent": "bench/1.0",
    accept: "application/json"
  }

  // --- raw transports
  const rawFetch = rawVariant("raw fetch + JSON.parse", "fetch", async () => {
    const response = await fetch(url, { headers })
    return nameOf(await response.text())
  })
  // The same with an AbortSignal, as any fetch that can be aborted (the lean fetch client's) must pass.
  const rawFetchSignal = rawVariant("raw fetch with an AbortSignal + JSON.parse (reference)", "fetch", async () => {
    const response = await fetch(url, { headers, signal: new AbortController().signal })
    return nameOf(await response.text())
  })
  // An Agent of the undici devDependency (6.x), as CrispTransport.layerUndici makes one.
  const agent6 = new Agent()
  const rawUndici6 = rawVariant("raw undici 6 Agent.request + JSON.parse", "undici6", async () => {
    const response = await agent6.request({ origin, path, method: "GET", headers })
    return nameOf(await response.body.text())
  })
  // The very Agent that NodeHttpClient.layerUndici uses (platform-node's own undici 7.x),
  // called directly: the raw transport the undici variant runs on.
  const undiciRuntime = ManagedRuntime.make(NodeHttpClient.layerUndici.pipe(Layer.provideMerge(NodeHttpClient.dispatcherLayer)))
  const dispatcher = await undiciRuntime.runPromise(NodeHttpClient.Dispatcher)
  const rawDispatcher = rawVariant("raw undici 7 Dispatcher.request (NodeHttpClient's) + JSON.parse", "undici7", async () => {
    const response = await dispatcher.request({ origin, path, method: "GET", headers })
    return nameOf(await response.body.text())
  })

  // --- the bare Effect HttpClient, for reference: what the platform costs before effect-crisp.
  const bare = Effect.flatMap(HttpClient.HttpClient, (client) =>
    Effect.flatMap(client.execute(HttpClientRequest.get(url, { headers })), (response) => response.text)).pipe(
      Effect.map(nameOf)
    )
  const fetchRuntime = ManagedRuntime.make(FetchHttpClient.layer)
  // Raw fetch inside an Effect program run as the effect-crisp rows are: the floor of any Effect call.
  const plainRuntime = ManagedRuntime.make(Layer.empty)
  const fetchInEffect = Effect.promise(async () => nameOf(await (await fetch(url, { headers })).text()))

  // --- effect-crisp: a declared endpoint with a response Schema, as a resource module has it.
  const one = Effect.map(getWebsite({ path: { website_id: WEBSITE_ID } }), (w) => w.name)
  const crispLayer = CrispHttp.layer({ identifier: IDENTIFIER, key: Redacted.make(KEY), restUrl: `${origin}/v1/` })
  const crispFetchRuntime = ManagedRuntime.make(crispLayer.pipe(Layer.provide(FetchHttpClient.layer)))
  const crispUndiciRuntime = ManagedRuntime.make(crispLayer.pipe(Layer.provide(NodeHttpClient.layerUndici)))
  // The lean transports: CrispTransport.layerFetch (what Crisp.layer uses), layerUndici
  // (effect-crisp/node, on the project's undici 6) and makeUndici on NodeHttpClient's undici 7 Agent.
  const leanFetchRuntime = ManagedRuntime.make(crispLayer.pipe(Layer.provide(CrispTransport.layerFetch)))
  // The same client over `fetch` itself (a given fetch is called, with an AbortSignal): what layerFetch does
  // wherever `fetch` is not Node's own (Deno, Bun, workers, browsers, a replaced global fetch).
  const leanThroughFetchRuntime = ManagedRuntime.make(crispLayer.pipe(
    Layer.provide(Layer.sync(HttpClient.HttpClient, () => CrispTransport.makeFetch((input, init) => fetch(input, init))))
  ))
  const leanUndici6Runtime = ManagedRuntime.make(crispLayer.pipe(Layer.provide(NodeCrispTransport.layerUndici)))
  const leanUndici7Runtime = ManagedRuntime.make(crispLayer.pipe(
    Layer.provide(Layer.succeed(HttpClient.HttpClient, NodeCrispTransport.makeUndici(dispatcher as never)))
  ))

  // --- the official client, pointed at the loopback server.
  const official = new OfficialCrisp()
  official.setRestHost(origin)
  official.authenticateTier("plugin", IDENTIFIER, KEY)
  const crispApi: Variant = {
    name: "crisp-api 11.3 (official, on fetch)",
    transport: "fetch",
    role: "other",
    once: async () => ((await official.website.getWebsite(WEBSITE_ID)) as { name: string }).name,
    run: (n, concurrency) => loop(n, concurrency, () => official.website.getWebsite(WEBSITE_ID))
  }

  const variants: ReadonlyArray<Variant> = [
    rawFetch,
    { ...rawFetchSignal, role: "other" },
    {
      ...effectVariant("raw fetch + JSON.parse in Effect.promise, run as the effect-crisp rows (reference)", "fetch", "bare", plainRuntime, fetchInEffect),
      role: "other"
    },
    effectVariant("@effect/platform FetchHttpClient, bare (reference)", "fetch", "bare", fetchRuntime, bare),
    effectVariant("effect-crisp over FetchHttpClient", "fetch", "crisp", crispFetchRuntime, one),
    effectVariant("**effect-crisp over CrispTransport.layerFetch** (the default)", "fetch", "lean", leanFetchRuntime, one),
    {
      ...effectVariant(
        "effect-crisp over CrispTransport.makeFetch(fetch): through `fetch` itself, as off Node (reference)",
        "fetch",
        "lean",
        leanThroughFetchRuntime,
        one
      ),
      role: "other"
    },
    crispApi,
    rawDispatcher,
    effectVariant("@effect/platform-node NodeHttpClient.layerUndici, bare (reference)", "undici7", "bare", undiciRuntime, bare),
    effectVariant("effect-crisp over NodeHttpClient.layerUndici", "undici7", "crisp", crispUndiciRuntime, one),
    effectVariant("**effect-crisp over CrispTransport.makeUndici** (undici 7 Agent)", "undici7", "lean", leanUndici7Runtime, one),
    rawUndici6,
    effectVariant("**effect-crisp over CrispTransport.layerUndici** (undici 6)", "undici6", "lean", leanUndici6Runtime, one)
  ]
  const dispose = () =>
    Promise.all([
      fetchRuntime.dispose(),
      plainRuntime.dispose(),
      undiciRuntime.dispose(),
      crispFetchRuntime.dispose(),
      crispUndiciRuntime.dispose(),
      leanFetchRuntime.dispose(),
      leanThroughFetchRuntime.dispose(),
      leanUndici6Runtime.dispose(),
      leanUndici7Runtime.dispose(),
      agent6.close()
    ])
  return { variants, dispose }
}

// ---------------------------------------------------------------------------
// Measurement.

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Row {
  readonly variant: Variant
  readonly mode: "sequential" | "concurrent"
  /** Wall-clock milliseconds of each measured run. */
  readonly times: Array<number>
  /** CPU milliseconds (user + system) this process spent in each measured run. */
  readonly cpu: Array<number>
}

const main = async () => {
  const server = await startServer()
  const { variants, dispose } = await makeVariants(server.origin)
  try {
    for (const variant of variants) {
      const name = await variant.once()
      if (name !== "Acme Inc.") throw new Error(`${variant.name} returned ${JSON.stringify(name)}`)
    }
    const modes = [["sequential", 1], ["concurrent", CONCURRENCY]] as const
    const rows: Array<Row> = []
    for (const [mode] of modes) for (const variant of variants) rows.push({ variant, mode, times: [], cpu: [] })

    for (let round = 0; round <= ROUNDS; round++) {
      const warmup = round === 0
      for (const [mode, concurrency] of modes) {
        // Rotate the order each round so that no variant always runs first or last.
        const order = variants.map((_, i) => variants[(i + round) % variants.length]!)
        for (const variant of order) {
          const started = performance.now()
          const cpuStart = process.cpuUsage()
          await variant.run(warmup ? Math.min(N, 2_000) : N, concurrency)
          const cpu = process.cpuUsage(cpuStart)
          const elapsed = performance.now() - started
          if (!warmup) {
            const row = rows.find((r) => r.variant === variant && r.mode === mode)!
            row.times.push(elapsed)
            row.cpu.push((cpu.user + cpu.system) / 1000)
          }
        }
      }
      process.stderr.write(warmup ? "warm-up done\n" : `round ${round}/${ROUNDS} done\n`)
    }

    const table = render(rows)
    process.stdout.write(table + "\n")
    if (WRITE) writeSection(table)
  } finally {
    await dispose()
    server.stop()
  }
}

/** The median over rounds of `a`'s CPU over `b`'s in the same round. */
const paired = (a: Row, b: Row): number => median(a.cpu.map((cpu, round) => cpu / b.cpu[round]!))

const render = (rows: ReadonlyArray<Row>): string => {
  const find = (role: Variant["role"], transport: Transport, mode: Row["mode"]) =>
    rows.find((r) => r.variant.role === role && r.variant.transport === transport && r.mode === mode)
  const cpu = cpus()[0]?.model ?? "unknown"
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${availableParallelism()} cores (\`nproc\`), ${cpu}, ` +
      `Node ${process.version}, by \`npx tsx bench/http.ts --write\`. The loopback server runs in a child ` +
      `process; N = ${N} GETs per run; median of ${ROUNDS} interleaved rounds after a warm-up; concurrent = ` +
      `${CONCURRENCY} in flight, by ${CONCURRENCY} workers that each send the next request when theirs is answered. "× raw" is the median wall time over that of the raw transport the variant ` +
      "runs on (global fetch for the fetch rows, the undici 7 Agent of NodeHttpClient for the undici 7 rows, " +
      "an Agent of the project's undici 6 for the undici 6 rows); \"× bare\" is over the bare Effect HttpClient " +
      'on the same transport. "client CPU" is the CPU time of the client process per request (user + system), ' +
      "which the other processes on a shared machine disturb less than wall time. \"CPU × raw\" and the verdicts " +
      "are paired: the median over rounds of each round's ratio (both ran in that round, one after the other).",
    ""
  ]
  for (const mode of ["sequential", "concurrent"] as const) {
    lines.push(`### ${N} ${mode} GETs${mode === "concurrent" ? ` (${CONCURRENCY} in flight)` : ""}`, "")
    lines.push("| variant | median ms | µs / req | req / s | × raw | × bare | client CPU µs / req | CPU × raw | min–max ms |")
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (const row of rows.filter((r) => r.mode === mode)) {
      const m = median(row.times)
      const c = median(row.cpu)
      const raw = find("raw", row.variant.transport, mode)!
      const bare = find("bare", row.variant.transport, mode)
      const times = (x: number) => `${x.toFixed(2)}×`
      lines.push(
        `| ${row.variant.name} | ${m.toFixed(0)} | ${((m * 1000) / N).toFixed(1)} | ${Math.round(N / (m / 1000))} | ` +
          `${row.variant.role === "raw" ? "1 (baseline)" : times(m / median(raw.times))} | ` +
          `${(row.variant.role === "crisp" || row.variant.role === "lean") && bare !== undefined ? times(m / median(bare.times)) : ""} | ` +
          `${((c * 1000) / N).toFixed(1)} | ${row.variant.role === "raw" ? "1" : times(paired(row, raw))} | ` +
          `${Math.min(...row.times).toFixed(0)}–${Math.max(...row.times).toFixed(0)} |`
      )
    }
    lines.push("")
  }

  // Verdicts, on client CPU per request.
  const cpuRatio = (role: Variant["role"], transport: Transport, mode: Row["mode"]) =>
    paired(find(role, transport, mode)!, find("raw", transport, mode)!)
  const officialOf = (mode: Row["mode"]) => rows.find((r) => r.variant.name.startsWith("crisp-api") && r.mode === mode)
  const verdict = (what: string, measured: number, target: number) =>
    `| ${what} | ${measured.toFixed(2)}× | ≤ ${target.toFixed(2)}× | ${measured <= target ? "yes" : "**no**"} |`
  lines.push("### Verdicts (client CPU per request)", "", "| target | measured | wanted | met |", "|---|---:|---:|---|")
  for (const mode of ["sequential", "concurrent"] as const) {
    const label = mode === "sequential" ? "sequential" : `${CONCURRENCY} in flight`
    lines.push(verdict(`CrispTransport.layerFetch vs raw fetch + JSON.parse, ${label}`, cpuRatio("lean", "fetch", mode), 1.25))
    lines.push(verdict(
      `CrispTransport.layerFetch vs crisp-api, ${label}`,
      paired(find("lean", "fetch", mode)!, officialOf(mode)!),
      1.0
    ))
    lines.push(verdict(
      `CrispTransport.layerUndici vs raw undici Agent.request (same undici 6), ${label}`,
      cpuRatio("lean", "undici6", mode),
      mode === "sequential" ? 1.4 : 1.8
    ))
    lines.push(verdict(
      `CrispTransport.makeUndici vs raw undici 7 Dispatcher.request, ${label} (same target as above)`,
      cpuRatio("lean", "undici7", mode),
      mode === "sequential" ? 1.4 : 1.8
    ))
  }
  return lines.join("\n").trimEnd()
}

/** Writes the tables into the generated block of docs/benchmarks.md's "## HTTP" section. */
const writeSection = (table: string) => replaceGeneratedBlock("bench/http.ts", "## HTTP", table)

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
