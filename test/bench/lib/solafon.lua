-- wrk: POST a Solafon update per request, each with its own update_id and
-- a text of three words out of a thousand (search sees varied texts).
local counter = tonumber(os.getenv("UPDATE_OFFSET") or "0")
math.randomseed(counter + 7)
local words = {}
for i = 1, 1000 do words[i] = "word" .. i end

request = function()
  counter = counter + 1
  local text = words[math.random(1000)] .. " " .. words[math.random(1000)] .. " " .. words[math.random(1000)]
  local body = string.format(
    '{"update_id":%d,"message_id":%d,"from":{"id":%d,"email":"ada@example.com","name":"Ada","language":"en"},' ..
    '"chat":{"id":%d,"type":"private"},"date":1704067200,"text":"%s"}',
    counter, counter, 42 + counter % 50, 42 + counter % 50, text)
  return wrk.format("POST", "/webhook", { ["Content-Type"] = "application/json" }, body)
end
