import { DomainError } from '../../shared/model/domain.errors';

/** Also what another owner's attachment answers. */
export class AttachmentNotFoundError extends DomainError {
  readonly code = 'ATTACHMENT.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('Attachment not found.');
  }
}

export class AttachmentTooLargeError extends DomainError {
  readonly code = 'ATTACHMENT.TOO_LARGE';
  readonly kind = 'too_large' as const;

  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes.`);
  }
}

export class UnsupportedAttachmentTypeError extends DomainError {
  readonly code = 'ATTACHMENT.UNSUPPORTED_TYPE';
  readonly kind = 'unsupported_type' as const;

  constructor() {
    super(
      'The file is not of an accepted type (PNG, JPEG, GIF, WebP, PDF or UTF-8 text); its type is read from its content, not its name.',
    );
  }
}

export class EmptyAttachmentError extends DomainError {
  readonly code = 'ATTACHMENT.EMPTY';
  readonly kind = 'validation' as const;

  constructor() {
    super('The file is empty.', [{ field: 'file', message: 'must not be empty' }]);
  }
}

export class AttachmentLimitReachedError extends DomainError {
  readonly code = 'ATTACHMENT.LIMIT_REACHED';
  readonly kind = 'conflict' as const;

  constructor(readonly maxPerTask: number) {
    super(`The task already has the maximum of ${maxPerTask} attachments; delete one first.`);
  }
}
