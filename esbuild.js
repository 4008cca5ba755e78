// Bundles the extension client and the language server into dist/, so the packaged .vsix
// ships no node_modules. `node esbuild.js --production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM builds first: jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
};

/** Leaves `require('./server')` in the CLI as it is, to load dist/server.js at run time. */
const serverBesideCli = {
  name: 'server-beside-cli',
  setup(build) {
    build.onResolve({ filter: /^\.\/server$/ }, (args) => (path.basename(args.importer) === 'cli.ts' ? { path: './server.js', external: true } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The CLI, what the bin runs. `factcheck lsp` loads the server bundle beside it rather than a
  // second copy: a check then parses none of the protocol code (a CLI run pays for every byte).
  // Its first line is a build id, which its code cache (dist/cli.cache.key) must name to be used.
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    plugins: [serverBesideCli],
    // Minified even in development: a CLI run reads and hashes every byte (607 KB to 341 KB); the
    // source map still maps stack traces under --enable-source-maps.
    minify: true,
    // Not under --watch: a rebuild would keep the id, and the CLI would read indexes prepared by the code before it.
    ...(watch ? {} : { banner: { js: `/* build ${require('node:crypto').randomBytes(8).toString('hex')} */` } }),
  },
];

(async () => {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
    // The CLI's V8 code cache (see server/bin/factcheck.js), made by checking the example draft
    // with the bundled facts, so it holds the functions a check compiles. The run it is made from
    // finds the prepared fact index in the cache (a first run, in a scratch cache folder, stores
    // it), as most runs do: the code for preparing an index is then compiled only when needed.
    // The example draft has conflicts (exit 1, as an uncaught error would give): its summary line says the check ran.
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-build-'));
    try {
      for (const write of [false, true]) {
        const r = spawnSync(process.execPath, ['server/bin/factcheck.js', 'examples/draft.md'], {
          env: { ...process.env, FACTCHECK_CACHE_DIR: scratch, ...(write ? { FACTCHECK_WRITE_CODE_CACHE: '1' } : {}) },
          stdio: ['ignore', 'pipe', 'inherit'],
          encoding: 'utf8',
        });
        if (r.status !== 1 || !/\d+ conflicts?, \d+ outdated in 1 file/.test(r.stdout))
          throw new Error(`making dist/cli.cache failed: ${r.error ?? `exit ${r.status}`}\n${r.stdout}`);
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
