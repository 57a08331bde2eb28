import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePeople } from './people';
import { renderCccd } from './render';
import type { GenerateSeedSetOptions, ScanTruth, SeedSetResult } from './types';

export const GENERATOR = '@sohoa/seeds cccd-2021 v1';

/**
 * Generate people and their CCCD scans: `outDir/cccd/<nn>-<slug>/{front.jpg, back.jpg, truth.json}` and
 * `outDir/people.json`. The last `degradedShare` of the people get degraded scans.
 *
 * @example await generateSeedSet({ seed: 1, count: 6, outDir: 'seeds/data' })
 */
export async function generateSeedSet(options: GenerateSeedSetOptions): Promise<SeedSetResult> {
  const { seed, count, outDir } = options;
  const people = generatePeople(seed, count);
  const degradedCount = Math.round(count * (options.degradedShare ?? 0.5));
  const folders: string[] = [];
  for (const [i, person] of people.entries()) {
    const degraded = i >= count - degradedCount;
    const folder = join('cccd', person.slug);
    const dir = join(outDir, folder);
    await mkdir(dir, { recursive: true });
    const sideSeed = (side: number): number => (seed * 1000 + i * 2 + side) >>> 0;
    const front = await renderCccd(person, { side: 'front', seed: sideSeed(0), degrade: degraded ? {} : false });
    const back = await renderCccd(person, { side: 'back', seed: sideSeed(1), degrade: degraded ? {} : false });
    await writeFile(join(dir, 'front.jpg'), front.image);
    await writeFile(join(dir, 'back.jpg'), back.image);
    const truth: ScanTruth = {
      generator: GENERATOR,
      seed,
      person: {
        idNumber: person.idNumber,
        ...(person.oldIdNumber === undefined ? {} : { oldIdNumber: person.oldIdNumber }),
        fullName: person.fullName,
        birthDate: person.birthDate,
        sex: person.sex,
        nationality: person.nationality,
        hometown: person.hometown,
        permanentAddress: person.permanentAddress,
        ethnicity: person.ethnicity,
      },
      card: {
        type: person.card.type,
        issueDate: person.card.issueDate,
        expiryDate: person.card.expiryDate,
        issuer: person.card.issuer,
        identifyingMarks: person.card.identifyingMarks,
        qrPayload: person.card.qrPayload,
        mrz: person.card.mrz,
      },
      files: { front: 'front.jpg', back: 'back.jpg' },
      degradations: { front: front.degradations, back: back.degradations },
      boxes: { front: front.boxes, back: back.boxes },
      image: { front: { width: front.width, height: front.height }, back: { width: back.width, height: back.height } },
    };
    await writeFile(join(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
    folders.push(folder);
  }
  await writeFile(
    join(outDir, 'people.json'),
    `${JSON.stringify({ generator: GENERATOR, seed, count, people }, null, 2)}\n`,
  );
  return { outDir, people, folders };
}
