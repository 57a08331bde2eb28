import { describe, expect, it } from 'vitest';
import { checkPersonalIdAgainst, isCmnd, mrzCheckDigit, normalizeText, parsePersonalId, toMrzName } from '@sohoa/vn';
import { cccdExpiry, generatePeople } from './people';
import { composeCccdMrz } from './mrz-td1';

const people = generatePeople(7, 40);

describe('generatePeople', () => {
  it('is deterministic', () => {
    expect(generatePeople(7, 40)).toEqual(people);
    expect(generatePeople(8, 3)).not.toEqual(people.slice(0, 3));
  });

  it('gives IDs consistent with birth province, sex and year', () => {
    for (const p of people) {
      const parsed = parsePersonalId(p.idNumber);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.provinceCode).toBe(p.birthProvinceCode);
      expect(checkPersonalIdAgainst(p.idNumber, { birthDate: p.birthDate, sex: p.sex })).toEqual([]);
      if (p.oldIdNumber !== undefined) expect(isCmnd(p.oldIdNumber)).toBe(true);
    }
  });

  it('keeps names normalised, dates in range and the card rules', () => {
    for (const p of people) {
      expect(normalizeText(p.fullName)).toBe(p.fullName);
      expect(p.birthDate >= '1950-01-01' && p.birthDate <= '2010-06-30').toBe(true);
      expect(p.card.issueDate >= '2021-01-01' && p.card.issueDate <= '2024-06-30').toBe(true);
      expect(p.card.expiryDate).toBe(cccdExpiry(p.birthDate, p.card.issueDate));
      expect(p.nationality).toBe('Việt Nam');
    }
    expect(people.some((p) => p.card.expiryDate === null)).toBe(true);
    expect(people.some((p) => p.card.expiryDate !== null)).toBe(true);
    expect(new Set(people.map((p) => p.sex)).size).toBe(2);
  });

  it('writes the 7-field QR payload', () => {
    for (const p of people) {
      const fields = p.card.qrPayload.split('|');
      expect(fields).toHaveLength(7);
      expect(fields[0]).toBe(p.idNumber);
      expect(fields[1]).toBe(p.oldIdNumber ?? '');
      expect(fields[2]).toBe(p.fullName);
      expect(fields[3]).toBe(p.birthDate.split('-').reverse().join(''));
      expect(fields[4]).toBe(p.sex === 'male' ? 'Nam' : 'Nữ');
      expect(fields[5]).toBe(p.permanentAddress);
      expect(fields[6]).toBe(p.card.issueDate.split('-').reverse().join(''));
    }
  });
});

describe('cccdExpiry', () => {
  it('follows the 25/40/60 rule with the two-year window', () => {
    expect(cccdExpiry('2000-05-10', '2021-03-01')).toBe('2025-05-10');
    expect(cccdExpiry('1998-05-10', '2021-06-01')).toBe('2038-05-10');
    expect(cccdExpiry('1990-01-01', '2022-01-01')).toBe('2030-01-01');
    expect(cccdExpiry('1970-02-01', '2021-03-01')).toBe('2030-02-01');
    expect(cccdExpiry('1963-02-01', '2021-03-01')).toBeNull();
    expect(cccdExpiry('2004-02-29', '2022-01-01')).toBe('2029-02-28');
  });
});

describe('composeCccdMrz', () => {
  it('reproduces the public sample layout', () => {
    const mrz = composeCccdMrz({
      idNumber: '001093047064',
      fullName: 'Ứng Hoàng Hiệp',
      birthDate: '1993-01-05',
      sex: 'male',
      expiryDate: '2033-01-05',
    });
    expect(mrz).toEqual([
      'IDVNM0930470641001093047064<<2',
      '9301054M3301052VNM<<<<<<<<<<<8',
      'UNG<<HOANG<HIEP<<<<<<<<<<<<<<<',
    ]);
  });

  it('has valid check digits for every generated person', () => {
    for (const p of people) {
      const [l1, l2, l3] = p.card.mrz;
      for (const line of p.card.mrz) expect(line).toMatch(/^[A-Z0-9<]{30}$/);
      expect(Number(l1[14])).toBe(mrzCheckDigit(l1.slice(5, 14)));
      expect(l1.slice(15, 27)).toBe(p.idNumber);
      expect(Number(l1[29])).toBe(mrzCheckDigit(p.idNumber));
      expect(Number(l2[6])).toBe(mrzCheckDigit(l2.slice(0, 6)));
      expect(l2[7]).toBe(p.sex === 'male' ? 'M' : 'F');
      if (p.card.expiryDate === null) expect(l2.slice(8, 15)).toBe('<<<<<<<');
      else expect(Number(l2[14])).toBe(mrzCheckDigit(l2.slice(8, 14)));
      expect(Number(l2[29])).toBe(mrzCheckDigit(l1.slice(5) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29)));
      expect(l3).toBe(toMrzName(p.fullName));
    }
  });
});
