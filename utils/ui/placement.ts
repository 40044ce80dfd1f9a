/**
 * Where the hold dialog goes (issue 20): beside the composer, never over its recipients or body.
 * Pure geometry over the composer's box, the dialog's size and the viewport, so it is unit-tested.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** False when no side has room (a small window, a full-screen composer): it then sits at the bottom edge. */
  clear: boolean;
}

const GAP = 8;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * Left of the composer, then right, then above, then below; level with the composer's lower edge (where
 * its Send button is) when beside it. Without room anywhere: over the composer's bottom edge, as before.
 */
export function besideComposer(composer: Box, size: { width: number; height: number }, view: { width: number; height: number }): Placement {
  const { width, height } = size;
  const right = composer.left + composer.width;
  const bottom = composer.top + composer.height;
  const besideTop = clamp(bottom - height, GAP, view.height - height - GAP);
  const fitsVertically = height <= view.height - 2 * GAP;
  if (fitsVertically && composer.left - GAP - width >= GAP) return { left: composer.left - GAP - width, top: besideTop, clear: true };
  if (fitsVertically && right + GAP + width <= view.width - GAP) return { left: right + GAP, top: besideTop, clear: true };
  const alignedLeft = clamp(composer.left, GAP, view.width - width - GAP);
  if (composer.top - GAP - height >= GAP) return { left: alignedLeft, top: composer.top - GAP - height, clear: true };
  if (bottom + GAP + height <= view.height - GAP) return { left: alignedLeft, top: bottom + GAP, clear: true };
  return { left: alignedLeft, top: clamp(view.height - height - GAP, GAP, view.height), clear: false };
}
