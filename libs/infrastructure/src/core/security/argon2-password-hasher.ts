import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from '@primetrade/domain';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 iterations, 1 lane). @node-rs/argon2 runs on the
 * libuv thread pool, so hashing never blocks the event loop.
 */
export const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  hash(plain: string): Promise<string> {
    return hash(plain, ARGON2_OPTIONS);
  }

  async verify(stored: string, plain: string): Promise<boolean> {
    try {
      return await verify(stored, plain);
    } catch {
      return false; // a malformed stored hash is a failed login, not a crash
    }
  }
}
