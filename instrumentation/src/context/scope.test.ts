import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { configureFlywheel, resetFlywheelSettings } from '../config/settings';
import { getRequestId, RequestIdSlot, bindRequestId } from './request-id';
import { getFlywheelContext, lastRequestId, noteRequestId, currentScope, withFlywheel } from './scope';
import { hashUserId } from './user-id';

afterEach(() => {
  resetFlywheelSettings();
  delete process.env.FLYWHEEL_USER_ID_SALT;
});

describe('withFlywheel', () => {
  it('applies across awaits and merges nested scopes', async () => {
    await withFlywheel({ workloadId: 'support', userId: 'u1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(getFlywheelContext()).toEqual({ workloadId: 'support', userId: 'u1' });
      await withFlywheel({ requestId: 'r-1', userId: undefined }, async () => {
        await Promise.resolve();
        expect(getFlywheelContext()).toEqual({ workloadId: 'support', userId: 'u1', requestId: 'r-1' });
      });
      expect(getFlywheelContext()?.requestId).toBeUndefined();
    });
    expect(getFlywheelContext()).toBeUndefined();
  });

  it('keeps concurrent scopes apart', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((workloadId) =>
        withFlywheel({ workloadId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          return getFlywheelContext()?.workloadId;
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('lastRequestId is per scope inside withFlywheel', () => {
    withFlywheel({}, () => {
      noteRequestId(currentScope(), 'inner-1');
      expect(lastRequestId()).toBe('inner-1');
    });
    withFlywheel({}, () => expect(lastRequestId()).toBeUndefined());
    expect(lastRequestId()).toBe('inner-1');
  });
});

describe('hashUserId', () => {
  it('is HMAC-SHA256 keyed by the salt', () => {
    configureFlywheel({ userIdSalt: 's3cret' });
    expect(hashUserId('user-42')).toBe(createHmac('sha256', 's3cret').update('user-42').digest('hex'));
  });

  it('reads FLYWHEEL_USER_ID_SALT when no salt is configured', () => {
    process.env.FLYWHEEL_USER_ID_SALT = 'from-env';
    expect(hashUserId('user-42')).toBe(createHmac('sha256', 'from-env').update('user-42').digest('hex'));
  });

  it('never returns the id itself', () => {
    expect(hashUserId('user-42')).not.toContain('user-42');
  });
});

describe('request ids', () => {
  it('prefers the app id, then the response id, then the span id, and freezes once handed out', () => {
    expect(new RequestIdSlot('app', 'span').current()).toBe('app');
    const slot = new RequestIdSlot(undefined, 'span-1');
    const response = {};
    bindRequestId(response, slot);
    expect(getRequestId(response)).toBe('span-1');
    slot.offerResponseId('resp-1');
    expect(slot.current()).toBe('span-1');
    const fresh = new RequestIdSlot(undefined, 'span-2');
    fresh.offerResponseId('resp-2');
    expect(fresh.freeze()).toBe('resp-2');
  });

  it('falls back to the id of an object the instrumentation never saw', () => {
    expect(getRequestId({ id: 'chatcmpl-x' })).toBe('chatcmpl-x');
    expect(getRequestId(null)).toBeUndefined();
    expect(getRequestId({})).toBeUndefined();
  });
});
