import type { HttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { ConfigError, ConfigProvider, Effect, Exit, Layer, Redacted } from "effect"
import { inspect } from "node:util"
import * as CrispHttp from "../../src/CrispHttp.js"
import * as Crisp from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const fromEnv = (entries: Record<string, string>) =>
  Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries))))

const buildOver = (transport: Layer.Layer<HttpClient.HttpClient>) =>
(entries: Record<string, string>, overrides: Partial<CrispHttp.Options> = {}) =>
  CrispHttp.layerConfig(overrides).pipe(Layer.provide(transport), Layer.provide(fromEnv(entries)))

/** The names of the variables a ConfigError complains about. */
const missingNames = (error: ConfigError.ConfigError): Array<string> =>
  ConfigError.reduceWithContext(error, undefined, {
    andCase: (_, left: Array<string>, right: Array<string>) => [...left, ...right],
    orCase: (_, left: Array<string>, right: Array<string>) => [...left, ...right],
    invalidDataCase: (_, path) => [path.join(".")],
    missingDataCase: (_, path) => [path.join(".")],
    sourceUnavailableCase: (_, path) => [path.join(".")],
    unsupportedCase: (_, path) => [path.join(".")]
  })

const failureOver = (build: ReturnType<typeof buildOver>) => (entries: Record<string, string>) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(Effect.scoped(Layer.build(build(entries))))
    expect(Exit.isFailure(exit)).toBe(true)
    if (Exit.isSuccess(exit)) throw new Error("unreachable")
    const failure = exit.cause._tag === "Fail" ? exit.cause.error : undefined
    expect(failure).toBeDefined()
    expect(ConfigError.isConfigError(failure)).toBe(true)
    return failure as ConfigError.ConfigError
  })

Crisp.eachTransport(({ transport }) => {
  const build = buildOver(transport.layer)
  const failureOf = failureOver(build)

  describe("CrispHttp.layerConfig", () => {
    it.scopedLive("reads CRISP_IDENTIFIER, CRISP_KEY, CRISP_TIER and CRISP_REST_URL", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ ok: true })))
        const env = {
          CRISP_IDENTIFIER: "cfg-id",
          CRISP_KEY: "cfg-key-secret",
          CRISP_TIER: "user",
          CRISP_REST_URL: `${server.origin}/api/v1`
        }
        const service = yield* Effect.provide(CrispHttp.CrispHttp, build(env))
        expect(service.identifier).toBe("cfg-id")
        expect(Redacted.isRedacted(service.key)).toBe(true)
        expect(Redacted.value(service.key)).toBe("cfg-key-secret")
        expect(service.tier).toBe("user")
        expect(service.restUrl).toBe(`${server.origin}/api/v1/`)

        const data = yield* CrispHttp.request({ method: "GET", path: "ping" }).pipe(Effect.provide(build(env)))
        expect(data).toEqual({ ok: true })
        const [request] = yield* server.requests
        expect(request?.url).toBe("/api/v1/ping")
        // base64("cfg-id:cfg-key-secret"), written by hand.
        expect(request?.headers["authorization"]).toBe("Basic Y2ZnLWlkOmNmZy1rZXktc2VjcmV0")
        expect(request?.headers["x-crisp-tier"]).toBe("user")
      }))

    it.effect("CRISP_TIER defaults to plugin and CRISP_REST_URL to the production URL", () =>
      Effect.gen(function*() {
        const service = yield* Effect.provide(CrispHttp.CrispHttp, build({ CRISP_IDENTIFIER: "i", CRISP_KEY: "k" }))
        expect(service.tier).toBe("plugin")
        expect(service.restUrl).toBe("https://api.crisp.chat/v1/")
      }))

    it.effect("overrides replace what configuration says", () =>
      Effect.gen(function*() {
        const service = yield* Effect.provide(
          CrispHttp.CrispHttp,
          build({ CRISP_IDENTIFIER: "i", CRISP_KEY: "k", CRISP_TIER: "user" }, { tier: "website", restUrl: "http://127.0.0.1:9/" })
        )
        expect(service.tier).toBe("website")
        expect(service.restUrl).toBe("http://127.0.0.1:9/")
      }))

    it.effect("a missing CRISP_KEY is a ConfigError naming CRISP_KEY", () =>
      Effect.gen(function*() {
        const error = yield* failureOf({ CRISP_IDENTIFIER: "i" })
        expect(missingNames(error)).toEqual(["CRISP_KEY"])
        expect(String(error)).toContain("CRISP_KEY")
      }))

    it.effect("a missing CRISP_IDENTIFIER is a ConfigError naming CRISP_IDENTIFIER", () =>
      Effect.gen(function*() {
        const error = yield* failureOf({ CRISP_KEY: Crisp.KEY })
        expect(missingNames(error)).toEqual(["CRISP_IDENTIFIER"])
        expect(String(error)).toContain("CRISP_IDENTIFIER")
        // The key that was present is not printed.
        expect(String(error)).not.toContain(Crisp.KEY)
        expect(inspect(error, { depth: 10 })).not.toContain(Crisp.KEY)
      }))

    it.effect("both missing: both are named", () =>
      Effect.gen(function*() {
        const error = yield* failureOf({})
        expect(missingNames(error).sort()).toEqual(["CRISP_IDENTIFIER", "CRISP_KEY"])
      }))

    it.effect("an invalid CRISP_TIER is refused, naming CRISP_TIER", () =>
      Effect.gen(function*() {
        const error = yield* failureOf({ CRISP_IDENTIFIER: "i", CRISP_KEY: Crisp.KEY, CRISP_TIER: "admin" })
        expect(missingNames(error)).toEqual(["CRISP_TIER"])
        expect(error._op).toBe("InvalidData")
        expect(String(error)).toContain("CRISP_TIER")
        expect(String(error)).not.toContain(Crisp.KEY)
      }))
  })
})
