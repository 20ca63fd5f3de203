/**
 * Path templates: `{name}` fills one segment, `{...name}` (last) one or more.
 */
import { describe, expect, it } from "@effect/vitest"
import { parseTemplate, PathProblem } from "../../src/internal/rest/path.js"

describe("path templates", () => {
  const one = parseTemplate("website/{website_id}/page/{slug}")
  const many = parseTemplate("website/{website_id}/tree/{...path}")

  it("{name} keeps a / inside its one segment", () => {
    expect(one.fill({ website_id: "w", slug: "a/b" })).toBe("website/w/page/a%2Fb")
  })

  it("{...name} sends each part as its own encoded segment", () => {
    expect(many.fill({ website_id: "w/x", path: "a b/ç?/#%" })).toBe("website/w%2Fx/tree/a%20b/%C3%A7%3F/%23%25")
    expect(many.fill({ website_id: "w", path: "single" })).toBe("website/w/tree/single")
    expect(many.fill({ website_id: "w", path: "..." })).toBe("website/w/tree/...")
  })

  it("{...name} refuses empty and dot segments, saying which", () => {
    const problem = many.fill({ website_id: "w", path: "a/./b" })
    expect(problem).toBeInstanceOf(PathProblem)
    expect((problem as PathProblem).issue).toBe("path segment 2 of 3 must not be \".\"")
    expect((many.fill({ website_id: "w", path: "a/" }) as PathProblem).issue).toBe(
      "path segment 2 of 2 must not be empty (a leading, trailing or doubled \"/\")"
    )
  })

  it("keeps the template text, so rows and docs show {...name}", () => {
    expect(many.template).toBe("website/{website_id}/tree/{...path}")
  })

  it("refuses a {...name} placeholder that is not last", () => {
    expect(() => parseTemplate("website/{...path}/meta")).toThrow(/must be the last segment/)
  })
})
