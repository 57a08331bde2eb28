// A SurveyJS survey filled by sohoa in the browser and rendered by SurveyJS's own renderer
// (survey-core + survey-js-ui).
// The fontless stylesheet: the default one loads Open Sans from Google Fonts.
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/vietnamese';
import { fillForm, loadForm, validateForm, type FillProfile } from '@sohoa/eform/browser';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import definition from '../form.json';
import profile from '../profile.json';

const byId = (id: string) => document.getElementById(id)!;

// The survey JSON as the portal wrote it: sohoa reads it as is (detected from `pages`).
const form = loadForm(definition);
// In a portal the profile comes from the citizen's vault, read under their grant; here, a synthetic one.
const filled = fillForm(form, profile as FillProfile);
byId('coverage').textContent = `sohoa đã điền ${filled.coverage.filled}/${filled.coverage.total} trường.`;

const survey = new Model(definition);
// `filled.data` is SurveyJS `data`: keyed by question name, panels do not nest, a multiple-text question does.
survey.data = filled.data;

// Values sohoa was not sure of are offered, not filled: the citizen checks them.
for (const f of filled.fields.filter((f) => f.status === 'needs-review')) {
  const item = document.createElement('li');
  item.dataset.pointer = f.pointer;
  item.textContent = `${f.pointer}: cần kiểm tra (${f.reason ?? ''})`;
  byId('review').append(item);
}

// On completion, the same rules as the survey's `isRequired` and validators, with Vietnamese messages.
survey.onComplete.add((sender) => {
  const { errors } = validateForm(form, sender.data);
  byId('errors').replaceChildren(
    ...errors.map((e) => Object.assign(document.createElement('li'), { textContent: `${e.pointer}: ${e.message}` })),
  );
  document.body.dataset.validated = String(errors.length);
});

renderSurvey(survey, byId('survey'));
document.body.dataset.ready = 'true';
