/** The one error the digest parser throws: the input holds nothing usable. */
export class DigestParseError extends Error {
  /** Machine-readable: 'empty' | 'binary' | 'invalid-json' | 'not-a-digest' | 'no-content' | 'no-items'. */
  readonly reason: string;

  constructor(reason: string, message: string) {
    super(message);
    this.name = 'DigestParseError';
    this.reason = reason;
  }
}
