#!/usr/bin/env node

require('../../out/server/src/cli.js').main(process.argv.slice(2));
