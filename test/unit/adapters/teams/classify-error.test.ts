import { CallTimedOut } from '../../../../adapters/teams/call-timeout';
import { classifyTeamsError } from '../../../../adapters/teams/teams-sender';

describe('classifyTeamsError and the call timeout', () => {
  it('makes a post with no answer in time uncertain: the connector may have delivered it', () => {
    expect(classifyTeamsError(new CallTimedOut(300), true)).toEqual({ status: 'uncertain', error: 'timeout: no answer within 300 ms' });
  });

  it('retries any other call with no answer in time (opening a conversation, an update, a delete end the same when repeated)', () => {
    expect(classifyTeamsError(new CallTimedOut(300), false)).toMatchObject({ status: 'retry', retryAfterMs: null });
  });

  it('still retries other network errors during a post', () => {
    expect(classifyTeamsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true)).toMatchObject({ status: 'retry' });
  });
});
