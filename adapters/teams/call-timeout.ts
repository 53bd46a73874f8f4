/** Name of the call-timeout policy in a connector client's pipeline. */
export const CALL_TIMEOUT_POLICY = 'sencoCallTimeout';

/** The connector did not answer (in full) within the call timeout. */
export class CallTimedOut extends Error {
  readonly code = 'CALL_TIMEOUT';

  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** The parts of an @azure/core-rest-pipeline request and policy this file uses. */
interface PipelineRequest {
  abortSignal?: { aborted: boolean; addEventListener(type: 'abort', listener: () => void): void };
}
export interface PipelinePolicy {
  name: string;
  sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown>;
}

/**
 * Aborts a connector call that has no complete answer after `ms`. @azure/core-client sets no
 * timeout by default (`PipelineRequest.timeout` is 0), so a connector that accepts the
 * connection and never answers would hold the call, and its outbox send slot, for ever. The
 * built-in `request.timeout` of @typespec/ts-http-runtime's NodeHttpClient stops at the
 * response headers and throws a bare AbortError; this policy covers the body as well and
 * throws `CallTimedOut`, so the sender can tell a timeout from other aborts.
 */
export function callTimeoutPolicy(ms: number): PipelinePolicy {
  return {
    name: CALL_TIMEOUT_POLICY,
    async sendRequest(request, next) {
      const controller = new AbortController();
      const caller = request.abortSignal;
      if (caller?.aborted) controller.abort();
      else caller?.addEventListener('abort', () => controller.abort());
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
      try {
        request.abortSignal = controller.signal;
        return await next(request);
      } catch (error) {
        throw timedOut ? new CallTimedOut(ms) : error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
