/**
 * A problem with an uploaded or given file (wrong format, truncated, nothing usable inside).
 * Routes answer it with 422 `unprocessable`; CLIs print the message and exit with code 1.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
