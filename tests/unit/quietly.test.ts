import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietly } from '@/utils/background/quietly';

describe('quietly', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs at the level asked, and a write refused while the browser closes as a warning', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    quietly('could not publish settings', 'error')(new Error('disk full'));
    quietly('could not publish settings', 'error')(new Error('The browser is shutting down.'));
    expect(error).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
