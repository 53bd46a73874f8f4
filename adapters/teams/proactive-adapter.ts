import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Name of the retry policy @azure/core-rest-pipeline puts in every client pipeline. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * A CloudAdapter for proactive sends whose connector clients do not retry by themselves.
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
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(authConfig, credentialsFactory);
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => {
    const factory = createFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string) => withoutSdkRetries(await factory.create(serviceUrl, audience)),
    } as ConnectorFactory;
  };
  return new CloudAdapter(auth);
}

function withoutSdkRetries(client: ConnectorClient): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }).client?.pipeline;
  if (!pipeline)
    throw new Error(
      'botframework-connector changed: ConnectorClient has no core-client pipeline; review adapters/teams/proactive-adapter.ts',
    );
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  return client;
}
