// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClarityRules } from '@/components/ClarityRules';

describe('ClarityRules', () => {
  afterEach(cleanup);

  it('shows every rule on by default and turns one off', () => {
    const onChange = vi.fn();
    render(<ClarityRules disabled={[]} onChange={onChange} />);
    const shouting = screen.getByRole('checkbox', { name: 'Shouting in capitals' });
    expect((shouting as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('checkbox')).toHaveLength(7);
    fireEvent.click(shouting);
    expect(onChange).toHaveBeenCalledWith(['shouting']);
  });

  it('turns a rule back on, keeping the others off', () => {
    const onChange = vi.fn();
    render(<ClarityRules disabled={['shouting', 'night-split']} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Shouting in capitals' }));
    expect(onChange).toHaveBeenCalledWith(['night-split']);
  });
});
