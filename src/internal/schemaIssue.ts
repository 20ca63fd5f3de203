import { ParseResult } from "effect"

/** The first problem of a ParseError as one line naming the field: `at data.email: Expected string, actual 1`. */
export const formatIssue = (error: ParseResult.ParseError): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues[0]
  if (first === undefined) return error.message
  const where = first.path.length === 0 ? "" : `at ${first.path.map(String).join(".")}: `
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""
  return where + first.message + more
}
