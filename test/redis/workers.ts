/**
 * Starts worker processes (`worker.ts`) and talks to them over stdin/stdout, for the
 * multi-process tests and `bench/bulk.ts`. The worker is bundled once into one
 * JavaScript file (esbuild), so that each process starts in a fraction of a second
 * instead of compiling the sources again. The scope kills whatever is still running.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { Effect, type Scope } from "effect"
import type { HooksJob, HttpJob } from "./worker.js"

export type { HooksJob, HttpJob } from "./worker.js"

const SOURCE = fileURLToPath(new URL("./worker.ts", import.meta.url))

let bundled: Promise<string> | undefined

/**
 * The worker as one ES module, built on first use into node_modules/.cache under a
 * name that is its content's digest: test files running at once write the same file
 * (atomically, by rename), and nothing is left behind in /tmp.
 */
const bundle = (): Promise<string> => {
  if (bundled === undefined) {
    bundled = build({
      entryPoints: [SOURCE],
      write: false,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "error",
      // CommonJS dependencies (ioredis, ws) call require
      banner: { js: "import { createRequire } from \"node:module\"; const require = createRequire(import.meta.url);" }
    }).then((result) => {
      const code = result.outputFiles[0]!.contents
      const dir = fileURLToPath(new URL("../../node_modules/.cache/effect-crisp-tests/", import.meta.url))
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`)
      if (!existsSync(file)) {
        const partial = `${file}.${process.pid}.tmp`
        writeFileSync(partial, code)
        renameSync(partial, file)
      }
      return file
    })
  }
  return bundled
}

export interface Worker {
  /** Waits for the next protocol line (`ready…` or a JSON report). */
  readonly next: Effect.Effect<string, Error>
  readonly send: (line: string) => Effect.Effect<void>
  /** Everything it wrote to stderr (its warnings). */
  readonly stderr: () => string
}

export const start = (job: HttpJob | HooksJob): Effect.Effect<Worker, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.map(Effect.promise(bundle), (file) => {
      const child: ChildProcess = spawn(process.execPath, [file, JSON.stringify(job)], {
        stdio: ["pipe", "pipe", "pipe"]
      })
      let buffered = ""
      let errors = ""
      const lines: Array<string> = []
      const waiting: Array<(line: string | Error) => void> = []
      const deliver = (line: string | Error) => {
        const waiter = waiting.shift()
        if (waiter === undefined) {
          if (typeof line === "string") lines.push(line)
        } else {
          waiter(line)
        }
      }
      child.stdout?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString()
        let at: number
        while ((at = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, at).trim()
          buffered = buffered.slice(at + 1)
          if (line.startsWith("ready") || line.startsWith("{")) deliver(line)
        }
      })
      child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()))
      child.once("exit", (code) => {
        while (waiting.length > 0) deliver(new Error(`worker exited (${code}): ${errors.slice(-2000)}`))
      })
      return { child, lines, waiting, errors: () => errors }
    }),
    ({ child }) =>
      Effect.async<void>((resume) => {
        if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
        child.once("exit", () => resume(Effect.void))
        child.kill("SIGKILL")
      })
  ).pipe(Effect.map(({ child, errors, lines, waiting }): Worker => ({
    next: Effect.async<string, Error>((resume) => {
      const line = lines.shift()
      if (line !== undefined) return resume(Effect.succeed(line))
      if (child.exitCode !== null) return resume(Effect.fail(new Error(`worker exited (${child.exitCode}): ${errors().slice(-2000)}`)))
      waiting.push((got) => resume(typeof got === "string" ? Effect.succeed(got) : Effect.fail(got)))
    }),
    send: (line) => Effect.sync(() => void child.stdin?.write(line + "\n")),
    stderr: errors
  })))

/** Starts `jobs`, waits until each is ready, and answers the workers with what they said. */
export const startAll = (jobs: ReadonlyArray<HttpJob | HooksJob>) =>
  Effect.forEach(jobs, (job) =>
    Effect.flatMap(start(job), (worker) => Effect.map(worker.next, (ready) => ({ worker, ready }))), {
    concurrency: "unbounded"
  })
