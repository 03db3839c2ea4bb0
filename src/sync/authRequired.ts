/**
 * The server wants a login before it takes changes. In its own module so the scheduler and the
 * browser glue (start page) can recognise it without loading the sync engine.
 */
export class AuthRequired extends Error {
  constructor() {
    super('login required');
    this.name = 'AuthRequired';
  }
}
