/**
 * The package build (`npm run build`): one output file per public module, so that a
 * program bundles only the modules it imports and `import("effect-crisp")` loads
 * only what the entry's graph reaches.
 *
 * - `dist/esm/**.js`: ES modules. Each public module (anything outside
 *   `src/internal/` that is not a Schema module) is its own file, importing the
 *   others by relative path as written. Node pays ~1 ms of CPU per file an
 *   `import()` loads, so the rest has no file of its own:
 *   - the internal modules every REST call loads are `internal/core.js`, and those
 *     of them the Web Hooks entry loads too are `internal/shared.js`;
 *   - the domain Schemas (`schemas/<Group>.ts`) are all in `schemas/index.js`, each
 *     top-level value wrapped in a call marked `@__PURE__` so that a bundler still
 *     drops the ones a program does not use (see {@link annotatePure});
 *   - any other internal module is bundled into the one public module that uses it,
 *     or into a shared chunk (`internal/chunk-*.js`) when several do.
 *   Every import of a grouped module from outside its group imports the group's
 *   file instead, so that every module still runs once.
 * - `dist/cjs/**.js`: every source module as CommonJS, as written;
 *   `dist/cjs/package.json` says `"type": "commonjs"` so that Node and TypeScript
 *   read them (and their `.d.ts`) as CommonJS.
 * - `**.d.ts`: declarations from `tsc`, next to each format's JavaScript.
 *
 * Every `src/**.ts` is built: a new module needs no change here. A new subpath
 * entry needs its line in package.json's `exports` (publint checks that it exists).
 */
import { build, type Plugin } from "esbuild"
import { execFileSync } from "node:child_process"
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const root = fileURLToPath(new URL("..", import.meta.url))
const src = join(root, "src")
const dist = join(root, "dist")

const sources = (readdirSync(src, { recursive: true, encoding: "utf8" }) as Array<string>)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
  .map((file) => join(src, file))

rmSync(dist, { recursive: true, force: true })

/** A source file's path under `src/`, with `/` separators. */
const pathOf = (file: string): string => relative(src, file).split(sep).join("/")

/** A domain Schema module, or their helpers: `schemas/<name>.ts` but `schemas/index.ts`. */
const isSchemaModule = (file: string): boolean => /^schemas\/(?!index\.ts$)[^/]+\.ts$/.test(pathOf(file))

/** A module with a file of its own in `dist/esm`. */
const isPublic = (file: string): boolean => !pathOf(file).startsWith("internal/") && !isSchemaModule(file)

/**
 * Wraps the value of every top-level declaration of a Schema module in an
 * immediately called function marked `@__PURE__`, so that a bundler drops from
 * `schemas/index.js` the Schemas a program does not use. Each is built by calls
 * whose only effect is their result, but a bundler cannot tell (an object spread
 * or a property read might run a getter); the annotation tells it. A top-level
 * statement that is not a declaration fails the build.
 */
const annotatePure = (file: string, text: string): string => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const { factory } = ts
  const plain = (value: ts.Expression) =>
    ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isIdentifier(value) || ts.isLiteralExpression(value)
  const pure = (value: ts.Expression): ts.Expression =>
    ts.addSyntheticLeadingComment(
      factory.createCallExpression(
        factory.createParenthesizedExpression(factory.createArrowFunction(undefined, undefined, [], undefined, undefined, value)),
        undefined,
        []
      ),
      ts.SyntaxKind.MultiLineCommentTrivia,
      " @__PURE__ ",
      false
    )
  const statements = source.statements.map((statement) => {
    if (ts.isVariableStatement(statement)) {
      const declarations = statement.declarationList.declarations.map((declaration) =>
        declaration.initializer === undefined || plain(declaration.initializer)
          ? declaration
          : factory.updateVariableDeclaration(
            declaration,
            declaration.name,
            declaration.exclamationToken,
            declaration.type,
            pure(declaration.initializer)
          )
      )
      return factory.updateVariableStatement(
        statement,
        statement.modifiers,
        factory.updateVariableDeclarationList(statement.declarationList, declarations)
      )
    }
    if (
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) || ts.isFunctionDeclaration(statement)
    ) return statement
    throw new Error(`${pathOf(file)}: a top-level statement that is not a declaration (a bundler could not drop it)`)
  })
  return ts.createPrinter().printFile(factory.updateSourceFile(source, statements))
}

/** Stands for a public module in esbuild's output until its path is made relative (see {@link relink}). */
const PUBLIC = "effect-crisp-public:"

/** Every package (effect, @effect/*, undici, ws, ...) stays an import. */
const packagesExternal: Plugin = {
  name: "packages-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => args.path.startsWith(PUBLIC) ? undefined : { path: args.path, external: true })
  }
}

/** The modules (paths under `src/`) of the graph of each of `entries`. */
const graphsOf = (entries: ReadonlyArray<string>): Promise<Array<ReadonlySet<string>>> =>
  Promise.all(entries.map(async (entry) => {
    const { metafile } = await build({
      entryPoints: [join(src, entry)],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      platform: "neutral",
      logLevel: "warning",
      plugins: [packagesExternal]
    })
    return new Set(Object.keys(metafile.inputs).map((input) => pathOf(resolve(root, input))))
  }))

/**
 * What every REST call loads: the graphs of `Crisp.ts` (the quick-start layers)
 * and of `internal/rest/route.ts` (the route tables). Internal modules that only
 * some endpoints use stay with them, so that a program bundles one only if it
 * calls such an endpoint.
 */
const [crispGraph, routeGraph, webhooksGraph] = await graphsOf(["Crisp.ts", "internal/rest/route.ts", "webhooks.ts"])
const restGraph = new Set([...crispGraph!, ...routeGraph!])
const internalOfRest = (file: string): boolean => pathOf(file).startsWith("internal/") && restGraph.has(pathOf(file))

/** Modules bundled into one file, which every import of a member from outside the group imports instead. */
interface Group {
  /** The group's file under `dist/esm/`. */
  readonly file: string
  /** Its module: a public one, or (`virtual`) one made of an `export * from` per member, with no source file. */
  readonly entry: string
  readonly virtual: boolean
  readonly has: (file: string) => boolean
}

const internalGroup = (name: string, has: (file: string) => boolean): Group => ({
  file: `internal/${name}.js`,
  entry: join(src, "internal", `${name}.ts`),
  virtual: true,
  has
})

const groups: ReadonlyArray<Group> = [
  { file: "schemas/index.js", entry: join(src, "schemas", "index.ts"), virtual: false, has: isSchemaModule },
  // The Web Hooks entry loads `shared` and never `core`: verifying a signature loads no REST code.
  internalGroup("core", (file) => internalOfRest(file) && !webhooksGraph!.has(pathOf(file))),
  internalGroup("shared", (file) => internalOfRest(file) && webhooksGraph!.has(pathOf(file)))
]

const virtualGroup = (path: string): Group | undefined => groups.find((group) => group.virtual && group.entry === path)

/**
 * Keeps every import of a public module an import of its own file, turns every
 * import of a group's member from outside the group into an import of the group's
 * file, and lets esbuild bundle the rest (internal modules) where they are used.
 */
const layout: Plugin = {
  name: "layout",
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts")
      const group = groups.find((group) => group.has(target))
      if (group !== undefined) {
        return group.has(args.importer) || args.importer === group.entry ? undefined : { path: PUBLIC + group.file, external: true }
      }
      return isPublic(target) ? { path: PUBLIC + pathOf(target).replace(/\.ts$/, ".js"), external: true } : undefined
    })
    build.onResolve({ filter: /\.ts$/ }, (args) => virtualGroup(args.path) === undefined ? undefined : { path: args.path })
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const group = virtualGroup(args.path)
      if (group !== undefined) {
        const from = dirname(group.entry)
        const members = [...restGraph].map((path) => join(src, path)).filter(group.has)
        return {
          contents: members.map((file) => `export * from ${JSON.stringify("./" + relative(from, file).split(sep).join("/"))}`).join("\n"),
          resolveDir: from,
          loader: "ts"
        }
      }
      return isSchemaModule(args.path) ? { contents: annotatePure(args.path, readFileSync(args.path, "utf8")), loader: "ts" } : undefined
    })
  }
}

/** Writes esbuild's ESM output, each public module's marker turned into a path relative to the file. */
const relink = (files: ReadonlyArray<{ readonly path: string; readonly text: string }>): void => {
  const out = join(dist, "esm")
  for (const file of files) {
    const from = dirname(file.path)
    const text = file.text.replaceAll(new RegExp(`"${PUBLIC}([^"]+)"`, "g"), (_, target: string) => {
      const path = relative(from, join(out, target)).split(sep).join("/")
      return JSON.stringify(path.startsWith(".") ? path : `./${path}`)
    })
    mkdirSync(from, { recursive: true })
    writeFileSync(file.path, text)
  }
}

const common = { platform: "neutral", target: "es2022", sourcemap: false, logLevel: "warning" } as const

const [esm] = await Promise.all([
  build({
    ...common,
    entryPoints: [...sources.filter(isPublic), ...groups.filter((group) => group.virtual).map((group) => group.entry)],
    outbase: src,
    bundle: true,
    splitting: true,
    format: "esm",
    outdir: join(dist, "esm"),
    chunkNames: "internal/chunk-[hash]",
    plugins: [layout, packagesExternal],
    write: false
  }),
  build({ ...common, entryPoints: sources, outbase: src, bundle: false, format: "cjs", outdir: join(dist, "cjs") })
])
relink(esm.outputFiles)

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

const files = readdirSync(join(dist, "esm"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js")).length
process.stdout.write(`built ${sources.length} modules into ${relative(root, dist)}/cjs and ${files} files into ${relative(root, dist)}/esm\n`)
