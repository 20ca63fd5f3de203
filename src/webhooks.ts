/**
 * effect-crisp/webhooks: receive Crisp Web Hooks as the same `CrispEvents` stream the
 * realtime socket feeds, verify signatures by hand, and sign test deliveries.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const Events = CrispWebhooks.layer({ secret: Redacted.make("hook-signing-secret") })
 * ```
 *
 * @since 0.1.0
 */

/**
 * Signing and verification of deliveries (HMAC-SHA256 over `[timestamp;body]`).
 *
 * @since 0.1.0
 */
export * as Signature from "./webhooks/Signature.js"

/**
 * Case-insensitive reading of the delivery headers.
 *
 * @since 0.1.0
 */
export * as DeliveryHeaders from "./webhooks/DeliveryHeaders.js"

/**
 * @since 0.1.0
 */
export * from "./webhooks/WebhookError.js"

/**
 * The Web Hook events source: `layer`, the handlers, `verify` and `sign`.
 *
 * @since 0.1.0
 */
export * as CrispWebhooks from "./webhooks/CrispWebhooks.js"
