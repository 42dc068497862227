-- The ceiling: an authenticated GET that does one primary-key read. Each request uses the next buyer's token.
local tokens = {}
local next_token = 1
local failures = 0

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  next_token = (id or 0) * 997 % #tokens + 1
end

function setup(thread)
  threads = threads or {}
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  return wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + (thread:get("failures") or 0) end
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "failures": %d, "socketErrors": %d, "p50Us": %d, "p95Us": %d, "p99Us": %d}\n',
    summary.requests, summary.duration / 1e6, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
