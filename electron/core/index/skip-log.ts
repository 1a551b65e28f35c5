// Collects what a scan passed over and why: a count per reason and the first few paths.
import type { SkipSummary } from './protocol';

const MAX_SAMPLES = 200;

export class SkipLog {
  private summary: SkipSummary = { counts: {}, samples: [] };

  /** A log that starts with what `summary` holds (a walk's skips, made elsewhere). */
  static from(summary: SkipSummary): SkipLog {
    const log = new SkipLog();
    log.summary = { counts: { ...summary.counts }, samples: summary.samples.slice(0, MAX_SAMPLES) };
    return log;
  }

  add(path: string, reason: string): void {
    this.summary.counts[reason] = (this.summary.counts[reason] ?? 0) + 1;
    if (this.summary.samples.length < MAX_SAMPLES) this.summary.samples.push({ path, reason });
  }

  take(): SkipSummary {
    const out = this.summary;
    this.summary = { counts: {}, samples: [] };
    return out;
  }
}
