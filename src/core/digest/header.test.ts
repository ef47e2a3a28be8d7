import { describe, expect, it } from 'vitest';
import { parseHeader, parseHeaderDate } from './header.ts';

describe('parseHeader', () => {
  it('reads the header line as the seeds and samples write it', () => {
    expect(parseHeader('Latest 100 papers on deep learning: Feb. 28, 2026')).toEqual({ paperCount: 100, topic: 'deep learning', date: '2026-02-28' });
    expect(parseHeader('Latest 36 papers on deep neural networks: Feb. 28, 2026')).toEqual({
      paperCount: 36,
      topic: 'deep neural networks',
      date: '2026-02-28',
    });
    expect(parseHeader('Latest 100 papers on deep learning: May. 23, 2026')?.date).toBe('2026-05-23');
    expect(parseHeader('Latest 100 papers on deep learning: Jul. 4, 2026')?.date).toBe('2026-07-04');
    expect(parseHeader('Latest 41 papers on catastrophic forgetting: Apr. 18, 2026')).toEqual({
      paperCount: 41,
      topic: 'catastrophic forgetting',
      date: '2026-04-18',
    });
  });

  it('lower-cases the topic and keeps colons inside it', () => {
    expect(parseHeader('Latest 9 papers on LLM Agents: Mar. 7, 2026')?.topic).toBe('llm agents');
    expect(parseHeader('Latest 12 papers on Research: agents: Mar. 7, 2026')?.topic).toBe('research: agents');
  });

  it('is lenient about the date', () => {
    expect(parseHeaderDate('Sept. 5, 2026')).toBe('2026-09-05');
    expect(parseHeaderDate('September 5, 2026')).toBe('2026-09-05');
    expect(parseHeaderDate('Jul 4 2026')).toBe('2026-07-04');
    expect(parseHeaderDate('4 July 2026')).toBe('2026-07-04');
    expect(parseHeaderDate('2026-07-04')).toBe('2026-07-04');
    expect(parseHeaderDate('Mar. 3rd, 2026')).toBe('2026-03-03');
  });

  it('rejects impossible dates but keeps the rest of the header', () => {
    expect(parseHeaderDate('Feb. 30, 2026')).toBeUndefined();
    expect(parseHeaderDate('Foo. 3, 2026')).toBeUndefined();
    expect(parseHeader('Latest 5 papers on anomaly detection: soon')).toEqual({ paperCount: 5, topic: 'anomaly detection' });
    expect(parseHeader('Latest 5 papers on anomaly detection')).toEqual({ paperCount: 5, topic: 'anomaly detection' });
  });

  it('says no to lines that are not headers', () => {
    expect(parseHeader('The latest papers on deep learning: Feb. 28, 2026')).toBeUndefined();
    expect(parseHeader('Latest papers on deep learning: Feb. 28, 2026')).toBeUndefined();
    expect(parseHeader(`Latest 5 papers on ${'x'.repeat(400)}`)).toBeUndefined();
  });
});
