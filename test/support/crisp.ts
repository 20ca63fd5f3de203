/**
 * `CrispHttp` pointed at a {@link Loopback} server over a real transport, with tiny
 * retry delays so tests wait milliseconds.
 */
import { FetchHttpClient } from "@effect/platform"
import { Layer, Redacted } from "effect"
import * as CrispHttp from "../../src/CrispHttp.js"
import type { Loopback } from "./loopback.js"

/** Token identifier used by the tests. */
export const IDENTIFIER = "7f1d2c3b-test-identifier"
/** Token key used by the tests: distinctive, so any leak of it is easy to find. */
export const KEY = "sEcReT-kEy-0f9e8d7c6b5a"

/** The REST base URL of a loopback server (`<origin>/v1/`). */
export const restUrl = (server: Pick<Loopback, "origin">): string => `${server.origin}/v1/`

/** Retry policy with millisecond delays. */
export const fastRetry = { maxAttempts: 3, baseDelay: "5 millis", maxDelay: "20 millis" } as const

/** `CrispHttp` over `FetchHttpClient` against `server` (anything with an `origin`); `options` replace the defaults. */
export const layer = (
  server: Pick<Loopback, "origin">,
  options: Partial<CrispHttp.Options> = {}
): Layer.Layer<CrispHttp.CrispHttp> =>
  CrispHttp.layer({
    identifier: IDENTIFIER,
    key: Redacted.make(KEY),
    restUrl: restUrl(server),
    timeout: "2 seconds",
    retry: fastRetry,
    ...options
  }).pipe(Layer.provide(FetchHttpClient.layer))
