import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(93784)).toBe('1 d 2 h');
    expect(formatDuration(3960)).toBe('1 h 6 min');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(0)).toBe('0 s');
  });

  it('shows a dash when there is no figure yet', () => {
    expect(formatDuration(null)).toBe('—');
  });
});
