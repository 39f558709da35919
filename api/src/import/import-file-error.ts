import { UnprocessableError } from '../domain-errors.ts';

/**
 * A problem with an uploaded or given file (wrong format, truncated, nothing usable inside): a domain
 * UnprocessableError, so the API answers 422 `unprocessable`, or 413 `payload_too_large` when `tooLarge` (a file
 * over the row, cell or uncompressed-size limits); CLIs print the message and exit with code 1.
 */
export class ImportFileError extends UnprocessableError {
  override name = 'ImportFileError';
  constructor(message: string, readonly tooLarge = false) {
    super(message);
  }
}
