import { onBeforeUnmount, onMounted } from 'vue';

/**
 * True when a key press belongs to what the person is typing: text fields, selects, editable
 * content. Shortcuts stay quiet there.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  if (element.closest('textarea, select, [contenteditable="true"]')) return true;
  const input = element.closest('input');
  return input !== null && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(input.type);
}

/** Keys as `KeyboardEvent.key` ('j', 'Enter', '/', '?', 'Escape'); the handler may return false to let the key through. */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => void | false>;

/**
 * Single-key shortcuts on the whole page while the calling component is mounted. They do not fire
 * while typing, with Ctrl/Alt/Meta held, or while a modal dialog is open (it owns the keyboard then).
 */
export function useShortcuts(shortcuts: ShortcutMap): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    if (isTypingTarget(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    const handler = shortcuts[event.key];
    if (handler && handler(event) !== false) event.preventDefault();
  }

  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
