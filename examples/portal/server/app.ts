import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { isSohoaError } from '@sohoa/core';
import type { FormSchema } from '@sohoa/eform';
import type { Vault } from '@sohoa/vault';
import { buildFormView } from '../shared/form';
import { createPortalService, type FormView, type Submission } from './portal';
import { ADMIN_ACTOR, PROCEDURE } from './procedure';

/** Options of {@link startPortal}. */
export interface PortalOptions {
  vault: Vault;
  schema: FormSchema;
  /** Citizens offered on the log-in page. */
  citizens: string[];
  /** Folder of the built web page (`vite build` output). */
  webRoot: string;
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A running portal. */
export interface RunningPortal {
  url: string;
  server: Server;
  close(): Promise<void>;
}

interface Session {
  citizen?: string;
  form?: FormView;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const MAX_BODY = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'BODY_TOO_LARGE', 'Request body over 1 MB.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'Request body is not JSON.');
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Mask a personal ID for display: `046•••••1652`. */
export function maskId(id: string): string {
  return `${id.slice(0, 3)}${'•'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
}

/** Start the portal's HTTP server: the JSON API under `/api/` and the built page. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const service = createPortalService({ vault: options.vault, schema: options.schema });
  const sessions = new Map<string, Session>();

  function session(req: IncomingMessage, res: ServerResponse): Session {
    const sid = /(?:^|;\s*)sid=([a-f0-9]{32})/.exec(req.headers.cookie ?? '')?.[1];
    if (sid && sessions.has(sid)) return sessions.get(sid)!;
    const fresh = randomBytes(16).toString('hex');
    res.setHeader('set-cookie', `sid=${fresh}; HttpOnly; SameSite=Strict; Path=/`);
    const created: Session = {};
    sessions.set(fresh, created);
    return created;
  }

  const citizenOf = (s: Session): string => {
    if (!s.citizen) throw new HttpError(401, 'NOT_LOGGED_IN', 'Log in first.');
    return s.citizen;
  };

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const s = session(req, res);
    const route = `${req.method} ${path}`;
    if (route === 'GET /api/session') {
      const citizens = options.citizens.map((id) => ({ id, label: maskId(id) }));
      const grants = s.citizen ? await service.grants(s.citizen) : [];
      return send(res, 200, {
        citizen: s.citizen ?? null,
        citizens,
        procedure: PROCEDURE,
        formTitle: options.schema.title,
        formId: service.formId,
        grants,
      });
    }
    if (route === 'POST /api/login') {
      const { id } = (await readJson(req)) as { id?: unknown };
      // A stand-in for VNeID: the demo trusts the ID typed in, if the vault holds that citizen.
      if (
        typeof id !== 'string' ||
        !options.citizens.includes(id) ||
        !(await options.vault.hasSubject(id, { actor: ADMIN_ACTOR, purpose: 'dang-nhap' }))
      ) {
        throw new HttpError(401, 'UNKNOWN_CITIZEN', 'No such demo citizen.');
      }
      s.citizen = id;
      delete s.form;
      return send(res, 200, { citizen: id });
    }
    if (route === 'POST /api/logout') {
      delete s.citizen;
      delete s.form;
      return send(res, 200, {});
    }
    if (route === 'POST /api/consent') return send(res, 200, { grants: await service.consent(citizenOf(s)) });
    if (route === 'GET /api/form') {
      // The page fills the form itself (`@sohoa/eform/browser`); the server keeps the same view to check the submission.
      const source = await service.formSource(citizenOf(s));
      s.form = buildFormView(source);
      return send(res, 200, source);
    }
    if (route === 'POST /api/submit') {
      const citizen = citizenOf(s);
      if (!s.form) throw new HttpError(409, 'FORM_NOT_OPEN', 'Open the form first.');
      const body = (await readJson(req)) as Partial<Submission>;
      const submission: Submission = {
        data: typeof body.data === 'object' && body.data !== null ? body.data : {},
        updateVault: Array.isArray(body.updateVault)
          ? body.updateVault.filter((p): p is string => typeof p === 'string')
          : [],
      };
      const result = await service.submit(citizen, s.form, submission);
      return send(res, result.ok ? 200 : 422, result.ok ? { ...result, pdf: `/api/pdf/${result.pdfId}` } : result);
    }
    const pdf = /^GET \/api\/pdf\/([a-f0-9]{24})$/.exec(route);
    if (pdf) {
      const bytes = service.pdf(citizenOf(s), pdf[1]!);
      if (!bytes) throw new HttpError(404, 'PDF_NOT_FOUND', 'No such PDF for this citizen.');
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="to-khai-dang-ky-khai-sinh.pdf"',
        'content-length': String(bytes.length),
      });
      res.end(bytes);
      return;
    }
    if (route === 'GET /api/audit') return send(res, 200, { entries: await service.audit(citizenOf(s)) });
    throw new HttpError(404, 'NOT_FOUND', 'No such API route.');
  }

  async function page(res: ServerResponse, path: string): Promise<void> {
    const file = normalize(join(options.webRoot, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(options.webRoot))) throw new HttpError(404, 'NOT_FOUND', 'Not found.');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      body = await readFile(join(options.webRoot, 'index.html'));
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://portal').pathname;
    (path.startsWith('/api/') ? api(req, res, path) : page(res, path)).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return send(res, error.status, { code: error.code, message: error.message });
      if (isSohoaError(error, 'VAULT_GRANT_MISSING'))
        return send(res, 403, {
          code: error.code,
          message: 'Cổng chưa được công dân cho phép truy cập dữ liệu cho thủ tục này.',
        });
      // Library messages carry no personal data (a rule of every package), so they can be logged.
      console.error(isSohoaError(error) ? `${error.code}: ${error.message}` : error);
      send(res, 500, {
        code: isSohoaError(error) ? error.code : 'INTERNAL',
        message: 'Lỗi hệ thống, vui lòng thử lại.',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
