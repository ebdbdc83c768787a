import { describe, expect, it } from '@jest/globals';
import { fitWithin, OUTBOX_PHOTO_MAX_SIDE, resizePhoto } from './outbox-image';

describe('photos resized before they are queued', () => {
  it('fits the longest side within 2048 px, keeping the proportions, and never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1536, height: 2048 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(OUTBOX_PHOTO_MAX_SIDE * 10, 1)).toEqual({ width: 2048, height: 1 });
  });

  it('keeps the file as it is where the browser cannot decode it (no createImageBitmap)', async () => {
    const file = new Blob(['not decoded here'], { type: 'image/jpeg' });
    expect(await resizePhoto(file)).toBe(file);
  });
});
