-- Neovim (Debian's 0.7) as a second LSP client of `warrant-language-server --stdio`: pushed
-- diagnostics (0.7 has no pull) and a hover. Prints "nvim: N passed, N failed"; exits 1 on failure.
-- Usage: WARRANT_LSP_CMD='node bin/warrant-language-server.cjs --stdio' \
--        nvim --headless -u NONE -i NONE -n -S test/e2e/nvim-check.lua WORKSPACE/lanes.md </dev/null
local out = io.stdout
local function say(s) out:write(s .. '\n') end
local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then passed = passed + 1; say('ok - ' .. name) else failed = failed + 1; say('not ok - ' .. name .. (detail and (': ' .. detail) or '')) end
end
local function finish()
  say(string.format('nvim: %d passed, %d failed', passed, failed))
  for _, c in pairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do c.stop(true) end
  vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
end

local cmd = vim.split(vim.env.WARRANT_LSP_CMD or '', ' ', { trimempty = true })
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'
local file = vim.api.nvim_buf_get_name(bufnr)
local client_id = vim.lsp.start_client({ name = 'warrant', cmd = cmd, root_dir = vim.fn.fnamemodify(file, ':p:h') })
check('server starts', client_id ~= nil)
if not client_id then return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)

local uv = vim.uv or vim.loop
local t0 = uv.hrtime()
local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
check('diagnostics pushed', got, 'none within 20 s')
if not got then return finish() end
say(string.format('diagnostics after %.0f ms', (uv.hrtime() - t0) / 1e6))
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local unsupported = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  say(string.format('  %d:%d %s %s', d.lnum + 1, d.col + 1, tostring(code), d.message))
  if code == 'unsupported-claim' then table.insert(unsupported, d) end
end
check('one unsupported-claim, on the Claim 3 heading', #unsupported == 1 and lines[unsupported[1].lnum + 1]:find('^### Claim 3:') ~= nil)

local claim1 = 0
for i, l in ipairs(lines) do if l:find('^### Claim 1:') then claim1 = i - 1 end end
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = claim1, character = 6 },
}, 10000) or {}
local text = ''
for _, r in pairs(results) do
  if r.result and r.result.contents then text = text .. table.concat(vim.lsp.util.convert_input_to_markdown_lines(r.result.contents), '\n') end
end
say('hover: ' .. text:gsub('\n', ' | '))
check('hover on Claim 1 lists its source URLs', text:find('https://example.org/lyon-corridors', 1, true) ~= nil and text:find('2 sources', 1, true) ~= nil)
finish()
