// Moves a line range through a diff: lines inserted or deleted above it shift it, changes inside
// it stay inside it, and a range whose lines were all deleted ends (null).
import type { Hunk } from './line-diff';

/** 1-based, inclusive. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

export function reanchorRange(range: LineRange, hunks: readonly Hunk[]): LineRange | null {
  const s = range.startLine - 1;
  const e = range.endLine - 1;
  let start = -1;
  let end = -1;
  let shiftBefore = 0; // net lines added by hunks wholly above the current position
  let startDone = false;
  for (const h of hunks) {
    // Hunks wholly above the start (an insertion exactly at the start counts as above).
    if (!startDone) {
      if (h.oldEnd <= s && !(h.oldStart === h.oldEnd && h.oldStart > s)) {
        shiftBefore += h.newEnd - h.newStart - (h.oldEnd - h.oldStart);
        continue;
      }
      start = h.oldStart <= s && s < h.oldEnd ? h.newStart : s + shiftBefore;
      startDone = true;
    }
    if (h.oldStart > e) break;
    // An insertion right after the last line does not belong to the range.
    if (h.oldStart === h.oldEnd && h.oldStart === e + 1) break;
    if (h.oldStart <= e && e < h.oldEnd) {
      end = h.newEnd - 1;
      return end >= start ? { startLine: start + 1, endLine: end + 1 } : null;
    }
    shiftBefore += h.newEnd - h.newStart - (h.oldEnd - h.oldStart);
  }
  if (!startDone) start = s + shiftBefore;
  end = e + shiftBefore;
  return end >= start ? { startLine: start + 1, endLine: end + 1 } : null;
}

/** The new-side line ranges a diff added or changed (what a save links to the active task). */
export function changedRanges(hunks: readonly Hunk[]): LineRange[] {
  return hunks.filter((h) => h.newEnd > h.newStart).map((h) => ({ startLine: h.newStart + 1, endLine: h.newEnd }));
}
