import type { FieldError } from '../domain/validation';

/** Thrown by a repository when a record does not pass its schema; nothing has been written. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid record: ${errors.map((e) => `${e.path}: ${e.key}`).join(', ')}`);
    this.name = 'ValidationError';
  }
}
