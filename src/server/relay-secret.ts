/**
 * The relay secret (`RELAY_SECRET`): 32 random bytes, written as 64 hex characters, that only the relays hold. It
 * keys every hash and seal that reaches a store, so that what a reader of Redis (or of a Durable Object) sees cannot
 * be tied to a request even when the request's `Idempotency-Key` is easy to guess (a server-to-server caller's
 * `order-4711`): without the secret, a guess cannot be hashed to compare, nor an answer unsealed. Client addresses
 * are keyed the same way, since an IPv4 address hashed without a secret is found by trying all 2^32.
 *
 * Web Crypto only, so the same code runs on Node and on Workers.
 */
const HEX64 = /^[0-9a-f]{64}$/i;
const encoder = new TextEncoder();

export const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );

/** Whether `value` is a relay secret as written: 64 hex characters. */
export const isRelaySecret = (value: string): boolean => HEX64.test(value);

/** A new secret, for a relay that shares no store (and so needs none that outlives it). */
export function newRelaySecret(): string {
  return hex(crypto.getRandomValues(new Uint8Array(32)));
}

/** What one request's `Idempotency-Key` becomes under one secret. */
export interface KeyMaterial {
  /** Where the key's claim and answer are kept: an HMAC of the customer id and the key. */
  scope: string;
  /** An HMAC of the lead under the key, so that a key reused for another lead is told apart. */
  print: string;
  /** Seals the key's answer (AES-GCM); only a request with the same key (and the secret) can open it. */
  sealKey: CryptoKey;
}

/** One relay secret, imported once, and the keyed hashes made with it. */
export class RelaySecret {
  private readonly key: Promise<CryptoKey>;

  constructor(secretHex: string) {
    if (!isRelaySecret(secretHex)) throw new Error('A relay secret is 64 hex characters (openssl rand -hex 32).');
    const bytes = Uint8Array.from(secretHex.match(/../g)!, (pair) => parseInt(pair, 16));
    this.key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }

  /** An HMAC of `parts`, each prefixed with its length so that no two lists of parts run together. */
  private async mac(...parts: string[]): Promise<ArrayBuffer> {
    return crypto.subtle.sign('HMAC', await this.key, encoder.encode(parts.map((p) => `${p.length}:${p}`).join('')));
  }

  /** The store key of `key` for `customerId`. */
  async scope(customerId: string, key: string): Promise<string> {
    return hex(await this.mac('scope', customerId, key));
  }

  async keyMaterial(customerId: string, key: string, leadJson: string): Promise<KeyMaterial> {
    const [scope, print, sealBits] = await Promise.all([
      this.scope(customerId, key),
      this.mac('print', customerId, key, leadJson),
      this.mac('seal', customerId, key),
    ]);
    const sealKey = await crypto.subtle.importKey('raw', sealBits, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return { scope, print: hex(print), sealKey };
  }

  /** The key that seals what the relay keeps of a lead itself (the outbox's entries). */
  async sealingKey(purpose: string): Promise<CryptoKey> {
    return crypto.subtle.importKey('raw', await this.mac('seal-kept', purpose), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
  }

  /** What the rate limit counts a client address as. */
  async client(address: string): Promise<string> {
    return hex(await this.mac('client', address));
  }
}

/** The secret in use and, during a rotation, the one before it, whose stored answers are still read. */
export interface RelaySecrets {
  current: RelaySecret;
  previous?: RelaySecret;
}

const base64 = (bytes: Uint8Array) => {
  let text = '';
  // In slices: a spread of a large array would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};
const unbase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** `text` encrypted with AES-GCM under `key`, a random IV first, as base64. */
export async function seal(key: CryptoKey, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text)));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return base64(out);
}

/** What `seal` sealed under `key`; `undefined` under another key, or for anything changed. */
export async function unseal(key: CryptoKey, sealed: string): Promise<string | undefined> {
  try {
    const bytes = unbase64(sealed);
    return new TextDecoder().decode(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12)),
    );
  } catch {
    return undefined;
  }
}
