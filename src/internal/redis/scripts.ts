/**
 * The budget of one token in Redis: one hash per token, changed only by these Lua
 * scripts, so that each change is atomic across processes. Time is Redis's own
 * (`TIME`), never a process's clock.
 *
 * Fields of the hash:
 * - `g` generation: a random id written when the hash is (re)created. A process that
 *   meets another generation (or none) knows Redis lost the state and adds back what
 *   it spent today (`restore`).
 * - `d`, `u`: the UTC day number and the requests counted in it.
 * - `t`: GCRA theoretical arrival time (ms); `r`: the rate in force (absent: unpaced).
 * - `p`: paused until (ms); `e`: pause epoch (see `Ticket`).
 * - `ws`, `wc`, `wp`: start of the answer-count window, its count and the previous one's.
 * - `s`: the slot of the last caller that had to wait for one (demand above the rate).
 *
 * Every script answers an array of strings; the first says which case it is.
 */
import { createHash } from "node:crypto"
import { DAY_MS, EASE_BLIND, EASE_TOLD, PROBE_STEP, RECOVERY_SHARE, WINDOW_MS } from "../http/budget.js"

export interface Script {
  readonly name: string
  readonly lua: string
  readonly sha: string
}

const script = (name: string, body: string): Script => {
  const lua = PRELUDE + body
  return { name, lua, sha: createHash("sha1").update(lua).digest("hex") }
}

/** `now` in ms from Redis's clock, the day, and the answer-count window. */
const PRELUDE = `
local key = KEYS[1]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local day = math.floor(now / ${DAY_MS})
local function window(ws, wc, wp)
  ws = tonumber(ws) or now
  wc = tonumber(wc) or 0
  wp = tonumber(wp) or 0
  if now - ws >= ${2 * WINDOW_MS} then
    return now, 0, 0
  elseif now - ws >= ${WINDOW_MS} then
    return ws + ${WINDOW_MS}, 0, wc
  end
  return ws, wc, wp
end
local function str(n)
  if n == nil then return '' end
  return string.format('%.17g', n)
end
`

/**
 * Counts a request against the day (mode `new`) and reserves its slot; or, after a
 * wait (mode = the epoch the slot was reserved in), confirms the slot when no pause
 * came since, and reserves a new one when one did.
 *
 * ARGV: generation, configured rate (0: none), burst, daily (-1: none), ttl ms, mode.
 * Answers `reset` | `exhausted, used, resetsAt` | `go, wait ms, epoch, used, rate, now`.
 */
export const acquire: Script = script("acquire", `
local h = redis.call('HMGET', key, 'g', 'd', 'u', 't', 'p', 'e', 'r')
if h[1] ~= ARGV[1] then return {'reset'} end
local used = tonumber(h[3]) or 0
if tonumber(h[2]) ~= day then used = 0 end
local epoch = tonumber(h[6]) or 0
local configured = tonumber(ARGV[2])
local rate = tonumber(h[7])
if configured > 0 and (rate == nil or rate > configured) then rate = configured end
if ARGV[6] == 'new' then
  local daily = tonumber(ARGV[4])
  if daily >= 0 and used >= daily then
    return {'exhausted', str(used), str((day + 1) * ${DAY_MS})}
  end
  used = used + 1
elseif tonumber(ARGV[6]) == epoch then
  return {'go', '0', str(epoch), str(used), str(rate), str(now)}
end
local start = math.max(now, tonumber(h[5]) or 0)
local tat = tonumber(h[4]) or 0
local at = start
if rate ~= nil then
  local interval = 1000 / rate
  local arrival = math.max(tat, start)
  at = math.max(start, arrival - (tonumber(ARGV[3]) - 1) * interval)
  tat = arrival + interval
  if at > now then redis.call('HSET', key, 's', at) end
end
redis.call('HSET', key, 'd', day, 'u', used, 't', tat)
redis.call('PEXPIRE', key, ARGV[5])
return {'go', str(math.max(0, math.ceil(at - now))), str(epoch), str(used), str(rate), str(now)}
`)

/**
 * A request of `epoch` was refused (420/429). When no pause came since it left, the
 * rate is lowered (or, learning, set to what succeeded over the last second), every
 * caller is paused and the epoch moves on; otherwise only a longer `Retry-After` counts.
 *
 * ARGV: generation, configured rate (0: none), min rate, adaptive (1/0), epoch,
 * retry-after ms (-1: none), ttl ms. Answers `reset` | `stale` | `fresh, rate, pausedUntil`.
 */
export const limited: Script = script("limited", `
local h = redis.call('HMGET', key, 'g', 'p', 'e', 'r', 'ws', 'wc', 'wp', 't')
if h[1] ~= ARGV[1] then return {'reset'} end
local paused = tonumber(h[2]) or 0
local epoch = tonumber(h[3]) or 0
local retry = tonumber(ARGV[6])
if tonumber(ARGV[5]) ~= epoch then
  if retry >= 0 and now + retry > paused then
    redis.call('HSET', key, 'p', now + retry, 't', math.max(tonumber(h[8]) or 0, now + retry))
  end
  return {'stale'}
end
local configured = tonumber(ARGV[2])
local floor = tonumber(ARGV[3])
local rate = tonumber(h[4])
local ease = ${EASE_TOLD}
if retry < 0 then ease = ${EASE_BLIND} end
if configured > 0 then
  rate = math.max(floor, math.min(rate or configured, configured) * ease)
elseif ARGV[4] == '1' then
  if rate == nil then
    local ws, wc, wp = window(h[5], h[6], h[7])
    local seen = wc + wp * math.max(0, 1 - (now - ws) / ${WINDOW_MS})
    if seen >= 1 then rate = math.max(floor, seen) end
  else
    rate = math.max(floor, rate * ease)
  end
end
local pause = retry
if pause < 0 then
  pause = 0
  if rate ~= nil then pause = 1000 / rate end
end
paused = math.max(paused, now + pause)
redis.call('HSET', key, 'p', paused, 't', paused, 'e', epoch + 1)
if rate ~= nil then redis.call('HSET', key, 'r', rate) end
redis.call('PEXPIRE', key, ARGV[7])
return {'fresh', str(rate), str(paused)}
`)

/**
 * A request was answered without a rate limit: count it in the window, recover a
 * lowered configured rate, or probe a learnt one upward while callers wait for slots.
 *
 * ARGV: generation, configured rate (0: none), ttl ms. Answers `reset` | `ok, rate`.
 */
export const answered: Script = script("answered", `
local h = redis.call('HMGET', key, 'g', 'r', 'ws', 'wc', 'wp', 's')
if h[1] ~= ARGV[1] then return {'reset'} end
local ws, wc, wp = window(h[3], h[4], h[5])
local configured = tonumber(ARGV[2])
local rate = tonumber(h[2])
if rate ~= nil then
  if configured > 0 then
    if rate < configured then rate = math.min(configured, rate + configured * ${RECOVERY_SHARE}) end
  elseif now - (tonumber(h[6]) or 0) < ${WINDOW_MS} then
    rate = rate + ${PROBE_STEP}
  end
  redis.call('HSET', key, 'r', rate)
end
redis.call('HSET', key, 'ws', ws, 'wc', wc + 1, 'wp', wp)
redis.call('PEXPIRE', key, ARGV[3])
return {'ok', str(rate)}
`)

/**
 * Joins the shared budget: adopts the generation in Redis, or creates one when the
 * hash is gone (first use, or Redis restarted empty). Then adds what this process
 * spent that Redis does not know of: everything it spent today when it meets a new
 * generation, else only what it spent while Redis was unreachable.
 *
 * ARGV: generation known ('' if none), new generation, day of the counts (-1: none),
 * spent today, spent unseen, ttl ms. Answers `joined, generation, used`.
 */
export const restore: Script = script("restore", `
local h = redis.call('HMGET', key, 'g', 'd', 'u')
local generation = h[1]
if not generation then
  generation = ARGV[2]
  redis.call('HSET', key, 'g', generation)
end
local used = tonumber(h[3]) or 0
if tonumber(h[2]) ~= day then used = 0 end
local add = tonumber(ARGV[5])
if generation ~= ARGV[1] then add = tonumber(ARGV[4]) end
if tonumber(ARGV[3]) == day and add > 0 then used = used + add end
redis.call('HSET', key, 'd', day, 'u', used)
redis.call('PEXPIRE', key, ARGV[6])
return {'joined', generation, str(used)}
`)

/**
 * The shared numbers. ARGV: generation, configured rate (0: none).
 * Answers `reset` | `ok, used, rate, pausedUntil, now`.
 */
export const state: Script = script("state", `
local h = redis.call('HMGET', key, 'g', 'd', 'u', 'p', 'r')
if h[1] ~= ARGV[1] then return {'reset'} end
local used = tonumber(h[3]) or 0
if tonumber(h[2]) ~= day then used = 0 end
local rate = tonumber(h[5])
local configured = tonumber(ARGV[2])
if configured > 0 and (rate == nil or rate > configured) then rate = configured end
return {'ok', str(used), str(rate), str(tonumber(h[4]) or 0), str(now)}
`)
