/**
 * Where a website's realtime socket lives.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteConnect.<function>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConnect } from "effect-crisp"
 *
 * const socketUrl = WebsiteConnect.getEndpoints("website-id").pipe(Effect.map((endpoints) => endpoints.socket?.app))
 * ```
 *
 * @since 0.2.0
 */
import { routes } from "../internal/rest/route.js"
import { ConnectEndpoints } from "../schemas/Connect.js"

const route = routes("WebsiteConnect")

/**
 * Gets a website's realtime endpoints (`GET website/{website_id}/connect/endpoints`):
 * `socket.app` is the socket.io URL, `rescue.socket` the fallback. (`CrispRtm`
 * of tier `website` discovers its endpoint by itself, with
 * `website/connect/endpoints`.)
 *
 * Crisp reference: Get Connect Endpoints.
 *
 * @example
 * ```ts
 * import { WebsiteConnect } from "effect-crisp"
 *
 * const endpoints = WebsiteConnect.getEndpoints("website-id")
 * ```
 *
 * @since 0.2.0
 * @category connect
 */
export const getEndpoints = route("getEndpoints", {
  method: "GET",
  path: "website/{website_id}/connect/endpoints",
  label: "Get Connect Endpoints",
  ref: "#get-website-connect-endpoints",
  official: "website.getConnectEndpoints",
  response: ConnectEndpoints,
  fake: { kind: "custom" }
})
