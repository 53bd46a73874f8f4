import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { RecordingServer, type Answer, type RecordedCall } from './recording-server';

export interface TokenClaims {
  iss: string;
  aud: string;
  serviceurl?: string;
  /** Seconds since the epoch. */
  nbf: number;
  exp: number;
}

/**
 * A Bot Framework-shaped key server on loopback: OpenID metadata naming a JWKS with one RSA
 * key, and a signer for tokens as the Bot Connector would send them (RS256, `kid` header).
 * Tests point MICROSOFT_OPENID_METADATA_URL at it and sign with the key or with a stranger's.
 */
export class FakeOpenIdServer {
  readonly kid = 'fake-key-1';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly server: RecordingServer = new RecordingServer((call: RecordedCall): Answer => {
    if (call.path === '/.well-known/openidconfiguration')
      return {
        status: 200,
        body: {
          issuer: 'https://api.botframework.com',
          jwks_uri: `${this.server.url}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        },
      };
    if (call.path === '/keys')
      return {
        status: 200,
        body: {
          keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }],
        },
      };
    return { status: 404, body: {} };
  });

  get metadataUrl(): string {
    return `${this.server.url}/.well-known/openidconfiguration`;
  }

  get calls(): RecordedCall[] {
    return this.server.calls;
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** A signed token; `with.key` signs with another private key, `with.kid` names another key. */
  sign(claims: TokenClaims, opts: { key?: KeyObject; kid?: string } = {}): string {
    const header = { alg: 'RS256', typ: 'JWT', kid: opts.kid ?? this.kid };
    const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256')
      .update(body)
      .sign(opts.key ?? this.key.privateKey);
    return `${body}.${signature.toString('base64url')}`;
  }
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A private key nobody published: tokens it signs must be refused. */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
