/** Faults the test server can inject, each on the next `times` requests whose path matches. */
export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'rate-limit'; retryAfter: string }
  /** A well-formed response whose body stops halfway (a proxy cut it): JSON that does not parse. */
  | { kind: 'truncate' }
  /** 200 with an HTML page (a maintenance page or a login wall) where JSON belongs. */
  | { kind: 'html' }
  /** Headers and part of the body, then the connection is destroyed. */
  | { kind: 'reset' }
  /** A listing that always has `Link: rel="next"` (no X-WP-TotalPages), past its end repeating its last page. */
  | { kind: 'endless-next' }
  /** A listing announcing `X-WP-TotalPages: 1000000000`, answering 200 with `[]` past its real end. */
  | { kind: 'endless-total' }
  /** A listing of ever new made-up ids, page after page, with `rel="next"` each time. */
  | { kind: 'endless-new' }
  /** A body of `bytes` bytes (JSON-looking), streamed; with `declared`, its Content-Length says so up front. */
  | { kind: 'huge-body'; bytes: number; declared?: boolean }
  /** 302 to `to` (an address on any host). */
  | { kind: 'redirect'; to: string }
  /** An `include=` fetch that leaves these post ids out of its answer. */
  | { kind: 'drop'; ids: readonly number[] }
  /** The post with this id sent with bytes that are not UTF-8 (0xFF 0xFE) inside its content. */
  | { kind: 'bad-utf8'; id: number };

export interface FaultRule {
  readonly match: RegExp;
  readonly fault: Fault;
  times: number;
}

export class FaultQueue {
  private readonly rules: FaultRule[] = [];

  /** Applies `fault` to the next `times` requests whose path and query match. */
  add(match: RegExp | string, fault: Fault, times = 1): void {
    this.rules.push({ match: typeof match === 'string' ? new RegExp(match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : match, fault, times });
  }

  take(pathAndQuery: string): Fault | undefined {
    const rule = this.rules.find((r) => r.times > 0 && r.match.test(pathAndQuery));
    if (!rule) return undefined;
    rule.times--;
    return rule.fault;
  }

  clear(): void {
    this.rules.length = 0;
  }

  get pending(): number {
    return this.rules.reduce((n, r) => n + r.times, 0);
  }
}
