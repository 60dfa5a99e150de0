import { Logger } from '@nestjs/common';
import { type ContentCipher, DataIntegrityError, type FileContent, FileStorage } from '@primetrade/domain';

/** The associated data of an attachment's content: its id, so content moved to another id does not open. */
export const attachmentContext = (key: string) => `attachments/${key}`;

/**
 * Encrypts attachment content at rest over any FileStorage. Writes are sealed as they stream;
 * a read is verified in full (the GCM tag is at the end) before a single byte is returned, so a
 * tampered file is refused with DataIntegrityError instead of being half-sent. Files are capped
 * by ATTACHMENT_MAX_BYTES, so holding one in memory for the check is bounded.
 */
export class EncryptedFileStorage extends FileStorage {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly inner: FileStorage,
    private readonly cipher: ContentCipher,
  ) {
    super();
  }

  write(key: string, content: FileContent): Promise<void> {
    return this.inner.write(key, this.cipher.sealStream(content, attachmentContext(key)));
  }

  async read(key: string): Promise<FileContent | null> {
    const stored = await this.inner.read(key);
    if (!stored) return null;
    const parts: Uint8Array[] = [];
    for await (const part of stored) parts.push(part);
    const sealed = Buffer.concat(parts);
    let plaintext: Uint8Array;
    try {
      plaintext = this.cipher.open(sealed, attachmentContext(key));
    } catch (error) {
      if (error instanceof DataIntegrityError) {
        this.logger.error(
          { attachmentId: key, keyId: this.cipher.keyIdOf(sealed) },
          'attachment failed its integrity check (corrupted, tampered with, or sealed with an unknown key)',
        );
      }
      throw error;
    }
    return (async function* () {
      yield plaintext;
    })();
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
}
