/**
 * Puts `text` into a text field where its cursor is (replacing a selection) and leaves the cursor
 * after it. The field's `input` event fires, so `v-model` follows.
 */
export function insertAtCursor(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.focus();
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
