import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Sensitive fields are stored as AES-256-GCM ciphertext ("<key id>.<iv>.<tag>.<data>", base64url), so
 * a database dump or backup alone reveals nothing. The key comes from DATA_ENCRYPTION_KEY; its id
 * (DATA_ENCRYPTION_KEY_ID, default v1) travels with every value, so a new key can be introduced
 * while old values are still read with the old one.
 */
export class FieldCipher {
  constructor(
    private readonly key: Buffer,
    private readonly keyId = 'v1',
  ) {
    if (key.length !== 32) throw new Error('The data encryption key must be 32 bytes');
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.keyId, iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, data] = stored.split('.');
    if (keyId !== this.keyId || !iv || !tag || data === undefined) throw new Error(`Not a value written with key ${this.keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** One-way digest for lookup of secrets we only compare (refresh tokens). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
