import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { KEY_BYTES } from './sealing.js';

export class MasterKeyError extends Error {}

export const keyFilePath = (dataDir: string): string => path.join(dataDir, 'master.key');

function decode(text: string, from: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new MasterKeyError(`${from} must be base64 of exactly ${KEY_BYTES} bytes.`);
  }
  return key;
}

/**
 * The master key comes from STEADFAST_MASTER_KEY, or from the key file in the data folder. A missing
 * key file is created (mode 0600) only when the database holds no sealed data yet: otherwise a new
 * key would silently make everything unreadable, so we refuse to start instead.
 */
export function loadMasterKey(options: {
  envKey: string | undefined;
  dataDir: string;
  hasSealedData: boolean;
}): { key: Buffer; source: 'env' | 'file' | 'created' } {
  if (options.envKey) return { key: decode(options.envKey, 'STEADFAST_MASTER_KEY'), source: 'env' };
  const file = keyFilePath(options.dataDir);
  if (fs.existsSync(file))
    return { key: decode(fs.readFileSync(file, 'utf8'), file), source: 'file' };
  if (options.hasSealedData) {
    throw new MasterKeyError(
      `The database holds sealed data but there is no master key: ${file} is missing and ` +
        'STEADFAST_MASTER_KEY is not set. Restore the key file from your backup (or set the variable) ' +
        'and start again. Without the key, private content cannot be read.',
    );
  }
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another process created the file in the meantime, rather than overwriting it.
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, source: 'created' };
}
