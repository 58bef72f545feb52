-- wrk script of bench/serving/soak.sh: rotate over the paths given after `--`, send the header a
-- phone's browser sends (gzip), count responses by status class, and print one machine-readable
-- line at the end (latencies in µs). Which path a bad status came from: nginx's access log of the
-- run, which soak.sh limits to non-2xx/3xx answers (wrk cannot tie a response to its request).
--
--   wrk -t2 -c64 -d5m -s soak.lua https://localhost:8653 -- / /dang-uy/ '/dang-uy/?trang=2' …

local threads = {}
local paths = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  if #paths == 0 then
    paths = { "/" }
  end
  -- Each thread starts at a different path; every connection of a thread shares the rotation.
  position = (id or 1) % #paths
  c2, c3, c4, c5, cother = 0, 0, 0, 0, 0
  headers = { ["Accept-Encoding"] = "gzip", ["User-Agent"] = "congphuong-soak" }
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], headers)
end

function response(status, _headers, _body)
  if status >= 200 and status < 300 then
    c2 = c2 + 1
  elseif status < 400 then
    c3 = c3 + 1
  elseif status < 500 then
    c4 = c4 + 1
  elseif status < 600 then
    c5 = c5 + 1
  else
    cother = cother + 1
  end
end

function done(summary, latency, _requests)
  local totals = { c2 = 0, c3 = 0, c4 = 0, c5 = 0, cother = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + (thread:get(key) or 0)
    end
  end
  io.write(string.format(
    "WRK_SOAK requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%d "
      .. "s2xx=%d s3xx=%d s4xx=%d s5xx=%d sother=%d non2xx_wrk=%d "
      .. "connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean,
    totals.c2, totals.c3, totals.c4, totals.c5, totals.cother, summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
