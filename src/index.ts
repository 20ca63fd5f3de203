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
export * as Website from "./resources/Website.js"
export * as WebsiteSettings from "./resources/WebsiteSettings.js"
export * as WebsiteOperators from "./resources/WebsiteOperators.js"
export * as UserSession from "./resources/UserSession.js"
export * as UserProfile from "./resources/UserProfile.js"
