import { fireEvent, waitFor } from '@testing-library/react';
import { drawn, onPage } from './drawn';

/** The text of every element matching a selector, in page order. */
export const texts = (selector: string, within: ParentNode = document) =>
  Array.from(within.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const FIELDS = 'taro-input-core, taro-textarea-core';

/**
 * Types into Taro's web Input or Textarea the way a person does: into its own <input> or
 * <textarea>, which Taro's web component draws inside the element (or wrapper) with the class, once
 * it is ready. Taro then reports detail.value to the page.
 */
export async function typeInto(selector: string, text: string): Promise<void> {
  const field = await drawn(`:is(${selector}):is(${FIELDS}), :is(${selector}) :is(${FIELDS})`, `the field ${selector}`);
  const own = field.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (own === null) throw new Error(`the field ${selector} was drawn without an <input> or <textarea> of its own`);
  fireEvent.input(own, { target: { value: text } });
}

/** The option of a ChoiceButtons row with that label. */
export const option = (name: string, label: string) =>
  waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>(`.${name}-option`)).find((el) => el.textContent?.includes(label));
    if (!found) throw new Error(`no ${name} option ${label} yet`);
    return found;
  });

/** The Taro Picker around the view that shows its value, once Taro has drawn it (she taps what she sees). */
export async function pickerAround(selector: string): Promise<HTMLElement> {
  const shown = await onPage(selector);
  const picker = shown.closest('taro-picker-core');
  if (picker === null) throw new Error(`${selector} is not inside a Taro Picker`);
  return drawn(picker, `the picker around ${selector}`);
}

/** A date or time picker: its shown value is the view inside it. */
export async function pick(selector: string, value: string): Promise<void> {
  fireEvent(await pickerAround(selector), new CustomEvent('change', { detail: { value }, bubbles: true }));
  await waitFor(() => expect(document.querySelector(selector)!.textContent).toBe(value));
}
