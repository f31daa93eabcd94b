import { fireEvent, waitFor } from '@testing-library/react';

/** The text of every element matching a selector, in page order. */
export const texts = (selector: string, within: ParentNode = document) =>
  Array.from(within.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

/** Types into Taro's web Input or Textarea, whose real field sits inside the element with the class. */
export async function typeInto(selector: string, text: string): Promise<void> {
  const inner = await waitFor(() => {
    const element = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`${selector} input, ${selector} textarea`);
    if (element === null) throw new Error(`${selector} has not been drawn yet`);
    return element;
  });
  fireEvent.input(inner, { target: { value: text } });
}

/** The option of a ChoiceButtons row with that label. */
export const option = (name: string, label: string) =>
  waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>(`.${name}-option`)).find((el) => el.textContent?.includes(label));
    if (!found) throw new Error(`no ${name} option ${label} yet`);
    return found;
  });

/** A date or time picker: its shown value is the view inside it, the picker its parent. */
export async function pick(selector: string, value: string): Promise<void> {
  const picker = await waitFor(() => document.querySelector(selector)!.parentElement!);
  fireEvent(picker, new CustomEvent('change', { detail: { value }, bubbles: true }));
  await waitFor(() => expect(document.querySelector(selector)!.textContent).toBe(value));
}
