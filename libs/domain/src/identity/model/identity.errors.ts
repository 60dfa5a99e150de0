import { DomainError } from '../../shared/model/domain.errors';

export class EmailAlreadyRegisteredError extends DomainError {
  readonly code = 'USER.EMAIL_TAKEN';
  readonly kind = 'conflict' as const;

  constructor() {
    super('An account with this email already exists.', [{ field: 'email', message: 'already registered' }]);
  }
}

/** One message for an unknown email and a wrong password, so accounts cannot be enumerated. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'AUTH.INVALID_CREDENTIALS';
  readonly kind = 'unauthorized' as const;

  constructor() {
    super('Invalid email or password.');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  readonly code = 'AUTH.INVALID_REFRESH_TOKEN';
  readonly kind = 'unauthorized' as const;

  constructor() {
    super('The refresh token is invalid, expired or revoked.');
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'USER.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('User not found.');
  }
}

/** The reset link is unknown, used already or expired; the user asks for a new one. */
export class InvalidPasswordResetTokenError extends DomainError {
  readonly code = 'AUTH.RESET_TOKEN_INVALID';
  readonly kind = 'validation' as const;

  constructor() {
    super('This password reset link is invalid, used already or expired; ask for a new one.', [
      { field: 'token', message: 'is invalid, used already or expired' },
    ]);
  }
}

/** No live session of this user has that id. */
export class SessionNotFoundError extends DomainError {
  readonly code = 'SESSION.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('You have no active session with this id.');
  }
}

/** The current password given to change it is not the account's. */
export class WrongPasswordError extends DomainError {
  readonly code = 'AUTH.WRONG_PASSWORD';
  readonly kind = 'validation' as const;

  /** `field`: the request field that carried it (`currentPassword`, or `password` to delete the account). */
  constructor(field = 'currentPassword') {
    super('The current password is not right.', [{ field, message: 'is not your current password' }]);
  }
}

/** The confirmation link is unknown, used already or expired; the user asks for a new one. */
export class InvalidEmailConfirmationTokenError extends DomainError {
  readonly code = 'USER.CONFIRMATION_TOKEN_INVALID';
  readonly kind = 'validation' as const;

  constructor() {
    super('This confirmation link is invalid, used already or expired; ask for a new one.', [
      { field: 'token', message: 'is invalid, used already or expired' },
    ]);
  }
}

/** There is nothing to confirm: the address is confirmed already. */
export class EmailAlreadyConfirmedError extends DomainError {
  readonly code = 'USER.EMAIL_ALREADY_CONFIRMED';
  readonly kind = 'conflict' as const;

  constructor() {
    super('Your email address is confirmed already.');
  }
}
