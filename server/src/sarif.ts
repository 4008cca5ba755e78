/**
 * SARIF 2.1.0 output, in the subset GitHub code scanning reads: one run, one rule per
 * verdict, 1-based regions with UTF-16 columns, paths relative to the checkout.
 */
import type { Diagnostic } from './report';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULES = [
  { id: 'conflict', name: 'FigureConflictsWithSource', text: 'A figure in the draft contradicts the sourced fact about the same thing.', level: 'warning' },
  { id: 'outdated', name: 'FigureIsOutdated', text: 'A figure in the draft matches an older sourced fact that a newer one supersedes.', level: 'note' },
  { id: 'consistent', name: 'FigureIsBacked', text: 'A figure in the draft agrees with a sourced fact.', level: 'note' },
];

export function toSarif(reports: Array<{ path: string; diagnostics: Diagnostic[] }>, version: string): object {
  const results = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      results.push({
        ruleId: d.code,
        ruleIndex: RULES.findIndex((x) => x.id === d.code),
        level: LEVEL[d.severity],
        message: { text: `${d.message} Source: "${d.quote}"` },
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
        partialFingerprints: { factClaim: `${d.factId}:${d.claim}` },
        properties: { factId: d.factId, expected: d.expected, claim: d.claim },
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
