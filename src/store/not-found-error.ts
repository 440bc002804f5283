// A repository was asked to change something that does not exist (an unknown or already offboarded pairing).
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`no ${entity} with id ${id}`);
    this.name = 'NotFoundError';
  }
}
