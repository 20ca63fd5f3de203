/**
 * Visitors and identity verification routes (`website/{website_id}/visitors/...`,
 * `.../verify/key`), by the client's function names, where the generic answers
 * would not behave like Crisp: nobody is blocked in the fake, and rolling the
 * verify key changes the key that is read back.
 */
import { type Handlers, ok, type RouteContext } from "../router.js"
import { withWebsite } from "./common.js"

const keyOf = (websiteId: string) => `fake:verify-key\u0000${websiteId}`

const newSecret = (): string => globalThis.crypto.randomUUID().replaceAll("-", "")

/** The website's verify secret: made on first read, replaced by a roll. */
const secretOf = (ctx: RouteContext, websiteId: string): string => {
  const stored = ctx.store.documents.get(keyOf(websiteId))
  if (typeof stored === "string") return stored
  const secret = newSecret()
  ctx.store.documents.set(keyOf(websiteId), secret)
  return secret
}

/** The visitors and verify rows of the client's route table that need a hand-written answer. */
export const handlers: Handlers = {
  "WebsiteVisitors.countBlocked": (ctx) => withWebsite(ctx, () => ok([])),
  "WebsiteVisitors.countBlockedInRule": (ctx) => withWebsite(ctx, () => ok({ rule: [ctx.params.rule ?? ""], blocked: 0 })),
  "WebsiteVisitors.clearBlockedInRule": (ctx) => withWebsite(ctx, () => ok()),
  "WebsiteVerify.getKey": (ctx) => withWebsite(ctx, (website) => ok({ secret: secretOf(ctx, website.website_id) })),
  "WebsiteVerify.rollKey": (ctx) =>
    withWebsite(ctx, (website) => {
      ctx.store.documents.set(keyOf(website.website_id), newSecret())
      return ok()
    })
}
