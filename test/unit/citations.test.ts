import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyChanges, type Citable, citationChanges } from '../../server/src/citations';
import type { SourceInfo } from '../../server/src/report';

const WSJ: SourceInfo = {
  id: 'wsj-2025-07-25',
  publisher: 'The Wall Street Journal',
  title: 'Trump seeks a bargain',
  published: '2025-07-25',
  url: 'https://wsj.example/a',
  asOf: '2025-07',
};
const CITY: SourceInfo = { id: 'city-budget', title: 'City Budget 2025', published: '2025-03-14', asOf: '2025-03' };

const TEXT = 'China did not meet the $200 billion commitment. The dam costs $170 billion, and the budget is $4.2 million.\n';
const at = (figure: string, source: SourceInfo): Citable => ({ start: TEXT.indexOf(figure), end: TEXT.indexOf(figure) + figure.length, source });
const items = [at('$200 billion', WSJ), at('$170 billion', WSJ), at('$4.2 million', CITY)];

test('footnote: a label after each sentence, once per source and sentence; each definition once, at the end', () => {
  const out = applyChanges(TEXT, citationChanges(TEXT, items, 'footnote', true));
  assert.equal(
    out,
    'China did not meet the $200 billion commitment.[^wsj-2025-07-25] The dam costs $170 billion, and the budget is $4.2 million.[^wsj-2025-07-25][^city-budget]\n' +
      '\n[^wsj-2025-07-25]: The Wall Street Journal, *Trump seeks a bargain*, 2025-07-25. <https://wsj.example/a>\n[^city-budget]: *City Budget 2025*, 2025-03-14.\n',
  );
  // Citing again changes nothing: every figure is cited and every footnote defined.
  const again = citationChanges(
    out,
    [{ ...items[0] }].map((i) => ({ ...i })),
    'footnote',
    true,
  );
  assert.deepEqual(
    applyChanges(
      out,
      again.filter((c) => c.start !== out.length),
    ),
    out,
  );
});

test('link: the figure becomes a link to the source; without an address, the parenthetical', () => {
  assert.equal(
    applyChanges(TEXT, citationChanges(TEXT, [items[0], items[2]], 'link', true)),
    'China did not meet the [$200 billion](https://wsj.example/a) commitment. The dam costs $170 billion, and the budget is $4.2 million (City Budget 2025, 2025-03-14).\n',
  );
});

test('parenthetical, and plain text always gets it', () => {
  const expected =
    'China did not meet the $200 billion (The Wall Street Journal, 2025-07-25) commitment. The dam costs $170 billion, and the budget is $4.2 million.\n';
  assert.equal(applyChanges(TEXT, citationChanges(TEXT, [items[0]], 'parenthetical', true)), expected);
  assert.equal(applyChanges(TEXT, citationChanges(TEXT, [items[0]], 'footnote', false)), expected);
  // Already there: nothing to add.
  assert.deepEqual(citationChanges(expected, [{ ...items[0] }], 'parenthetical', true), []);
});

test('footnote: a title or an initialism is not the end of the sentence', () => {
  const text = 'Costs rose to $5 billion, per Dr. Smith of the U.S. Treasury.\n';
  const item: Citable = { start: text.indexOf('$5 billion'), end: text.indexOf('$5 billion') + 10, source: CITY };
  assert.equal(
    applyChanges(text, citationChanges(text, [item], 'footnote', true)),
    'Costs rose to $5 billion, per Dr. Smith of the U.S. Treasury.[^city-budget]\n\n[^city-budget]: *City Budget 2025*, 2025-03-14.\n',
  );
});
