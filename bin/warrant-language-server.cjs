#!/usr/bin/env node
// warrant-language-server --stdio (any LSP editor) | --node-ipc (VS Code). See dist/server.cjs.
require('../dist/server.cjs');
