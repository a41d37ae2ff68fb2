#!/usr/bin/env node
// warrant-language-server --stdio (any LSP editor) | --node-ipc (VS Code). See dist/server.cjs.
require('./compile-cache.cjs').load(require('node:path').join(__dirname, '..', 'dist', 'server.cjs'));
