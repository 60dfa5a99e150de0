import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../../persistence/sqlite/sqlite-database';
import { describeAttachmentStoresContract } from '../attachment-stores.contract';
import { FilesystemFileStorage } from '../filesystem/filesystem-file-storage';
import { SqliteAttachmentRepository } from './sqlite-attachment.repository';

describeAttachmentStoresContract('SQLite + files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'primetrade-attachments-'));
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  const files = new FilesystemFileStorage(join(dir, 'attachments'));
  return {
    repository: new SqliteAttachmentRepository(sqlite),
    files,
    dispose: async () => {
      // Nothing half-written is left behind by any test.
      expect(readdirSync(files.directory).filter((f) => f.endsWith('.part'))).toEqual([]);
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('FilesystemFileStorage', () => {
  it('names files by the key only', () => {
    const files = new FilesystemFileStorage(mkdtempSync(join(tmpdir(), 'primetrade-attachments-')));
    expect(files.pathOf('0190abcd-ef')).toBe(join(files.directory, '0190abcd-ef.bin'));
    expect(() => files.pathOf('../../etc/passwd')).toThrow('invalid storage key');
    expect(() => files.pathOf('.hidden')).toThrow('invalid storage key');
    rmSync(files.directory, { recursive: true, force: true });
  });
});
