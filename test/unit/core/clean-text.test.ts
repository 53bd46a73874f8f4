import { cleanPayload, cleanText, hasUnstorable } from '../../../src/core/clean-text';

describe('cleanText (issue 9 item 7)', () => {
  it('drops NUL and replaces lone surrogates, keeping real pairs', () => {
    expect(cleanText('Ann\u0000 Example')).toBe('Ann Example');
    expect(cleanText('a\uD800b')).toBe('a\uFFFDb');
    expect(cleanText('a\uDC00')).toBe('a\uFFFD');
    expect(cleanText('smile 😀')).toBe('smile 😀');
    expect(hasUnstorable('😀')).toBe(false);
    expect(hasUnstorable('x\u0000')).toBe(true);
    expect(hasUnstorable('x\u0000')).toBe(true); // the global regex keeps no state between calls
  });

  it('cleans every string and key of a payload, however wide', () => {
    const payload = { from: { name: 'B\u0000ob' }, list: ['\uD83D', 'ok'], ['k\u0000']: 1, n: 3, nil: null };
    expect(cleanPayload(payload)).toEqual({ from: { name: 'Bob' }, list: ['\uFFFD', 'ok'], k: 1, n: 3, nil: null });
  });

  it('refuses a payload nested deeper than the cap without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(cleanPayload({ value: deep })).toBeNull();
    expect(cleanPayload({ a: { b: { c: 'fine' } } })).toEqual({ a: { b: { c: 'fine' } } });
  });
});
