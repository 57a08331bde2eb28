import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSupportedFileType, sniffFileType } from './sniff';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffFileType', () => {
  it('recognises each signature', () => {
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffFileType(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffFileType(bytes(0x49, 0x49, 0x2a, 0x00, 8))).toBe('tiff');
    expect(sniffFileType(bytes(0x4d, 0x4d, 0x00, 0x2a, 0))).toBe('tiff');
    expect(sniffFileType(ascii('GIF89a'))).toBe('gif');
    expect(sniffFileType(new Uint8Array([0x42, 0x4d, ...new Array(30).fill(0)]))).toBe('bmp');
    expect(sniffFileType(ascii('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFileType(ascii('junk before %PDF-1.4\n'))).toBe('pdf');
  });

  it('ignores names and says unknown for text, RIFF non-WebP and empty input', () => {
    expect(sniffFileType(ascii('this is a text file pretending to be scan.jpg'))).toBe('unknown');
    expect(sniffFileType(ascii('RIFF\0\0\0\0WAVEfmt '))).toBe('unknown');
    expect(sniffFileType(new Uint8Array())).toBe('unknown');
    expect(sniffFileType(bytes(0xff, 0xd8))).toBe('unknown');
  });

  it('never throws and always answers a known type', () => {
    const types = ['jpeg', 'png', 'webp', 'tiff', 'bmp', 'gif', 'pdf', 'unknown'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        expect(types).toContain(sniffFileType(input));
      }),
    );
  });

  it('depends only on content: any suffix after a JPEG signature stays JPEG', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (tail) => {
        expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, ...tail]))).toBe('jpeg');
      }),
    );
  });

  it('marks only decodable types as supported', () => {
    expect(['jpeg', 'png', 'webp', 'tiff', 'bmp', 'pdf'].every((t) => isSupportedFileType(t as never))).toBe(true);
    expect(isSupportedFileType('gif')).toBe(false);
    expect(isSupportedFileType('unknown')).toBe(false);
  });
});
