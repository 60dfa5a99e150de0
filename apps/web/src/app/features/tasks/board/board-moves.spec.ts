import { Task } from '../../../core/api/task.types';
import { emptyColumns, locate, moveCard, neighbour, replaceCard } from './board-moves';

const task = (id: string, status: Task['status'] = 'todo'): Task => ({
  id,
  title: id,
  description: '',
  status,
  priority: 'medium',
  dueDate: null,
  tags: [],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  completedAt: null,
  version: 1,
});

describe('board moves', () => {
  it('moves a card between columns and back to where it was', () => {
    const start = { ...emptyColumns(), todo: [task('a'), task('b'), task('c')], in_progress: [task('d', 'in_progress')] };
    const moved = moveCard(start, { ...task('b'), status: 'in_progress' }, 'todo', 'in_progress', 0);
    expect(moved.todo.map((t) => t.id)).toEqual(['a', 'c']);
    expect(moved.in_progress.map((t) => t.id)).toEqual(['b', 'd']);
    expect(locate(moved, 'b')).toEqual({ status: 'in_progress', index: 0 });
    const back = moveCard(moved, task('b'), 'in_progress', 'todo', 1);
    expect(back.todo.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(start.todo).toHaveLength(3); // never mutated
  });

  it('replaces a card in place and names the neighbouring columns', () => {
    const cols = { ...emptyColumns(), completed: [task('x', 'completed')] };
    expect(replaceCard(cols, { ...task('x', 'completed'), version: 2 }).completed[0].version).toBe(2);
    expect(locate(cols, 'nope')).toBeNull();
    expect(neighbour('todo', -1)).toBeNull();
    expect(neighbour('todo', 1)).toBe('in_progress');
    expect(neighbour('cancelled', 1)).toBeNull();
    expect(neighbour('cancelled', -1)).toBe('completed');
  });
});
