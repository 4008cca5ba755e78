-- Drives the fact-check language server from Neovim's own LSP client (0.7+: vim.lsp.start_client,
-- which later versions keep), headless, and writes what the editor saw to a JSON file for
-- test/editors/neovim.test.ts to assert on. It asserts nothing itself: it records.
--
-- Environment:
--   FACTCHECK_NODE, FACTCHECK_BIN  the server command: node <bin> lsp --stdio
--   FACTCHECK_WS                   the scratch workspace folder (root_dir)
--   FACTCHECK_DRAFT                a draft in it with a known conflict on line 8
--   FACTCHECK_EMOJI                a draft whose conflict follows multi-byte characters
--   FACTCHECK_MODE                 default | init_options | pull (how settings are passed)
--   FACTCHECK_SETTINGS             JSON settings for the init_options and pull modes
--   FACTCHECK_OUT                  where the JSON record goes

local env = vim.env
local R = { steps = {}, messages = {} }
local TIMEOUT = 10000

local function step(name)
  table.insert(R.steps, name)
end

local function diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = lsp.code,
    })
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function main()
  local settings = env.FACTCHECK_SETTINGS and vim.json.decode(env.FACTCHECK_SETTINGS) or nil
  local mode = env.FACTCHECK_MODE or 'default'
  -- The README's recipe for Neovim 0.7-0.10, with the record's hooks added.
  local config = {
    name = 'factcheck',
    cmd = { env.FACTCHECK_NODE, env.FACTCHECK_BIN, 'lsp', '--stdio' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['window/showMessage'] = function(_, result)
        table.insert(R.messages, result.message)
      end,
    },
    on_exit = function(code, signal)
      R.exit = { code = code, signal = signal }
    end,
  }
  if mode == 'init_options' then
    -- As the recipe: init_options for 0.7, which does not advertise workspace/configuration,
    -- and settings for 0.8+, which does (unused here).
    config.init_options = { settings = settings }
    config.settings = { factcheck = settings }
  elseif mode == 'pull' then
    -- What Neovim 0.8+ does: advertise workspace/configuration and answer it from `settings`
    -- (0.7 has the handler but does not advertise it, so it is switched on here). No
    -- init_options, so only the pulled settings can take effect.
    local caps = vim.lsp.protocol.make_client_capabilities()
    caps.workspace.configuration = true
    config.capabilities = caps
    config.settings = { factcheck = settings }
  end

  -- One client, started by the first Markdown or text buffer and attached to each one after.
  local factcheck_id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'markdown', 'text' },
    callback = function(args)
      if not (factcheck_id and vim.lsp.get_client_by_id(factcheck_id)) then
        factcheck_id = vim.lsp.start_client(config)
      end
      vim.lsp.buf_attach_client(args.buf, factcheck_id)
    end,
  })

  vim.cmd('edit ' .. vim.fn.fnameescape(env.FACTCHECK_DRAFT))
  local buf = vim.api.nvim_get_current_buf()
  R.filetype = vim.bo[buf].filetype
  local id = factcheck_id
  R.client_id = id
  if not id then
    error('the FileType autocmd started no client')
  end
  local client = vim.lsp.get_client_by_id(id)
  R.initialized = vim.wait(TIMEOUT, function()
    return client.initialized == true
  end, 20)
  if not R.initialized then
    error('the server did not answer initialize within ' .. TIMEOUT .. ' ms')
  end
  step('initialized')
  local caps = client.server_capabilities or {}
  R.server_capabilities = {
    hoverProvider = caps.hoverProvider,
    codeActionProvider = caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false,
    executeCommands = caps.executeCommandProvider and caps.executeCommandProvider.commands or nil,
  }

  -- Diagnostics, as Neovim stores them (0-based lines, byte columns).
  vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  R.diagnostics = diagnostics(buf)
  step('diagnostics')

  -- Hover on "$250 billion" (line 8, byte column 24): the raw result, then the float Neovim opens.
  vim.api.nvim_win_set_cursor(0, { 8, 28 })
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), TIMEOUT)
  local h = hover and hover[id]
  R.hover = h and { err = h.err, result = h.result } or { timeout = true }
  local before = vim.api.nvim_list_wins()
  vim.lsp.buf.hover()
  local float
  vim.wait(TIMEOUT, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if not vim.tbl_contains(before, w) and vim.api.nvim_win_get_config(w).relative ~= '' then
        float = w
        return true
      end
    end
    return false
  end, 20)
  R.hover_float = float and vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false) or nil
  if float then
    vim.api.nvim_win_close(float, true)
  end
  step('hover')

  -- The workspace check, as a command any client can run.
  local res, err = client.request_sync('workspace/executeCommand', { command = 'factcheck.server.checkWorkspace' }, 30000, buf)
  R.execute = res and { err = res.err, result = res.result } or { timeout = true, err = err }
  step('executeCommand')

  -- The quick fix, through Neovim's own code action flow: the menu is vim.ui.select, answered
  -- here with the "Replace with" action; Neovim applies its edit and sends didChange.
  vim.api.nvim_win_set_cursor(0, { 8, 28 })
  R.code_actions = {}
  vim.ui.select = function(items, opts, on_choice)
    local choice
    for _, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      table.insert(R.code_actions, title)
      if not choice and title:match('^Replace with') then
        choice = item
      end
    end
    on_choice(choice)
  end
  local line_before = vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1]
  vim.lsp.buf.code_action()
  vim.wait(TIMEOUT, function()
    return vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1] ~= line_before
  end, 20)
  R.line_after_fix = vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1]
  -- The server re-checks the edited buffer: line 8's conflict goes.
  vim.wait(TIMEOUT, function()
    for _, d in ipairs(diagnostics(buf)) do
      if d.lnum == 7 and d.code == 'conflict' then
        return false
      end
    end
    return true
  end, 20)
  R.diagnostics_after_fix = diagnostics(buf)
  step('codeAction')

  -- A second buffer: a figure after multi-byte characters (UTF-16 from the server, bytes in Neovim).
  vim.cmd('edit ' .. vim.fn.fnameescape(env.FACTCHECK_EMOJI))
  local buf2 = vim.api.nvim_get_current_buf()
  R.emoji_attached = vim.lsp.buf_is_attached(buf2, id)
  R.clients = #vim.lsp.get_active_clients()
  vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf2) > 0
  end, 20)
  R.emoji_line = vim.api.nvim_buf_get_lines(buf2, 0, 1, false)[1]
  R.emoji_diagnostics = diagnostics(buf2)
  step('utf16')

  -- Clean shutdown: shutdown request, exit notification, the process ends by itself.
  vim.lsp.stop_client(id)
  vim.wait(TIMEOUT, function()
    return R.exit ~= nil
  end, 20)
  step('shutdown')
end

local ok, e = xpcall(main, debug.traceback)
if not ok then
  R.error = e
end
vim.fn.writefile({ vim.json.encode(R) }, env.FACTCHECK_OUT)
vim.cmd('qa!')
