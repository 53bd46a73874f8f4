import { CallTimedOut, callTimeoutPolicy } from '../../../../adapters/teams/call-timeout';

type Request = Parameters<ReturnType<typeof callTimeoutPolicy>['sendRequest']>[0];

/** A transport that answers only when told, and fails as the HTTP client does when its signal aborts. */
function hangingTransport(request: Request): Promise<unknown> {
  return new Promise((_resolve, reject) =>
    request.abortSignal?.addEventListener('abort', () => reject(new Error('The operation was aborted.'))),
  );
}

describe('callTimeoutPolicy', () => {
  it('aborts a call with no answer after the timeout, as CallTimedOut', async () => {
    await expect(callTimeoutPolicy(50).sendRequest({}, hangingTransport)).rejects.toBeInstanceOf(CallTimedOut);
  });

  it('passes an answer in time through', async () => {
    await expect(callTimeoutPolicy(1_000).sendRequest({}, async () => 'answer')).resolves.toBe('answer');
  });

  it("reports the caller's own abort as it is, not as a timeout", async () => {
    const caller = new AbortController();
    const call = callTimeoutPolicy(5_000).sendRequest({ abortSignal: caller.signal }, hangingTransport);
    caller.abort();
    await expect(call).rejects.toThrow('The operation was aborted.');
  });
});
