import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Sensitive fields are stored as AES-256-GCM ciphertext ("<key id>.<iv>.<tag>.<data>", base64url), so
 * a database dump or backup alone reveals nothing. The key comes from DATA_ENCRYPTION_KEY; its id
 * (DATA_ENCRYPTION_KEY_ID, default v1) travels with every value. Rotation: the new key becomes the
 * current one, the old ones are kept read-only (DATA_ENCRYPTION_PREVIOUS_KEYS) until
 * `pnpm rotate:data-key` has rewritten every value with the new key.
 */
export class FieldCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    private readonly key: Buffer,
    readonly keyId = 'v1',
    previousKeys: Record<string, Buffer> = {},
  ) {
    for (const [id, k] of [[keyId, key] as const, ...Object.entries(previousKeys)]) {
      if (k.length !== 32) throw new Error(`The data encryption key ${id} must be 32 bytes`);
    }
    if (keyId in previousKeys) throw new Error(`The key id ${keyId} is both current and previous`);
    this.keys = new Map([...Object.entries(previousKeys), [keyId, key]]);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.keyId, iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, data] = stored.split('.');
    const key = this.keys.get(keyId);
    if (!key || !iv || !tag || data === undefined) throw new Error(`Not a value written with a known key (${[...this.keys.keys()].join(', ')})`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Whether a stored value was written with an older key and should be rewritten. */
  isStale(stored: string): boolean {
    return !stored.startsWith(`${this.keyId}.`);
  }
}

/** One-way digest for lookup of secrets we only compare (refresh tokens). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
