/**
 * Batch behaviour over the fake's conversations: resolving, reopening and
 * removing many conversations at once. The targets are the `sessions` listed (an
 * unknown session is skipped, as one that was removed meanwhile) and the
 * conversations of `inbox_id` (the fake's conversations are in no inbox, so an
 * inbox names none). The other batch rows validate their body and change nothing.
 */
import type { BatchConversations } from "../../../schemas/Batch.js"
import type { ConversationRecord, ConversationState } from "../model.js"
import { type Handlers, ok, type Reply, type RouteContext } from "../router.js"
import { withWebsite } from "./common.js"

const targets = (ctx: RouteContext): ReadonlyArray<ConversationRecord> => {
  const input = ctx.input as BatchConversations
  const websiteId = ctx.params.website_id ?? ""
  const found: Array<ConversationRecord> = []
  for (const sessionId of new Set(input.sessions ?? [])) {
    const conversation = ctx.store.conversation(websiteId, sessionId)
    if (conversation !== undefined) found.push(conversation)
  }
  return found
}

const each = (f: (ctx: RouteContext, conversation: ConversationRecord) => void) => (ctx: RouteContext): Reply =>
  withWebsite(ctx, () => {
    for (const conversation of targets(ctx)) f(ctx, conversation)
    return ok()
  })

const toState = (state: ConversationState) =>
  each((ctx, conversation) => ctx.store.setState(conversation, state, ctx.now))

/** The hand-written batch handlers, by function name. */
export const handlers: Handlers = {
  "WebsiteBatch.resolveConversations": toState("resolved"),
  "WebsiteBatch.unresolveConversations": toState("unresolved"),
  "WebsiteBatch.removeConversations": each((ctx, conversation) => ctx.store.removeConversation(conversation, ctx.now))
}
