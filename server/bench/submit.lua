-- wrk script: POST one valid survey response per request, each with a new
-- id, so every request is a real insert (not a duplicate).
--
--   wrk -t2 -c64 -d30s --latency -s server/bench/submit.lua http://127.0.0.1:8080/api/v1/responses
--
-- Ids are UUID-shaped (lower-case hex, 8-4-4-4-12): a random per-run
-- prefix, the wrk thread number and a per-thread counter, so they never
-- repeat within a run nor, in practice, across runs on the same database.

-- Think time: with TIYAN_BENCH_THINK_MS set, each connection waits that
-- long after an answer before sending its next response, like a kiosk
-- between two patients. The load is then set by connections / (think +
-- latency) instead of by how fast the server answers, so the latency
-- figures are those of a server running below saturation. wrk starts
-- timing a request when it is written, so the wait is not counted.
local think_ms = tonumber(os.getenv("TIYAN_BENCH_THINK_MS") or "")
if think_ms then
   function delay()
      return think_ms
   end
end

local threads = {}
local next_thread = 0

function setup(thread)
   thread:set("thread_number", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

local body_template = [[{"id":"%s","instrument":"pxs-core","instrument_version":1,"hospital":"H00%d","department":"cardiology","visit_type":"outpatient","channel":"kiosk","submitted_at":"%s","answers":{"pre_visit.booking_ease":5,"pre_visit.slot_kept":4,"outpatient.registration_payment":4,"outpatient.wait_time":3,"outpatient.doctor_listening":5,"outpatient.privacy":"na","outpatient.environment":4,"post_visit.instructions":5,"whole_care.nursing":5,"whole_care.parking":2,"overall.rating":9,"overall.recommend":10},"respondent":{"age_band":"65-74","self_rated_health":3,"answered_by":"patient"},"comment":"挂号很快，医生解释清楚，\"停车难\"。"}]]

function init(args)
   math.randomseed(os.time() * 1000 + thread_number)
   run_prefix = string.format("%08x", math.random(0, 0x7fffffff))
   thread_tag = string.format("%04x", thread_number % 0x10000)
   counter = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   counter = counter + 1
   local id = string.format("%s-%s-4%03x-8%03x-%012x",
      run_prefix, thread_tag, math.random(0, 0xfff), math.random(0, 0xfff), counter)
   -- Submitted now (UTC), as a kiosk does at the end of a survey.
   local body = string.format(body_template, id, counter % 5 + 1, os.date("!%Y-%m-%dT%H:%M:%SZ"))
   return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
   io.write(string.format("requests: %d in %.1f s = %.0f/s\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
   io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
   -- "status" counts answers other than 2xx/3xx (every one should be 201).
   io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
      summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.status, summary.errors.timeout))
end
