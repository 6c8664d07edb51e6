import { describe, expect, it } from 'vitest';
import {
  BytesInFlight,
  bytesInFlightBudget,
  MEMORY_PER_BODY_BYTE,
  OverBudgetError,
  WARM_UP_BYTES,
} from './bytes-in-flight';

describe('BytesInFlight', () => {
  it('admits requests until their bytes would pass the limit, and again once they are released', () => {
    const budget = new BytesInFlight(100);
    const a = budget.lease();
    const b = budget.lease();
    a.reserve(60);
    b.reserve(30);
    expect(() => budget.lease().reserve(20)).toThrow(OverBudgetError);
    b.reserve(10); // exactly the limit
    expect(budget.inFlight).toBe(100);
    a.release();
    expect(budget.inFlight).toBe(40);
    budget.lease().reserve(60);
    expect(budget.inFlight).toBe(100);
  });

  it('admits a request that is alone even above the limit, so large bodies still make progress', () => {
    const budget = new BytesInFlight(10);
    const alone = budget.lease();
    alone.reserve(50);
    alone.reserve(50);
    expect(() => budget.lease().reserve(1)).toThrow(OverBudgetError);
    alone.release();
    expect(budget.inFlight).toBe(0);
  });

  it('releases a lease once, however often release is called', () => {
    const budget = new BytesInFlight(100);
    const lease = budget.lease();
    lease.reserve(10);
    lease.release();
    lease.release();
    expect(budget.inFlight).toBe(0);
  });
});

describe('bytesInFlightBudget', () => {
  it('divides the headroom under the soft limit by what a body byte costs', () => {
    expect(bytesInFlightBudget(4096 * 2 ** 20, 1024 * 2 ** 20)).toBe(
      Math.floor((3072 * 2 ** 20 - WARM_UP_BYTES) / MEMORY_PER_BODY_BYTE),
    );
    expect(bytesInFlightBudget(100, 200)).toBe(0);
  });
});
