import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { APP_SHELL_ID, AppComponent } from './app.component';
import { provideTestApp } from './testing/test-providers';

@Component({ selector: 'pt-test-page', template: '<h1>The page</h1>' })
class TestPage {}

describe('AppComponent', () => {
  afterEach(() => document.getElementById(APP_SHELL_ID)?.remove());

  it("removes the server's static first frame once the first page has rendered, not before", async () => {
    const shell = document.createElement('div');
    shell.id = APP_SHELL_ID;
    document.body.prepend(shell);
    TestBed.configureTestingModule({
      imports: [AppComponent],
      providers: [...provideTestApp(), provideRouter([{ path: 'page', component: TestPage }])],
    });
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    expect(document.getElementById(APP_SHELL_ID)).not.toBeNull();
    await TestBed.inject(Router).navigateByUrl('/page');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('The page');
    expect(document.getElementById(APP_SHELL_ID)).toBeNull();
  });
});
