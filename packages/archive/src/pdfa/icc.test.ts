import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRun } from '../../../../test/fixtures/skip';
import { readIccHeader, srgbIccProfile } from './icc';

describe('the sRGB ICC profile built in code', () => {
  it('has a v2 display RGB header whose size is the byte count', () => {
    const bytes = srgbIccProfile();
    expect(readIccHeader(bytes)).toEqual({
      size: bytes.length,
      version: 2,
      deviceClass: 'mntr',
      colorSpace: 'RGB ',
      pcs: 'XYZ ',
    });
    expect(readIccHeader(bytes.subarray(0, 100))).toBeUndefined();
    expect(readIccHeader(new Uint8Array(200))).toBeUndefined();
  });

  it('gives the same bytes on each call, and a copy the caller may change', () => {
    const a = srgbIccProfile();
    a[0] = 0xff;
    expect(srgbIccProfile()[0]).not.toBe(0xff);
    expect(Buffer.compare(srgbIccProfile(), srgbIccProfile())).toBe(0);
  });

  const transicc = spawnSync('transicc', ['-v'], { stdio: 'ignore' }).error === undefined;
  it.skipIf(!canRun('archive icc', transicc, 'transicc is not installed (apt-get install liblcms2-utils)'))(
    'Little CMS reads it and converts colours as its own sRGB does (ΔE < 0.1)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sohoa-icc-'));
      try {
        const path = join(dir, 'srgb.icc');
        writeFileSync(path, srgbIccProfile());
        // Primaries, white, a few colours, and ramps of every level (grey, red, green to blue): the curve is sampled.
        let ramps = '';
        for (let v = 0; v < 256; v++) ramps += `${v} ${v} ${v}\n${v} 0 0\n0 ${v} ${255 - v}\n`;
        const input = `255 0 0\n0 255 0\n0 0 255\n128 128 128\n255 255 255\n30 90 200\n${ramps}q\n`;
        const lab = (profile: string) =>
          execFileSync('transicc', ['-i', profile, '-o', '*Lab', '-n'], {
            input,
            encoding: 'utf8',
            stdio: ['pipe', 'pipe', 'ignore'],
          })
            .trim()
            .split('\n')
            .filter((l) => /^-?\d/.test(l.trim()))
            .map((l) => l.trim().split(/\s+/).map(Number));
        const ours = lab(path);
        const reference = lab('*sRGB');
        expect(ours).toHaveLength(6 + 3 * 256);
        expect(reference).toHaveLength(6 + 3 * 256);
        ours.forEach((values, i) => {
          const ref = reference[i] ?? [];
          const deltaE = Math.hypot(...values.map((v, k) => v - (ref[k] ?? Number.NaN)));
          expect(deltaE).toBeLessThan(0.1);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
