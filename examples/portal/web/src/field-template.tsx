import type { FieldTemplateProps } from '@rjsf/utils';
import { getAt, type PortalField } from './api';
import { describeSource, percent, REASONS } from './labels';

/** What every field reads from the page: the fill result and the citizen's choices. */
export interface PortalFormContext {
  fields: Map<string, PortalField>;
  /** The values as the vault gave them. */
  offered: Record<string, unknown>;
  formData: Record<string, unknown>;
  accepted: Set<string>;
  keepInVault: Set<string>;
  accept(pointer: string): void;
  setKeepInVault(pointer: string, keep: boolean): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A field whose value needs the citizen's eye and has not had it yet. */
export function awaitsReview(ctx: PortalFormContext, field: PortalField): boolean {
  return (
    field.status === 'needs-review' &&
    !ctx.accepted.has(field.pointer) &&
    same(getAt(ctx.formData, field.pointer), getAt(ctx.offered, field.pointer))
  );
}

/** An edited field the citizen may write back to their own vault. */
export function canKeepInVault(ctx: PortalFormContext, field: PortalField): boolean {
  const value = getAt(ctx.formData, field.pointer);
  return (
    field.vaultKey !== undefined &&
    value !== undefined &&
    value !== '' &&
    !same(value, getAt(ctx.offered, field.pointer))
  );
}

/**
 * Each leaf field with its origin: a hover card with the provenance, a highlight and an accept
 * button when the value needs review, the reason when it is empty, and, once edited, the choice
 * between "this form only" and "update my vault".
 */
export function PortalFieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    required,
    children,
    errors,
    description,
    help,
    hidden,
    displayLabel,
    schema,
    fieldPathId,
    registry,
  } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  if (schema.type === 'object') return <div className="group">{children}</div>;
  const ctx = registry.formContext as PortalFormContext;
  const pointer = `/${fieldPathId.path.join('/')}`;
  const field = ctx.fields.get(pointer);
  const review = field !== undefined && awaitsReview(ctx, field);
  const edited = field !== undefined && !same(getAt(ctx.formData, pointer), getAt(ctx.offered, pointer));
  const origin =
    field?.status === 'filled'
      ? 'filled'
      : field?.status === 'needs-review'
        ? review
          ? 'needs-review'
          : 'reviewed'
        : 'empty';
  return (
    <div
      className={`field field-${origin}${edited ? ' field-edited' : ''}`}
      data-pointer={pointer}
      data-status={field?.status ?? 'none'}
    >
      {displayLabel && (
        <label htmlFor={id}>
          {label}
          {required && <span className="required">*</span>}
          {field?.status === 'filled' && !edited && <span className="badge badge-filled">tự động điền</span>}
          {review && <span className="badge badge-review">cần kiểm tra</span>}
          {edited && <span className="badge badge-edited">bạn đã sửa</span>}
        </label>
      )}
      <div className="control">{children}</div>
      {field?.source && (
        <div className="provenance" role="tooltip">
          {describeSource(field.source).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
      {review && field && (
        <div className="review-note">
          {REASONS[field.reason ?? 'low-confidence']} Độ tin cậy {percent(field.source?.confidence ?? 0)}.{' '}
          <button type="button" className="accept" onClick={() => ctx.accept(pointer)}>
            Đúng, giữ giá trị này
          </button>
        </div>
      )}
      {field?.status === 'empty' && !edited && <div className="empty-reason">{REASONS[field.reason ?? 'no-data']}</div>}
      {field && canKeepInVault(ctx, field) && (
        <div className="vault-choice" role="radiogroup" aria-label="Lưu thay đổi">
          <label>
            <input
              type="radio"
              name={`keep-${pointer}`}
              checked={!ctx.keepInVault.has(pointer)}
              onChange={() => ctx.setKeepInVault(pointer, false)}
            />
            Chỉ dùng cho tờ khai này
          </label>
          <label>
            <input
              type="radio"
              name={`keep-${pointer}`}
              checked={ctx.keepInVault.has(pointer)}
              onChange={() => ctx.setKeepInVault(pointer, true)}
            />
            Cập nhật vào kho dữ liệu của tôi
          </label>
        </div>
      )}
      {description}
      {/* `ui:help` from toUiSchema: the value's source in one line (the hover card has the details). */}
      {field?.status === 'filled' && !edited && <div className="source-help">{help}</div>}
      {errors}
    </div>
  );
}
