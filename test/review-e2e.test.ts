import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const work = mkdtempSync(join(tmpdir(), 'sohoa-review-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function sohoa(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

it('an officer reviews a doubtful field: sees the crop, corrects it, and the decision is recorded', async () => {
  expect(existsSync(bin)).toBe(true);
  const vault = join(work, 'v.db');
  // Only the front of a degraded card: no QR, so a field whose readings disagree (here the name) stays
  // below the review threshold. (Since the card reader reads every field of card 04 right and sure, that
  // card no longer leaves anything to review.)
  const digitized = await sohoa([
    'digitize',
    'seeds/data/cccd/02-nguyen-thanh-thuy/front.jpg',
    '--vault',
    vault,
    '--quiet',
    '--json',
  ]);
  expect(digitized.code, digitized.stderr).toBe(0);
  const listed = await sohoa(['review', 'list', '--vault', vault, '--json']);
  expect(listed.code, listed.stderr).toBe(0);
  const { items } = JSON.parse(listed.stdout) as { items: Array<{ id: string; key: string; subjectId: string }> };
  expect(items.length).toBeGreaterThan(0);
  const item = items.find((i) => i.key === 'person.sex') ?? items[0]!;
  const crop = join(work, 'crop.png');
  const shown = await sohoa(['review', 'show', item.id, '--vault', vault, '--crop', crop]);
  expect(shown.code, shown.stderr).toBe(0);
  expect(readFileSync(crop).subarray(1, 4).toString()).toBe('PNG');
  const value = item.key === 'person.sex' ? 'male' : 'CORRECTED-VALUE';
  const corrected = await sohoa([
    'review',
    'correct',
    item.id,
    '--vault',
    vault,
    '--value',
    value,
    '--by',
    'officer:test',
    '--reason',
    'checked against the paper card',
  ]);
  expect(corrected.code, corrected.stderr).toBe(0);
  const after = await sohoa(['review', 'list', '--vault', vault, '--json', '--status', 'corrected']);
  expect(JSON.parse(after.stdout).items.map((i: { id: string }) => i.id)).toEqual([item.id]);
  const again = await sohoa(['review', 'correct', 'no-such-id', '--vault', vault, '--value', 'x']);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/BATCH_REVIEW_NOT_FOUND/);
});
