import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { fastParserOf } from './fast-parse';
import { HttpProblemException } from './http-problem.exception';

/** class-validator errors as field paths (`task.title`) and messages. */
export function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A DTO's own parser first (see FAST_PARSE) when it has one and is sure; class-validator otherwise. */
class DtoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const parsed = fastParserOf(metadata.metatype)?.(value);
    return parsed !== undefined ? parsed : super.transform(value, metadata);
  }
}

/** Whitelisting, unknown fields refused, payloads transformed to DTO classes; problem+json errors. */
export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new HttpProblemException(400, 'VALIDATION', 'The request is not valid.', flatten(errors)),
  });
}
