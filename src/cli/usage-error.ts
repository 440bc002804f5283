// The one error the CLI shows as a single line with exit code 2: bad arguments, settings or sources.
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}
