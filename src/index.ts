/**
 * effect-crisp: the Crisp REST API as Effects and Layers. Realtime events (the
 * RTM socket, `CrispEvents`, `CrispEvent`) are in `effect-crisp/realtime`, Web
 * Hooks in `effect-crisp/webhooks`: nothing here imports them, so a REST program
 * bundles and loads no realtime code.
 *
 * @since 0.1.0
 */
export * as Crisp from "./Crisp.js"
export * from "./CrispError.js"
export * as CrispHttp from "./CrispHttp.js"
export * as CrispTransport from "./CrispTransport.js"
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
export * as PluginConnect from "./resources/PluginConnect.js"
export * as PluginSubscription from "./resources/PluginSubscription.js"
export * as WebsiteInbox from "./resources/WebsiteInbox.js"
export * as WebsiteTeams from "./resources/WebsiteTeams.js"
export * as WebsiteConnect from "./resources/WebsiteConnect.js"
