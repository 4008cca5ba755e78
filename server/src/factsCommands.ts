/**
 * `factcheck facts lint | draft | import | schema`: curating a fact base from the command line.
 * Nothing is written except to the file `--out` names, and never over an existing file unless
 * `--force` is given; without `--out` the result goes to standard output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prepare } from './engine/check';
import { type DraftSource, draftFactBase, draftFormatOf } from './engine/curate/draft';
import { formatProblem } from './engine/factbase/model';
import { importCsv } from './csvImport';
import { bundledFactBasePath, loadFactBases, resolveData } from './factfiles';
import { lintFiles, WORKSPACE_SCHEMA } from './lint';

type Out = (s: string) => void;

interface Parsed {
  files: string[];
  facts: string[];
  out?: string;
  force: boolean;
  format: 'text' | 'json';
  strict: boolean;
  /** `--no-default-facts`: as for a check, only the files given, never the bundled fact base. */
  noDefault: boolean;
}

function parse(cmd: string, argv: string[], err: Out, allowed: readonly string[]): Parsed | undefined {
  const p: Parsed = { files: [], facts: [], force: false, format: 'text', strict: false, noDefault: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
    if (name.startsWith('-') && !allowed.includes(name)) {
      err(`factcheck facts ${cmd}: unknown option ${name}\n`);
      return undefined;
    }
    if (name === '--facts' || name === '--out' || name === '--format') {
      const v = value();
      if (v === undefined) {
        err(`factcheck facts ${cmd}: ${name} needs a value\n`);
        return undefined;
      }
      if (name === '--facts') p.facts.push(path.resolve(v));
      else if (name === '--out') p.out = path.resolve(v);
      else if (v === 'text' || v === 'json') p.format = v;
      else {
        err(`factcheck facts ${cmd}: --format must be text or json\n`);
        return undefined;
      }
    } else if (name === '--force') p.force = true;
    else if (name === '--strict') p.strict = true;
    else if (name === '--no-default-facts') p.noDefault = true;
    else p.files.push(a);
  }
  return p;
}

/** Writes `text` to `--out`, or to standard output. Refuses to replace a file unless forced. */
function emit(p: Parsed, text: string, out: Out, err: Out, cmd: string): number {
  if (!p.out) {
    out(text);
    return 0;
  }
  if (fs.existsSync(p.out) && !p.force) {
    err(`factcheck facts ${cmd}: ${p.out} exists; nothing written (use --force to replace it)\n`);
    return 2;
  }
  try {
    fs.mkdirSync(path.dirname(p.out), { recursive: true });
    fs.writeFileSync(p.out, text);
  } catch (e) {
    err(`factcheck facts ${cmd}: cannot write ${p.out}: ${(e as Error).message}\n`);
    return 2;
  }
  err(`wrote ${path.relative(process.cwd(), p.out) || p.out}\n`);
  return 0;
}

/**
 * The fact bases a `facts test` or `facts lint` works on, as a check takes them: the files given, else the bundled one.
 * Undefined, the error said, when `--no-default-facts` leaves none.
 */
export function factBasesToUse(cmd: 'test' | 'lint', files: string[], noDefault: boolean, err: Out): string[] | undefined {
  if (files.length) return files;
  if (noDefault) {
    err(`factcheck facts ${cmd}: --no-default-facts leaves nothing to ${cmd}; give --facts FILE\n`);
    return undefined;
  }
  return [bundledFactBasePath()];
}

/** `factcheck facts lint [--no-default-facts] [--facts F]... [--format text|json] [--strict]`: the files given, else the bundled fact base. */
export function factsLint(argv: string[], out: Out, err: Out): number {
  const p = parse('lint', argv, err, ['--facts', '--format', '--strict', '--no-default-facts']);
  if (!p) return 2;
  const files = factBasesToUse('lint', [...p.facts, ...p.files.map((f) => path.resolve(f))], p.noDefault, err);
  if (!files) return 2;
  const loaded = loadFactBases(files);
  for (const problem of loaded.problems) err(formatProblem(problem) + '\n');
  if (!loaded.base) return 2;
  const problems = lintFiles(prepare(loaded.base), files);
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  if (p.format === 'json') out(JSON.stringify(problems.map((q) => ({ ...q, file: rel(q.file), severity: 'warning' }))) + '\n');
  else {
    for (const q of problems) out(`${rel(q.file)}:${q.line}:${q.column}: warning: ${q.message} [${q.code}]\n`);
    out(`${problems.length} warning${problems.length === 1 ? '' : 's'} in ${loaded.base.facts.length} facts (${files.map(rel).join(', ')})\n`);
  }
  return p.strict && problems.length ? 1 : 0;
}

/**
 * `factcheck facts schema [--out FILE]`: the fact base schema, for a workspace fact base's
 * `$schema`. It is the shipped `data/factbase.schema.json` (a unit test keeps it equal to the
 * TypeBox definitions), so the CLI never loads TypeBox.
 */
export function factsSchema(argv: string[], out: Out, err: Out): number {
  const p = parse('schema', argv, err, ['--out', '--force']);
  if (!p) return 2;
  return emit(p, fs.readFileSync(resolveData('factbase.schema.json'), 'utf8'), out, err, 'schema');
}

/** Reads a source document for drafting: Markdown, plain text or saved HTML. */
function readSource(file: string): DraftSource {
  return { name: path.basename(file), text: fs.readFileSync(file, 'utf8'), format: draftFormatOf(file) };
}

/** `factcheck facts draft SOURCE... [--out FILE] [--force]`. */
export function factsDraft(argv: string[], out: Out, err: Out): number {
  const p = parse('draft', argv, err, ['--out', '--force']);
  if (!p) return 2;
  if (!p.files.length) {
    err('Usage: factcheck facts draft SOURCE... [--out FILE] [--force]\n');
    return 2;
  }
  const sources: DraftSource[] = [];
  for (const f of p.files) {
    try {
      sources.push(readSource(f));
    } catch (e) {
      err(`${f}: error: cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return 2;
    }
  }
  const drafted = draftFactBase(sources, { schema: WORKSPACE_SCHEMA });
  err(`${drafted.facts.length} candidate facts from ${sources.length} source${sources.length === 1 ? '' : 's'}; review each before use\n`);
  return emit(p, JSON.stringify(drafted, null, 2) + '\n', out, err, 'draft');
}

/** `factcheck facts import FILE.csv [--out FILE] [--force]`. */
export function factsImport(argv: string[], out: Out, err: Out): number {
  const p = parse('import', argv, err, ['--out', '--force']);
  if (!p) return 2;
  if (p.files.length !== 1) {
    err('Usage: factcheck facts import FILE.csv [--out FILE] [--force]\n');
    return 2;
  }
  const file = p.files[0];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    err(`${file}: error: cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 2;
  }
  const r = importCsv(text, { schema: WORKSPACE_SCHEMA });
  for (const e of r.errors) err(`${file}:${e.row}:${e.column}: error: ${e.message}\n`);
  if (r.errors.length) {
    err(`${r.errors.length} bad row${r.errors.length === 1 ? '' : 's'}; nothing written\n`);
    return 2;
  }
  return emit(p, JSON.stringify(r.base, null, 2) + '\n', out, err, 'import');
}
