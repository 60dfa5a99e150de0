import { FormControl } from '@angular/forms';
import { fromTask, parseTags, tagsValidator, toCreateRequest, toLocalInput, toUpdateRequest } from './task-form';

const task = {
  id: 't1',
  title: 'Pay rent',
  description: '',
  status: 'todo' as const,
  priority: 'high' as const,
  dueDate: '2030-01-02T09:30:00.000Z',
  tags: ['home', 'money'],
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  completedAt: null,
  version: 1,
};

describe('task form mapping', () => {
  it('parses comma-separated tags, dropping blanks and duplicates', () => {
    expect(parseTags(' a, b ,, a ,c ')).toEqual(['a', 'b', 'c']);
  });

  it('validates tags like the API: at most 20, each at most 32 characters', () => {
    expect(tagsValidator(new FormControl('a, b') as FormControl<string>)).toBeNull();
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    expect(tagsValidator(new FormControl(many) as FormControl<string>)).toEqual({ tags: expect.stringContaining('20') });
    expect(tagsValidator(new FormControl('x'.repeat(33)) as FormControl<string>)).toEqual({ tags: expect.stringContaining('32') });
  });

  it('round-trips a task through the form value', () => {
    const value = fromTask(task);
    expect(value.tags).toBe('home, money');
    expect(value.dueDate).toBe(toLocalInput(task.dueDate));
    expect(toUpdateRequest(value)).toEqual({
      title: 'Pay rent',
      description: '',
      status: 'todo',
      priority: 'high',
      dueDate: '2030-01-02T09:30:00.000Z',
      tags: ['home', 'money'],
    });
  });

  it('clears the due date with null on update and omits empty fields on create', () => {
    const value = { ...fromTask(task), dueDate: '', description: '  ' };
    expect(toUpdateRequest(value).dueDate).toBeNull();
    expect(toCreateRequest(value)).toEqual({ title: 'Pay rent', priority: 'high', tags: ['home', 'money'] });
  });
});
