import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataIntegrityError } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { describeAttachmentStoresContract } from '@primetrade/testing';
import { EncryptedFileStorage } from '../../core/attachments/encrypted-file-storage';
import { FilesystemFileStorage } from '../../core/attachments/filesystem-file-storage';
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

describeAttachmentStoresContract('SQLite + encrypted files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'primetrade-attachments-'));
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
  return {
    repository: new SqliteAttachmentRepository(sqlite),
    files: new EncryptedFileStorage(new FilesystemFileStorage(join(dir, 'attachments')), cipher),
    dispose: async () => {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('EncryptedFileStorage', () => {
  it('keeps only ciphertext on disk and refuses a tampered file with DataIntegrityError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primetrade-attachments-'));
    const plain = new FilesystemFileStorage(dir);
    const files = new EncryptedFileStorage(
      plain,
      new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) }),
    );
    await files.write(
      'a1',
      (async function* () {
        yield Buffer.from('top secret plan');
      })(),
    );
    const onDisk = readFileSync(plain.pathOf('a1'));
    expect(onDisk.includes(Buffer.from('secret'))).toBe(false);
    // Content moved under another id does not open there (the id is the associated data).
    writeFileSync(plain.pathOf('a2'), onDisk);
    await expect(files.read('a2')).rejects.toBeInstanceOf(DataIntegrityError);
    onDisk[onDisk.length - 20] ^= 0x80;
    writeFileSync(plain.pathOf('a1'), onDisk);
    await expect(files.read('a1')).rejects.toBeInstanceOf(DataIntegrityError);
    rmSync(dir, { recursive: true, force: true });
  });
});
