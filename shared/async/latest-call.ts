// "The latest call wins": for loads whose answers may come back out of order (a slow earlier read
// answering after a later one), only the call begun last may show its answer.
export class LatestCall {
  private current = 0;

  /** Begins a call; the function returned says whether it is still the latest one. */
  begin(): () => boolean {
    const mine = ++this.current;
    return () => mine === this.current;
  }

  /** Makes every call begun so far stale (a reset, a cleared query). */
  supersede(): void {
    this.current++;
  }
}
