/** A rule of the domain was broken; the message is shown to the user as is. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
