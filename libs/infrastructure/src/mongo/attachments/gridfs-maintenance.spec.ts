import { randomBytes } from 'node:crypto';
import { MingoCollection } from '@primetrade/testing';
import { attachmentContext } from '../../core/attachments/encrypted-file-storage';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import type { RotationProgress } from '../../core/security/key-rotation';
import { type GridFsVersionStore, resealGridFs, sweepGridFs } from './gridfs-maintenance';
import { type GridFsFileDoc, supersededQuery, sweepBatchQuery, versionsOfQuery } from './gridfs-versions';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const blind = randomBytes(32);
const oldCipher = new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: blind });
const newCipher = new AesGcmContentCipher({
  keys: new Map([
    ['k1', k1],
    ['k2', k2],
  ]),
  activeKeyId: 'k2',
  blindIndexKey: blind,
});
const progress = (): RotationProgress => ({
  users: { scanned: 0, resealed: 0 },
  tasks: { scanned: 0, resealed: 0 },
  notifications: { scanned: 0, resealed: 0 },
  outbox: { scanned: 0, resealed: 0 },
  webhooks: { scanned: 0, resealed: 0 },
  files: { scanned: 0, resealed: 0 },
});

/** GridFS file documents and contents in memory; the queries are the adapter's, run by mingo. */
class MemoryGridFs implements GridFsVersionStore {
  readonly files: GridFsFileDoc[] = [];
  readonly bytes = new Map<string, Buffer>();
  rows = new Set<string>();
  /** Throws on the n-th delete (a process killed between the new version and the switch). */
  failDeleteAt = -1;
  private deletes = 0;
  private readonly db = new MingoCollection<GridFsFileDoc>(this.files);

  async batch(before: Date, after: string | null, limit: number) {
    return this.db.find(sweepBatchQuery(before, after), { _id: 1 }, limit);
  }
  async newest(keys: readonly string[]) {
    const result = new Map<string, string>();
    for (const key of keys) {
      const { filter, sort } = versionsOfQuery(key);
      const [top] = this.db.find(filter, sort as never, 1);
      if (top) result.set(key, top._id);
    }
    return result;
  }
  async knownKeys(keys: readonly string[]) {
    return new Set(keys.filter((k) => this.rows.has(k)));
  }
  async readVersion(id: string) {
    return this.bytes.get(id) as Buffer;
  }
  async writeVersion(key: string, id: string, bytes: Uint8Array) {
    this.bytes.set(id, Buffer.from(bytes));
    this.files.push({ _id: id, filename: key, uploadDate: new Date(Date.now()) });
  }
  async deleteFile(id: string) {
    if (this.deletes++ === this.failDeleteAt) throw new Error('killed');
    const i = this.files.findIndex((f) => f._id === id);
    if (i >= 0) this.files.splice(i, 1);
    this.bytes.delete(id);
  }
  /** What a download serves: the newest version, opened. */
  async readPlain(key: string, cipher = newCipher): Promise<string> {
    const id = (await this.newest([key])).get(key) as string;
    return Buffer.from(cipher.open(this.bytes.get(id) as Buffer, attachmentContext(key))).toString();
  }
}

const seed = (gridfs: MemoryGridFs, key: string, text: string, at = new Date(Date.now() - 3_600_000)) => {
  gridfs.files.push({ _id: key, filename: key, uploadDate: at });
  gridfs.bytes.set(key, Buffer.from(oldCipher.seal(Buffer.from(text), attachmentContext(key))));
  gridfs.rows.add(key);
};

describe('GridFS content: re-seal by new file then switch, and the orphan sweeper', () => {
  it('finds the newest version first and the superseded ones (mingo)', () => {
    const docs = new MingoCollection<GridFsFileDoc>([
      { _id: 'a', filename: 'a', uploadDate: new Date(1000) },
      { _id: 'a_r2', filename: 'a', uploadDate: new Date(2000) },
      { _id: 'b', filename: 'b', uploadDate: new Date(1500) },
    ]);
    const { filter, sort } = versionsOfQuery('a');
    expect(docs.find(filter, sort as never, 1).map((d) => d._id)).toEqual(['a_r2']);
    expect(docs.find(supersededQuery('a', 'a_r2')).map((d) => d._id)).toEqual(['a']);
    expect(docs.find(sweepBatchQuery(new Date(1600), null), { _id: 1 }).map((d) => d._id)).toEqual(['a', 'b']);
    expect(docs.find(sweepBatchQuery(new Date(3000), 'a'), { _id: 1 }).map((d) => d._id)).toEqual(['a_r2', 'b']);
  });

  it('re-seals every file under the active key and keeps one version each', async () => {
    const gridfs = new MemoryGridFs();
    for (let i = 0; i < 5; i++) seed(gridfs, `f${i}`, `content ${i}`);
    const p = progress();
    await resealGridFs(gridfs, newCipher, () => new Date(), p);
    expect(p.files).toEqual({ scanned: 5, resealed: 5 });
    expect(gridfs.files).toHaveLength(5);
    for (let i = 0; i < 5; i++) {
      expect(await gridfs.readPlain(`f${i}`)).toBe(`content ${i}`);
      const id = (await gridfs.newest([`f${i}`])).get(`f${i}`) as string;
      expect(newCipher.keyIdOf(gridfs.bytes.get(id) as Buffer)).toBe('k2');
    }
    // A second run finds nothing to do.
    const again = progress();
    await resealGridFs(gridfs, newCipher, () => new Date(), again);
    expect(again.files.resealed).toBe(0);
  });

  it('killed between the new version and the switch, the attachment still reads; the next run or the sweeper finishes', async () => {
    const gridfs = new MemoryGridFs();
    seed(gridfs, 'f1', 'precious');
    gridfs.failDeleteAt = 0;
    await expect(resealGridFs(gridfs, newCipher, () => new Date(), progress())).rejects.toThrow('killed');
    expect(gridfs.files).toHaveLength(2); // old and new version, both complete
    expect(await gridfs.readPlain('f1')).toBe('precious');
    gridfs.failDeleteAt = -1;
    expect(await sweepGridFs(gridfs, new Date(Date.now() + 3_600_000), 60_000)).toBe(1);
    expect(gridfs.files.map((f) => f._id)).toEqual([expect.stringMatching(/^f1_r/)]);
    expect(await gridfs.readPlain('f1')).toBe('precious');
  });

  it('sweeps files without an attachment row once they are older than the grace period', async () => {
    const gridfs = new MemoryGridFs();
    seed(gridfs, 'kept', 'x');
    seed(gridfs, 'orphan', 'y');
    gridfs.rows.delete('orphan');
    seed(gridfs, 'fresh-orphan', 'z', new Date());
    gridfs.rows.delete('fresh-orphan');
    expect(await sweepGridFs(gridfs, new Date(), 10 * 60_000)).toBe(1);
    expect(gridfs.files.map((f) => f._id).sort()).toEqual(['fresh-orphan', 'kept']);
  });
});
