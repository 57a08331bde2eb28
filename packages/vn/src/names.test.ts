import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitVietnameseName, toProperCaseName } from './names';
import { parseSex, sexToVietnamese } from './sex';
import { mrzCheckDigit, toMrzName } from './mrz';
import { isSohoaError } from '@sohoa/core';

describe('names', () => {
  it('proper-cases and normalises', () => {
    expect(toProperCaseName('NGUYỄN THỊ HOÀ')).toBe('Nguyễn Thị Hoà');
    expect(toProperCaseName('  đặng   văn  thủy ')).toBe('Đặng Văn Thuỷ');
    expect(toProperCaseName('ỨNG HOÀNG HIỆP')).toBe('Ứng Hoàng Hiệp');
  });

  it('splits family, middle and given names', () => {
    expect(splitVietnameseName('Nguyễn Thị Thu Hòa')).toEqual({ family: 'Nguyễn', middle: 'Thị Thu', given: 'Hoà' });
    expect(splitVietnameseName('Lê An')).toEqual({ family: 'Lê', middle: '', given: 'An' });
    expect(splitVietnameseName('Âu Dương Minh Khang')).toEqual({ family: 'Âu Dương', middle: 'Minh', given: 'Khang' });
    expect(splitVietnameseName('Hà')).toEqual({ family: '', middle: '', given: 'Hà' });
    expect(splitVietnameseName('')).toEqual({ family: '', middle: '', given: '' });
  });

  it('never throws and proper case is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = toProperCaseName(s);
        expect(toProperCaseName(once)).toBe(once);
        void splitVietnameseName(s);
      }),
    );
  });
});

describe('sex', () => {
  it.each([
    ['Nam', 'male'],
    ['NAM', 'male'],
    ['M', 'male'],
    ['male', 'male'],
    ['Nữ', 'female'],
    ['NU', 'female'],
    ['nữ', 'female'],
    ['F', 'female'],
    ['Female', 'female'],
    ['x', undefined],
    ['', undefined],
  ])('%s', (text, sex) => {
    expect(parseSex(text)).toBe(sex);
  });

  it('writes Vietnamese and never throws', () => {
    expect(sexToVietnamese('male')).toBe('Nam');
    expect(sexToVietnamese('female')).toBe('Nữ');
    fc.assert(fc.property(fc.string(), (s) => void parseSex(s)));
  });
});

describe('MRZ', () => {
  it('computes ICAO check digits (sample CCCD MRZ)', () => {
    expect(mrzCheckDigit('093047064')).toBe(1);
    expect(mrzCheckDigit('001093047064')).toBe(2);
    expect(mrzCheckDigit('930105')).toBe(4);
    expect(mrzCheckDigit('330105')).toBe(2);
    expect(mrzCheckDigit('0930470641001093047064<<2' + '9301054' + '3301052' + '<<<<<<<<<<<')).toBe(8);
    expect(mrzCheckDigit('L898902C3')).toBe(6);
  });

  it('throws VN_INVALID_MRZ_CHARACTER on lower case or marks', () => {
    try {
      mrzCheckDigit('abc');
      expect.unreachable();
    } catch (e) {
      expect(isSohoaError(e, 'VN_INVALID_MRZ_CHARACTER')).toBe(true);
    }
  });

  it('writes names in MRZ form', () => {
    expect(toMrzName('Ứng Hoàng Hiệp')).toBe('UNG<<HOANG<HIEP<<<<<<<<<<<<<<<');
    expect(toMrzName('Đặng Thị Thuỷ')).toBe('DANG<<THI<THUY<<<<<<<<<<<<<<<<');
    expect(toMrzName('Nguyễn Văn An')).toHaveLength(30);
  });

  it('always yields 30 valid MRZ characters', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const mrz = toMrzName(s);
        expect(mrz).toMatch(/^[A-Z0-9<]{30}$/);
        expect(mrzCheckDigit(mrz)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
