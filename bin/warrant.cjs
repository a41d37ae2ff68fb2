#!/usr/bin/env node
'use strict';
require('./compile-cache.cjs').load(require('node:path').join(__dirname, '..', 'dist', 'cli.cjs'));
