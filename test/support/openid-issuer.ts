import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** The issuer of every token the Bot Framework channel service sends to a bot (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/** An RSA signing key like the ones login.botframework.com publishes: a kid and the channels it endorses. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

export function signingKey(endorsements: readonly string[] = ['msteams'], kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', endorsements: [...endorsements] },
  };
}

/**
 * A local stand-in for login.botframework.com: an OpenID metadata document whose `jwks_uri` lists
 * the given keys' public halves, on a loopback port.
 */
export class LocalOpenIdIssuer {
  private server?: http.Server;
  /** How many times the keys were fetched. */
  keyFetches = 0;

  constructor(private readonly keys: readonly SigningKey[]) {}

  get metadataUrl(): string {
    return `${this.origin}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const body =
        req.url === '/v1/.well-known/openidconfiguration'
          ? { issuer: CHANNEL_ISSUER, jwks_uri: `${this.origin}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }
          : req.url === '/v1/.well-known/keys'
            ? (this.keyFetches++, { keys: this.keys.map((key) => key.jwk) })
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(body ? JSON.stringify(body) : '');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private get origin(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('issuer not started');
    return `http://127.0.0.1:${address.port}`;
  }
}

export interface ChannelTokenOptions {
  readonly audience: string;
  readonly serviceUrl?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for a token that already expired. */
  readonly expiresIn?: number;
  /** Sign with this key but name another key's kid in the header (a forged signature). */
  readonly kid?: string;
}

/** A token shaped like the ones the Bot Framework channel service sends: iss, aud, serviceurl, nbf, exp. */
export function channelToken(key: SigningKey, options: ChannelTokenOptions): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: options.issuer ?? CHANNEL_ISSUER,
    aud: options.audience,
    nbf: now - 60,
    exp: now + (options.expiresIn ?? 3600),
  };
  if (options.serviceUrl !== undefined) claims.serviceurl = options.serviceUrl;
  return jwt.sign(claims, key.privateKey, { algorithm: 'RS256', keyid: options.kid ?? key.kid });
}

/** A token with `alg: none` and no signature, naming a real key's kid. */
export function unsignedToken(kid: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT', kid })}.${part(claims)}.`;
}
