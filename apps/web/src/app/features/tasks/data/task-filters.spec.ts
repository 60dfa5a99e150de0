import { DEFAULT_FILTERS, PAGE_SIZE, toQuery } from './task-filters';

describe('toQuery', () => {
  it('sends only sort, order and limit for the default filters', () => {
    expect(toQuery(DEFAULT_FILTERS)).toEqual({ sort: 'createdAt', order: 'desc', limit: PAGE_SIZE });
  });

  it('maps every filter and the cursor, trimming text and covering whole days', () => {
    const query = toQuery(
      {
        ...DEFAULT_FILTERS,
        q: '  milk ',
        status: ['todo', 'in_progress'],
        priority: ['urgent'],
        tag: ' home ',
        dueAfter: '2030-01-01',
        dueBefore: '2030-01-31',
        overdue: true,
        sort: 'dueDate',
        order: 'asc',
      },
      'next-page',
    );
    expect(query).toEqual({
      q: 'milk',
      status: ['todo', 'in_progress'],
      priority: ['urgent'],
      tag: 'home',
      dueAfter: new Date('2030-01-01T00:00:00').toISOString(),
      dueBefore: new Date('2030-01-31T23:59:59.999').toISOString(),
      overdue: true,
      sort: 'dueDate',
      order: 'asc',
      limit: PAGE_SIZE,
      cursor: 'next-page',
    });
  });

  it('asks for the archive with archived=true, the other filters kept', () => {
    expect(toQuery({ ...DEFAULT_FILTERS, archived: true, tag: 'home' })).toEqual({
      archived: true,
      tag: 'home',
      sort: 'createdAt',
      order: 'desc',
      limit: PAGE_SIZE,
    });
  });

  it('sends the search field as filter= instead of q= in expression mode', () => {
    const query = toQuery({ ...DEFAULT_FILTERS, mode: 'filter', q: ' priority >= high and tag = work ', status: ['todo'] });
    expect(query).toEqual({ filter: 'priority >= high and tag = work', status: ['todo'], sort: 'createdAt', order: 'desc', limit: PAGE_SIZE });
    expect(toQuery({ ...DEFAULT_FILTERS, mode: 'filter', q: '  ' })).toEqual({ sort: 'createdAt', order: 'desc', limit: PAGE_SIZE });
  });
});
