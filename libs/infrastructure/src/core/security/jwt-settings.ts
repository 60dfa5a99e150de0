import { createSecretKey, type KeyObject } from 'node:crypto';

export interface JwtSettings {
  /** HS256 key. A KeyObject, not a string: jsonwebtoken otherwise tries to parse strings as PEM on every verify (~20× slower). */
  key: KeyObject;
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export const JWT_ALGORITHM = 'HS256' as const;

export function jwtKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** Injection token for the JwtSettings object built from validated config. */
export const JWT_SETTINGS = Symbol('JWT_SETTINGS');
