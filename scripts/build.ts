/**
 * The package build (`npm run build`): one output file per source module, so that a
 * program bundles only the modules it imports and `import("effect-crisp")` loads
 * only what the entry's graph reaches.
 *
 * - `dist/esm/**.js`: ES modules, as written (imports keep their `./x.js` paths).
 * - `dist/cjs/**.js`: the same as CommonJS; `dist/cjs/package.json` says
 *   `"type": "commonjs"` so that Node and TypeScript read them (and their `.d.ts`)
 *   as CommonJS.
 * - `**.d.ts`: declarations from `tsc`, next to each format's JavaScript.
 *
 * Every `src/**.ts` is built: a new module needs no change here. A new subpath
 * entry needs its line in package.json's `exports` (publint checks that it exists).
 */
import { build } from "esbuild"
import { execFileSync } from "node:child_process"
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const src = join(root, "src")
const dist = join(root, "dist")

const sources = (readdirSync(src, { recursive: true, encoding: "utf8" }) as Array<string>)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
  .map((file) => join(src, file))

rmSync(dist, { recursive: true, force: true })

const common = {
  entryPoints: sources,
  outbase: src,
  bundle: false,
  platform: "neutral",
  target: "es2022",
  sourcemap: false,
  logLevel: "warning"
} as const

await Promise.all([
  build({ ...common, format: "esm", outdir: join(dist, "esm") }),
  build({ ...common, format: "cjs", outdir: join(dist, "cjs") })
])

// Bundlers read `sideEffects` from the nearest package.json, and Node and TypeScript
// read `type` from it: each format folder says both.
writeFileSync(join(dist, "esm", "package.json"), JSON.stringify({ type: "module", sideEffects: false }, null, 2) + "\n")
writeFileSync(join(dist, "cjs", "package.json"), JSON.stringify({ type: "commonjs", sideEffects: false }, null, 2) + "\n")

// Declarations once, then the same files beside the CommonJS build.
const tsc = join(root, "node_modules", "typescript", "bin", "tsc")
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" })
const declarations = join(dist, "types")
for (const format of ["esm", "cjs"]) {
  mkdirSync(join(dist, format), { recursive: true })
  cpSync(declarations, join(dist, format), { recursive: true })
}
rmSync(declarations, { recursive: true, force: true })

process.stdout.write(`built ${sources.length} modules into ${relative(root, dist)}/{esm,cjs}\n`)
