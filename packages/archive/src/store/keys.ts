import { SohoaError } from '@sohoa/core';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Refuse keys that could leave the store or collide with its temporary files: segments of ASCII letters,
 * digits, `.`, `_`, `-` separated by `/`, none empty, `.` or `..`, not starting with a dot, at most 512
 * characters. Throws `ARCHIVE_STORE_INVALID_KEY`.
 */
export function assertBlobKey(key: unknown): string {
  const ok =
    typeof key === 'string' &&
    key.length > 0 &&
    key.length <= 512 &&
    key.split('/').every((s) => SEGMENT.test(s) && s !== '..' && !s.includes('.tmp-'));
  if (!ok)
    throw new SohoaError(
      'ARCHIVE_STORE_INVALID_KEY',
      'A blob store key is segments of ASCII letters, digits, `.`, `_` and `-` separated by `/` (no `..`, no leading `/` or dot, at most 512 characters), e.g. `G09.01.02_GKS_000021_V1_20260115_GiayKhaiSinh.pdf`.',
      { details: { length: typeof key === 'string' ? key.length : 0 } },
    );
  return key as string;
}
