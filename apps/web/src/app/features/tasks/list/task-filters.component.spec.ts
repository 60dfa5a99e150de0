import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { TaskFilters } from '../data/task-filters';
import { TaskFiltersComponent } from './task-filters.component';

describe('TaskFiltersComponent: the search field in expression mode', () => {
  let fixture: ComponentFixture<TaskFiltersComponent>;
  let emitted: TaskFilters[];
  const el = () => fixture.nativeElement as HTMLElement;
  const field = () => el().querySelector<HTMLInputElement>('[data-testid="search"]')!;
  const toggle = () => el().querySelector<HTMLButtonElement>('[data-testid="filter-mode"]')!;
  const type = (text: string) => {
    field().value = text;
    field().dispatchEvent(new Event('input'));
  };
  /** Longer than the search's debounce. */
  const pause = () => new Promise((resolve) => setTimeout(resolve, 400));
  const submit = () => el().querySelector('form')!.dispatchEvent(new Event('submit'));

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [TaskFiltersComponent],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    fixture = TestBed.createComponent(TaskFiltersComponent);
    emitted = [];
    fixture.componentInstance.filtersChange.subscribe((f) => emitted.push(f));
    await fixture.whenStable();
  });

  it('searches words as you type by default', async () => {
    type('milk');
    await pause();
    expect(emitted.at(-1)).toMatchObject({ q: 'milk', mode: 'search' });
    expect(el().querySelector('label[for="task-search"]')?.textContent).toContain('Search tasks');
  });

  it('applies an expression on Enter only, not at every key, once "Expression" is pressed', async () => {
    toggle().click();
    await fixture.whenStable();
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(el().querySelector('label[for="task-search"]')?.textContent).toContain('Filter expression');
    expect(field().getAttribute('aria-describedby')).toBe('task-search-hint');

    type('priority >= hi');
    await pause();
    expect(emitted.map((f) => f.q)).not.toContain('priority >= hi');
    type('priority >= high');
    submit();
    expect(emitted.at(-1)).toMatchObject({ q: 'priority >= high', mode: 'filter' });
  });

  it('shows a refused expression under the field with its position marked, and marks the field invalid', async () => {
    toggle().click();
    fixture.componentRef.setInput('filterError', {
      expression: 'status < todo',
      problem: {
        status: 400,
        code: 'TASK.FILTER_INVALID',
        message: '"<" does not fit status; use one of = !=.',
        position: 7,
        fieldErrors: {},
      },
    });
    await fixture.whenStable();
    const error = el().querySelector('[data-testid="filter-error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.id).toBe('task-search-error');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toBe('task-search-error');
    expect(error.textContent).toContain('Character 8: "<" does not fit status');
    expect(el().querySelector('[data-testid="filter-error-marker"]')!.textContent).toBe('       ^');

    fixture.componentRef.setInput('filterError', null);
    await fixture.whenStable();
    expect(field().hasAttribute('aria-invalid')).toBe(false);
  });
});
