import { describe, expect, it } from 'vitest';
import { batchesOf } from '../mailbox-watcher.js';

describe('batchesOf', () => {
  it('cuts UIDs in order by count and by bytes, and lets a larger message go alone', () => {
    const m = (uid: number, size: number) => ({ uid, size });
    expect(batchesOf([], 3, 100)).toEqual([]);
    expect(batchesOf([m(1, 10), m(2, 10), m(3, 10), m(4, 10)], 3, 100)).toEqual([[1, 2, 3], [4]]);
    expect(batchesOf([m(1, 60), m(2, 30), m(3, 20), m(4, 10)], 10, 100)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(batchesOf([m(1, 10), m(2, 500), m(3, 10)], 10, 100)).toEqual([[1], [2], [3]]);
    expect(batchesOf([m(5, 100), m(9, 0)], 10, 100)).toEqual([[5, 9]]);
    // A small first batch, then full ones.
    expect(
      batchesOf(
        [1, 2, 3, 4, 5, 6, 7].map((uid) => m(uid, 1)),
        3,
        100,
        1,
      ),
    ).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
  });
});
