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
export * as Website from "./resources/Website.js"
export * as WebsiteSettings from "./resources/WebsiteSettings.js"
export * as WebsiteOperators from "./resources/WebsiteOperators.js"
export * as UserSession from "./resources/UserSession.js"
export * as UserProfile from "./resources/UserProfile.js"
export * as PluginConnect from "./resources/PluginConnect.js"
export * as PluginSubscription from "./resources/PluginSubscription.js"
export * as WebsiteInbox from "./resources/WebsiteInbox.js"
export * as WebsiteTeams from "./resources/WebsiteTeams.js"
export * as WebsiteConnect from "./resources/WebsiteConnect.js"
export * as CrispEvents from "./realtime/CrispEvents.js"
export * as CrispEvent from "./realtime/CrispEvent.js"
