import { timestampProblem } from '../../../../adapters/slack/restify-receiver';

describe('Slack request timestamps (issue 9 item 10)', () => {
  const now = 1_800_000_000_000;
  const s = (offset: number) => String(Math.floor(now / 1000) + offset);

  it('accepts whole seconds within five minutes either way', () => {
    expect(timestampProblem(s(0), now)).toBeNull();
    expect(timestampProblem(s(-299), now)).toBeNull();
    expect(timestampProblem(s(299), now)).toBeNull();
  });

  it('refuses the future, the past, decimals and junk', () => {
    expect(timestampProblem(s(301), now)).toBe('in the future');
    expect(timestampProblem(s(24 * 3600), now)).toBe('in the future');
    expect(timestampProblem(s(-301), now)).toBe('too old');
    expect(timestampProblem(`${s(0)}.5`, now)).toBe('not a whole number of seconds');
    expect(timestampProblem('1e9', now)).toBe('not a whole number of seconds');
    expect(timestampProblem(undefined, now)).toBe('not a whole number of seconds');
  });
});
