/**
 * The packed package, used as a user would (`npm run check:package`, after
 * `npm run build`): `npm pack`, unpack into a scratch `node_modules`, then in
 * fresh Node processes
 *
 * - `require` (CommonJS) and `import` (ESM) every subpath export, and check that
 *   both give the same names;
 * - make one REST call from a CommonJS program and one from an ES module program,
 *   over `Crisp.layer` (fetch) and over `CrispTransport.layerUndici`
 *   (effect-crisp/node), against a `node:http` server on 127.0.0.1;
 * - bundle two one-call programs with esbuild and check that each keeps the
 *   Schemas of the group it calls and drops another group's (all the Schemas are
 *   in one file, `schemas/index.js`: see scripts/build.ts).
 *
 * Exits non-zero, saying what failed, if anything does.
 */
import { build } from "esbuild"
import { execFile, execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  readonly exports: Record<string, unknown>
  readonly peerDependencies: Record<string, string>
  readonly dependencies: Record<string, string>
}
const entries = Object.entries(pkg.exports)
  .filter(([path, target]) => target !== null && !path.includes("*") && path !== "./package.json")
  .map(([path]) => (path === "." ? "effect-crisp" : `effect-crisp/${path.slice(2)}`))

const scratch = mkdtempSync(join(tmpdir(), "effect-crisp-smoke-"))
const failures: Array<string> = []

// Asynchronous: the test server runs in this process.
const run = (file: string, source: string): Promise<string> => {
  writeFileSync(join(scratch, file), source)
  return new Promise((resolve) => {
    execFile(process.execPath, [join(scratch, file)], { cwd: scratch, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null) failures.push(`${file}: ${error.message}\n${stderr}`)
      resolve(stdout.trim())
    })
  })
}

const server = Http.createServer((req, res) => {
  req.resume()
  req.on("end", () => {
    const ok = req.headers.authorization === "Basic " + btoa("smoke-id:smoke-key")
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" })
    res.end(JSON.stringify(ok
      ? { error: false, reason: "resolved", data: { website_id: "w", name: "Smoke" } }
      : { error: true, reason: "unauthorized", data: {} }))
  })
})

const main = async () => {
  // The tarball, unpacked where Node looks for packages; its dependencies from this project.
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch], { cwd: root, encoding: "utf8" }).trim()
  const modules = join(scratch, "node_modules")
  mkdirSync(join(modules, "@effect"), { recursive: true })
  execFileSync("tar", ["-xzf", join(scratch, tarball), "-C", scratch])
  execFileSync("mv", [join(scratch, "package"), join(modules, "effect-crisp")])
  for (const dependency of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]) {
    symlinkSync(join(root, "node_modules", dependency), join(modules, dependency), "dir")
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const restUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`

  const names = JSON.stringify(entries)
  const cjsNames = await run("names.cjs", `
const out = {}
for (const entry of ${names}) out[entry] = Object.keys(require(entry)).sort()
process.stdout.write(JSON.stringify(out))
`)
  const esmNames = await run("names.mjs", `
const out = {}
for (const entry of ${names}) out[entry] = Object.keys(await import(entry)).sort()
process.stdout.write(JSON.stringify(out))
`)
  if (cjsNames !== esmNames) failures.push(`CommonJS and ESM exports differ:\n${cjsNames}\n${esmNames}`)

  const call = (load: string) => `
${load}
const options = { identifier: "smoke-id", key: Redacted.make("smoke-key"), restUrl: ${JSON.stringify(restUrl)}, retry: false }
const layers = { fetch: Crisp.layer(options), undici: CrispHttp.layer(options).pipe(Layer.provide(CrispTransport.layerUndici)) }
const get = CrispHttp.request({ method: "GET", path: "website/w" })
Promise.all(Object.values(layers).map((layer) => Effect.runPromise(Effect.provide(get, layer))))
  .then((results) => process.stdout.write(results.map((r) => r.name).join(",")))
`
  const cjsCall = await run("call.cjs", call(`
const { Effect, Layer, Redacted } = require("effect")
const { Crisp, CrispHttp } = require("effect-crisp")
const { CrispTransport } = require("effect-crisp/node")`))
  const esmCall = await run("call.mjs", call(`
import { Effect, Layer, Redacted } from "effect"
import { Crisp, CrispHttp } from "effect-crisp"
import { CrispTransport } from "effect-crisp/node"`))
  for (const [format, output] of [["CommonJS", cjsCall], ["ESM", esmCall]] as const) {
    if (output !== "Smoke,Smoke") failures.push(`${format} REST call answered ${JSON.stringify(output)}`)
  }
  await treeShakes()
}

/** A message only the visitors' Schemas carry (the map-area check of `WebsiteVisitors.pinpointOnMap`). */
const VISITORS_ONLY = "give all three or none"

const treeShakes = async () => {
  const bundle = async (name: string, source: string) => {
    writeFileSync(join(scratch, name), source)
    const result = await build({
      entryPoints: [join(scratch, name)],
      absWorkingDir: scratch,
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      logLevel: "silent"
    })
    return result.outputFiles[0]!.text
  }
  const settings = await bundle("settings.mjs", `import { WebsiteSettings } from "effect-crisp"\nexport const call = WebsiteSettings.get("w")\n`)
  const visitors = await bundle("visitors.mjs", `import { WebsiteVisitors } from "effect-crisp"\nexport const call = WebsiteVisitors.pinpointOnMap("w", {})\n`)
  if (!visitors.includes(VISITORS_ONLY)) failures.push("a bundle calling WebsiteVisitors.pinpointOnMap lacks its Schemas")
  if (settings.includes(VISITORS_ONLY)) failures.push("a bundle calling only WebsiteSettings.get keeps the visitors' Schemas")
}

main()
  .catch((error: unknown) => failures.push(String(error)))
  .finally(() => {
    server.close()
    rmSync(scratch, { recursive: true, force: true })
    if (failures.length > 0) {
      process.stderr.write(`smoke: ${failures.length} problem(s)\n${failures.join("\n\n")}\n`)
      process.exitCode = 1
    } else {
      process.stdout.write(`smoke: ${entries.length} entries load alike as CommonJS and ESM; REST calls work from both; bundles drop unused Schemas\n`)
    }
  })
