import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { DEFAULT_SEND_TIMEOUT_MS } from '../../src/config';
import { callTimeoutPolicy, type PipelinePolicy } from './call-timeout';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Name of the retry policy @azure/core-rest-pipeline puts in every client pipeline. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * A CloudAdapter for proactive sends whose connector clients do not retry by themselves and
 * give up on a call after `callTimeoutMs` (see ./call-timeout.ts).
 *
 * botframework-connector 4.23 builds its ConnectorClient on @azure/core-client, whose default
 * pipeline has `defaultRetryPolicy`: on 429/503 it waits for Retry-After and tries again, and
 * on 5xx and network errors it backs off and tries again, up to 3 times, inside one
 * `sendActivity` call. The outbox owns retries (its own backoff, a per-tenant pause on 429,
 * and a durable record of every attempt), so the SDK's hidden retries would double the
 * attempts, hold a send slot for seconds, and hide the 429s the rate limiter needs to see.
 * The connector options cannot turn the policy off (they pass no retry options through), so
 * each client the factory creates has it removed. test/integration/scheduler covers this: a
 * 429 reaches the fake connector exactly once per attempt.
 */
export function createProactiveAdapter(
  authConfig: ConfigurationBotFrameworkAuthenticationOptions,
  credentialsFactory: ConfigurationServiceClientCredentialFactory,
  callTimeoutMs = DEFAULT_SEND_TIMEOUT_MS,
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(authConfig, credentialsFactory);
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => {
    const factory = createFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string) => forOutbox(await factory.create(serviceUrl, audience), callTimeoutMs),
    } as ConnectorFactory;
  };
  return new CloudAdapter(auth);
}

/** Without the SDK's retries, with a call timeout. */
function forOutbox(client: ConnectorClient, callTimeoutMs: number): ConnectorClient {
  const pipeline = (
    client as unknown as {
      client?: { pipeline?: { removePolicy(options: { name: string }): unknown; addPolicy(policy: PipelinePolicy): void } };
    }
  ).client?.pipeline;
  if (!pipeline)
    throw new Error(
      'botframework-connector changed: ConnectorClient has no core-client pipeline; review adapters/teams/proactive-adapter.ts',
    );
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  pipeline.addPolicy(callTimeoutPolicy(callTimeoutMs));
  return client;
}
