import { randomUUID } from 'node:crypto';
import { Attachment } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { describeAttachmentStoresContract } from '@primetrade/testing';
import { attachmentFilter, ownerAttachmentsFilter, taskAttachmentsFilter, toAttachment, toAttachmentRecord } from './attachment.mapper';
import { AttachmentRecord, AttachmentSchema } from './attachment.schema';
import { GridFsFileStorage } from './gridfs-file-storage';
import { MongoAttachmentRepository } from './mongo-attachment.repository';

const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

describe('attachment mapping and schema (no server needed)', () => {
  const attachment = Attachment.restore({
    id: 'a1',
    taskId: 't1',
    ownerId: 'o1',
    fileName: 'photo.png',
    contentType: 'image/png',
    size: 42,
    createdAt: new Date('2026-06-15T12:00:00Z'),
  });

  it('maps to a record with the owner under the shard-key name and back', () => {
    const record = toAttachmentRecord(attachment);
    expect(record).toEqual({
      _id: 'a1',
      owner: 'o1',
      taskId: 't1',
      fileName: 'photo.png',
      contentType: 'image/png',
      size: 42,
      createdAt: new Date('2026-06-15T12:00:00Z'),
    });
    expect(toAttachment(record).toProps()).toEqual(attachment.toProps());
  });

  it('filters always carry the owner and the task', () => {
    expect(taskAttachmentsFilter('o1', 't1')).toEqual({ owner: 'o1', taskId: 't1' });
    expect(ownerAttachmentsFilter('o1')).toEqual({ owner: 'o1' });
    expect(attachmentFilter('o1', 't1', 'a1')).toEqual({ _id: 'a1', owner: 'o1', taskId: 't1' });
  });

  it('declares the owner-first index and the hashed shard key', () => {
    expect(AttachmentSchema.indexes()).toContainEqual([
      { owner: 1, taskId: 1, createdAt: 1, _id: 1 },
      expect.objectContaining({ name: 'owner_task_created' }),
    ]);
    expect((AttachmentSchema as unknown as { options: { shardKey: unknown } }).options.shardKey).toEqual({ owner: 'hashed' });
    expect(AttachmentSchema.path('contentType').options.enum).toContain('application/pdf');
  });
});

let base: Connection | undefined;
const run = randomUUID().slice(0, 8);
let counter = 0;

describeAttachmentStoresContract(
  'MongoDB + GridFS',
  async () => {
    base ??= await createConnection(uri!).asPromise();
    const dbName = `primetrade_attachments_test_${run}_${++counter}`;
    if (!dbName.includes('test')) throw new Error(`refusing to use database ${dbName}`);
    const db = base.useDb(dbName, { useCache: false });
    const model = db.model<AttachmentRecord>(AttachmentRecord.name, AttachmentSchema);
    await model.init();
    return {
      repository: new MongoAttachmentRepository(model),
      files: new GridFsFileStorage(db),
      dispose: async () => {
        // A failed write left no chunks behind.
        expect(await db.db!.collection('attachments.chunks').countDocuments({ files_id: 'k2' })).toBe(0);
        await db.dropDatabase();
      },
    };
  },
  !uri,
);

afterAll(async () => {
  await base?.close();
});
