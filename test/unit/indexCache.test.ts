import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkText, prepare } from '../../server/src/engine/check';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';
import { buildIdOf, cacheDir, cacheEntry, readIndex, writeIndex } from '../../server/src/indexCache';

const root = path.join(__dirname, '..', '..', '..');
const bin = path.join(root, 'server', 'bin', 'factcheck.js');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-cache-'));
const DRAFT = 'China fell short of the $250 billion it promised under the 2020 deal. The 2020 deal set a 7.5% tariff.\n';

test('a stored index reads back as the same index: every finding of a check is the same', () => {
  const dir = tmp();
  const facts = bundledFactBasePath();
  const index = prepare(loadFactBaseFile(facts).base!);
  const entry = cacheEntry([facts], 'build1', dir)!;
  assert.equal(readIndex(entry), undefined, 'nothing stored yet');
  writeIndex(entry, index);
  const copy = readIndex(entry);
  assert.ok(copy);
  const findings = (ix: typeof index) => checkText(DRAFT, ix).findings.map((f) => [f.claim.start, f.verdict, f.fact.id, f.why]);
  assert.deepEqual(findings(copy), findings(index));
  assert.ok(
    findings(index).some(([, verdict]) => verdict === 'conflict'),
    'the draft has a conflict to compare',
  );
});

test('the key covers the build, the files and their bytes; a stale or broken entry is not read', () => {
  const dir = tmp();
  const facts = path.join(dir, 'facts.json');
  fs.copyFileSync(bundledFactBasePath(), facts);
  const entry = cacheEntry([facts], 'build1', dir)!;
  assert.notEqual(cacheEntry([facts], 'build2', dir)!.file, entry.file, 'another build');
  writeIndex(entry, prepare(loadFactBaseFile(facts).base!));
  fs.appendFileSync(facts, '\n');
  const edited = cacheEntry([facts], 'build1', dir)!;
  assert.notEqual(edited.file, entry.file, 'another byte in the file');
  assert.equal(readIndex(edited), undefined);
  assert.equal(cacheEntry([path.join(dir, 'missing.json')], 'build1', dir), undefined, 'an unreadable file has no entry');
  // An entry under the right name but made for another key (or cut short) is ignored, not trusted.
  fs.copyFileSync(entry.file, edited.file);
  assert.equal(readIndex(edited), undefined);
  fs.writeFileSync(edited.file, fs.readFileSync(entry.file).subarray(0, 1000));
  assert.equal(readIndex(edited), undefined);
  assert.ok(readIndex(entry), 'the intact entry still reads');
});

test('a build id is read from a bundle’s first line only', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'b.js'), '/* build 0a1b2c */\n"use strict";\n');
  fs.writeFileSync(path.join(dir, 'c.js'), '"use strict";\n/* build 0a1b2c */\n');
  assert.equal(buildIdOf(path.join(dir, 'b.js')), '0a1b2c');
  assert.equal(buildIdOf(path.join(dir, 'c.js')), undefined);
  assert.equal(buildIdOf(path.join(dir, 'none.js')), undefined);
});

test('CLI: the second run reads the index the first stored, with the same output; --no-cache stores nothing', () => {
  const cache = tmp();
  const work = tmp();
  fs.writeFileSync(path.join(work, 'draft.md'), DRAFT);
  const facts = path.join(work, 'facts.json');
  fs.copyFileSync(bundledFactBasePath(), facts);
  const env = { ...process.env, FACTCHECK_CACHE_DIR: cache };
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env });
  const bare = run(['--no-cache', '--no-default-facts', '--facts', 'facts.json', 'draft.md']);
  assert.equal(bare.status, 1, bare.stderr);
  assert.deepEqual(fs.readdirSync(cache), [], '--no-cache writes nothing');
  const first = run(['--no-default-facts', '--facts', 'facts.json', 'draft.md']);
  const stored = fs.readdirSync(cache);
  assert.equal(stored.length, 1, 'the first run stores its index');
  // A stored index that is not the fact base's (here, of another fact base) would show in the output.
  const second = run(['--no-default-facts', '--facts', 'facts.json', 'draft.md']);
  assert.equal(first.stdout, bare.stdout);
  assert.equal(second.stdout, bare.stdout);
  assert.equal(second.status, 1);
  assert.deepEqual(fs.readdirSync(cache), stored, 'the second run stores nothing new');
  // The fact base broken after its index was stored: its problem is reported, not the stored index used.
  fs.writeFileSync(facts, fs.readFileSync(facts, 'utf8').replace('"version": 1', '"version": 1,,'));
  const broken = run(['--no-default-facts', '--facts', 'facts.json', 'draft.md']);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /facts\.json:\d+:\d+: error/);
});

test('the cache folder is absolute or none, and pruning touches only entries and stale temporary files', () => {
  assert.equal(cacheDir({ FACTCHECK_CACHE_DIR: 'relative/cache' }), undefined, 'a relative folder would be inside a project');
  assert.equal(cacheDir({ FACTCHECK_CACHE_DIR: '/abs/cache' }), '/abs/cache');
  // A relative XDG_CACHE_HOME is ignored for the home folder's.
  assert.ok(path.isAbsolute(cacheDir({ XDG_CACHE_HOME: 'rel' }) ?? 'x/'));
  const dir = tmp();
  const old = new Date(Date.now() - 2 * 3600 * 1000);
  // Entries of this build's names (16 digits) and of earlier builds' (40) are pruned alike.
  const hex = (k: number) => k.toString(16).padStart(k % 2 ? 16 : 40, '0');
  for (let k = 0; k < 40; k++) {
    const f = path.join(dir, `${hex(k)}.index`);
    fs.writeFileSync(f, 'x');
    fs.utimesSync(f, old, old);
  }
  fs.writeFileSync(path.join(dir, 'notes.index'), 'another tool’s file');
  fs.writeFileSync(path.join(dir, `${hex(99)}.index.123.tmp`), 'left by a crash');
  fs.utimesSync(path.join(dir, `${hex(99)}.index.123.tmp`), old, old);
  const entry = cacheEntry([bundledFactBasePath()], 'build1', dir)!;
  writeIndex(entry, prepare(loadFactBaseFile(bundledFactBasePath()).base!));
  const left = fs.readdirSync(dir);
  assert.equal(left.filter((n) => /^([0-9a-f]{16}|[0-9a-f]{40})\.index$/.test(n)).length, 32);
  assert.ok(left.some((n) => /^[0-9a-f]{40}\.index$/.test(n)) && left.some((n) => /^[0-9a-f]{16}\.index$/.test(n)));
  assert.ok(left.includes(path.basename(entry.file)), 'the newest entry is kept');
  assert.ok(left.includes('notes.index'), 'a file that is no entry is left alone');
  assert.ok(!left.some((n) => n.endsWith('.tmp')), 'a stale temporary file is removed');
});
