import { PasswordHasher } from '@primetrade/domain';

/** Reversible stand-in for argon2: fast, and tests can see which hashes were checked. */
export class FakePasswordHasher extends PasswordHasher {
  readonly verified: { hash: string; plain: string }[] = [];

  async hash(plain: string): Promise<string> {
    return `hashed:${plain}`;
  }

  async verify(hash: string, plain: string): Promise<boolean> {
    this.verified.push({ hash, plain });
    return hash === `hashed:${plain}`;
  }
}
