/**
 * A clean shutdown, as production meets it: a bot in a child process under
 * `NodeRuntime.runMain`, a real SIGTERM, and what the real servers saw — the socket.io
 * server (did the client say `41` before closing?), the REST server (was the reply
 * sent whole, answered and read?), the Web Hook client (was every 200 a delivery the
 * bot's stream received?).
 *
 * The child scripts are bundled once with esbuild (which vitest's vite brings) and run
 * with plain `node`: under `node --import tsx` a child needs seconds to compile the
 * sources before it can start (10.5 s measured on this shared machine, against 0.35 s
 * for the bundle), which would make each test slow for no gain.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Queue, type Scope } from "effect"
import { build } from "esbuild"
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { samples } from "../realtime/fixtures.js"
import { IDENTIFIER, KEY, makeServer } from "../realtime/support.js"
import { slowServer } from "../support/slow.js"
import { envelope, messageSend, post, type Reply, SECRET, signedHeaders } from "../webhooks/support.js"

const now = () => performance.timeOrigin + performance.now()

interface Child {
  readonly lines: ReadonlyArray<string>
  /** Waits until a line of stdout matches. */
  readonly waitFor: (pattern: RegExp) => Effect.Effect<RegExpMatchArray, Error>
  readonly kill: (signal: NodeJS.Signals) => void
  /** The exit code and when the process ended. */
  readonly exited: Effect.Effect<{ readonly code: number | null; readonly at: number }, Error>
}

const SCRIPTS = ["rtm-bot", "hooks-bot"] as const
let outDir = ""

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "effect-crisp-shutdown-"))
  await build({
    entryPoints: SCRIPTS.map((name) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url))),
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "error",
    // CommonJS dependencies (ws) call require: give the ESM bundle one.
    banner: { js: `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);` }
  })
})

afterAll(() => {
  if (outDir !== "") rmSync(outDir, { recursive: true, force: true })
})

/** Runs the bundle of `test/shutdown/<script>.ts` with node; killed at the end of the scope if still running. */
const run = (script: typeof SCRIPTS[number], env: Record<string, string>): Effect.Effect<Child, never, Scope.Scope> =>
  Effect.gen(function*() {
    const child: ChildProcess = yield* Effect.acquireRelease(
      Effect.sync(() =>
        spawn(process.execPath, [join(outDir, `${script}.mjs`)], {
          env: { ...process.env, ...env },
          stdio: ["ignore", "pipe", "pipe"]
        })
      ),
      (child) =>
        Effect.sync(() => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
        })
    )
    const lines: Array<string> = []
    let partial = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString("utf8")).split("\n")
      partial = parts.pop() ?? ""
      lines.push(...parts)
    })
    let stderr = ""
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8")
    })
    let exit: { readonly code: number | null; readonly at: number } | undefined
    child.on("exit", (code) => {
      exit = { code, at: now() }
    })
    const within = (millis: number, what: string) => <A>(self: Effect.Effect<A, Error>) =>
      Effect.timeoutFail(self, {
        duration: millis,
        onTimeout: () => new Error(`${what} within ${millis} ms; stdout:\n${lines.join("\n")}\nstderr:\n${stderr}`)
      })
    return {
      lines,
      waitFor: (pattern) =>
        Effect.suspend(function loop(): Effect.Effect<RegExpMatchArray, Error> {
          for (const line of lines) {
            const match = line.match(pattern)
            if (match !== null) return Effect.succeed(match)
          }
          if (exit !== undefined) return Effect.fail(new Error(`exited (${exit.code}) before ${pattern}; stderr:\n${stderr}`))
          return Effect.flatMap(Effect.sleep("5 millis"), loop)
        }).pipe(within(10_000, `no line ${pattern}`)),
      kill: (signal) => {
        child.kill(signal)
      },
      exited: Effect.suspend(function loop(): Effect.Effect<{ readonly code: number | null; readonly at: number }> {
        return exit !== undefined ? Effect.succeed(exit) : Effect.flatMap(Effect.sleep("5 millis"), loop)
      }).pipe(within(5_000, "no exit"))
    } satisfies Child
  })

const visitorMessage: Readonly<Record<string, unknown>> = {
  ...(samples["message:send"] as Record<string, unknown>),
  from: "user",
  session_id: "session_shutdown"
}

const rtmEnv = (restOrigin: string, rtmUrl: string) => ({
  CRISP_IDENTIFIER: IDENTIFIER,
  CRISP_KEY: KEY,
  CRISP_REST_URL: `${restOrigin}/v1/`,
  CRISP_RTM_URL: rtmUrl
})

describe("SIGTERM: an RTM bot", () => {
  it.scopedLive("with its reply in flight: the reply completes and is read, then `41` and the socket closes", () =>
    Effect.gen(function*() {
      const io = yield* makeServer()
      const rest = yield* slowServer(300)
      const child = yield* run("rtm-bot", rtmEnv(rest.origin, io.url))
      yield* Queue.take(io.auths)
      yield* child.waitFor(/^connected$/)
      io.emit("message:send", visitorMessage)
      yield* rest.arrived
      child.kill("SIGTERM")
      const exit = yield* child.exited
      expect(exit.code).toBe(0)
      expect(rest.seen).toHaveLength(1)
      const [reply] = rest.seen
      expect(reply!.method).toBe("POST")
      expect(reply!.url).toBe(`/v1/website/${String(visitorMessage.website_id)}/conversation/session_shutdown/message`)
      expect(JSON.parse(reply!.body)).toEqual({ type: "text", content: "I'm a bot", from: "operator", origin: "chat" })
      // Answered in full, not aborted, and before the process ended.
      expect(reply).toMatchObject({ answered: true, aborted: false })
      expect(exit.at).toBeGreaterThanOrEqual(reply!.answeredAt!)
      // The step was interrupted after its request completed: it never printed `replied`.
      expect(child.lines).toContain("received session_shutdown")
      expect(child.lines).not.toContain("replied session_shutdown")
      for (let i = 0; i < 100 && io.disconnects.length === 0; i++) yield* Effect.sleep("5 millis")
      expect(io.disconnects).toEqual(["client namespace disconnect"])
      expect(io.openNow()).toBe(0)
    }))

  it.scopedLive("while its step waits before replying: the step is interrupted and nothing is sent", () =>
    Effect.gen(function*() {
      const io = yield* makeServer()
      const rest = yield* slowServer(0)
      const child = yield* run("rtm-bot", { ...rtmEnv(rest.origin, io.url), DELAY_MS: "5000" })
      yield* Queue.take(io.auths)
      yield* child.waitFor(/^connected$/)
      io.emit("message:send", visitorMessage)
      yield* child.waitFor(/^received session_shutdown$/)
      const signalled = now()
      child.kill("SIGTERM")
      const exit = yield* child.exited
      expect(exit.code).toBe(0)
      // Interrupted at once, not after its 5 s wait.
      expect(exit.at - signalled).toBeLessThan(3_000)
      yield* Effect.sleep("50 millis")
      expect(rest.seen).toEqual([])
      for (let i = 0; i < 100 && io.disconnects.length === 0; i++) yield* Effect.sleep("5 millis")
      expect(io.disconnects).toEqual(["client namespace disconnect"])
    }))
})

describe("SIGTERM: a Web Hook bot", () => {
  it.scopedLive("every delivery answered 200 reached the bot's stream; the others were refused, none lost", () =>
    Effect.gen(function*() {
      const child = yield* run("hooks-bot", { HOOK_SECRET: SECRET, STEP_MS: "30" })
      const [, port] = yield* child.waitFor(/Listening on http:\/\/127\.0\.0\.1:(\d+)/)
      const url = `http://127.0.0.1:${port}/crisp`
      const delivery = (content: string) => {
        const body = envelope("message:send", messageSend(content))
        // Like Crisp, the sender gives up after a while: a request that reaches the server
        // in the instant it closes is never answered (@effect/platform-node stops handling
        // requests before it stops listening).
        return post(url, { body, headers: signedHeaders(body), timeoutMs: 1_000 }).pipe(
          Effect.map((reply: Reply) => ({ content, status: reply.status })),
          Effect.catchAll((error) => Effect.succeed({ content, status: (error as NodeJS.ErrnoException).code ?? "error" }))
        )
      }
      // The bot subscribes once the layers are up: wait until a delivery gets through.
      for (let n = 0; ; n++) {
        const first = yield* delivery(`warmup-${n}`)
        if (first.status === 200) break
        yield* Effect.sleep("10 millis")
      }
      // A stream of deliveries, 4 at a time; SIGTERM in the middle of it.
      const sender = yield* Effect.fork(Effect.forEach(
        Array.from({ length: 60 }, (_, i) => `d${i}`),
        (content, i) => Effect.zipRight(Effect.sleep(`${Math.floor(i / 4) * 10} millis`), delivery(content)),
        { concurrency: 4 }
      ))
      yield* child.waitFor(/^received d8$/)
      child.kill("SIGTERM")
      const exit = yield* child.exited
      const results = yield* sender.await.pipe(Effect.flatMap((e) => e))
      expect(exit.code).toBe(0)
      const received = new Set(child.lines.filter((l) => l.startsWith("received d")).map((l) => l.slice("received ".length)))
      const ok = results.filter((r) => r.status === 200).map((r) => r.content)
      const refused = results.filter((r) => r.status !== 200)
      // The guarantee: 200 means the bot's stream has it; a refusal means it does not.
      expect(ok.filter((content) => !received.has(content))).toEqual([])
      expect(refused.filter((r) => received.has(r.content))).toEqual([])
      expect([...received].filter((content) => !ok.includes(content))).toEqual([])
      // Refusals are 503 (Crisp delivers again later), or a connection refused once the
      // server closed (or, rarely, no answer): Crisp delivers those again too.
      for (const r of refused) expect([503, "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]).toContain(r.status)
      expect(ok.length).toBeGreaterThanOrEqual(9)
      expect(refused.length).toBeGreaterThan(0)
    }))
})
