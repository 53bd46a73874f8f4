import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { TeamsConfig } from '../../src/config';
import { describeError } from '../../src/core/describe-error';
import type { Logger } from '../../src/core/ports';

/**
 * A custom key server for inbound tokens (MICROSOFT_OPENID_METADATA_URL). botbuilder switches
 * to fully "parameterized" authentication once any endpoint is given, so the others are filled
 * in with its public-cloud values (botframework-connector's AuthenticationConstants, not a
 * direct dependency of ours), leaving outbound sign-in as it was.
 */
export function tokenSource(config: TeamsConfig): Record<string, string> {
  if (!config.openIdMetadataUrl) return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: config.tokenIssuer ?? 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

export type TokenVerdict = { ok: true } | { ok: false; status: 401 | 503; message: string };

/**
 * Checks the Bot Framework token before botbuilder's CloudAdapter sees the request.
 * CloudAdapter answers 401 only for its own AuthenticationError; jsonwebtoken's errors (a bad
 * signature, a token not yet valid, a truncated token) escape as 500 with the library's
 * message in the body (botbuilder 4.23, `CloudAdapter.process`). Checked here with the same
 * configuration, they are a 401 with a fixed text; a key server that cannot be reached is a
 * 503 so the Bot Connector tries again. The adapter then checks once more (keys are cached,
 * one RSA verification, well under a millisecond).
 */
export function tokenChecker(
  authConfig: Record<string, string>,
  credentials: ConfigurationServiceClientCredentialFactory,
  logger: Logger,
): (activity: Activity, header: string) => Promise<TokenVerdict> {
  const auth = new ConfigurationBotFrameworkAuthentication(authConfig, credentials);
  return async (activity, header) => {
    try {
      await auth.authenticateRequest(activity, header);
      return { ok: true };
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      logger.warn('teams request refused: token not accepted', { error: describeError(error) });
      if (typeof status === 'number' && status >= 500) return { ok: false, status: 503, message: 'Cannot check tokens right now.' };
      return { ok: false, status: 401, message: 'Unauthorized.' };
    }
  };
}
