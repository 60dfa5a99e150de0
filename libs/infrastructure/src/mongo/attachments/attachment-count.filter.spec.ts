import { MingoCollection } from '@primetrade/testing';
import { countKey, firstCount, releaseFilter, releasePlaceUpdate, roomFilter, takePlaceUpdate } from './attachment-count.filter';

describe('the per-task attachment count (conditional updates run by mingo)', () => {
  it('takes places only while there is room, and gives them back down to zero', () => {
    const counts = new MingoCollection<{ _id: string; count: number }>([firstCount('u1', 't1', 1)]);
    const take = () => counts.updateOne(roomFilter('u1', 't1', 3), takePlaceUpdate).matchedCount;
    expect([take(), take(), take()]).toEqual([1, 1, 0]);
    expect(counts.find({ _id: countKey('u1', 't1') })[0].count).toBe(3);
    const release = () => counts.updateOne(releaseFilter('u1', 't1'), releasePlaceUpdate).matchedCount;
    expect([release(), release(), release(), release()]).toEqual([1, 1, 1, 0]);
    expect(counts.find({ _id: countKey('u1', 't1') })[0].count).toBe(0);
    expect(take()).toBe(1);
  });

  it('keeps each task of each owner apart', () => {
    const counts = new MingoCollection([firstCount('u1', 't1', 3), firstCount('u2', 't1', 0)]);
    expect(counts.updateOne(roomFilter('u1', 't1', 3), takePlaceUpdate).matchedCount).toBe(0);
    expect(counts.updateOne(roomFilter('u2', 't1', 3), takePlaceUpdate).matchedCount).toBe(1);
    expect(counts.updateOne(roomFilter('u1', 't2', 3), takePlaceUpdate).matchedCount).toBe(0); // no count yet: initialised from the attachments
  });
});
