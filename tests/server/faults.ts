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
  | { kind: 'reset' };

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
