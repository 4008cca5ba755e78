// Placeholder until the language server issue: keeps `factcheck lsp` from crashing.
process.stderr.write('factcheck: the language server is not built yet\n');
process.exitCode = 2;
