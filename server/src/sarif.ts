/**
 * SARIF 2.1.0 output, in the subset GitHub code scanning reads: one run, one rule per
 * verdict, 1-based regions with UTF-16 columns, paths relative to the checkout.
 */
import type { Diagnostic, UnverifiedDiagnostic } from './report';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULES = [
  { id: 'conflict', name: 'FigureConflictsWithSource', text: 'A figure in the draft contradicts the sourced fact about the same thing.', level: 'warning' },
  { id: 'outdated', name: 'FigureIsOutdated', text: 'A figure in the draft matches an older sourced fact that a newer one supersedes.', level: 'note' },
  { id: 'consistent', name: 'FigureIsBacked', text: 'A figure in the draft agrees with a sourced fact.', level: 'note' },
  { id: 'unverified', name: 'FigureIsUnverified', text: 'No sourced fact backs or contradicts a figure in the draft.', level: 'note' },
];

export function toSarif(reports: Array<{ path: string; diagnostics: Array<Diagnostic | UnverifiedDiagnostic> }>, version: string): object {
  const results = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const fact = d.code === 'unverified' ? undefined : d;
      results.push({
        ruleId: d.code,
        ruleIndex: RULES.findIndex((x) => x.id === d.code),
        level: LEVEL[d.severity],
        message: { text: fact ? `${d.message} Source: "${fact.quote}"` : d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.path.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { factClaim: `${fact?.factId ?? 'unverified'}:${d.claim}` },
        properties: fact ? { factId: fact.factId, expected: fact.expected, claim: d.claim } : { claim: d.claim },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'factcheck',
            fullName: 'Policy Fact Check',
            version,
            semanticVersion: version,
            rules: RULES.map((x) => ({
              id: x.id,
              name: x.name,
              shortDescription: { text: x.text },
              fullDescription: { text: x.text },
              defaultConfiguration: { level: x.level },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + process.cwd().split('\\').join('/').replace(/\/?$/, '/') } },
        results,
      },
    ],
  };
}
