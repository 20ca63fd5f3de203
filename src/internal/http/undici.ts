/**
 * `CrispTransport.makeUndici` (effect-crisp/node): an `HttpClient` over an undici
 * `Dispatcher`. Its lean exchange is `dispatch.ts`'s; `execute` (anything else:
 * streamed bodies, spans) runs undici's `fetch` on the same dispatcher through
 * the platform's `HttpClient.make`.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { type Dispatcher, fetch as undiciFetch } from "undici"
import { dispatchExchange, type Dispatcher as LeanDispatcher } from "./dispatch.js"
import { withExchange } from "./exchange.js"
import { platformClient } from "./fetch.js"

/** The `HttpClient` of `CrispTransport.makeUndici`. */
export const makeUndici = (dispatcher: Dispatcher): HttpClient.HttpClient =>
  withExchange(
    platformClient((url, init) => undiciFetch(url, { ...init, dispatcher } as never) as unknown as Promise<Response>),
    dispatchExchange(dispatcher as unknown as LeanDispatcher)
  )
