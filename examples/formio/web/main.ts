// A Form.io form filled by sohoa in the browser and rendered by Form.io's own renderer (@formio/js).
import '@formio/js/dist/formio.form.min.css';
import { Formio } from '@formio/js';
import { fillForm, loadForm, validateForm, type FillProfile } from '@sohoa/eform/browser';
import definition from '../form.json';
import profile from '../profile.json';

const byId = (id: string) => document.getElementById(id)!;

async function main(): Promise<void> {
  // The Form.io definition as the portal wrote it: sohoa reads it as is (detected from `components`).
  const form = loadForm(definition);
  // In a portal the profile comes from the citizen's vault, read under their grant; here, a synthetic one.
  const filled = fillForm(form, profile as FillProfile);
  byId('title').textContent = definition.title;
  byId('coverage').textContent = `sohoa đã điền ${filled.coverage.filled}/${filled.coverage.total} trường.`;

  const rendered = await Formio.createForm(byId('form'), definition);
  // `filled.data` is a Form.io submission `data`: containers nest, panels do not.
  rendered.submission = { data: filled.data };

  // Values sohoa was not sure of are offered, not filled: the citizen checks them.
  for (const f of filled.fields.filter((f) => f.status === 'needs-review')) {
    const item = document.createElement('li');
    item.dataset.pointer = f.pointer;
    item.textContent = `${f.pointer}: cần kiểm tra (${f.reason ?? ''})`;
    byId('review').append(item);
  }
  // Before submitting, the same rules as Form.io's `validate`, with Vietnamese messages.
  rendered.on('submit', (submission: { data: unknown }) => {
    const { errors } = validateForm(form, submission.data);
    byId('errors').replaceChildren(
      ...errors.map((e) => Object.assign(document.createElement('li'), { textContent: `${e.pointer}: ${e.message}` })),
    );
    document.body.dataset.validated = String(errors.length);
  });
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  document.body.dataset.error = String(error);
  throw error;
});
