-- wrk script of scripts/soak.sh: a mix of every read endpoint plus a few bad requests that must
-- get a clean 4xx. Every answer is counted by status; an error answer counts as expected only when
-- it is the refusal one of our bad requests asks for (its error code, and a marker it echoes back)
-- and this thread sent at least as many of that kind. Everything else outside 2xx is unexpected.
-- done() prints one line "SOAK-WRK {json}" for scripts/soak/report.py.
--
-- wrk runs each thread in its own Lua state: counts live per thread and are summed in done().

local feeds = os.getenv("SOAK_FEEDS") or "kospi,kosdaq,all"

local function good(path) return { path = path } end

-- A bad request: `expect` is "<status>:<error code>", `marker` a text the error message echoes.
local function bad(method, path, headers, expect, marker)
   return { method = method, path = path, headers = headers, expect = expect, marker = marker }
end

local mix = {
   good("/api/volume-ranking"),
   good("/api/volume-ranking?market=kospi"),
   good("/api/volume-ranking?market=kosdaq"),
   good("/api/volume-ranking?market=all"),
   good("/api/volume-ranking?market=KOSPI"),
   good("/api/feeds"),
   good("/api/status"),
   good("/api/health"),
   good("/metrics"),
   good("/api/volume-ranking?market=kospi"),
   good("/api/volume-ranking?market=all"),
   good("/api/health"),
   bad("GET", "/api/soak-no-such-endpoint", nil, "404:not_found", "soak-no-such-endpoint"),
   bad("GET", "/api/volume-ranking?market=soak-nyse", nil, "400:unknown_market", "soak-nyse"),
   bad("POST", "/api/health", { ["Content-Length"] = "0" }, "405:method_not_allowed", "POST"),
   bad("GET", "/api/status", { ["Host"] = "soak-rebinding.example:80" }, "403:forbidden_host", "host"),
   bad("GET", "/api/status", { ["Origin"] = "https://soak-evil.example" }, "403:forbidden_origin",
       "soak-evil.example"),
}
for id in string.gmatch(feeds, "[^,]+") do
   table.insert(mix, good("/api/feeds/" .. id))
   table.insert(mix, good("/api/volume-ranking?feed=" .. id))
end

local threads = {}

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

local requests = {}
local next_index = 0
statuses = {}   -- status -> count
unexpected = {} -- status -> count
sent = {}       -- expect -> bad requests of that kind sent
accepted = {}   -- expect -> refusals of that kind received
bodies_empty = 0

function init(args)
   for i, r in ipairs(mix) do
      requests[i] = wrk.format(r.method or "GET", r.path, r.headers)
   end
   next_index = id or 0 -- threads start at different places in the mix
end

-- wrk keeps one request outstanding per connection and answers in order, so per thread the
-- responses of a kind never outnumber the requests of that kind.
function request()
   next_index = next_index % #mix + 1
   local r = mix[next_index]
   if r.expect then
      sent[r.expect] = (sent[r.expect] or 0) + 1
   end
   return requests[next_index]
end

local function refusal_kind(status, body)
   local code = body and string.match(body, '"code"%s*:%s*"([%w_]+)"')
   if not code then
      return nil
   end
   local expect = status .. ":" .. code
   for _, r in ipairs(mix) do
      if r.expect == expect and string.find(body, r.marker, 1, true) then
         return expect
      end
   end
   return nil
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if status >= 200 and status < 300 then
      if body == nil or #body == 0 then
         bodies_empty = bodies_empty + 1
      end
      return
   end
   local kind = refusal_kind(status, body)
   if kind and (accepted[kind] or 0) < (sent[kind] or 0) then
      accepted[kind] = (accepted[kind] or 0) + 1
   else
      unexpected[status] = (unexpected[status] or 0) + 1
   end
end

local function merge(into, from)
   for k, v in pairs(from or {}) do
      into[k] = (into[k] or 0) + v
   end
end

local function json_object(t)
   local parts = {}
   for k, v in pairs(t) do
      table.insert(parts, string.format('"%s":%d', tostring(k), v))
   end
   return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests_stats)
   local all_statuses, all_unexpected, all_accepted, empty = {}, {}, {}, 0
   for _, thread in ipairs(threads) do
      merge(all_statuses, thread:get("statuses"))
      merge(all_unexpected, thread:get("unexpected"))
      merge(all_accepted, thread:get("accepted"))
      empty = empty + (thread:get("bodies_empty") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      'SOAK-WRK {"requests":%d,"duration_us":%d,"bytes":%d,"statuses":%s,"unexpected":%s,' ..
      '"expected_refusals":%s,"empty_2xx_bodies":%d,"errors":{"connect":%d,"read":%d,"write":%d,' ..
      '"status":%d,"timeout":%d},"latency_us":{"p50":%d,"p99":%d,"max":%d}}\n',
      summary.requests, summary.duration, summary.bytes, json_object(all_statuses),
      json_object(all_unexpected), json_object(all_accepted), empty, e.connect, e.read, e.write,
      e.status, e.timeout, latency:percentile(50), latency:percentile(99), latency.max))
end
