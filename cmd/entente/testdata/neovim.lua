-- The end-to-end test of the language server in a real editor: Neovim's
-- own LSP client (0.7 or later), run headless by TestNeovim with the
-- set-up docs/editors.md gives as its init.lua, which attaches the server
-- (entente, on PATH) when a YAML file is opened. It opens the file named
-- by ENTENTE_FILE, introduces a fault on line ENTENTE_LINE (1-based) by
-- replacing ENTENTE_GOOD with ENTENTE_BAD, asks for a hover and a
-- definition at line ENTENTE_ASK, character ENTENTE_CHAR (0-based), mends
-- the fault, and writes what it saw, one fact a line, to ENTENTE_OUT.
local env = vim.env
local out = {}
local function say(...)
  table.insert(out, table.concat({ ... }, "\t"))
end
local function finish()
  vim.fn.writefile(out, env.ENTENTE_OUT)
  vim.cmd("qa!")
end

vim.cmd("edit " .. vim.fn.fnameescape(env.ENTENTE_FILE))
local buf = vim.api.nvim_get_current_buf()
local id
vim.wait(10000, function() -- the client is listed once it has started
  for cid, c in pairs(vim.lsp.buf_get_clients(buf)) do
    if c.name == "entente" then
      id = cid
    end
  end
  return id ~= nil
end, 50)
say("attached", tostring(id ~= nil))
if id == nil then
  return finish()
end
local ready = vim.wait(10000, function()
  local c = vim.lsp.get_client_by_id(id)
  return c ~= nil and c.initialized
end, 50)
say("initialized", tostring(ready))
if not ready then
  return finish()
end

-- findings returns the server's diagnostics of the file; with the fault's
-- word, only those that name it.
local function findings(word)
  local ds = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "entente" and (word == nil or d.message:find(word, 1, true)) then
      table.insert(ds, d)
    end
  end
  return ds
end
say("on-open", #findings())

-- The fault.
local n = tonumber(env.ENTENTE_LINE)
local line = vim.api.nvim_buf_get_lines(buf, n - 1, n, true)[1]
local bad = line:gsub(vim.pesc(env.ENTENTE_GOOD), env.ENTENTE_BAD, 1)
vim.api.nvim_buf_set_lines(buf, n - 1, n, true, { bad })
local seen = vim.wait(10000, function()
  return #findings(env.ENTENTE_BAD) > 0
end, 50)
say("fault-seen", tostring(seen))
for _, d in ipairs(findings()) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  say("diagnostic", d.lnum, d.col, d.end_col or "", d.severity, code, (d.message:gsub("\n", " ")))
end

-- Hover and definition, on a use of an id elsewhere in the file.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = tonumber(env.ENTENTE_ASK), character = tonumber(env.ENTENTE_CHAR) },
}
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 5000)
local h = hover and hover[id] and hover[id].result
if h then
  say("hover", (h.contents.value:gsub("\n", " ")))
else
  say("hover", "none")
end
local def = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 5000)
local d = def and def[id] and def[id].result
if d and d[1] then
  say("definition", d[1].range.start.line, d[1].range.start.character, d[1].range["end"].character)
else
  say("definition", "none")
end

-- The fix: the finding goes.
vim.api.nvim_buf_set_lines(buf, n - 1, n, true, { line })
local cleared = vim.wait(10000, function()
  return #findings(env.ENTENTE_BAD) == 0
end, 50)
say("after-fix", #findings())
say("cleared", tostring(cleared))
vim.lsp.stop_client(id)
vim.wait(3000, function()
  return vim.lsp.get_client_by_id(id) == nil
end, 50)
finish()
