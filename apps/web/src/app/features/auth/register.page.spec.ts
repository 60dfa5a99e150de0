import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { provideTestApp } from '../../testing/test-providers';
import { RegisterPage } from './register.page';

describe('RegisterPage', () => {
  let fixture: ComponentFixture<RegisterPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  const type = (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = () => el.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [RegisterPage], providers: provideTestApp() });
    fixture = TestBed.createComponent(RegisterPage);
    backend = TestBed.inject(HttpTestingController);
    el = fixture.nativeElement;
    await fixture.whenStable();
    type('input[autocomplete="name"]', 'Ada');
    type('input[type="email"]', 'ada@example.com');
    type('input[type="password"]', 'correct horse');
  });

  afterEach(() => backend.verify());

  it('validates on the client first: a short password never reaches the API', async () => {
    type('input[type="password"]', 'short');
    submit();
    await fixture.whenStable();
    backend.expectNone('/api/v1/auth/register');
    expect(el.textContent).toContain('Password needs at least 8 characters.');
  });

  it('posts once however often the form is submitted while the call is in flight', async () => {
    submit();
    submit();
    submit();
    const req = backend.expectOne('/api/v1/auth/register');
    expect(req.request.body).toEqual({ name: 'Ada', email: 'ada@example.com', password: 'correct horse' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    req.flush(
      { id: 'u1', name: 'Ada', email: 'ada@example.com', createdAt: '2030-01-01T00:00:00Z' },
      { status: 201, statusText: 'Created' },
    );
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { registered: 1 } });
  });

  it('shows the API field error beside its field', async () => {
    submit();
    backend
      .expectOne('/api/v1/auth/register')
      .flush(
        { type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ field: 'email', message: 'email must be an email' }] },
        { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
      );
    await fixture.whenStable();
    const fieldError = el.querySelector('[data-testid="email-error"]');
    expect(fieldError?.textContent).toContain('email must be an email');
    expect(el.querySelector('input[type="email"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts a duplicate email (409) next to the email field', async () => {
    submit();
    backend
      .expectOne('/api/v1/auth/register')
      .flush({ title: 'Conflict', status: 409, detail: 'Email already registered' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="email-error"]')?.textContent).toContain('already exists');
  });
});
