/**
 * What each entry loads: the modules reachable from its source, as esbuild's
 * metafile lists them (every file a bundler or Node would load, before any
 * tree-shaking). The REST entry must load no realtime machinery (event hub, RTM
 * socket, Engine.IO / Socket.IO, `ws`), the Web Hooks entry not the platform's barrel.
 */
import { describe, expect, it } from "@effect/vitest"
import { build } from "esbuild"
import { fileURLToPath } from "node:url"

const inputsOf = async (entry: string): Promise<ReadonlyArray<string>> => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../src/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent"
  })
  return Object.keys(result.metafile.inputs)
}

const REALTIME_MACHINERY = [
  /src\/internal\/realtime\/(EventHub|EngineIo|SocketIoClient)\./,
  /src\/realtime\/(CrispEvents|CrispRtm|CrispEvent)\./,
  /node_modules\/(ws|isomorphic-ws)\//
]

describe("import graphs", () => {
  it("the REST entry loads no realtime machinery and no ws", async () => {
    const inputs = await inputsOf("index.ts")
    expect(inputs.some((input) => input.includes("src/resources/WebsiteConversations."))).toBe(true)
    expect(inputs.filter((input) => REALTIME_MACHINERY.some((pattern) => pattern.test(input)))).toEqual([])
  })

  it("the realtime entry does load it (the check above can fail)", async () => {
    const inputs = await inputsOf("realtime.ts")
    expect(inputs.filter((input) => REALTIME_MACHINERY.some((pattern) => pattern.test(input))).length).toBeGreaterThan(2)
  })

  it("the Web Hooks entry loads no platform barrel", async () => {
    const inputs = await inputsOf("webhooks.ts")
    expect(inputs.filter((input) => /@effect\/platform\/dist\/esm\/index\.js$/.test(input))).toEqual([])
  })
})
