#!/usr/bin/env node
// In a checkout, the compiled tree (what `npm test` builds); in an installed package, which has
// no out/, the bundle in dist/.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', '..', 'out', 'server', 'src', 'cli.js');
require(fs.existsSync(compiled) ? compiled : path.join(__dirname, '..', '..', 'dist', 'cli.js')).main(process.argv.slice(2));
