/**
 * A real `redis-server` (the Debian package) on a free loopback port, without
 * persistence: stopping it loses everything, as a restart without persistence does.
 * It can be stopped (killed), frozen (SIGSTOP: connections stay open, commands hang)
 * and started again on the same port. The scope ends it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import * as net from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, type Scope } from "effect"

export interface RedisServer {
  readonly port: number
  readonly url: string
  /** Kills the server (its data is gone). */
  readonly stop: Effect.Effect<void>
  /** Starts a new, empty server on the same port. */
  readonly start: Effect.Effect<void>
  /** SIGSTOP / SIGCONT: the server stops answering while its connections stay open. */
  readonly freeze: Effect.Effect<void>
  readonly thaw: Effect.Effect<void>
  /** Runs `redis-cli` against it and returns its output. */
  readonly cli: (...args: ReadonlyArray<string>) => string
}

const freePort = Effect.async<number>((resume) => {
  const server = net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const port = (server.address() as net.AddressInfo).port
    server.close(() => resume(Effect.succeed(port)))
  })
})

const installed = () => spawnSync("redis-server", ["--version"]).status === 0

const launch = (port: number, dir: string) =>
  Effect.async<ChildProcess, Error>((resume) => {
    const child = spawn("redis-server", [
      "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir,
      "--loglevel", "warning"
    ], { stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    let ready = false
    const poll = setInterval(() => {
      const socket = net.connect(port, "127.0.0.1")
      socket.once("connect", () => {
        socket.write("PING\r\n")
        socket.once("data", (data) => {
          socket.destroy()
          if (!ready && data.toString().startsWith("+PONG")) {
            ready = true
            clearInterval(poll)
            resume(Effect.succeed(child))
          }
        })
      })
      socket.once("error", () => socket.destroy())
    }, 10)
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.once("exit", (code) => {
      clearInterval(poll)
      if (!ready) resume(Effect.fail(new Error(`redis-server exited (${code}): ${output.slice(0, 500)}`)))
    })
  })

const kill = (child: ChildProcess) =>
  Effect.async<void>((resume) => {
    if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
    child.once("exit", () => resume(Effect.void))
    child.kill("SIGCONT")
    child.kill("SIGKILL")
  })

export const make: Effect.Effect<RedisServer, Error, Scope.Scope> = Effect.gen(function*() {
  if (!installed()) {
    return yield* Effect.fail(new Error("redis-server is not installed: apt-get install redis-server (.ci/run installs it)"))
  }
  const port = yield* freePort
  const dir = mkdtempSync(join(tmpdir(), "effect-crisp-redis-"))
  let child: ChildProcess | undefined = yield* launch(port, dir)
  const ensureKilled = () => child?.kill("SIGKILL")
  process.once("exit", ensureKilled)
  yield* Effect.addFinalizer(() =>
    Effect.suspend(() => (child === undefined ? Effect.void : kill(child))).pipe(
      Effect.ensuring(Effect.sync(() => {
        process.off("exit", ensureKilled)
        rmSync(dir, { recursive: true, force: true })
      }))
    )
  )
  const stop = Effect.suspend(() => {
    const running = child
    child = undefined
    return running === undefined ? Effect.void : kill(running)
  })
  const start = Effect.flatMap(Effect.orDie(launch(port, dir)), (started) =>
    Effect.sync(() => {
      child = started
    }))
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    freeze: Effect.sync(() => void child?.kill("SIGSTOP")),
    thaw: Effect.sync(() => void child?.kill("SIGCONT")),
    cli: (...args) => spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" }).stdout.trim()
  }
})
