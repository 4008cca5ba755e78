/**
 * `factcheck`: checks drafts against fact bases from the command line, for writers and CI.
 * Exit codes: 0 no conflicts, 1 conflicts found, 2 bad usage, unreadable input or a fact
 * base error (a broken fact base must never let CI pass silently).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, prepare } from './engine/check';
import { isoDay } from './engine/quantity';
import { formatProblem } from './engine/factbase/model';
import { bundledFactBasePath, loadFactBases } from './factfiles';
import type { FactIndex } from './engine/match/factIndex';
import { buildIdOf, cacheEntry, readIndex, writeIndex } from './indexCache';
import { formatOf } from './engine/text/markup';
import { collectFiles, DEFAULT_EXTENSIONS, DEFAULT_MAX_BYTES, findWorkspaceFactBases, readDraft } from './files';
import {
  type Coverage,
  citation,
  coverageLine,
  coverageOf,
  DEFAULT_SEVERITIES,
  type Diagnostic,
  type SeverityMap,
  toDiagnostics,
  type UnverifiedDiagnostic,
  unverifiedDiagnostics,
} from './report';
import { toSarif } from './sarif';
import { explainLine } from './explain';
import { roundTrips } from './roundtrip';
import { factBasesToUse, factsDraft, factsImport, factsLint, factsSchema } from './factsCommands';

const VERSION = '0.1.0';

const USAGE = `Usage: factcheck [options] <files or folders...>

Checks figures in drafts (Markdown and plain text) against sourced fact bases.

Options:
  --format <text|json|sarif>  output format (default: text)
  --facts <file>              add a fact base (repeatable)
  --no-default-facts          do not use the bundled fact base
  --no-cache                  prepare the fact bases afresh, and keep nothing in the cache
                              folder (FACTCHECK_CACHE_DIR, else ~/.cache/policy-fact-check)
  --ext <list>                file extensions to check in folders (default: .md,.markdown,.txt)
  --date <YYYY-MM-DD|today>   when the drafts were written: a date resolves "last month"
                              and "this year", and "today" says they are drafts being
                              written now (a draft's own dateline or front matter still
                              wins); a figure a newer fact had replaced by then is
                              outdated. Without either, no figure in an undated draft is
                              outdated: it may be an old article
  --all                       also report consistent (backed) claims, as hints
  --unverified                also list figures no fact backs or contradicts, as hints,
                              and give each file's coverage
  --pretty                    indent JSON and SARIF output (compact otherwise)
  -                           read the draft from standard input
  --stdin-filename <path>     the path shown for it, and what its format and workspace
                              fact base are taken from
  --strict                    exit 1 on outdated claims too, not only conflicts
  --max-size <MB>             skip drafts larger than this (default: ${DEFAULT_MAX_BYTES / 1048576})
  --explain <file:line>       for each figure on that line, every candidate fact and the rule
                              that admitted or ruled out each
  --                          what follows is files and folders, even if it starts with "-"
  -h, --help                  show this help
  -v, --version               show the version

A workspace fact base .factcheck/facts.json at or above the checked paths is used too.
Exit codes: 0 no conflicts, 1 conflicts found, 2 usage, input or fact base error.
Subcommands:
  factcheck facts test [--facts F]   check that every fact's own quote confirms it, and with
                                     its figure changed conflicts with it (--no-default-facts:
                                     only the files given, as for lint)
  factcheck facts lint [--facts F]   warn of facts that fail their round trip, duplicates,
                                     contradicting sources, words that never fire, a text
                                     that disagrees with its value, quotes missing from a
                                     source's copy, a $schema that does not resolve
                                     (--format json, --strict: exit 1 on any warning)
  factcheck facts draft SOURCE...    propose a fact for every figure in source documents
                                     (Markdown, text, saved HTML) for a curator to review
  factcheck facts import FILE.csv    a spreadsheet, one fact per row, as a fact base
  factcheck facts schema             the fact base JSON schema, for "$schema"
      draft, import and schema print to standard output, or write --out FILE (never over
      an existing file unless --force is given)
  factcheck lsp --stdio              run the language server over stdio`;

interface Options {
  format: 'text' | 'json' | 'sarif';
  facts: string[];
  defaultFacts: boolean;
  /** Keep prepared fact indexes between runs (see indexCache.ts). */
  cache: boolean;
  ext: string[];
  date?: string;
  /** `--date today`: the drafts are being written today; a date of their own still says when. */
  today?: string;
  all: boolean;
  /** Also list figures no fact backs or contradicts. */
  unverified: boolean;
  /** Indent JSON and SARIF output (compact by default: machines read it). */
  pretty: boolean;
  /** The path shown for a draft read from standard input (`-`), and what its format and workspace are taken from. */
  stdinFilename?: string;
  strict: boolean;
  maxBytes: number;
  paths: string[];
  explain?: { file: string; line: number };
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = {
    format: 'text',
    facts: [],
    defaultFacts: true,
    cache: true,
    ext: DEFAULT_EXTENSIONS,
    all: false,
    unverified: false,
    pretty: false,
    strict: false,
    maxBytes: DEFAULT_MAX_BYTES,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // Everything after "--" is a path, even one that starts with "-" (a hook passes whatever files are staged).
    if (a === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (use text, json or sarif)`);
        o.format = f;
        break;
      }
      case '--facts':
        o.facts.push(value());
        break;
      case '--no-default-facts':
        o.defaultFacts = false;
        break;
      case '--no-cache':
        o.cache = false;
        break;
      case '--ext':
        o.ext = value()
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean);
        break;
      case '--date': {
        const v = value();
        if (v === 'today') o.today = isoDay(new Date());
        else if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--date needs YYYY-MM-DD or today, got "${v}"`);
        else o.date = v;
        break;
      }
      case '--explain': {
        const v = value();
        const m = /^(.+):(\d+)$/.exec(v);
        if (!m || Number(m[2]) < 1) throw new UsageError(`--explain needs FILE:LINE (a 1-based line), got "${v}"`);
        o.explain = { file: m[1], line: Number(m[2]) };
        break;
      }
      case '--all':
        o.all = true;
        break;
      case '--unverified':
        o.unverified = true;
        break;
      case '--strict':
        o.strict = true;
        break;
      case '--pretty':
        o.pretty = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = value();
        break;
      case '--max-size': {
        const mb = Number(value());
        if (!(mb > 0)) throw new UsageError('--max-size needs a positive number of megabytes');
        o.maxBytes = mb * 1048576;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  if (o.paths.length === 0 && !o.explain) throw new UsageError('no files or folders given');
  return o;
}

interface FileReport {
  path: string;
  diagnostics: Array<Diagnostic | UnverifiedDiagnostic>;
  coverage?: Coverage;
  claims: number;
  matched: number;
  suppressed: number;
  skipped?: string;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let o: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      out(USAGE + '\n');
      return 0;
    }
    if (parsed === 'version') {
      out(VERSION + '\n');
      return 0;
    }
    o = parsed;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`factcheck: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }

  const stdin = o.paths.includes('-');
  const { files, missing } = collectFiles(
    o.paths.filter((p) => p !== '-'),
    o.ext,
  );
  const near = o.explain ? [o.explain.file] : [...o.paths.filter((p) => p !== '-'), ...(stdin && o.stdinFilename ? [o.stdinFilename] : [])];
  const factFiles = [...(o.defaultFacts ? [bundledFactBasePath()] : []), ...findWorkspaceFactBases(near), ...o.facts.map((f) => path.resolve(f))];
  for (const m of missing) err(`${m}: error: no such file or folder\n`);
  const index = factIndexOf([...new Set(factFiles)], o.cache, err);
  if (!index || missing.length) return 2;
  if (index.base.facts.length === 0) err('factcheck: warning: the fact base has no facts; nothing can be checked\n');
  if (o.explain) {
    let text: string;
    try {
      text = fs.readFileSync(o.explain.file, 'utf8');
    } catch (e) {
      err(`${o.explain.file}: error: cannot be read: ${(e as Error).message}\n`);
      return 2;
    }
    out(`${o.explain.file}:${o.explain.line}:\n`);
    for (const l of explainLine(text, o.explain.line, index, formatOf(o.explain.file), o.date, o.today)) out(`  ${l}\n`);
    return 0;
  }
  const severities: SeverityMap = { ...DEFAULT_SEVERITIES, consistent: o.all ? 'hint' : 'off' };
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of stdin ? ['-', ...files] : files) {
    const fromStdin = file === '-';
    const shown = fromStdin ? (o.stdinFilename ?? '<stdin>') : file;
    const rel = fromStdin ? shown : path.relative(process.cwd(), file) || file;
    let draft: { text: string } | { skip: string };
    try {
      draft = fromStdin ? { text: fs.readFileSync(0, 'utf8') } : readDraft(file, o.maxBytes);
    } catch (e) {
      err(`${rel}: error: cannot be read: ${(e as Error).message}\n`);
      unreadable = true;
      continue;
    }
    if ('skip' in draft) {
      err(`${rel}: info: ${draft.skip}\n`);
      reports.push({ path: rel, diagnostics: [], claims: 0, matched: 0, suppressed: 0, skipped: draft.skip });
      continue;
    }
    const result = checkText(draft.text, index, {
      format: formatOf(fromStdin ? (o.stdinFilename ?? 'stdin.md') : file),
      referenceDate: o.date,
      today: o.today,
    });
    const diagnostics: Array<Diagnostic | UnverifiedDiagnostic> = toDiagnostics(draft.text, result, severities);
    if (o.unverified) {
      diagnostics.push(...unverifiedDiagnostics(draft.text, result, 'hint'));
      diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    reports.push({
      path: rel,
      diagnostics,
      coverage: coverageOf(result),
      claims: result.claims.length,
      matched: result.findings.length,
      suppressed: result.suppressed.length,
    });
  }

  const count = (code: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.code === code).length, 0);
  const summary = {
    files: reports.length,
    claims: reports.reduce((n, r) => n + r.claims, 0),
    matched: reports.reduce((n, r) => n + r.matched, 0),
    conflicts: count('conflict'),
    outdated: count('outdated'),
    suppressed: reports.reduce((n, r) => n + r.suppressed, 0),
    skipped: reports.filter((r) => r.skipped).length,
    // Coverage: how many figures a fact backs, and how many none covers.
    backed: reports.reduce((n, r) => n + (r.coverage?.backed ?? 0), 0),
    unverified: reports.reduce((n, r) => n + (r.coverage?.unverified ?? 0), 0),
  };
  if (o.format === 'json') {
    out(
      JSON.stringify(
        {
          version: VERSION,
          files: reports.map((r) => ({
            path: r.path,
            ...(r.skipped ? { skipped: r.skipped } : {}),
            diagnostics: r.diagnostics.map((d) => {
              if (d.code === 'unverified') return d;
              const { replace, ...rest } = d;
              return { ...rest, fix: replace };
            }),
          })),
          summary,
        },
        null,
        o.pretty ? 2 : undefined,
      ) + '\n',
    );
  } else if (o.format === 'sarif') {
    out(JSON.stringify(toSarif(reports, VERSION), null, o.pretty ? 2 : undefined) + '\n');
  } else {
    for (const r of reports) {
      for (const d of r.diagnostics) {
        if (d.code === 'unverified') {
          out(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [unverified]\n`);
          continue;
        }
        out(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.factId}]\n`);
        const fact = index.base.facts.find((f) => f.id === d.factId);
        out(`    > ${d.quote}\n    — ${fact ? citation(fact) : d.source.id}\n`);
      }
    }
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    if (o.unverified)
      out(
        `${coverageLine({ figures: reports.reduce((n, r) => n + (r.coverage?.figures ?? 0), 0), backed: summary.backed, conflicts: summary.conflicts, outdated: summary.outdated, unverified: summary.unverified })} in ${plural(summary.files, 'file')}\n`,
      );
    out(
      `${plural(summary.conflicts, 'conflict')}, ${summary.outdated} outdated in ${plural(summary.files, 'file')} (${plural(summary.claims, 'claim')}, ${summary.matched} matched to facts${summary.suppressed ? `, ${summary.suppressed} ignored` : ''})\n`,
    );
  }
  if (unreadable) return 2;
  return summary.conflicts > 0 || (o.strict && summary.outdated > 0) ? 1 : 0;
}

/**
 * The prepared index over the fact base files, from the cache when this bundle stored one for these very files (see
 * indexCache.ts); otherwise loaded, checked and prepared. Undefined, with every problem reported, when a file is broken.
 */
function factIndexOf(files: string[], useCache: boolean, err: (s: string) => void): FactIndex | undefined {
  const buildId = useCache ? buildIdOf(__filename) : undefined;
  const entry = buildId ? cacheEntry(files, buildId) : undefined;
  const cached = entry && readIndex(entry);
  if (cached) return cached;
  const loaded = loadFactBases(files);
  for (const p of loaded.problems) err(formatProblem(p) + '\n');
  if (loaded.problems.length) err(`factcheck: ${loaded.problems.length} fact base problem${loaded.problems.length === 1 ? '' : 's'}; nothing was checked\n`);
  if (!loaded.base) return undefined;
  const index = prepare(loaded.base);
  // Stored only when the files still hold the bytes the key was made from: one edited while this run read it
  // would otherwise file the new bytes' index under the old bytes' key.
  if (entry && buildId && cacheEntry(files, buildId)?.key.equals(entry.key)) writeIndex(entry, index);
  return index;
}

/** `factcheck facts test [--facts F]...`: the round trip of every fact; exit 1 when any fails. */
export function factsTest(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const files: string[] = [];
  let noDefault = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--facts' && argv[i + 1]) files.push(path.resolve(argv[++i]));
    else if (a.startsWith('--facts=')) files.push(path.resolve(a.slice(8)));
    // As for a check: only the files given are tested, and the bundled fact base only when none is.
    else if (a === '--no-default-facts') noDefault = true;
    else {
      err(`factcheck facts test: unknown argument ${a}\n\nUsage: factcheck facts test [--no-default-facts] [--facts FILE]...\n`);
      return 2;
    }
  }
  const used = factBasesToUse('test', files, noDefault, err);
  if (!used) return 2;
  const loaded = loadFactBases(used);
  for (const p of loaded.problems) err(formatProblem(p) + '\n');
  if (!loaded.base) return 2;
  const results = roundTrips(prepare(loaded.base));
  let failed = 0;
  for (const r of results) {
    const ok = !r.problem && r.confirmed && r.caught;
    if (ok) continue;
    failed++;
    const where = `${path.relative(process.cwd(), r.fact.file) || r.fact.file}:${r.fact.line + 1}`;
    out(`${where}: ${r.fact.id}:\n`);
    if (r.problem) out(`    ${r.problem}\n`);
    if (!r.confirmed && r.confirmedBy !== undefined)
      out(`    its quote as a draft gives ${r.confirmedBy} for "${r.fact.text}"; expected consistent ${r.fact.id}\n`);
    if (r.whyNotConfirmed) out(`      why: ${r.whyNotConfirmed}\n`);
    if (r.hint) out(`    (${r.hint})\n`);
    if (r.changed !== undefined && !r.caught) out(`    changed to "${r.changed}", it gives ${r.caughtAs}; expected a conflict with ${r.fact.id}\n`);
    if (r.changed !== undefined && !r.caught && r.whyNotCaught) out(`      why: ${r.whyNotCaught}\n`);
  }
  out(`${results.length - failed} of ${results.length} facts pass the round trip (${used.map((f) => path.relative(process.cwd(), f) || f).join(', ')})\n`);
  return failed ? 1 : 0;
}

const FACTS_COMMANDS: Record<string, (argv: string[], out: (s: string) => void, err: (s: string) => void) => number> = {
  test: factsTest,
  lint: factsLint,
  draft: factsDraft,
  import: factsImport,
  schema: factsSchema,
};

export function main(argv: string[]): void {
  if (argv[0] === 'facts') {
    const command = FACTS_COMMANDS[argv[1] ?? ''];
    if (!command) {
      process.stderr.write(`factcheck facts: ${argv[1] ? `unknown command ${argv[1]}` : 'which command?'}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.exitCode = command(
      argv.slice(2),
      (s) => process.stdout.write(s),
      (s) => process.stderr.write(s),
    );
    return;
  }
  if (argv[0] === 'lsp') {
    // The language server is loaded only when asked for, so the CLI starts fast.
    require('./server');
    return;
  }
  // Piped into `head` or `grep -q`, the reader may go away early: stop quietly, as Unix tools
  // do, with the exit code the check earned rather than a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const code = run(
    argv,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
  process.exitCode = code;
}
