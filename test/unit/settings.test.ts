import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/settings';

test('settings: missing or wrong values fall back to defaults, good ones are kept', () => {
  assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(normalizeSettings('nonsense'), DEFAULT_SETTINGS);
  const s = normalizeSettings({
    enable: 'yes',
    debounceMs: -5,
    maxFileSizeMB: 'big',
    factBases: ['a.json', 3, ''],
    severity: { conflict: 'error', outdated: 'loud' },
    fileExtensions: 'md',
  });
  assert.equal(s.enable, true);
  assert.equal(s.debounceMs, 0, 'clamped to the allowed range');
  assert.equal(s.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB);
  assert.deepEqual(s.factBases, ['a.json']);
  assert.deepEqual(s.severity, { conflict: 'error', outdated: 'information', consistent: 'off', unverified: 'off' });
  assert.deepEqual(s.fileExtensions, DEFAULT_SETTINGS.fileExtensions);
});
