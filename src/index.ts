/**
 * effect-crisp: the Crisp customer-messaging API as Effects, Streams and Layers.
 *
 * @since 0.1.0
 */
export * as Crisp from "./Crisp.js"
export * from "./CrispError.js"
export * as CrispHttp from "./CrispHttp.js"
export * as Schemas from "./schemas/index.js"
export * as WebsiteConversations from "./resources/WebsiteConversations.js"
export * as WebsitePeople from "./resources/WebsitePeople.js"
export * as WebsiteVisitors from "./resources/WebsiteVisitors.js"
export * as WebsiteAvailability from "./resources/WebsiteAvailability.js"
export * as WebsiteVerify from "./resources/WebsiteVerify.js"
export * as Website from "./resources/Website.js"
export * as WebsiteSettings from "./resources/WebsiteSettings.js"
export * as WebsiteOperators from "./resources/WebsiteOperators.js"
export * as UserSession from "./resources/UserSession.js"
export * as UserProfile from "./resources/UserProfile.js"
export * as WebsiteCampaign from "./resources/WebsiteCampaign.js"
export * as WebsiteBatch from "./resources/WebsiteBatch.js"
export * as WebsiteAnalytics from "./resources/WebsiteAnalytics.js"
export * as PlanSubscription from "./resources/PlanSubscription.js"
export * as BucketURL from "./resources/BucketURL.js"
export * as MediaAnimation from "./resources/MediaAnimation.js"
export * as WebsiteHelpdesk from "./resources/WebsiteHelpdesk.js"
export * as CrispEvents from "./realtime/CrispEvents.js"
export * as CrispEvent from "./realtime/CrispEvent.js"
export { CrispEventTimeout } from "./realtime/CrispRealtimeError.js"
