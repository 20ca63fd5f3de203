/**
 * The domain Schemas of the REST API: responses (decoded leniently — unknown
 * fields ignored, missing fields fine, a present field of the wrong type fails),
 * request bodies and query options (checked before anything is sent).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const conversation = Schema.decodeUnknownSync(Schemas.Conversation)({ session_id: "s", website_id: "w" })
 * ```
 *
 * @since 0.1.0
 */
export * from "./Conversation.js"
export * from "./Message.js"
export * from "./People.js"
export * from "./Visitor.js"
export * from "./Availability.js"
export * from "./Verify.js"
export * from "./Operator.js"
export * from "./Website.js"
export * from "./WebsiteSettings.js"
export * from "./User.js"
export * from "./Search.js"
export * from "./Campaign.js"
export * from "./Batch.js"
export * from "./Analytics.js"
export * from "./Plan.js"
export * from "./Bucket.js"
export * from "./Media.js"
export * from "./Helpdesk.js"
export * from "./Connect.js"
export * from "./Plugin.js"
export * from "./Inbox.js"
export * from "./Team.js"
