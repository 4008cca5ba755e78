#!/usr/bin/env node
// Runs the CLI bundle (dist/cli.js: one file to load, so it starts fast), with the V8 code
// cache the build made beside it (dist/cli.cache: the bundle's functions already compiled, which
// saves a short run about a sixth of its time). The cache is used only when dist/cli.cache.key
// names this very bundle (the build id in its first line) and this Node.js; V8 also refuses a
// cache whose checksum fails. In a checkout where the compiled tree is newer (`tsc` run after
// the last `npm run build`), that tree instead. With `--enable-source-maps`, plain require, so
// stack traces map to the sources.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'cli.js');
const compiled = path.join(root, 'out', 'server', 'src', 'cli.js');
const cacheFile = path.join(root, 'dist', 'cli.cache');
const keyFile = path.join(root, 'dist', 'cli.cache.key');
const mtime = (f) => {
  try {
    return fs.statSync(f).mtimeMs;
  } catch {
    return -1;
  }
};

/** The build id on the bundle's first line (see esbuild.js), and the Node.js that runs it: what a cache is made for. */
function cacheKey(source) {
  const id = /^\/\* build (\w+) \*\//.exec(source)?.[1];
  return id && `${id} ${process.version}`;
}

/**
 * Loads the bundle as `require` would (its `require` is the module's own, without `resolve`, and
 * it has no dynamic `import()`: the bundle uses neither), compiled with its code cache when the cache is for this
 * bundle and this Node.js; or, when `write` is set (by the build, after the run it makes), writes
 * the cache and its key on exit, so the cache holds every function that run compiled.
 */
function loadBundle(write) {
  const vm = require('node:vm');
  const Module = require('node:module');
  // Without this, Node 20 loads a corrupted cache of the right length and crashes in compiled code.
  require('node:v8').setFlagsFromString('--verify-snapshot-checksum');
  const source = fs.readFileSync(bundle, 'utf8');
  const key = cacheKey(source);
  let cachedData;
  if (!write && key) {
    try {
      if (fs.readFileSync(keyFile, 'utf8').trim() === key) cachedData = fs.readFileSync(cacheFile);
    } catch {
      // No cache: compile as usual.
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (process.env.FACTCHECK_DEBUG_CODE_CACHE)
    process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'none'}\n`);
  if (write && key)
    process.on('exit', () => {
      fs.writeFileSync(cacheFile, script.createCachedData());
      fs.writeFileSync(keyFile, key + '\n');
    });
  const m = new Module(bundle, module);
  m.filename = bundle;
  m.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext()(m.exports, (id) => m.require(id), m, bundle, path.dirname(bundle));
  m.loaded = true;
  return m.exports;
}

const bundled = mtime(bundle);
const cli = process.env.FACTCHECK_WRITE_CODE_CACHE
  ? loadBundle(true)
  : bundled < 0 || mtime(compiled) > bundled
    ? require(compiled)
    : process.sourceMapsEnabled
      ? require(bundle)
      : loadBundle(false);
// A check is over in a second or two, so V8's optimizing compiler spends more of it compiling than its code then saves:
// without inlining it compiles each function on its own, and a 1 MB check took about a tenth less time (`npm run bench`).
// Set after the bundle and its code cache are loaded, and not in the run that makes the cache: V8 accepts a cache only
// under the flags it was made with. Not for the language server either, which runs for hours and gains from the best code.
if (process.argv[2] !== 'lsp' && !process.env.FACTCHECK_WRITE_CODE_CACHE) require('node:v8').setFlagsFromString('--no-turbo-inlining');
cli.main(process.argv.slice(2));
