import { classifyFileError, classifySlackError } from '../../../../adapters/slack/slack-errors';

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

describe('classifyFileError: a file failing after its text was posted', () => {
  const sentTo = { kind: 'slack-message', teamId: 'T1', channel: 'D1', ts: '1700000001.000100' };

  it('retries the files alone after a 5xx or a timeout before the files were shared', () => {
    const http = { statusCode: 500, message: 'file upload answered HTTP 500' };
    expect(classifyFileError(http, false, sentTo)).toEqual({
      status: 'retry',
      retryAfterMs: null,
      error: 'files not delivered: error: file upload answered HTTP 500',
      sentTo,
    });
    expect(classifyFileError(timedOut, false, sentTo)).toMatchObject({ status: 'retry', sentTo });
  });

  it('keeps Retry-After from a 429', () => {
    expect(classifyFileError({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 }, false, sentTo)).toMatchObject({
      status: 'retry',
      retryAfterMs: 3000,
      sentTo,
    });
  });

  it('is uncertain when files.completeUploadExternal got no answer in time: Slack may have shared them', () => {
    expect(classifyFileError(timedOut, true, sentTo)).toMatchObject({ status: 'uncertain', sentTo });
  });

  it('fails (never "unreachable": the text arrived) on a Slack error', () => {
    const gone = { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } };
    expect(classifyFileError(gone, true, sentTo)).toEqual({
      status: 'failed',
      error: 'files not delivered: slack_webapi_platform_error: channel_not_found',
      sentTo,
    });
  });
});
