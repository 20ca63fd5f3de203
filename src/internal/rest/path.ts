/**
 * Path templates such as `"website/{website_id}/conversations/{page_number}"`:
 * parsed once, filled per call with URL-encoded segments.
 *
 * `{name}` takes one segment: the value is encoded whole, so a `/` in it is sent
 * as `%2F`. `{...name}` (last in a template, e.g. a helpdesk page path such as
 * `getting-started/billing`) takes one or more segments: the value is split on
 * `/` and each part is encoded on its own.
 */

/** The `{name}` and `{...name}` placeholders of a path template, as a union of names. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `...${infer Tail}` ? Tail : Name) | PathParams<Rest>
  : never

/** A value that can stand in one path segment. */
export type PathValue = string | number

type Part = { readonly literal: string } | { readonly param: string; readonly many: boolean }

/** A parsed template: fills its placeholders, or says which value cannot be a segment. */
export interface PathTemplate {
  readonly template: string
  readonly fill: (params: Readonly<Record<string, PathValue>> | undefined) => string | PathProblem
}

/** Why a value could not be used as a path segment. */
export class PathProblem {
  constructor(readonly issue: string) {}
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, "")

/** Parses a template once. Leading and trailing slashes are ignored. */
export const parseTemplate = (template: string): PathTemplate => {
  const clean = trimSlashes(template)
  const parts: ReadonlyArray<Part> = clean.split("/").map((segment) => {
    const match = /^\{(\.\.\.)?([A-Za-z0-9_]+)\}$/.exec(segment)
    return match ? { param: match[2]!, many: match[1] !== undefined } : { literal: segment }
  })
  if (parts.some((p, i) => "param" in p && p.many && i !== parts.length - 1)) {
    throw new Error(`path template ${clean}: a {...name} placeholder must be the last segment`)
  }
  if (!parts.some((p) => "param" in p)) {
    return { template: clean, fill: () => clean }
  }
  return {
    template: clean,
    fill: (params) => {
      let out = ""
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!
        let segment: string
        if ("literal" in part) {
          segment = part.literal
        } else {
          const value = params?.[part.param]
          const encoded = part.many ? encodeSegments(value) : encodeSegment(value)
          if (typeof encoded !== "string") return new PathProblem(`${part.param} ${encoded.issue}`)
          segment = encoded
        }
        out = i === 0 ? segment : out + "/" + segment
      }
      return out
    }
  }
}

/**
 * Encodes one path segment, so that an id such as `a/b?c#d` stays one segment.
 * Empty values and the dot segments `.` and `..` are refused: URL parsers resolve
 * them, which would send the request to another route.
 */
export const encodeSegment = (value: unknown): string | PathProblem => {
  if (typeof value === "number") {
    return Number.isFinite(value) ? String(value) : new PathProblem(`must be a finite number, got ${value}`)
  }
  if (typeof value !== "string") return new PathProblem(`must be a string or a number, got ${value === null ? "null" : typeof value}`)
  if (value === "") return new PathProblem("must not be empty")
  if (value === "." || value === "..") return new PathProblem(`must not be ${JSON.stringify(value)}`)
  return encodeURIComponent(value)
}

/**
 * Encodes a value of one or more segments (`getting-started/billing`): split on
 * `/`, each part encoded by {@link encodeSegment}, so spaces, `?`, `#`, `%` and
 * non-ASCII letters stay inside their segment. Only strings are taken. Empty
 * segments (a leading, trailing or doubled `/`) and `.`/`..` segments are refused:
 * a server would resolve or collapse them into another path.
 */
export const encodeSegments = (value: unknown): string | PathProblem => {
  if (typeof value !== "string") return new PathProblem(`must be a string, got ${value === null ? "null" : typeof value}`)
  if (value === "") return new PathProblem("must not be empty")
  const parts = value.split("/")
  let out = ""
  for (let i = 0; i < parts.length; i++) {
    const encoded = encodeSegment(parts[i])
    if (typeof encoded !== "string") {
      const hint = parts[i] === "" ? " (a leading, trailing or doubled \"/\")" : ""
      return new PathProblem(`segment ${i + 1} of ${parts.length} ${encoded.issue}${hint}`)
    }
    out = i === 0 ? encoded : out + "/" + encoded
  }
  return out
}
