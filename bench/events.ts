/**
 * Realtime events benchmark (on demand, not part of CI):
 *
 *   npx tsx bench/events.ts              # run, print, and write docs/benchmarks.md ("## Realtime events")
 *   npx tsx bench/events.ts --no-write   # only print
 *
 * Environment: N (events per run, default 200000), ROUNDS (measured rounds per
 * variant, default 3, after one warm-up round each), VARIANTS (comma-separated
 * subset), CLIENT_NODE_ARGS (extra `node` arguments for the client processes, e.g.
 * `--cpu-prof --cpu-prof-dir=.bench-out/prof` to profile the hot path).
 *
 * A socket.io@4.8 server, in a child process, bursts N `message:send` events at the
 * one client that authenticates. Each client runs in its own child process, so its
 * peak RSS (VmHWM) is its own:
 *
 * - `effect-crisp`: `CrispRtm.layer` + `CrispEvents.on("message:send")`, every
 *   payload validated against its Schema, delivered as a `Stream`.
 * - `socket.io-client`: `io()` with the websocket transport and the default
 *   (JSON.parse) parser, one `socket.on("message:send")` listener — the official
 *   client's path.
 *
 * The clients run from a plain-JavaScript bundle of this file (esbuild, packages
 * left external, in .bench-out/), the way an application runs compiled code, not
 * under the TypeScript loader.
 *
 * The server writes the very frames socket.io would (`42["message:send",{…}]`)
 * straight to the engine's WebSocket in corked batches of 2000, cycling through
 * 1,000 frames serialized in advance, so that it outpaces both clients and the
 * clients' own cost is what is measured. Each client process loads only its own
 * libraries (dynamic imports).
 *
 * The rate is N divided by the time from the first event to the last, as seen by
 * the client. Variants alternate round after round; medians are reported.
 */
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { cpus } from "node:os"
import { fileURLToPath } from "node:url"
import { replaceGeneratedBlock } from "./report.js"

const N = Number(process.env["N"] ?? 200_000)
const ROUNDS = Number(process.env["ROUNDS"] ?? 3)
const PATH = "/crisp-rtm/"
const IDENTIFIER = "bench-identifier"
const KEY = "bench-key"

interface Result {
  readonly variant: string
  readonly events: number
  readonly ms: number
  readonly rate: number
  readonly peakRssMb: number
  /** RSS once the client's libraries are loaded, before connecting. */
  readonly loadedRssMb: number
  /** CPU time (user + system) of the client process per event, first event to last. */
  readonly cpuUsPerEvent: number
}

const cpuUs = () => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1048576)

const peakRssMb = (): number => {
  const status = readFileSync("/proc/self/status", "utf8")
  const match = /VmHWM:\s+(\d+) kB/.exec(status)
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576)
}

// ---------------------------------------------------------------------------
// The server (plain JavaScript, `node -e` in a child process).

const SERVER_SOURCE = `
const http = require("node:http")
const { Server } = require("socket.io")
const N = ${N}
const server = http.createServer()
const io = new Server(server, { path: ${JSON.stringify(PATH)}, transports: ["websocket"], serveClient: false })
const base = {
  website_id: "8c842203-7ed8-4e29-a608-7cf78a7d2fcc",
  session_id: "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881",
  inbox_id: null,
  type: "text",
  from: "user",
  origin: "chat",
  content: "Hello, I have a question about my invoice #2024-118 and the VAT applied to it.",
  stamped: true,
  user: { type: "participant", user_id: "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881", nickname: "visitor07" }
}
const frames = Array.from({ length: 1000 }, (_, i) =>
  "42" + JSON.stringify(["message:send", { ...base, fingerprint: 150698569649423 + i, timestamp: 1700000000000 + i }]))
io.on("connection", (socket) => {
  socket.on("authentication", () => {
    const ws = socket.conn.transport.socket
    let i = 0
    const burst = () => {
      const end = Math.min(N, i + 2000)
      ws._socket.cork()
      for (; i < end; i++) {
        ws.send(frames[i % 1000])
      }
      ws._socket.uncork()
      if (i < N) setImmediate(burst)
    }
    burst()
  })
})
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"))
process.on("SIGTERM", () => { io.close(); process.exit(0) })
`

const startServer = (): Promise<{ readonly url: string; readonly stop: () => void }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", SERVER_SOURCE], { stdio: ["ignore", "pipe", "inherit"] })
    child.once("error", reject)
    child.stdout.once("data", (chunk: Buffer) => {
      resolve({ url: `http://127.0.0.1:${chunk.toString().trim()}${PATH}`, stop: () => child.kill("SIGTERM") })
    })
  })

// ---------------------------------------------------------------------------
// Clients (run in a child process: `node --import tsx bench/events.ts client <variant> <url>`).

const runEffectCrisp = async (url: string): Promise<Result> => {
  const FetchHttpClient = await import("@effect/platform/FetchHttpClient")
  const { Effect, Layer, Redacted, Stream } = await import("effect")
  const CrispHttp = await import("../src/CrispHttp.js")
  const CrispEvents = await import("../src/realtime/CrispEvents.js")
  const CrispRtm = await import("../src/realtime/CrispRtm.js")
  const loadedRssMb = rssMb()
  let first = 0
  let firstCpu = 0
  let events = 0
  const live = CrispRtm.layer({ rtmUrl: url, events: ["message:send"] }).pipe(
    Layer.provide(CrispHttp.layer({ identifier: IDENTIFIER, key: Redacted.make(KEY), tier: "plugin" })),
    Layer.provide(FetchHttpClient.layer)
  )
  const program = CrispEvents.on("message:send").pipe(
    Stream.take(N),
    Stream.runForEachChunk((chunk) =>
      Effect.sync(() => {
        if (events === 0) {
          first = performance.now()
          firstCpu = cpuUs()
        }
        events += chunk.length
      })
    ),
    Effect.map((): Result => {
      const ms = performance.now() - first
      const cpuUsPerEvent = (cpuUs() - firstCpu) / events
      return { variant: "effect-crisp", events, ms, rate: events / (ms / 1000), peakRssMb: peakRssMb(), loadedRssMb, cpuUsPerEvent }
    }),
    Effect.provide(live)
  )
  return Effect.runPromise(program)
}

const runSocketIoClient = async (url: string): Promise<Result> => {
  const { io: ioClient } = await import("socket.io-client")
  const loadedRssMb = rssMb()
  return new Promise((resolve) => {
    const target = new URL(url)
    const socket = ioClient(target.origin, { path: target.pathname, transports: ["websocket"], reconnection: false })
    let count = 0
    let first = 0
    let firstCpu = 0
    socket.on("connect", () => {
      socket.emit("authentication", { username: IDENTIFIER, password: KEY, tier: "plugin", events: ["message:send"] })
    })
    socket.on("message:send", (_data: unknown) => {
      if (count === 0) {
        first = performance.now()
        firstCpu = cpuUs()
      }
      count++
      if (count === N) {
        const ms = performance.now() - first
        socket.disconnect()
        resolve({
          variant: "socket.io-client",
          events: count,
          ms,
          rate: count / (ms / 1000),
          peakRssMb: peakRssMb(),
          loadedRssMb,
          cpuUsPerEvent: (cpuUs() - firstCpu) / count
        })
      }
    })
  })
}

/** The ceiling: a bare `ws` client that only counts frames (no parsing at all). */
const runBareWs = async (url: string): Promise<Result> => {
  const { default: WebSocket } = await import("ws")
  const loadedRssMb = rssMb()
  const target = new URL(url)
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${target.host}${target.pathname}?EIO=4&transport=websocket`)
    let count = 0
    let first = 0
    let firstCpu = 0
    ws.on("message", (data) => {
      const text = data.toString()
      if (text.startsWith("0")) ws.send("40")
      else if (text.startsWith("40")) ws.send('42["authentication",{}]')
      else if (text === "2") ws.send("3")
      else if (text.startsWith("42")) {
        if (count === 0) {
          first = performance.now()
          firstCpu = cpuUs()
        }
        count++
        if (count === N) {
          const ms = performance.now() - first
          const cpuUsPerEvent = (cpuUs() - firstCpu) / count
          ws.close()
          resolve({ variant: "ws (count only)", events: count, ms, rate: count / (ms / 1000), peakRssMb: peakRssMb(), loadedRssMb, cpuUsPerEvent })
        }
      }
    })
  })
}

const OUT_DIR = fileURLToPath(new URL("../.bench-out/events/", import.meta.url))
const BUNDLE = OUT_DIR + "events.js"

/** Bundles this file to plain JavaScript (our sources inlined, packages external). */
const bundle = (): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      fileURLToPath(new URL("../node_modules/.bin/esbuild", import.meta.url)),
      [
        fileURLToPath(import.meta.url),
        "--bundle",
        "--platform=node",
        "--format=esm",
        "--target=node20",
        "--packages=external",
        "--splitting",
        "--log-level=warning",
        "--out-extension:.js=.js",
        `--outdir=${OUT_DIR}`
      ],
      { stdio: "inherit" }
    )
    child.once("error", reject)
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`esbuild failed (${code})`))))
  })

const runClientProcess = (variant: string, url: string): Promise<Result> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(process.env["CLIENT_NODE_ARGS"]?.split(" ").filter((a) => a !== "") ?? []), BUNDLE, "client", variant, url],
      { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, N: String(N) } }
    )
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once("error", reject)
    child.once("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? ""
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`${variant} client failed (${code}): ${out}`))
      else resolve(JSON.parse(line) as Result)
    })
  })

// ---------------------------------------------------------------------------

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const main = async () => {
  await bundle()
  const server = await startServer()
  const variants = process.env["VARIANTS"]?.split(",") ?? ["effect-crisp", "socket.io-client", "ws"]
  const results: Record<string, Array<Result>> = { "effect-crisp": [], "socket.io-client": [], ws: [] }
  try {
    for (const variant of variants) await runClientProcess(variant, server.url) // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse()
      for (const variant of order) {
        const result = await runClientProcess(variant, server.url)
        results[variant]!.push(result)
        console.log(
          `${variant.padEnd(17)} ${Math.round(result.rate).toLocaleString("en-US").padStart(10)} events/s  ` +
            `${result.cpuUsPerEvent.toFixed(2)} µs CPU/event  peak RSS ${result.peakRssMb} MB (${result.loadedRssMb} MB once loaded)`
        )
      }
    }
  } finally {
    server.stop()
  }
  if (variants.length < 3) return // a partial run (VARIANTS): nothing to compare or write
  const summary = (variant: string) => ({
    rate: median(results[variant]!.map((r) => r.rate)),
    rss: median(results[variant]!.map((r) => r.peakRssMb)),
    loaded: median(results[variant]!.map((r) => r.loadedRssMb)),
    cpu: median(results[variant]!.map((r) => r.cpuUsPerEvent))
  })
  const ours = summary("effect-crisp")
  const theirs = summary("socket.io-client")
  const bare = summary("ws")
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US")
  const row = (label: string, v: typeof ours) =>
    `| ${label} | ${fmt(v.rate)} | ${v.cpu.toFixed(2)} µs | ${v.rss} MB (${v.loaded} MB) | ` +
    `${(v.rate / theirs.rate).toFixed(2)}× | ${(v.cpu / theirs.cpu).toFixed(2)}× | ${(v.rss / theirs.rss).toFixed(2)}× |`
  const table = [
    `Run ${new Date().toISOString().slice(0, 10)} — ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; ` +
    `N = ${fmt(N)} events, median of ${ROUNDS} rounds (after one warm-up each).`,
    "",
    "| client | events/s | CPU per event | peak RSS (once loaded) | rate vs socket.io-client | CPU vs socket.io-client | peak RSS vs socket.io-client |",
    "|---|---:|---:|---:|---:|---:|---:|",
    row("effect-crisp (`CrispEvents.on`, Schema-validated)", ours),
    row("socket.io-client 4.8 (JSON.parse, one listener)", theirs),
    row("ceiling: bare `ws`, frames counted, not parsed", bare)
  ].join("\n")
  console.log("\n" + table)
  if (!process.argv.includes("--no-write")) writeSection(table)
}

/**
 * Writes the run into the generated block of docs/benchmarks.md's "## Realtime
 * events" section; the prose around it (method, verdict) is kept.
 */
const writeSection = (table: string) => replaceGeneratedBlock("bench/events.ts", "## Realtime events", table)

if (process.argv[2] === "client") {
  // A client that stops receiving (events lost) must not hang the benchmark.
  setTimeout(() => {
    console.error(`client ${process.argv[3]}: no result after 120 s (events lost?)`)
    process.exit(2)
  }, 120_000).unref()
  const variant = process.argv[3]
  const url = process.argv[4]!
  const run = variant === "effect-crisp" ? runEffectCrisp(url) : variant === "ws" ? runBareWs(url) : runSocketIoClient(url)
  run.then((result) => {
    process.stdout.write(JSON.stringify(result) + "\n")
    process.exit(0)
  }, (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
} else {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
