/**
 * Helpers for the FakeCrisp tests: build requests, read answers.
 */
import { Effect } from "effect"
import { FakeCrisp } from "../../src/testing.js"

export const PLUGIN = { identifier: "plugin-identifier", key: "plugin-key", tier: "plugin" } as const

export interface Credentials {
  readonly identifier: string
  readonly key: string
  readonly tier: string
}

export interface CallOptions {
  readonly query?: Record<string, string>
  /** A value to JSON-encode, or a raw string with `raw: true`. */
  readonly body?: unknown
  readonly raw?: boolean
  /** Default: the default plugin token. `null`: no Authorization header. */
  readonly as?: Credentials | null
  readonly headers?: Record<string, string>
}

export const basic = (identifier: string, key: string) =>
  "Basic " + Buffer.from(`${identifier}:${key}`, "utf8").toString("base64")

export const headersFor = (options: CallOptions): Record<string, string> => {
  const as = options.as === undefined ? PLUGIN : options.as
  const headers: Record<string, string> = { ...options.headers }
  if (as !== null) {
    headers.authorization = basic(as.identifier, as.key)
    headers["x-crisp-tier"] = as.tier
  }
  if (options.body !== undefined) headers["content-type"] = "application/json"
  return headers
}

export const bodyFor = (options: CallOptions): string | undefined =>
  options.body === undefined ? undefined : options.raw === true ? String(options.body) : JSON.stringify(options.body)

export const request = (method: string, path: string, options: CallOptions = {}): FakeCrisp.FakeRequest => ({
  method,
  path,
  query: options.query ?? {},
  headers: headersFor(options),
  body: bodyFor(options)
})

export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  readonly json: unknown
}

/** The envelope's `data`, typed as the test expects it. */
export const dataOf = <T>(answer: Answer): T => (answer.json as { readonly data: T }).data

/** Calls the fake in-process. Fails the test on a dropped connection. */
export const call = (fake: FakeCrisp.FakeCrisp, method: string, path: string, options: CallOptions = {}) =>
  Effect.flatMap(fake.handle(request(method, path, options)), (response) =>
    "drop" in response
      ? Effect.dieMessage("unexpected drop")
      : Effect.succeed<Answer>({
        status: response.status,
        headers: response.headers,
        text: response.body,
        json: response.body === "" ? undefined : JSON.parse(response.body)
      }))

/** Calls a served fake with real `fetch`. */
export const fetchCall = (baseUrl: string, method: string, path: string, options: CallOptions = {}) =>
  Effect.promise(async (): Promise<Answer> => {
    const query = new URLSearchParams(options.query ?? {}).toString()
    const body = bodyFor(options)
    const response = await fetch(baseUrl + path + (query === "" ? "" : "?" + query), {
      method,
      headers: headersFor(options),
      ...(body === undefined ? {} : { body })
    })
    const text = await response.text()
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name] = value
    })
    let json: unknown
    try {
      json = text === "" ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, headers, text, json }
  })

/** `fetch` that resolves with the thrown error instead of a response. */
export const fetchError = (url: string, init?: RequestInit) =>
  Effect.promise(() => fetch(url, init).then(() => undefined, (error: unknown) => error))
