import { dueState } from './due';

const now = Date.parse('2030-06-01T12:00:00Z');

describe('dueState', () => {
  it('marks open tasks past due as overdue and those due within a day as due soon', () => {
    expect(dueState({ status: 'todo', dueDate: '2030-06-01T11:59:00Z' }, now)).toBe('overdue');
    expect(dueState({ status: 'in_progress', dueDate: '2030-06-02T11:00:00Z' }, now)).toBe('due-soon');
    expect(dueState({ status: 'todo', dueDate: '2030-06-05T12:00:00Z' }, now)).toBeNull();
  });

  it('never flags finished tasks or tasks without a due date', () => {
    expect(dueState({ status: 'completed', dueDate: '2030-05-01T00:00:00Z' }, now)).toBeNull();
    expect(dueState({ status: 'cancelled', dueDate: '2030-05-01T00:00:00Z' }, now)).toBeNull();
    expect(dueState({ status: 'todo', dueDate: null }, now)).toBeNull();
  });
});
