import { Attachment, type AttachmentRepository, type FileContent, type FileStorage } from '@primetrade/domain';

export interface AttachmentStores {
  repository: AttachmentRepository;
  files: FileStorage;
  dispose(): Promise<void>;
}

async function* chunks(...parts: string[]): FileContent {
  for (const part of parts) yield Buffer.from(part);
}

async function collect(content: FileContent | null): Promise<string | null> {
  if (!content) return null;
  const parts: Uint8Array[] = [];
  for await (const part of content) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

const at = (minute: number) => new Date(Date.UTC(2026, 5, 15, 12, minute));
const make = (id: string, taskId = 't1', ownerId = 'o1', minute = 0) =>
  Attachment.create({ id, taskId, ownerId, fileName: `${id}.txt`, contentType: 'text/plain; charset=utf-8', size: 3 }, at(minute));

/** One contract for every AttachmentRepository + FileStorage pair. */
export function describeAttachmentStoresContract(name: string, open: () => Promise<AttachmentStores>, skip = false): void {
  (skip ? describe.skip : describe)(`attachment stores contract: ${name}`, () => {
    let stores: AttachmentStores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => {
      await stores.dispose();
    });

    it('stores, finds, lists (oldest first) and deletes metadata, scoped to owner and task', async () => {
      const { repository } = stores;
      expect(await repository.insertWithinLimit(make('a2', 't1', 'o1', 2), 10)).toBe(true);
      expect(await repository.insertWithinLimit(make('a1', 't1', 'o1', 1), 10)).toBe(true);
      expect(await repository.insertWithinLimit(make('b1', 't2', 'o1'), 10)).toBe(true);
      expect((await repository.listByTask('o1', 't1')).map((a) => a.id)).toEqual(['a1', 'a2']);
      expect(await repository.countByTask('o1', 't1')).toBe(2);
      expect(await repository.insertWithinLimit(make('c1', 't0', 'o2'), 10)).toBe(true);
      expect((await repository.listByOwner('o1')).map((a) => a.id)).toEqual(['a1', 'a2', 'b1']);
      expect((await repository.findById('o1', 't1', 'a1'))?.toProps()).toEqual(make('a1', 't1', 'o1', 1).toProps());
      expect(await repository.findById('o2', 't1', 'a1')).toBeNull();
      expect(await repository.findById('o1', 't2', 'a1')).toBeNull();
      expect(await repository.delete('o2', 't1', 'a1')).toBe(false);
      expect(await repository.delete('o1', 't1', 'a1')).toBe(true);
      expect(await repository.delete('o1', 't1', 'a1')).toBe(false);
      expect(await repository.countByTask('o1', 't1')).toBe(1);
    });

    it('refuses an insert over the per-task limit', async () => {
      const { repository } = stores;
      expect(await repository.insertWithinLimit(make('a1'), 2)).toBe(true);
      expect(await repository.insertWithinLimit(make('a2'), 2)).toBe(true);
      expect(await repository.insertWithinLimit(make('a3'), 2)).toBe(false);
      expect(await repository.insertWithinLimit(make('c1', 't3'), 2)).toBe(true);
      expect(await repository.countByTask('o1', 't1')).toBe(2);
    });

    it('writes, reads and deletes content; deleting twice is fine', async () => {
      const { files } = stores;
      await files.write('k1', chunks('hello ', 'world'));
      expect(await collect(await files.read('k1'))).toBe('hello world');
      await files.delete('k1');
      expect(await files.read('k1')).toBeNull();
      await expect(files.delete('k1')).resolves.toBeUndefined();
    });

    it('keeps nothing when the content fails half-way', async () => {
      const { files } = stores;
      async function* failing(): FileContent {
        yield Buffer.alloc(300 * 1024, 1);
        throw new Error('limit');
      }
      await expect(files.write('k2', failing())).rejects.toThrow('limit');
      expect(await files.read('k2')).toBeNull();
    });

    it('refuses keys that are not plain ids', async () => {
      await expect(stores.files.write('../escape', chunks('x'))).rejects.toThrow();
      await expect(stores.files.read('a/b')).rejects.toThrow();
    });
  });
}
