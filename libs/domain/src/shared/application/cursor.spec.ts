import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('opaque cursors', () => {
  it('round-trips a position for the same query shape', () => {
    const cursor = encodeCursor('tasks:dueDate:asc', [null, 'id-1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('tasks:dueDate:asc', cursor)).toEqual([null, 'id-1']);
  });

  it('refuses a cursor made for another query shape', () => {
    const cursor = encodeCursor('tasks:createdAt:desc', [1, 'id-1']);
    expect(() => decodeCursor('tasks:createdAt:asc', cursor)).toThrow(InvalidCursorError);
    expect(() => decodeCursor('tasks:updatedAt:desc', cursor)).toThrow(InvalidCursorError);
  });

  it.each([
    ['empty', ''],
    ['not base64 at all', '!!!***'],
    ['base64 of non-JSON', b64('hello world')],
    ['a JSON number', b64('42')],
    ['JSON null', b64('null')],
    ['a JSON string', b64('"tasks:createdAt:desc"')],
    ['an array', b64('["tasks:createdAt:desc", [1, "a"]]')],
    ['an object without a shape', b64('{"p":[1,"a"]}')],
    ['truncated', encodeCursor('tasks:createdAt:desc', [1, 'id-1']).slice(0, 10)],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor('tasks:createdAt:desc', cursor)).toThrow(InvalidCursorError);
  });

  it('is a validation error on the cursor field', () => {
    const error = new InvalidCursorError();
    expect(error.code).toBe('PAGINATION.INVALID_CURSOR');
    expect(error.kind).toBe('validation');
    expect(error.violations).toEqual([{ field: 'cursor', message: 'invalid cursor' }]);
  });
});
