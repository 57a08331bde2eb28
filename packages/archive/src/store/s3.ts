import { createHash, createHmac } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import { assertBlobKey } from './keys';
import type { BlobStore } from './types';

/** Options of {@link s3Store}. */
export interface S3StoreOptions {
  /** `https://s3.ap-southeast-1.amazonaws.com`, or an S3-compatible server's URL, e.g. `http://127.0.0.1:4568`. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** @default 'us-east-1' */
  region?: string;
  /** Prefix of every key in the bucket, e.g. `copies/`. @default '' */
  prefix?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding of a path segment, as SigV4 wants it. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const amzDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * The `Authorization` header of AWS Signature Version 4 for a request without a query string; `headers` are the
 * headers signed (names in lower case, `x-amz-date` among them), `path` the URI-encoded path.
 */
export function signV4(input: {
  method: string;
  path: string;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): string {
  const { headers } = input;
  const now = headers['x-amz-date']!;
  const day = now.slice(0, 8);
  const names = Object.keys(headers).sort();
  const canonicalRequest = `${input.method}\n${input.path}\n\n${names.map((n) => `${n}:${headers[n]!.trim()}\n`).join('')}\n${names.join(';')}\n${input.payloadHash}`;
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', now, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
}

/**
 * A blob store in an S3-compatible bucket (path-style URLs, AWS Signature Version 4, no SDK). A PUT of an
 * object is atomic on S3: readers see the old object or the new one, never half of it.
 */
export function s3Store(options: S3StoreOptions): BlobStore {
  const endpoint = new URL(options.endpoint);
  const region = options.region ?? 'us-east-1';
  const prefix = options.prefix ?? '';
  const doFetch = options.fetch ?? globalThis.fetch;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(options.bucket))
    throw new SohoaError('ARCHIVE_STORE_FAILED', 'The S3 bucket name is not a valid bucket name.');
  const pathOf = (key: string) =>
    `${endpoint.pathname.replace(/\/$/, '')}/${options.bucket}/${`${prefix}${assertBlobKey(key)}`
      .split('/')
      .map(encode)
      .join('/')}`;

  async function request(method: string, key: string, body?: Uint8Array): Promise<Response> {
    const path = pathOf(key);
    const payloadHash = sha256(body ?? '');
    const headers: Record<string, string> = {
      host: endpoint.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate(new Date()),
    };
    const authorization = signV4({ method, path, headers, payloadHash, region, ...options });
    const { host: _host, ...sent } = headers;
    try {
      return await doFetch(new URL(path, endpoint), {
        method,
        headers: {
          ...sent,
          authorization,
          ...(body && { 'content-length': String(body.length) }),
        },
        ...(body && { body }),
      });
    } catch (cause) {
      throw new SohoaError(
        'ARCHIVE_STORE_FAILED',
        `The S3 store at ${endpoint.host} cannot be reached; check the endpoint.`,
        { cause, details: { key } },
      );
    }
  }

  const failed = async (what: string, key: string, response: Response): Promise<never> => {
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? String(response.status);
    throw new SohoaError('ARCHIVE_STORE_FAILED', `Could not ${what} \`${key}\` in the S3 store (${code}).`, {
      details: { key, status: response.status },
    });
  };

  return {
    name: 's3',
    locate: (key) => `s3://${options.bucket}/${prefix}${assertBlobKey(key)}`,
    async put(key, bytes) {
      const response = await request('PUT', key, bytes);
      if (!response.ok) await failed('write', key, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await request('GET', key);
      if (response.status === 404) {
        await response.arrayBuffer();
        return undefined;
      }
      if (!response.ok) return failed('read', key, response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await request('DELETE', key);
      if (!response.ok && response.status !== 404) await failed('delete', key, response);
      await response.arrayBuffer();
    },
    async exists(key) {
      const response = await request('HEAD', key);
      await response.arrayBuffer();
      if (response.status === 404) return false;
      if (!response.ok) return failed('check', key, response);
      return true;
    },
  };
}
