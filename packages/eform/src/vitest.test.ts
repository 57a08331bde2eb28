import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import { toAutoFill } from './vitest';

const ct01 = JSON.parse(
  readFileSync(
    new URL('../../../schemas/forms/ct01-to-khai-thay-doi-thong-tin-cu-tru.schema.json', import.meta.url),
    'utf8',
  ),
);

describe('toAutoFill', () => {
  const filled = fillForm(ct01, syntheticProfile(), { now: new Date(2026, 2, 5) });

  it('passes at or under the form coverage and fails above it', () => {
    expect(filled).toAutoFill({ atLeast: 0.2 });
    expect(filled).not.toAutoFill({ atLeast: 0.99 });
    expect(toAutoFill(filled, { atLeast: filled.coverage.ratio }).pass).toBe(true);
  });

  it('lists unfilled pointers and reasons without values', () => {
    const result = toAutoFill(filled, { atLeast: 1 });
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('/kinhGui: empty (no-data)');
    expect(message).not.toContain('Nguyễn Thị Thử');
    expect(toAutoFill({ nope: true }).message()).toContain('fillForm');
  });
});
