import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { ajvLocalizer } from '@sohoa/eform/browser';
import Ajv2020 from 'ajv/dist/2020';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildFormView, checkForm } from '../../shared/form';
import { api, type AuditView, type FormView, type SessionInfo, type ValidationError } from './api';
import { awaitsReview, canKeepInVault, PortalFieldTemplate, type PortalFormContext } from './field-template';
import { actionLabel, actorLabel, percent } from './labels';

// The forms are JSON Schema 2020-12. The page fills and validates with @sohoa/eform/browser (Vietnamese
// messages); RJSF's own validator speaks the same messages (`ajvLocalizer`), and the server checks again.
const validator = customizeValidator({ AjvClass: Ajv2020 }, ajvLocalizer('vi'));
const templates = { FieldTemplate: PortalFieldTemplate };

type Screen = 'login' | 'consent' | 'form' | 'done' | 'audit';

/** Nest `{ pointer, message }` errors into RJSF's error schema. */
function toErrorSchema(errors: ValidationError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const part of e.pointer.split('/').slice(1)) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(e.message);
  }
  return root as ErrorSchema;
}

/** Titles of the schema nodes along a data pointer, e.g. `Người yêu cầu › Họ, chữ đệm, tên`. */
function titlesAt(schema: Record<string, unknown>, pointer: string): string[] {
  const titles: string[] = [];
  let node: Record<string, unknown> | undefined = schema;
  for (const part of pointer.split('/').slice(1)) {
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
    titles.push(typeof node?.title === 'string' ? node.title : part);
  }
  return titles;
}

export function App() {
  const [session, setSession] = useState<SessionInfo>();
  const [screen, setScreen] = useState<Screen>('login');
  const [view, setView] = useState<FormView>();
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [keepInVault, setKeepInVault] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<ValidationError[]>([]);
  const [notice, setNotice] = useState<string>();
  const [result, setResult] = useState<{ pdf: string; vaultUpdates: string[] }>();
  const [audit, setAudit] = useState<AuditView[]>([]);

  const refresh = useCallback(async () => {
    const { body } = await api.session();
    setSession(body);
    return body;
  }, []);

  const openForm = useCallback(async () => {
    const { status, body } = await api.form();
    if (status === 403) return setScreen('consent');
    // Filled here, in the browser, from the profile the server read under the citizen's grant.
    const filled = buildFormView(body);
    setView(filled);
    setFormData(structuredClone(filled.data));
    setAccepted(new Set());
    setKeepInVault(new Set());
    setErrors([]);
    setNotice(undefined);
    setScreen('form');
  }, []);

  const formContext = useMemo<PortalFormContext | undefined>(
    () =>
      view && {
        fields: new Map(view.fields.map((f) => [f.pointer, f])),
        offered: view.data,
        formData,
        accepted,
        keepInVault,
        accept: (pointer) => setAccepted((s) => new Set(s).add(pointer)),
        setKeepInVault: (pointer, keep) =>
          setKeepInVault((s) => {
            const next = new Set(s);
            if (keep) next.add(pointer);
            else next.delete(pointer);
            return next;
          }),
      },
    [view, formData, accepted, keepInVault],
  );

  // Without a grant in force the page asks for consent first, so no denied read lands in the citizen's log.
  const start = useCallback(
    async (s: SessionInfo) => {
      if (s.grants.some((g) => g.purpose === s.procedure.purpose)) await openForm();
      else setScreen('consent');
    },
    [openForm],
  );

  useEffect(() => {
    void refresh().then((s) => {
      if (s.citizen) void start(s);
    });
  }, [refresh, start]);

  async function login(id: string) {
    const { status } = await api.login(id);
    if (status !== 200) return setNotice('Không đăng nhập được.');
    await start(await refresh());
  }

  async function logout() {
    await api.logout();
    setView(undefined);
    setResult(undefined);
    await refresh();
    setScreen('login');
  }

  async function consent() {
    await api.consent();
    await refresh();
    await openForm();
  }

  async function submit(data: Record<string, unknown>) {
    if (!view || !formContext) return;
    const pending = view.fields.filter((f) => awaitsReview(formContext, f));
    if (pending.length > 0) {
      setNotice(`Còn ${pending.length} trường cần kiểm tra: bấm "Đúng, giữ giá trị này" hoặc sửa giá trị.`);
      return;
    }
    setNotice(undefined);
    const checked = checkForm(view.schema, data);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const updates = view.fields
      .filter((f) => keepInVault.has(f.pointer) && canKeepInVault(formContext, f))
      .map((f) => f.pointer);
    // Accepted review values the citizen also wants kept count as a confirmation by them.
    for (const f of view.fields)
      if (keepInVault.has(f.pointer) && accepted.has(f.pointer) && !updates.includes(f.pointer))
        updates.push(f.pointer);
    const { body } = await api.submit(data, updates);
    if (!body.ok) {
      setErrors(body.errors);
      return;
    }
    setErrors([]);
    setResult(body);
    setScreen('done');
  }

  async function showAudit() {
    const { body } = await api.audit();
    setAudit(body.entries);
    setScreen('audit');
  }

  const extraErrors = useMemo(() => toErrorSchema(errors), [errors]);
  // The page shows the form's title itself.
  const formSchema = useMemo(
    () => view && ({ ...view.schema, title: undefined, description: undefined } as RJSFSchema),
    [view],
  );
  const titleOf = (pointer: string) => (view ? titlesAt(view.schema, pointer).join(' › ') : pointer);

  return (
    <div className="page">
      <header>
        <div className="brand">Cổng dịch vụ công — ví dụ tích hợp sohoa</div>
        {session?.citizen && (
          <nav>
            <button
              type="button"
              onClick={() => void refresh().then(start)}
              className={screen === 'form' ? 'active' : ''}
            >
              Tờ khai
            </button>
            <button
              type="button"
              onClick={() => void showAudit()}
              className={screen === 'audit' ? 'active' : ''}
              id="open-audit"
            >
              Ai đã dùng dữ liệu của tôi
            </button>
            <button type="button" onClick={() => void logout()}>
              Đăng xuất
            </button>
          </nav>
        )}
      </header>

      {notice && <div className="notice">{notice}</div>}

      {screen === 'login' && session && (
        <section className="card">
          <h1>Đăng nhập</h1>
          <p>Bản ví dụ thay VNeID bằng danh sách công dân giả lập có trong kho dữ liệu mẫu.</p>
          {session.citizens.map((c) => (
            <button
              type="button"
              key={c.id}
              className="primary login"
              data-citizen={c.id}
              onClick={() => void login(c.id)}
            >
              Đăng nhập với số định danh {c.label}
            </button>
          ))}
        </section>
      )}

      {screen === 'consent' && session && (
        <section className="card consent">
          <h1>Cho phép cổng dùng dữ liệu của bạn</h1>
          <p>
            Cổng xin đọc thông tin cá nhân của bạn trong <strong>kho dữ liệu điện tử</strong> để điền sẵn{' '}
            <strong>{session.formTitle}</strong> cho thủ tục <strong>{session.procedure.name}</strong>.
          </p>
          <ul>
            <li>Thông tin được đọc: {session.procedure.keys.join(', ')} (thông tin cá nhân của bạn)</li>
            <li>
              Mục đích: {session.procedure.purpose}; chỉ cho biểu mẫu {session.formId.split('/').pop()}
            </li>
            <li>
              Thời hạn: {session.procedure.grantMinutes} phút, bạn có thể xem mọi lần đọc trong "Ai đã dùng dữ liệu của
              tôi"
            </li>
            <li>Cổng chỉ ghi vào kho những thay đổi bạn chọn "Cập nhật vào kho dữ liệu của tôi"</li>
          </ul>
          <button type="button" className="primary" id="grant" onClick={() => void consent()}>
            Đồng ý
          </button>{' '}
          <button type="button" onClick={() => void logout()}>
            Không đồng ý
          </button>
        </section>
      )}

      {screen === 'form' && view && formSchema && formContext && (
        <section className="card">
          <h1>{String(view.schema.title)}</h1>
          <p className="summary" id="coverage">
            Đã điền sẵn {view.coverage.filled}/{view.coverage.total} trường ({percent(view.coverage.ratio)}),{' '}
            {view.coverage.needsReview} trường cần bạn kiểm tra. Bạn khai với tư cách{' '}
            {view.role === 'mother' ? 'mẹ' : 'cha'} của trẻ. Di chuột lên một trường để xem nguồn của giá trị.
          </p>
          {errors.length > 0 && (
            <div className="errors" role="alert">
              <strong>Tờ khai chưa hợp lệ:</strong>
              <ul>
                {errors.map((e) => (
                  <li key={`${e.pointer}|${e.message}`}>
                    {titleOf(e.pointer)}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Form
            schema={formSchema}
            uiSchema={view.uiSchema}
            formData={formData}
            validator={validator}
            noValidate
            noHtml5Validate
            showErrorList={false}
            extraErrors={extraErrors}
            templates={templates}
            formContext={formContext}
            onChange={(e) => setFormData(e.formData as Record<string, unknown>)}
            onSubmit={(e) => void submit(e.formData as Record<string, unknown>)}
          >
            <button type="submit" className="primary" id="submit">
              Nộp tờ khai
            </button>
          </Form>
        </section>
      )}

      {screen === 'done' && result && (
        <section className="card done">
          <h1>Đã nộp tờ khai</h1>
          <p>
            <a href={result.pdf} download id="download-pdf" className="primary">
              Tải tờ khai (PDF)
            </a>
          </p>
          <p id="vault-updates">
            {result.vaultUpdates.length === 0
              ? 'Kho dữ liệu của bạn không thay đổi.'
              : `Đã cập nhật vào kho dữ liệu của bạn: ${result.vaultUpdates.join(', ')}.`}
          </p>
        </section>
      )}

      {screen === 'audit' && (
        <section className="card">
          <h1>Ai đã dùng dữ liệu của tôi</h1>
          <p>
            Nhật ký không sửa được (chuỗi băm) của mọi lần đọc, cấp quyền và cập nhật dữ liệu của bạn. Nhật ký chỉ ghi
            tên thông tin, không ghi giá trị.
          </p>
          <table id="audit">
            <thead>
              <tr>
                <th>#</th>
                <th>Thời gian</th>
                <th>Ai</th>
                <th>Việc</th>
                <th>Mục đích</th>
                <th>Biểu mẫu</th>
                <th>Thông tin</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((a) => (
                <tr key={a.seq} data-action={a.action} data-actor={a.actor} data-purpose={a.purpose ?? ''}>
                  <td>{a.seq}</td>
                  <td>{new Date(a.at).toLocaleString('vi-VN')}</td>
                  <td>{actorLabel(a.actor)}</td>
                  <td>{actionLabel(a)}</td>
                  <td>{a.purpose ?? ''}</td>
                  <td>{a.form?.split('/').pop() ?? ''}</td>
                  <td>
                    {a.keys.length > 3
                      ? `${a.keys.slice(0, 3).join(', ')} và ${a.keys.length - 3} thông tin khác`
                      : a.keys.join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
