// Bundles the extension client and the language server into dist/, so the packaged .vsix
// ships no node_modules. `node esbuild.js --production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');

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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The CLI for an installed package (npm pack, npm install -g), which has no out/.
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];

(async () => {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
