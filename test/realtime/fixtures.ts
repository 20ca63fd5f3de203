/**
 * One valid payload per event name, written by hand from the `crisp-api@11.3.0`
 * event types (shared/crisp/models.json `events`), in the shape Crisp sends them.
 */
import type { EventName } from "../../src/realtime/CrispEvent.js"

const website_id = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc"
const session_id = "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"
const inbox_id = null
const session = { website_id, session_id, inbox_id }
const user = { type: "participant", user_id: "session_700c65e1", nickname: "Jane" }
const message = {
  ...session,
  from: "user",
  origin: "chat",
  fingerprint: 150698569649423,
  timestamp: 1506985696616,
  user,
  stamped: true
}
const bucket = {
  from: "operator",
  id: "d0c1",
  identifier: "avatar-upload",
  resource: { type: "website", id: website_id },
  policy: { size_limit: 10485760 },
  type: "image/png",
  url: { resource: "https://storage.example.com/a.png", signed: "https://storage.example.com/a.png?sig=1" }
}
const ack = { ...session, origin: "chat", fingerprints: [150698569649423, 150698569649424] }
const geolocation = { country: "FR", region: "Brittany", city: "Nantes", coordinates: { latitude: 47.2, longitude: -1.5 } }

export const samples: { readonly [N in EventName]: unknown } = {
  "session:update_availability": { ...session, availability: "online" },
  "session:update_verify": {
    ...session,
    is_verified: true,
    verifications: [{ identity: "email", method: "hmac", annotation: "signed" }],
    routing_ids: ["r1"]
  },
  "session:request:initiated": session,
  "session:set_email": { ...session, email: "jane@example.com" },
  "session:set_phone": { ...session, phone: "+33600000000" },
  "session:set_address": { ...session, address: "1 rue de la Paix, Paris" },
  "session:set_subject": { ...session, subject: "Billing question" },
  "session:set_avatar": { ...session, avatar: "https://example.com/jane.png" },
  "session:set_nickname": { ...session, nickname: "Jane" },
  "session:set_origin": { ...session, origin: "email" },
  "session:set_data": { ...session, data: { plan: "pro", seats: 3, trial: false } },
  "session:sync:pages": {
    ...session,
    pages: [{ page_url: "https://example.com/pricing", page_title: "Pricing", timestamp: 1506985696616 }]
  },
  "session:sync:events": {
    ...session,
    events: [{ text: "Signed up", data: { plan: "pro" }, color: "green", timestamp: 1506985696616 }]
  },
  "session:sync:capabilities": { ...session, capabilities: ["call", "browsing"] },
  "session:sync:geolocation": { ...session, geolocation },
  "session:sync:system": {
    ...session,
    system: {
      os: { version: "14", name: "macOS" },
      engine: { name: "Blink", version: "120" },
      browser: { major: "120", version: "120.0.1", name: "Chrome" },
      useragent: "Mozilla/5.0"
    }
  },
  "session:sync:network": { ...session, network: { ip: "203.0.113.7", connection: { isp: "Example ISP", asn: "AS64500" } } },
  "session:sync:timezone": { ...session, timezone: { offset: -120 } },
  "session:sync:locales": { ...session, locales: { locales: ["fr", "en"] } },
  "session:sync:rating": { ...session, rating: { stars: 5, comment: "Great" } },
  "session:sync:topic": { ...session, topic: "billing" },
  "session:set_state": { ...session, state: "resolved" },
  "session:set_block": { ...session, is_blocked: false },
  "session:set_segments": { ...session, segments: ["vip"] },
  "session:set_opened": { ...session, operator: { user_id: "op-1", avatar: null, nickname: "Bob" } },
  "session:set_closed": { ...session, operator: { user_id: "op-1" } },
  "session:set_participants": { ...session, participants: [{ target: "jane@example.com", type: "email" }] },
  "session:set_mentions": { ...session, mentions: ["op-1"] },
  "session:set_routing": { ...session, routing_id: "r2", previous_routing_id: null },
  "session:set_inbox": { ...session, inbox_id: "inbox-2", previous_inbox_id: null },
  "session:removed": session,
  "session:error": { ...session, type: "email", value: "bad@", previous_value: "jane@example.com" },
  "message:updated": { ...session, fingerprint: 150698569649423, content: "edited" },
  "message:send": { ...message, type: "text", content: "Hey :)" },
  "message:received": { ...message, from: "operator", type: "note", content: "internal note" },
  "message:removed": { ...session, fingerprint: 150698569649423 },
  "message:compose:send": { ...session, type: "start", excerpt: "Hel", timestamp: 1506985696616 },
  "message:compose:receive": { ...session, type: "stop", timestamp: 1506985696616, user },
  "message:acknowledge:read:send": ack,
  "message:acknowledge:read:received": ack,
  "message:acknowledge:unread:send": ack,
  "message:acknowledge:delivered": ack,
  "message:acknowledge:ignored": { ...ack, details: { type: "email", reason: "bounced" } },
  "message:notify:unread:send": session,
  "message:notify:unread:received": session,
  "spam:message": {
    website_id,
    spam_id: "spam-1",
    type: "email",
    reason: "blocklist",
    metadata: { score: 9 },
    headers: { from: "x@example.com" },
    timestamp: 1506985696616
  },
  "spam:decision": { website_id, spam_id: "spam-1", action: "drop" },
  "people:profile:created": { website_id, people_id: "p-1", email: "jane@example.com" },
  "people:profile:updated": {
    website_id,
    people_id: "p-1",
    update: { updated_at: 1506985696616, person: { nickname: "Jane", geolocation, employment: { name: "Acme" } } }
  },
  "people:profile:removed": { website_id, people_id: "p-1" },
  "people:bind:session": { ...session, people_id: "p-1" },
  "people:sync:profile": {
    ...session,
    people_id: "p-1",
    identity: { person: { nickname: "Jane" }, company: { name: "Acme", url: "https://acme.example" } }
  },
  "people:import:progress": {
    website_id,
    progress: 40,
    count: { skipped: 1, remaining: 59 },
    items: { skipped: [{ identifier: null, reason: "invalid email" }] }
  },
  "people:import:done": { website_id, error: false },
  "campaign:progress": { website_id, campaign_id: "c-1", progress: 50 },
  "campaign:dispatched": { website_id, campaign_id: "c-1" },
  "campaign:running": { website_id, campaign_id: "c-1", running: true },
  "browsing:request:initiated": { ...session, browsing_id: "b-1", browsing_token: "tok" },
  "browsing:request:rejected": session,
  "call:request:initiated": { ...session, call_id: "call-1" },
  "call:request:rejected": { ...session, call_id: "call-1" },
  "identity:verify:request": {
    website_id,
    plugin_id: "plugin-1",
    session_id,
    target: "jane@example.com",
    code: "123456",
    confirm_url: "https://example.com/confirm"
  },
  "status:health:changed": { website_id, health: "sick", nodes: [{ label: "api", replica: "eu-1" }] },
  "website:update_visitors_count": { website_id, visitors_count: 12 },
  "website:update_operators_availability": { website_id, user_id: "op-1", availability: { type: "offline" } },
  "website:users:available": { website_id, available: true },
  "bucket:url:upload:generated": bucket,
  "bucket:url:avatar:generated": bucket,
  "bucket:url:website:generated": bucket,
  "bucket:url:campaign:generated": bucket,
  "bucket:url:helpdesk:generated": bucket,
  "bucket:url:status:generated": bucket,
  "bucket:url:processing:generated": bucket,
  "media:animation:listed": { id: 1, identifier: "giphy", results: [{ type: "image/gif", url: "https://example.com/a.gif" }] },
  "email:subscribe": { website_id, email: "jane@example.com", subscribed: true },
  "email:track:view": { website_id, type: "campaign", identifier: "c-1", mode: "open" },
  "plugin:channel": { website_id, plugin_id: "plugin-1", identifier: "x", namespace: "ns", payload: [1, 2] },
  "plugin:event": { website_id, plugin_id: "plugin-1", urn: "urn:x", name: "clicked", data: { n: 1 } },
  "plugin:subscription:updated": { website_id, plugin_id: "plugin-1", bound: true, target: "website" },
  "plugin:settings:saved": { website_id, plugin_id: "plugin-1", settings: { color: "red" } },
  "plan:subscription:updated": { website_id, plan: { id: "plan-1", name: "Unlimited", price: 95, trialing: false } },
  "widget:action:processed": {
    ...session,
    plugin_id: "plugin-1",
    correlation_id: "corr-1",
    outcome: "success",
    result: { ok: true }
  }
}
