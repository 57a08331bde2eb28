// Hand-written form fragments and a fill of them for the binding rule tests (test support, not exported).
import { fillForm } from '../fill';
import { loadForm } from '../schema';
import type { FormSchema } from '../types';
import { syntheticProfile } from './test-profile';

export const text = (title: string): FormSchema => ({ type: 'string', title });
/** A date asked as three fields (`Ngày`, `Tháng`, `Năm`) under a parent, as most Vietnamese forms do. */
export const date = (title: string): FormSchema => ({
  type: 'object',
  title,
  properties: { d: text('Ngày'), m: text('Tháng'), y: text('Năm') },
});
export const section = (title: string, properties: Record<string, FormSchema>): FormSchema => ({
  type: 'object',
  title,
  properties,
});
export const form = (properties: Record<string, FormSchema>, title?: string): FormSchema => ({
  type: 'object',
  ...(title !== undefined && { title }),
  properties,
});
export const now = new Date(2026, 2, 5);
/** The values filled for the synthetic person, by pointer. */
export const filled = (schema: FormSchema) =>
  Object.fromEntries(
    fillForm(loadForm(schema), syntheticProfile(), { now })
      .fields.filter((f) => f.status === 'filled')
      .map((f) => [f.pointer, f.value]),
  );
