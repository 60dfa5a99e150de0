import { DomainError } from '../model/domain.errors';

export class InvalidCursorError extends DomainError {
  readonly code = 'PAGINATION.INVALID_CURSOR';
  readonly kind = 'validation' as const;

  constructor() {
    super('The cursor is not valid for this query.', [{ field: 'cursor', message: 'invalid cursor' }]);
  }
}

/**
 * Opaque cursors: base64url JSON of the position, tagged with the query shape it belongs to so
 * a cursor from one sort order is refused by another instead of returning a wrong page.
 */
export function encodeCursor(shape: string, position: unknown): string {
  return Buffer.from(JSON.stringify({ s: shape, p: position }), 'utf8').toString('base64url');
}

export function decodeCursor(shape: string, cursor: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { s?: unknown }).s !== shape) {
    throw new InvalidCursorError();
  }
  return (parsed as { p: unknown }).p;
}
