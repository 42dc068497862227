-- The on-sale load: every request is a different buyer (the next token) holding 1-4 tickets, 4 in 5 general
-- admission and 1 in 5 the best available seats, each with its own Idempotency-Key. A thread stops once it
-- has seen both ticket types sold out.
local tokens = {}
local next_token = 1
local counter = 0
local event, general, seated
local general_gone, seats_gone = false, false
local placed, refused, failures = 0, 0, 0
local codes = {}

function setup(thread)
  threads = threads or {}
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  event, general, seated = args[2], args[3], args[4]
  next_token = (id or 1) * 7919 % #tokens + 1
  math.randomseed(os.time() + (id or 1) * 104729)
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  counter = counter + 1
  local quantity = math.random(1, 4)
  local use_seats = (general_gone and not seats_gone) or (not seats_gone and math.random(1, 5) == 1)
  local body
  if use_seats then
    body = string.format('{"eventId":"%s","ticketTypeId":"%s","quantity":%d,"bestAvailable":true}', event, seated, quantity)
  else
    body = string.format('{"eventId":"%s","items":[{"ticketTypeId":"%s","quantity":%d}]}', event, general, quantity)
  end
  return wrk.format("POST", "/api/v1/holds", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("%d-%d-%d", id or 0, counter, math.random(1, 2147483647))
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    placed = placed + 1
    return
  end
  local code = body and string.match(body, '"code":"([^"]+)"') or ("http_" .. status)
  codes[code] = (codes[code] or 0) + 1
  if code == "inventory.sold_out" or code == "inventory.not_enough" then
    refused = refused + 1
    if string.find(body, general, 1, true) and string.match(body, '"remaining":{[^}]*:0}') then general_gone = true end
    if string.find(body, seated, 1, true) and string.match(body, '"remaining":{[^}]*:0}') then seats_gone = true end
    if general_gone and seats_gone then wrk.thread:stop() end
  elseif code == "inventory.seat_taken" or code == "inventory.buyer_limit" then
    refused = refused + 1
  else
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total_placed, total_failures, all_codes = 0, 0, {}
  for _, thread in ipairs(threads) do
    total_placed = total_placed + (thread:get("placed") or 0)
    total_failures = total_failures + (thread:get("failures") or 0)
    local thread_codes = thread:get("codes") or {}
    for code, count in pairs(thread_codes) do all_codes[code] = (all_codes[code] or 0) + count end
  end
  local parts = {}
  for code, count in pairs(all_codes) do parts[#parts + 1] = string.format('"%s": %d', code, count) end
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "placed": %d, "failures": %d, "socketErrors": %d, "p50Us": %d, "p95Us": %d, "p99Us": %d, "refusals": {%s}}\n',
    summary.requests, summary.duration / 1e6, total_placed, total_failures,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), table.concat(parts, ", ")))
end
