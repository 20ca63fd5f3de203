/**
 * The REST tests' harness: a FakeCrisp served on loopback HTTP, and the public
 * `CrispHttp` layer (`FetchHttpClient`, plugin tier) pointed at it.
 */
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer, Redacted, type Scope } from "effect"
import * as CrispHttp from "../../src/CrispHttp.js"
import { FakeCrisp, FakeCrispServer } from "../../src/testing.js"

/** The default website of FakeCrisp's default seed. */
export const WEBSITE = "website-1"

/** The default account of FakeCrisp's default seed. */
export const ACCOUNT = { email: "operator@example.com", password: "operator-password", user_id: "user-1" } as const

/** A running fake and what talks to it. */
export interface Harness {
  readonly fake: FakeCrisp.FakeCrisp
  /** `http://127.0.0.1:PORT/v1/` */
  readonly url: string
  /** `CrispHttp` with the default plugin token, retries off, over fetch. */
  readonly plugin: Layer.Layer<CrispHttp.CrispHttp>
  /** `CrispHttp` from other options (same URL, retries off unless given). */
  readonly layer: (options: Omit<CrispHttp.Options, "restUrl">) => Layer.Layer<CrispHttp.CrispHttp>
  /** Requests the fake handled since the last `clear`, as `"METHOD path"`. */
  readonly seen: Effect.Effect<ReadonlyArray<string>>
}

/** Starts a fake (default seed plus `seed`) and serves it in the current scope. */
export const start = (seed: FakeCrisp.FakeCrispSeed = {}): Effect.Effect<Harness, FakeCrisp.FakeCrispError, Scope.Scope> =>
  Effect.gen(function*() {
    const fake = yield* FakeCrisp.make(seed)
    const { url } = yield* FakeCrispServer.serve(fake)
    const layer = (options: Omit<CrispHttp.Options, "restUrl">) =>
      CrispHttp.layer({ retry: false, timeout: "2 seconds", ...options, restUrl: url }).pipe(
        Layer.provide(FetchHttpClient.layer)
      )
    return {
      fake,
      url,
      layer,
      plugin: layer({ identifier: "plugin-identifier", key: Redacted.make("plugin-key"), tier: "plugin" }),
      seen: Effect.map(fake.requests, (log) => log.map((r) => `${r.method} ${r.path}`))
    }
  })
