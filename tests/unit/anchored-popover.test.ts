import { describe, expect, it } from 'vitest';
import { placeNextTo } from '@/utils/ui/anchored-popover';

const viewport = { width: 1000, height: 800 };
const button = (left: number, top: number) => ({ left, top, bottom: top + 30 });

describe('placeNextTo: the template list next to its button', () => {
  it('opens above the button when there is room', () => {
    expect(placeNextTo(button(100, 500), { width: 220, height: 120 }, viewport)).toEqual({ top: 376, left: 100 });
  });

  it('opens below when the button is near the top of the window', () => {
    expect(placeNextTo(button(100, 50), { width: 220, height: 120 }, viewport)).toEqual({ top: 84, left: 100 });
  });

  it('stays inside the window on the right and at the top when neither side has room', () => {
    expect(placeNextTo(button(950, 100), { width: 220, height: 750 }, viewport)).toEqual({ top: 0, left: 780 });
  });
});
