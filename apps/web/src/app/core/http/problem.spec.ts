import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('reads detail and field errors from problem+json, first message per field', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Validation failed',
        errors: [
          { field: 'title', message: 'title must be shorter' },
          { field: 'title', message: 'second message' },
          { field: 'dueDate', message: 'dueDate must be a date' },
        ],
      },
    });
    expect(toProblem(error)).toEqual({
      status: 400,
      message: 'Validation failed',
      fieldErrors: { title: 'title must be shorter', dueDate: 'dueDate must be a date' },
    });
  });

  it('parses a body that arrived as text', () => {
    const error = new HttpErrorResponse({ status: 409, error: JSON.stringify({ title: 'Conflict', status: 409 }) });
    expect(toProblem(error).message).toBe('Conflict');
  });

  it('explains a network failure and a rate limit', () => {
    expect(toProblem(new HttpErrorResponse({ status: 0 })).message).toMatch(/Cannot reach the server/);
    const limited = new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': '42' }), error: {} });
    expect(toProblem(limited).message).toBe('Too many requests. Try again in 42 seconds.');
  });

  it('handles anything else that was thrown', () => {
    expect(toProblem(new Error('boom'))).toEqual({ status: 0, message: expect.any(String), fieldErrors: {} });
  });
});
