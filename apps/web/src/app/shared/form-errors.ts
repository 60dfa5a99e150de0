import { AbstractControl, FormGroup } from '@angular/forms';
import { Problem } from '../core/http/problem';

/** The one message a field shows, for client validators and for API field errors alike. */
export function fieldMessage(control: AbstractControl, label: string): string {
  const errors = control.errors;
  if (!errors) return '';
  if (errors['server']) return errors['server'] as string;
  if (errors['required']) return `${label} is required.`;
  if (errors['email']) return 'Enter a valid email address.';
  if (errors['minlength']) return `${label} needs at least ${errors['minlength'].requiredLength} characters.`;
  if (errors['maxlength']) return `${label} can have at most ${errors['maxlength'].requiredLength} characters.`;
  if (errors['tags']) return errors['tags'] as string;
  return `${label} is not valid.`;
}

/**
 * Puts the API's problem+json field errors on the matching controls (the API names fields
 * after the DTO properties, which are the control names) and returns the errors no control
 * claimed, so the page can show them above the form.
 */
export function applyFieldErrors(form: FormGroup, problem: Problem): string[] {
  const unclaimed: string[] = [];
  for (const [field, message] of Object.entries(problem.fieldErrors)) {
    const control = form.get(field.split('.')[0].replace(/\[\d+\]$/, ''));
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unclaimed.push(`${field}: ${message}`);
    }
  }
  return unclaimed;
}
