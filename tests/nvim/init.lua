-- A minimal Neovim setup for `bloglint server`, as the README gives it,
-- driven by tests/server_nvim.rs: start the server for Markdown buffers,
-- and once the first diagnostics arrive, write them (as Neovim holds them)
-- to $BLOGLINT_OUT and quit. Written for Debian 12's Neovim 0.7.2, which
-- has vim.lsp.start_client and vim.lsp.buf_attach_client (not yet
-- vim.lsp.start, 0.8).
--
-- Environment: BLOGLINT (the binary), BLOGLINT_SITE (the site's root),
-- BLOGLINT_OUT (where to write the diagnostics).
vim.cmd("filetype on")

local out = os.getenv("BLOGLINT_OUT")

local function finish(lines, code)
  local f = assert(io.open(out, "w"))
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
  vim.schedule(function()
    vim.cmd(code == 0 and "qa!" or "cquit! " .. code)
  end)
end

local client_id = vim.lsp.start_client({
  name = "bloglint",
  cmd = { os.getenv("BLOGLINT"), "server" },
  root_dir = os.getenv("BLOGLINT_SITE"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if #result.diagnostics == 0 then
        return
      end
      local bufnr = vim.uri_to_bufnr(result.uri)
      local lines = {}
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        -- line and column 1-based, as Neovim shows them
        table.insert(lines, string.format("%s:%d:%d: %s [%s] %s",
          vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t"),
          d.lnum + 1, d.col + 1, vim.diagnostic.severity[d.severity], d.code or d.source,
          (d.message:gsub("\n.*", ""))))
      end
      finish(lines, 0)
    end,
  },
})

vim.api.nvim_create_autocmd("FileType", {
  pattern = "markdown",
  callback = function(args)
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

-- Never hang a test run: give up after 30 seconds.
vim.defer_fn(function()
  finish({ "timeout: no diagnostics from bloglint server" }, 3)
end, 30000)
