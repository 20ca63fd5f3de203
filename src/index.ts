/**
 * effect-crisp: the Crisp customer-messaging API as Effects, Streams and Layers.
 *
 * @since 0.1.0
 */
export * as Crisp from "./Crisp.js"
export * from "./CrispError.js"
export * as CrispHttp from "./CrispHttp.js"
