import type { PageImage } from '@sohoa/core';

// ITU-R BT.601 luma, in integer arithmetic (weights sum to 1024).
const R = 306;
const G = 601;
const B = 117;

// The quality gate and preprocessing steps grey the same decoded page several times: convert once.
const converted = new WeakMap<Uint8Array, Uint8Array>();

/** A 1-channel copy of a page (BT.601 luma); a grey page is returned as is. Treat the result's pixels as read-only. */
export function toGrey(page: PageImage): PageImage {
  if (page.channels === 1) return page;
  const cached = converted.get(page.pixels);
  if (cached) return { ...page, channels: 1, pixels: cached, diagnostics: [...page.diagnostics] };
  const count = page.width * page.height;
  const grey = new Uint8Array(count);
  const src = page.pixels;
  const step = page.channels;
  for (let i = 0, p = 0; i < count; i++, p += step) {
    let value = (src[p]! * R + src[p + 1]! * G + src[p + 2]! * B + 512) >> 10;
    // Composite RGBA onto white so transparent areas read as paper.
    if (step === 4) {
      const alpha = src[p + 3]!;
      value = ((value * alpha + 255 * (255 - alpha) + 127) / 255) | 0;
    }
    grey[i] = value;
  }
  converted.set(page.pixels, grey);
  return { ...page, channels: 1, pixels: grey, diagnostics: [...page.diagnostics] };
}
