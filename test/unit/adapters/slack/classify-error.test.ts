import { classifySlackError } from '../../../../adapters/slack/slack-errors';

/** What @slack/web-api throws when its AbortSignal.timeout fires during a call. */
const timedOut = {
  code: 'slack_webapi_request_error',
  message: 'A request error occurred: The operation was aborted due to timeout',
  original: { name: 'TimeoutError', message: 'The operation was aborted due to timeout' },
};

describe('classifySlackError and the call timeout', () => {
  it('makes a post with no answer in time uncertain: Slack may have delivered it', () => {
    expect(classifySlackError(timedOut, true)).toMatchObject({ status: 'uncertain' });
    // The body read after the headers is aborted by the same signal, without web-api's wrapper.
    expect(classifySlackError({ name: 'TimeoutError', message: 'The operation was aborted due to timeout' }, true)).toMatchObject({
      status: 'uncertain',
    });
  });

  it('retries any other call with no answer in time (opening the DM, publishing Home, an update)', () => {
    expect(classifySlackError(timedOut, false)).toMatchObject({ status: 'retry', retryAfterMs: null });
  });

  it('still retries other request errors during a post', () => {
    const reset = { code: 'slack_webapi_request_error', original: { name: 'TypeError', message: 'fetch failed' } };
    expect(classifySlackError(reset, true)).toMatchObject({ status: 'retry' });
  });
});
