/** The portal's service account: every read it makes for a citizen is checked against a grant and audited. */
export const PORTAL_ACTOR = 'portal:dichvucong-demo';

/** The portal's log-in check (is this citizen held?), under a standing grant from its configuration. */
export const ADMIN_ACTOR = 'portal:dang-nhap';

/** The one procedure this example portal offers. */
export const PROCEDURE = {
  /** Purpose named by the grant and by every read for it. */
  purpose: 'dang-ky-khai-sinh',
  name: 'Đăng ký khai sinh',
  /** The citizen's consent lasts this long. */
  grantMinutes: 30,
  /** What the portal asks to read (person.* of the citizen) and to write when the citizen asks it to. */
  keys: ['person.*'],
} as const;
