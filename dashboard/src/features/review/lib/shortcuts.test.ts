import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps digits to the sub-metrics that exist, Enter to submit, n to skip, c to correct', () => {
    expect(shortcutFor(key('2'), false, 3)).toEqual({ kind: 'toggle', index: 1 });
    expect(shortcutFor(key('4'), false, 3)).toBeNull();
    expect(shortcutFor(key('Enter'), false, 3)).toEqual({ kind: 'submit' });
    expect(shortcutFor(key('n'), false, 3)).toEqual({ kind: 'skip' });
    expect(shortcutFor(key('c'), false, 3)).toEqual({ kind: 'correct' });
    expect(shortcutFor(key('x'), false, 3)).toBeNull();
  });

  it('leaves typing in the correction alone, except Ctrl/⌘+Enter', () => {
    expect(shortcutFor(key('1'), true, 3)).toBeNull();
    expect(shortcutFor(key('Enter'), true, 3)).toBeNull();
    expect(shortcutFor(key('Enter', { ctrlKey: true }), true, 3)).toEqual({ kind: 'submit' });
    expect(shortcutFor(key('Enter', { metaKey: true }), false, 3)).toEqual({ kind: 'submit' });
    expect(shortcutFor(key('1', { altKey: true }), false, 3)).toBeNull();
  });
});
