import { describe, expect, it } from 'vitest';
import { LatestCall } from '../../../shared/async/latest-call';

describe('LatestCall', () => {
  it('holds only for the call begun last', () => {
    const calls = new LatestCall();
    const first = calls.begin();
    expect(first()).toBe(true);
    const second = calls.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('supersede() makes every call begun so far stale', () => {
    const calls = new LatestCall();
    const a = calls.begin();
    calls.supersede();
    expect(a()).toBe(false);
    expect(calls.begin()()).toBe(true);
  });

  it('keeps a separate count per instance', () => {
    const one = new LatestCall();
    const two = new LatestCall();
    const a = one.begin();
    two.begin();
    expect(a()).toBe(true);
  });
});
